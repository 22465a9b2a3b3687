"""The dataset registry: every dataset the app offers, by name.

``load_dataset(name, params)`` validates the settings against the dataset's specs (unknown
names and bad values raise DatasetError saying what is accepted) and returns a
:class:`Dataset`. A project stores its choice as ``{"name": ..., "params": {...}}``.
"""
from __future__ import annotations

import threading
from typing import Any

from playground.datasets.base import Dataset, DatasetEntry, DatasetInfo, DatasetParam
from playground.errors import DatasetError
from playground.i18n import _

__all__ = ["Dataset", "DatasetInfo", "DatasetParam", "dataset_names", "dataset_info",
           "load_dataset", "python_snippet", "load_from_choice", "all_infos"]

_registry: dict[str, DatasetEntry] | None = None
_registry_lock = threading.Lock()  # datasets are loaded on worker threads too


def _entries() -> dict[str, DatasetEntry]:
    global _registry
    with _registry_lock:
        if _registry is None:
            _registry = _build_registry()
        return _registry


def _build_registry() -> dict[str, DatasetEntry]:
    from playground.datasets import (
        celsius,
        csv_dataset,
        image_folder,
        mnist,
        sentences,
        series,
        synthetic2d,
        word_order,
    )

    entries: list[DatasetEntry] = []
    for module in (synthetic2d, celsius, series, mnist, sentences, word_order, csv_dataset,
                   image_folder):
        entries += module.entries()
    return {e.info.name: e for e in entries}


def dataset_names() -> list[str]:
    return list(_entries())


def all_infos() -> list[DatasetInfo]:
    return [e.info for e in _entries().values()]


def _entry(name: str) -> DatasetEntry:
    entries = _entries()
    if name not in entries:
        raise DatasetError((_("There is no dataset named {name!r}. Available datasets: {entries}.")
                              .format(name=name, entries=', '.join(entries))))
    return entries[name]


def dataset_info(name: str) -> DatasetInfo:
    return _entry(name).info


def load_dataset(name: str, params: dict[str, Any] | None = None) -> Dataset:
    """Load a dataset with its settings (defaults for the ones left out)."""
    entry = _entry(name)
    return entry.loader(entry.info.validate_params(params))


def load_from_choice(choice: dict[str, Any]) -> Dataset:
    """Load a project's dataset choice ``{"name": ..., "params": {...}}``."""
    if not isinstance(choice, dict) or not isinstance(choice.get("name"), str):
        raise DatasetError(_("The project does not say which dataset to use: expected "
                             "{\"name\": ..., \"params\": {...}}. Pick a dataset in the "
                             "dataset panel."))
    params = choice.get("params") or {}
    if not isinstance(params, dict):
        raise DatasetError((_("The settings of dataset {name} must be an object.")
                              .format(name=choice['name'])))
    return load_dataset(choice["name"], params)


def python_snippet(name: str, params: dict[str, Any] | None = None) -> str:
    """Plain numpy/keras code defining x_train, y_train, x_val, y_val, x_test, y_test the
    same way the app does, for the exported Python script."""
    entry = _entry(name)
    return entry.snippet(entry.info.validate_params(params))
