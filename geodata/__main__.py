"""Command line: ``python -m geodata status --date D``, ``belt --date D`` and ``validate``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geodata import DataError, data_dir, load_treaty, parse_day, problems_in_data
from geodata.belt import belt_csv, measured
from geodata.geometry import load_geometry
from geodata.report import status_csv


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geodata", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    status = commands.add_parser("status", help="every map unit's status on a date, as CSV")
    status.add_argument("--date", required=True, help="YYYY-MM-DD")
    status.add_argument("--data-dir", type=Path, default=None)
    validate = commands.add_parser("validate", help="check every data file; exit 0 if all is well")
    validate.add_argument("--data-dir", type=Path, default=None)
    belt = commands.add_parser("belt", help="borders with Russia and Belarus on a date, as CSV")
    belt.add_argument("--date", required=True, help="YYYY-MM-DD")
    belt.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args(argv)

    if args.command == "validate":
        folder = args.data_dir or data_dir()
        problems = problems_in_data(folder)
        for problem in problems:
            print(problem)
        if not problems:
            print(f"{folder}: all data files valid", file=sys.stderr)
        return 2 if problems else 0
    try:
        day = parse_day(args.date)
    except ValueError as error:
        print(f"--date: {error}", file=sys.stderr)
        return 2
    try:
        treaty = load_treaty(args.data_dir)
        lengths = measured(load_geometry(args.data_dir, treaty.units).borders)
    except DataError as error:
        print(error, file=sys.stderr)
        return 2
    try:
        if args.command == "belt":
            belt_csv(treaty, day, lengths, sys.stdout)
        else:
            status_csv(treaty, day, sys.stdout)
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
