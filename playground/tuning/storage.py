"""Study storage URLs: opening them, naming the driver a database needs, and keeping their
secrets.

A password in a URL is never shown, logged or saved: ``masked_url`` is what messages and
the command line print, ``without_password`` is what a project keeps (PostgreSQL then takes
the password from ``PGPASSWORD`` or ``~/.pgpass``; give the full URL with ``--storage``
otherwise). A storage named by a project file is used without asking only when it is a
SQLite file in the project's own folder (``is_project_local``): a project must not point the
search at another application's database.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from playground.errors import TuningError
from playground.i18n import _

SQLITE_WAIT_S = 60          # how long a SQLite connection waits for another writer
CREATE_ATTEMPTS = 5         # tries to open a database another process is setting up

# URL dialect -> (the package pip installs, the module it provides, the extra that installs it)
DRIVERS = {"postgresql": ("psycopg[binary]", "psycopg", "postgres"),
           "mysql": ("PyMySQL", "pymysql", "mysql")}
# SQLAlchemy's default driver per dialect, and what we use instead when only ours is there.
DEFAULT_DRIVER_MODULES = {"postgresql": "psycopg", "mysql": "MySQLdb"}
FALLBACK_DRIVERS = {"mysql": "pymysql"}


def _parse(url: str) -> Any:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url)
    except Exception:  # noqa: BLE001 - SQLAlchemy's ArgumentError and friends
        return None


def masked_url(url: str) -> str:
    """``url`` with its password shown as ***; safe to print and log."""
    parsed = _parse(url) if isinstance(url, str) else None
    if parsed is None:
        text = str(url)
        # Unparseable: hide anything between "user:" and "@" all the same.
        head, sep, rest = text.partition("://")
        if sep and "@" in rest and ":" in rest.split("@", 1)[0]:
            user = rest.split("@", 1)[0].split(":", 1)[0]
            return f"{head}://{user}:***@{rest.split('@', 1)[1]}"
        return text
    return parsed.render_as_string(hide_password=True)


def without_password(url: str) -> str:
    """``url`` without its password (what a project file may keep)."""
    parsed = _parse(url) if isinstance(url, str) and url else None
    if parsed is None or parsed.password is None:
        return url
    from sqlalchemy.engine import URL

    # (URL.set(password=None) keeps the password: None there means "unchanged".)
    bare = URL.create(parsed.drivername, username=parsed.username, host=parsed.host,
                      port=parsed.port, database=parsed.database, query=parsed.query)
    return bare.render_as_string(hide_password=False)


def _hide(text: str, url: str) -> str:
    """``text`` (a driver's message) with the URL's password, if any, replaced by ***."""
    parsed = _parse(url)
    password = parsed.password if parsed is not None else None
    return text.replace(str(password), "***") if password else text


def sqlite_path(url: str) -> Path | None:
    """The file a ``sqlite:///`` URL names (None for other URLs and in-memory ones)."""
    parsed = _parse(url)
    if parsed is None or parsed.get_backend_name() != "sqlite":
        return None
    if not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def is_project_local(url: str, project_path: str | Path) -> bool:
    """True when ``url`` is a SQLite file inside the project's folder (links resolved)."""
    path = sqlite_path(url)
    if path is None:
        return False
    folder = Path(project_path).resolve().parent
    return path.resolve().is_relative_to(folder)


def check_storage_url(url: str) -> None:
    """The checks that need no connection (quick: the app makes them before starting)."""
    if not isinstance(url, str) or "://" not in url or _parse(url) is None:
        raise TuningError(_("The study storage {url} is not a database URL. Use e.g. "
                            "sqlite:///search.db or postgresql://user@host/db.")
                          .format(url=repr(masked_url(url) if isinstance(url, str) else url)))
    path = sqlite_path(url)
    if path is not None and not path.parent.is_dir():
        raise TuningError(_("The study file {path} cannot be created: the folder "
                            "{folder} does not exist.")
                          .format(path=path, folder=path.parent))


def shared_url(url: str) -> bool:
    """False for an in-memory SQLite database, which other processes cannot reach."""
    parsed = _parse(url)
    return parsed is not None and not (parsed.get_backend_name() == "sqlite"
                                       and sqlite_path(url) is None)


def with_available_driver(url: str) -> str:
    """``mysql://`` means the mysqlclient driver to SQLAlchemy; when only PyMySQL (our
    ``[mysql]`` extra) is installed, use that one instead of failing."""
    import importlib.util

    parsed = _parse(url)
    if parsed is None or "+" in parsed.drivername:
        return url
    dialect = parsed.get_backend_name()
    fallback = FALLBACK_DRIVERS.get(dialect)
    default = DEFAULT_DRIVER_MODULES.get(dialect)
    if fallback and default and importlib.util.find_spec(default) is None \
            and importlib.util.find_spec(fallback) is not None:
        return parsed.set(drivername=f"{dialect}+{fallback}").render_as_string(
            hide_password=False)
    return url


def missing_driver_message(url: str, missing: str) -> str:
    parsed = _parse(url)
    dialect = parsed.get_backend_name() if parsed is not None else ""
    if dialect in DRIVERS:
        package, _module, extra = DRIVERS[dialect]
        return _("The study storage {url} needs the database driver {package}, which is not "
                 "installed (Python could not import {missing}). Install it with: pip install "
                 "\"keras-playground[{extra}]\" (or pip install \"{package}\"), or use a "
                 "sqlite:/// URL.").format(url=masked_url(url), package=package,
                                           missing=missing, extra=extra)
    return _("The study storage {url} needs a database driver that is not installed "
             "({driver}). Install it with pip, or use a sqlite:/// URL."
             ).format(url=masked_url(url), driver=missing)


def open_storage(url: str) -> Any:
    """An Optuna storage for ``url``; TuningError naming the URL (password masked) when it
    cannot be opened."""
    check_storage_url(url)
    engine_kwargs: dict[str, Any] = {}
    if url.startswith("sqlite"):
        engine_kwargs = {"connect_args": {"timeout": SQLITE_WAIT_S}}
    try:
        return _rdb_storage(with_available_driver(url), engine_kwargs)
    except ImportError as exc:
        raise TuningError(missing_driver_message(url, exc.name or str(exc))) from None
    except Exception as exc:  # SQLAlchemy's errors (bad URL, refused connection) and more
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise TuningError(_("The study storage {url} cannot be opened: {reason}. Check the "
                            "URL, that the database server runs and that you may use it.")
                          .format(url=masked_url(url), reason=_hide(reason, url))) from None


def _rdb_storage(url: str, engine_kwargs: dict[str, Any]) -> Any:
    """RDBStorage, tried again when another process was creating the same new database
    at that moment (both create the tables: one fails on a unique constraint)."""
    import optuna
    from sqlalchemy.exc import IntegrityError, OperationalError

    for attempt in range(CREATE_ATTEMPTS):
        try:
            return optuna.storages.RDBStorage(url, engine_kwargs=engine_kwargs)
        except (IntegrityError, OperationalError):
            if attempt == CREATE_ATTEMPTS - 1:
                raise
            time.sleep(0.2 * (attempt + 1))  # the other process finishes its tables
    raise AssertionError("unreachable")
