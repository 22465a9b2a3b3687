"""Reading any CSV table fast and finding out what each column holds.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is
row 2 (without a header, the first data row is row 1), so a problem "row 7, column
'age'" is found where the user looks. Parsing is column-wise with numpy: 100,000 rows of
ten columns read in well under a second (see benchmarks/bench_csv.py).
"""
from __future__ import annotations

import csv
import io
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from playground.errors import DatasetError
from playground.i18n import _

MISSING_TOKENS = ("", "na", "n/a", "nan", "null", "none", "?", "-", "--", "#n/a", "missing")
# Spelled as files spell them (NA, NaN, Null...): matching these avoids lower-casing every cell.
_MISSING_SPELLINGS = np.array(sorted({spell(t) for t in MISSING_TOKENS
                                      for spell in (str.lower, str.upper, str.title,
                                                    str.capitalize)} | {"NaN"}))
DELIMITERS = ",;\t|"
MAX_FILE_BYTES = 2_000_000_000


@dataclass(frozen=True)
class Problem:
    """Something wrong in the table, with where it is (row as a spreadsheet shows it)."""

    message: str
    column: str | None = None
    row: int | None = None

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(_("row {row}").format(row=self.row))
        if self.column is not None:
            where.append(_("column '{column}'").format(column=self.column))
        return (", ".join(where).capitalize() + ": " if where else "") + self.message


@dataclass
class Column:
    name: str
    text: np.ndarray          # stripped cell text (numpy unicode array)
    values: np.ndarray        # float64, NaN where missing or not a number
    missing: np.ndarray       # bool: empty or a "missing" token such as NA
    kind: str                 # "numeric" or "text"

    @property
    def bad_numbers(self) -> np.ndarray:
        """Cells of a numeric column that hold text instead of a number."""
        return ~self.missing & np.isnan(self.values)

    def unique_text(self, mask: np.ndarray | None = None) -> list[str]:
        """Distinct cell texts, sorted (a set is far faster than np.unique on text)."""
        cells = self.text[~self.missing if mask is None else (~self.missing & mask)]
        return sorted(set(cells.tolist()))


@dataclass
class CsvTable:
    path: str
    columns: list[Column]
    first_row: int                    # spreadsheet number of the first data row
    problems: list[Problem] = field(default_factory=list)   # ragged rows
    ragged_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    delimiter: str = ","
    encoding: str = "utf-8-sig"       # how the file's bytes were read (the snippet reads alike)
    decode_errors: str = "strict"     # "replace" when some bytes were not valid in it
    warnings: list[str] = field(default_factory=list)  # said to the user, not refused

    @property
    def n_rows(self) -> int:
        return len(self.columns[0].text) if self.columns else 0

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise DatasetError((_("The table {name} has no column named {name2!r}. Its columns are: "
                              "{column_names}.")
                              .format(name=Path(self.path).name, name2=name, column_names=', '.join(self.column_names))))

    def row_number(self, index: int | np.ndarray) -> int | np.ndarray:
        return index + self.first_row

    def preview_rows(self, count: int = 20) -> list[list[str]]:
        n = min(count, self.n_rows)
        return [[str(c.text[i]) for c in self.columns] for i in range(n)]


_cache: dict[tuple[str, int, int, bool], CsvTable] = {}
_cache_lock = threading.Lock()


def read_csv(path: str | os.PathLike[str], has_header: bool = True) -> CsvTable:
    """Read a table (delimiter guessed among , ; tab |), classifying every column.

    Raises DatasetError if the file is missing, empty, not text, or has no columns.
    Results are cached by path, size and modification time.
    """
    path = Path(path).expanduser()
    try:
        stat = path.stat()
    except OSError as exc:
        raise DatasetError((_("The table file {path} cannot be opened ({strerror}). Check the path, or "
                              "pick the file again.")
                              .format(path=path, strerror=exc.strerror))) from exc
    if not path.is_file():
        raise DatasetError((_("{path} is a folder, not a table file. Pick a .csv file.")
                              .format(path=path)))
    if stat.st_size > MAX_FILE_BYTES:
        raise DatasetError((_("{name} is {value:.1f} GB: too large to load into memory. Use a smaller "
                              "sample of the rows.")
                              .format(name=path.name, value=stat.st_size / 1e9)))
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, has_header)
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    text, encoding, errors, warnings = _read_text(path)
    table = _parse(path, text, has_header)
    table.encoding, table.decode_errors, table.warnings = encoding, errors, warnings
    with _cache_lock:
        _cache.clear()  # keep one table: they can be large
        _cache[key] = table
    return table


def _read_text(path: Path) -> tuple[str, str, str, list[str]]:
    """The file's text, the encoding and error mode it was read with, and a warning when
    its bytes are not all valid UTF-8 (the exported program reads the file the same way)."""
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise DatasetError((_("{name} is not a text table (it looks like a binary file, e.g. a "
                              "spreadsheet). Save it as CSV from your spreadsheet program.")
                              .format(name=path.name)))
    try:
        return raw.decode("utf-8-sig"), "utf-8-sig", "strict", []
    except UnicodeDecodeError as error:
        first_bad = error.start
    return _guess_encoding(path, raw, first_bad)


def _guess_encoding(path: Path, raw: bytes, first_bad: int) -> tuple[str, str, str, list[str]]:
    """Not UTF-8: a file that is UTF-8 but for a few stray bytes keeps its UTF-8 text (one
    Latin-1 byte must not turn every accent of the file into mojibake) with the stray
    bytes shown as U+FFFD; otherwise the encoding charset-normalizer finds (cp1252 when it
    finds none). Either way the user is told, with the line of the first bad byte."""
    line = raw.count(b"\n", 0, first_bad) + 1
    replaced = raw.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - raw.count("\ufffd".encode())
    multibyte = sum(1 for ch in replaced if ord(ch) > 127 and ch != "\ufffd")
    if multibyte >= bad:  # mostly UTF-8: keep it, mark the stray bytes
        text = raw.decode("utf-8-sig", errors="replace")
        return text, "utf-8-sig", "replace", [_(
            "{name} is not valid UTF-8: {count} byte(s) could not be read (the first on line "
            "{line}) and show as \ufffd. Save the file as UTF-8 to keep those characters.")
            .format(name=path.name, count=bad, line=line)]
    encoding = "cp1252"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw[:1_000_000]).best()
        if best is not None and best.encoding:
            encoding = best.encoding
    except ImportError:
        pass
    try:
        text = raw.decode(encoding)
        errors = "strict"
    except (UnicodeDecodeError, LookupError):
        encoding, errors = "latin-1", "strict"
        text = raw.decode(encoding)
    return text, encoding, errors, [_(
        "{name} is not UTF-8 (the first such byte is on line {line}); it was read as "
        "{encoding}. Check that the text looks right, or save the file as UTF-8.")
        .format(name=path.name, line=line, encoding=encoding)]


def _sniff_delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        # The sniffer gives up on one-column or irregular files: count instead.
        first = sample.splitlines()[0] if sample else ""
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=counts.get)  # type: ignore[arg-type]
        return best if counts[best] else ","


def _parse(path: Path, text: str, has_header: bool) -> CsvTable:
    if not text.strip():
        raise DatasetError((_("{name} is empty. A table needs a header row and data rows.")
                              .format(name=path.name)))
    delimiter = _sniff_delimiter(text[:65536])
    try:
        rows = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
                if r and "".join(r).strip()]
    except csv.Error as exc:
        raise DatasetError((_("{name} is not a valid CSV table: {exc}.")
                              .format(name=path.name, exc=exc))) from exc
    if not rows:  # only separators and blanks, e.g. ",,,"
        raise DatasetError(_("{name} has no values, only separators. A table needs a header row and "
                             "data rows.").format(name=path.name))
    # Made-up column names are data (a project saves its target by name): never translated.
    header = rows[0] if has_header else [f"column {i + 1}" for i in range(len(rows[0]))]
    body = rows[1:] if has_header else rows
    first_row = 2 if has_header else 1
    if not body:
        raise DatasetError(_("{name} has a header but no data rows.").format(name=path.name))
    names = _column_names(header)
    width = len(names)
    problems: list[Problem] = []
    ragged = np.zeros(len(body), dtype=bool)
    for i, row in enumerate(body):
        if len(row) != width:
            ragged[i] = True
            if len(problems) < 100:
                problems.append(Problem((_("has {row} values but the header has {width} columns.")
                                           .format(row=len(row), width=width)), None, i + first_row))
            row[:] = (row + [""] * width)[:width]
    # Column lists by comprehension, not zip(*body): as fast, and it lets other threads
    # (the UI) run meanwhile instead of holding the interpreter for 100 ms.
    cells = [[row[j] for row in body] for j in range(width)]
    columns = [_make_column(name, cells[j]) for j, name in enumerate(names)]
    return CsvTable(str(path), columns, first_row, problems, ragged, delimiter)


def _column_names(header: list[str]) -> list[str]:
    names: list[str] = []
    for i, raw in enumerate(header):
        name = raw.strip() or f"column {i + 1}"
        base, n = name, 2
        while name in names:
            name, n = f"{base} ({n})", n + 1
        names.append(name)
    return names


def _make_column(name: str, cells: list[str]) -> Column:
    text = np.char.strip(np.asarray(cells, dtype=str))
    missing = np.isin(text, _MISSING_SPELLINGS)
    values = np.full(len(text), np.nan)
    present = ~missing
    try:
        values[present] = text[present].astype(np.float64)
    except ValueError:
        # Some cells are not numbers: convert each distinct text once to find which
        # (text columns repeat a few categories, so this stays fast).
        seen: dict[str, float] = {}
        values[present] = [seen[c] if c in seen else seen.setdefault(c, _to_float(c))
                            for c in text[present].tolist()]
    values[np.isinf(values)] = np.nan  # "inf" is not a usable measurement either
    numbers = int(np.count_nonzero(~np.isnan(values)))
    filled = int(np.count_nonzero(present))
    kind = "numeric" if filled and numbers * 2 >= filled else "text"
    return Column(name, text, values, missing, kind)


def _to_float(cell: str) -> float:
    try:
        return float(cell)
    except ValueError:
        return float("nan")
