"""Entry point of the frozen (PyInstaller) program."""

import sys

from reviewtool.cli import main

if __name__ == "__main__":
    sys.exit(main())
