#!/usr/bin/env bash
# One-step setup on a fresh Debian/Ubuntu machine: system libraries Qt needs, a virtual
# environment in .venv, and the app with its test tools. Safe to run again (it is quick
# when everything is already there).
#   scripts/setup.sh          # for running the app
#   scripts/setup.sh --test   # also the test tools (pytest, pytest-qt, hypothesis) and the
#                             # optional export packages (onnx, litert extras) their tests use
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

# Qt 6 needs these to open a window on X11/Wayland and to render offscreen in tests.
apt_pkgs="python3-venv libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libglib2.0-0 libdbus-1-3
 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1"
missing=""
if command -v dpkg-query >/dev/null; then
  for p in $apt_pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
  done
  # Chinese text (the app's zh_CN translation) needs a CJK font; Noto CJK when there is none.
  if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
    missing="$missing fontconfig fonts-noto-cjk"
  fi
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else sudo="none"; fi
  if [ "$sudo" = none ]; then
    echo "setup: please install these system packages (needs root):$missing" >&2
  else
    echo "setup: installing system packages:$missing"
    $sudo apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null || \
      echo "setup: some system packages could not be installed:$missing" >&2
  fi
fi

py=${PYTHON:-python3}
if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: Keras Playground needs Python 3.11 or newer; $("$py" --version) found. Set PYTHON=/path/to/python3.11." >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$py" -m venv .venv
stamp=.venv/.installed-$want_test
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  if [ $want_test = 1 ]; then extra=".[test,onnx,litert]"; else extra="."; fi
  .venv/bin/python -m pip install -q -e "$extra"
  touch "$stamp"
fi

# Compiled translations, built from the files in the repository (never committed): the
# core's gettext catalogs (.po -> .mo, Babel) and the ui's Qt translations (.ts -> .qm).
# (Babel's write_mo through playground.i18n, not `pybabel compile`: its printf check takes
# "99% on" in a lesson text for a placeholder; tests/test_translations.py checks them.)
.venv/bin/python -c "from playground.i18n import compile_all; compile_all()"
for ts in ui/i18n/*.ts; do
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
