"""Unsafe or broken .keras files are refused with a message, never loaded or crashed on."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from playground.errors import ModelImportError
from playground.network.keras_import import import_keras_file
from playground.kerasenv import keras


def test_lambda_layer_is_refused_with_the_reason(tmp_path: Path):
    k = keras()
    i = k.Input((4,))
    model = k.Model(i, k.layers.Lambda(lambda t: t * 2, name="doubler")(i))
    path = tmp_path / "lambda.keras"
    model.save(path)
    with pytest.raises(ModelImportError, match="Lambda.*doubler.*safe"):
        import_keras_file(path)


@pytest.mark.parametrize("content,needle", [
    (b"", "empty"),
    (b"hello, this is text", "not a .keras model"),
    (b"PK\x03\x04truncated", "not a .keras model|damaged"),
])
def test_broken_files_are_refused(tmp_path: Path, content: bytes, needle: str):
    path = tmp_path / "bad.keras"
    path.write_bytes(content)
    with pytest.raises(ModelImportError, match=needle):
        import_keras_file(path)


def test_zip_without_config_and_custom_objects_are_refused(tmp_path: Path):
    path = tmp_path / "noconfig.keras"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("metadata.json", "{}")
    with pytest.raises(ModelImportError, match="no config.json"):
        import_keras_file(path)
    custom = tmp_path / "custom.keras"
    with zipfile.ZipFile(custom, "w") as zf:
        zf.writestr("config.json", '{"class_name": "Functional", "config": {"layers": '
                    '[{"class_name": "MyLayer", "registered_name": "my_pkg>MyLayer"}]}}')
    with pytest.raises(ModelImportError, match="custom object"):
        import_keras_file(custom)
    missing = tmp_path / "missing.keras"
    with pytest.raises(ModelImportError, match="does not exist"):
        import_keras_file(missing)
