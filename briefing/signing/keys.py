"""The signer's key: a PKCS#12 key file (.p12/.pfx) or a PKCS#11 token (a USB token, SoftHSM),
and the checks its certificate must pass before anything is written.

pyHanko signs with any certificate unless it is given a validation context (then it fails
deep inside the signing with a generic error), so the rules a clerk can break — an expired or
not yet valid certificate, one that may not make digital signatures, a CA certificate — are
checked here first, each with one line naming the certificate's holder.
"""

from __future__ import annotations

import datetime as dt
import getpass
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.inputs import read_input
from briefing.messages import msg
from briefing.problems import BriefingError
from briefing.signing import ICT, iso_time

KEY_LIMIT = 1 << 20  # a .p12 of a few KB; a megabyte is no key file
SECRET_LIMIT = 4096


@dataclass(frozen=True)
class KeySource:
    """Where the key is: `pkcs12` (a file), or `library` + `token` (PKCS#11)."""

    pkcs12: Path | None = None
    password_file: Path | None = None
    library: Path | None = None
    token: str | None = None
    key_label: str | None = None
    pin_file: Path | None = None
    #: the password or PIN itself, typed into the studio's form for one request: held in
    #: memory for that request only, never written anywhere
    secret: bytes | None = field(default=None, repr=False)


def read_secret(path: Path | None, prompt: str) -> bytes | None:
    """A password or PIN: the file's first line, or asked at the terminal (never stored);
    None when there is neither (a key file without a password)."""
    if path is not None:
        data = read_input(path, limit=SECRET_LIMIT, what="password file")
        return data.splitlines()[0] if data.strip() else b""
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt).encode()
    return None


def open_signer(source: KeySource) -> tuple[object, Callable[[], None]]:
    """(pyHanko signer, close): the key loaded, its certificate chain with it."""
    if source.pkcs12 is not None:
        password = source.secret if source.secret is not None else \
            read_secret(source.password_file, "password of the key file: ")
        return load_pkcs12(source.pkcs12, password), _nothing
    return open_token(source)


def _nothing() -> None:
    pass


def load_pkcs12(path: Path, password: bytes | None):
    """A SimpleSigner from a PKCS#12 file; the chain in the file is embedded when signing."""
    from asn1crypto import pkcs12 as asn1_pkcs12
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pyhanko.sign import signers


    data = read_input(path, limit=KEY_LIMIT, what="key file")
    try:
        key, cert, _ = pkcs12.load_key_and_certificates(data, password)
    except (ValueError, TypeError):
        try:
            asn1_pkcs12.Pfx.load(data).native  # noqa: B018 - parses the whole structure
        except Exception:  # any parse failure: not a key file
            raise BriefingError.at(path, msg("key-not-pkcs12", "not a PKCS#12 key file "
                                                               "(.p12 / .pfx)")) from None
        raise BriefingError.at(path, msg(
            "key-password", "cannot open the key file: wrong password") if password else msg(
            "key-password", "cannot open the key file: it needs a password "
                            "(--password-file)")) from None
    if key is None or cert is None:
        raise BriefingError.at(path, msg("key-empty", "the key file holds no private key and "
                                                      "certificate"))
    return signers.SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=password)


def open_token(source: KeySource):
    """A PKCS11Signer on the token with this label (slot numbers change when a token is
    plugged in again; labels do not), with every certificate on the token as the chain."""
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign import pkcs11


    where = str(source.library)
    if source.library is None or not Path(source.library).is_file():
        raise BriefingError.at(where, msg("token-no-library", "no PKCS#11 library here"),
                               hint=msg("token-no-library-hint", "the token's driver, e.g. "
                                        "/usr/lib/softhsm/libsofthsm2.so"))
    pin = source.secret if source.secret is not None else \
        read_secret(source.pin_file, f"PIN of token '{source.token}': ")
    try:
        session = pkcs11.open_pkcs11_session(
            str(source.library), token_criteria=TokenCriteria(label=source.token),
            user_pin=pin.decode() if pin is not None else None)
    except Exception as exc:  # the library's own errors, one line each
        raise BriefingError.at(where, msg("token-open", "cannot open token '{token}': {reason}",
                                          token=source.token, reason=_token_error(exc))
                               ) from None
    try:
        key_id = None if source.key_label else _only_key_id(session, where)
        signer = pkcs11.PKCS11Signer(session, key_label=source.key_label,
                                     cert_label=source.key_label, key_id=key_id,
                                     cert_id=key_id, other_certs_to_pull=None)
        # an EC key: hash here and have the token sign the digest (CKM_ECDSA), which every
        # token has; CKM_ECDSA_SHA256 is missing from many (SoftHSM among them)
        signer.use_raw_mechanism = signer.signing_cert.public_key.algorithm == "ec"
    except BriefingError:
        session.close()
        raise
    except Exception as exc:
        session.close()
        raise BriefingError.at(where, msg("token-no-key", "token '{token}': no usable key and "
                                          "certificate ({reason})", token=source.token,
                                          reason=_token_error(exc))) from None
    return signer, session.close


def _token_error(exc: Exception) -> str:
    name = type(exc).__name__
    text = str(exc).strip()
    if name == "PinIncorrect":
        return "wrong PIN"
    if name == "PinLenRange":
        return "the PIN has the wrong length"
    return f"{name}: {text}" if text else name


def _only_key_id(session, where: str) -> bytes:
    """The id of the token's one signing key; a token with several needs --key-label."""
    from pkcs11 import Attribute, ObjectClass

    keys = list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY,
                                     Attribute.SIGN: True}))
    if len(keys) != 1:
        labels = ", ".join(str(k.label) for k in keys) or "none"
        raise BriefingError.at(where, msg("token-keys", "the token holds {count} signing keys "
                                          "({labels})", count=len(keys), labels=labels),
                               hint=msg("token-keys-hint", "name one with --key-label"))
    return keys[0].id


# -- certificate checks ------------------------------------------------------------------------
def holder(cert) -> str:
    """The certificate's common name (the signer, as a reader sees it)."""
    return cert.subject.native.get("common_name") or cert.subject.human_friendly


def check_certificate(cert, at: dt.datetime, where: str) -> list[str]:
    """Refuse a certificate that must not sign at `at` (one line, BriefingError at `where`);
    return warnings for one that may but should not."""
    who = holder(cert)
    validity = cert["tbs_certificate"]["validity"]
    not_before, not_after = validity["not_before"].native, validity["not_after"].native
    if at < not_before:
        raise BriefingError.at(where, msg(
            "certificate-not-yet", "certificate of '{holder}' is not valid yet: valid from "
            "{time}", holder=who, time=iso_time(not_before.astimezone(ICT))))
    if at > not_after:
        raise BriefingError.at(where, msg(
            "certificate-expired", "certificate of '{holder}' expired on {time}", holder=who,
            time=iso_time(not_after.astimezone(ICT))), hint=msg(
            "certificate-expired-hint", "renew it with the certification authority"))
    constraints = cert.basic_constraints_value
    if constraints is not None and constraints["ca"].native:
        raise BriefingError.at(where, msg("certificate-ca", "certificate of '{holder}' is a CA "
                                                            "certificate, not a signer's",
                                          holder=who))
    usage = cert.key_usage_value
    usages = set(usage.native) if usage is not None else None
    if usages is not None and "digital_signature" not in usages:
        raise BriefingError.at(where, msg(
            "certificate-usage", "certificate of '{holder}' may not make digital signatures "
            "(key usage: {usages}; digitalSignature needed)", holder=who,
            usages=", ".join(sorted(usages))))
    if usages is None:
        return [str(msg("certificate-no-usage", "certificate of '{holder}' states no key "
                                                "usage", holder=who))]
    if "non_repudiation" not in usages:
        return [str(msg("certificate-no-nonrepudiation", "certificate of '{holder}' lacks "
                                                         "nonRepudiation (contentCommitment)",
                        holder=who))]
    return []


def trust_roots(paths: list[Path]) -> list:
    """Certificates (PEM or DER, several per PEM file) a verifier or signer trusts."""
    from asn1crypto import pem, x509


    roots = []
    for path in paths:
        data = read_input(path, limit=KEY_LIMIT, what="trusted certificate file")
        try:
            blobs = [der for _, _, der in pem.unarmor(data, multiple=True)] \
                if pem.detect(data) else [data]
            roots += [x509.Certificate.load(der) for der in blobs]
            for root in roots:
                root.native  # noqa: B018 - parse it now, not half-way through a check
        except Exception:
            raise BriefingError.at(path, msg("cert-unreadable",
                                             "not a certificate (PEM or DER)")) from None
        if not blobs:
            raise BriefingError.at(path, msg("cert-none", "no certificate in this file"))
    return roots
