"""Files the app ships with, found the same way in a checkout, an installed wheel and a
PyInstaller bundle: the icon (SVG source and PNGs at the freedesktop hicolor sizes, here
beside this module) and the lessons (``presets/*.kpg`` and their thumbnails: the
checkout's ``presets/`` folder, copied into this package as ``presets/`` when a wheel or a
bundle is built — see setup.py and packaging/keras_playground.spec)."""
from __future__ import annotations

from pathlib import Path

RESOURCE_DIR = Path(__file__).resolve().parent
ICON_DIR = RESOURCE_DIR / "icons"
ICON_NAME = "keras-playground"
# The sizes desktop environments look for in hicolor/<N>x<N>/apps (the spec's list).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
PACKAGED_PRESETS = RESOURCE_DIR / "presets"
CHECKOUT_PRESETS = RESOURCE_DIR.parents[1] / "presets"


def icon_png(size: int) -> Path:
    return ICON_DIR / f"{ICON_NAME}-{size}.png"


def icon_svg() -> Path:
    return ICON_DIR / f"{ICON_NAME}.svg"


def bundled_presets_dir() -> Path:
    """The lessons copied into the package (wheel, bundle), else the checkout's."""
    return PACKAGED_PRESETS if PACKAGED_PRESETS.is_dir() else CHECKOUT_PRESETS
