"""Training on text: a CSV text column and the text lesson train with the app's engine;
each vocabulary is learned from the training split only, kept with the weights, and the
exported Python program does the same with keras alone."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

from playground.files.lessons import open_preset
from playground.files.project import Project
from playground.network.graph import Graph
from playground.network.layer_calls import layer_names
from playground.network.vocabulary import needs_adapt
from playground.training.run import build_project_model, make_engine, trained_weights

GOOD = ["great", "lovely", "tasty", "warm", "fresh"]
BAD = ["awful", "cold", "burnt", "stale", "bland"]


def review_table(path: Path, rows: int = 80) -> Path:
    rng = np.random.default_rng(0)
    lines = ["review,label"]
    for i in range(rows):
        good = i % 2 == 0
        words = rng.choice(GOOD if good else BAD, 3).tolist() + ["food", f"visit{i}"]
        lines.append(f"{' '.join(words)},{'good' if good else 'bad'}")
    path.write_text("\n".join(lines) + "\n")
    return path


def text_classifier(sequence: int = 8) -> Graph:
    graph = Graph("reviews")
    layers = [("Input", {"batch_shape": [None, 1], "dtype": "string"}),
              ("TextVectorization", {"max_tokens": 500, "output_sequence_length": sequence}),
              ("Embedding", {"input_dim": 500, "output_dim": 8}),
              ("GlobalAveragePooling1D", {}), ("Dense", {"units": 1, "activation": "sigmoid"})]
    previous = None
    for layer_type, params in layers:
        node = graph.add_node(layer_type, params)
        if previous is not None:
            graph.connect(previous.id, node.id)
        previous = node
    return graph


def test_csv_text_column_trains_with_vocabulary_from_the_training_split(tmp_path) -> None:
    table = review_table(tmp_path / "reviews.csv")
    project = Project(graph=text_classifier(),
                      dataset={"name": "csv", "params": {
                          "path": str(table), "target": "label",
                          "text_columns": ["review"], "test_fraction": 0.25}},
                      training={"epochs": 10, "batch_size": 8, "learning_rate": 0.03,
                                "validation_split": 0.0, "seed": 0})
    engine = make_engine(project)
    result = engine.run()
    assert result.status == "completed"
    assert result.test_logs["test_accuracy"] >= 0.9  # chance is 0.5

    words_node = project.graph.topological_order()[1]
    vocabulary = trained_weights(project.graph, result)[words_node.id][0]
    train_words = {w for s in engine.dataset.x_train[:, 0] for w in s.split()}
    test_only = {w for s in engine.dataset.x_test[:, 0] for w in s.split()} - train_words
    assert test_only and set(vocabulary.tolist()) == train_words  # never the test rows

    # Continue training: the stored vocabulary comes back, nothing is adapted again.
    project.weights = trained_weights(project.graph, result)
    model = build_project_model(project)
    layer = model.get_layer(layer_names(project.graph)[words_node.id])
    assert not needs_adapt(layer)
    assert layer.get_vocabulary(include_special_tokens=False) == vocabulary.tolist()


def test_text_lesson_learns_well_above_chance_quickly() -> None:
    project = open_preset("text_topics")
    project.dataset["params"]["samples"] = 600
    project.training.update(epochs=4)
    result = make_engine(project).run()
    assert result.test_logs["test_accuracy"] >= 0.6  # four topics: chance is 0.25


def test_exported_program_adapts_and_trains_with_keras_alone(tmp_path) -> None:
    from playground.export.keras_file import export_python

    project = open_preset("text_topics")
    project.dataset["params"]["samples"] = 300
    project.training.update(epochs=2)
    script = export_python(project, tmp_path / "lesson.py")
    # One process (one TensorFlow start): run the program, then reload what it saved.
    check = ("import runpy, keras; runpy.run_path('lesson.py');"
             "m = keras.saving.load_model('lesson_trained.keras', safe_mode=True);"
             "layer = [l for l in m.layers if type(l).__name__ == 'TextVectorization'][0];"
             "print('words', len(layer.get_vocabulary()))")
    run = subprocess.run([sys.executable, "-I", "-c", check], cwd=tmp_path,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert int(run.stdout.split()[-1]) > 50  # the learned words, not just '' and [UNK]
