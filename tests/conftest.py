"""Shared fixtures: the real treaty tables, and writable copies of them to break."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from geodata import DATA_DIR, load_treaty
from geodata.tables import BORDERS_FILE, EVENTS_FILE, STATES_FILE


@pytest.fixture(scope="session")
def treaty():
    return load_treaty()


@pytest.fixture
def data_copy(tmp_path):
    """A copy of the two treaty tables in a temporary directory, to edit and re-validate."""
    for name in (STATES_FILE, EVENTS_FILE, BORDERS_FILE):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
