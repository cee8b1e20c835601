"""A revision as one ZIP file (the studio's download): every plain file of its folder under
`<edition>-r<N>/`, each read through the one guard (never through a link, no FIFO,
size-capped)."""

from __future__ import annotations

import io
import zipfile

from briefing.editions.layout import Archive, Reference
from briefing.inputs import MB, NotPlainFile, read_input
from briefing.messages import msg

#: no file of a revision is larger (an archived PDF with its figures)
MEMBER_LIMIT = 256 * MB

_ARCHIVED_FILE = msg("what-archived-file", "archived file")


def revision_zip(archive: Archive, reference: Reference) -> tuple[str, bytes]:
    """The ZIP's file name and bytes."""
    revision = archive.revision(reference)
    folder = f"{revision.edition}-r{revision.number}"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(revision.path.rglob("*")):
            try:  # the name itself: a folder or a link is no member
                data = read_input(path, limit=MEMBER_LIMIT, what=_ARCHIVED_FILE,
                                  follow_links=False)
            except NotPlainFile:
                continue
            member = zipfile.ZipInfo.from_file(
                path, f"{folder}/{path.relative_to(revision.path).as_posix()}")
            member.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(member, data)
    return f"{folder}.zip", out.getvalue()
