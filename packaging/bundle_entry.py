"""The bundle's program: the same entry point as the `keras-playground` command."""
import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
