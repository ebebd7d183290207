"""Every export format checked for real: sizes, metadata, pixels, frames, offline HTML, exact CSV."""

from __future__ import annotations

import datetime
import datetime as dt
import io
import os
import subprocess
import sys

import imageio_ffmpeg
import numpy as np
import pytest
from conftest import day
from PIL import Image

from geodata import DATA_DIR
from geodata.geometry import load_geometry
from geodata.model import Event, Precision, Treaty, Unit, UnitKind
from layers import export
from layers.export import cli
from layers.picture.render import SUPERSAMPLE, MapRenderer
from layers.style import STATUS_STYLE

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def geometry():
    return load_geometry()


def pixel_at(image: Image.Image, renderer: MapRenderer, lon: float, lat: float):
    x, y = renderer.projection.to_pixels([lon], [lat])[0] / SUPERSAMPLE
    return image.convert("RGB").getpixel((int(x), int(y)))


def rgb(colour: str):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def close(a, b, tolerance=8):
    return all(abs(p - q) <= tolerance for p, q in zip(a, b, strict=True))


@pytest.mark.parametrize(("when", "status"), [("2024-06-01", "party"), ("2026-03-01", "withdrawn")])
def test_png_size_metadata_and_poland_pixel(treaty, geometry, when, status):
    data = export.png_bytes(treaty, geometry, day(when), "europe", 960, 540, today=TODAY)
    image = Image.open(io.BytesIO(data))
    assert image.size == (960, 540)
    assert image.text["Date"] == when and "Natural Earth" in image.text["Source"]
    renderer = MapRenderer(
        treaty, geometry.countries, geometry.borders, "europe", 960, 540, (day(when), TODAY)
    )
    assert close(pixel_at(image, renderer, 19.0, 52.3), rgb(STATUS_STYLE[status].colour))


def test_png_default_is_1920_by_1080(treaty, geometry):
    image = Image.open(
        io.BytesIO(export.png_bytes(treaty, geometry, day("2026-02-20"), today=TODAY))
    )
    assert image.size == (1920, 1080)


def test_animation_frames_step_weekly_and_hold_on_key_events(treaty):
    frames = export.animation_frames(treaty, export.BELT_START, export.BELT_END)
    days = [f.day for f, _ in frames]
    assert days[0] == export.BELT_START and days[-1] == export.BELT_END
    assert len(frames) >= 50
    held = {f.day.isoformat() for f, h in frames if h}
    assert {"2025-03-18", "2025-06-27", "2025-12-27", "2026-01-10", "2026-02-20"} <= held


def test_gif_frames_and_change_where_status_changes(treaty, geometry):
    start, end = day("2025-12-20"), day("2026-01-12")
    data = export.gif_bytes(treaty, geometry, start, end, "eastern", 480, 270)
    gif = Image.open(io.BytesIO(data))
    frames = export.animation_frames(treaty, start, end)
    assert gif.n_frames == len(frames) and gif.size == (480, 270)
    renderer = MapRenderer(
        treaty, geometry.countries, geometry.borders, "eastern", 480, 270, (start, end)
    )
    estonia = []
    for index in range(gif.n_frames):
        gif.seek(index)
        estonia.append(pixel_at(gif, renderer, 25.5, 58.7))
    before = [i for i, (f, _) in enumerate(frames) if f.day < day("2025-12-27")]
    after = [i for i, (f, _) in enumerate(frames) if f.day >= day("2025-12-27")]
    assert estonia[before[-1]] != estonia[after[0]]
    assert close(estonia[after[0]], rgb(STATUS_STYLE["withdrawn"].colour), 30)


def test_mp4_frame_count_holds_and_change(treaty, geometry, tmp_path):
    start, end = day("2025-12-20"), day("2026-01-12")
    data = export.mp4_bytes(treaty, geometry, start, end, "eastern", 480, 272, fps=4, hold=1.0)
    path = tmp_path / "map.mp4"
    path.write_bytes(data)
    frames = export.animation_frames(treaty, start, end)
    expected = sum(4 if held else 1 for _, held in frames)
    assert imageio_ffmpeg.count_frames_and_secs(str(path))[0] == expected
    reader = imageio_ffmpeg.read_frames(str(path))
    meta = next(reader)
    assert meta["size"] == (480, 272)
    decoded = [np.frombuffer(f, np.uint8).reshape(272, 480, 3) for f in reader]
    renderer = MapRenderer(
        treaty, geometry.countries, geometry.borders, "eastern", 480, 272, (start, end)
    )
    x, y = (renderer.projection.to_pixels([25.5], [58.7])[0] / SUPERSAMPLE).astype(int)
    assert not close(tuple(decoded[0][y, x]), tuple(decoded[-1][y, x]), 20)


def fixture_treaty() -> Treaty:
    def unit(iso3, name, **dates):
        fields = dict.fromkeys(
            ("signature", "consent", "consent_type", "eif", "withdrawal_announced",
             "withdrawal_deposited", "withdrawal_effective", "suspension", "predecessor",
             "independence", "part_of"),
        )  # fmt: skip
        fields.update(dates)
        return Unit(iso3=iso3, name=name, kind=UnitKind.STATE, source=f"Source for {name}",
                    withdrawal_source="", note="", **fields)  # fmt: skip

    units = {
        "AAA": unit("AAA", "Alpha", consent=day("1998-01-05"), consent_type="ratification",
                    eif=day("1999-03-01")),
        "BBB": unit("BBB", "Beta, \"the\" second"),
    }  # fmt: skip
    event = Event(day("1999-03-01"), Precision.DAY, None, "milestone", "In force", "Text, art. 17")
    return Treaty(units, (event,))


def test_csv_equals_expected_text_on_a_fixture():
    treaty = fixture_treaty()
    assert export.csv_bytes(treaty, day("1999-03-01")).decode() == (
        "date,iso3,name,name_local,kind,status,status_from,source\n"
        "1999-03-01,AAA,Alpha,Alpha,state,party,AAA,Source for Alpha\n"
        '1999-03-01,BBB,"Beta, ""the"" second","Beta, ""the"" second",state,non_party,BBB,'
        '"Source for Beta, ""the"" second"\n'
    )
    assert export.csv_bytes(treaty, day("1999-03-01"), "events").decode() == (
        "date,date_precision,iso3,kind,title,title_local,source\n"
        "1998-01-05,day,AAA,consent,Alpha deposits its instrument of ratification,"
        "Alpha deposits its instrument of ratification,Source for Alpha\n"
        '1999-03-01,day,,milestone,In force,In force,"Text, art. 17"\n'
    )


def test_csv_keeps_its_columns_and_adds_the_name_in_the_language(treaty):
    text = export.csv_bytes(treaty, day("2026-02-20"), lang="pl").decode()
    assert text.splitlines()[0] == "date,iso3,name,name_local,kind,status,status_from,source"
    assert "\n2026-02-20,LTU,Lithuania,Litwa,state,withdrawn,LTU," in text
    events = export.csv_bytes(treaty, day("2026-02-20"), "events", "pl").decode()
    polish = next(line for line in events.splitlines() if line.startswith("2026-02-20,day,POL"))
    assert polish.startswith("2026-02-20,day,POL,withdrawal_effective,Poland's withdrawal")
    assert ",Wystąpienie" in polish and "Polska" in polish  # the catalogue's sentence


def test_html_is_one_small_file(treaty, geometry):
    page = export.html_bytes(treaty, geometry, day("2025-10-01"), "eastern", today=TODAY)
    assert len(page) <= 3_000_000
    text = page.decode()
    assert (
        "mbt-events" in text
        and 'src="http' not in text
        and 'href="http' not in text.replace('href="https://leafletjs.com"', "")
    )


def run(*args, cwd=DATA_DIR.parent):
    return subprocess.run(
        [sys.executable, "-m", "layers.export", *args], capture_output=True, text=True, cwd=cwd
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["webp"], "unknown format 'webp'"),
        (["png", "--view", "mars"], "--view: unknown view 'mars'"),
        (["png", "--date", "2026-02-30"], "--date: '2026-02-30' is not a real calendar date"),
        (["png", "--date", "1990-01-01"], "--date: 1990-01-01 is outside 1997-12-03"),
        (
            ["gif", "--from", "2026-01-01", "--to", "2025-01-01"],
            "--from 2026-01-01 is not before --to 2025-01-01",
        ),
        (["png", "--width", "5000"], "--width/--height: 5000x1080 is outside"),
        (["gif", "--fps", "0"], "--fps: 0 is outside 1 to 60"),
        (["png", "--from", "2025-01-01"], "--from/--to: png shows one date; use --date"),
        (["pdf", "--paper", "letter"], "--paper: 'letter' is not one of a4, 16:9"),
        (
            ["pptx", "--date", "2026-02-20"],
            "--date/--from/--to: a deck takes its dates from the tour",
        ),
        (["pptx", "--lang", "xx"], "--lang: 'xx' is not one of"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(tmp_path, args, message):
    out = tmp_path / "out.file"
    result = run(*args, "--out", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert not out.exists()


def test_unwritable_or_missing_folder(tmp_path):
    result = run("csv", "--out", str(tmp_path / "missing" / "x.csv"))
    assert result.returncode == 2 and "does not exist" in result.stderr
    result = run("csv", "--out", str(tmp_path))
    assert result.returncode == 2 and "is a directory" in result.stderr
    result = run("csv")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_csv_from_the_command_line(tmp_path):
    out = tmp_path / "s.csv"
    result = run("csv", "--date", "2026-02-20", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "2026-02-20,POL,Poland,Poland,state,withdrawn,POL," in out.read_text(encoding="utf-8")


def test_a_failed_export_leaves_no_file(tmp_path, monkeypatch, capsys):
    target = tmp_path / "map.csv"

    def broken(*args, **kwargs):
        raise RuntimeError("disk full while rendering")

    monkeypatch.setattr(cli, "csv_bytes", broken)
    assert export.main(["csv", "--out", str(target)], today=TODAY) == 1
    assert "export failed: disk full while rendering" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_the_atomic_writer_leaves_no_partial_file(tmp_path, monkeypatch):
    def replace(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli.os, "replace", replace)
    with pytest.raises(OSError):
        export.write_atomically(tmp_path / "map.png", b"abc")
    assert list(tmp_path.iterdir()) == []


def test_the_atomic_writer_gives_the_file_the_permissions_of_a_normal_file(tmp_path):
    old = os.umask(0o022)
    try:
        export.write_atomically(tmp_path / "map.png", b"abc")
        export.write_atomically(tmp_path / "map.png", b"abcd")  # replacing an export
    finally:
        os.umask(old)
    assert os.stat(tmp_path / "map.png").st_mode & 0o777 == 0o644  # 0o666 less the umask
    assert (tmp_path / "map.png").read_bytes() == b"abcd"
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]


def frozen_today(monkeypatch, today: dt.date) -> None:
    """Make ``datetime.date.today()`` return *today* in every module that asks the clock."""

    class Clock(datetime.date):
        @classmethod
        def today(cls):
            return cls(today.year, today.month, today.day)

    monkeypatch.setattr(datetime, "date", Clock)


def test_a_png_is_the_same_whatever_day_it_is_made(treaty, geometry, monkeypatch, tmp_path):
    made = []
    for today in (dt.date(2026, 11, 23), dt.date(2031, 6, 1)):  # after the last event (2026-02-20)
        frozen_today(monkeypatch, today)
        made.append(export.png_bytes(treaty, geometry, day("2025-12-27"), "eastern", 320, 180))
        out = tmp_path / f"{today}.png"
        assert export.main(["png", "--date", "2025-12-27", "--width", "320", "--height", "180",
                            "--view", "eastern", "--out", str(out)]) == 0  # fmt: skip
        made.append(out.read_bytes())
    monkeypatch.undo()
    assert made[0] == made[1] == made[2] == made[3]


def test_the_timeline_bar_ends_on_the_last_dated_event_unless_told_today(
    treaty, geometry, monkeypatch
):
    """Without a 'today', the bar ends where the data does (Poland's exit, 2026-02-20)."""
    import layers.picture.render as render

    drawn = []

    class Recording(render.MapRenderer):
        def image(self, frame):
            picture = super().image(frame)
            drawn.append(self.drawn)
            return picture

    monkeypatch.setattr(render, "MapRenderer", Recording)
    export.png_bytes(treaty, geometry, day("2025-12-27"), "eastern", 320, 180)
    export.png_bytes(treaty, geometry, day("2025-12-27"), "eastern", 320, 180, TODAY)
    # The bar's two ends are drawn just before the source line, the last string.
    assert [strings[-3:-1] for strings in drawn] == [
        ["1997-12-03", "2026-02-20"],
        ["1997-12-03", "2026-11-23"],
    ]


def pixel_box(polygons):
    points = np.vstack([rings[0] for rings in polygons]) / SUPERSAMPLE
    return (*points.min(axis=0), *points.max(axis=0))


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("size", [(1920, 1080), (2560, 1440), (3840, 2160), (1600, 900)])
def test_no_panel_covers_the_flank_or_the_belt(treaty, geometry, size):
    """Eastern flank and Europe, at the PNG sizes, the GIF/MP4 frame (1920x1080) and the
    comparison's maps: the five States and the belt line lie clear of every panel's box as kept
    free for any date (tests/test_textfit.py: the panels as drawn stay inside those boxes)."""
    span = (dt.date(1997, 12, 3), dt.date(2026, 2, 20))
    for view in ("eastern", "europe"):
        renderer = MapRenderer(treaty, geometry.countries, geometry.borders, view, *size, span)
        panels = list(renderer.panels.reserved)
        shapes = {iso3: polygons for iso3, _, polygons in renderer.shapes}
        boxes = {iso3: pixel_box(shapes[iso3]) for iso3 in ("FIN", "EST", "LVA", "LTU", "POL")}
        for pair, lines in renderer.borders.items():
            if pair[0] != "UKR":
                boxes[pair] = pixel_box([[line] for line in lines])
        for what, box in boxes.items():
            assert box[0] >= 0 and box[1] >= 0 and box[2] <= size[0] and box[3] <= size[1]
            assert not any(overlaps(box, panel) for panel in panels), (view, size, what)


def test_no_panel_covers_a_state_party_larger_than_portugal_on_the_world(treaty, geometry):
    renderer = MapRenderer(
        treaty,
        geometry.countries,
        geometry.borders,
        "world",
        1920,
        1080,
        (day("1997-12-03"), TODAY),
    )
    areas = {
        f["properties"]["iso3"]: f["properties"]["area_km2"] for f in geometry.countries["features"]
    }
    panels = list(renderer.panels.reserved)
    for iso3, _, polygons in renderer.shapes:
        if treaty.units[iso3].kind == "state" and areas[iso3] >= 92_000:  # Portugal: 92,212 km²
            box = pixel_box(polygons)
            assert not any(overlaps(box, panel) for panel in panels), iso3


def test_site_folder_is_written_whole_with_umask_permissions_or_not_at_all(tmp_path):
    from layers.export.site import write_site

    out = tmp_path / "site"
    files = {"index.html": b"<p>1</p>", "embed.html": b"<p>2</p>", "previews/a.png": b"png"}
    old = os.umask(0o022)
    try:
        write_site(out, files)
    finally:
        os.umask(old)
    assert (out / "previews" / "a.png").read_bytes() == b"png"
    assert oct((out / "index.html").stat().st_mode & 0o777) == "0o644"
    assert oct(out.stat().st_mode & 0o777) == "0o755"

    class Broken(dict):
        def items(self):
            yield "index.html", b"new"
            raise OSError("disk full")

    with pytest.raises(OSError):
        write_site(out, Broken())
    assert (out / "index.html").read_bytes() == b"<p>1</p>"  # the old site, untouched
    write_site(out, {"index.html": b"new", "embed.html": b"new"})  # replaced whole
    assert sorted(p.name for p in out.iterdir()) == ["embed.html", "index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no partial folder left


def test_site_command_refuses_a_folder_that_is_not_a_site_and_a_bad_base_url(tmp_path, capsys):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    assert cli.main(["site", "--out", str(mine)], today=TODAY) == 2
    assert "not a site export" in capsys.readouterr().err
    assert (mine / "notes.txt").read_text() == "keep me"
    assert cli.main(["site", "--out", str(tmp_path / "s"), "--base-url", "ftp://x"]) == 2
    assert "--base-url" in capsys.readouterr().err
    assert not (tmp_path / "s").exists()


def test_site_files_zip_and_the_readme_snippet(treaty, geometry):
    import zipfile

    from layers.export.site import belt_key_days, embed_snippet, site_files, site_zip_bytes

    files = site_files(treaty, geometry, day("2026-02-20"), "eastern", base_url="https://e.org/m/")
    assert {"index.html", "embed.html"} <= set(files)
    assert {f"previews/{d}.png" for d in belt_key_days(treaty)} <= set(files)
    assert "previews/2025-12-27.png" in files
    index = files["index.html"].decode()
    preview = next(name for name in files if name.startswith("preview."))
    assert f'<meta property="og:image" content="https://e.org/m/{preview}">' in index
    assert Image.open(io.BytesIO(files[preview])).size == (1200, 630)
    script = next(name for name in files if name.startswith("map.") and name.endswith(".js"))
    from layers.web.page import SCRIPT

    assert files[script] == SCRIPT.read_bytes()  # the same bundle as the app's, not a copy
    names = zipfile.ZipFile(io.BytesIO(site_zip_bytes(files))).namelist()
    assert sorted(names) == sorted(f"mine-ban-treaty-map/{name}" for name in files)
    readme = (DATA_DIR.parent / "README.md").read_text(encoding="utf-8")
    assert embed_snippet(day("2026-02-20"), "eastern") in readme


TOUR = (
    "date,view,focus,title,note,hold,title_lv\n"
    "2025-06-27,eastern,LVA,Three notices,The Baltic States notify.,2,Trīs paziņojumi\n"
    "2026-02-20,world,,Five out,,1,Pieci ārā\n"
)


def test_a_tour_file_makes_a_gif_of_its_stops_in_the_language(tmp_path):
    from PIL import Image

    (tmp_path / "mine.csv").write_text(TOUR, encoding="utf-8")
    out = tmp_path / "t.gif"
    size = ["--width", "480", "--height", "270"]
    result = run(
        "gif", "--out", str(out), "--tour", str(tmp_path / "mine.csv"), "--lang", "lv", *size
    )
    assert result.returncode == 0, result.stderr
    with Image.open(out) as gif:
        durations = []
        for index in range(gif.n_frames):
            gif.seek(index)
            durations.append(gif.info["duration"])
    assert durations == [2000, 1000]  # a frame a stop, each held its seconds


def test_a_tour_is_drawn_stop_by_stop_with_its_title_in_the_caption(treaty, geometry):
    from layers.export.animation import _toured
    from layers.tours import read_tour

    stops = read_tour(TOUR.encode(), "mine.csv", treaty).stops_in("lv")
    drawn = list(_drawn_texts(treaty, geometry, stops))
    assert any("Trīs paziņojumi" in text for text in drawn[0])
    assert any(text == "2025. gada 27. jūnijs" for text in drawn[0])  # CLDR's Latvian long date
    assert any("Pieci ārā" in text for text in drawn[1])
    assert len(list(_toured(treaty, geometry, stops, 320, 180, None, "lv"))) == 2


def _drawn_texts(treaty, geometry, stops):
    from layers.export.animation import stop_event
    from layers.picture.render import Frame, MapRenderer

    for stop in stops:
        renderer = MapRenderer(treaty, geometry.countries, geometry.borders, stop.view, 480, 270,
                               (stop.day, stop.day), "lv")  # fmt: skip
        renderer.image(Frame(stop.day, stop_event(treaty, stop)))
        yield renderer.drawn


def test_a_bad_tour_file_exits_2_naming_each_problem(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("date,view,title\n2025-13-01,moon,\n", encoding="utf-8")
    result = run("mp4", "--out", str(tmp_path / "t.mp4"), "--tour", str(bad))
    assert result.returncode == 2
    assert f"{bad}:2: date: '2025-13-01' is not a real calendar date" in result.stderr
    assert f"{bad}:2: view: 'moon' is not a view (world, europe, eastern)" in result.stderr
    assert not (tmp_path / "t.mp4").exists()
    result = run("png", "--out", str(tmp_path / "t.png"), "--tour", str(bad))
    assert result.returncode == 2 and "png does not take a tour" in result.stderr


@pytest.mark.parametrize("lang", ["en", "pl", "lt", "lv", "et", "fi", "uk"])
def test_a_png_in_each_language_draws_its_words(treaty, geometry, lang):
    """The strings the renderer drew (its own list), against Babel's CLDR data and the catalogue:
    the long date, a status label, Lithuania's name and the belt's kilometres."""
    from babel import Locale
    from babel.dates import format_date

    from layers.export.images import map_renderer
    from layers.i18n import LANGUAGES, catalogue, km
    from layers.picture.render import Frame

    when = day("2026-02-20")
    renderer = map_renderer(treaty, geometry, "eastern", 1920, 1080, when, lang)
    renderer.image(Frame(when))
    drawn = renderer.drawn
    locale = Locale.parse(LANGUAGES[lang].locale)
    assert format_date(when, "long", locale=locale) in drawn
    withdrawn = catalogue(lang).get("Withdrawn")
    assert (withdrawn.string if lang != "en" else "Withdrawn") in drawn
    assert (locale.territories["LT"] if lang != "en" else "Lithuania") in drawn
    belt = next(text for text in drawn if km(3654, lang) in text)
    assert km(3087, lang) in belt
    assert "Belt: 3,654" not in belt or lang == "en"  # not the English line in another language
