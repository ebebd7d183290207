"""``python -m geodata validate``: a map unit code outside ISO 3166-1 and the documented list is
named at its own file, line and field, and so is the shape left without a row."""

from __future__ import annotations

import re

from geodata import DATA_DIR, problems_in_data
from geodata.__main__ import main
from geodata.codes import DOCUMENTED, code_problem, iso_alpha3
from geodata.tables import STATES_FILE


def retype(folder, old: str, new: str) -> int:
    """Change the code of *old*'s row in the copy of states.csv; the row's line."""
    path = folder / STATES_FILE
    lines = path.read_text(encoding="utf-8").split("\n")
    line = next(n for n, text in enumerate(lines) if text.startswith(f"{old},"))
    lines[line] = new + lines[line][len(old) :]
    path.write_text("\n".join(lines), encoding="utf-8")
    return line + 1


def test_a_mistyped_code_is_named_at_its_line_and_its_shape_as_without_a_row(data_copy, capsys):
    line = retype(data_copy, "POL", "PLO")
    assert main(["validate", "--data-dir", str(data_copy)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"states.csv:{line}: iso3: 'PLO' is neither an ISO 3166-1 alpha-3")
    assert any(re.fullmatch(r"countries\.geojson:\d+: features\[\d+\] POL iso3: POL is not a map "
                            r"unit of states\.csv", text) for text in out)  # fmt: skip
    assert "countries.geojson:0: features: no feature for PLO (states.csv)" in out


def test_a_code_no_event_refers_to_is_still_named(data_copy):
    """Before, a mistyped code was reported only where events.csv still named the old one."""
    line = retype(data_copy, "XKX", "XKV")  # Kosovo: no event, no published border
    problems = [str(p) for p in problems_in_data(data_copy)]
    assert problems[0].startswith(f"states.csv:{line}: iso3: 'XKV' is neither")
    assert any("features" in p and "XKX is not a map unit" in p for p in problems)


def test_iso_codes_and_documented_ones_pass():
    assert len(iso_alpha3()) == 249 and "POL" in iso_alpha3() and "XKX" not in iso_alpha3()
    assert code_problem("FIN") == "" and code_problem("XKX") == ""
    assert code_problem("ZAR")  # Zaire's, withdrawn from ISO 3166-1 in 1997
    assert code_problem("SOL")  # Natural Earth's Somaliland: not a map unit here


def test_every_documented_code_is_used_and_in_sources():
    table = (DATA_DIR / STATES_FILE).read_text(encoding="utf-8")
    used = {row.split(",", 1)[0] for row in table.splitlines()[1:]}
    sources = (DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    assert set(DOCUMENTED) == used - iso_alpha3()  # no stale entry, none missing
    assert all(f"`{code}`" in sources for code in DOCUMENTED)
    assert problems_in_data(DATA_DIR) == []
