"""The built page is reused while its inputs are the same, and rebuilt when they change."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
import time

from test_tables import edit_row

from geodata import DATA_DIR, load_treaty
from layers.web import pagefile


def test_page_is_built_once_and_rebuilt_when_the_data_changes(tmp_path, monkeypatch, treaty):
    monkeypatch.setattr(pagefile, "CACHE", tmp_path / "cache")
    today = dt.date(2026, 11, 23)
    first = pagefile.page_folder(treaty, DATA_DIR, today, 600)
    page = first / pagefile.PAGE
    assert '"dataFile":"data.json.gz"' in page.read_text(encoding="utf-8")
    data = json.loads(gzip.decompress((first / pagefile.DATA).read_bytes()))
    assert len(data["projections"]["world"]["shapes"]) == 243
    assert data["units"]["POL"]["n"] == "Poland"
    built = page.stat().st_mtime_ns
    assert pagefile.page_folder(treaty, DATA_DIR, today, 600) == first
    assert page.stat().st_mtime_ns == built  # reused, not rebuilt
    assert pagefile.page_folder(treaty, DATA_DIR, today + dt.timedelta(days=1), 600) != first

    data = tmp_path / "data"
    data.mkdir()
    for name in ("states.csv", "events.csv", "borders_published.csv"):
        shutil.copy(DATA_DIR / name, data / name)
    edit_row(data / "states.csv", "FIN", "note", "A note changed by hand.")
    changed = pagefile.page_folder(load_treaty(data), data, today, 600)
    assert changed != first
    changed_data = gzip.decompress((changed / pagefile.DATA).read_bytes()).decode()
    assert "A note changed by hand." in changed_data
    assert not list(changed.glob(".*"))  # no partial file left behind


def test_folders_unused_for_two_days_are_removed(tmp_path, monkeypatch, treaty):
    monkeypatch.setattr(pagefile, "CACHE", tmp_path)
    today = dt.date(2026, 11, 23)
    built = pagefile.page_folder(treaty, DATA_DIR, today, 600)
    now = time.time()
    ages = {"old": 3 * 86400, "recent": 86400, built.name: 5 * 86400}
    for name, age in ages.items():
        (tmp_path / name).mkdir(exist_ok=True)
        (tmp_path / name / "index.html").write_text("x")
        os.utime(tmp_path / name, (now - age, now - age))
    assert pagefile.page_folder(treaty, DATA_DIR, today, 600) == built  # reused
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([built.name, "recent"])
    assert now - built.stat().st_mtime < 60  # marked as in use
