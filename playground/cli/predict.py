"""``predict`` command: a trained project (or a ``.keras`` exported with its data
preparation) answers new inputs: pictures, a folder of pictures, a CSV, a text file.

With ``--out FILE`` the answers go to a CSV (input, answer, one column per class
probability, then the CSV's other columns); without, one JSON line per input on stdout,
then a summary line. Progress and what was skipped or adapted go to stderr.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from playground.i18n import _

PROGRESS_EVERY_S = 2.0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("predict", help=_("answer new inputs with a trained project "
                                                "or an exported .keras file"))
    p.add_argument("project", help=_("project with trained weights (.kpg), or a .keras "
                                     "file exported with its data preparation"))
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=_("pictures, a folder of pictures, a CSV table or a text file "
                          "(one sentence a line)"))
    p.add_argument("--out", metavar="FILE.csv", help=_("write the answers to this CSV "
                                                        "file"))
    p.set_defaults(func=run_predict_command)


def run_predict_command(args: argparse.Namespace) -> int:
    from playground.files.fileio import atomic_path
    from playground.prepared.predictor import load_predictor
    from playground.prepared.raw_inputs import Notes, batches

    predictor = load_predictor(args.project)
    notes = Notes()
    header = answer_header(predictor)
    counts = {"predicted": 0}
    started = last = time.monotonic()

    def rows() -> Any:
        nonlocal last
        for batch in batches(predictor.preparation, list(args.inputs), notes):
            answers = predictor.answers(predictor.outputs(batch.raw))
            for i, (ident, answer) in enumerate(zip(batch.ids, answers)):
                extra = batch.carried[i] if batch.carried else {}
                yield ident, answer, extra
            counts["predicted"] += len(answers)
            if time.monotonic() - last > PROGRESS_EVERY_S:
                last = time.monotonic()
                print(_("{count} inputs predicted ({rate:.0f}/s)").format(
                    count=counts["predicted"], rate=counts["predicted"] / (last - started)),
                    file=sys.stderr)

    if args.out:
        out = Path(args.out)
        with atomic_path(out, suffix=".tmp.csv") as tmp:
            with open(tmp, "w", newline="", encoding="utf-8") as handle:
                write_csv(handle, header, rows())
        print(_("Wrote {path}: {count} answers.").format(path=out, count=counts["predicted"]),
              file=sys.stderr)
    else:
        for ident, answer, extra in rows():
            print(json.dumps(answer_record(predictor, ident, answer, extra),
                             ensure_ascii=False))
    for line in notes.lines():
        print(_("note: {line}").format(line=line), file=sys.stderr)
    summary = {"summary": True, "predicted": counts["predicted"],
               "skipped": len(notes.skipped),
               "seconds": round(time.monotonic() - started, 3)}
    if predictor.is_classification:
        summary["classes"] = list(predictor.class_names)
    if not args.out:
        print(json.dumps(summary, ensure_ascii=False))
    return 0 if counts["predicted"] else 1


def answer_header(predictor: Any) -> list[str]:
    """input, prediction, then one column per class probability."""
    columns = ["input", "prediction"]
    if predictor.is_classification:
        columns += [f"p({name})" for name in predictor.class_names]
    return columns


def answer_record(predictor: Any, ident: str, answer: Any,
                  extra: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {"input": ident, "prediction": answer.label}
    if predictor.is_classification:
        record["probabilities"] = dict(zip(predictor.class_names, answer.probabilities))
    else:
        record["values"] = answer.values
    if extra:
        record["columns"] = extra
    return record


def write_csv(handle: TextIO, header: list[str], rows: Any) -> None:
    writer = csv.writer(handle)
    wrote_header = False
    for ident, answer, extra in rows:
        if not wrote_header:
            writer.writerow(header + list(extra))
            wrote_header = True
        numbers = answer.probabilities if answer.probabilities else []
        writer.writerow([ident, answer.label, *(repr(float(p)) for p in numbers),
                         *extra.values()])
    if not wrote_header:
        writer.writerow(header)
