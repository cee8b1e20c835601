"""Verify every signature of a PDF: who signed, when, whether the signature covers the whole
document, whether the signed bytes are intact, whether the chain leads to a trusted root.

The verdict, as `build.py sign --verify` exits:
  0  every signature intact, valid and trusted; the last covers the whole file, and what was
     added after an earlier one is only the next signatures (form filling);
  1  valid, but untrusted (no --trust, or a chain to another root), bytes after the last
     signature, or changes after a signature beyond filling its fields;
  2  broken: no signature, a digest or signature that does not match, an unreadable file.
The time is the one the signer's software wrote (/M): PAdES puts no signing time in the CMS,
and a trusted time would need a time-stamping authority.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.messages import Message, msg
from briefing.problems import BriefingError
from briefing.signing import iso_time
from briefing.signing.keys import holder
from briefing.signing.pdf_input import open_pdf, read_pdf

VALID, WEAK, BROKEN = 0, 1, 2
#: what may change after a signature for it to cover the document: nothing, or the next
#: signatures filling their fields (pyHanko's modification levels)
ALLOWED_AFTER = {"NONE", "LTA_UPDATES", "FORM_FILLING"}


@dataclass(frozen=True)
class SignatureReport:
    field: str
    signer: str | None = None
    time: str | None = None
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    trust_problem: str | None = None
    coverage: str | None = None  # ENTIRE_FILE, ENTIRE_REVISION, …
    changes_after: str | None = None  # NONE, FORM_FILLING, OTHER, …
    error: str | None = None

    @property
    def whole(self) -> bool:
        return self.coverage == "ENTIRE_FILE"


def verify_pdf(path: Path, roots: list) -> list[SignatureReport]:
    """A report per signature, in the order they were made; a file that cannot be read or
    holds no signature is a BriefingError."""
    data = read_pdf(path)
    reader = open_pdf(data, path)
    try:
        signatures = list(reader.embedded_regular_signatures)
    except Exception as exc:  # a damaged signature dictionary
        raise BriefingError.at(path, msg("signature-damaged", "damaged signature: {reason}",
                                         reason=str(exc))) from None
    if not signatures:
        raise BriefingError.at(path, msg("signature-none", "no digital signature in this PDF"))
    return [_report(signature, roots) for signature in signatures]


def _report(signature, roots: list) -> SignatureReport:
    from pyhanko.sign.validation import KeyUsageConstraints, validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=roots, allow_fetching=False,
                                revocation_mode="soft-fail")
    try:
        status = validate_pdf_signature(
            signature, signer_validation_context=context,
            key_usage_settings=KeyUsageConstraints(key_usage={"digital_signature"}))
    except Exception as exc:  # a signature pyHanko cannot even evaluate
        return SignatureReport(signature.field_name, error=f"{type(exc).__name__}: {exc}")
    moment = signature.self_reported_timestamp or status.signer_reported_dt
    problem = status.trust_problem_indic
    return SignatureReport(
        field=signature.field_name, signer=holder(status.signing_cert),
        time=iso_time(moment) if moment else None, intact=status.intact, valid=status.valid,
        trusted=status.trusted and bool(roots),
        trust_problem=("no trusted root given (--trust)" if not roots
                       else problem.name if problem is not None else None),
        coverage=status.coverage.name if status.coverage is not None else None,
        changes_after=status.modification_level.name
        if status.modification_level is not None else None)


def verdict(reports: list[SignatureReport]) -> int:
    if not reports or any(not (r.intact and r.valid) for r in reports):
        return BROKEN
    if any(not r.trusted for r in reports) or not reports[-1].whole:
        return WEAK
    if any(r.changes_after not in ALLOWED_AFTER for r in reports[:-1]):
        return WEAK
    return VALID


def describe(report: SignatureReport) -> Message:
    """One line a clerk can read, in their language."""
    if report.error is not None:
        return msg("signature-broken", "{field}: BROKEN: {reason}", field=report.field,
                   reason=report.error)
    integrity = msg("signature-intact", "intact") if report.intact and report.valid else \
        msg("signature-not-intact", "NOT INTACT (the signed bytes were changed)") \
        if not report.intact else msg("signature-invalid", "INVALID signature")
    trust = msg("signature-trusted", "trusted") if report.trusted else \
        msg("signature-untrusted", "untrusted ({reason})", reason=report.trust_problem)
    coverage = {"ENTIRE_FILE": msg("signature-covers-all", "covers the whole document"),
                "ENTIRE_REVISION": msg("signature-covers-revision",
                                       "covers the document as it was then")}.get(
        report.coverage or "") or msg("signature-coverage", "coverage {coverage}",
                                      coverage=report.coverage)
    if report.changes_after not in (None, "NONE"):
        later = msg("signature-added-since", "signatures added since") \
            if report.changes_after in ALLOWED_AFTER else \
            msg("signature-changed-since", "CHANGED since ({changes})",
                changes=report.changes_after)
        coverage = msg("signature-coverage-later", "{coverage}; {later}", coverage=coverage,
                       later=later)
    return msg("signature-line", "{field}: signed by {signer} at {time}; {integrity}; {trust}; "
               "{coverage}", field=report.field, signer=report.signer, time=report.time,
               integrity=integrity, trust=trust, coverage=coverage)

