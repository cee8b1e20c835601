"""Where editions live: `<archive>/<name>/r<N>/`, and the names that may not escape it.

Edition names and unit codes become folder and file names, so they are checked, not cleaned:
`../2024` is refused with an error instead of being quietly turned into something else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import PROJECT_ROOT
from briefing.atomic import safe_name
from briefing.inputs import printable, real_path
from briefing.messages import msg
from briefing.problems import BriefingError, Position, Problem

if TYPE_CHECKING:
    from briefing.builds.variants import JobResult

DEFAULT_ARCHIVE = PROJECT_ROOT / "output" / "editions"
MANIFEST = "manifest.json"
SOURCES = "sources"
LOCK = ".lock"
#: a revision being built; hidden, ignored by list and verify, removed by the next build
BUILDING = ".building-"
#: the longest edition name
NAME_LENGTH = 100
NAME_PATTERN = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._-]{{0,{NAME_LENGTH - 1}}}")
#: a revision number: a few digits (a longer one is no revision, and int() of 5,000 digits
#: would be an error of its own)
REVISION = re.compile(r"r([1-9][0-9]{0,8})")
#: folders of the sources inside a revision, by role
SOURCE_FOLDERS = {"content": "content", "unit": "units", "meeting": "meetings"}
ARCHIVE = msg("what-archive", "archive")


def check_name(name: str, where: str = "--name") -> str:
    """An edition name that is one plain folder name; anything else is a one-line error."""
    if not NAME_PATTERN.fullmatch(name) or ".." in name:
        raise BriefingError(Problem(Position(where), msg(
            "edition-name", "edition name '{name}' cannot be used as a folder name", name=name),
            hint=msg("edition-name-hint", "use letters, digits, '.', '_' and '-' (e.g. "
                                          "2024-03-thong-tin-so-03); no '/', no '..'")))
    return name


def default_name(date: str, content: Path | str) -> str:
    """The edition's name when none is given: the date and the content file's name as
    `build` names its outputs ("2024-03-15-briefing-foreign-affairs"), checked."""
    default = f"{date}-{safe_name(Path(content).stem)}"[:NAME_LENGTH].rstrip(".-_")
    return check_name(default, str(content))


@dataclass(frozen=True)
class Revision:
    edition: str
    number: int
    path: Path

    @property
    def manifest(self) -> Path:
        return self.path / MANIFEST

    @property
    def label(self) -> str:
        return f"{self.edition}@r{self.number}"


@dataclass
class EditionOutcome:
    """The revision a build of an edition found (`created` False) or made, and its variants."""

    revision: Revision
    created: bool
    results: list[JobResult] = field(default_factory=list)
    seconds: float = 0.0
    #: variant -> the register's number it took (`number: auto`)
    numbers: dict[str, str] = field(default_factory=dict)
    #: variant -> its PDF's signatures (`edition --sign`), as the manifest records them
    signatures: dict[str, list[dict]] = field(default_factory=dict)


@dataclass(frozen=True)
class Reference:
    """`name`, `name@r2`, `name/quan-1` or `name@r2/quan-1` on the command line."""

    edition: str
    revision: int | None = None
    variant: str | None = None

    @classmethod
    def parse(cls, text: str) -> Reference:
        edition, _, variant = text.partition("/")
        edition, _, revision = edition.partition("@")
        number = None
        if revision:
            match = REVISION.fullmatch(revision)
            if not match:
                raise BriefingError(Problem(Position(text), msg(
                    "revision-name", "'@{revision}' is not a revision", revision=revision),
                    hint=msg("revision-name-hint", "write @r1, @r2, …")))
            number = int(match.group(1))
        check_name(edition, text)
        if variant and not NAME_PATTERN.fullmatch(variant):
            raise BriefingError(Problem(Position(text), msg(
                "variant-name", "'{variant}' is not a variant name", variant=variant)))
        return cls(edition, number, variant or None)


class Archive:
    """A folder of editions (default output/editions/)."""

    def __init__(self, root: Path = DEFAULT_ARCHIVE):
        self.root = Path(root)

    def check_root(self, missing_ok: bool = False) -> bool:
        """Whether the archive folder exists; a path that is not a folder is always an error,
        a missing one unless `missing_ok` (a typo in --archive must not read as "no editions")."""
        if self.root.is_dir():
            return True
        if self.root.exists():
            raise BriefingError.at(self.root, msg("archive-not-folder", "the archive is not a "
                                                                        "folder"),
                                   hint=msg("archive-hint",
                                            "--archive names the folder of editions"))
        if not missing_ok:
            raise BriefingError.at(self.root, msg("no-archive", "no archive here: the folder "
                                                                "does not exist"),
                                   hint=msg("no-archive-hint", "--archive names the folder of "
                                            "editions; the default is output/editions/"))
        return False

    def edition_dir(self, name: str) -> Path:
        """The edition's folder: directly in the archive, never reached through a link (an
        archive holds no links: one planted there would send reads and writes elsewhere)."""
        path = self.root / check_name(name)
        if path.is_symlink() or real_path(path, msg("what-edition-folder", "edition folder")
                                          ).parent != real_path(self.root, ARCHIVE):
            raise BriefingError.at(printable(path), msg(
                "edition-link", "edition folder is a link: an archive holds no links"),
                hint=msg("edition-link-hint", "remove the link; the archive is built by "
                                              "`edition`"))
        return path

    def editions(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir()
                      if p.is_dir() and not p.is_symlink() and NAME_PATTERN.fullmatch(p.name)
                      and self.revisions(p.name))

    def revisions(self, name: str) -> list[Revision]:
        folder = self.edition_dir(name)
        if not folder.is_dir():
            return []
        found = []
        for path in folder.iterdir():
            match = REVISION.fullmatch(path.name)
            if match and path.is_dir() and not path.is_symlink():  # a link is no revision
                found.append(Revision(name, int(match.group(1)), path))
        return sorted(found, key=lambda r: r.number)

    def revision(self, reference: Reference) -> Revision:
        """The named revision, or the latest; a missing one lists what exists."""
        revisions = self.revisions(reference.edition)
        if not revisions:
            known = tuple(self.editions()) or msg("none", "none")
            raise BriefingError.at(self.root / reference.edition, msg(
                "no-edition", "no edition '{name}' in {archive}", name=reference.edition,
                archive=str(self.root)), hint=msg("editions-are", "editions: {names}",
                                                  names=known))
        if reference.revision is None:
            return revisions[-1]
        for revision in revisions:
            if revision.number == reference.revision:
                return revision
        raise BriefingError.at(self.root / reference.edition, msg(
            "no-revision", "edition '{name}' has no revision r{number}", name=reference.edition,
            number=reference.revision), hint=msg(
            "revisions-are", "revisions: {names}", names=tuple(f"r{r.number}" for r in revisions)))

    def find(self, texts: Sequence[str]) -> list[Revision]:
        """The revisions `EDITION` (all of its revisions) and `EDITION@rN` name; none named:
        every revision of every edition."""
        if not texts:
            return [r for name in self.editions() for r in self.revisions(name)]
        found = []
        for text in texts:
            reference = Reference.parse(text)
            if reference.revision is None:
                found += self.revisions(reference.edition) or [self.revision(reference)]
            else:
                found.append(self.revision(reference))
        return found

    def building_dirs(self, name: str) -> list[Path]:
        folder = self.edition_dir(name)
        if not folder.is_dir():
            return []
        return [p for p in folder.iterdir() if p.name.startswith(BUILDING)]
