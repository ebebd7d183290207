import dataclasses

from conftest import day

from geodata.rules import (
    FORTIETH_INSTRUMENT,
    add_months,
    date_problems,
    entry_into_force,
    withdrawal_takes_effect,
)


def test_article_17_first_day_of_sixth_month_after_deposit():
    # Published entry-into-force dates (reference NOTES): Finland, Poland, Palestine, Albania.
    assert entry_into_force(day("2012-01-09")) == day("2012-07-01")
    assert entry_into_force(day("2012-12-27")) == day("2013-06-01")
    assert entry_into_force(day("2017-12-29")) == day("2018-06-01")
    assert entry_into_force(day("2000-02-29")) == day("2000-08-01")


def test_article_17_first_forty_and_september_1998_share_1_march_1999():
    assert entry_into_force(day("1997-12-03")) == day("1999-03-01")
    assert entry_into_force(FORTIETH_INSTRUMENT) == day("1999-03-01")
    # Deposits of 17-30 September 1998 also fall on 1 March 1999, by Art. 17(2).
    assert entry_into_force(day("1998-09-30")) == day("1999-03-01")
    # Slovakia deposited on 25 February 1999, too late for 1 March: bound from 1 August.
    assert entry_into_force(day("1999-02-25")) == day("1999-08-01")


def test_the_fortieth_deposit_in_the_data_is_on_the_recorded_day(treaty):
    consents = sorted(u.consent for u in treaty.states() if u.consent)
    assert consents[39] == FORTIETH_INSTRUMENT
    assert consents[40] > FORTIETH_INSTRUMENT


def test_article_20_six_months_after_receipt():
    assert withdrawal_takes_effect(day("2025-06-27")) == day("2025-12-27")
    assert withdrawal_takes_effect(day("2025-07-10")) == day("2026-01-10")
    assert withdrawal_takes_effect(day("2025-08-20")) == day("2026-02-20")
    assert add_months(day("2025-08-31"), 6) == day("2026-02-28")


def test_the_date_rules_name_the_column_that_breaks_them(treaty):
    finland = treaty.units["FIN"]
    assert date_problems(finland) == []
    early = dataclasses.replace(finland, withdrawal_effective=day("2025-12-01"))
    assert date_problems(early) == [
        (
            "withdrawal_effective_date",
            "Art. 20(2): not before 2026-01-10, six months after the deposit",
        )
    ]
    late_eif = dataclasses.replace(finland, eif=day("2012-08-01"))
    assert date_problems(late_eif) == [
        ("eif_date", "Art. 17 gives 2012-07-01 for a deposit on 2012-01-09")
    ]
    greenland = dataclasses.replace(treaty.units["GRL"], consent=day("1998-06-08"))
    assert date_problems(greenland) == [
        ("consent_date", "a territory has no treaty dates of its own (part_of decides)")
    ]
