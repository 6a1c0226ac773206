"""``python -m rakuten_assist`` runs the command line."""

import sys

from rakuten_assist.cli import main

sys.exit(main())
