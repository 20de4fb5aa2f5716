"""`python -m desktop` runs the `kaiji` command."""

import sys

from desktop.cli import main

sys.exit(main())
