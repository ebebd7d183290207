"""The Convention's date rules: pure functions of a deposit date, and the checks of one map unit's
dates against them (the validator, ``geodata/tables.py``, locates what these find)."""

from __future__ import annotations

import calendar
import datetime as dt

from geodata.model import ENTRY_INTO_FORCE, OPENED, Unit, UnitKind

# The 40th instrument of ratification, acceptance, approval or accession was deposited on this
# day (Burkina Faso); Art. 17(1) then set entry into force for the first day of the sixth month
# after that month, 1 March 1999. tests/test_rules.py checks the 40th deposit in the data.
FORTIETH_INSTRUMENT = dt.date(1998, 9, 16)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month *months* later, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def entry_into_force(deposit: dt.date) -> dt.date:
    """When the Convention enters into force for a State depositing consent on *deposit*.

    Art. 17(1): for instruments up to the 40th, 1 March 1999. Art. 17(2): for later ones, the
    first day of the sixth month after the date of deposit.
    """
    if deposit <= FORTIETH_INSTRUMENT:
        return ENTRY_INTO_FORCE
    return add_months(deposit.replace(day=1), 6)


def withdrawal_takes_effect(deposit: dt.date) -> dt.date:
    """Art. 20(2): six months after the depositary receives the instrument of withdrawal.

    Art. 20(3) can delay this while the State is engaged in armed conflict, so the data's
    effective date may be later, never earlier.
    """
    return add_months(deposit, 6)


# The states.csv columns of ``Unit.treaty_dates``, in the same order.
TREATY_DATE_COLUMNS = (
    "signature_date",
    "consent_date",
    "eif_date",
    "withdrawal_announced_date",
    "withdrawal_deposited_date",
    "withdrawal_effective_date",
    "suspension_date",
)


def date_problems(unit: Unit) -> list[tuple[str, str]]:
    """``(column, message)`` for each of the treaty's rules that the unit's dates break: their
    order and spacing (Arts. 15, 17 and 20) and the columns that go together."""
    found: list[tuple[str, str]] = []

    def bad(column: str, message: str) -> None:
        found.append((column, message))

    if unit.kind is not UnitKind.STATE:
        own = [c for c, d in zip(TREATY_DATE_COLUMNS, unit.treaty_dates, strict=True) if d]
        if own:
            bad(own[0], f"a {unit.kind} has no treaty dates of its own (part_of decides)")
        return found
    if unit.signature and not OPENED <= unit.signature < ENTRY_INTO_FORCE:
        bad("signature_date", "signature was open only from 1997-12-03 to 1999-02-28 (Art. 15)")
    if (unit.consent is None) != (unit.consent_type is None):
        bad("consent_type", "consent_date and consent_type go together")
    if unit.consent and unit.consent < OPENED:
        bad("consent_date", "is before the Convention opened (1997-12-03)")
    if unit.signature and unit.consent and unit.consent < unit.signature:
        bad("consent_date", "is before signature_date")
    if unit.consent and unit.eif is None:
        bad("eif_date", "is empty but consent_date is set")
    if unit.eif and unit.consent is None:
        bad("eif_date", "is set but consent_date is empty")
    if unit.eif and unit.consent and unit.consent_type != "succession":
        expected = entry_into_force(unit.consent)
        if unit.eif != expected:
            bad("eif_date", f"Art. 17 gives {expected} for a deposit on {unit.consent}")
    _leaving_problems(unit, bad)
    return found


def _leaving_problems(unit: Unit, bad) -> None:
    """Withdrawal (Art. 20) and suspension dates: after entry into force, in order, sourced."""
    steps = [
        ("withdrawal_announced_date", unit.withdrawal_announced),
        ("withdrawal_deposited_date", unit.withdrawal_deposited),
        ("suspension_date", unit.suspension),
    ]
    for column, day in steps:
        if day and not unit.eif:
            bad(column, "is set but the State was never bound (eif_date empty)")
        elif day and day < unit.eif:
            bad(column, f"is before entry into force ({unit.eif})")
    if unit.withdrawal_effective and not unit.withdrawal_deposited:
        bad("withdrawal_effective_date", "is set but withdrawal_deposited_date is empty")
    if unit.withdrawal_deposited and unit.withdrawal_effective:
        earliest = withdrawal_takes_effect(unit.withdrawal_deposited)
        if unit.withdrawal_effective < earliest:
            bad(
                "withdrawal_effective_date",
                f"Art. 20(2): not before {earliest}, six months after the deposit",
            )
    leaving = (unit.withdrawal_announced, unit.withdrawal_deposited, unit.suspension)
    if any(leaving) and not unit.withdrawal_source:
        bad("withdrawal_source", "is empty but withdrawal or suspension dates are set")
    announced, deposited = unit.withdrawal_announced, unit.withdrawal_deposited
    if announced and deposited and deposited < announced:
        bad("withdrawal_deposited_date", "is before withdrawal_announced_date")
