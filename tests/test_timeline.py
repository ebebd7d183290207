"""Statuses against published counts, and truth tables around every tricky date."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import day

from geodata.model import Status
from geodata.timeline import (
    all_events,
    change_dates,
    counts_on,
    events_around,
    intervals,
    latest_event,
    next_event_day,
    previous_event_day,
    status_on,
)

S = Status


def consented(treaty, when: str) -> int:
    return sum(n for status, n in counts_on(treaty, day(when)).items() if status.consented)


def bound(treaty, when: str) -> int:
    return sum(n for status, n in counts_on(treaty, day(when)).items() if status.bound)


def test_the_197_states(treaty):
    assert len(treaty.states()) == 197


@pytest.mark.parametrize(
    ("when", "n_consented", "n_bound"),
    [
        ("1999-03-01", 67, 45),  # entry into force: 45 bound (Art. 17), 67 instruments
        ("2025-06-16", 165, 164),  # UN Secretary-General: 32 of 197 yet to join
        ("2025-12-01", 166, 166),  # Tonga in force
        ("2026-02-20", 161, 161),  # after Poland's withdrawal
    ],
)
def test_counts_match_published_figures(treaty, when, n_consented, n_bound):
    assert consented(treaty, when) == n_consented
    assert bound(treaty, when) == n_bound


def test_five_withdrawn_on_2026_02_20(treaty):
    on = day("2026-02-20")
    withdrawn = {u.iso3 for u in treaty.states() if status_on(treaty, u.iso3, on) is S.WITHDRAWN}
    assert withdrawn == {"LTU", "LVA", "EST", "FIN", "POL"}
    assert counts_on(treaty, on)[S.WITHDRAWN] == 5


def test_published_party_counts_around_the_withdrawals(treaty):
    assert bound(treaty, "2025-12-26") == 166
    assert bound(treaty, "2025-12-27") == 163
    assert bound(treaty, "2026-01-10") == 162
    assert bound(treaty, "2026-11-23") == 161


# (unit, date, expected status): the day before and the day of every change in 2025-2026.
TRUTH_2025_2026 = [
    ("LTU", "2025-03-17", S.PARTY),
    ("LTU", "2025-03-18", S.WITHDRAWAL_ANNOUNCED),
    ("LVA", "2025-03-18", S.WITHDRAWAL_ANNOUNCED),
    ("EST", "2025-03-18", S.WITHDRAWAL_ANNOUNCED),
    ("POL", "2025-03-17", S.PARTY),
    ("POL", "2025-03-18", S.WITHDRAWAL_ANNOUNCED),
    ("FIN", "2025-03-31", S.PARTY),
    ("FIN", "2025-04-01", S.WITHDRAWAL_ANNOUNCED),
    ("LTU", "2025-06-26", S.WITHDRAWAL_ANNOUNCED),
    ("LTU", "2025-06-27", S.WITHDRAWAL_PENDING),
    ("LVA", "2025-06-27", S.WITHDRAWAL_PENDING),
    ("EST", "2025-06-27", S.WITHDRAWAL_PENDING),
    ("FIN", "2025-07-09", S.WITHDRAWAL_ANNOUNCED),
    ("FIN", "2025-07-10", S.WITHDRAWAL_PENDING),
    ("POL", "2025-08-19", S.WITHDRAWAL_ANNOUNCED),
    ("POL", "2025-08-20", S.WITHDRAWAL_PENDING),
    ("EST", "2025-12-26", S.WITHDRAWAL_PENDING),
    ("EST", "2025-12-27", S.WITHDRAWN),
    ("LVA", "2025-12-27", S.WITHDRAWN),
    ("LTU", "2025-12-27", S.WITHDRAWN),
    ("FIN", "2025-12-27", S.WITHDRAWAL_PENDING),
    ("FIN", "2026-01-09", S.WITHDRAWAL_PENDING),
    ("FIN", "2026-01-10", S.WITHDRAWN),
    ("POL", "2026-02-19", S.WITHDRAWAL_PENDING),
    ("POL", "2026-02-20", S.WITHDRAWN),
    ("POL", "2026-11-23", S.WITHDRAWN),
    # Ukraine: decree 29 Jun, suspension notified 18 Jul 2025; still bound (22MSP).
    ("UKR", "2025-06-28", S.PARTY),
    ("UKR", "2025-06-29", S.WITHDRAWAL_ANNOUNCED),
    ("UKR", "2025-07-17", S.WITHDRAWAL_ANNOUNCED),
    ("UKR", "2025-07-18", S.SUSPENSION_CONTESTED),
    ("UKR", "2026-11-23", S.SUSPENSION_CONTESTED),
    # Territories follow the State responsible; Aland is merged into Finland's shape.
    ("GRL", "2025-06-01", S.PARTY),
    ("FRO", "1999-02-28", S.CONSENT_PENDING),
    ("GRL", "2026-02-20", S.PARTY),
]

TRUTH_TRICKY = [
    # Marshall Islands: signatory from 4 Dec 1997 until its 2025 deposit, bound 1 Sep 2025.
    ("MHL", "1997-12-03", S.NON_PARTY),
    ("MHL", "1997-12-04", S.SIGNATORY),
    ("MHL", "2025-03-11", S.SIGNATORY),
    ("MHL", "2025-03-12", S.CONSENT_PENDING),
    ("MHL", "2025-08-31", S.CONSENT_PENDING),
    ("MHL", "2025-09-01", S.PARTY),
    # Tonga: accession 25 Jun 2025, in force 1 Dec 2025.
    ("TON", "2025-06-24", S.NON_PARTY),
    ("TON", "2025-06-25", S.CONSENT_PENDING),
    ("TON", "2025-11-30", S.CONSENT_PENDING),
    ("TON", "2025-12-01", S.PARTY),
    # South Sudan: Sudan's status before independence, bound from independence (UN OLA).
    ("SSD", "2004-03-31", S.CONSENT_PENDING),
    ("SSD", "2004-04-01", S.PARTY),
    ("SSD", "2011-07-08", S.PARTY),
    ("SSD", "2011-07-09", S.PARTY),
    ("SSD", "2011-11-11", S.PARTY),
    ("SDN", "2011-07-09", S.PARTY),
    # Montenegro: Serbia (and Montenegro)'s status before 3 Jun 2006, then its own.
    ("MNE", "2003-09-17", S.NON_PARTY),
    ("MNE", "2003-09-18", S.CONSENT_PENDING),
    ("MNE", "2004-03-01", S.PARTY),
    ("MNE", "2006-06-02", S.PARTY),
    ("MNE", "2006-06-03", S.NON_PARTY),
    ("MNE", "2006-10-23", S.CONSENT_PENDING),
    ("MNE", "2007-04-01", S.PARTY),
    # Palestine: accession 29 Dec 2017, in force 1 Jun 2018.
    ("PSE", "2017-12-28", S.NON_PARTY),
    ("PSE", "2017-12-29", S.CONSENT_PENDING),
    ("PSE", "2018-05-31", S.CONSENT_PENDING),
    ("PSE", "2018-06-01", S.PARTY),
    # Poland: signed 1997, ratified 27 Dec 2012, bound 1 Jun 2013.
    ("POL", "1997-12-04", S.SIGNATORY),
    ("POL", "2012-12-26", S.SIGNATORY),
    ("POL", "2012-12-27", S.CONSENT_PENDING),
    ("POL", "2013-05-31", S.CONSENT_PENDING),
    ("POL", "2013-06-01", S.PARTY),
    # Canada: first to ratify (3 Dec 1997), bound when the Convention entered into force.
    ("CAN", "1997-12-03", S.CONSENT_PENDING),
    ("CAN", "1999-02-28", S.CONSENT_PENDING),
    ("CAN", "1999-03-01", S.PARTY),
    # Slovakia: deposit 25 Feb 1999, after the 40th: bound 1 Aug 1999, not 1 Mar.
    ("SVK", "1999-02-24", S.SIGNATORY),
    ("SVK", "1999-02-25", S.CONSENT_PENDING),
    ("SVK", "1999-03-01", S.CONSENT_PENDING),
    ("SVK", "1999-07-31", S.CONSENT_PENDING),
    ("SVK", "1999-08-01", S.PARTY),
    # Never joined.
    ("RUS", "2026-02-20", S.NON_PARTY),
    ("USA", "1999-03-01", S.NON_PARTY),
]


@pytest.mark.parametrize(("iso3", "when", "expected"), TRUTH_2025_2026 + TRUTH_TRICKY)
def test_truth_table(treaty, iso3, when, expected):
    assert status_on(treaty, iso3, day(when)) is expected


def test_no_unit_has_a_status_before_the_convention_opened(treaty):
    before = dt.date(1997, 12, 2)
    assert {status_on(treaty, iso3, before) for iso3 in treaty.units} == {S.NON_PARTY}


def test_intervals_give_finland_its_whole_history(treaty):
    assert intervals(treaty, "FIN") == [
        (day("1997-12-03"), S.NON_PARTY),
        (day("2012-01-09"), S.CONSENT_PENDING),
        (day("2012-07-01"), S.PARTY),
        (day("2025-04-01"), S.WITHDRAWAL_ANNOUNCED),
        (day("2025-07-10"), S.WITHDRAWAL_PENDING),
        (day("2026-01-10"), S.WITHDRAWN),
    ]


def test_every_status_change_happens_on_a_change_date(treaty):
    days = change_dates(treaty)
    for iso3 in treaty.units:
        for start, _ in intervals(treaty, iso3):
            assert start in days


def test_events_explain_the_changes(treaty):
    latest = latest_event(treaty, day("2025-12-28"))
    assert latest.day == day("2025-12-27") and latest.kind == "withdrawal_effective"
    assert latest_event(treaty, day("1997-12-02")).kind == "milestone"  # adoption in Oslo
    around = events_around(treaty, day("2026-01-16"), before=2, after=1)
    assert [(e.iso3, e.day.isoformat()) for e in around] == [
        ("FIN", "2026-01-10"),
        ("POL", "2026-01-16"),
        ("POL", "2026-02-20"),
    ]
    assert all(e.source for e in all_events(treaty))


def test_previous_and_next_event(treaty):
    assert next_event_day(treaty, day("2026-01-10")) == day("2026-01-16")
    assert previous_event_day(treaty, day("2026-01-10")) == day("2025-12-27")
    assert next_event_day(treaty, day("2026-02-20")) is None


def test_month_precise_events_say_so_and_count_from_month_end(treaty):
    signing = [e for e in all_events(treaty) if e.iso3 == "POL" and e.kind == "head_of_state"]
    month = [e for e in signing if e.label.startswith("Jul 2025")]
    assert month and month[0].known_by == day("2025-07-31")
    assert "day not known" in month[0].label


def test_objections_to_ukraines_suspension_are_events_with_sources(treaty):
    """Six objecting States (SOURCES.md: dated by the first report), listed in the events CSV;
    Ukraine stays contested, not withdrawn."""
    import csv
    import io

    from layers.export import csv_bytes

    rows = list(
        csv.DictReader(io.StringIO(csv_bytes(treaty, day("2026-02-20"), "events").decode()))
    )
    objections = {(r["date"], r["iso3"]): r for r in rows if r["kind"] == "objection"}
    assert set(objections) == {
        ("Oct 2025 (day not known)", "CHE"),
        ("2025-12-02", "NOR"),
        ("2025-12-02", "AUT"),
        ("2025-12-02", "BEL"),
        ("2025-12-05", "NZL"),
        ("2025-12-05", "COL"),
    }
    assert objections[("2025-12-02", "NOR")]["title"] == (
        "Norway's objection to Ukraine's suspension reported at the 22nd Meeting of States Parties"
    )
    assert objections[("2025-12-05", "COL")]["title"] == (
        "Colombia's objection to Ukraine's suspension reported as the 22nd Meeting of States "
        "Parties closes"
    )
    for (when, _), row in objections.items():
        if when == "2025-12-02":
            assert "Izumi Nakamitsu" in row["source"]
            assert "news.mail.ru/politics/68942109/" in row["source"]
            assert "news.mail.ru/politics/68945970/" in row["source"]
        elif when == "2025-12-05":
            assert "npaid.org" in row["source"] and "New Zealand, Colombia" in row["source"]
    for when in ("2025-12-01", "2025-12-02", "2025-12-05", "2026-11-23"):
        assert status_on(treaty, "UKR", day(when)) is S.SUSPENSION_CONTESTED
    assert latest_event(treaty, day("2025-12-03")).title.startswith(
        "Norway's objection"
    )  # same day: by code
