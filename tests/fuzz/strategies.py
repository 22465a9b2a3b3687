"""Hypothesis strategies and settings shared by the fuzz tests.

``FUZZ_EXAMPLES`` (environment variable) raises every test's example count for a long run
(``benchmarks/fuzz_long.py``); the normal suite keeps them small and fast.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from playground.network import catalog


# target -> outcome -> count, printed at the end of the run (tests/fuzz/conftest.py).
OUTCOMES: defaultdict[str, Counter] = defaultdict(Counter)


def count(target: str, outcome: str) -> None:
    OUTCOMES[target][outcome] += 1


def examples(default: int) -> int:
    return int(os.environ.get("FUZZ_EXAMPLES", default))


def fuzz_settings(default: int) -> settings:
    # The normal suite replays the same (derandomized) inputs every run, so CI is
    # repeatable; the long run (FUZZ_EXAMPLES set) explores fresh random inputs.
    long_run = "FUZZ_EXAMPLES" in os.environ
    return settings(max_examples=examples(default), deadline=None, derandomize=not long_run,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# Layer types of the catalog; generic Keras layers need Keras itself, so they are left to
# the .keras importer fuzz.
LAYER_TYPES = sorted(spec.type_name for spec in catalog.all_specs())

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**40), 2**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12), st.sampled_from(["relu", "same", "valid", "softmax", "", " ",
                                           "channels_last", "mean", "-1"]))
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)


def good_or_bad_value(spec: catalog.ParamSpec) -> st.SearchStrategy:
    """The parameter's default, one of its choices, a nearby number, or anything at all."""
    options: list[st.SearchStrategy] = [st.just(spec.default), json_values]
    if spec.choices:
        options.append(st.sampled_from(list(spec.choices)))
    if spec.kind in ("int", "optional_int", "int_tuple", "optional_int_tuple"):
        options.append(st.integers(-3, 300))
    if spec.kind in ("float", "float_or_pair"):
        options.append(st.floats(-2, 2, allow_nan=False))
    return st.one_of(*options)
