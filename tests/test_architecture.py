"""The code keeps the shape docs/architecture.md describes.

- the layers hold (import-linter's contracts in pyproject.toml: a package imports only those
  below it, so there is no import circle between packages);
- no module imports another module's private (underscore) names;
- no file in pipeline/ is over 600 lines and no function over 80, but for the exceptions
  listed here with their reason.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pipeline"
MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 80

# path relative to the project (or "path:function") -> why it may be longer
FILE_EXCEPTIONS: dict[str, str] = {}
FUNCTION_EXCEPTIONS: dict[str, str] = {}


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def tool(name: str) -> str:
    """The console script ``name`` installed beside this Python (the project's venv)."""
    found = Path(sys.executable).with_name(name)
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return which


def test_the_layers_hold():
    result = subprocess.run([tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_ruff_finds_nothing():
    result = subprocess.run([tool("ruff"), "check", "pipeline", "schemas", "tests", "training",
                             "bench"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def private_imports(path: Path) -> list[str]:
    """``from x import _name`` lines of ``path`` (dunder names and __future__ aside)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            private = [a.name for a in node.names
                       if a.name.startswith("_") and not a.name.startswith("__")]
            if private:
                found.append(f"{path.name}:{node.lineno} imports {', '.join(private)}")
    return found


def long_functions(path: Path, limit: int = MAX_FUNCTION_LINES) -> list[tuple[str, int, int]]:
    """(name, first line, size) of the functions of ``path`` longer than ``limit`` lines."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            size = node.end_lineno - node.lineno + 1
            if size > limit:
                found.append((node.name, node.lineno, size))
    return found


def test_no_module_imports_private_names():
    offences = [line for path in sources() for line in private_imports(path)]
    assert not offences, "\n".join(offences)


def test_no_file_is_too_long():
    long = [f"{relative(p)}: {n} lines" for p in sources()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_FILE_LINES
            and relative(p) not in FILE_EXCEPTIONS]
    assert not long, "\n".join(long)


def test_no_function_is_too_long():
    long = [f"{relative(path)}:{name} (line {line}): {size} lines"
            for path in sources() for name, line, size in long_functions(path)
            if f"{relative(path)}:{name}" not in FUNCTION_EXCEPTIONS]
    assert not long, "\n".join(long)


def test_the_checks_can_fail(tmp_path):
    """The checks see what they look for: a private import, a long function."""
    bad = tmp_path / "bad.py"
    bad.write_text("from pipeline.io import _hidden, __version__\n\n\ndef f():\n"
                   + "    x = 1\n" * 90)
    assert private_imports(bad) == ["bad.py:1 imports _hidden"]
    assert long_functions(bad) == [("f", 4, 91)]
