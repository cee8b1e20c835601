"""The house, read from the source: the limits issue 16 set, so the code stays easy to find.

No import cycle between modules (lazy imports inside functions count too: a cycle is a cycle
whenever it closes; an import under `if TYPE_CHECKING:` never runs and is left out: the
content model's mutually recursive types, legal items inside body items inside articles, need
one), no module over 450 lines, no function over 60, no command module over 150, at most six
file names used twice (the readers mirror the writers), no command module imported by another
module.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

from briefing import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "briefing"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {_name(p): p for p in MODULES}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(path: Path) -> set[str]:
    """Modules of the project `path` imports (a `from package import module` names the module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _name(path) if path.name == "__init__.py" else _name(path).rpartition(".")[0]
    found: set[str] = set()
    typing_only = {id(inner) for node in ast.walk(tree)
                   if isinstance(node, ast.If) and _is_type_checking(node.test)
                   for statement in node.body for inner in ast.walk(statement)}
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name in NAMES and name != _name(path)}


def _cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), ignoring a package's
    `__init__` re-exporting its own modules."""
    graph = {name: {m for m in _imports(path)
                    if not (path.name == "__init__.py" and m.startswith(name + "."))}
             for name, path in NAMES.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return groups


def test_no_import_cycle():
    assert _cycles() == []


def test_no_module_over_450_lines():
    long = {str(p.relative_to(PROJECT_ROOT)): n for p in MODULES
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450}
    assert long == {}


def test_no_function_over_60_lines():
    long = []
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > 60:
                    long.append(f"{path.relative_to(PROJECT_ROOT)}:{node.name} ({length})")
    assert long == []


def test_command_modules_stay_thin():
    commands = [p for p in (PACKAGE / "commands").glob("*.py") if p.name != "__init__.py"]
    long = {p.name: n for p in commands if (n := len(p.read_text().splitlines())) > 150}
    assert long == {}
    importers = {name for name, path in NAMES.items() if not name.startswith("briefing.commands")
                 and name != "briefing.cli"
                 and any(m.startswith("briefing.commands.") for m in _imports(path))}
    assert importers == set()


def test_few_file_names_used_twice():
    names = Counter(p.name for p in MODULES if p.name != "__init__.py")
    twice = sorted(name for name, count in names.items() if count > 1)
    assert all(names[n] == 2 for n in twice), twice
    assert len(twice) <= 6, twice
