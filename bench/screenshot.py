"""Make the README's screenshot: the app on 2026-02-20, eastern flank, in headless Chromium.

python bench/screenshot.py [--out bench/screenshot.png] [--date 2026-02-20] [--view eastern]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright

from bench.harness import ROOT, launch, map_frame, new_page, streamlit_server, two_frames


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "screenshot.png")
    parser.add_argument("--date", default="2026-02-20")
    parser.add_argument("--view", default="eastern")
    args = parser.parse_args()
    with streamlit_server() as base, sync_playwright() as playwright:
        browser = launch(playwright)
        page = new_page(browser)
        page.goto(f"{base}/?date={args.date}&view={args.view}")
        frame = map_frame(page, on=args.date)
        page.get_by_text("Every map unit on").wait_for()  # the panels below the map are drawn
        page.wait_for_load_state("networkidle")  # fonts and the rest have arrived
        two_frames(frame)
        page.screenshot(path=str(args.out))
        browser.close()
    print(args.out)


if __name__ == "__main__":
    main()
