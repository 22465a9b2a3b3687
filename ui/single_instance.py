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
        self.name = name or server_name()
        self.listening = self._listen()

    def _listen(self) -> bool:
        if self._server.listen(self.name):
            return True
        # A socket file left by an app that crashed: nobody answered it (the caller tried),
        # so it is removed and the name taken again.
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            buffer = bytearray()

            def read(socket: QLocalSocket = socket, buffer: bytearray = buffer) -> None:
                buffer.extend(bytes(socket.readAll().data()))
                while b"\n" in buffer:
                    line, _, rest = bytes(buffer).partition(b"\n")
                    buffer[:] = rest
                    text = line.decode("utf-8", errors="replace").strip()
                    if text:
                        self.fileRequested.emit(text)

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                read()

    def close(self) -> None:
        self._server.close()


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
