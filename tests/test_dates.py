"""One parser of dates: the command lines, the URL and the validator take and refuse the same."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from test_tables import edit_row, messages

from geodata import parse_day
from geodata.__main__ import main as geodata_main
from geodata.model import OPENED
from layers.export import main as export_main
from layers.params import parse_params

END = dt.date(2026, 11, 23)
# What each text is: a date, or why not (the same words everywhere).
CASES = [
    ("2026-W08-5", "'2026-W08-5' is not a date (YYYY-MM-DD)"),  # week date: 20 Feb 2026
    ("2026-2-20", "'2026-2-20' is not a date (YYYY-MM-DD)"),
    ("20260220", "'20260220' is not a date (YYYY-MM-DD)"),  # the ISO basic form
    (" 2026-02-20 ", dt.date(2026, 2, 20)),  # spaces around a date are ignored everywhere
    ("2026-02-30", "'2026-02-30' is not a real calendar date"),
    ("２０２６-02-20", "'２０２６-02-20' is not a date (YYYY-MM-DD)"),  # fullwidth digits
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_parser(text, expected):
    if isinstance(expected, dt.date):
        assert parse_day(text) == expected
    else:
        with pytest.raises(ValueError, match=f"^{re.escape(expected)}$"):
            parse_day(text)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_url(text, expected):
    state = parse_params({"date": text}, OPENED, END, dt.date(2025, 1, 1))
    if isinstance(expected, dt.date):
        assert (state.day, state.ignored) == (expected, [])
    else:
        assert state.day == dt.date(2025, 1, 1)
        assert state.ignored == [
            f"?date={text!r} is not a date; showing 2025-01-01 (dates are YYYY-MM-DD)"
        ]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_data_command_line(text, expected, capsys):
    code = geodata_main(["status", "--date", text])
    out, err = capsys.readouterr()
    if isinstance(expected, dt.date):
        assert code == 0 and out.splitlines()[1].startswith("2026-02-20,ABW,Aruba,")
    else:
        assert (code, out, err) == (2, "", f"--date: {expected}\n")


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_export_command_line(text, expected, capsys, tmp_path):
    out = tmp_path / "status.csv"
    code = export_main(["csv", "--date", text, "--out", str(out)], today=END)
    err = capsys.readouterr().err
    if isinstance(expected, dt.date):
        assert code == 0 and "\n2026-02-20,ABW,Aruba," in out.read_text(encoding="utf-8")
    else:
        assert (code, err) == (2, f"python -m layers.export: --date: {expected}\n")
        assert not out.exists()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_validator(text, expected, data_copy):
    # Poland's withdrawal took effect on 2026-02-20 (Art. 20(2): six months after 2025-08-20).
    line = edit_row(data_copy / "states.csv", "POL", "withdrawal_effective_date", text)
    found = messages(data_copy)
    if isinstance(expected, dt.date):
        assert found == []
    else:
        # (the row is then left out, so events naming Poland are reported too)
        assert found[0] == f"states.csv:{line}: withdrawal_effective_date: {expected}"
