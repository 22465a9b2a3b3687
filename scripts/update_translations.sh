#!/usr/bin/env bash
# Refresh the translation files from the sources after texts were added or changed.
#   ui/    pyside6-lupdate   -> ui/i18n/keras_playground_zh_CN.ts (new texts: "unfinished")
#   core   pybabel extract   -> playground/locale/playground.pot (the template)
#          pybabel update    -> playground/locale/zh_CN/LC_MESSAGES/playground.po (new: empty)
# Then translate the new entries (pyside6-linguist for the .ts, any .po editor or a text
# editor for the .po; terms: docs/glossary_zh_CN.md) and run
#   .venv/bin/python -m pytest tests/test_translations.py
# which fails while any text lacks a translation or a translation loses a placeholder.
# Compiled files (.qm, .mo) are never committed: scripts/setup.sh (or the app) builds them.
#   scripts/update_translations.sh            # update both
#   scripts/update_translations.sh --check    # only report what is untranslated
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${VENV_BIN:-.venv/bin}
languages="zh_CN"

if [ "${1:-}" != "--check" ]; then
  ui_sources=$(find ui main.py -name '*.py' | sort)
  for lang in $languages; do
    # No file/line locations: they would change on every edit and bury real changes.
    "$bin/pyside6-lupdate" -locations none -no-obsolete -source-language en -silent \
      -target-language "$lang" $ui_sources -ts "ui/i18n/keras_playground_$lang.ts"
  done
  "$bin/pybabel" -q extract -F playground/locale/babel.cfg -k N_ --add-location=file \
    --project="Keras Playground" --no-wrap -o playground/locale/playground.pot .
  for lang in $languages; do
    po="playground/locale/$lang/LC_MESSAGES/playground.po"
    if [ -f "$po" ]; then
      "$bin/pybabel" -q update --no-wrap --ignore-obsolete -D playground \
        -i playground/locale/playground.pot -d playground/locale -l "$lang"
    else
      "$bin/pybabel" -q init --no-wrap -D playground \
        -i playground/locale/playground.pot -d playground/locale -l "$lang"
    fi
  done
fi
"$bin/python" -m tests.i18n_check
