"""The validator on broken copies of the real tables: every message names file, line and field."""

from __future__ import annotations

import csv

import pytest

from geodata import DATA_DIR, DataError, load_treaty
from geodata.tables import problems_in


def edit_row(path, iso3_or_line, column, value):
    """Set *column* of the row whose first field is *iso3_or_line* (or whose line number is it)."""
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    header = rows[0]
    for number, row in enumerate(rows[1:], 2):
        if row[0] == iso3_or_line or number == iso3_or_line:
            row[header.index(column)] = value
            line = number
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return line


def messages(data_dir):
    return [str(p) for p in problems_in(data_dir)]


def test_the_project_data_is_valid(treaty):
    assert problems_in(DATA_DIR) == []
    assert len(treaty.units) == 243  # the rows of states.csv
    assert len(treaty.published) == 11  # the rows of borders_published.csv


@pytest.mark.parametrize(
    ("iso3", "column", "value", "expected"),
    [
        (
            "FIN",
            "consent_date",
            "2012/01/09",
            "consent_date: '2012/01/09' is not a date (YYYY-MM-DD)",
        ),
        (
            "FIN",
            "consent_date",
            "2012-02-30",
            "consent_date: '2012-02-30' is not a real calendar date",
        ),
        (
            "FIN",
            "eif_date",
            "2012-08-01",
            "eif_date: Art. 17 gives 2012-07-01 for a deposit on 2012-01-09",
        ),
        (
            "FIN",
            "withdrawal_effective_date",
            "2025-12-01",
            "withdrawal_effective_date: Art. 20(2): not before 2026-01-10",
        ),
        (
            "FIN",
            "withdrawal_announced_date",
            "2011-01-01",
            "withdrawal_announced_date: is before entry into force (2012-07-01)",
        ),
        (
            "POL",
            "consent_date",
            "1997-12-01",
            "consent_date: is before the Convention opened (1997-12-03)",
        ),
        (
            "POL",
            "signature_date",
            "2000-01-01",
            "signature_date: signature was open only from 1997-12-03 to 1999-02-28 (Art. 15)",
        ),
        ("POL", "source", " ", "source: is empty"),
        (
            "POL",
            "withdrawal_source",
            "",
            "withdrawal_source: is empty but withdrawal or suspension dates are set",
        ),
        ("POL", "kind", "country", "kind: 'country' is not one of state, territory, other"),
        ("POL", "consent_type", "ratified", "consent_type: unknown type 'ratified'"),
        ("GRL", "part_of", "XXX", "part_of: a territory needs the code of a State here, not 'XXX'"),
        (
            "GRL",
            "eif_date",
            "1999-03-01",
            "eif_date: a territory has no treaty dates of its own (part_of decides)",
        ),
        ("MNE", "predecessor", "ZZZ", "predecessor: 'ZZZ' is not another State in this file"),
        (
            "RUS",
            "withdrawal_deposited_date",
            "2025-01-01",
            "withdrawal_deposited_date: is set but the State was never bound (eif_date empty)",
        ),
        ("EST", "iso3", "est", "iso3: 'est' is not a three-letter code"),
    ],
)
def test_states_problems_are_located(data_copy, iso3, column, value, expected):
    line = edit_row(data_copy / "states.csv", iso3, column, value)
    found = messages(data_copy)
    assert any(m.startswith(f"states.csv:{line}: {expected}") for m in found), found


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("date", "2025-13-01", "date: '2025-13-01' is not a real calendar date"),
        ("date", "", "date: is empty"),
        ("iso3", "QQQ", "iso3: 'QQQ' is not a code in states.csv"),
        ("kind", "rumour", "kind: unknown kind 'rumour'"),
        ("source", "", "source: is empty"),
        ("title", "", "title: is empty"),
    ],
)
def test_events_problems_are_located(data_copy, column, value, expected):
    edit_row(data_copy / "events.csv", 5, column, value)
    assert f"events.csv:5: {expected}" in messages(data_copy)


def test_duplicate_state_row(data_copy):
    path = data_copy / "states.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([*lines, lines[1]]), encoding="utf-8")
    assert messages(data_copy) == [f"states.csv:{len(lines) + 1}: iso3: AFG repeats line 2"]


def test_duplicate_event_row(data_copy):
    path = data_copy / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([*lines, lines[3]]), encoding="utf-8")
    assert f"events.csv:{len(lines) + 1}: row: repeats line 4" in messages(data_copy)


def test_missing_column(data_copy):
    path = data_copy / "states.csv"
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    index = rows[0].index("source")
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([r[:index] + r[index + 1 :] for r in rows])
    assert messages(data_copy) == ["states.csv:1: source: missing column"]


def test_wrong_number_of_fields(data_copy):
    path = data_copy / "events.csv"
    with path.open("a", encoding="utf-8") as f:
        f.write("2025-01-01,POL,statement,too many,fields,here\n")
    lines = path.read_text(encoding="utf-8").count("\n")
    assert f"events.csv:{lines}: row: has 6 fields, header has 5" in messages(data_copy)


def test_not_utf8(data_copy):
    path = data_copy / "states.csv"
    data = path.read_bytes().replace("Curaçao".encode(), "Curaçao".encode("latin-1"))
    path.write_bytes(data)
    line = data[: data.index(b"Cura")].count(b"\n") + 1
    assert messages(data_copy) == [f"states.csv:{line}: file: is not UTF-8 text"]


def test_not_csv(data_copy):
    (data_copy / "events.csv").write_bytes(b"date,iso3\x00,kind\n")
    assert messages(data_copy) == ["events.csv:1: file: is not CSV text (NUL byte)"]


def test_unclosed_quote_is_not_valid_csv(data_copy):
    path = data_copy / "events.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + '2026-01-01,,statement,"open,x\n', encoding="utf-8"
    )
    found = messages(data_copy)
    assert len(found) == 1 and found[0].startswith("events.csv:") and "is not valid CSV" in found[0]


def test_missing_file(data_copy):
    (data_copy / "events.csv").unlink()
    assert messages(data_copy) == ["events.csv:0: file: cannot be read (No such file or directory)"]


def test_every_problem_is_reported_and_nothing_loads(data_copy):
    edit_row(data_copy / "states.csv", "FIN", "consent_date", "2012-02-30")
    edit_row(data_copy / "events.csv", 5, "kind", "rumour")
    with pytest.raises(DataError) as caught:
        load_treaty(data_copy)
    assert {p.file for p in caught.value.problems} == {"states.csv", "events.csv"}


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("neighbour_iso3", "GRL", "neighbour_iso3: 'GRL' is not a State in states.csv"),
        ("iso3", "ZZZ", "iso3: 'ZZZ' is not a State in states.csv"),
        ("published_km", "about 300", "published_km: 'about 300' is not a length in km"),
        ("published_km", "-3", "published_km: '-3' is not a length in km"),
        ("source", "", "source: is empty"),
    ],
)
def test_published_border_problems_are_located(data_copy, column, value, expected):
    edit_row(data_copy / "borders_published.csv", 3, column, value)
    assert messages(data_copy) == [f"borders_published.csv:3: {expected}"]


def test_published_border_pair_repeated(data_copy):
    path = data_copy / "borders_published.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([*lines, lines[1]]), encoding="utf-8")
    assert messages(data_copy) == [
        f"borders_published.csv:{len(lines) + 1}: row: FIN-RUS repeats line 2"
    ]
