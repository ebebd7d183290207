"""Which map unit codes are allowed: ISO 3166-1 alpha-3, or one of the few the project documents.

The ISO list is pycountry's (the ISO 3166-1 table of Debian's iso-codes, pinned in
requirements.txt). Babel's CLDR ``territory_aliases`` were considered: they map alpha-3 codes to
regions, but mix the withdrawn ones (BUR, ZAR, DDR, TMP, YMD, FXX) and CLDR's reserved and
private codes (ASC, TAA, XKK, ZZZ) in with the current ones, with nothing to tell them apart.
Every code outside ISO that ``states.csv`` uses is listed here with its reason, and in
``geodata/SOURCES.md`` (a test keeps the two and the table in step).
"""

from __future__ import annotations

from functools import cache

# Natural Earth 5.1.1's ADM0_A3 for units ISO 3166-1 has no code of their own
# (build_countries.py joins on ISO_A3_EH, taking ADM0_A3 where it is -99).
DOCUMENTED = {
    "XKX": "Kosovo: not in ISO 3166-1; a user-assigned code (ISO leaves XAA-XZZ to users), the "
    "one in common use (Natural Earth's KOS, renamed)",
    "BRT": "Bir Tawil, claimed by no State: Natural Earth's ADM0_A3",
    "PGA": "Spratly Islands, disputed: Natural Earth's ADM0_A3",
    "SCR": "Scarborough Shoal, disputed: Natural Earth's ADM0_A3",
    "ESB": "Dhekelia Sovereign Base Area (United Kingdom), ISO counts it in Cyprus: Natural "
    "Earth's ADM0_A3",
    "WSB": "Akrotiri Sovereign Base Area (United Kingdom), ISO counts it in Cyprus: Natural "
    "Earth's ADM0_A3",
    "USG": "Guantanamo Bay (Cuba, leased to the United States), ISO counts it in Cuba: Natural "
    "Earth's ADM0_A3",
}


@cache
def iso_alpha3() -> frozenset[str]:
    """The current ISO 3166-1 alpha-3 codes (249)."""
    import pycountry

    return frozenset(country.alpha_3 for country in pycountry.countries)


def code_problem(code: str) -> str:
    """Why *code* may not name a map unit ('' if it may)."""
    if code in iso_alpha3() or code in DOCUMENTED:
        return ""
    return (
        f"{code!r} is neither an ISO 3166-1 alpha-3 code nor one documented in "
        "geodata/codes.py (a typo? a new code needs a reason there and in SOURCES.md)"
    )
