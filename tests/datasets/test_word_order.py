"""The generated datasets of the word-order and attention lessons (issue 27)."""
from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from playground.datasets import load_dataset, python_snippet

PARAMS = {"samples": 300, "test_fraction": 0.25, "seed": 4}


@pytest.mark.parametrize("name", ["chase", "reviews"])
def test_same_seed_same_sentences_and_the_exported_program_makes_them(name):
    a, b = load_dataset(name, PARAMS), load_dataset(name, PARAMS)
    np.testing.assert_array_equal(a.x_train, b.x_train)
    np.testing.assert_array_equal(a.y_test, b.y_test)
    assert a.x_train.shape[1:] == (1,) and set(np.unique(a.y_train)) == {0, 1}
    namespace: dict = {}
    exec(python_snippet(name, PARAMS), namespace)  # the program as the user would run it
    np.testing.assert_array_equal(namespace["x_train"], a.x_train)
    np.testing.assert_array_equal(namespace["y_test"], a.y_test)
    lengths = {len(s[0].split()) for s in a.x_train}
    assert len(lengths) >= 4  # sentences of different lengths: padding and masks matter


def test_chase_classes_use_the_same_words_so_only_order_tells():
    data = load_dataset("chase", {**PARAMS, "samples": 4000})
    words = [Counter(), Counter()]
    for (sentence,), label in zip(data.x_train, data.y_train):
        words[label].update(sentence.split())
        assert sentence.split().index("cat") < sentence.split().index("dog") \
            if label == 0 else sentence.split().index("dog") < sentence.split().index("cat")
    # Every word is about as frequent in both classes (per sentence): a bag of words
    # carries no information about the class.
    counts = np.bincount(data.y_train)
    for word in set(words[0]) | set(words[1]):
        rate0, rate1 = words[0][word] / counts[0], words[1][word] / counts[1]
        assert abs(rate0 - rate1) < 0.05, word
