"""Treaty data, country boundaries and the status model of the Mine Ban Treaty Map.

Nothing here imports Streamlit or ``layers``: the data loads and validates headless.
"""

from __future__ import annotations

import os
from pathlib import Path

from geodata.dates import parse_day
from geodata.model import DataError, Problem, Status, Treaty
from geodata.tables import load

DATA_DIR = Path(__file__).parent
COUNTRIES = DATA_DIR / "countries.geojson"
BORDERS = DATA_DIR / "borders.geojson"

__all__ = [
    "BORDERS",
    "COUNTRIES",
    "DATA_DIR",
    "DataError",
    "Status",
    "Treaty",
    "load_treaty",
    "parse_day",
]


def data_dir() -> Path:
    """Where the treaty tables are read from: ``$MINE_BAN_DATA_DIR`` if set (to try edited
    tables), else the project's ``geodata/``. The boundary layers are read from there too if it
    has them, else from ``geodata/`` (``geometry.geometry_paths``)."""
    return Path(os.environ.get("MINE_BAN_DATA_DIR") or DATA_DIR)


def load_treaty(directory: Path | None = None) -> Treaty:
    """The validated treaty tables from *directory* (default: :func:`data_dir`)."""
    return load(directory or data_dir())


def problems_in_data(directory: Path | None = None) -> list[Problem]:
    """Every problem in the data, as the app and every command report it: the tables', then
    the boundary layers' (their codes checked against the codes ``states.csv`` lists, so that a
    mistyped code is named in the table and its shape named as having no row)."""
    from geodata.geometry import problems_in_geometry
    from geodata.tables import listed_codes

    directory = directory or data_dir()
    try:
        treaty = load(directory)
    except DataError as error:
        return error.problems + problems_in_geometry(directory, listed_codes(directory) or None)
    return problems_in_geometry(directory, treaty.units)
