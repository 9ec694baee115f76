"""One register is one SQLite file. Every write is one transaction that also writes its audit rows."""
from __future__ import annotations

import contextlib
import getpass
import json
import logging
import os
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from ..domain.model import new_id
from ..domain.scoring import Scheme, SchemeError, default_5x5
from . import migrations
from .connection import (check_is_register, check_path, connect, explained, keep_copy_before_upgrade,
                         journal_mode, refuse_if_held_elsewhere, run_migrations, unreadable)
from .damage import DAMAGE, quick_check
from .errors import ConflictError, NotARegisterError, RegisterBug, RegisterError
from .writer_lock import WriterLock

log = logging.getLogger(__name__)


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def default_who() -> str:
    try:
        return os.environ.get("CSP_DESKTOP_USER") or getpass.getuser()
    except Exception:  # getuser raises when no user name can be found at all
        return "unknown"


class Register:
    """An open register file. Use `Register.create` for a new one, `Register.open` for an existing one."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool, who: str):
        self.path = path
        self.read_only = read_only
        self.who = who
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self._scheme: Scheme | None = None
        self.closed = False
        self.writer_lock: WriterLock | None = None  # held by whoever opened it to write; let go on close

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def create(cls, path, name: str, scheme: Scheme | None = None, *, who: str | None = None) -> "Register":
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise RegisterError(f"{path.name} already exists; choose another name or open it instead.")
        conn = connect(path, read_only=False)
        try:
            conn.execute(f"PRAGMA journal_mode = {journal_mode(path)}")
            migrations.stamp_new(conn)
            run_migrations(conn, path)
            register = cls(path, conn, read_only=False, who=who or default_who())
            with register.transaction():
                register.insert("register_info", {"name": name,
                                                  "scheme": json.dumps((scheme or default_5x5()).to_dict()),
                                                  "created_at": now_utc()})
        except BaseException:
            conn.close()
            raise
        return register

    @classmethod
    def open(cls, path, *, read_only: bool = False, who: str | None = None) -> "Register":
        """Open an existing register. A writable open refuses a damaged file (RegisterDamaged); a read-only
        one still opens it, so that it can be checked and read."""
        path = Path(path)
        check_path(path)
        conn = connect(path, read_only=read_only)
        try:
            check_is_register(conn, path)
            if not read_only:
                refuse_if_held_elsewhere(path)
                DAMAGE.refuse_if_damaged(path)
                DAMAGE.check(path, quick_check(conn))
                # only now: never turn someone else's file to WAL
                conn.execute(f"PRAGMA journal_mode = {journal_mode(path)}")
                if migrations.schema_version(conn) < migrations.latest_version():
                    keep_copy_before_upgrade(conn, path)
                    run_migrations(conn, path)
            register = cls(path, conn, read_only=read_only, who=who or default_who())
            register.info()
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            conn.close()
            raise unreadable(explained(exc, path), path) from exc
        except RegisterBug as exc:
            conn.close()
            raise unreadable(exc, path) from exc
        except BaseException:
            conn.close()
            raise
        return register

    def quick_check(self, thorough: bool = True) -> None:
        """Refuse (RegisterDamaged) when SQLite finds damage. Run before the big writes (imports, returns,
        restores), thoroughly by default: opening runs the quick one."""
        DAMAGE.refuse_if_damaged(self.path)
        try:
            DAMAGE.check(self.path, quick_check(self.db.conn, thorough))
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            raise self._explained(exc) from exc

    def close(self) -> None:
        self.closed = True
        try:
            self.db.close()
        finally:
            if self.writer_lock is not None:
                self.writer_lock.release()
                self.writer_lock = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- reading ---------------------------------------------------------------------------------

    def query(self, sql: str, params: Iterable | dict = ()) -> list[dict]:
        try:
            return list(self.db.query(sql, params))  # type: ignore[arg-type]  # any sequence or mapping sqlite3 takes
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            raise self._explained(exc) from exc

    def _explained(self, exc: sqlite3.Error | UnicodeDecodeError) -> RegisterError | RegisterBug:
        return explained(exc, self.path)

    def get(self, table: str, row_id: str) -> dict | None:
        rows = self.query(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
        return rows[0] if rows else None

    def info(self) -> dict:
        rows = self.query("SELECT * FROM register_info LIMIT 1")
        if not rows:
            raise NotARegisterError(f"{self.path.name} has no register details; it is damaged.")
        return rows[0]

    @property
    def name(self) -> str:
        return self.info()["name"]

    @property
    def scheme(self) -> Scheme:
        if self._scheme is None:
            try:
                self._scheme = Scheme.from_dict(json.loads(self.info()["scheme"]))
            except (ValueError, SchemeError) as exc:
                raise RegisterError(f"The scoring scheme stored in {self.path.name} is damaged ({exc}).") from exc
        return self._scheme

    def schema_version(self) -> int:
        return migrations.schema_version(self.db.conn)

    # -- writing ---------------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator["Register"]:
        """All or nothing: the writes inside commit together with their audit rows, or none do.

        The outermost one is BEGIN IMMEDIATE, so a second writer waits the busy timeout for the first
        instead of failing at once when its read turns into a write; inner ones are savepoints.
        """
        if self.read_only:
            raise RegisterError(f"{self.path.name} is open read-only, so nothing was changed.")
        DAMAGE.refuse_if_damaged(self.path)
        conn = self.db.conn
        outermost = not conn.in_transaction
        try:
            if not outermost:
                with self.db.atomic():  # a savepoint: undone alone, the outer transaction carries on
                    yield self
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                _rollback(conn)
                raise
            conn.execute("COMMIT")
        except BaseException as exc:
            self._scheme = None  # a rolled-back scheme change must not linger in the cache
            if outermost:
                _rollback(conn)  # COMMIT itself failed (disk full, damage): leave nothing open
            if isinstance(exc, (sqlite3.Error, UnicodeDecodeError)):
                raise self._explained(exc) from exc
            raise

    def insert(self, table: str, row: dict) -> str:
        return self.insert_many(table, [row])[0]

    def insert_many(self, table: str, rows: Iterable[dict]) -> list[str]:
        """Insert rows that share one set of columns, with one audit row each."""
        self._require_transaction()
        stamped = [{**row, "id": row.get("id") or new_id(), "version": 1} for row in rows]
        if not stamped:
            return []
        at, who = now_utc(), self.who
        self._insert_rows(table, stamped)
        self._insert_rows("audit", [
            {"id": new_id(), "at": at, "who": who, "tbl": table, "row_id": row["id"], "change": "insert",
             "field": None, "old": None, "new": json.dumps(row, default=str, ensure_ascii=False)}
            for row in stamped])
        return [row["id"] for row in stamped]

    def _insert_rows(self, table: str, rows: list[dict]) -> None:
        columns = list(rows[0])
        if any(len(row) != len(columns) for row in rows):
            raise RuntimeError(f"Rows for {table} must all have the same columns.")
        names = ", ".join(f"[{c}]" for c in columns)
        marks = ", ".join("?" for _ in columns)
        self.db.conn.executemany(f"INSERT INTO [{table}] ({names}) VALUES ({marks})",
                                 [[row[c] for c in columns] for row in rows])

    def update(self, table: str, row_id: str, changes: dict, expected_version: int | None = None) -> dict:
        """Write the fields that differ; returns {field: (old, new)} for what changed."""
        self._require_transaction()
        current = self._current(table, row_id, expected_version)
        changed = {k: (current[k], v) for k, v in changes.items() if current.get(k) != v}
        if not changed:
            return {}
        values = {k: new for k, (_, new) in changed.items()}
        self.db.table(table).update(row_id, {**values, "version": current["version"] + 1})
        at, who = now_utc(), self.who
        self.db.table("audit").insert_all(
            {"id": new_id(), "at": at, "who": who, "tbl": table, "row_id": row_id, "change": "update",
             "field": k, "old": _text(old), "new": _text(new)} for k, (old, new) in changed.items())
        return changed

    def delete(self, table: str, row_id: str, expected_version: int | None = None) -> None:
        self._require_transaction()
        current = self._current(table, row_id, expected_version)
        self.db.table(table).delete(row_id)
        self.db.table("audit").insert({"id": new_id(), "at": now_utc(), "who": self.who, "tbl": table, "row_id": row_id,
                                 "change": "delete", "field": None,
                                 "old": json.dumps(current, default=str, ensure_ascii=False), "new": None})

    # The register's own details (name, scheme, cadence) share one row, so one version: `expected_version` is
    # that row's version when the user read them, and a change made since is refused (ConflictError).

    def set_scheme(self, scheme: Scheme, expected_version: int | None = None) -> None:
        with self.transaction():
            self.update("register_info", self.info()["id"], {"scheme": json.dumps(scheme.to_dict())}, expected_version)
            self._scheme = None  # read again, so a rolled-back outer transaction leaves no stale copy

    def rename(self, name: str, expected_version: int | None = None) -> None:
        with self.transaction():
            self.update("register_info", self.info()["id"], {"name": name}, expected_version)

    def check_info_version(self, expected_version: int | None) -> None:
        """Refuse early (before a backup is taken, say) if the register's details changed since read."""
        self._current("register_info", self.info()["id"], expected_version)

    def _current(self, table: str, row_id: str, expected_version: int | None) -> dict:
        current = self.get(table, row_id)
        if current is None:
            raise ConflictError("That item is no longer in the register (it may have been deleted).")
        if expected_version is not None and current["version"] != expected_version:
            if table == "register_info":  # Settings: the name, scheme and cadence share this row
                raise ConflictError("The register's name, scheme or review cadence was changed in another window "
                                    "since you read them, so nothing was saved; save again to replace that change.")
            raise ConflictError("That item was changed since you started editing it; reload and try again.")
        return current

    def _require_transaction(self) -> None:
        if not self.db.conn.in_transaction:
            raise RuntimeError("Register writes must happen inside Register.transaction().")


def _rollback(conn: sqlite3.Connection) -> None:
    """Undo an open transaction; a failing rollback must not hide the error that caused it."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            log.warning("Rollback failed", exc_info=True)


def _text(value) -> str | None:
    return None if value is None else str(value)
