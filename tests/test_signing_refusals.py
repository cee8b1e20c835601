"""`build.py sign` refusing what it must not sign (one line, exit 2, nothing written, the PDF
untouched), and signing with a PKCS#11 token (SoftHSM2)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.cli import main
from tests.signing_pki import SOFTHSM, softhsm_token
from tests.test_signing import kit, reports  # noqa: F401 - the session's PKI fixture


def run_sign(kit: Path, pdf: Path, out: Path, *extra: str) -> int:  # noqa: F811
    return main(["sign", str(pdf), "-o", str(out), *extra])


def key_options(kit: Path, holder: str = "signer") -> list[str]:  # noqa: F811
    return ["--key", str(kit / f"pki/{holder}.p12"), "--password-file",
            str(kit / "pki/password.txt"), "--signature", str(kit / "img/signature.png")]


@pytest.mark.parametrize("holder,message", [
    ("expired", r"pki/expired.p12: error: certificate of 'Nguyễn Văn Hết Hạn' expired on "
                r"2021-01-01T07:00:00\+07:00"),
    ("notyet", r"certificate of 'Trần Thị Chưa Tới' is not valid yet: valid from 20"),
    ("nodigsig", r"certificate of 'Phạm Văn Không Ký' may not make digital signatures "
                 r"\(key usage: non_repudiation; digitalSignature needed\)"),
])
def test_certificates_that_must_not_sign(kit, programme_pdf, tmp_path, capsys, holder,  # noqa: F811
                                         message):
    before = programme_pdf.pdf.read_bytes()
    out = tmp_path / "out.pdf"
    assert run_sign(kit, programme_pdf.pdf, out, *key_options(kit, holder)) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and __import__("re").search(message, err), err
    assert not out.exists() and not list(tmp_path.iterdir())
    assert programme_pdf.pdf.read_bytes() == before


def _not_a_pdf(tmp_path: Path, pdf: Path) -> Path:
    path = tmp_path / "notes.pdf"
    path.write_text("Số 12-HD/BTGTU\n", encoding="utf-8")
    return path


def _truncated(tmp_path: Path, pdf: Path) -> Path:
    path = tmp_path / "cut.pdf"
    path.write_bytes(pdf.read_bytes()[:30000])
    return path


@pytest.mark.parametrize("case,message", [
    ("password", "cannot open the key file: wrong password"),
    ("missing-key", "key file does not exist"),
    ("not-a-key", "not a PKCS#12 key file"),
    ("not-a-pdf", "not a PDF (no %PDF- header)"),
    ("corrupt", "damaged PDF"),
    ("no-image", "nothing to show"),
    ("opaque", "has no transparent background"),
])
def test_bad_input_is_one_line(kit, programme_pdf, tmp_path, capsys, case, message):  # noqa: F811
    pdf, options = programme_pdf.pdf, key_options(kit)
    if case == "password":
        (tmp_path / "wrong.txt").write_text("sai\n")
        options[3] = str(tmp_path / "wrong.txt")
    elif case == "missing-key":
        options[1] = str(tmp_path / "none.p12")
    elif case == "not-a-key":
        options[1] = str(kit / "pki/root.pem")
    elif case == "not-a-pdf":
        pdf = _not_a_pdf(tmp_path, pdf)
    elif case == "corrupt":
        pdf = _truncated(tmp_path, pdf)
    elif case == "no-image":
        options = options[:4]
    elif case == "opaque":
        from PIL import Image

        Image.new("RGB", (300, 120), "white").save(tmp_path / "flat.png")
        options[5] = str(tmp_path / "flat.png")
    out = tmp_path / "out.pdf"
    assert run_sign(kit, pdf, out, *options) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err and "Traceback" not in err, err
    assert not out.exists()


def test_a_field_signed_already_is_refused(kit, programme_pdf, tmp_path, capsys):  # noqa: F811
    one = tmp_path / "one.pdf"
    assert run_sign(kit, programme_pdf.pdf, one, *key_options(kit)) == 0
    before = one.read_bytes()
    assert run_sign(kit, one, one, *key_options(kit)) == 2
    assert "field 'Signature1' is signed already" in capsys.readouterr().err
    assert one.read_bytes() == before


def test_signing_in_place_appends(kit, programme_pdf, tmp_path, capsys):  # noqa: F811
    pdf = tmp_path / "doc.pdf"
    shutil.copy(programme_pdf.pdf, pdf)
    assert main(["sign", str(pdf), *key_options(kit)]) == 0
    assert "signed doc.pdf: Signature1 by Lê Hồng Sơn at " in capsys.readouterr().out \
        or pdf.read_bytes().startswith(programme_pdf.pdf.read_bytes())
    assert pdf.read_bytes().startswith(programme_pdf.pdf.read_bytes())


# -- a token ----------------------------------------------------------------------------------
@pytest.mark.skipif(not (SOFTHSM.exists() and shutil.which("softhsm2-util")
                         and shutil.which("pkcs11-tool")),
                    reason="SoftHSM2 and OpenSC are not installed (softhsm2, opensc)")
def test_sign_with_a_pkcs11_token(kit, programme_pdf, tmp_path, monkeypatch):  # noqa: F811
    """A token selected by its label (its slot number changes when plugged in again), the
    chain read from the token and embedded."""
    softhsm_token(kit, tmp_path, monkeypatch)
    (tmp_path / "pin.txt").write_text("1234\n")
    out = tmp_path / "token-signed.pdf"
    assert main(["sign", str(programme_pdf.pdf), "-o", str(out), "--pkcs11", str(SOFTHSM),
                 "--token", "van-thu", "--pin-file", str(tmp_path / "pin.txt"),
                 "--signature", str(kit / "img/signature.png")]) == 0
    (report,) = reports(kit, out)
    assert report.signer == "Lê Hồng Sơn" and report.intact and report.trusted and report.whole
    (tmp_path / "wrong.txt").write_text("0000\n")
    assert main(["sign", str(programme_pdf.pdf), "-o", str(tmp_path / "x.pdf"), "--pkcs11",
                 str(SOFTHSM), "--token", "van-thu", "--pin-file",
                 str(tmp_path / "wrong.txt"), "--signature",
                 str(kit / "img/signature.png")]) == 2
    assert not (tmp_path / "x.pdf").exists()
