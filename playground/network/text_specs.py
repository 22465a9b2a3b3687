"""Catalog entries for text and categorical inputs (palette category "Preprocessing").

A string Input (dtype "string") feeds ``TextVectorization`` (sentences -> word ids) or
``StringLookup`` (category names -> ids); ``IntegerLookup`` does the same for whole-number
codes, ``Hashing`` maps values to a fixed number of bins without a vocabulary, and
``CategoryEncoding`` turns ids into one-hot or multi-hot lists of numbers.

The lookup layers learn their vocabulary from the training data before training (see
:mod:`playground.network.vocabulary`); it is kept with the layer's weights, so an
imported model keeps its vocabulary and an exported one carries it.
"""
from __future__ import annotations

from playground.network.specs import LayerSpec, ParamSpec

BIG_VOCABULARY = 10_000_000

LOOKUP_MODES = ("int", "one_hot", "multi_hot", "count", "tf_idf")


def _max_tokens(default: int | None, what: str) -> ParamSpec:
    return ParamSpec("max_tokens", "optional_int", default,
                     f"Largest vocabulary: only the most frequent {what} are kept, the rest "
                     "count as unknown. Empty keeps them all.",
                     minimum=1, maximum=BIG_VOCABULARY)


def _output_mode(default: str, choices: tuple[str, ...] = LOOKUP_MODES) -> ParamSpec:
    return ParamSpec("output_mode", "choice", default,
                     "What comes out: 'int' gives one id per word or value (for an "
                     "Embedding); 'one_hot', 'multi_hot' and 'count' give one number per "
                     "vocabulary entry (for a Dense layer).", choices=choices)


def _num_oov(default: int = 1) -> ParamSpec:
    return ParamSpec("num_oov_indices", "int", default,
                     "How many ids are kept for values never seen in training (usually 1).",
                     minimum=0, maximum=1024)


TEXT_LAYER_SPECS: tuple[LayerSpec, ...] = (
    LayerSpec("TextVectorization", "TextVectorization", "Preprocessing",
              "Turns sentences into lists of word ids, using a vocabulary learned from the "
              "training sentences. Put it right after a text Input (dtype 'string').",
              (_max_tokens(10000, "words"),
               ParamSpec("standardize", "choice", "lower_and_strip_punctuation",
                         "How text is cleaned before it is split into words: lower case "
                         "and without punctuation is usual.",
                         choices=("lower_and_strip_punctuation", "lower", "strip_punctuation")),
               ParamSpec("split", "choice", "whitespace",
                         "Split sentences into words (whitespace) or single letters "
                         "(character).", choices=("whitespace", "character")),
               ParamSpec("ngrams", "optional_int", None,
                         "Also count groups of this many neighbouring words (2 = word "
                         "pairs). Empty for single words only.", minimum=2, maximum=8),
               _output_mode("int", ("int", "multi_hot", "count", "tf_idf")),
               ParamSpec("output_sequence_length", "optional_int", 20,
                         "With 'int' output: every sentence is cut or padded to this many "
                         "words. Empty keeps each batch's longest sentence.",
                         minimum=1, maximum=100_000)),
              summary_keys=("max_tokens", "output_sequence_length")),
    LayerSpec("StringLookup", "StringLookup", "Preprocessing",
              "Turns category names (text such as 'red', 'green') into ids, using the "
              "categories seen in the training data. Feed it from a text Input.",
              (_max_tokens(None, "categories"), _num_oov(), _output_mode("int")),
              summary_keys=("output_mode",)),
    LayerSpec("IntegerLookup", "IntegerLookup", "Preprocessing",
              "Turns whole-number codes (e.g. a product or zip code) into consecutive ids, "
              "using the codes seen in the training data.",
              (_max_tokens(None, "codes"), _num_oov(), _output_mode("int")),
              summary_keys=("output_mode",)),
    LayerSpec("Hashing", "Hashing", "Preprocessing",
              "Sorts text or whole numbers into a fixed number of bins by a hash, with "
              "nothing to learn: useful when there are too many categories for a "
              "vocabulary.",
              (ParamSpec("num_bins", "int", 16,
                         "How many bins (ids 0 to num_bins - 1). Different values can share "
                         "a bin when there are few.", minimum=1, maximum=BIG_VOCABULARY),
               ParamSpec("salt", "optional_int", None,
                         "A number that changes which values share a bin; empty for the "
                         "standard hash.", minimum=0, maximum=2**31 - 1)),
              summary_keys=("num_bins",)),
    LayerSpec("CategoryEncoding", "CategoryEncoding", "Preprocessing",
              "Turns category ids into lists of 0s and 1s (one-hot), or counts per "
              "category, so a Dense layer can use them.",
              (ParamSpec("num_tokens", "int", 16,
                         "How many different ids there are; every id must be below this.",
                         minimum=1, maximum=BIG_VOCABULARY),
               ParamSpec("output_mode", "choice", "multi_hot",
                         "'one_hot' for one id per example, 'multi_hot' for several ids, "
                         "'count' to count how often each id occurs.",
                         choices=("one_hot", "multi_hot", "count"))),
              summary_keys=("num_tokens", "output_mode")),
)
