"""Python lines, for the exported program, that put the data preparation in front of the
trained model as Keras layers (the same layers :mod:`playground.prepared.layers` adds), so
the program saves a model that takes raw data, as the app's export does."""
from __future__ import annotations

import numpy as np

from playground.prepared.layers import FEATURES_INPUT, PICTURE_INPUT, input_name
from playground.prepared.preparation import NUMBER, Preparation


def _floats(values: object) -> str:
    return repr([float(v) for v in np.asarray(values, np.float32).reshape(-1)])


def preparation_lines(preparation: Preparation, input_shape: tuple[int, ...],
                      model: str = "model", result: str = "model_with_preparation"
                      ) -> list[str]:
    """Lines defining ``result``: raw inputs -> preparation layers -> ``model``. Values
    from files go through repr(); names are made safe by :func:`input_name`."""
    lines = ["# The data preparation above, as Keras layers in front of the trained model:",
             f"# {result}.predict(raw data) gives the same answers as model.predict on",
             "# prepared data."]
    if preparation.layout == "columns":
        pieces: list[str] = []
        numeric = 0
        lines.append("raw_inputs = {}")
        for column in preparation.columns:
            name = input_name(column.name)
            if column.kind == NUMBER:
                lines.append(f"raw_inputs[{column.name!r}] = keras.Input(shape=(1,), "
                             f"name={name!r})")
                lines.append(_scaling_call(preparation, numeric, 1, f"{name}_scaled",
                                           f"raw_inputs[{column.name!r}]", "piece"))
                numeric += 1
            else:
                size = len(column.categories)
                lines += [
                    f"raw_inputs[{column.name!r}] = keras.Input(shape=(1,), dtype='string', "
                    f"name={name!r})",
                    f"lookup = layers.StringLookup(vocabulary={list(column.categories)!r}, "
                    f"output_mode='one_hot', name={name + '_lookup'!r})",
                    "# Values never seen in training fall in the lookup's first slot; this "
                    "frozen layer drops it.",
                    f"known = layers.Dense({size}, use_bias=False, trainable=False, "
                    f"name={name + '_known'!r})",
                    f"piece = known(lookup(raw_inputs[{column.name!r}]))",
                    f"known.set_weights([np.eye({size + 1}, {size}, k=-1, dtype='float32')])",
                ]
            pieces.append(f"piece_{len(pieces)}")
            lines.append(f"{pieces[-1]} = piece")
        joined = pieces[0] if len(pieces) == 1 else \
            f"layers.Concatenate(name='prepared')([{', '.join(pieces)}])"
        lines.append(f"{result} = keras.Model(raw_inputs, {model}({joined}), "
                     f"name={model}.name + '_with_preparation')")
        return lines
    name = PICTURE_INPUT if len(input_shape) == 3 else FEATURES_INPUT
    lines.append(f"raw = keras.Input(shape={tuple(input_shape)!r}, name={name!r})")
    lines.append(_scaling_call(preparation, 0, len(preparation.offset), "scaling", "raw",
                               "prepared"))
    lines.append(f"{result} = keras.Model(raw, {model}(prepared), "
                 f"name={model}.name + '_with_preparation')")
    return lines


def _scaling_call(preparation: Preparation, index: int, count: int, name: str,
                  source: str, target: str) -> str:
    if preparation.method == "none":
        return f"{target} = {source}"
    offset = preparation.offset[index:index + count]
    scale = preparation.scale[index:index + count]
    if preparation.layout == "array" and len(preparation.offset) == 1:
        factor = 1.0 / float(np.float32(scale[0]))
        return (f"{target} = layers.Rescaling(scale={factor!r}, "
                f"offset={-float(np.float32(offset[0])) * factor!r}, name={name!r})({source})")
    variance = np.square(np.asarray(scale, np.float32).astype(np.float64)).astype(np.float32)
    return (f"{target} = layers.Normalization(axis=-1, mean={_floats(offset)}, "
            f"variance={_floats(variance)}, name={name!r})({source})")
