"""``python -m app``: the same as the ``annotated-articles`` command."""

import sys

from app.cli import main

sys.exit(main())
