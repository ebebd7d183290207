"""Tours: the shipped tour of the belt against the data, a presenter's tour file refused with
every problem at its line, and a tour through a file and a link and back."""

from __future__ import annotations

import base64
import csv
import io
import zlib

import pytest
from babel import Locale
from conftest import day

from geodata.model import DataError, Precision
from geodata.timeline import dated_events
from layers.i18n import LANGUAGES
from layers.tourfile import MAX_BYTES, TRANSLATED
from layers.tours import (
    HOLD_S,
    TOURS_DIR,
    Stop,
    Tour,
    TourError,
    load_shipped,
    read_tour,
    shipped_tours,
    tour_csv,
    tour_from_param,
    tour_param,
    tour_stops,
)
from layers.views import VIEWS

END = day("2026-02-20")
HEAD = "date,view,title"
KNOWN = (
    "known: date, view, focus, title, note, hold, title_xx and note_xx for xx in pl lt lv et fi uk"
)


def refused(treaty, data: str | bytes, end=END, name="talk.csv") -> list[str]:
    """The problems read_tour reports for *data*, as the user sees them."""
    data = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(TourError) as caught:
        read_tour(data, name, treaty, end)
    return [str(problem) for problem in caught.value.problems]


def read(treaty, text: str, end=END) -> Tour:
    return read_tour(text.encode("utf-8"), "talk.csv", treaty, end)


# -- the shipped tour ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def belt(treaty):
    return load_shipped("belt", treaty)


def test_every_file_in_the_tours_folder_is_a_shipped_tour_that_loads(treaty):
    files = sorted(p.name for p in TOURS_DIR.iterdir())
    assert files and all(name.endswith(".csv") for name in files)
    assert [f"{name}.csv" for name in shipped_tours()] == files  # no name left out
    assert "belt" in shipped_tours()
    for name in shipped_tours():
        assert load_shipped(name, treaty).name == name


def test_belt_tour_stops_on_days_of_the_datas_events(treaty, belt):
    event_days = {e.day for e in dated_events(treaty) if e.precision is Precision.DAY}
    assert 10 <= len(belt.stops) <= 14
    missing = [s.day for s in belt.stops if s.day not in event_days]
    assert missing == []
    days = [s.day for s in belt.stops]
    assert days == sorted(set(days))  # the belt's story runs forward, one stop a day
    assert days[0] == day("2025-03-18") and days[-1] == END
    assert {s.view for s in belt.stops} <= set(VIEWS)
    assert all(s.title and s.note and len(s.title) <= 120 for s in belt.stops)
    assert all(s.focus is None or s.focus in treaty.units for s in belt.stops)


def test_belt_tour_covers_each_state_leaving_and_ukraine(belt):
    focused = {s.focus for s in belt.stops}
    assert {"FIN", "LVA", "POL", "UKR"} <= focused
    text = " ".join(s.title for s in belt.stops)
    for name in ("Estonia", "Latvia", "Lithuania", "Finland", "Poland", "Ukraine"):
        assert name in text


def test_belt_file_has_every_translation_for_every_stop(belt):
    header = next(csv.reader(io.StringIO(shipped_tours()["belt"].read_text("utf-8"))))
    for lang in TRANSLATED:
        assert f"title_{lang}" in header and f"note_{lang}" in header
    assert set(TRANSLATED) == set(LANGUAGES) - {"en"}
    for stop in belt.stops:
        assert [lang for lang, _, _ in stop.translations] == list(TRANSLATED)
        for lang in TRANSLATED:
            shown = stop.localized(lang)
            assert shown.title and shown.title != stop.title, (stop.day, lang)
            assert shown.note and shown.note != stop.note, (stop.day, lang)
            assert len(shown.title) <= 120 and len(shown.note) <= 1000


CLDR = {"FIN": "FI", "LVA": "LV", "POL": "PL", "UKR": "UA"}


def test_a_stop_about_one_state_names_it_by_its_cldr_name_in_each_language(belt):
    for stop in belt.stops:
        if stop.focus is None:
            continue
        for lang, language in LANGUAGES.items():
            name = Locale.parse(language.locale).territories[CLDR[stop.focus]]
            assert name in stop.localized(lang).title, (stop.day, lang, name)


def test_tour_stops_are_the_shipped_files_in_a_language(treaty, belt):
    assert tour_stops(treaty) == [s.localized("en") for s in belt.stops]
    assert tour_stops(treaty)[0].translations == ()
    assert tour_stops(treaty, lang="pl")[0].title == "Czterech ministrów obrony zaleca wystąpienie"
    assert tour_stops(treaty, lang="uk")[-1].title == "Польща: вихід набирає чинності"
    with pytest.raises(ValueError, match="language 'xx' is not one of en, pl"):
        tour_stops(treaty, lang="xx")
    with pytest.raises(ValueError, match=r"no tour named 'nope' \(the tours: belt"):
        tour_stops(treaty, name="nope")


def test_a_missing_translation_falls_back_to_the_english_text_field_by_field(treaty):
    text = f"{HEAD},note,title_pl,note_fi\n2025-03-18,eastern,Ministers,Said so.,Ministrowie,Sanoivat.\n"
    (stop,) = read(treaty, text).stops
    assert stop.translations == (("pl", "Ministrowie", ""), ("fi", "", "Sanoivat."))
    english = Stop(day("2025-03-18"), "eastern", "Ministers", "Said so.")
    assert stop.localized("en") == english and stop.localized("lt") == english
    assert stop.localized("pl") == Stop(day("2025-03-18"), "eastern", "Ministrowie", "Said so.")
    assert stop.localized("fi") == Stop(day("2025-03-18"), "eastern", "Ministers", "Sanoivat.")


# -- a presenter's file: what is read -----------------------------------------------------------


def test_a_small_file_reads_to_its_stops_in_the_files_order(treaty):
    text = (
        "\ufeffdate , view,focus,title,note,hold\n"  # a BOM and spaces around names are fine
        "2026-02-20,eastern,POL,Poland leaves,,12.5\n"
        '2025-03-18,world,, Where it began ,"Two lines:\r\n\tand a tab",\n'
    )
    tour = read(treaty, text)
    assert tour == Tour(
        "talk",
        (
            Stop(day("2026-02-20"), "eastern", "Poland leaves", "", 12.5, "POL"),
            Stop(day("2025-03-18"), "world", "Where it began", "Two lines:\n\tand a tab", HOLD_S),
        ),
    )


def test_text_is_kept_as_text_never_evaluated_nor_escaped(treaty):
    titles = ["=1+1", "+SUM(A1)", "-2", "@cmd", "<b>bold</b> & {{7*7}}"]
    rows = "".join(f'2025-03-18,eastern,"{title}"\n' for title in titles)
    tour = read(treaty, f"{HEAD}\n{rows}")
    assert [s.title for s in tour.stops] == titles
    assert read_tour(tour_csv(tour), "again.csv", treaty, END).stops == tour.stops


# -- a presenter's file: what is refused, exactly ------------------------------------------------

BAD_ROWS = [
    ("2025-02-30,eastern,A", "talk.csv:2: date: '2025-02-30' is not a real calendar date"),
    ("18.03.2025,eastern,A", "talk.csv:2: date: '18.03.2025' is not a date (YYYY-MM-DD)"),
    (",eastern,A", "talk.csv:2: date: is empty; every stop needs a date (YYYY-MM-DD)"),
    (
        "1997-12-02,eastern,A",
        "talk.csv:2: date: 1997-12-02 is before the timeline starts (1997-12-03, opened for signature)",
    ),
    (
        "2026-02-21,eastern,A",
        "talk.csv:2: date: 2026-02-21 is after the timeline ends (2026-02-20)",
    ),
    ("2025-03-18,asia,A", "talk.csv:2: view: 'asia' is not a view (world, europe, eastern)"),
    ("2025-03-18,Eastern,A", "talk.csv:2: view: 'Eastern' is not a view (world, europe, eastern)"),
    (
        "2025-03-18,,A",
        "talk.csv:2: view: is empty; every stop needs a view (world, europe, eastern)",
    ),
    ("2025-03-18,eastern,", "talk.csv:2: title: is empty; every stop needs a title"),
    ("2025-03-18,eastern,A,extra", "talk.csv:2: row: has 4 fields, header has 3"),
    ("2025-03-18,eastern", "talk.csv:2: row: has 2 fields, header has 3"),
    ('2025-03-18,eastern,"A', "talk.csv:2: file: is not valid CSV (unexpected end of data)"),
    ('2025-03-18,eastern,"A"B', "talk.csv:2: file: is not valid CSV (',' expected after '\"')"),
]


@pytest.mark.parametrize(("row", "expected"), BAD_ROWS)
def test_a_bad_row_is_named_at_its_line_and_field(treaty, row, expected):
    assert refused(treaty, f"{HEAD}\n{row}\n") == [expected]


BAD_OPTIONAL = [
    (
        "focus",
        "pol",
        "talk.csv:2: focus: 'pol' is not the code of a map unit (ISO 3166-1 alpha-3, as POL)",
    ),
    (
        "focus",
        "XXX",
        "talk.csv:2: focus: 'XXX' is not the code of a map unit (ISO 3166-1 alpha-3, as POL)",
    ),
    ("hold", "0.5", "talk.csv:2: hold: 0.5 is not between 1 and 60 seconds"),
    ("hold", "61", "talk.csv:2: hold: 61 is not between 1 and 60 seconds"),
    ("hold", "abc", "talk.csv:2: hold: 'abc' is not a number of seconds (1 to 60)"),
    ("hold", "1e1", "talk.csv:2: hold: '1e1' is not a number of seconds (1 to 60)"),
    ("hold", "nan", "talk.csv:2: hold: 'nan' is not a number of seconds (1 to 60)"),
    ("hold", "-5", "talk.csv:2: hold: '-5' is not a number of seconds (1 to 60)"),
    ("note", "x" * 1001, "talk.csv:2: note: is 1,001 characters; at most 1,000"),
    ("title_pl", "x" * 121, "talk.csv:2: title_pl: is 121 characters; at most 120"),
    ("note_uk", "я" * 1001, "talk.csv:2: note_uk: is 1,001 characters; at most 1,000"),
]


@pytest.mark.parametrize(("column", "value", "expected"), BAD_OPTIONAL)
def test_a_bad_optional_cell_is_named_at_its_line_and_field(treaty, column, value, expected):
    assert refused(treaty, f"{HEAD},{column}\n2025-03-18,eastern,A,{value}\n") == [expected]


def test_the_limits_of_a_title_and_a_hold_are_allowed(treaty):
    tour = read(treaty, f"{HEAD},hold\n2025-03-18,eastern,{'x' * 120},1\n2025-03-18,world,B,60\n")
    assert [len(s.title) for s in tour.stops] == [120, 1] and [s.hold for s in tour.stops] == [
        1,
        60,
    ]
    assert refused(treaty, f"{HEAD}\n2025-03-18,eastern,{'x' * 121}\n") == [
        "talk.csv:2: title: is 121 characters; at most 120"
    ]


BAD_HEADERS = [
    ("", ["talk.csv:1: file: is empty (no header row)"]),
    ("\n\n", ["talk.csv:1: file: is empty (no header row)"]),
    (
        "\ndate,view,title\n2025-03-18,eastern,A\n",
        ["talk.csv:1: file: has no header row (line 1 is blank)"],
    ),
    (f"{HEAD}\n", ["talk.csv:1: file: has no stops (a tour needs at least one)"]),
    (f"{HEAD}\n\n,,\n", ["talk.csv:1: file: has no stops (a tour needs at least one)"]),
    ("date,title\n2025-03-18,A\n", ["talk.csv:1: view: missing column"]),
    (
        "when,where,what\n",
        [
            "talk.csv:1: date,view,title: missing column",
            f"talk.csv:1: when,where,what: unknown column ({KNOWN})",
        ],
    ),
    (f"{HEAD},title\n", ["talk.csv:1: title: repeated column"]),
    (f"{HEAD},\n2025-03-18,eastern,A,\n", ["talk.csv:1: column 4: has no name"]),
]


@pytest.mark.parametrize(("text", "expected"), BAD_HEADERS)
def test_a_bad_header_or_an_empty_file_is_one_problem_each(treaty, text, expected):
    assert refused(treaty, text) == expected


def test_an_unknown_column_is_named_and_the_rows_are_still_checked(treaty):
    text = f"{HEAD},colour,title_en,note_de\n2025-13-01,eastern,A,red,B,C\n"
    assert refused(treaty, text) == [
        f"talk.csv:1: colour,title_en,note_de: unknown column ({KNOWN})",
        "talk.csv:2: date: '2025-13-01' is not a real calendar date",
    ]


def test_every_problem_of_every_row_is_reported_at_the_line_the_row_starts_on(treaty):
    text = (
        f"{HEAD},note,hold\n"
        "2025-03-18,eastern,Fine,,\n"
        '2025-03-32,north,Two,"A note\nover\nthree lines",99\n'  # lines 3-5
        "\n"  # line 6: a blank line is skipped
        "2030-01-01,eastern,,,\n"  # line 7
        "2025-03-18,world,Short\n"  # line 8
    )
    assert refused(treaty, text) == [
        "talk.csv:3: date: '2025-03-32' is not a real calendar date",
        "talk.csv:3: view: 'north' is not a view (world, europe, eastern)",
        "talk.csv:3: hold: 99 is not between 1 and 60 seconds",
        "talk.csv:7: date: 2030-01-01 is after the timeline ends (2026-02-20)",
        "talk.csv:7: title: is empty; every stop needs a title",
        "talk.csv:8: row: has 3 fields, header has 5",
    ]


def test_the_end_of_the_timeline_is_the_callers(treaty):
    text = f"{HEAD}\n2026-02-20,eastern,A\n"
    assert read(treaty, text, end=END).stops[0].day == END
    assert refused(treaty, text, end=day("2026-02-19")) == [
        "talk.csv:2: date: 2026-02-20 is after the timeline ends (2026-02-19)"
    ]
    assert read_tour(text.encode(), "talk.csv", treaty).stops[0].day == END  # default: today's


# -- limits, bytes and characters -----------------------------------------------------------------


def test_a_file_over_64_kib_is_refused_before_it_is_read(treaty):
    text = f"{HEAD}\n2025-03-18,eastern,A\n"
    at_limit = text.encode() + b"\n" * (MAX_BYTES - len(text))  # blank lines are skipped
    assert len(read_tour(at_limit, "talk.csv", treaty, END).stops) == 1
    assert refused(treaty, at_limit + b"\n") == [
        "talk.csv:0: file: is 65,537 bytes; a tour file is at most 65,536 (64 KiB)"
    ]


def test_sixty_stops_are_read_and_the_sixty_first_is_refused(treaty):
    rows = "".join(f"2025-03-18,eastern,Stop {n}\n" for n in range(1, 61))
    assert len(read(treaty, f"{HEAD}\n{rows}").stops) == 60
    assert refused(treaty, f"{HEAD}\n{rows}2025-03-18,eastern,Stop 61\n") == [
        "talk.csv:62: row: is stop 61; a tour has at most 60 stops"
    ]


def test_bytes_that_are_not_utf8_are_refused_at_their_line(treaty):
    data = f"{HEAD}\n2025-03-18,eastern,Fine\n".encode() + b"2025-03-19,eastern,Caf\xe9\n"
    assert refused(treaty, data) == ["talk.csv:3: file: is not UTF-8 text"]
    assert refused(treaty, "x".encode("utf-16")) == ["talk.csv:1: file: is not UTF-8 text"]


@pytest.mark.parametrize(
    ("char", "code"),
    [
        ("\x00", "0000"),
        ("\x07", "0007"),
        ("\x1b", "001B"),
        ("\r", "000D"),
        ("\x7f", "007F"),
        ("\x85", "0085"),
    ],
)
def test_a_control_character_in_text_is_refused(treaty, char, code):
    text = (
        f'{HEAD},note\n2025-03-18,eastern,"A{char}B","fine\tand\nfine"\n'
        f'2025-03-18,eastern,A,"x{char}y"\n'
    )
    line = 5 if char == "\r" else 4  # a lone CR ends a line, as the csv module counts them
    assert refused(treaty, text) == [
        f"talk.csv:2: title: has a control character (U+{code}); only tab and newline may be",
        f"talk.csv:{line}: note: has a control character (U+{code}); only tab and newline may be",
    ]


def test_only_spaces_tabs_and_line_ends_are_stripped_from_a_cell(treaty):
    assert read(treaty, f'{HEAD}\n2025-03-18,eastern," A\t\r\n"\n').stops[0].title == "A"
    assert refused(treaty, f"{HEAD}\n2025-03-18,eastern,A\x85\n") == [  # str.strip() takes it
        "talk.csv:2: title: has a control character (U+0085); only tab and newline may be"
    ]


def test_a_tour_error_is_a_value_error_and_not_a_data_error(treaty):
    with pytest.raises(TourError) as caught:
        read(treaty, f"{HEAD}\n")
    assert isinstance(caught.value, ValueError) and not isinstance(caught.value, DataError)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.field) == ("talk.csv", 1, "file")
    assert str(caught.value) == "talk.csv:1: file: has no stops (a tour needs at least one)"


# -- a tour written back, and in a link --------------------------------------------------------


def test_the_belt_tour_round_trips_through_its_file(treaty, belt):
    data = tour_csv(belt)
    assert read_tour(data, "belt.csv", treaty, END) == belt
    assert data.decode("utf-8").splitlines()[0] == (
        "date,view,focus,title,note,title_pl,note_pl,title_lt,note_lt,title_lv,note_lv,"
        "title_et,note_et,title_fi,note_fi,title_uk,note_uk"
    )


def test_tour_csv_writes_only_the_columns_the_stops_use(treaty):
    tour = Tour("t", (Stop(day("2025-03-18"), "world", 'Say "hi", then\nwait'),))
    assert tour_csv(tour) == b'date,view,title\n2025-03-18,world,"Say ""hi"", then\nwait"\n'
    assert read_tour(tour_csv(tour), "t.csv", treaty, END) == tour


SMALL = (
    "date,view,focus,title,note,hold,title_pl\n"
    '2026-02-20,eastern,POL,Poland leaves,"Last of five.\nThe belt is whole.",8,Polska wychodzi\n'
    "2025-03-18,world,,Back to the start,=1+1,,\n"
)


def test_a_small_tour_round_trips_through_a_link(treaty):
    tour = read(treaty, SMALL)
    param = tour_param(tour)
    assert param is not None and len(param) <= 1800
    assert set(param) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    back = tour_from_param(param, treaty, END)
    assert back.name == "link" and back.stops == tour.stops
    assert back.stops[0].localized("pl").title == "Polska wychodzi"


def test_a_tour_too_long_for_a_link_has_no_param(treaty, belt):
    assert len(tour_csv(belt)) > 10_000
    assert tour_param(belt) is None
    english = Tour("belt", tuple(belt.stops_in("en")))
    assert tour_param(english) is not None  # the same stops without their translations fit


def _param(data: bytes) -> str:
    return base64.urlsafe_b64encode(zlib.compress(data)).rstrip(b"=").decode()


def test_a_link_is_validated_as_a_file_named_tour(treaty):
    param = _param(b"date,view,title\n2025-03-18,asia,A\n2025-03-18,eastern,\n")
    with pytest.raises(TourError) as caught:
        tour_from_param(param, treaty, END)
    assert [str(p) for p in caught.value.problems] == [
        "?tour:2: view: 'asia' is not a view (world, europe, eastern)",
        "?tour:3: title: is empty; every stop needs a title",
    ]


def test_text_that_is_not_a_tour_link_is_one_clear_problem(treaty):
    good = tour_param(read(treaty, SMALL))
    cut = good[: len(good) // 8 * 4]  # a whole number of base64 groups, the stream unfinished
    cases = {
        "": "is empty",
        "a b": "is not a tour link (only letters, digits, - and _ may be in one)",
        "abc=": "is not a tour link (only letters, digits, - and _ may be in one)",
        "abcde": "is not a tour link (damaged, or not made by this map)",  # not base64
        "abcd": "is not a tour link (damaged, or not made by this map)",  # not zlib
        cut: "is not a tour link (cut short, or with something added)",
        base64.urlsafe_b64encode(zlib.compress(SMALL.encode()) + b"more").decode(): (
            "is not a tour link (cut short, or with something added)"
        ),
        "A" * 1801: "is 1,801 characters; a tour link has at most 1,800",
        _param(b"x" * (MAX_BYTES + 1)): (
            "unpacks to more than 65,536 bytes, more than a tour file may be"
        ),
    }
    for text, message in cases.items():
        with pytest.raises(TourError) as caught:
            tour_from_param(text, treaty, END)
        assert [str(p) for p in caught.value.problems] == [f"?tour:0: tour: {message}"], text[:20]
