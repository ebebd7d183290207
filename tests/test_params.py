"""URL parameters: whatever arrives, the app runs on a sensible default and says what it ignored."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st_
from streamlit.testing.v1 import AppTest

from geodata import DATA_DIR
from geodata.model import OPENED
from layers.i18n import long_date, translator
from layers.params import parse_params

APP = str(DATA_DIR.parent / "app.py")
END = dt.date(2026, 11, 23)
hostile = st_.sampled_from(
    [
        "",
        " ",
        "2026-02-30",
        "0000-00-00",
        "9999-12-31",
        "1997-12-02",
        "2026-02-20T00:00",
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "**bold** `code` $x$",
        "é" * 5000,
        "\x00\x01",
        "2025-03-18 ",
        "europe",
        "1",
        "pl",
        "PL",
        "pl-PL",
        "uk",
        "POL",
        "pol",
        "belt",
        "eJwLSS0u0Q1JzSvRL0vNSy",  # not a tour link: damaged
    ]
)
values = st_.one_of(hostile, st_.text(max_size=300))
keys = st_.one_of(
    st_.sampled_from(["date", "view", "lang", "focus", "present", "tour"]),
    st_.text(min_size=1, max_size=30),
)


@given(st_.dictionaries(keys, values, max_size=5))
def test_parse_params_never_fails_and_stays_in_range(params):
    state = parse_params(params, OPENED, END, END, units=("POL", "LTU"))
    assert OPENED <= state.day <= END
    assert state.view in ("world", "europe", "eastern")
    assert isinstance(state.present, bool)
    assert state.lang in ("en", "pl", "lt", "lv", "et", "fi", "uk")
    if "lang" in params and params["lang"] not in ("pl", "uk"):
        assert state.lang == "en" and any(n.startswith("?lang=") for n in state.ignored)
    assert state.focus in (None, "POL", "LTU")
    if str(params.get("focus", "")).strip() not in ("", "POL", "LTU"):
        assert any(n.startswith("?focus=") for n in state.ignored)
    for note in state.ignored:
        assert len(note) < 400  # long values are shortened in the message


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st_.dictionaries(
        keys, st_.one_of(values, st_.lists(hostile, min_size=2, max_size=3)), max_size=4
    )
)
@example({"lang": "pl", "0": ""})  # notes in Polish (found by Hypothesis in CI)
@example({"lang": "pl", "tour": ""})
@example({"lang": "fi", "date": "2026-02-30", "focus": "XYZ", "present": "maybe"})
def test_app_runs_on_any_url(params):
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    app.session_state.map_drawn = True  # as after the map's first report
    app.run()
    assert not app.exception, app.exception
    day = app.session_state["day"]
    assert day >= OPENED
    assert dict(app.query_params)["date"] == day.isoformat()
    assert dict(app.query_params)["lang"] == app.session_state["lang"]
    if not app.session_state["present"]:  # presentation mode shows the date only on the map
        shown = long_date(day, app.session_state["lang"])
        assert any(shown in m.value.replace("\\", "") for m in app.markdown)
    assert app.session_state["focus"] in (None, "POL")
    # The notes are in the page's language: their opening words from its catalogue.
    gettext = translator(app.session_state["lang"])[0]
    notes = [w.value.replace("\\", "") for w in app.warning]
    if "tour" in params and params["tour"] != "belt":
        opening = gettext("?tour= is not one of the tours ({names}) nor a tour link: {problems}")
        assert any(opening.split("{names}")[0] in n for n in notes), notes
    good = {"date", "view", "lang", "focus", "present", "tour"}
    if set(params) - good:
        opening = gettext("unknown parameter(s): {names}").split("{names}")[0]
        assert any(opening in n for n in notes), notes
    for warning in app.warning:
        assert "<script>" not in warning.value  # shown escaped, as text
