"""The app page's sections and its link with the map component (Streamlit; app.py reads top to
bottom as the page and calls these).

Kept apart from ``geodata/`` and ``layers/``, which never import Streamlit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial
from urllib.parse import urlencode

import streamlit as st
import streamlit.components.v1 as components
from streamlit.runtime.scriptrunner import get_script_run_ctx

from geodata import DataError, data_dir, load_treaty
from geodata.geometry import Geometry, load_geometry
from geodata.model import OPENED, Status
from geodata.report import differences, event_rows, status_rows
from geodata.timeline import dated_events
from jobs import JobQueue, animation_file, deck_file, in_child, site_zip
from layers.export import csv_bytes, png_bytes
from layers.export.site import embed_snippet
from layers.i18n import (
    LANGUAGES,
    _,
    choose_language,
    date_text,
    event_title,
    language,
    name_of,
    ngettext,
    number_text,
    use_language,
)
from layers.params import parse_params
from layers.style import STATUS_STYLE
from layers.text import escape_markdown, folded, shortened
from layers.tours import (
    TourError,
    load_shipped,
    read_tour,
    shipped_tours,
    tour_csv,
    tour_from_param,
    tour_param,
)
from layers.views import VIEW_LABELS
from layers.web.pagefile import page_folder

MAP_HEIGHT = 660
STATUS_COLUMNS_SHOWN = ("iso3", "name", "status", "status_from", "kind")


def status_label(status: Status) -> str:
    return _(STATUS_STYLE[status].label)


@st.cache_resource(show_spinner=False)
def load_map(today: dt.date):
    """The treaty data, and the map page registered as a component (built once per input)."""
    treaty = load_treaty()
    folder = page_folder(treaty, data_dir(), today, MAP_HEIGHT)
    return treaty, components.declare_component(f"treaty_map_{folder.name}", path=str(folder))


@st.cache_resource(show_spinner=False)
def cached_geometry(units) -> Geometry:
    return load_geometry(data_dir(), units)


@st.cache_data(show_spinner=False, max_entries=16)
def map_image(_treaty, _geometry, day: dt.date, view: str, lang: str) -> bytes:
    return png_bytes(_treaty, _geometry, day, view, 960, 540, lang=lang)


def or_stop(load, *args):
    """What *load* returns, or (the data does not validate) an error page listing every problem."""
    try:
        return load(*args)
    except DataError as invalid:
        error(
            _("The data (tables or boundary layers) does not validate, so the map cannot be shown.")
        )
        st.code("\n".join(str(p) for p in invalid.problems), language=None)
        st.stop()


def open_session(end: dt.date, today: dt.date, treaty) -> bool:
    """A session's first run: the date, view, language and mode from the URL, every ignored
    value noted (in the language chosen: the URL's, else the browser's where it is one of
    ours, else English). True on that run. Every run speaks the session's language."""
    if "day" in st.session_state:
        use_language(st.session_state.lang)
        return False
    params = st.query_params.to_dict()
    browser = choose_language(st.context.locale) or "en"
    use_language(params["lang"] if params.get("lang") in LANGUAGES else browser)
    opened = parse_params(params, OPENED, end, today, default_lang=browser, units=treaty.units)
    st.session_state.day, st.session_state.view = opened.day, opened.view
    st.session_state.present, st.session_state.ignored = opened.present, opened.ignored
    st.session_state.lang, st.session_state.focus = opened.lang, opened.focus
    use_language(opened.lang)
    st.session_state.tour, st.session_state.tour_start = None, 0
    if params.get("tour") is not None:
        tour, note = tour_from_link(str(params["tour"]), treaty, end)
        use_tour(tour)
        if note:
            st.session_state.ignored.append(note)
    return True


def tour_from_link(text: str, treaty, end: dt.date):
    """The tour ``?tour=`` names (a shipped tour's name) or carries (``tour_param``), and a note
    if it is neither: (tour or None, note or None)."""
    if text in shipped_tours():
        return load_shipped(text, treaty, end), None
    try:
        return tour_from_param(text, treaty, end), None
    except TourError as refused:
        problems = "; ".join(str(problem) for problem in refused.problems[:3])
        names = ", ".join(shipped_tours())
        note = _(
            "?tour= is not one of the tours ({names}) nor a tour link: {problems}",
            names=names,
            problems=problems,
        )
        return None, shortened(note, 300)


def use_tour(tour) -> None:
    """Tour with *tour* (None: the built-in belt tour); its link, if it fits in a URL."""
    state = st.session_state
    state.tour = tour
    if tour is None:
        state.tour_link = None
    elif tour.name in shipped_tours():
        state.tour_link = None if tour.name == "belt" else tour.name
    else:
        state.tour_link = tour_param(tour)


def reconnected(value, end: dt.date, units) -> None:
    """A browser that reconnects to another server process (a replica stopped, a restart)
    starts a new session there with the query string it first opened, but its map is drawn and
    reports the moment it shows: on the session's first run that report wins, and the page is
    drawn again for it (deploy/README.md)."""
    if isinstance(value, dict):
        st.session_state.ignored = []  # the notes were about the URL first opened
        follow_map(end, units)
        st.rerun()


def link_to(day: str, view: str, lang: str, present, focus=None, tour=None) -> dict:
    """The URL's parameters for a moment (the map writes the same: js/link/moment.js; it keeps
    the app's ``tour``)."""
    moment = {"date": day, "view": view, "lang": lang} | ({"focus": focus} if focus else {})
    moment |= {"present": "1"} if present is True else {}
    return moment | ({"tour": tour} if tour else {})


def write_url(day: dt.date, view: str, lang: str, present: bool, focus: str | None) -> None:
    """What the browser's URL shows: the URL it opened, then what the app or the map wrote (the
    map writes it when it reports; Streamlit would still send the URL it knew last)."""
    tour = st.session_state.get("tour_link")
    link = link_to(day.isoformat(), view, lang, present, focus, tour)
    if st.session_state.get("url", st.query_params.to_dict()) != link:
        st.query_params.from_dict(link)  # a message, a history entry and a re-render of the page
        st.session_state.url = link


def follow_map(end: dt.date, units) -> None:
    """The map reported the date (and view) the user settled on: it becomes the page's."""
    value = st.session_state.get("map")
    if isinstance(value, dict):
        state = st.session_state
        shown = {k: v for k, v in value.items() if k not in ("seq", "linked")}
        reported = parse_params(
            shown, OPENED, end, state.day, state.view, state.present, state.lang, units, state.focus
        )
        state.day, state.view, state.present = reported.day, reported.view, reported.present
        state.lang, state.focus = reported.lang, reported.focus
        use_language(state.lang)
        state.seq = value.get("seq", 0) if isinstance(value.get("seq"), int) else 0
        if value.get("linked") is True:  # the map wrote the page's URL itself (js/link/bridge.js)
            date, view = str(value.get("date")), str(value.get("view"))
            lang, focus = str(value.get("lang")), value.get("focus")
            tour = state.get("tour_link")
            state.url = link_to(date, view, lang, value.get("present"), focus, tour)
        state.map_drawn = True  # the map reports once when it is drawn, then on every settle


def follow_toggle() -> None:
    st.session_state.present = st.session_state.present_toggle


def follow_language() -> None:
    st.session_state.lang = st.session_state.lang_choice
    use_language(st.session_state.lang)


def heading(css: str, present: bool) -> None:
    """The page's CSS, its title and the presentation switch, and notes on ignored parameters."""
    st.html(css)
    if not present:
        # The title, the language and the switch in one row, wrapping where the window is
        # narrow (the title first, then the two controls together).
        row = st.container(horizontal=True, vertical_alignment="bottom", key="heading")
        # The page's one h1 (sized in page.css), with no anchor link to Tab past.
        row.title(_("Mine Ban Treaty Map: the Ottawa Convention, 1997 to today"), anchor=False)
        st.session_state.lang_choice = st.session_state.lang  # the map may have changed it
        row.selectbox(
            _("Language"),
            list(LANGUAGES),
            format_func=lambda code: LANGUAGES[code].name,
            key="lang_choice",
            on_change=follow_language,
            label_visibility="collapsed",  # named for screen readers; one line, as the switch
            width=140,
        )
        row.toggle(
            _("Presentation mode"), key="present_toggle", value=False, on_change=follow_toggle
        )
    for note in st.session_state.get("ignored", []):
        st.warning(escape_markdown(_("Ignored {note}.", note=note)), icon=":material/warning:")


def caption(text: str) -> None:
    """Small text under a control. The words come from a catalogue (outside text): shown as
    typed, never as Markdown, links or HTML; so for ``error`` and ``info``."""
    st.caption(escape_markdown(text))


def error(text: str) -> None:
    st.error(escape_markdown(text))


def info(text: str) -> None:
    st.info(escape_markdown(text))


def download(label: str, name: str, make, *args) -> None:
    """A download button whose file is made when it is clicked (on its own thread)."""
    st.download_button(
        _("Download {label}", label=label),
        partial(make, *args),
        file_name=f"mine-ban-treaty-{name}",
        on_click="ignore",
        key=f"download:{name}",
    )


def choose_country(treaty) -> None:
    """Find a country by name (the page's language's or English) or code: its card opens on the
    map, and the panels below follow it (the map's own search does the same on the map)."""
    units = sorted(treaty.units, key=lambda code: folded(name_of(code, treaty.units[code].name)))

    def label(code: str | None) -> str:
        if code is None:
            return _("All countries")
        shown, english = name_of(code, treaty.units[code].name), treaty.units[code].name
        return f"{shown} · {english} · {code}" if shown != english else f"{shown} · {code}"

    st.session_state.focus_choice = st.session_state.focus  # the map may have changed it
    st.selectbox(
        _("Find a country: its card on the map, its events below"),
        [None, *units],
        format_func=label,
        key="focus_choice",
        on_change=follow_focus,
        placeholder=_("All countries"),
    )


def follow_focus() -> None:
    st.session_state.focus = st.session_state.focus_choice


def events_and_table(treaty, day: dt.date, focus: str | None = None) -> None:
    """The events around the date, and every map unit's status (filterable, and as CSV); with a
    country focused (its card open on the map), that country's events and its units."""
    events, table = st.columns([1, 1], gap="medium")
    title = partial(event_title, lang=language())
    if focus:
        name = name_of(focus, treaty.units[focus].name)
        heading = _("Events of {country}", country=name)
        shown = [
            {"date": e.label, "iso3": e.iso3, "event": title(e), "source": e.source}
            for e in dated_events(treaty)
            if e.iso3 == focus
        ]
    else:
        heading = _("Events around {date}", date=date_text(day))
        shown = event_rows(treaty, day, title=title)
    with events:
        st.markdown("## " + escape_markdown(heading))
        st.dataframe(
            shown,
            hide_index=True,
            column_order=("date", "iso3", "event", "source"),
            column_config={
                "date": _("Date"),
                "iso3": _("Code"),
                "event": _("Event"),
                "source": _("Source"),
            },
            height=390,
        )
    with table:
        st.markdown("## " + escape_markdown(_("Every map unit on {date}", date=date_text(day))))
        chosen = st.multiselect(
            _("Statuses"), list(Status), format_func=status_label, placeholder=_("All")
        )
        search = st.text_input(_("Find a name or code"), max_chars=60)
        # Only the columns shown: with the sources it is 89 KB a date, not 18 (the CSV has them).
        # A name is found in the page's language and in English, accents and case ignored.
        found = folded(search)
        labels = {status: status_label(status) for status in Status}
        rows = []
        for r in status_rows(treaty, day):
            if (chosen and r["status"] not in chosen) or (
                focus and focus not in (r["iso3"], r["status_from"])
            ):
                continue
            name = name_of(r["iso3"], r["name"])
            if found and found not in folded(f"{name} {r['name']} {r['iso3']}"):
                continue
            shown = {k: r[k] for k in STATUS_COLUMNS_SHOWN}
            rows.append(shown | {"name": name, "status": labels[Status(r["status"])]})
        columns = {
            "iso3": _("Code"),
            "name": _("Name"),
            "status": _("Status"),
            "status_from": _("Status of"),
            "kind": _("Kind"),
        }
        st.dataframe(
            rows,
            hide_index=True,
            height=250,
            column_order=STATUS_COLUMNS_SHOWN,
            column_config=columns,
        )
        label = _("Statuses on {date} (CSV)", date=day.isoformat())
        download(label, f"status-{day}.csv", csv_bytes, treaty, day, "statuses", language())


def compare_rows(treaty, first: dt.date, second: dt.date) -> list[dict]:
    """Every State whose status differs between the two dates, in the page's language."""
    return [
        {
            _("Code"): row["iso3"],
            _("Name"): name_of(row["iso3"], row["name"]),
            date_text(first): status_label(Status(row[str(first)])),
            date_text(second): status_label(Status(row[str(second)])),
        }
        for row in differences(treaty, first, second)
    ]


@st.cache_resource(show_spinner=False)
def export_queue() -> JobQueue:
    """The process's one queue of expensive exports: one at a time, the other core left to the
    viewers' reruns (issue 16)."""
    return JobQueue(workers=1)


def session_id() -> str:
    context = get_script_run_ctx()
    return context.session_id if context else "bare"


def offer_job(slot: str, label: str, key: tuple, make, file_name: str) -> None:
    """A button that queues *make* (once per *key* in this process: a file another viewer had
    made is offered at once), the job's place or progress while it waits or runs (this run
    polls it; any other action of the viewer interrupts the poll, not the job), then the file."""
    queue = export_queue()
    if st.button(_("Make {label}", label=label), key=f"make:{slot}"):
        queue.submit(key, make, session_id())
        st.session_state[f"job:{slot}"] = key
    job = queue.get(key) if st.session_state.get(f"job:{slot}") == key else None
    if job is None:
        return
    bar = st.progress(0.0, text=_("Queued…"))
    while not job.finished.wait(0.25):
        place = queue.place(job)
        text = (
            _("Waiting: {place} in the queue", place=place)
            if place
            else _("Drawing {done} of {total}", done=job.done, total=job.total)
        )
        bar.progress(job.done / job.total if job.total and not place else 0.0, text=text)
    bar.empty()
    if job.state != "done":
        error(_("Not made ({why}): try again.", why=job.error or _("dropped")))
        return
    size = number_text(len(job.result) / 1e6, 1)
    st.download_button(
        _("Download {label} ({size} MB)", label=label.split(",")[0], size=size),
        job.result,
        on_click="ignore",
        file_name=f"mine-ban-treaty-{file_name}",
        key=f"download-job:{slot}",
    )


def offer_animation(kind: str, start, end, view) -> None:
    """A GIF or MP4 of the dates, made through the export queue, in the page's language."""
    lang = language()
    offer_job(
        "animation",
        _("{kind}, {start} to {end}", kind=kind, start=start, end=end),
        (kind, start, end, view, lang),
        in_child(animation_file, kind, start, end, view, lang),
        f"{start}-{end}-{view}-{lang}.{kind.lower()}",
    )


def offer_site(day: dt.date, view: str, today: dt.date) -> None:
    """The static site (a ZIP), made through the export queue, and the snippet to embed it."""
    caption(
        _(
            "A folder for any static host (S3, GitHub Pages, nginx): the map, an embeddable "
            "page, link previews. Unzip it and upload it as it is (README: headers to set)."
        )
    )
    make = in_child(site_zip, day, view, today)
    key = ("site", day, view, today)
    offer_job("site", _("static site (ZIP)"), key, make, f"site-{day}.zip")
    caption(_("To embed the map in an article (put your site's address):"))
    st.code(embed_snippet(day, view), language="html")


def offer_tour(treaty, end: dt.date) -> None:
    """A presenter's own tour: a CSV file (README, "Tours"; the built-in tour of the belt is the
    example), checked like the data (every problem as file:line: field: what; nothing loaded
    if one is found; text never run, shown escaped), then presented on the map, offered back
    as a link (if it fits) or a file, and as slides."""
    state = st.session_state
    caption(
        _(
            "A tour is a CSV file with a row a stop: date, view (world, europe or eastern), "
            "optional focus (a country's code), title, optional note and hold (seconds). "
            "The tour of the belt is an example."
        )
    )
    example = shipped_tours()["belt"].read_bytes()
    download_file(_("Example: the tour of the belt (CSV)"), "tour-belt.csv", example)
    upload = st.file_uploader(_("Your tour (CSV, at most 64 KB)"), type=["csv"], key="tour_file")
    if upload is not None and state.get("tour_upload") != upload.file_id:
        state.tour_upload = upload.file_id
        try:
            tour = read_tour(upload.getvalue(), upload.name, treaty, end)
            use_tour(replace(tour, name="upload"))  # never taken for a shipped one by its name
            state.tour_problems = None
        except TourError as refused:  # nothing of the file is kept
            state.tour_problems = [str(problem) for problem in refused.problems]
    if state.get("tour_problems"):
        count = len(state.tour_problems)
        error(ngettext("Not loaded: {n} problem.", "Not loaded: {n} problems.", count))
        st.code("\n".join(state.tour_problems), language=None)
    tour = state.tour
    if tour is None:
        caption(_("The map tours the belt (the built-in tour)."))
        return
    stops = tour.stops_in(language())
    rows = [
        {
            _("Date"): stop.day.isoformat(),
            _("View"): _(VIEW_LABELS[stop.view]),
            _("Title"): stop.title,
            _("Seconds"): stop.hold,
        }
        for stop in stops
    ]
    st.dataframe(rows, hide_index=True)
    present, back = st.columns(2)
    if present.button(_("Present this tour"), key="present_tour", type="primary"):
        state.present, state.tour_start = True, state.tour_start + 1
        st.rerun()
    if back.button(_("Back to the built-in tour"), key="builtin_tour"):
        use_tour(None)
        st.rerun()
    if state.tour_link:
        base = str(st.context.url or "").split("?")[0]
        query = urlencode(link_to(state.day.isoformat(), state.view, state.lang, False, None,
                                  state.tour_link))  # fmt: skip
        caption(_("A link to this tour:"))
        st.code(f"{base}?{query}", language=None)
    else:
        caption(_("Too long for a link: share the file."))
    download_file(_("This tour (CSV)"), f"tour-{tour.name}.csv", tour_csv(tour))
    offer_deck(tour_csv(tour))


def download_file(label: str, name: str, data: bytes) -> None:
    st.download_button(
        label, data, file_name=f"mine-ban-treaty-{name}", on_click="ignore", key=f"file:{name}"
    )


def offer_deck(tour_file: bytes | None) -> None:
    """The tour as slides (PPTX), in the page's language, made through the export queue."""
    lang = language()
    key = ("deck", hash(tour_file), lang)
    make = in_child(deck_file, tour_file, lang)
    offer_job("deck", _("slides of the tour (PPTX)"), key, make, f"tour-{lang}.pptx")
