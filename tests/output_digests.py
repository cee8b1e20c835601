"""Digests of every output the project makes from its own files: a refactoring's proof.

`python -m tests.output_digests [DIR]` builds every content file and fixture (DOCX, PDF and the
Markdown view), every unit variant of every briefing with the meeting and without it, and
prints one `sha256  name` line per file, sorted. Run it before and after a change that must
not change any output, and compare the two lists (`diff`).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted([*ROOT.glob("content/*.yaml"), *ROOT.glob("tests/fixtures/*.yaml")])
MEETINGS = sorted(ROOT.glob("content/meetings/*.yaml"))


def _run(*args: str, check: bool = True) -> bool:
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=ROOT,
                          check=check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return done.returncode == 0


def _markdown(source: Path, out: Path) -> None:
    from briefing.content.loader import load_document
    from briefing.tree.prepare import prepare
    from briefing.tree.render import render_tree
    from briefing.writers.markdown import write_markdown

    text = write_markdown(render_tree(prepare(load_document(source))))
    (out / f"{source.stem}.md").write_text(text, encoding="utf-8")


def build_everything(out: Path) -> None:
    for source in SOURCES:
        _run(str(source), "--out", str(out / "documents"))
        _markdown(source, out / "documents")
    for source in sorted(ROOT.glob("content/*.yaml")):
        _run("batch", str(source), "--with-base", "--no-progress", "--force",
             "--out", str(out / "variants" / source.stem))
        for meeting in MEETINGS:  # a meeting names sections of one briefing: the others refuse
            _run("batch", str(source), "--meeting", str(meeting), "--no-progress", "--force",
                 "--out", str(out / "meetings" / f"{source.stem}-{meeting.stem}"), check=False)


def digests(out: Path) -> list[str]:
    return [f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(out)}"
            for path in sorted(out.rglob("*")) if path.is_file() and not path.name.startswith(".")]


def main(argv: list[str]) -> int:
    if argv:
        out = Path(argv[0])
        out.mkdir(parents=True, exist_ok=True)
        build_everything(out)
        print("\n".join(digests(out)))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        build_everything(Path(folder))
        print("\n".join(digests(Path(folder))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
