"""Run the benchmarks one after another and write their figures into the README.

    .venv/bin/python benchmarks/run.py            # the usual set (about half an hour)
    .venv/bin/python benchmarks/run.py --all      # also the long ones (presets on full MNIST…)
    .venv/bin/python benchmarks/run.py core startup  # by name
    .venv/bin/python benchmarks/run.py --smoke    # every one at tiny sizes; writes nothing
    .venv/bin/python benchmarks/run.py --readme-only  # the README from results.json again

Each benchmark is a separate process (fresh TensorFlow, no warm caches shared between them)
and prints its figures, then its JSON line(s) (see benchmarks/harness.py). This runner
keeps the newest JSON lines of each benchmark, with the date and the machine they were
measured on, in benchmarks/results.json, and rewrites the README's "Measured" section
(between its ``benchmarks:begin`` / ``benchmarks:end`` markers) from that file: the README
quotes no figure that this script did not produce.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from harness import FULL_DATA  # noqa: E402

QUICK = ["core", "background", "canvas_import", "startup", "csv", "training_small",
         "training_mnist", "insight_overhead", "live_views", "ui_responsiveness",
         "start_stop", "tuning", "multiworker", "exports", "timing_claims",
         "graph_load", "predict"]
LONG = ["presets", "applications_import", "training_gpu", "fuzz_long"]
RESULTS = HERE / "results.json"
README = ROOT / "README.md"
BEGIN, END = "<!-- benchmarks:begin -->", "<!-- benchmarks:end -->"


def script(name: str) -> Path:
    return HERE / (f"{name}.py" if name == "fuzz_long" else f"bench_{name}.py")


def machine() -> str:
    """CPU model, cores, OS and Python: what a figure was measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def json_lines(output: str, name: str) -> list[dict]:
    lines = []
    for line in output.splitlines():
        if line.startswith("{"):
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(data, dict) and data.get("benchmark") == name:
                lines.append(data)
    return lines


def run_one(name: str, env: dict[str, str], smoke: bool) -> tuple[int, list[dict]]:
    """Run one benchmark, echoing its output; (exit code, its JSON lines)."""
    command = [sys.executable, str(script(name))] + (["--smoke"] if smoke else [])
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    output = []
    for line in proc.stdout:
        print(line, end="", flush=True)
        output.append(line)
    return proc.wait(), json_lines("".join(output), name)


def figure(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def measured_section(results: dict) -> str:
    """The README's generated section: one row per JSON line, newest run of each."""
    rows = ["| benchmark | measured on | figures |", "|---|---|---|"]
    machines: dict[str, int] = {}
    for name in QUICK + LONG:
        entry = results.get(name)
        if not entry:
            continue
        number = machines.setdefault(entry["machine"], len(machines) + 1)
        for line in entry["lines"]:
            figures = ", ".join(f"{key} {figure(value)}" for key, value in line.items()
                                if key != "benchmark")
            load = f", load {entry['load']:.1f}" if "load" in entry else ""
            rows.append(f"| `{script(name).name}` | {entry['date']}{load} (machine {number}) "
                        f"| {figures} |")
    legend = [f"Machine {number}: {text}." for text, number in machines.items()]
    legend.append("Load: the 1-minute load average when the benchmark started (above the "
                  "number of cores, other work shared the machine).")
    return "\n".join([BEGIN, "", *rows, "", *legend, "", END])


def write_readme(results: dict) -> None:
    text = README.read_text(encoding="utf-8")
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"README.md lacks the {BEGIN} … {END} markers")
    README.write_text(text[:start] + measured_section(results) + text[end + len(END):],
                      encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"which ({', '.join(QUICK + LONG)})")
    parser.add_argument("--all", action="store_true", help="include the long benchmarks")
    parser.add_argument("--smoke", action="store_true",
                        help="tiny sizes, seconds each; results and README left as they are")
    parser.add_argument("--no-readme", action="store_true", help="keep README.md as it is")
    parser.add_argument("--readme-only", action="store_true",
                        help="run nothing: rewrite the README from benchmarks/results.json")
    args = parser.parse_args()
    if args.readme_only:
        write_readme(json.loads(RESULTS.read_text(encoding="utf-8")))
        return 0
    names = args.names or (QUICK + LONG if args.all else QUICK)
    unknown = [n for n in names if not script(n).exists()]
    if unknown:
        print(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(QUICK + LONG)}",
              file=sys.stderr)
        return 2
    env = dict(os.environ)
    if not args.smoke:
        env.setdefault("PLAYGROUND_DATA_DIR", str(FULL_DATA))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    failed = []
    for name in names:
        print(f"\n=== {name} " + "=" * (60 - len(name)), flush=True)
        start, load = time.perf_counter(), os.getloadavg()[0]
        rc, lines = run_one(name, env, args.smoke)
        print(f"--- {name}: {time.perf_counter() - start:.0f} s, exit {rc}", flush=True)
        if rc or not lines:
            failed.append(name)
            continue
        if not args.smoke:
            results[name] = {"date": datetime.datetime.now(datetime.timezone.utc)
                             .strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
                             "load": round(load, 1), "lines": lines}
            RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
            if not args.no_readme:
                write_readme(results)
    if failed:
        print(f"\nfailed (or printed no JSON line): {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
