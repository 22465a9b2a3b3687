"""Safe writes: a temporary file in the same folder, flushed to disk, then renamed over the
target. An interrupted or failed save leaves the previous file exactly as it was."""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import IO, Iterator


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux's
    /proc); elsewhere set and restored at once."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode(target: Path) -> int:
    """The mode a save of ``target`` should leave: the old file's when it is replaced,
    else what the user's umask gives a new file."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def private_dir_mode() -> int:
    """What the user's umask gives a new folder (mkdtemp makes 0700)."""
    return 0o777 & ~current_umask()


@contextlib.contextmanager
def atomic_path(path: str | Path, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary path beside ``path`` for someone else to write (e.g. Keras, which
    wants the ``.keras`` suffix); on success it is flushed to disk and replaces ``path``
    atomically, on error it is removed and ``path`` is untouched."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix,
                                    dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        mode = file_mode(target)
        yield tmp
        os.chmod(tmp, mode)  # mkstemp makes 0600: the file gets what a plain save would
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[IO[bytes]]:
    """Yield a binary file object; on success it replaces ``path`` atomically."""
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        yield fh


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    with atomic_writer(path) as fh:
        fh.write(data)


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
