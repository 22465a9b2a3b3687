"""Write a project out as a real ``.keras`` file or a Python program (atomically)."""
from __future__ import annotations

from pathlib import Path

from playground.errors import PlaygroundError
from playground.files.fileio import atomic_path, atomic_write_text
from playground.i18n import _
from playground.network.keras_build import build_model, stale_weights
from playground.files.project import Project


def export_keras(project: Project, path: str | Path) -> list[str]:
    """Save the project's model, with its trained weights when it has any, as ``path``.

    Keras insists on the ``.keras`` suffix, so the temporary file is ``.NAME…tmp.keras`` in
    the same folder, renamed over ``path`` only once Keras has finished writing it.
    Returns the layers whose trained weights no longer fit (edited since training): they
    are written with fresh weights, and the caller says so.
    """
    path = Path(path)
    if path.suffix != ".keras":
        raise PlaygroundError(_("{name}: a Keras model file must end in .keras.")
                              .format(name=path.name))
    model = build_model(project.graph, project.weights)
    _refuse_empty_vocabularies(model)
    with atomic_path(path, suffix=".tmp.keras") as tmp:
        model.save(tmp)
    return stale_weights(project.graph, model, project.weights)


def _refuse_empty_vocabularies(model: object) -> None:
    """Keras writes a lookup layer without a vocabulary but cannot load it back."""
    from playground.network.vocabulary import needs_adapt

    empty = [layer.name for layer in model.layers if needs_adapt(layer)]
    if empty:
        raise PlaygroundError(
            _("{layers} has no vocabulary yet, and a .keras file without one cannot be "
              "opened again. Train the model first (the vocabulary is learned from the "
              "training data before training starts), then export.")
            .format(layers=", ".join(empty)))



def export_python(project: Project, path: str | Path) -> Path:
    from playground.export.python_program import project_to_python

    path = Path(path)
    # Not "{stem}.keras": the model exported beside the program has that name, and running
    # the program must not overwrite it (issue 23).
    out = f"{path.stem}_trained.keras"
    atomic_write_text(path, project_to_python(project, filename=path.name, out=out))
    return path
