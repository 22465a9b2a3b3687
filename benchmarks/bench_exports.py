"""Exports the XOR, MNIST-CNN and sine-LSTM lessons (as shipped, trained weights included)
to every deployment format and prints, per file: size, seconds to write and check, and the
largest difference from Keras on 8 test examples of the lesson's data (issue 17).

Run: PLAYGROUND_DATA_DIR=../shared/data .venv/bin/python benchmarks/bench_exports.py [--smoke]
Needs the onnx extra (pip install -e ".[onnx,litert]"). Prints `TARGET ok` when every
file matches Keras within its tolerance and quantised LiteRT files of the CNN are smaller.
``--smoke``: the XOR lesson to float LiteRT only.

Prints one JSON line per file: benchmark, file, lesson, format, size_kb, seconds,
max_difference, tolerance, matches.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness import add_smoke, report as report_line, use_data  # noqa: E402
from playground.export.onnx_file import export_onnx  # noqa: E402
from playground.export.saved_model import export_saved_model  # noqa: E402
from playground.export.tflite import export_tflite  # noqa: E402
from playground.files.lessons import open_preset  # noqa: E402


def main() -> int:
    args = add_smoke(argparse.ArgumentParser(description=__doc__.splitlines()[0])).parse_args()
    use_data(args.smoke)
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for name in ("xor",) if args.smoke else ("xor", "mnist_cnn", "sine_lstm"):
            project = open_preset(name)
            sizes = {}
            for label, export in (
                    ("litert float", lambda p: export_tflite(p, out / f"{name}.tflite")),
                    ("litert dynamic", lambda p: export_tflite(p, out / f"{name}-d.tflite",
                                                               "dynamic")),
                    ("litert float16", lambda p: export_tflite(p, out / f"{name}-h.tflite",
                                                               "float16")),
                    ("savedmodel", lambda p: export_saved_model(p, out / f"{name}_sm")),
                    ("onnx", lambda p: export_onnx(p, out / f"{name}.onnx")))[
                        :1 if args.smoke else None]:
                start = time.perf_counter()
                report = export(project)
                seconds = time.perf_counter() - start
                sizes[label] = report.size_bytes
                ok &= report.matches
                print(f"{name:10s} {label:15s} {report.size_bytes / 1024:8.1f} KB "
                      f"{seconds:5.1f} s  max diff {report.max_difference:.2e} "
                      f"(allowed {report.tolerance:.0e})")
                report_line("exports", file=f"{name} {label}", lesson=name, format=label,
                            size_kb=report.size_bytes / 1024, seconds=seconds,
                            max_difference=report.max_difference,
                            tolerance=report.tolerance, matches=report.matches)
            for label in ("litert dynamic", "litert float16")[:0 if args.smoke else None]:
                ratio = sizes[label] / sizes["litert float"]
                print(f"{name:10s} {label} / float size: {ratio:.2f}")
                if name == "mnist_cnn":
                    ok &= ratio < 1
    print("TARGET ok" if ok else "TARGET MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
