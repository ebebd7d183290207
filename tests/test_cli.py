"""``python -m geodata``: CSV on stdout, exit status 2 and one line for bad input."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

from test_tables import edit_row

from geodata import DATA_DIR


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "geodata", *args],
        capture_output=True,
        text=True,
        cwd=DATA_DIR.parent,
    )


def test_status_prints_every_unit(treaty):
    result = run("status", "--date", "2026-02-20")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"iso3", "name", "status"} <= set(rows[0])
    by_code = {r["iso3"]: r for r in rows}
    assert len(by_code) == len(treaty.units)
    assert by_code["POL"]["status"] == "withdrawn"
    assert by_code["UKR"]["status"] == "suspension_contested"
    assert by_code["GRL"]["status"] == "party" and by_code["GRL"]["status_from"] == "DNK"


def test_bad_dates_exit_2_with_one_line():
    for bad in ("2026-02-30", "20-02-2026", "yesterday", ""):
        result = run("status", "--date", bad)
        assert result.returncode == 2
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert result.stderr.startswith("--date: ")


def test_validate_ok_and_broken(data_copy):
    assert run("validate").returncode == 0
    line = edit_row(data_copy / "states.csv", "FIN", "eif_date", "2012-08-01")
    result = run("validate", "--data-dir", str(data_copy))
    assert result.returncode == 2
    assert result.stdout.strip() == (
        f"states.csv:{line}: eif_date: Art. 17 gives 2012-07-01 for a deposit on 2012-01-09"
    )


def test_status_refuses_invalid_data_with_the_same_message(data_copy):
    line = edit_row(data_copy / "states.csv", "FIN", "eif_date", "2012-08-01")
    result = run("status", "--date", "2026-01-01", "--data-dir", str(data_copy))
    assert result.returncode == 2 and result.stdout == ""
    assert f"states.csv:{line}: eif_date: Art. 17 gives" in result.stderr
    assert "Traceback" not in result.stderr
