"""``python -m layers.export``: see ``layers/export/cli.py``."""

import sys

from layers.export.cli import main

sys.exit(main())
