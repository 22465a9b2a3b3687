"""Two generated text datasets for the lessons on word order and attention, made
reproducibly from a seed (shipped as code, not data; the exported program includes the
same generators). Inputs are raw text, shape (1,) per example.

- ``chase``: "the small cat quickly chased the dog in the garden". Every sentence names
  both animals, with extra words that make sentences of different lengths; the class is
  who chases (0: the cat, 1: the dog). Both orders use exactly the same words, so a bag
  of words (averaging the word vectors) cannot do better than guessing: only the order
  tells.
- ``reviews``: short film reviews, mostly neutral words ("the plot of the film was ...
  overall"), with the words that decide (great, awful, ... and "not", which turns
  "not great" negative): 0 negative, 1 positive. Since "not" changes what the word after
  it means, the words must be read together: an attention layer learns to look at them.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from playground.datasets.base import (Dataset, DatasetEntry, DatasetInfo, DatasetParam,
                                      function_sources, seed_param, split_train_test,
                                      test_fraction_param)
from playground.i18n import _

ANIMALS = ("cat", "dog")
CHASE_WORDS = {"adjective": ["small", "big", "old", "young", "hungry", "lazy", "brown"],
               "adverb": ["quickly", "slowly", "suddenly", "happily", "again"],
               "verb": ["chased", "followed", "caught", "pushed", "watched"],
               "place": ["in the garden", "near the house", "across the yard",
                         "under the tree", "at night", "on the road"]}
REVIEW_WORDS = {"good": ["great", "wonderful", "excellent", "brilliant", "lovely",
                         "enjoyable"],
                "bad": ["awful", "boring", "terrible", "dull", "weak", "poor"],
                "subject": ["the plot", "the acting", "the music", "the ending", "the film",
                            "the story", "the cast"],
                "filler": ["of the film", "in the second half", "for me", "overall",
                           "this time", "from the start", "at the cinema", "again"]}


def chase_sentences(samples, rng):
    """``samples`` sentences; class 0 when the cat chases, 1 when the dog does."""
    labels = rng.integers(0, 2, samples)
    sentences = []
    for label in labels:
        first, second = (ANIMALS[1], ANIMALS[0]) if label else ANIMALS

        def pick(slot):
            words = CHASE_WORDS[slot]
            return words[rng.integers(len(words))]

        def noun(animal):  # an optional adjective before the animal
            return f"the {pick('adjective')} {animal}" if rng.random() < 0.5 \
                else f"the {animal}"
        parts = [noun(first)]
        if rng.random() < 0.5:
            parts.append(pick("adverb"))
        parts += [pick("verb"), noun(second)]
        if rng.random() < 0.6:
            parts.append(pick("place"))
        sentences.append(" ".join(parts))
    return np.array(sentences, dtype=np.str_).reshape(-1, 1), labels.astype(np.int32)


def review_sentences(samples, rng):
    """``samples`` reviews; class 1 positive, 0 negative. The deciding words are few
    among neutral ones."""
    labels = rng.integers(0, 2, samples)
    sentences = []
    for label in labels:
        words = REVIEW_WORDS["good" if label else "bad"]

        def pick(slot):
            pool = REVIEW_WORDS[slot]
            return pool[rng.integers(len(pool))]
        opinion = words[rng.integers(len(words))]
        if rng.random() < 0.4:  # "not great" is negative: the words must be read together
            opinion = "not " + REVIEW_WORDS["bad" if label else "good"][
                rng.integers(len(words))]
        parts = [pick("subject"), "was", opinion]
        for _ in range(rng.integers(0, 3)):
            parts.append(pick("filler"))
        if rng.random() < 0.5:
            parts.insert(0, pick("filler"))
        sentences.append(" ".join(parts))
    return np.array(sentences, dtype=np.str_).reshape(-1, 1), labels.astype(np.int32)


CHASE_INFO = DatasetInfo(
    "chase", _("Who chases whom (word order)"),
    _("Sentences like 'the cat chased the dog': who chases? Both orders use the same "
      "words, so only the word order tells."),
    "Text", ("binary",),
    (DatasetParam("samples", "int", 2000, _("How many sentences to make (training + test)."),
                  minimum=20, maximum=100_000),
     test_fraction_param(0.25), seed_param()))

REVIEWS_INFO = DatasetInfo(
    "reviews", _("Film reviews (deciding words)"),
    _("Short film reviews, mostly neutral words: one or two words (great, awful...) "
      "decide if a review is positive."),
    "Text", ("binary",),
    (DatasetParam("samples", "int", 2000, _("How many reviews to make (training + test)."),
                  minimum=20, maximum=100_000),
     test_fraction_param(0.25), seed_param()))


def _dataset(info: DatasetInfo, make: Any, params: dict[str, Any],
             classes: list[str], target: str) -> Dataset:
    rng = np.random.default_rng(params["seed"])
    x, y = make(params["samples"], rng)
    x_train, y_train, x_test, y_test = split_train_test(x, y, params["test_fraction"], rng)
    return Dataset(info.name, info.title, info.description, "binary", x_train, y_train,
                   None, None, x_test, y_test, (1,), classes,
                   extras={"feature_names": ["sentence"], "target_name": target,
                           "text_input": True})


def load_chase(params: dict[str, Any]) -> Dataset:
    return _dataset(CHASE_INFO, chase_sentences, params, ["cat chases", "dog chases"],
                    "chaser")


def load_reviews(params: dict[str, Any]) -> Dataset:
    return _dataset(REVIEWS_INFO, review_sentences, params, ["negative", "positive"],
                    "opinion")


def _snippet(make: Any, constants: dict[str, Any], params: dict[str, Any]) -> str:
    lines = ["import numpy as np", "", "",
             *(f"{name} = {value!r}" for name, value in constants.items()), "", "",
             *function_sources(make, split_train_test),
             f"rng = np.random.default_rng({int(params['seed'])!r})",
             f"x, y = {make.__name__}({int(params['samples'])!r}, rng)",
             "x_train, y_train, x_test, y_test = split_train_test(x, y, "
             f"{float(params['test_fraction'])!r}, rng)",
             "x_val, y_val = None, None  # validation comes from validation_split"]
    return "\n".join(lines) + "\n"


def chase_snippet(params: dict[str, Any]) -> str:
    return _snippet(chase_sentences, {"ANIMALS": ANIMALS, "CHASE_WORDS": CHASE_WORDS}, params)


def reviews_snippet(params: dict[str, Any]) -> str:
    return _snippet(review_sentences, {"REVIEW_WORDS": REVIEW_WORDS}, params)


def entries() -> list[DatasetEntry]:
    return [DatasetEntry(CHASE_INFO, load_chase, chase_snippet),
            DatasetEntry(REVIEWS_INFO, load_reviews, reviews_snippet)]
