"""Projects with weights for the prepared-model tests: lessons, a CSV table, a picture
folder. Weights are fresh (seeded) ones, made real by the same code training uses to keep
them; lookup layers learn their vocabulary from the training split as training does."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from playground.files.project import Project, load_project
from playground.network.graph import Graph
from playground.network.keras_build import build_model, model_weights_by_node
from playground.network.vocabulary import adapt_unadapted
from playground.training.run import load_project_dataset

PRESETS = Path(__file__).resolve().parents[2] / "presets"
LESSONS = sorted(p.stem for p in PRESETS.glob("*.kpg"))


def with_weights(project: Project, dataset=None) -> Project:
    """The project with seeded weights (and vocabularies) stored as trained ones."""
    dataset = dataset if dataset is not None else load_project_dataset(project)
    model = build_model(project.graph, project.weights or None, seed=1)
    adapt_unadapted(model, dataset.x_train)
    project.weights = model_weights_by_node(project.graph, model)
    return project


def lesson(name: str, mnist_dir: Path) -> Project:
    project = load_project(PRESETS / f"{name}.kpg")
    if project.dataset.get("name") == "mnist":
        params = dict(project.dataset.get("params") or {})
        params["data_dir"] = str(mnist_dir)
        params.setdefault("subset", 0)
        project.dataset = {"name": "mnist", "params": params}
    return project


def mlp_graph(features: int, outputs: int, activation: str) -> Graph:
    from tests.helpers import chain

    graph = Graph("table_net")
    chain(graph, ("Input", {"batch_shape": [None, features]}),
          ("Dense", {"units": 6, "activation": "relu"}),
          ("Dense", {"units": outputs, "activation": activation}))
    return graph


def cnn_graph(size: int, channels: int, classes: int) -> Graph:
    from tests.helpers import chain

    graph = Graph("picture_net")
    chain(graph, ("Input", {"batch_shape": [None, size, size, channels]}),
          ("Conv2D", {"filters": 4, "kernel_size": [3, 3], "activation": "relu"}),
          ("Flatten", {}),
          ("Dense", {"units": classes, "activation": "softmax"}))
    return graph


def write_table(folder: Path, rows: int = 60, age: str = "age") -> Path:
    """age (number), colour (category), size (number) -> label (3 classes)."""
    rng = np.random.default_rng(0)
    lines = [f"{age},colour,size,label,note"]
    for i in range(rows):
        lines.append(f"{rng.integers(10, 80)},{['red', 'blue', 'green'][i % 3]},"
                     f"{rng.normal(100, 20):.2f},{['a', 'b', 'c'][(i // 2) % 3]},n{i}")
    path = folder / "table.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def csv_project(folder: Path, age: str = "age") -> Project:
    path = write_table(folder, age=age)
    choice = {"name": "csv", "params": {"path": str(path), "target": "label",
                                        "features": [age, "colour", "size"]}}
    # 2 numbers + 3 one-hot columns
    return with_weights(Project(graph=mlp_graph(5, 3, "softmax"), dataset=choice))


CLASSES = ("birds", "cats", "dogs")  # three: a softmax over the classes, as the app builds


def write_pictures(folder: Path, per_class: int = 6) -> Path:
    rng = np.random.default_rng(0)
    for c, name in enumerate(CLASSES):
        (folder / name).mkdir(parents=True)
        for i in range(per_class):
            pixels = rng.integers(0, 255, (20 + i, 18, 3), dtype=np.uint8)
            pixels[..., c] = 250
            Image.fromarray(pixels).save(folder / name / f"{i}.png")
    return folder


def picture_project(folder: Path, color: str = "rgb", scaling: str = "unit") -> Project:
    root = write_pictures(folder / "pets")
    choice = {"name": "image_folder", "params": {"path": str(root), "size": 12,
                                                 "color": color, "scaling": scaling}}
    return with_weights(Project(graph=cnn_graph(12, 3 if color == "rgb" else 1, 3),
                                dataset=choice))
