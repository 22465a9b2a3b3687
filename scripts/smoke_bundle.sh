#!/usr/bin/env bash
# Smoke test of a built bundle (scripts/build_bundle.sh), as a newcomer's machine sees it:
# the bundle is copied into an empty, read-only folder and started with a fresh, empty home
# folder, offscreen. It must
#   1. print its version and list its lessons (no Python, no checkout involved);
#   2. open the XOR lesson in the real window, train one epoch and export a .keras file
#      (the hidden --self-test path: the same calls the menus make), then quit;
#   3. have written a file that Keras loads in safe mode (checked with $PYTHON);
#   4. say plainly that there is no display when there is none;
#   5. start from a home folder it cannot write to (run as "nobody" when this runs as root),
#      warning about it instead of failing;
#   6. hand a file to an instance already running instead of starting a second one.
# Then it prints the bundle's size and its start-up time next to `python main.py`.
#   scripts/smoke_bundle.sh [dist/keras-playground]
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bundle=${1:-dist/keras-playground}
PYTHON=${PYTHON:-.venv/bin/python}
[ -x "$bundle/keras-playground" ] || { echo "smoke: no bundle at $bundle: run scripts/build_bundle.sh first" >&2; exit 1; }

work=$(mktemp -d /tmp/kp-smoke.XXXXXX)
chmod 755 "$work"
cleanup() { [ -n "${first_pid:-}" ] && kill "$first_pid" 2>/dev/null; chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
failures=0
ok()   { echo "ok    $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }

cp -a "$bundle" "$work/app"
chmod -R a-w "$work/app"             # a read-only install folder
app="$work/app/keras-playground"
fresh_home() { local h; h=$(mktemp -d "$work/home.XXXXXX"); chmod 755 "$h"; echo "$h"; }
clean_env=(env -i PATH=/usr/bin:/bin LANG=C.UTF-8 KERAS_PLAYGROUND_LANG=en)

# 1. version and lessons
home=$(fresh_home)
version=$("${clean_env[@]}" HOME="$home" "$app" --version 2>/dev/null)
[ "$version" = "keras-playground $("$PYTHON" -c 'import playground; print(playground.__version__)')" ] \
  && ok "--version: $version" || fail "--version printed '$version'"
lessons=$("${clean_env[@]}" HOME="$home" "$app" presets 2>/dev/null | grep -c '^[a-z_]* ')
[ "$lessons" -eq "$(ls presets/*.kpg | wc -l)" ] && ok "presets: $lessons lessons" || fail "presets listed $lessons lessons"

# 2. the window: lesson, one epoch, export
mkdir -p "$work/out" && chmod 777 "$work/out"
home=$(fresh_home)
start=$(date +%s.%N)
"${clean_env[@]}" HOME="$home" QT_QPA_PLATFORM=offscreen timeout 600 "$app" --self-test "$work/out/xor.keras" \
  > "$work/self-test.out" 2> "$work/self-test.err"
code=$?
took=$(printf '%.0f' "$(echo "$(date +%s.%N) - $start" | bc)")
if [ $code -eq 0 ] && grep -q '"self_test": "ok"' "$work/self-test.out"; then
  ok "self-test (open lesson, train 1 epoch, export) in $took s"
else
  fail "self-test exit $code: $(tail -3 "$work/self-test.out" "$work/self-test.err")"
fi

# 3. the export loads in Keras (safe mode) and predicts
if "$PYTHON" - "$work/out/xor.keras" <<'PY'
import sys
import numpy as np
import keras
model = keras.saving.load_model(sys.argv[1], safe_mode=True)
out = model.predict(np.zeros((4, model.inputs[0].shape[-1]), "float32"), verbose=0)
assert np.isfinite(out).all()
print(f"ok    {sys.argv[1].rsplit('/', 1)[-1]} loads in Keras {keras.__version__}: "
      f"{model.count_params()} parameters, output {out.shape}")
PY
then :; else fail ".keras export does not load in Keras"; fi

# 4. no display
home=$(fresh_home)
msg=$("${clean_env[@]}" HOME="$home" "$app" 2>&1 >/dev/null); code=$?
if [ $code -eq 2 ] && echo "$msg" | grep -q "There is no display" && ! echo "$msg" | grep -q "Traceback"; then
  ok "no display: exit 2, \"${msg:0:70}...\""
else
  fail "no display: exit $code, $msg"
fi

# 5. a home folder it cannot write to
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  rohome=$(fresh_home); chmod 555 "$rohome"
  "${as_user[@]}" "${clean_env[@]}" HOME="$rohome" QT_QPA_PLATFORM=offscreen timeout 600 \
    "$app" --self-test "$work/out/ro.keras" > "$work/ro.out" 2> "$work/ro.err"
  code=$?
  if [ $code -eq 0 ] && grep -q "cannot write to" "$work/ro.err" && ! grep -q Traceback "$work/ro.err"; then
    ok "read-only home (and read-only app folder, as nobody): trained and exported, warned: $(grep -m1 -o 'Keras Playground cannot write to [^(]*' "$work/ro.err")"
  else
    fail "read-only home: exit $code: $(grep -v '^[IWE]0000' "$work/ro.err" | tail -5)"
  fi
else
  echo "skip  read-only home: needs root (to run as another user) and setpriv"
fi

# 6. a second instance hands its file to the first
home=$(fresh_home)
"${clean_env[@]}" HOME="$home" QT_QPA_PLATFORM=offscreen "$app" > "$work/first.out" 2>&1 &
first_pid=$!
sock=$("$PYTHON" -c "
import hashlib, sys
from pathlib import Path
folder = str((Path(sys.argv[1]) / '.local/share/keras-playground').resolve())
print('/tmp/keras-playground-' + hashlib.sha256(folder.encode()).hexdigest()[:16])" "$home")
for _ in $(seq 240); do [ -S "$sock" ] && break; sleep 0.5; done
cp presets/xor.kpg "$work/out/mine.kpg"
second=$("${clean_env[@]}" HOME="$home" QT_QPA_PLATFORM=offscreen timeout 120 "$app" "$work/out/mine.kpg" 2>/dev/null); code=$?
if [ $code -eq 0 ] && echo "$second" | grep -q "already running" && kill -0 "$first_pid" 2>/dev/null; then
  ok "second instance: \"$second\""
else
  fail "second instance: exit $code, '$second'"
fi
kill "$first_pid" 2>/dev/null; wait "$first_pid" 2>/dev/null; first_pid=

# Figures: size, and start-up to the window shown (3 alternating runs each)
echo "size  $(du -sh "$bundle" | cut -f1) ($bundle, $(find "$bundle" -type f | wc -l) files)"
probe() {  # seconds from process start to the main window shown (KP_STARTUP_PROBE)
  local h s; h=$(fresh_home); s=$(date +%s.%N)
  "${clean_env[@]}" HOME="$h" QT_QPA_PLATFORM=offscreen KP_STARTUP_PROBE=1 "$@" >/dev/null 2>&1
  printf '%.1f' "$(echo "$(date +%s.%N) - $s" | bc)"
}
b=(); p=()
for _ in 1 2 3; do
  b+=("$(probe "$app")")
  p+=("$(probe "$root/$PYTHON" "$root/main.py")")
done
echo "start to window shown (offscreen, fresh home, alternating runs): bundle ${b[*]} s; python main.py ${p[*]} s"
[ $failures -eq 0 ] && echo "smoke: all checks passed" || echo "smoke: $failures check(s) failed"
exit $((failures > 0))
