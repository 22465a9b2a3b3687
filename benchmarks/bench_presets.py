"""Trains every preset with its default settings and checks the target its lesson promises.

Run: PLAYGROUND_DATA_DIR=../shared/data .venv/bin/python benchmarks/bench_presets.py [NAME ...]
(no names: all presets). Uses the app's own training engine (the same code the Train
button runs). Prints one line per preset with the measured numbers and PASS / FAIL, and
exits 1 if any target is missed.

Targets (issue 5): XOR 100% test accuracy; MNIST CNN >= 99.0% in about 5 minutes on a
2-core CPU; perceptron >= 99% and perceptron on XOR <= ~75%; Celsius weight within 1% of
1.8 and bias within 0.5 of 32; spiral >= 95%; LSTM sine test MSE <= half the naive
"repeat the last value" MSE; dropout closes the train/validation gap of the overfitting
preset; transfer learning beats the same network trained from scratch; the text lesson
(sentences -> TextVectorization -> Embedding -> pooling -> Dense) >= 90% in under a minute.
Issue 27: "Reading order" (Embedding mask_zero + Bidirectional LSTM) >= 95% in under two
minutes while a bag of words stays <= 60%; "Where the model looks" (one Transformer block)
>= 95% in under two minutes, its attention on the deciding words > 1.1x that on others.

``--smoke``: XOR and the MNIST CNN (on the committed sample) for one epoch; the targets are
not judged and it exits 0.

Prints one JSON line per preset: benchmark, preset, passed, measured.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness import add_smoke, report, use_data  # noqa: E402
from playground.files.lessons import list_presets, open_preset  # noqa: E402

# Settings every run gets on top of its preset's own (--smoke: one epoch).
OVERRIDES: dict[str, Any] = {}


def train(project: Any, **overrides: Any) -> tuple[Any, Any, float]:
    """Train ``project`` with its own settings (plus overrides); (result, dataset, secs)."""
    from playground.training.run import load_project_dataset, make_engine
    from playground.training.settings import TrainingSettings

    settings = TrainingSettings.from_dict({**project.training, **overrides, **OVERRIDES})
    dataset = load_project_dataset(project)
    engine = make_engine(project, settings, dataset=dataset)
    start = time.perf_counter()
    result = engine.run()
    return result, dataset, time.perf_counter() - start


def accuracy(result: Any) -> float:
    return float(result.test_logs["test_accuracy"])


def check_accuracy(name: str, minimum: float) -> tuple[bool, str]:
    result, _, secs = train(open_preset(name))
    acc = accuracy(result)
    return acc >= minimum, f"test accuracy {acc:.4f} (target >= {minimum}) in {secs:.0f} s"


def bench_xor() -> tuple[bool, str]:
    return check_accuracy("xor", 1.0)


def bench_perceptron() -> tuple[bool, str]:
    return check_accuracy("perceptron", 0.99)


def bench_perceptron_xor() -> tuple[bool, str]:
    result, _, secs = train(open_preset("perceptron_xor"))
    acc = accuracy(result)
    return acc <= 0.75, f"test accuracy {acc:.4f} (must stay <= ~0.75) in {secs:.0f} s"


def bench_spiral() -> tuple[bool, str]:
    return check_accuracy("spiral", 0.95)


def bench_text_topics() -> tuple[bool, str]:
    """The text lesson: >= 90% test accuracy in under a minute (the vocabulary is learned
    from the training split inside the timed run)."""
    result, _, secs = train(open_preset("text_topics"))
    acc = accuracy(result)
    return (acc >= 0.9 and secs < 60,
            f"test accuracy {acc:.4f} (target >= 0.9 in under 60 s) in {secs:.1f} s")


def bench_reading_order() -> tuple[bool, str]:
    """Embedding(mask_zero) + Bidirectional LSTM >= 95% on who-chases-whom sentences, while
    the same model with a bag of words (GlobalAveragePooling1D) stays <= 60%."""
    project = open_preset("reading_order")
    result, _, secs = train(project)
    acc = accuracy(result)
    baseline = open_preset("reading_order")
    graph = baseline.graph
    lstm = next(n for n in graph.nodes if n.layer_type == "Bidirectional")
    before, after = graph.predecessors(lstm.id)[0], graph.successors(lstm.id)[0]
    graph.remove_node(lstm.id)
    pooling = graph.add_node("GlobalAveragePooling1D", {})
    graph.connect(before, pooling.id)
    graph.connect(pooling.id, after)
    bag, _, secs2 = train(baseline)
    bag_acc = accuracy(bag)
    ok = acc >= 0.95 and bag_acc <= 0.6 and secs < 120
    return ok, (f"BiLSTM test accuracy {acc:.4f} (target >= 0.95 in under 120 s) in "
                f"{secs:.1f} s; bag of words {bag_acc:.4f} (must stay <= 0.6) in "
                f"{secs2:.1f} s")


def bench_where_the_model_looks() -> tuple[bool, str]:
    """The one-block Transformer >= 95% on reviews, and its attention looks at the deciding
    words (the opinion words and "not"): averaged over 100 test reviews, heads and the
    words that look, a deciding word receives more attention than another."""
    import numpy as np

    from playground.datasets.word_order import REVIEW_WORDS
    from playground.insight.attention import AttentionMap, attention_maps

    result, dataset, secs = train(open_preset("where_the_model_looks"))
    acc = accuracy(result)
    deciding = set(REVIEW_WORDS["good"]) | set(REVIEW_WORDS["bad"]) | {"not"}
    on_deciding, on_other = [], []
    for sentence in dataset.x_test[:100]:
        [found] = attention_maps(result.model, sentence)
        assert isinstance(found, AttentionMap)
        received = found.scores.mean(axis=(0, 1))  # attention each word receives
        for word, share in zip(found.key_tokens, received):
            (on_deciding if word in deciding else on_other).append(share)
    ratio = float(np.mean(on_deciding) / np.mean(on_other))
    # Measured 1.2x: the residual shortcut and the pooling let the model solve the task
    # with fairly even attention, so the deciding columns are darker, not black.
    ok = acc >= 0.95 and ratio > 1.1 and secs < 120
    return ok, (f"test accuracy {acc:.4f} (target >= 0.95 in under 120 s) in {secs:.1f} s; "
                f"a deciding word receives {ratio:.1f}x the attention of another word "
                f"(target > 1.1x)")


def bench_mnist_cnn() -> tuple[bool, str]:
    result, _, secs = train(open_preset("mnist_cnn"))
    acc = accuracy(result)
    return (acc >= 0.99, f"test accuracy {acc:.4f} (target >= 0.99) in {secs / 60:.1f} min "
            f"({result.epochs_done} epochs, {result.samples_per_s:,.0f} samples/s)")


def bench_celsius() -> tuple[bool, str]:
    result, _, secs = train(open_preset("celsius"))
    dense = [layer for layer in result.model.layers if layer.__class__.__name__ == "Dense"]
    kernel, bias = dense[0].get_weights()
    weight, b = float(kernel.ravel()[0]), float(bias.ravel()[0])
    ok = abs(weight - 1.8) <= 0.018 and abs(b - 32.0) <= 0.5
    return ok, (f"weight {weight:.4f} (1.8 ± 1%), bias {b:.3f} (32 ± 0.5) in {secs:.0f} s")


def bench_sine_lstm() -> tuple[bool, str]:
    result, dataset, secs = train(open_preset("sine_lstm"))
    from playground.datasets.series import naive_last_value_mse

    naive = naive_last_value_mse(dataset.x_test, dataset.y_test)
    pred = result.model.predict(dataset.x_test, verbose=0)
    mse = float(((pred.reshape(dataset.y_test.shape) - dataset.y_test) ** 2).mean())
    return mse <= naive / 2, (f"LSTM test MSE {mse:.5f} vs naive {naive:.5f} "
                              f"(ratio {mse / naive:.2f}, target <= 0.5) in {secs:.0f} s")


def final_gap(project: Any) -> tuple[float, float, float, float]:
    """Train; (training loss, validation loss, gap, seconds), both losses measured after
    training with dropout off, on the same split the engine used."""
    from playground.training.data import prepare_data

    result, dataset, secs = train(project)
    data = prepare_data(dataset, project.training["validation_split"],
                        project.training["seed"])
    model = result.model
    loss = model.evaluate(data.x_train, data.y_train, verbose=0, return_dict=True)["loss"]
    val = model.evaluate(data.x_val, data.y_val, verbose=0, return_dict=True)["loss"]
    return float(loss), float(val), float(val - loss), secs


def bench_overfitting() -> tuple[bool, str]:
    t1, v1, g1, s1 = final_gap(open_preset("overfitting"))
    t2, v2, g2, s2 = final_gap(open_preset("overfitting_dropout"))
    ok = g2 < g1 / 2 and v2 < v1
    return ok, (f"without dropout: train loss {t1:.3f}, val loss {v1:.3f}, gap {g1:.3f}; "
                f"with dropout: train {t2:.3f}, val {v2:.3f}, gap {g2:.3f} "
                f"({s1 + s2:.0f} s)")


def bench_transfer_learning() -> tuple[bool, str]:
    transfer, _, s1 = train(open_preset("transfer_learning"))
    scratch_project = open_preset("transfer_learning")
    for node in scratch_project.graph.nodes:
        scratch_project.graph.set_trainable(node.id, True)
    scratch_project.weights = None
    scratch, _, s2 = train(scratch_project)
    a1, a2 = accuracy(transfer), accuracy(scratch)
    return a1 > a2, (f"frozen pre-trained filters {a1:.4f} vs from scratch {a2:.4f} on "
                     f"digits 5-9 from 50 examples ({s1 + s2:.0f} s)")


BENCHES = {
    "xor": bench_xor, "perceptron": bench_perceptron,
    "perceptron_xor": bench_perceptron_xor, "celsius": bench_celsius,
    "spiral": bench_spiral, "sine_lstm": bench_sine_lstm,
    "overfitting": bench_overfitting, "transfer_learning": bench_transfer_learning,
    "mnist_cnn": bench_mnist_cnn, "text_topics": bench_text_topics,
    "reading_order": bench_reading_order, "where_the_model_looks": bench_where_the_model_looks,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"which ({', '.join(BENCHES)}); all by default")
    args = add_smoke(parser).parse_args()
    use_data(args.smoke)
    names = args.names
    if args.smoke:
        OVERRIDES["epochs"] = 1
        names = ["xor", "mnist_cnn"]
    available = {p.name for p in list_presets()}
    unchecked = available - set(BENCHES) - {"overfitting_dropout"}
    if unchecked:
        print(f"presets without a benchmark: {', '.join(sorted(unchecked))}")
    failed = 0
    for name in names or list(BENCHES):
        ok, text = BENCHES[name]()
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name:<18} {text}", flush=True)
        report("presets", preset=name, passed=bool(ok), measured=text)
    return 1 if failed and not args.smoke else 0


if __name__ == "__main__":
    sys.exit(main())
