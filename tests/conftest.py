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


HOSTILE = (
    '<img src=x onerror="window.top.__pwned=1">'
    "<script>window.top.__pwned=2</script>"
    "</script><script>window.top.__pwned=3</script>"
    '"); window.top.__pwned=4; ("'
    "[link](javascript:window.top.__pwned=5) **bold** {{7*7}}"
)


def write_hostile_copy(folder):
    """The real tables with HTML, script and markup in names, titles, notes and sources."""
    import csv

    for name in (STATES_FILE, EVENTS_FILE, BORDERS_FILE):
        shutil.copy(DATA_DIR / name, folder / name)

    def rewrite(name, change):
        path = folder / name
        rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
        for row in rows:
            change(row)
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    def states(row):
        if row["iso3"] in ("POL", "FIN", "GRL"):
            row["name"] = f"{row['name']} {HOSTILE}"
            row["note"] = HOSTILE
            row["source"] = f"{row['source']} {HOSTILE}"
            if row["withdrawal_source"]:
                row["withdrawal_source"] += f" {HOSTILE}"

    def events(row):
        row["title"] = f"{row['title']} {HOSTILE}"
        row["source"] = f"{row['source']} {HOSTILE}"

    def borders(row):
        row["source"] = f"{row['source']} {HOSTILE}"

    rewrite(STATES_FILE, states)
    rewrite(EVENTS_FILE, events)
    rewrite(BORDERS_FILE, borders)
    return folder
