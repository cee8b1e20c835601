"""Digital signatures: `build.py sign` and `sign --verify` on our own PDFs, checked by pyHanko
and by a verifier no one here wrote (poppler's pdfsig), with a test PKI made here."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from briefing.cli import main
from briefing.profile.model import load_profile
from briefing.signing import ICT, NAME_ID, SEAL_FIELD, SIGNER_FIELD, SPACE_ID, STAMP_FIELD
from briefing.signing.keys import KeySource, trust_roots
from briefing.signing.pades import SignRequest, sign
from briefing.signing.verification import BROKEN, VALID, WEAK, verdict, verify_pdf
from tests.signing_checks import check
from tests.signing_pki import ORG, SIGNER, make_images, make_pki

T1 = dt.datetime(2026, 12, 7, 10, 15, 30, tzinfo=ICT)
T2 = dt.datetime(2026, 12, 7, 10, 16, 0, tzinfo=ICT)
PDFSIG = shutil.which("pdfsig")
needs_pdfsig = pytest.mark.skipif(PDFSIG is None, reason="poppler's pdfsig is not installed "
                                                         "(poppler-utils)")


@pytest.fixture(scope="session")
def kit(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("signing")
    make_pki(folder / "pki")
    make_images(folder / "img")
    return folder


@pytest.fixture(scope="session")
def archive_pdf(programme_pdf, tmp_path_factory) -> Path:
    """The programme as an archived edition is: PDF/A-3a."""
    from briefing.writers.pdf import write_pdf

    path = tmp_path_factory.mktemp("pdfa") / "programme-a3a.pdf"
    path.write_bytes(write_pdf(programme_pdf.tree, programme_pdf.view.profile,
                               variant="pdf/a-3a"))
    return path


def request(kit: Path, pdf: Path, out: Path, holder: str = "signer", **options) -> SignRequest:
    options.setdefault("when", T1)
    if "seal" not in options and "stamp_number" not in options:
        options.setdefault("signature", kit / "img/signature.png")
    return SignRequest(pdf=pdf, out=out, profile=load_profile(options.pop("profile", "party")),
                       key=KeySource(pkcs12=kit / f"pki/{holder}.p12",
                                     password_file=kit / "pki/password.txt"), **options)


def reports(kit: Path, pdf: Path, root: str = "root.pem"):
    return verify_pdf(pdf, trust_roots([kit / "pki" / root]))


def signed_twice(kit: Path, pdf: Path, tmp_path: Path) -> tuple[Path, Path]:
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    sign(request(kit, pdf, one))
    sign(request(kit, one, two, "org", seal=kit / "img/seal.png", when=T2))
    return one, two


# -- signing -----------------------------------------------------------------------------------
def test_pades_signature_appended_and_valid(kit, programme_pdf, tmp_path):
    out = tmp_path / "signed.pdf"
    signed = sign(request(kit, programme_pdf.pdf, out))
    assert (signed.signer, signed.time, signed.field) == (SIGNER, "2026-12-07T10:15:30+07:00",
                                                          SIGNER_FIELD)
    assert out.read_bytes().startswith(programme_pdf.pdf.read_bytes())  # incremental
    (report,) = reports(kit, out)
    assert (report.signer, report.time, report.coverage) == (
        SIGNER, "2026-12-07T10:15:30+07:00", "ENTIRE_FILE")
    assert report.intact and report.valid and report.trusted
    assert verdict([report]) == VALID
    from pyhanko.pdf_utils.reader import PdfFileReader

    with out.open("rb") as stream:
        embedded = PdfFileReader(stream).embedded_signatures[0]
        assert embedded.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
        assert embedded.md_algorithm == "sha256"
        chain = {c.subject.native["common_name"] for c in embedded.other_embedded_certs}
    assert "Test Issuing CA (briefing)" in chain  # the chain travels with the signature


def test_the_signature_lands_between_the_title_and_the_name(kit, programme_pdf, tmp_path):
    out = tmp_path / "signed.pdf"
    sign(request(kit, programme_pdf.pdf, out))
    reader = PdfReader(out)
    page_index, widget = next(
        (i, a.get_object()) for i, page in enumerate(reader.pages)
        for a in page.get("/Annots") or [] if a.get_object().get("/T") == SIGNER_FIELD)
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[page_index]
        height = float(page.height)
        words = page.extract_words()
        name = [w for w in words if w["text"] in ("Lê", "Hồng", "Sơn")]
        title = [w for w in words if w["text"] == "THƯỜNG" and w["top"] < name[0]["top"]]
    assert len(name) == 3 and title
    name_centre = (min(w["x0"] for w in name) + max(w["x1"] for w in name)) / 2
    assert abs((x1 + x2) / 2 - name_centre) < 3  # centred on the signer's name
    assert y1 >= height - name[0]["top"] - 1  # above the name
    assert y2 <= height - title[-1]["bottom"] + 1  # below the signer's title
    assert (y2 - y1) > 40  # it fills the profile's signature space (4 lines)


def test_named_destinations_mark_the_signature_block(programme_pdf):
    dests = PdfReader(programme_pdf.pdf).named_destinations
    assert {SPACE_ID, NAME_ID} <= set(dests)
    space, name = dests[SPACE_ID], dests[NAME_ID]
    profile = programme_pdf.view.profile
    height = profile.closing.signature_space * profile.single_line(profile.closing.name.size)
    assert float(space.top) - float(name.top) == pytest.approx(height, abs=0.1)


def test_second_signature_keeps_the_first_valid(kit, programme_pdf, tmp_path):
    one, two = signed_twice(kit, programme_pdf.pdf, tmp_path)
    assert two.read_bytes().startswith(one.read_bytes())
    first, second = reports(kit, two)
    assert (first.field, second.field) == (SIGNER_FIELD, SEAL_FIELD)
    assert first.coverage == "ENTIRE_REVISION" and first.changes_after == "FORM_FILLING"
    assert second.coverage == "ENTIRE_FILE" and second.signer == ORG
    assert verdict([first, second]) == VALID


def test_the_seal_covers_the_left_third_of_the_signature(kit, programme_pdf, tmp_path):
    _, two = signed_twice(kit, programme_pdf.pdf, tmp_path)
    rects = {a.get_object()["/T"]: [float(v) for v in a.get_object()["/Rect"]]
             for page in PdfReader(two).pages for a in page.get("/Annots") or []}
    signature, seal = rects[SIGNER_FIELD], rects[SEAL_FIELD]
    third = signature[0] + (signature[2] - signature[0]) / 3
    assert seal[2] == pytest.approx(third, abs=0.5)
    assert seal[2] - seal[0] == pytest.approx(36 / 25.4 * 72, abs=0.5)  # actual size
    assert (seal[1] + seal[3]) / 2 == pytest.approx((signature[1] + signature[3]) / 2, abs=0.5)


def test_signed_archive_keeps_its_pdfa_properties(kit, archive_pdf, tmp_path):
    _, two = signed_twice(kit, archive_pdf, tmp_path)
    failed = [r for r in check(str(archive_pdf), str(two)) if not r[1]]
    assert not failed, failed


def test_attachment_stamp_top_right_in_the_serif_font(kit, archive_pdf, tmp_path):
    out = tmp_path / "attachment.pdf"
    sign(request(kit, archive_pdf, out, "org", stamp_number="12/QĐ-UBND", profile="state"))
    page = PdfReader(out).pages[0]
    (widget,) = [a.get_object() for a in page["/Annots"] if a.get_object()["/T"] == STAMP_FIELD]
    _x1, _y1, x2, y2 = (float(v) for v in widget["/Rect"])
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert x2 == pytest.approx(width - 15 / 25.4 * 72, abs=0.1)  # the text block's right edge
    assert y2 == pytest.approx(height - 8 / 25.4 * 72, abs=0.1)
    appearance = widget["/AP"]["/N"].get_object()
    shown = b"".join(x.get_object().get_data() for x in
                     (appearance["/Resources"].get("/XObject") or {}).values())
    shown += appearance.get_data()
    text = "Số: 12/QĐ-UBND; 2026-12-07T10:15:30+07:00"
    assert b"\xfe\xff" + text.encode("utf-16-be") in _unescaped(shown)  # /ActualText
    fonts = dict((n, (ok, d)) for n, ok, d in check(str(archive_pdf), str(out)))["fonts"]
    assert fonts[0], fonts[1]  # embedded, widths right (the 1000-units fix)


def _unescaped(raw: bytes) -> bytes:
    import re

    raw = re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), raw)
    return re.sub(rb"\\(.)", rb"\1", raw)


def test_a_pdf_that_is_not_ours_needs_page_and_box(kit, tmp_path):
    from weasyprint import HTML

    foreign = tmp_path / "foreign.pdf"
    HTML(string="<p>Không phải của chúng tôi</p>").write_pdf(foreign)
    with pytest.raises(Exception, match="no signature block"):
        sign(request(kit, foreign, tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()
    out = tmp_path / "signed.pdf"
    sign(request(kit, foreign, out, page=1, box=(300, 300, 200, 60)))
    (report,) = reports(kit, out)
    assert report.intact and report.whole


def test_an_older_pdf_of_ours_is_placed_by_the_signers_name(kit, programme_pdf, tmp_path):
    """No destinations (built before they were written): the name is found with pdfplumber."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=programme_pdf.pdf)
    del writer.root_object["/Names"]
    older = tmp_path / "older.pdf"
    writer.write(older)
    out = tmp_path / "signed.pdf"
    sign(request(kit, older, out))
    (report,) = reports(kit, out)
    assert report.signer == SIGNER and report.intact


# -- verifying ---------------------------------------------------------------------------------
def test_verify_exit_codes(kit, programme_pdf, tmp_path, capsys):
    out = tmp_path / "signed.pdf"
    sign(request(kit, programme_pdf.pdf, out))
    root, other = kit / "pki/root.pem", kit / "pki/other-root.pem"
    assert main(["sign", "--verify", str(out), "--trust", str(root)]) == VALID
    assert "signed by Lê Hồng Sơn at 2026-12-07T10:15:30+07:00; intact; trusted; " \
           "covers the whole document" in capsys.readouterr().out
    assert main(["sign", "--verify", str(out), "--trust", str(other)]) == WEAK
    assert main(["sign", "--verify", str(out)]) == WEAK  # no trusted root given
    later = tmp_path / "later.pdf"  # an unsigned update after the signature
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    with out.open("rb") as stream, later.open("wb") as target:
        writer = IncrementalPdfFileWriter(stream)
        writer.root["/Lang"] = generic.TextStringObject("en")
        writer.update_root()
        writer.write(target)
    assert main(["sign", "--verify", str(later), "--trust", str(root)]) == WEAK
    assert main(["sign", "--verify", str(programme_pdf.pdf), "--trust", str(root)]) == BROKEN
    assert "no digital signature" in capsys.readouterr().err


def flipped(path: Path, target: Path) -> Path:
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x01  # inside the first signed range
    target.write_bytes(bytes(data))
    return target


def test_one_flipped_byte_is_broken(kit, programme_pdf, tmp_path):
    out = tmp_path / "signed.pdf"
    sign(request(kit, programme_pdf.pdf, out))
    bad = flipped(out, tmp_path / "bad.pdf")
    (report,) = reports(kit, bad)
    assert not report.intact and verdict([report]) == BROKEN
    assert main(["sign", "--verify", str(bad), "--trust", str(kit / "pki/root.pem")]) == BROKEN


def pdfsig(pdf: Path, roots: list[Path], folder: Path) -> str:
    """poppler's report; with NSS's certutil, in a database that trusts `roots` (the trust
    must include S/MIME, "C,C,C": pdfsig checks the chain as for e-mail)."""
    command = [PDFSIG]
    if roots and shutil.which("certutil"):
        database = folder / "nssdb"
        database.mkdir(exist_ok=True)
        subprocess.run(["certutil", "-N", "-d", f"sql:{database}", "--empty-password"],
                       check=True, capture_output=True)
        for i, root in enumerate(roots):
            subprocess.run(["certutil", "-A", "-d", f"sql:{database}", "-n", f"ca{i}", "-t",
                            "C,C,C", "-i", str(root)], check=True, capture_output=True)
        command += ["-nssdir", str(database)]
    return subprocess.run([*command, str(pdf)], capture_output=True, text=True,
                          env={**os.environ, "TZ": "UTC"}).stdout


@needs_pdfsig
def test_pdfsig_finds_our_signatures_valid(kit, programme_pdf, tmp_path):
    _, two = signed_twice(kit, programme_pdf.pdf, tmp_path)
    report = pdfsig(two, [kit / "pki/root.pem"], tmp_path)
    first, second = report.split("Signature #")[1:]
    assert "Signer Certificate Common Name: Lê Hồng Sơn" in first
    assert "Signing Time: Dec 07 2026 03:15:30" in first  # 10:15:30 +07:00, shown in UTC
    assert "Signature Type: ETSI.CAdES.detached" in first
    assert "Signature Validation: Signature is Valid." in first
    assert "Not total document signed" in first
    assert "Signer Certificate Common Name: Ban Tuyên giáo Thành ủy" in second
    assert "Total document signed" in second and "Signature is Valid." in second
    if shutil.which("certutil"):
        assert "Certificate Validation: Certificate is Trusted." in second


@needs_pdfsig
def test_pdfsig_finds_a_flipped_byte(kit, programme_pdf, tmp_path):
    out = tmp_path / "signed.pdf"
    sign(request(kit, programme_pdf.pdf, out))
    report = pdfsig(flipped(out, tmp_path / "bad.pdf"), [], tmp_path)
    assert "Signature Validation: Digest Mismatch." in report


def test_one_key_opened_once_signs_several_pdfs(kit, programme_pdf, archive_pdf, tmp_path):
    """An edition's PDFs: the password asked once, each PDF signed, each record kept."""
    from briefing.signing.keys import open_signer

    first = request(kit, programme_pdf.pdf, tmp_path / "a.pdf")
    signer, close = open_signer(first.key)
    try:
        records = [sign(first, signer).record(),
                   sign(request(kit, archive_pdf, tmp_path / "b.pdf"), signer).record()]
    finally:
        close()
    assert [r["signer"] for r in records] == [SIGNER, SIGNER]
    assert all(len(r["sha256"]) == 64 for r in records)
    assert all(verdict(reports(kit, tmp_path / name)) == VALID for name in ("a.pdf", "b.pdf"))
