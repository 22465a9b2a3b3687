"""Short sentences about four topics (weather, sport, food, music): a text dataset made
by this module, reproducibly from a seed, so it ships as code and not as a data file.

Each sentence fills a template of its topic with words of that topic; some sentences also
borrow a word from another topic ("the band played in the rain"), so a model must weigh
the words rather than spot one. The exported Python program includes the same generator,
so it makes exactly the same sentences. Inputs are raw text, shape (1,) per example: feed
them to a string Input and TextVectorization.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from playground.datasets.base import (Dataset, DatasetEntry, DatasetInfo, DatasetParam,
                                      function_sources, seed_param, split_train_test,
                                      test_fraction_param)
from playground.i18n import _

TOPICS = ("weather", "sport", "food", "music")

WORDS = {
    "weather": {"thing": ["rain", "snow", "wind", "storm", "sunshine", "fog", "cloud",
                          "thunder", "frost", "heat"],
                "verb": ["falls", "blows", "clears", "returns", "arrives", "builds"],
                "place": ["over the hills", "on the coast", "in the north", "across the valley",
                          "along the river"],
                "time": ["tonight", "tomorrow", "this morning", "by the weekend",
                         "after midnight"]},
    "sport": {"thing": ["team", "goal", "match", "striker", "coach", "referee", "league",
                        "champion", "keeper", "runner"],
              "verb": ["wins", "scores", "loses", "defends", "trains", "celebrates"],
              "place": ["at the stadium", "on the pitch", "in the final", "at the track",
                        "in the second half"],
              "time": ["tonight", "on sunday", "this season", "after the break",
                       "in extra time"]},
    "food": {"thing": ["soup", "bread", "cheese", "salad", "pasta", "cake", "sauce",
                       "chef", "recipe", "oven"],
             "verb": ["tastes", "bakes", "simmers", "burns", "smells", "melts"],
             "place": ["in the kitchen", "at the market", "on the plate", "at the bakery",
                       "in the restaurant"],
             "time": ["tonight", "for lunch", "at dinner", "this morning", "for breakfast"]},
    "music": {"thing": ["band", "song", "guitar", "drummer", "singer", "album", "chorus",
                        "piano", "concert", "melody"],
              "verb": ["plays", "sings", "records", "tours", "rehearses", "releases"],
              "place": ["on the stage", "in the studio", "at the festival", "on the radio",
                        "in the club"],
              "time": ["tonight", "next week", "this summer", "after the show",
                       "on friday"]},
}
FILLER = ["the", "a", "really", "again", "very", "still", "quite", "just", "now", "so"]
TEMPLATES = ("the {thing} {verb} {place} {time}",
             "{filler} {thing} {verb} {time}",
             "a {thing} and the {thing2} {place}",
             "the {thing} {verb} {filler} {place}",
             "{time} the {thing2} {verb} with the {thing}")


def topic_sentences(samples, borrow, rng):
    """``samples`` sentences with topic ids 0..3; ``borrow`` is the chance that one of a
    sentence's words comes from another topic."""
    topics = list(WORDS)
    labels = rng.integers(0, len(topics), samples)
    sentences = []
    for label in labels:
        words = WORDS[topics[label]]
        slots = {slot: words[slot][rng.integers(len(words[slot]))] for slot in words}
        slots["thing2"] = words["thing"][rng.integers(len(words["thing"]))]
        slots["filler"] = FILLER[rng.integers(len(FILLER))]
        if rng.random() < borrow:  # one word from another topic
            other = WORDS[topics[(label + rng.integers(1, len(topics))) % len(topics)]]
            slot = ["thing", "thing2", "verb", "place"][rng.integers(4)]
            pool = other["thing" if slot == "thing2" else slot]
            slots[slot] = pool[rng.integers(len(pool))]
        template = TEMPLATES[rng.integers(len(TEMPLATES))]
        sentences.append(template.format(**slots))
    return np.array(sentences, dtype=np.str_).reshape(-1, 1), labels.astype(np.int32)


INFO = DatasetInfo(
    "sentences", _("Topic sentences (text)"),
    _("Short English sentences, each about the weather, sport, food or music. A text model "
      "reads the words and predicts the topic."),
    "Text", ("multiclass",),
    (DatasetParam("samples", "int", 2000, _("How many sentences to make (training + test)."),
                  minimum=20, maximum=100_000),
     DatasetParam("borrow", "float", 0.3, _("Chance that a sentence borrows one word from "
                  "another topic: higher makes the task harder."), label=_("Borrowed words"),

                  minimum=0.0, maximum=1.0),
     test_fraction_param(0.25), seed_param()))


def load(params: dict[str, Any]) -> Dataset:
    rng = np.random.default_rng(params["seed"])
    x, y = topic_sentences(params["samples"], params["borrow"], rng)
    x_train, y_train, x_test, y_test = split_train_test(x, y, params["test_fraction"], rng)
    return Dataset("sentences", INFO.title, INFO.description, "multiclass", x_train,
                   y_train, None, None, x_test, y_test, (1,), list(TOPICS),
                   extras={"feature_names": ["sentence"], "target_name": "topic",
                           "text_input": True})


def snippet(params: dict[str, Any]) -> str:
    lines = ["import numpy as np", "", "", f"WORDS = {WORDS!r}", f"FILLER = {FILLER!r}",
             f"TEMPLATES = {TEMPLATES!r}", "", "",
             *function_sources(topic_sentences, split_train_test),
             f"rng = np.random.default_rng({params['seed']})",
             f"x, y = topic_sentences({params['samples']}, {params['borrow']!r}, rng)",
             "x_train, y_train, x_test, y_test = split_train_test(x, y, "
             f"{params['test_fraction']!r}, rng)",
             "x_val, y_val = None, None  # validation comes from validation_split"]
    return "\n".join(lines) + "\n"


def entries() -> list[DatasetEntry]:
    return [DatasetEntry(INFO, load, snippet)]
