"""``predict`` command: a trained project (or a ``.keras`` exported with its data
preparation) answers new inputs: pictures, a folder of pictures, a CSV, a text file.

With ``--out FILE`` the answers go to a CSV (input, answer, one column per class
probability, then the CSV's other columns); without, one JSON line per input on stdout,
then a summary line. Progress and what was skipped or adapted go to stderr.
"""
from __future__ import annotations

import argparse
import json
import sys
import time

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
    from playground.prepared.predict_files import answer_record, answer_rows, predict_to_csv
    from playground.prepared.predictor import load_predictor
    from playground.prepared.raw_inputs import Notes

    predictor = load_predictor(args.project)
    started = time.monotonic()
    last = [started]

    def progress(count: int) -> None:
        now = time.monotonic()
        if now - last[0] > PROGRESS_EVERY_S:
            last[0] = now
            print(_("{count} inputs predicted ({rate:.0f}/s)").format(
                count=count, rate=count / (now - started)), file=sys.stderr)

    if args.out:
        count, notes = predict_to_csv(predictor, list(args.inputs), args.out, progress)
        print(_("Wrote {path}: {count} answers.").format(path=args.out, count=count),
              file=sys.stderr)
    else:
        notes, count = Notes(), 0
        for ident, answer, extra in answer_rows(predictor, list(args.inputs), notes,
                                                progress):
            print(json.dumps(answer_record(predictor, ident, answer, extra),
                             ensure_ascii=False))
            count += 1
    for line in notes.lines():
        print(_("note: {line}").format(line=line), file=sys.stderr)
    if not args.out:
        summary = {"summary": True, "predicted": count, "skipped": len(notes.skipped),
                   "seconds": round(time.monotonic() - started, 3)}
        if predictor.is_classification:
            summary["classes"] = list(predictor.class_names)
        print(json.dumps(summary, ensure_ascii=False))
    return 0 if count else 1
