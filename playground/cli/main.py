"""Command line: `python -m playground COMMAND ...` and `keras-playground COMMAND ...`.

    check PROJECT                         shapes and parameter counts; exit 1 on node errors
    import MODEL.keras --out PROJECT      any Keras model -> editable project
    export PROJECT --keras OUT.keras      the model (with trained weights when present)
    export PROJECT --python OUT.py        a standalone Keras program
    export PROJECT --tflite OUT.tflite [--quantize dynamic|float16]
                   --saved-model DIR | --onnx OUT.onnx
                                          deployment formats, each checked in its runtime
    train PROJECT ...                     headless training (playground.cli.train)
    tune PROJECT --trials N ...           hyper-parameter search (playground.cli.tune)
    presets                               list the bundled lessons (playground.cli.lessons)

Errors the user can fix are printed as one plain message on stderr (exit 2), never a
traceback.
"""
from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path
from typing import Callable

from playground.errors import PlaygroundError
from playground.i18n import _

COMMANDS = ("check", "import", "export", "train", "tune", "presets")



def _columns(text: str) -> int:
    """Terminal columns ``text`` takes: Chinese characters are two wide."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * (width - _columns(text))
    return fill + text if right else text + fill

def _cmd_check(args: argparse.Namespace) -> int:
    from playground.files.project import load_project
    from playground.network.shapes import format_shape, infer_shapes

    project = load_project(args.project)
    graph = project.graph
    report = infer_shapes(graph)
    from playground.network.layer_calls import layer_names

    names = layer_names(graph)
    rows = [("id", _("layer (type)"), _("output shape"), _("params"))]
    for node in graph.topological_order():
        shape = report.nodes.get(node.id)
        rows.append((node.id, f"{names[node.id]} ({node.layer_type})",
                     format_shape(shape.output_shape) if shape and shape.ok else _("error"),
                     f"{shape.params:,}" if shape else "-"))
    widths = [max(_columns(r[i]) for r in rows) for i in range(4)]
    print(_("Model {name!r}: {graph} layers").format(name=graph.name, graph=len(graph)))
    for i, row in enumerate(rows):
        print("  ".join(_pad(cell, w, right=j == 3) for j, (cell, w) in enumerate(zip(row, widths))))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print((_("Total params: {total_params:,} (trainable: {trainable_params:,}, "
             "non-trainable: {non_trainable_params:,})")
             .format(total_params=report.total_params, trainable_params=report.trainable_params, non_trainable_params=report.non_trainable_params)))
    for nid, shape in report.nodes.items():
        if shape.warning:
            print(_("warning: {warning}").format(warning=shape.warning))
    if not report.ok:
        print((_("{value} error(s):")
                 .format(value=len(report.node_errors()) + len(report.graph_errors))),
              file=sys.stderr)
        for line in report.error_summary().splitlines():
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from playground.files.imported_project import import_project
    from playground.files.project import save_project

    project, problems = import_project(args.model)
    for problem in problems:
        print(_("warning: {problem}").format(problem=problem), file=sys.stderr)
    out = Path(args.out)
    save_project(project, out)
    graph = project.graph
    total = sum(a.size for arrays in (project.weights or {}).values() for a in arrays)
    print((_("Imported {graph} layers and {edges} connections ({total:,} weights) "
             "into {out}")
             .format(graph=len(graph), edges=len(graph.edges), total=total, out=out)))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from playground.export.keras_file import export_keras, export_python
    from playground.files.project import load_project

    wanted = (args.keras, args.python, args.tflite, args.saved_model, args.onnx)
    if not any(wanted):
        raise PlaygroundError(_("Say what to export: --keras OUT.keras, --python OUT.py, "
                                "--tflite OUT.tflite, --saved-model FOLDER and/or --onnx "
                                "OUT.onnx."))
    if args.quantize and not args.tflite:
        raise PlaygroundError(_("--quantize applies to a LiteRT export: add --tflite "
                                "OUT.tflite."))
    project = load_project(args.project)
    if args.keras:
        stale = export_keras(project, args.keras)
        state = _("with trained weights") if project.weights else _("untrained")
        print(_("Wrote {keras} ({state})").format(keras=args.keras, state=state))
        if stale:
            print((_("warning: {stale} changed since training: exported with fresh weights. "
                     "Train again to export trained ones.")
                     .format(stale=', '.join(stale))), file=sys.stderr)
    if args.python:
        export_python(project, args.python)
        print(_("Wrote {python}").format(python=args.python))
    return _deployment_exports(args, project)


def _deployment_exports(args: argparse.Namespace, project: object) -> int:
    """LiteRT, SavedModel and ONNX: each report printed; exit 1 when one does not match
    the Keras model within its tolerance (the file is kept, the warning says so)."""
    from playground.export.onnx_file import export_onnx
    from playground.export.saved_model import export_saved_model
    from playground.export.tflite import export_tflite
    from playground.export.verify import project_dataset

    jobs = [(args.tflite, lambda d: export_tflite(project, args.tflite, args.quantize, d)),
            (args.saved_model, lambda d: export_saved_model(project, args.saved_model, d)),
            (args.onnx, lambda d: export_onnx(project, args.onnx, d))]
    jobs = [(target, job) for target, job in jobs if target]
    if not jobs:
        return 0
    dataset, _why = project_dataset(project)  # type: ignore[arg-type]
    code = 0
    for _target, job in jobs:
        report = job(dataset)
        print(report.summary())
        if not report.matches:
            print(_("warning: {path} differs from the Keras model by more than "
                    "{tolerance}: check it before using it.").format(
                        path=report.path, tolerance=f"{report.tolerance:.3g}"),
                  file=sys.stderr)
            code = 1
    return code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="keras-playground",
        description=_("Keras Playground command line (run without a command to open the app)."))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("check", help=_("print each node's output shape and parameter count"))
    p.add_argument("project", help=_("project file (.kpg)"))
    p.set_defaults(func=_cmd_check)
    p = sub.add_parser("import", help=_("turn a .keras model into an editable project"))
    p.add_argument("model", help=_("Keras model file (.keras)"))
    p.add_argument("--out", required=True, help=_("project file to write (.kpg)"))
    p.set_defaults(func=_cmd_import)
    p = sub.add_parser("export", help=_("export a project: .keras, Python, LiteRT, "
                                        "SavedModel, ONNX"))
    p.add_argument("project", help=_("project file (.kpg)"))
    p.add_argument("--keras", metavar="OUT.keras", help=_("write the model as a .keras file"))
    p.add_argument("--python", metavar="OUT.py", help=_("write a standalone Keras program"))
    p.add_argument("--tflite", metavar="OUT.tflite",
                   help=_("write a LiteRT (TensorFlow Lite) model, checked in its "
                          "interpreter"))
    p.add_argument("--quantize", choices=("dynamic", "float16"),
                   help=_("with --tflite: 8-bit weights (dynamic) or 16-bit float weights"))
    p.add_argument("--saved-model", metavar="FOLDER",
                   help=_("write a TensorFlow SavedModel folder (serving signature named "
                          "after the model's inputs)"))
    p.add_argument("--onnx", metavar="OUT.onnx",
                   help=_("write an ONNX model, checked in onnxruntime (needs the onnx "
                          "extra)"))
    p.set_defaults(func=_cmd_export)
    for register in _extra_commands():
        register(sub)
    return parser


def _extra_commands() -> list[Callable[[argparse._SubParsersAction], None]]:
    """Subcommands that live next to the features they drive."""
    from playground.cli import lessons, train, tune

    return [train.register, tune.register, lessons.register]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return int(args.func(args) or 0)
    except PlaygroundError as exc:
        print(_("error: {exc}").format(exc=exc), file=sys.stderr)
        return 2
    except OSError as exc:  # a read-only folder, a full disk: the old file is untouched
        where = exc.filename or ""
        print(_("error: {path} cannot be written or read: {reason}. Nothing was changed; "
                "choose another folder or free some space.").format(
                    path=where or _("a file"), reason=exc.strerror or exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)

        return 130
