"""Broken data (a table or a boundary layer) stops every command (exit 2) and the app (an error
page) with the same messages."""

from __future__ import annotations

import subprocess
import sys

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from test_geometry import damage_layer
from test_tables import edit_row

from geodata import DATA_DIR, problems_in_data


def break_states_date(folder):
    edit_row(folder / "states.csv", "FIN", "withdrawal_effective_date", "2026-01-32")


def break_events_code(folder):
    edit_row(folder / "events.csv", 4, "iso3", "XXX")


def break_borders_length(folder):
    edit_row(folder / "borders_published.csv", 2, "published_km", "lots")


def break_encoding(folder):
    path = folder / "events.csv"
    path.write_bytes(path.read_bytes().replace(b"Eduskunta", b"Edusk\xfcnta"))


def truncate_file(folder):
    (folder / "states.csv").write_text("iso3,name\n", encoding="utf-8")


def remove_file(folder):
    (folder / "borders_published.csv").unlink()


def truncate_countries(folder):
    damage_layer(folder, "countries.geojson", lambda text: text[:5000])


def unknown_code_in_borders(folder):
    damage_layer(folder, "borders.geojson", lambda text: text.replace('"FIN"', '"FIX"'))


BREAKS = [
    break_states_date,
    break_events_code,
    break_borders_length,
    break_encoding,
    truncate_file,
    remove_file,
    truncate_countries,
    unknown_code_in_borders,
]
COMMANDS = [
    ["-m", "geodata", "status", "--date", "2026-01-01"],
    ["-m", "geodata", "belt", "--date", "2026-01-01"],
    ["-m", "layers.export", "csv", "--out", "{out}"],
]


@pytest.mark.parametrize("damage", BREAKS)
def test_every_command_refuses_with_the_validator_messages(data_copy, damage, tmp_path):
    damage(data_copy)
    expected = [str(p) for p in problems_in_data(data_copy)]
    assert expected
    for command in COMMANDS:
        out = tmp_path / "out.csv"
        args = [a.format(out=out) for a in command]
        result = subprocess.run(
            [sys.executable, *args], capture_output=True, text=True, cwd=DATA_DIR.parent,
            env={"MINE_BAN_DATA_DIR": str(data_copy), "PATH": ""},
        )  # fmt: skip
        assert result.returncode == 2, (command, result.stderr)
        assert result.stderr.strip().splitlines() == expected, command
        assert result.stdout == "" and not out.exists()


@pytest.mark.parametrize("damage", BREAKS)
def test_the_app_shows_an_error_page_with_the_same_messages(data_copy, damage, monkeypatch):
    damage(data_copy)
    expected = "\n".join(str(p) for p in problems_in_data(data_copy))
    monkeypatch.setenv("MINE_BAN_DATA_DIR", str(data_copy))
    st.cache_resource.clear()
    app = AppTest.from_file(str(DATA_DIR.parent / "app.py"), default_timeout=60)
    app.run()
    st.cache_resource.clear()
    assert not app.exception
    assert "does not validate" in app.error[0].value
    assert app.code[0].value == expected
    assert not app.dataframe  # nothing half-shown
