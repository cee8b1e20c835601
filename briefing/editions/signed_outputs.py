"""An edition's PDFs signed as they are archived (`edition --sign`), and those signatures
verified with the revision (`archive verify`).

The key is opened and its certificate checked before anything is written or any number taken
(a wrong password, an expired certificate, one without digitalSignature: one line, nothing
written); its password or PIN is asked once for every PDF of the edition and never stored.
Each PDF is signed in the revision's hidden folder, after it is built and before the manifest
is written, so the manifest lists the signed bytes and records each signature: the field, the
signer, the time, the signed file's sha256, and the sha256 and size of the PDF as built. A
signature is an incremental update: the built PDF's bytes stay first in the signed file, so a
rebuild from the stored sources is compared with them, and the signed file must begin with them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.editions.hashing import sha256_file
from briefing.messages import msg
from briefing.problems import BriefingError, Position, Problem


@dataclass(frozen=True)
class EditionSigning:
    """How an edition's PDFs are signed: the key (`briefing.signing.keys.KeySource`), the
    images the signature shows, the roots the chain is checked against before signing."""

    key: Any
    signature: Path | None = None
    seal: Path | None = None
    trust: tuple[Path, ...] = ()


@dataclass
class OpenKey:
    """A key opened for one edition: pyHanko's signer and how to close it (a token session)."""

    signing: EditionSigning
    signer: Any
    close: Callable[[], None]


def open_key(signing: EditionSigning) -> OpenKey:
    """Open the key and refuse what would refuse the first PDF, before anything is written:
    no image, an image that is not a transparent PNG, a certificate that may not sign now."""
    from briefing.signing import now_ict
    from briefing.signing.appearance import SEAL_IMAGE, SIGNATURE_IMAGE, load_image
    from briefing.signing.keys import check_certificate, open_signer, trust_roots

    if signing.signature is None and signing.seal is None:
        raise BriefingError(Problem(Position("--sign"), msg(
            "edition-sign-nothing", "nothing to show: give --signature IMAGE (the signer's), "
                                    "--seal IMAGE or both")))
    for image, what in ((signing.signature, SIGNATURE_IMAGE), (signing.seal, SEAL_IMAGE)):
        if image is not None:
            load_image(image, what)
    trust_roots(list(signing.trust))
    signer, close = open_signer(signing.key)
    try:
        check_certificate(signer.signing_cert, now_ict(),
                          str(signing.key.pkcs12 or signing.key.library))
    except BaseException:
        close()
        raise
    return OpenKey(signing, signer, close)


def sign_outputs(folder: Path, outputs: dict[str, str], profiles: dict[str, str],
                 key: OpenKey) -> dict[str, list[dict[str, Any]]]:
    """Sign every variant's PDF in `folder` (variant -> PDF file name); variant -> the
    records of its signatures, for the manifest."""
    from briefing.profile.model import load_profile  # pydantic: only when signing
    from briefing.signing.pades import SignRequest, sign

    signing = key.signing
    records: dict[str, list[dict[str, Any]]] = {}
    for variant, name in outputs.items():
        pdf = folder / name
        unsigned = sha256_file(pdf), pdf.stat().st_size
        signed = sign(SignRequest(pdf=pdf, out=pdf, key=signing.key,
                                  profile=load_profile(profiles.get(variant, "party")),
                                  signature=signing.signature, seal=signing.seal,
                                  trust=signing.trust), signer=key.signer)
        os.chmod(pdf, 0o444)  # archived: read-only, as the build wrote it
        records[variant] = [{"file": name, "field": signed.field, "signer": signed.signer,
                             "time": signed.time, "sha256": sha256_file(pdf),
                             "unsigned_sha256": unsigned[0], "unsigned_bytes": unsigned[1]}]
    return records


def unsigned_digest(path: Path, size: int) -> str:
    """The sha256 of the first `size` bytes of `path`: the PDF as built, before its
    signatures (an incremental update appends them)."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        left = size
        while left > 0:
            chunk = stream.read(min(left, 1 << 20))
            if not chunk:
                break
            digest.update(chunk)
            left -= len(chunk)
    return digest.hexdigest()


def signature_problems(folder: Path, signatures: list[dict[str, Any]], roots: list
                       ) -> list[Problem]:
    """Every signature the manifest records, verified in its file: there, intact, valid, by
    the recorded signer, on the PDF as built; trusted too when roots are given."""
    from briefing.signing.verification import verify_pdf

    problems: list[Problem] = []
    by_file: dict[str, list[dict[str, Any]]] = {}
    for record in signatures:
        by_file.setdefault(record["file"], []).append(record)
    for name, records in sorted(by_file.items()):
        path = folder / name
        if unsigned_digest(path, records[0]["unsigned_bytes"]) != records[0]["unsigned_sha256"]:
            problems.append(_problem(path, msg(
                "signed-not-built", "the bytes before the signature are not the PDF as built")))
        try:
            reports = verify_pdf(path, roots)
        except BriefingError as error:
            problems.extend(error.problems)
            continue
        problems += _report_problems(path, records, reports, bool(roots))
    return problems


def _report_problems(path: Path, records: list[dict[str, Any]], reports: list,
                     trusting: bool) -> list[Problem]:
    found = {r.field: r for r in reports}
    problems = []
    for record in records:
        report = found.get(record["field"])
        if report is None:
            problems.append(_problem(path, msg(
                "signature-missing", "signature {field} of {signer} is not in the file",
                field=record["field"], signer=record["signer"])))
        elif report.error is not None or not (report.intact and report.valid):
            problems.append(_problem(path, msg(
                "signature-broken", "signature {field} of {signer} is broken: the signed "
                "bytes were changed", field=record["field"], signer=record["signer"])))
        elif report.signer != record["signer"]:
            problems.append(_problem(path, msg(
                "signature-other-signer", "signature {field} is by {found}, the manifest says "
                "{signer}", field=record["field"], found=str(report.signer),
                signer=record["signer"])))
        elif trusting and not report.trusted:
            problems.append(_problem(path, msg(
                "signature-untrusted", "signature {field} of {signer} does not lead to a "
                "trusted root ({problem})", field=record["field"], signer=record["signer"],
                problem=str(report.trust_problem))))
    return problems


def _problem(path: Path, message) -> Problem:
    return Problem(Position(str(path)), message)
