"""`edition --sign`: the PDFs signed as they are archived, each signature in the manifest,
`archive verify` checking them (and a rebuild comparing the bytes before the signature), a
numbered and signed edition; a key that may not sign refuses the edition before anything is
written or any number taken."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import PROJECT_ROOT
from briefing.register.ledger import Register
from tests import test_signing
from tests.signing_pki import SIGNER, SOFTHSM, softhsm_token
from tests.test_edition_numbers import auto_content, edition
from tests.test_editions import quiet

PDFSIG = shutil.which("pdfsig")
kit = test_signing.kit  # the test PKI and images, made once a session


def key_args(kit: Path, holder: str = "signer") -> list[str | Path]:
    return ["--sign", "--key", kit / f"pki/{holder}.p12", "--password-file",
            kit / "pki/password.txt", "--signature", kit / "img/signature.png"]


@pytest.fixture(scope="module")
def signed(kit, tmp_path_factory) -> tuple[Path, Path]:
    """A numbered edition (number: auto), signed as it is archived: (archive, its PDF)."""
    folder = tmp_path_factory.mktemp("signed")
    content, archive = auto_content(folder / "content"), folder / "archive"
    result = edition(content, archive, "ky-so", *key_args(kit), "--trust", kit / "pki/root.pem")
    assert result.code == 0, result.err
    assert f"signed chuong-trinh.pdf: Signature1 by {SIGNER} at " in result.out
    assert "number 01-CTr/BTGTU: chuong-trinh" in result.out
    return archive, archive / "ky-so" / "r1" / "chuong-trinh.pdf"


def test_the_manifest_records_the_signature(signed):
    archive, pdf = signed
    manifest = json.loads((pdf.parent / "manifest.json").read_text(encoding="utf-8"))
    variant = manifest["variants"][0]
    assert variant["number"] == "01-CTr/BTGTU"
    [record] = variant["signatures"]
    assert (record["file"], record["field"], record["signer"]) == ("chuong-trinh.pdf",
                                                                   "Signature1", SIGNER)
    assert record["time"].endswith("+07:00")
    assert record["sha256"] == manifest["files"]["chuong-trinh.pdf"]["sha256"]
    assert record["unsigned_bytes"] < pdf.stat().st_size
    assert Register(archive / "register.sqlite").entries()[0].status == "issued"


def test_archive_verify_checks_the_signatures(signed, kit):
    archive, _ = signed
    result = quiet("archive", "verify", "--archive", archive, "--trust", kit / "pki/root.pem")
    assert result.code == 0, result.err
    assert "1 signature(s) intact, trusted" in result.out
    result = quiet("archive", "verify", "--archive", archive)
    assert result.code == 0 and "trust not checked" in result.out
    result = quiet("archive", "verify", "--archive", archive, "--trust",
                   kit / "pki/other-root.pem")
    assert result.code == 2 and "does not lead to a trusted root" in result.err


def test_a_rebuild_compares_the_bytes_before_the_signature(signed, tmp_path):
    archive, pdf = signed
    result = quiet("archive", "verify", "--archive", archive, "--rebuild")
    assert result.code == 0 and "rebuilt byte-identical" in result.out, result.err
    result = quiet("archive", "extract", pdf, "--out", tmp_path / "x", "--rebuild")
    assert result.code == 0 and "before its signatures" in result.out, result.err


def test_a_changed_signature_fails_verify_even_with_a_matching_manifest(signed, tmp_path):
    """Tampering that also rewrites the manifest's hashes is still caught by the signature."""
    archive, _ = signed
    copy = tmp_path / "archive"
    shutil.copytree(archive, copy)
    revision = copy / "ky-so" / "r1"
    for path in [revision, *revision.iterdir()]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    pdf = revision / "chuong-trinh.pdf"
    data = bytearray(pdf.read_bytes())
    data[2000] ^= 0x01  # inside the signed bytes
    pdf.write_bytes(bytes(data))
    manifest = json.loads((revision / "manifest.json").read_text(encoding="utf-8"))
    from briefing.editions.hashing import sha256_file

    manifest["files"]["chuong-trinh.pdf"]["sha256"] = sha256_file(pdf)
    (revision / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    result = quiet("archive", "verify", "--archive", copy)
    assert result.code == 2
    assert "not the PDF as built" in result.err and "is broken" in result.err, result.err


@pytest.mark.skipif(PDFSIG is None, reason="poppler's pdfsig is not installed (poppler-utils)")
def test_pdfsig_finds_the_archived_signature_valid(signed):
    _, pdf = signed
    out = subprocess.run([PDFSIG, str(pdf)], capture_output=True, text=True).stdout
    assert "Signature is Valid" in out and f"Common Name: {SIGNER}" in out, out
    assert "Total document signed" in out


@pytest.mark.parametrize("holder, password, message", [
    ("signer", "sai-mat-khau", "wrong password"),
    ("expired", None, "expired on"),
    ("nodigsig", None, "may not make digital signatures"),
])
def test_a_key_that_may_not_sign_refuses_the_edition(kit, tmp_path, holder, password, message):
    content, archive = auto_content(tmp_path / "c"), tmp_path / "archive"
    args = key_args(kit, holder)
    if password is not None:
        wrong = tmp_path / "password.txt"
        wrong.write_text(password + "\n", encoding="utf-8")
        args[args.index("--password-file") + 1] = wrong
    result = edition(content, archive, "ky-so", *args)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.err
    assert [p.name for p in (archive / "ky-so").iterdir()] == [".lock"]
    assert not (archive / "register.sqlite").exists()  # no number taken


def test_sign_needs_a_key(tmp_path, capsys):
    from briefing.cli import main

    content = auto_content(tmp_path / "c")
    with pytest.raises(SystemExit) as exit_:
        main(["edition", str(content), "--date", "2026-03-05", "--sign", "--archive",
              str(tmp_path / "archive")])
    assert exit_.value.code == 2 and "give the key" in capsys.readouterr().err
    assert not (tmp_path / "archive").exists()



def test_sign_needs_pdfs(kit, tmp_path):
    content = auto_content(tmp_path / "c")
    result = quiet("edition", content, "--date", "2026-03-05", "--name", "docx", "--with-base",
                   "--units", content.parent / "units", "--format", "docx", "--no-progress",
                   "--archive", tmp_path / "archive", *key_args(kit))
    assert result.code == 2 and "this edition has none" in result.err
    assert not (tmp_path / "archive" / "register.sqlite").exists()


@pytest.mark.skipif(not (SOFTHSM.exists() and shutil.which("softhsm2-util")
                         and shutil.which("pkcs11-tool")),
                    reason="SoftHSM2 and OpenSC are not installed (softhsm2, opensc)")
def test_an_edition_signed_with_a_token(kit, tmp_path, monkeypatch):
    softhsm_token(kit, tmp_path, monkeypatch)
    (tmp_path / "pin.txt").write_text("1234\n")
    content, archive = auto_content(tmp_path / "c"), tmp_path / "archive"
    # in a process of its own: SoftHSM reads its configuration once per process
    command = [sys.executable, str(PROJECT_ROOT / "build.py"), "edition", str(content),
               "--date", "2026-03-05", "--name", "token", "--with-base", "--units",
               str(content.parent / "units"), "--format", "pdf", "--jobs", "1",
               "--no-progress", "--archive", str(archive), "--sign", "--pkcs11", str(SOFTHSM),
               "--token", "van-thu", "--pin-file", str(tmp_path / "pin.txt"), "--signature",
               str(kit / "img/signature.png")]
    done = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert done.returncode == 0, done.stderr
    assert f"signed chuong-trinh.pdf: Signature1 by {SIGNER}" in done.stdout
    result = quiet("archive", "verify", "--archive", archive, "--trust", kit / "pki/root.pem")
    assert result.code == 0 and "1 signature(s) intact, trusted" in result.out, result.err
