"""The Convention's date rules, as pure functions of a deposit date."""

from __future__ import annotations

import calendar
import datetime as dt

from geodata.model import ENTRY_INTO_FORCE

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
