"""One window per user for files opened from the desktop: ``keras-playground FILE`` (a
double-click on a ``.kpg``) while the app runs hands the file to the running app, which
opens it, instead of starting a second one.

The running app listens on a QLocalServer whose name is made from the user's data folder
(per user, and per PLAYGROUND_CONFIG_DIR: tests never meet a real instance). A start with
a file first tries that server: when it answers, the path is sent as one UTF-8 line and
the new process ends. Without a file, or when nobody answers, the app starts as usual.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from playground.files.userdata import user_data_dir

CONNECT_MS = 500
WRITE_MS = 2000


def server_name() -> str:
    folder = str(user_data_dir().resolve())
    digest = hashlib.sha256(folder.encode("utf-8")).hexdigest()[:16]
    return f"keras-playground-{digest}"


def send_to_running(path: Path, name: str | None = None) -> bool:
    """True when a running app took ``path`` (it opens it); False when none answers."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write((str(path.resolve()) + "\n").encode("utf-8"))
    sent = socket.waitForBytesWritten(WRITE_MS)
    socket.disconnectFromServer()
    return sent


class InstanceServer(QObject):
    """The running app's end: emits ``fileRequested(path)`` for each file sent to it."""

    fileRequested = Signal(str)

    def __init__(self, parent: QObject | None = None, name: str | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytearray] = {}
        self.name = name or server_name()
        self.listening = self._listen()

    def _listen(self) -> bool:
        """Take the name; False when another running app holds it (this one then starts
        as a window of its own, and files keep going to the first). Asked before listening:
        Qt's listen() would replace the other app's socket file."""
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(CONNECT_MS):
            probe.disconnectFromServer()
            return False
        # Nobody answers: any socket file is left by an app that crashed.
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(self._drop)
            self._take_lines(socket)

    def _read(self) -> None:
        self._take_lines(self.sender())

    def _drop(self) -> None:
        socket = self.sender()
        self._take_lines(socket)
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _take_lines(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer.extend(bytes(socket.readAll().data()))
        while b"\n" in buffer:
            line, _, rest = bytes(buffer).partition(b"\n")
            buffer[:] = rest
            text = line.decode("utf-8", errors="replace").strip()
            if text:
                self.fileRequested.emit(text)

    def close(self) -> None:
        """Stop listening (the socket file goes) and let go of the connections."""
        self._server.close()
        for socket in list(self._buffers):
            socket.deleteLater()
        self._buffers.clear()


def connect_window(server: InstanceServer, open_path: Callable[[Path], None],
                   raise_window: Callable[[], None]) -> None:
    def opened(text: str) -> None:
        raise_window()
        open_path(Path(text))

    server.fileRequested.connect(opened)


def forward_if_running(args: list[str]) -> bool:
    """Hand ``args[0]`` (a file) to a running app; True when it took it."""
    if not args:
        return False
    return send_to_running(Path(args[0]))


__all__ = ["InstanceServer", "connect_window", "forward_if_running", "send_to_running",
           "server_name"]
