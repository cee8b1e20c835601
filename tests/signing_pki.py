"""A test PKI made with `cryptography`: root CA -> issuing CA -> signers, and the images a
signer uses (a blue signature, a red 36 mm seal, both transparent PNGs). Nothing is fetched and
nothing is kept: each test session makes its own in a temporary folder.

`make_pki(folder)` writes root.pem, issuing.pem, other-root.pem and, for each holder, NAME.p12
(password PASSWORD), NAME.pem and NAME.key.pem: signer (valid), org (the organisation, valid),
expired, notyet, nodigsig (key usage nonRepudiation only).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from PIL import Image, ImageDraw

PASSWORD = b"mat-khau-thu"
UTC = dt.timezone.utc
SIGNER = "Lê Hồng Sơn"
ORG = "Ban Tuyên giáo Thành ủy"
HOLDERS = {  # name -> (common name, key usage, valid from (days from now), valid to)
    "signer": (SIGNER, "good", -365, 730),
    "org": (ORG, "good", -365, 730),
    "expired": ("Nguyễn Văn Hết Hạn", "good", None, None),
    "notyet": ("Trần Thị Chưa Tới", "good", 365, 1000),
    "nodigsig": ("Phạm Văn Không Ký", "nonrep", -365, 730),
}


def _name(common: str, org: str = "Ban Tuyên giáo Thành ủy TP. Hồ Chí Minh") -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                      x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _usage(kind: str) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=kind == "good", content_commitment=kind in ("good", "nonrep"),
        key_encipherment=False, data_encipherment=False, key_agreement=False,
        key_cert_sign=kind == "ca", crl_sign=kind == "ca", encipher_only=False,
        decipher_only=False)


def _cert(subject, key, issuer, issuer_key, *, ca, usage, start, end):
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .add_extension(_usage(usage), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                issuer_key.public_key()), critical=False)
            .sign(issuer_key, hashes.SHA256()))


def _pem(cert) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _key():
    return ec.generate_private_key(ec.SECP256R1())  # fast to make; real tokens use RSA or EC


def make_pki(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(UTC).replace(microsecond=0)
    days = dt.timedelta(days=1)
    root_key, issuing_key, other_key = _key(), _key(), _key()
    root_name = _name("Test Root CA (briefing)", "Briefing Test PKI")
    root = _cert(root_name, root_key, root_name, root_key, ca=True, usage="ca",
                 start=now - 4000 * days, end=now + 7000 * days)
    issuing_name = _name("Test Issuing CA (briefing)", "Briefing Test PKI")
    issuing = _cert(issuing_name, issuing_key, root_name, root_key, ca=True, usage="ca",
                    start=now - 4000 * days, end=now + 3650 * days)
    other_name = _name("Other Root CA (untrusted)", "Somewhere Else")
    other = _cert(other_name, other_key, other_name, other_key, ca=True, usage="ca",
                  start=now - 400 * days, end=now + 3650 * days)
    (folder / "root.pem").write_bytes(_pem(root))
    (folder / "issuing.pem").write_bytes(_pem(issuing))
    (folder / "other-root.pem").write_bytes(_pem(other))
    (folder / "password.txt").write_bytes(PASSWORD + b"\n")
    for stem, (common, usage, start, end) in HOLDERS.items():
        key = _key()
        begin = dt.datetime(2020, 1, 1, tzinfo=UTC) if start is None else now + start * days
        finish = dt.datetime(2021, 1, 1, tzinfo=UTC) if end is None else now + end * days
        cert = _cert(_name(common), key, issuing_name, issuing_key, ca=False, usage=usage,
                     start=begin, end=finish)
        (folder / f"{stem}.p12").write_bytes(pkcs12.serialize_key_and_certificates(
            stem.encode(), key, cert, [issuing, root],
            serialization.BestAvailableEncryption(PASSWORD)))
        (folder / f"{stem}.pem").write_bytes(_pem(cert))
        (folder / f"{stem}.key.pem").write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
    return folder


BLUE, RED = (26, 63, 176, 255), (208, 28, 31, 255)


def make_images(folder: Path) -> Path:
    """signature.png: 900 x 360 px at 300 dpi (76 x 30 mm), blue strokes on transparency;
    seal.png: a 36 mm red ring at 300 dpi (425 px), the DPI stored in the PNG."""
    folder.mkdir(parents=True, exist_ok=True)
    signature = Image.new("RGBA", (900, 360), (0, 0, 0, 0))
    points = [(60 + t * 760, 190 + 90 * math.sin(t * 11) * (1 - t * 0.6)) for t in
              (i / 199 for i in range(200))]
    ImageDraw.Draw(signature).line(points, fill=BLUE, width=9)
    signature.save(folder / "signature.png", dpi=(300, 300))
    px = round(36 / 25.4 * 300)
    seal = Image.new("RGBA", (px, px), (0, 0, 0, 0))
    draw = ImageDraw.Draw(seal)
    draw.ellipse([4, 4, px - 5, px - 5], outline=RED, width=12)
    draw.ellipse([40, 40, px - 41, px - 41], outline=RED, width=5)
    draw.regular_polygon((px / 2, px / 2, 60), 5, fill=RED)
    seal.save(folder / "seal.png", dpi=(300, 300))
    return folder


SOFTHSM = Path("/usr/lib/softhsm/libsofthsm2.so")


def softhsm_token(kit: Path, tmp_path: Path, monkeypatch) -> None:
    """A SoftHSM2 token labelled "van-thu" (user PIN 1234) holding the signer's key and its
    chain (signer, issuing CA, root), in `tmp_path`/tokens."""
    import os
    import subprocess

    (tmp_path / "tokens").mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tmp_path / 'tokens'}\n"
                    "objectstore.backend = file\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))  # read when the library is loaded

    def tool(*command: str) -> None:
        subprocess.run(command, check=True, capture_output=True, env=os.environ)

    tool("softhsm2-util", "--init-token", "--free", "--label", "van-thu", "--so-pin", "5678",
         "--pin", "1234")
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key((kit / "pki/signer.key.pem").read_bytes(), None)
    (tmp_path / "key.der").write_bytes(key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    login = ["pkcs11-tool", "--module", str(SOFTHSM), "--token-label", "van-thu", "--login",
             "--pin", "1234"]
    tool(*login, "--write-object", str(tmp_path / "key.der"), "--type", "privkey", "--id",
         "01", "--label", "signer", "--usage-sign")
    for number, name in enumerate(["signer", "issuing", "root"], 1):
        cert = x509.load_pem_x509_certificate((kit / f"pki/{name}.pem").read_bytes())
        (tmp_path / f"{name}.der").write_bytes(cert.public_bytes(serialization.Encoding.DER))
        tool(*login, "--write-object", str(tmp_path / f"{name}.der"), "--type", "cert",
             "--id", f"0{number}", "--label", name)
