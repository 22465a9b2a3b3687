"""The attention view draws Keras's own scores (issue 27): the heat map of the chosen head
is the layer's scores for the chosen test sentence, its axes the sentence's tokens; a layer
whose scores cannot be read leaves the view disabled with the reason."""
from __future__ import annotations

import numpy as np
import pytest

from playground.datasets import sentences
from playground.insight import probes
from playground.insight.attention import PAD
from playground.insight.colors import weights_heat
from playground.kerasenv import keras
from tests.insight.test_attention import text_transformer


@pytest.fixture
def dataset():
    return sentences.load({"samples": 40, "borrow": 0.3, "test_fraction": 0.25, "seed": 1})


@pytest.mark.gui
def test_the_heat_map_is_the_layers_scores_for_the_chosen_sentence(qtbot, dataset):
    from ui.insight.attention_view import AttentionView

    model, vectorize, mha = text_transformer()
    live = probes.live_probes(dataset, model)
    assert probes.ATTENTION in live  # computed while training, like the other views
    view = AttentionView()
    qtbot.addWidget(view)
    view.set_sample_count(len(dataset.x_test))
    view.set_computer(lambda index: probes.attention_probe(index)(model, dataset))
    with qtbot.waitSignal(view._runner.done, timeout=60_000):
        view.sample_box.setValue(3)
    view.head_box.setValue(2)
    sentence = dataset.x_test[3]
    ids = np.asarray(vectorize(np.asarray([sentence])))[0]
    vocabulary = vectorize.get_vocabulary()
    words = [vocabulary[i] for i in ids if i != 0]
    assert view.heat.rows == view.heat.columns == words
    # Keras's scores for the same sentence (padding masked by hand), head 2, words only.
    x = model.get_layer(index=2)(ids[None])
    keep = ids[None] != 0
    _out, expected = mha(x, x, attention_mask=keep[:, None, :] & keep[:, :, None],
                         return_attention_scores=True)
    n = len(words)
    expected = np.asarray(expected)[0, 1, :n, :n]
    np.testing.assert_allclose(view.heat.scores, expected, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(view.heat.scores.sum(axis=1), 1.0, rtol=1e-5)
    np.testing.assert_array_equal(view.heat.rgba, weights_heat(expected))
    assert view.heat.isEnabled() and PAD not in view.heat.rows
    assert str(sentence[0]) in view.status_label.text()


@pytest.mark.gui
def test_an_unreadable_attention_layer_disables_the_view_with_the_reason(qtbot):
    from playground.insight.attention import attention_snapshot
    from ui.insight.attention_view import AttentionView

    k = keras()
    a = k.Input((4, 8))
    mha = k.layers.MultiHeadAttention(2, 4, name="shared_mha")
    model = k.Model(a, mha(mha(a, a), a))
    view = AttentionView()
    qtbot.addWidget(view)
    view.set_snapshot(attention_snapshot(model, np.zeros((4, 8), "float32"), 0))
    assert not view.heat.isEnabled() and not view.head_box.isEnabled()
    assert view.heat.scores is None
    assert "called 2 times" in view.status_label.text()


@pytest.mark.gui
def test_the_word_map_draws_the_pca_places_and_lists_neighbours(qtbot, tmp_path):
    from playground.insight.embedding_map import embedding_map, nearest_words
    from tests.insight.test_embedding_map import WORDS, text_model
    from ui.insight.embedding_view import EmbeddingView

    model = text_model()
    found = probes.live_probes(sentences.load({"samples": 40, "borrow": 0.3,
                                               "test_fraction": 0.25, "seed": 1}),
                               model)[probes.EMBEDDING](model, None)
    view = EmbeddingView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.set_map(found)
    assert view.map.words == WORDS
    np.testing.assert_array_equal(view.map.coordinates, embedding_map(model).coordinates)
    # Points keep the map's order along each axis (x right, y up).
    placed = view.map.positions()
    order_x = np.argsort(found.coordinates[:, 0], kind="stable")
    assert [placed[i].x() for i in order_x] == sorted(p.x() for p in placed)
    view.search.setText("猫")
    expected = nearest_words(found, "猫")
    shown = [view.neighbours.item(i).text() for i in range(view.neighbours.count())]
    assert shown == [f"{w}  {s:+.2f}" for w, s in expected]
    assert view.map.highlighted == {"猫", *(w for w, _s in expected)}
    assert view.save_png(tmp_path / "map.png") and (tmp_path / "map.png").stat().st_size > 0
    view.search.setText("unicorn")
    assert "unicorn" in view.neighbours.item(0).text() and view.map.highlighted == set()
