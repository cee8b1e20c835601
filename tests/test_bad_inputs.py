"""The corpus of bad inputs (tests/bad_inputs/*.yaml) through the real command line.

Each file starts with its expectation:

    # expect: LINE:COL SEVERITY: fragment of the message
    # hint: fragment of the hint (or -)
    # exit: exit code of `build.py check [ARGS] FILE`
    # args: extra arguments (or -)
    # about: what the file shows

`check` must print a line starting with exactly `FILE:LINE:COL: SEVERITY: ` that contains the
fragment (and the hint), exit with the code, and write nothing. `build` must refuse every file
that has errors, writing nothing either.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing import PROJECT_ROOT
from briefing.cli import main, shown

CORPUS = Path(__file__).parent / "bad_inputs"
HEADER = re.compile(r"# expect: (?P<line>\d+):(?P<col>\d+) (?P<severity>error|warning): "
                    r"(?P<fragment>.*)\n# hint: (?P<hint>.*)\n# exit: (?P<exit>\d)\n"
                    r"# args: (?P<args>.*)\n# about: (?P<about>.*)\n")


@dataclass(frozen=True)
class Expected:
    path: Path
    line: int
    col: int
    severity: str
    fragment: str
    hint: str
    exit: int
    args: tuple[str, ...]

    @property
    def prefix(self) -> str:
        return f"{shown(self.path)}:{self.line}:{self.col}: {self.severity}: "


def _expected(path: Path) -> Expected:
    head = path.read_bytes()[:1000].decode("utf-8", "replace")
    match = HEADER.match(head)
    assert match, f"{path.name}: no expectation header"
    return Expected(
        path, int(match["line"]), int(match["col"]), match["severity"], match["fragment"],
        "" if match["hint"] == "-" else match["hint"], int(match["exit"]),
        () if match["args"] == "-" else tuple(match["args"].split()))


CASES = [_expected(p) for p in sorted(CORPUS.glob("*.yaml"))]
#: a figure over the size limit, made sparse at test time rather than kept in git
HUGE_FIGURE = CORPUS / "media" / "huge.jpg"


@pytest.fixture(autouse=True, scope="module")
def huge_figure():
    """A 20 MB 'JPEG': its first bytes are a JPEG's, the rest a hole the file system keeps
    for free; the size check must refuse it before reading a byte."""
    if not HUGE_FIGURE.exists() or HUGE_FIGURE.stat().st_size != 20_000_000:
        with HUGE_FIGURE.open("wb") as handle:
            handle.write(b"\xff\xd8\xff\xe0")
            handle.truncate(20_000_000)
    return HUGE_FIGURE
ERROR_CASES = [c for c in CASES if c.exit == 2]


def test_corpus_is_large_enough():
    assert len(CASES) >= 40
    assert {c.severity for c in CASES} == {"error", "warning"}
    assert {c.exit for c in CASES} == {0, 1, 2}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.path.stem)
def test_check_reports_position_and_exit_code(case: Expected, capsys, monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    source = case.path.read_bytes()
    outputs = _listing(PROJECT_ROOT / "output")
    corpus = _listing(CORPUS)
    code = main(["check", *case.args, shown(case.path)])
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith(case.prefix)]
    assert lines, f"no line starts with {case.prefix!r}:\n{err}"
    assert any(case.fragment in line for line in lines), err
    if case.hint:
        assert any(case.fragment in line and case.hint in line for line in lines), err
    assert code == case.exit, err
    assert case.path.read_bytes() == source  # check never touches its input
    assert _listing(PROJECT_ROOT / "output") == outputs and _listing(CORPUS) == corpus


def _listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda c: c.path.stem)
def test_build_refuses_and_writes_nothing(case: Expected, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    out = tmp_path / "out"
    code = main(["build", shown(case.path), "--format", "pdf", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert any(line.startswith(shown(case.path) + ":") for line in err.splitlines()), err
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("name", ["unknown-block-kind", "yaml-billion-laughs", "not-utf8"])
def test_check_in_a_separate_process(name: str):
    """A few through `python build.py check` itself: exit code and stderr as a shell sees."""
    case = next(c for c in CASES if c.path.stem == name)
    result = subprocess.run([sys.executable, "build.py", "check", shown(case.path)],
                            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == case.exit, result.stderr
    assert any(line.startswith(case.prefix) and case.fragment in line
               for line in result.stderr.splitlines()), result.stderr
    assert "Traceback" not in result.stderr
