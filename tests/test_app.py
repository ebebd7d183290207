"""The page headless (Streamlit's AppTest): URL parameters, panels following the date, bad data."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from test_tables import edit_row

from geodata import DATA_DIR

APP = str(DATA_DIR.parent / "app.py")


def run_app(**params) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    app.session_state.map_drawn = True  # as after the map's first report (no browser here)
    app.run()
    assert not app.exception, app.exception
    return app


def texts(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown)


def test_opens_on_the_url_date_and_view():
    app = run_app(date="2026-03-01", view="eastern")
    assert app.session_state["day"] == dt.date(2026, 3, 1)
    assert app.session_state["view"] == "eastern"
    assert "Events around 1 March 2026" in texts(app)
    assert "5 Withdrawn" in texts(app)
    assert dict(app.query_params) == {"date": "2026-03-01", "view": "eastern", "lang": "en"}
    assert not app.warning


def test_defaults_to_today_and_writes_the_url():
    app = run_app()
    today = dt.date.today()
    assert app.session_state["day"] == today
    assert dict(app.query_params) == {"date": today.isoformat(), "view": "world", "lang": "en"}


@pytest.mark.parametrize(
    ("params", "ignored"),
    [
        ({"date": "2026-02-30"}, f"?date='2026-02-30' is not a date; showing {dt.date.today()}"),
        ({"date": "1990-01-01"}, "?date=1990-01-01 is outside 1997-12-03"),
        ({"view": "moon"}, "?view='moon' is not one of world, europe, eastern; showing World"),
        ({"zoom": "3"}, "unknown parameter(s): zoom"),
    ],
)
def test_bad_parameters_are_ignored_and_said(params, ignored):
    app = run_app(**params)
    shown = [w.value.replace("\\", "") for w in app.warning]  # the markdown escapes removed
    assert any(ignored in text for text in shown), shown
    assert app.session_state["view"] in ("world", "europe", "eastern")


def test_panels_follow_the_date():
    app = run_app(date="2024-06-01")
    assert "Events around 1 June 2024" in texts(app)
    app.session_state["day"] = dt.date(2025, 12, 27)
    app.run()
    assert "Events around 27 December 2025" in texts(app)
    assert "Every map unit on 27 December 2025" in texts(app)
    assert "Download Statuses on 2025-12-27 (CSV)" in [
        b.proto.label for b in app.get("download_button")
    ]
    assert dict(app.query_params)["date"] == "2025-12-27"
    rows = app.dataframe[1].value
    # The table shows the statuses as the legend names them, in the page's language.
    assert rows.loc[rows["iso3"] == "LTU", "status"].item() == "Withdrawn"
    assert rows.loc[rows["iso3"] == "POL", "status"].item() == "Withdrawal notified"


def test_status_filter():
    app = run_app(date="2026-02-20")
    app.multiselect[0].set_value(["withdrawn"]).run()
    rows = app.dataframe[1].value
    assert sorted(rows["iso3"]) == ["EST", "FIN", "LTU", "LVA", "POL"]


def test_invalid_data_shows_an_error_page_not_a_traceback(tmp_path, monkeypatch):
    for name in ("states.csv", "events.csv", "borders_published.csv"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    line = edit_row(tmp_path / "states.csv", "FIN", "eif_date", "2012-08-01")
    monkeypatch.setenv("MINE_BAN_DATA_DIR", str(tmp_path))
    st.cache_resource.clear()  # the map is built once per process; this test needs a new one
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    st.cache_resource.clear()
    assert not app.exception
    assert "does not validate" in app.error[0].value
    assert f"states.csv:{line}: eif_date: Art. 17 gives 2012-07-01" in app.code[0].value


def test_presentation_mode_from_the_url_hides_the_panels():
    app = run_app(date="2026-02-20", view="eastern", present="1")
    assert app.session_state["present"] is True
    assert dict(app.query_params)["present"] == "1"
    assert not app.dataframe and "Events around" not in texts(app)
    app = run_app(date="2026-02-20", present="maybe")
    assert any("?present='maybe' is not 1 or 0" in w.value for w in app.warning)
    assert app.session_state["present"] is False and app.dataframe


def test_exports_are_offered_for_the_date_and_an_animation_is_made_with_progress():
    app = run_app(date="2026-02-20", view="eastern")
    folded = [b.proto.label for b in app.get("download_button")]
    assert "Download HTML map" not in folded  # the section is drawn only when opened
    app.session_state["exports"] = True  # as a click on the section's heading
    app.run()
    labels = [b.proto.label for b in app.get("download_button")]
    assert {"Download PNG, 1920x1080", "Download HTML map", "Download All events (CSV)",
            "Download Statuses on 2026-02-20 (CSV)",
            "Download Belt on 2026-02-20 (CSV)"} <= set(labels)  # fmt: skip
    app.date_input(key="span").set_value((dt.date(2025, 12, 20), dt.date(2026, 1, 5))).run()
    app.button(key="make:animation").click().run()
    assert not app.exception
    labels = [b.proto.label for b in app.get("download_button")]
    assert any(label.startswith("Download GIF (") for label in labels), labels


def test_the_static_site_is_made_through_the_queue_with_the_snippet_beside_it():
    from layers.export.site import embed_snippet

    app = run_app(date="2026-02-20", view="eastern")
    app.session_state["exports"] = True
    app.run()
    assert embed_snippet(dt.date(2026, 2, 20), "eastern") in [c.value for c in app.code]
    app.button(key="make:site").click().run()
    assert not app.exception
    labels = [b.proto.label for b in app.get("download_button")]
    assert any(label.startswith("Download static site (ZIP) (") for label in labels), labels


def test_belt_panel_and_comparison():
    app = run_app(date="2026-02-20", view="eastern")
    assert "Belt: 3,654 km of land border" in texts(app).replace("\\", "")
    app.toggle(key="compare").set_value(True).run()
    assert not app.exception
    changed = app.dataframe[-1].value
    assert set(changed["Code"]) == {"LTU", "LVA", "EST", "FIN", "POL", "UKR", "MHL", "TON"}
    row = changed.loc[changed["Code"] == "POL"].iloc[0]
    assert (row["31 December 2024"], row["20 February 2026"]) == ("State Party", "Withdrawn")


def test_the_page_speaks_the_url_language():
    app = run_app(date="2026-02-20", view="eastern", lang="pl")
    assert app.session_state["lang"] == "pl"
    assert dict(app.query_params)["lang"] == "pl"
    text = texts(app).replace("\\", "")
    # Written by hand from the catalogue and CLDR: the long date, the label, a number.
    assert "20 lutego 2026" in text and "Wydarzenia" in text
    assert "3654 km" in text and "Litwa" in text
    assert app.selectbox(key="lang_choice").value == "pl"
    app.selectbox(key="lang_choice").set_value("fi").run()
    assert app.session_state["lang"] == "fi"
    assert "20. helmikuuta 2026" in texts(app).replace("\\", "")


def test_an_unknown_language_is_ignored_and_said():
    app = run_app(date="2026-02-20", lang="xx")
    assert app.session_state["lang"] == "en"
    shown = [w.value.replace("\\", "") for w in app.warning]
    assert any(
        "?lang='xx' is not one of en, pl, lt, lv, et, fi, uk; showing English" in t for t in shown
    )


def test_a_first_run_sends_the_map_alone_and_its_report_brings_the_panels():
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["date"] = "2026-02-20"
    app.run()
    assert not app.exception
    assert not app.dataframe and "Events around" not in texts(app)
    assert "appear once the map is drawn" in app.caption[0].value
    # AppTest cannot run the map's frame: set what follow_map sets on its first report (the
    # browser tests see the real report bring the panels).
    app.session_state.map_drawn = True
    app.run()
    assert not app.exception
    assert "Events around 20 February 2026" in texts(app) and app.dataframe


def test_a_focused_country_keeps_its_card_in_the_link_and_the_panels_follow_it():
    app = run_app(date="2026-02-20", view="eastern", focus="POL")
    assert app.session_state["focus"] == "POL"
    assert dict(app.query_params)["focus"] == "POL"
    assert "Events of Poland" in texts(app)
    events, units = app.dataframe[0].value, app.dataframe[1].value
    assert set(events["iso3"]) == {"POL"} and len(events) >= 6  # signature ... withdrawal effective
    assert list(units["iso3"]) == ["POL"]
    app.selectbox(key="focus_choice").set_value("FIN").run()  # the app's own search
    assert app.session_state["focus"] == "FIN" and dict(app.query_params)["focus"] == "FIN"
    app.selectbox(key="focus_choice").set_value(None).run()
    assert "focus" not in dict(app.query_params) and "Events around" in texts(app)


def test_an_unknown_focus_is_ignored_and_said():
    app = run_app(date="2026-02-20", focus="XYZ")
    assert app.session_state["focus"] is None
    assert any(
        "?focus='XYZ' is not the code of a map unit" in w.value.replace("\\", "")
        for w in app.warning
    )


def test_a_tour_link_opens_with_that_tour_and_keeps_it_in_the_url(treaty):
    from layers.tours import read_tour, tour_param

    text = (
        "date,view,focus,title,note,hold\n"
        "2025-06-27,eastern,LVA,Three notices,The Baltic States notify.,7\n"
        "2026-02-20,world,,<b>Five out</b>,,3\n"
    )
    link = tour_param(read_tour(text.encode(), "mine.csv", treaty))
    app = run_app(date="2026-02-20", tour=link)
    assert not app.warning
    assert app.session_state["tour"].name == "link"
    assert dict(app.query_params)["tour"] == link
    # The map is sent the stops as rows (day, view, title, first event, hold, focus, note): the
    # title kept as text, never markup (the map sets it as text).
    args = app.session_state["tour"].stops_in("en")
    assert [(s.title, s.hold, s.focus) for s in args] == [
        ("Three notices", 7.0, "LVA"),
        ("<b>Five out</b>", 3.0, None),
    ]
    app = run_app(date="2026-02-20", tour="belt")
    assert app.session_state["tour"].name == "belt" and "tour" not in dict(app.query_params)


def test_a_bad_tour_link_is_ignored_and_said():
    app = run_app(date="2026-02-20", tour="not-a-tour!")
    assert app.session_state["tour"] is None
    notes = [w.value.replace("\\", "") for w in app.warning]
    assert any(
        "?tour= is not one of the tours (belt) nor a tour link: ?tour:0: tour:" in n for n in notes
    )


def test_notes_on_ignored_parameters_are_in_the_pages_language():
    app = run_app(date="2026-02-30", view="moon", lang="pl")
    notes = [w.value.replace("\\", "") for w in app.warning]
    assert any("?date='2026-02-30' nie jest datą" in n for n in notes), notes
    assert any("?view='moon' nie jest jednym z: world, europe, eastern" in n for n in notes), notes
