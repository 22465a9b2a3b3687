"""The exported Python program carries the deployment exports as comments; uncommented,
they run with plain Keras and write files that load in their runtimes."""
from __future__ import annotations

import subprocess
import sys

from playground.export.python_program import project_to_python
from tests.training.helpers import xor_project


def test_program_lists_export_lines_as_comments_and_they_run(tmp_path):
    project = xor_project(samples=60, epochs=1, batch_size=20)
    text = project_to_python(project, filename="xor.py", out="xor.keras")
    export_lines = [line for line in text.splitlines() if "model.export(" in line]
    assert len(export_lines) == 4 and all(line.startswith("# ") for line in export_lines)
    assert "# TensorBoard logs (see them with: tensorboard --logdir logs)" in text
    # uncomment every export (and the import the quantised one needs), then run it
    code_lines = []
    for line in text.splitlines():
        if line.startswith("# model.export(") or line.startswith("# import tensorflow") \
                or line.startswith("#              optimizations"):
            line = line[2:]
        code_lines.append(line)
    script = tmp_path / "xor.py"
    script.write_text("\n".join(code_lines))
    run = subprocess.run([sys.executable, script.name], cwd=tmp_path, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    for name in ("xor.tflite", "xor-int8.tflite", "xor.onnx", "xor_savedmodel/saved_model.pb"):
        assert (tmp_path / name).stat().st_size > 0, name
    import onnxruntime

    assert onnxruntime.InferenceSession(str(tmp_path / "xor.onnx")).get_inputs()[0].shape[1] == 2


def test_tensorboard_setting_becomes_a_real_callback():
    project = xor_project()
    project.training["tensorboard"] = True
    text = project_to_python(project)
    assert "callbacks=[keras.callbacks.TensorBoard(log_dir='logs', histogram_freq=1)]" in text
