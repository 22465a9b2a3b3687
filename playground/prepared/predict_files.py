"""Answers for whole files of inputs, streamed: rows of (input, answer, probabilities,
carried columns), written to a CSV or handed on one by one (the ``predict`` command, the
Try it panel's "Predict a file…")."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Callable, Iterator, TextIO

from playground.prepared.predictor import Answer, Predictor
from playground.prepared.raw_inputs import Notes, batches

Row = tuple[str, Answer, dict[str, str]]


def answer_rows(predictor: Predictor, inputs: list[str], notes: Notes,
                progress: Callable[[int], None] | None = None) -> Iterator[Row]:
    """(input, answer, carried columns) for every readable input, in order."""
    done = 0
    for batch in batches(predictor.preparation, list(inputs), notes):
        answers = predictor.answers(predictor.outputs(batch.raw))
        for i, (ident, answer) in enumerate(zip(batch.ids, answers)):
            yield ident, answer, (batch.carried[i] if batch.carried else {})
        done += len(answers)
        if progress is not None:
            progress(done)


def header(predictor: Predictor) -> list[str]:
    """input, prediction, then one column per class probability."""
    columns = ["input", "prediction"]
    if predictor.is_classification:
        columns += [f"p({name})" for name in predictor.class_names]
    return columns


def write_csv(handle: TextIO, columns: list[str], rows: Iterator[Row]) -> int:
    """The rows as CSV (numbers written exactly: repr); returns how many."""
    writer = csv.writer(handle)
    count = 0
    for ident, answer, extra in rows:
        if not count:
            writer.writerow(columns + list(extra))
        writer.writerow([ident, answer.label, *(repr(float(p)) for p in answer.probabilities),
                         *extra.values()])
        count += 1
    if not count:
        writer.writerow(columns)
    return count


def predict_to_csv(predictor: Predictor, inputs: list[str], out: str | Path,
                   progress: Callable[[int], None] | None = None) -> tuple[int, Notes]:
    """Write the answers for ``inputs`` to ``out`` (atomically); (answers, notes)."""
    from playground.files.fileio import atomic_path

    notes = Notes()
    with atomic_path(Path(out), suffix=".tmp.csv") as tmp:
        with open(tmp, "w", newline="", encoding="utf-8") as handle:
            count = write_csv(handle, header(predictor),
                              answer_rows(predictor, inputs, notes, progress))
    return count, notes


def answer_record(predictor: Predictor, ident: str, answer: Answer,
                  extra: dict[str, str]) -> dict[str, Any]:
    """One input's answer as a JSON object."""
    record: dict[str, Any] = {"input": ident, "prediction": answer.label}
    if predictor.is_classification:
        record["probabilities"] = dict(zip(predictor.class_names, answer.probabilities))
    else:
        record["values"] = answer.values
    if extra:
        record["columns"] = extra
    return record
