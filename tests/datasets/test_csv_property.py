"""Property tests: whatever numbers and words a table holds, they read back exactly, and
every problem cell planted in it is reported at its row and column."""
from __future__ import annotations

import csv
import io

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.datasets.csv_import import check, describe_column
from playground.datasets.csv_table import read_csv
from playground.datasets.image_folder import scan_folder
from playground.datasets.preview import montage

numbers = st.floats(allow_nan=False, allow_infinity=False, width=64, min_value=-1e12,
                    max_value=1e12)
words = st.sampled_from(["red", "green", "blue", "Ünïcode", "a,b", 'say "hi"'])
SETTINGS = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def write_table(tmp_path, header, rows, name="t.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path = tmp_path / name
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@SETTINGS
@given(st.lists(st.tuples(numbers, words, st.integers(0, 3)), min_size=2, max_size=40))
def test_numbers_and_words_read_back_exactly(tmp_path, rows):
    path = write_table(tmp_path, ["x", "colour", "label"],
                       [[repr(x), w, k] for x, w, k in rows])
    table = read_csv(path)
    assert table.n_rows == len(rows)
    assert np.array_equal(table.column("x").values, np.array([r[0] for r in rows]))
    assert table.column("x").kind == "numeric"
    assert [str(v) for v in table.column("colour").text] == [r[1] for r in rows]
    assert table.column("colour").kind == "text"
    assert describe_column(table.column("x")) == "numbers"


@SETTINGS
@given(st.integers(6, 40), st.data())
def test_each_planted_problem_is_reported_at_its_cell(tmp_path, n, data):
    rows = [[str(i * 0.5), str(i % 7), ["yes", "no"][i % 2]] for i in range(n)]
    bad_rows = data.draw(st.sets(st.integers(0, n - 1), max_size=3))
    planted = set()
    for i in bad_rows:
        column = data.draw(st.sampled_from([0, 1]))
        rows[i][column] = data.draw(st.sampled_from(["", "NA", "oops"]))
        planted.add((i + 2, ["a", "b"][column]))  # spreadsheet rows: header is row 1
    path = write_table(tmp_path, ["a", "b", "label"], rows, f"p{n}.csv")
    sel = check(read_csv(path), ["a", "b"], "label")
    assert {(p.row, p.column) for p in sel.problems} == planted
    assert sel.total_problems == len(planted)
    assert int(sel.bad_rows.sum()) == len(bad_rows)


def test_montage_tiles_in_rows_with_white_gaps():
    images = np.zeros((5, 2, 3), np.float32)
    images[4] = 0.5
    grid = montage(images, columns=2)
    assert grid.shape == (3 * 2 + 2, 2 * 3 + 1)
    assert np.all(grid[:, 3] == 1.0)            # the gap column
    assert np.all(grid[6:8, 0:3] == 0.5)        # fifth image, third row, first column


def test_scan_folder_counts_without_reading(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    for i in range(3):
        (tmp_path / "a" / f"{i}.png").write_bytes(b"x")
    (tmp_path / "a" / ".DS_Store").write_bytes(b"x")
    assert scan_folder(str(tmp_path)) == [("a", 3), ("b", 0)]
