"""Sign a PDF: a PAdES B-B signature (ETSI.CAdES.detached, SHA-256, the certificate chain
embedded, the signing time in Viet Nam's time zone) appended as an incremental update, so the
bytes of the PDF as it was — tagged, PDF/A — are kept whole before it.

Everything that can be wrong with the request (the file, the key, the certificate, the place)
is found before anything is written; the result goes to a temporary name and is renamed.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter

from briefing.atomic import write_atomic
from briefing.messages import msg
from briefing.problems import BriefingError
from briefing.profile.model import Profile
from briefing.signing import SEAL_FIELD, SIGNER_FIELD, STAMP_FIELD, iso_time, now_ict
from briefing.signing.appearance import (
    SEAL_IMAGE,
    SIGNATURE_IMAGE,
    ImagesStampStyle,
    actual_size,
    aspect,
    load_image,
    signer_images,
    stamp_style,
    stamp_width,
)
from briefing.signing.keys import KeySource, check_certificate, holder, open_signer, trust_roots
from briefing.signing.pdf_input import open_pdf, read_pdf
from briefing.signing.placement import (
    Rect,
    block_fields,
    find_block,
    given_block,
    media_box,
    stamp_rect,
)
from briefing.signing.signature_fields import FieldSpec, add_field, field_rect, signature_fields


@dataclass(frozen=True)
class SignRequest:
    pdf: Path
    out: Path
    key: KeySource
    profile: Profile
    signature: Path | None = None  # the signer's image (blue, transparent PNG)
    seal: Path | None = None  # the organisation's seal (red, actual size, transparent PNG)
    stamp_number: str | None = None  # an attachment: the stamp line with this number
    page: int | None = None  # 1-based, with `box`: a PDF that is not ours
    box: tuple[float, float, float, float] | None = None  # x, y, w, h in points
    trust: tuple[Path, ...] = ()
    when: dt.datetime | None = None

    @property
    def field(self) -> str:
        if self.stamp_number is not None:
            return STAMP_FIELD
        return SIGNER_FIELD if self.signature is not None else SEAL_FIELD


@dataclass
class Signed:
    out: Path
    field: str
    signer: str
    time: str
    warnings: list[str] = field(default_factory=list)

    def record(self) -> dict[str, str]:
        """What an edition's manifest keeps of this signature (with the file's new hash)."""
        from briefing.editions.hashing import sha256_file

        return {"field": self.field, "signer": self.signer, "time": self.time,
                "sha256": sha256_file(self.out)}


class TimedPdfSigner(signers.PdfSigner):
    """pyHanko's signer with the signing time given: /M and the stamp line agree to the
    second (pyHanko takes the clock's time itself, deep in its signing session)."""

    def __init__(self, *args, system_time: dt.datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self._system_time = system_time

    def init_signing_session(self, pdf_out, existing_fields_only=False):
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._system_time
        return session


def sign(request: SignRequest, signer=None) -> Signed:
    """Sign `request.pdf` into `request.out`; a BriefingError (one line) for any refusal.
    `signer`: a key opened already (`keys.open_signer`), for several PDFs in a row (an
    edition's): the password or PIN asked once; the caller closes it."""
    if request.signature is None and request.seal is None and request.stamp_number is None:
        raise BriefingError.at(request.pdf, msg(
            "sign-nothing", "nothing to show: give --signature IMAGE (the signer's), --seal "
                            "IMAGE or --stamp NUMBER"))
    data = read_pdf(request.pdf)
    open_pdf(data, request.pdf)  # a damaged or encrypted PDF is refused before the key
    images = (load_image(request.signature, SIGNATURE_IMAGE) if request.signature else None,
              load_image(request.seal, SEAL_IMAGE) if request.seal else None)
    roots = trust_roots(list(request.trust))
    close = None
    if signer is None:
        signer, close = open_signer(request.key)
    try:
        when = request.when or now_ict()
        key_where = str(request.key.pkcs12 or request.key.library)
        warnings = check_certificate(signer.signing_cert, when, key_where)
        signed, more = _signed_bytes(data, request, signer, images, when, roots)
    finally:
        if close is not None:
            close()
    write_atomic(request.out, signed)
    return Signed(request.out, request.field, holder(signer.signing_cert), iso_time(when),
                  warnings + more)


def _signed_bytes(data: bytes, request: SignRequest, signer, images, when: dt.datetime,
                  roots: list) -> tuple[bytes, list[str]]:
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    stamp_text = None
    if request.stamp_number is not None:
        look = request.profile.e_signature
        stamp_text = look.stamp_format.format(number=request.stamp_number, time=iso_time(when))
    rect, warnings = _field(writer, data, request, images, holder(signer.signing_cert),
                            stamp_text)
    if stamp_text is not None:
        style, params = stamp_style(request.profile), {"stamp": stamp_text}
    else:
        placed, more = signer_images(rect, *images, request.profile.e_signature.seal_overlap)
        style, params = ImagesStampStyle(images=placed), None
        warnings += more
    meta = signers.PdfSignatureMetadata(
        field_name=request.field, md_algorithm="sha256", subfilter=SigSeedSubFilter.PADES,
        signer_key_usage={"digital_signature"},
        validation_context=_validation_context(roots) if roots else None)
    align_producer(writer)
    out = io.BytesIO()
    try:
        TimedPdfSigner(meta, signer, stamp_style=style, system_time=when).sign_pdf(
            writer, existing_fields_only=True, appearance_text_params=params, output=out)
    except Exception as exc:  # pyHanko's refusals, one line
        cause = f" ({exc.__cause__})" if exc.__cause__ else ""
        raise BriefingError.at(request.pdf, msg("sign-failed", "cannot sign: {reason}",
                                                reason=f"{exc}{cause}")) from None
    return out.getvalue(), warnings


def _validation_context(roots: list):
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=roots, allow_fetching=False,
                             revocation_mode="soft-fail")


def _field(writer, data: bytes, request: SignRequest, images, signer_name: str,
           stamp_text: str | None) -> tuple[Rect, list[str]]:
    """The rectangle of the field this signature fills, making the block's fields first if
    the PDF has none yet (tagged, unless a signature is there already)."""
    existing = signature_fields(writer.prev)
    name = request.field
    if existing.get(name):
        raise BriefingError.at(request.pdf, msg("sign-field-signed", "field '{name}' is "
                                                                     "signed already",
                                                name=name),
                               hint=msg("sign-field-signed-hint", "each signer signs once: "
                                        "the signer with --signature, the organisation with "
                                        "--seal"))
    if name in existing:
        return field_rect(writer.prev, name), []
    specs = _new_fields(writer, data, request, images, signer_name, stamp_text)
    signed_before = any(existing.values())
    warnings = []
    if signed_before:  # only this field, untagged: a tag now would break the signature there
        specs = [s for s in specs if s.name == name]
        warnings.append(str(msg("sign-field-untagged", "field '{name}' made after a "
                                                       "signature: left out of the tags",
                                name=name)))
    for spec in specs:
        if spec.name not in existing:
            add_field(writer, spec, tag=not signed_before)
    return next(s.rect for s in specs if s.name == name), warnings


def _new_fields(writer, data: bytes, request: SignRequest, images, signer_name: str,
                stamp_text: str | None) -> list[FieldSpec]:
    profile = request.profile
    if stamp_text is not None:
        page = 0 if request.page is None else request.page - 1
        if request.box is not None:
            box = given_block(data, request.page or 1, request.box, str(request.pdf)).space
        else:
            box = stamp_rect(media_box(data, page), profile, stamp_width(stamp_text, profile))
        return [FieldSpec(STAMP_FIELD, page, box, f"Chữ ký số của cơ quan, tổ chức: "
                                                  f"{stamp_text}")]
    if request.page is not None and request.box is not None:
        block = given_block(data, request.page, request.box, str(request.pdf))
    else:
        block = find_block(data, profile, signer_name, str(request.pdf))
    signature, seal = images
    laid = block_fields(block.space, profile, aspect(signature) if signature else None,
                        actual_size(seal) if seal else None,
                        together=signature is not None and seal is not None)
    specs = [FieldSpec(SIGNER_FIELD, block.page, laid.signer,
                       f"Chữ ký số của người ký: {signer_name}")]
    if laid.seal is not None:
        specs.append(FieldSpec(SEAL_FIELD, block.page, laid.seal,
                               "Chữ ký số của cơ quan, tổ chức (dấu)"))
    return specs


def align_producer(writer: IncrementalPdfFileWriter) -> None:
    """Keep /Info and the XMP metadata agreeing (PDF/A): on writing, pyHanko sets the XMP
    producer to its own name but appends its name to /Info /Producer; set it first."""
    from pyhanko.pdf_utils.metadata.model import VENDOR

    if "/Info" not in writer.trailer:
        return
    info = writer.trailer.raw_get("/Info").get_object()
    if info.get("/Producer") != VENDOR:
        info[pdf_name("/Producer")] = generic.TextStringObject(VENDOR)
        writer.update_container(info)
