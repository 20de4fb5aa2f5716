"""`python -m desktop` runs the `kaiji` command."""

import sys

from desktop.cli import main

# Importing this module (tools, documentation builders) must not run the command.
if __name__ == "__main__":
    sys.exit(main())
