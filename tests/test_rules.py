"""The rules of the layers, checked on every run by reading the source (no imports, so nothing is skipped).

- Only services/ and store/ import the store: the views and the command line go through services.
- Only the workspace opens or creates a register (store/ defines how); every other module asks it.
- Nothing opens a register file except through SQLite: a plain open() of the file, closed again,
  drops the POSIX locks SQLite holds on it in this process (sqlite.org/howtocorrupt.html, 2.2).
- services/ never names a table or writes SQL: it calls store/ functions that say what they do, and never
  the register's row methods (get, insert, update, delete, query...) or its database handle.
- cli/ never hands a table's name to anything: it says which kind of record it edits (cli_lookup.Record),
  and store/ alone knows the table.
"""
from __future__ import annotations

import ast
import re
from typing import TypeGuard
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "csp_desktop"
WORKSPACE = "services/workspace.py"
# store/ modules that never touch any file but the register (migrations reads its own .sql scripts).
REGISTER_FILE_MODULES = ("store/register.py", "store/access.py", "store/maintenance.py", "store/errors.py",
                         WORKSPACE)
PLAIN_OPENS = {"open", "read_bytes", "read_text", "write_bytes", "write_text", "fdopen"}


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        yield rel, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imported(rel: str, tree: ast.AST):
    """Every module name `rel` imports, relative imports resolved (csp_desktop.x.y)."""
    package = ["csp_desktop", *rel.split("/")[:-1]]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def test_only_services_and_store_import_the_store():
    offenders = sorted({rel for rel, tree in modules() if not rel.startswith(("services/", "store/"))
                        for name in imported(rel, tree)
                        if name == "csp_desktop.store" or name.startswith("csp_desktop.store.")})
    assert offenders == []


def test_only_the_workspace_opens_a_register():
    offenders = sorted({f"{rel}:{node.lineno}" for rel, tree in modules()
                        if rel != WORKSPACE and not rel.startswith("store/")
                        for node in ast.walk(tree)
                        if isinstance(node, ast.Attribute) and node.attr in ("open", "create")
                        and isinstance(node.value, ast.Name) and node.value.id == "Register"})
    assert offenders == []


def test_the_register_file_is_opened_only_through_sqlite():
    offenders = sorted(f"{rel}:{node.lineno}" for rel, tree in modules() if rel in REGISTER_FILE_MODULES
                       for node in ast.walk(tree) if isinstance(node, ast.Call) and _plain_open(node.func))
    assert offenders == []


def _plain_open(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id == "open"
    if isinstance(func, ast.Attribute) and func.attr in PLAIN_OPENS:
        # Register.open is the SQLite opening itself; sqlite3's own calls are not file opens either.
        return not (isinstance(func.value, ast.Name) and func.value.id in ("Register", "cls", "sqlite3"))
    return False


# The register's row-level methods and its database handle: store/ alone uses them.
ROW_METHODS = {"get", "insert", "insert_many", "update", "delete", "query", "execute", "executemany",
               "executescript", "table", "db"}
REGISTER_NAMES = {"reg", "register"}  # what services call a Register (self.reg too)
SQL = re.compile(r"\s*(select\b.*\bfrom\b|insert\s+into\b|update\s+\[?\w+\]?\s+set\b|delete\s+from\b|pragma\b|"
                 r"(create|drop|alter)\s+(table|index|view|trigger)\b|with\s+\w+\s+as\s*\()", re.I | re.S)


def test_services_name_no_table_and_write_no_sql():
    offenders = sorted(f"{rel}:{node.lineno}" for rel, tree in modules() if rel.startswith("services/")
                       for node in ast.walk(tree) if _register_row_access(node) or _sql_text(node))
    assert offenders == []


def _register_row_access(node: ast.AST) -> TypeGuard[ast.Attribute]:
    """reg.get(...), self.reg.insert(...), register.db...: the register reached below its operations."""
    if not (isinstance(node, ast.Attribute) and node.attr in ROW_METHODS):
        return False
    owner = node.value
    name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
    return name in REGISTER_NAMES


def _sql_text(node: ast.AST) -> TypeGuard[ast.Constant]:
    """A string that reads as an SQL statement (a table name alone is caught as the register's argument)."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(SQL.match(node.value))


# The register's tables, as the migrations create them.
TABLES = {m.group(1).lower() for path in (PACKAGE.parent / "db").glob("*.sql")
          for m in re.finditer(r"create\s+table\s+(?:if\s+not\s+exists\s+)?\W?(\w+)", path.read_text("utf-8"), re.I)}
# click's declarations name the command line's own options and choices ("--owner", "owners"; --table risks).
CLICK_CALLS = {"option", "argument", "Choice"}


def test_the_command_line_passes_no_table_name():
    offenders = sorted(f"{rel}:{node.lineno}" for rel, tree in modules() if rel.startswith("cli/")
                       for node in ast.walk(tree) if _table_argument(node))
    assert offenders == []


def _table_argument(node: ast.AST) -> TypeGuard[ast.Call]:
    """guarded(reg, "risks", ...), version(reg, table="owners"): a call given a table's name as a string."""
    if not isinstance(node, ast.Call):
        return False
    called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
    given = [*node.args, *(k.value for k in node.keywords)]
    return called not in CLICK_CALLS and any(isinstance(a, ast.Constant) and a.value in TABLES for a in given)


def test_the_rules_see_what_they_look_for():
    """The checks would catch an offender (so an empty list above means something)."""
    tree = ast.parse("from ...store import Register\nRegister.open(p)\nwith p.open('rb'): pass\n")
    assert "csp_desktop.store" in set(imported("ui/x/y.py", tree))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    assert [_plain_open(c.func) for c in calls] == [False, True]
    tree = ast.parse("reg.get('risks', i)\nself.reg.insert(t, r)\nregister.db.conn\nrow.get('x')\n"
                     "q = 'SELECT id FROM risks'\nsay = 'Update the risk'\n")
    assert sum(map(_register_row_access, ast.walk(tree))) == 3
    assert sum(map(_sql_text, ast.walk(tree))) == 1
    assert {"risks", "actions", "owners", "meetings", "register_info"} <= TABLES
    tree = ast.parse("find.guarded(reg, 'actions', i, label, v)\nversion(reg, table='owners', row_id=i)\n"
                     "find.guarded(reg, find.Record.ACTION, i, label, v)\nemit(rows, ('risk', 'owner'))\n"
                     "click.option('--owner', 'owners', multiple=True)\n")
    assert [_table_argument(n) for n in ast.walk(tree) if isinstance(n, ast.Call)].count(True) == 2
