"""TensorBoard logs of training runs, read back with TensorBoard's own event reader."""
from __future__ import annotations

import pytest
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

from playground.errors import TrainingError
from playground.training.settings import TrainingSettings
from playground.training.tensorboard import default_log_root, open_command
from tests.training.helpers import xor_project


def read(folder) -> EventAccumulator:
    events = EventAccumulator(str(folder), size_guidance={"tensors": 0})
    events.Reload()
    return events


def values(events: EventAccumulator, tag: str) -> list[tuple[int, float]]:
    import tensorflow as tf

    return [(e.step, float(tf.make_ndarray(e.tensor_proto))) for e in events.Tensors(tag)]


def test_train_command_logs_epoch_scalars_graph_and_histograms(tmp_path, capsys):
    from playground.cli.main import main
    from playground.files.project import save_project

    path = tmp_path / "xor.kpg"
    save_project(xor_project(samples=100, epochs=3, batch_size=20), path)
    logs = tmp_path / "logs"
    assert main(["train", str(path), "--tensorboard", str(logs)]) == 0
    assert f"tensorboard --logdir {logs}" in capsys.readouterr().err
    run, = logs.iterdir()                       # one subfolder per run
    assert run.name.startswith("run-")
    train, validation = read(run / "train"), read(run / "validation")
    losses = values(train, "epoch_loss")
    assert [step for step, _ in losses] == [1, 2, 3]
    assert all(0 < loss < 2 for _, loss in losses)
    assert [step for step, _ in values(train, "epoch_accuracy")] == [1, 2, 3]
    assert [step for step, _ in values(validation, "epoch_loss")] == [1, 2, 3]
    assert train.Tags()["graph"] is True
    # weights before training (step 0) and after each epoch
    kernels = [t for t in train.Tags()["tensors"] if t.endswith("/kernel")]
    assert len(kernels) == 2
    assert [e.step for e in train.Tensors(kernels[0])] == [0, 1, 2, 3]
    assert [step for step, _ in values(read(run / "test"), "epoch_loss")] == [3]


def test_setting_logs_each_run_beside_the_project(tmp_path):
    from playground.session import Session
    from playground.files.project import save_project
    from playground.training.run import trained_weights

    path = tmp_path / "lesson.kpg"
    project = xor_project(samples=60, epochs=2, batch_size=20)
    project.training["tensorboard"] = True
    save_project(project, path)
    session = Session.open(path)
    assert session.training_settings().tensorboard is True
    for _ in range(2):
        result = session.make_engine().run()
        session.record_run(result.history_entry(), trained_weights(session.graph, result))
    root = tmp_path / "lesson_tensorboard"
    assert session.tensorboard_root() == root == default_log_root(path)
    runs = sorted(root.iterdir())
    assert len(runs) == 2                      # a new folder for the second run
    for run in runs:
        assert [s for s, _ in values(read(run / "train"), "epoch_loss")] == [1, 2]


def test_logs_are_off_by_default_and_the_setting_is_checked(tmp_path):
    from playground.session import Session

    session = Session(xor_project(samples=60, epochs=1, batch_size=20), tmp_path / "p.kpg")
    session.make_engine().run()
    assert not (tmp_path / "p_tensorboard").exists()
    with pytest.raises(TrainingError, match="TensorBoard"):
        TrainingSettings(tensorboard="yes").validate()  # type: ignore[arg-type]
    assert TrainingSettings.from_dict({"tensorboard": True}).to_dict()["tensorboard"] is True


def test_open_command_quotes_a_folder_with_spaces(tmp_path):
    assert open_command("/data/logs") == "tensorboard --logdir /data/logs"
    assert open_command("/my logs/x") == "tensorboard --logdir '/my logs/x'"
    assert default_log_root(None).parts[-2:] == ("tensorboard", "untitled")
