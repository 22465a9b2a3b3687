"""Dataset settings from a project file or the panel, good or bad: every built-in dataset
gives a consistent Dataset or a DatasetError with a message; nothing else escapes."""
from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from playground.datasets import dataset_info, dataset_names, load_from_choice
from playground.errors import DatasetError
from tests.fuzz.strategies import count, fuzz_settings, json_values

# MNIST reads 50 MB and the file-based ones need files: fuzzed elsewhere (CSV) or by
# their own tests; everything generated in memory is fuzzed here.
NAMES = [n for n in dataset_names() if n not in ("mnist", "csv", "image_folder")]


def _value(param) -> st.SearchStrategy:
    options = [st.just(param.default), json_values]
    if param.choices:
        options.append(st.sampled_from(list(param.choices)))
    if param.kind in ("int", "float"):
        low = param.minimum if param.minimum is not None else -10
        high = param.maximum if param.maximum is not None else 1000
        options.append(st.integers(int(low) - 2, min(int(high) + 2, 2000)))
    if param.name == "extra_points":
        options.append(st.lists(st.lists(st.floats(-3, 3), min_size=3, max_size=3),
                                max_size=5))
    return st.one_of(*options)


@fuzz_settings(300)
@given(st.data())
def test_random_dataset_settings(data):
    name = data.draw(st.sampled_from(NAMES), label="dataset")
    info = dataset_info(name)
    params = {}
    for param in data.draw(st.lists(st.sampled_from(info.params), max_size=3,
                                    unique_by=lambda p: p.name), label="params"):
        params[param.name] = data.draw(_value(param), label=param.name)
    if param_junk := data.draw(st.booleans()):
        params[data.draw(st.text(max_size=5))] = data.draw(json_values)
    # Keep it quick: cap the sample counts the generator may have drawn.
    for key in ("samples", "n", "count"):
        if isinstance(params.get(key), int) and params[key] > 2000:
            params[key] = 2000
    choice = data.draw(st.one_of(st.just({"name": name, "params": params}),
                                 st.builds(dict, name=st.just(name), params=json_values)),
                       label="choice")
    try:
        ds = load_from_choice(choice)
    except DatasetError as exc:
        assert str(exc).strip()
        count("dataset settings", "refused")
        return
    count("dataset settings", "loaded" if not param_junk else "loaded (junk key ignored)")
    assert len(ds.x_train) == len(ds.y_train) > 0
    if ds.x_train.dtype.kind not in "UO":   # raw text (sentences) is checked as text
        assert np.isfinite(np.asarray(ds.x_train, dtype=float)).all()
    else:
        assert all(isinstance(s, str) and s for s in ds.x_train.ravel())
    assert ds.x_train.shape[1:] == tuple(ds.input_shape)
    if ds.task in ("binary", "multiclass"):
        assert set(np.unique(ds.y_train)) <= set(range(len(ds.class_names)))
