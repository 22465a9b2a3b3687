"""Launch Keras Playground: `python main.py [PROJECT.kpg | MODEL.keras]`."""
from __future__ import annotations

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
