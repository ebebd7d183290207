"""Animations: GIF and MP4 of the map from one date to another, a frame a week; or of a tour's
stops (layers/tours.py), each held its own seconds, in its own view."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from collections.abc import Callable
from pathlib import Path

from geodata.geometry import Geometry
from geodata.model import Event, EventKind, Precision, Treaty
from geodata.timeline import dated_events, latest_event
from layers.style import PALETTE, STATUS_STYLE
from layers.views import BELT_END, BELT_START

Progress = Callable[[int, int], None]


def animation_frames(treaty: Treaty, start: dt.date, end: dt.date) -> list[tuple]:
    """Frames from *start* to *end*: one a week, plus one on each event day, held if the event
    is a key one (a milestone, announcement, notice, entry into force or withdrawal)."""
    days = {start + dt.timedelta(days=n) for n in range(0, (end - start).days + 1, 7)} | {end}
    events = {e.day: e for e in dated_events(treaty) if start <= e.day <= end}
    key = {e.day: e for e in dated_events(treaty) if start <= e.day <= end and e.kind.key}
    days |= set(events)
    from layers.picture.render import Frame

    frames = []
    for day in sorted(days):
        event = key.get(day) or latest_event(treaty, day)
        frames.append((Frame(day, event), day in key))
    return frames


def _rendered(treaty, geometry, start, end, view, width, height, progress, lang, hold, fps):
    """(image, seconds shown) for each frame from *start* to *end*."""
    from layers.picture.render import MapRenderer

    renderer = MapRenderer(
        treaty, geometry.countries, geometry.borders, view, width, height, (start, end), lang
    )
    frames = animation_frames(treaty, start, end)
    for index, (frame, held) in enumerate(frames):
        yield renderer.image(frame), hold if held else 1 / fps
        if progress:
            progress(index + 1, len(frames))


def _toured(treaty, geometry, stops, width, height, progress, lang):
    """(image, seconds shown) for each stop of a tour: its day in its view (one renderer a
    view), its title as the caption's event (with the source of that day's first event), held
    for the stop's seconds."""
    from layers.picture.render import Frame, MapRenderer

    span = (min(stop.day for stop in stops), max(stop.day for stop in stops))
    renderers: dict[str, MapRenderer] = {}
    for index, stop in enumerate(stops):
        if stop.view not in renderers:
            countries, borders = geometry.countries, geometry.borders
            shown = (stop.view, width, height, span, lang)
            renderers[stop.view] = MapRenderer(treaty, countries, borders, *shown)
        yield renderers[stop.view].image(Frame(stop.day, stop_event(treaty, stop))), stop.hold
        if progress:
            progress(index + 1, len(stops))


def stop_event(treaty: Treaty, stop) -> Event:
    """What a tour stop's caption says: its title, as an event of its day, citing the source of
    the first event that day (none if there is none)."""
    first = next((e for e in dated_events(treaty) if e.day == stop.day), None)
    kind = first.kind if first else EventKind.MILESTONE
    return Event(
        stop.day, Precision.DAY, stop.focus, kind, stop.title, first.source if first else ""
    )


def _pictures(treaty, geometry, start, end, view, size, fps, hold, progress, lang, stops):
    if stops:
        return _toured(treaty, geometry, list(stops), *size, progress, lang)
    return _rendered(treaty, geometry, start, end, view, *size, progress, lang, hold, fps)


def gif_bytes(
    treaty: Treaty,
    geometry: Geometry,
    start: dt.date = BELT_START,
    end: dt.date = BELT_END,
    view: str = "eastern",
    width: int = 1920,
    height: int = 1080,
    fps: int = 8,
    hold: float = 1.5,
    progress: Progress | None = None,
    lang: str = "en",
    stops=None,
) -> bytes:
    """An animated GIF: a frame a week, held *hold* seconds on key events (with *stops*, a
    tour's: a frame a stop, each held for its seconds).

    Every frame uses one palette (taken from the first frame and every style colour), so that
    the GIF stores only what changes from frame to frame.
    """
    from PIL import Image

    from layers.picture.render import SOURCE_LINE

    images, durations, palette = [], [], None
    shown = (treaty, geometry, start, end, view, (width, height), fps, hold, progress, lang, stops)
    for image, seconds in _pictures(*shown):
        palette = palette or _palette(image)
        images.append(image.quantize(palette=palette, dither=Image.Dither.NONE))
        durations.append(round(1000 * seconds))
    out = io.BytesIO()
    comment = f"{SOURCE_LINE} | {start} to {end}".encode()
    images[0].save(
        out,
        "GIF",
        save_all=True,
        append_images=images[1:],
        duration=durations,
        loop=0,
        comment=comment,
    )
    return out.getvalue()


def _palette(first):
    from PIL import Image

    from layers.picture.render import rgb

    colours = [style.colour for style in STATUS_STYLE.values()] + list(PALETTE.values())
    strip = Image.new("RGB", (first.width, 40 * len(colours)))
    for index, colour in enumerate(colours):
        strip.paste(rgb(colour), (0, 40 * index, first.width, 40 * (index + 1)))
    sample = Image.new("RGB", (first.width, first.height + strip.height))
    sample.paste(first, (0, 0))
    sample.paste(strip, (0, first.height))
    return sample.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def mp4_bytes(
    treaty: Treaty,
    geometry: Geometry,
    start: dt.date = BELT_START,
    end: dt.date = BELT_END,
    view: str = "eastern",
    width: int = 1920,
    height: int = 1080,
    fps: int = 8,
    hold: float = 1.5,
    progress: Progress | None = None,
    lang: str = "en",
    stops=None,
) -> bytes:
    """An H.264 MP4 at *fps*; a key event's frame is repeated for *hold* seconds (with *stops*,
    a tour's: each stop's frame for its seconds)."""
    import imageio_ffmpeg

    from layers.picture.render import SOURCE_LINE

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.mp4"
        writer = imageio_ffmpeg.write_frames(
            str(path),
            (width, height),
            fps=fps,
            codec="libx264",
            quality=8,
            macro_block_size=8,
            ffmpeg_log_level="error",
            output_params=[
                "-metadata",
                f"title=Ottawa Convention {start} to {end}",
                "-metadata",
                f"comment={SOURCE_LINE}",
            ],
        )
        writer.send(None)
        size = (width, height)
        shown = (treaty, geometry, start, end, view, size, fps, hold, progress, lang, stops)
        for image, seconds in _pictures(*shown):
            data = image.convert("RGB").tobytes()
            for _ in range(max(1, round(seconds * fps))):
                writer.send(data)
        writer.close()
        return path.read_bytes()
