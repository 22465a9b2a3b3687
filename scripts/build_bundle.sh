#!/usr/bin/env bash
# Build Keras Playground as an app that needs no Python, on the platform this runs on:
#   Linux:   dist/keras-playground/ (one folder; run dist/keras-playground/keras-playground)
#            and dist/KerasPlayground-<version>-<arch>.AppImage when appimagetool is on the PATH
#   Windows: dist\keras-playground\keras-playground.exe (run from Git Bash; see README)
#   macOS:   dist/Keras Playground.app (opens .kpg files from Finder)
# Needs the app and PyInstaller in the Python used:  pip install -e ".[bundle]"
#   PYTHON=/path/to/python scripts/build_bundle.sh
# Then check it: scripts/smoke_bundle.sh dist/keras-playground
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PYTHON:-}" ]; then
  if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python
  elif [ -x .venv/Scripts/python.exe ]; then PYTHON=.venv/Scripts/python.exe
  else PYTHON=python3; fi
fi
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  echo "build_bundle: PyInstaller is not installed in $PYTHON. Install it with: $PYTHON -m pip install -e '.[bundle]'" >&2
  exit 1
fi
version=$("$PYTHON" -c "import playground; print(playground.__version__)")

# Compiled translations first (the spec collects the .mo/.qm files); a missing lrelease fails
# the build rather than shipping an app without its Chinese window texts.
KP_REQUIRE_TRANSLATIONS=1 "$PYTHON" packaging/build_translations.py

# No --clean: a second build reuses the analysis cache in build/pyinstaller.
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/keras_playground.spec

case "$(uname -s)" in
  Linux)
    bundle=dist/keras-playground
    echo "build_bundle: $bundle ($(du -sh "$bundle" | cut -f1))"
    if command -v appimagetool >/dev/null; then
      appdir=build/KerasPlayground.AppDir
      rm -rf "$appdir" && mkdir -p "$appdir/usr/share/applications" "$appdir/usr/bin"
      cp -a "$bundle" "$appdir/usr/lib-keras-playground"
      ln -s ../lib-keras-playground/keras-playground "$appdir/usr/bin/keras-playground"
      # the same desktop entry and icon --install-desktop writes
      "$PYTHON" -c "
import sys; from pathlib import Path
from playground.desktop.linux import desktop_entry
Path(sys.argv[1]).write_text(desktop_entry('keras-playground'), encoding='utf-8')" \
        "$appdir/keras-playground.desktop"
      cp playground/resources/icons/keras-playground-256.png "$appdir/keras-playground.png"
      printf '#!/bin/sh\nhere="$(dirname "$(readlink -f "$0")")"\nexec "$here/usr/lib-keras-playground/keras-playground" "$@"\n' > "$appdir/AppRun"
      chmod +x "$appdir/AppRun"
      ARCH=$(uname -m) appimagetool --no-appstream "$appdir" "dist/KerasPlayground-$version-$(uname -m).AppImage"
      echo "build_bundle: dist/KerasPlayground-$version-$(uname -m).AppImage"
    else
      echo "build_bundle: appimagetool not found: no AppImage (the folder above works on its own)."
    fi
    ;;
  Darwin) echo "build_bundle: dist/Keras Playground.app" ;;
  MINGW*|MSYS*|CYGWIN*) echo "build_bundle: dist/keras-playground/keras-playground.exe" ;;
esac
