"""Digital signatures on the PDFs we make: PAdES (ETSI.CAdES.detached) with pyHanko, placed as
Nghị định 30/2020 Phụ lục I lays out an electronic document's signatures, and verified.

Importing this package is cheap (pyHanko is imported by the modules that sign or verify, each
after this package, so what it sets below is in force first): what pyHanko logs and warns is for
its developers, not for a clerk. It logs path-building failures with tracebacks at WARNING (the
verification report says the same in one line), fontTools' subsetter logs "FFTM NOT subset",
and under cryptography >= 48 pyHanko's import of DSA raises a deprecation warning.
"""

from __future__ import annotations

import datetime as dt
import logging
import warnings

for _name in ("pyhanko", "pyhanko_certvalidator", "fontTools.subset"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False
warnings.filterwarnings("ignore", message="DSA is deprecated", module=r"pyhanko(\.|$)")
warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"pyhanko(\.|$)")

#: HTML ids the PDF writer sets on the closing's signature space and the signer's name;
#: WeasyPrint turns them into named destinations, which tell the signer where the block is.
#: A dot cannot occur in a content id, so no section can take these names.
SPACE_ID = "signature.space"
NAME_ID = "signature.name"

#: Viet Nam's time: one offset all year (no daylight saving), so no tz database is needed.
ICT = dt.timezone(dt.timedelta(hours=7), "ICT")

#: Signature fields: the signer's, the organisation's seal, the attachment stamp.
SIGNER_FIELD = "Signature1"
SEAL_FIELD = "Seal1"
STAMP_FIELD = "Stamp1"


def now_ict() -> dt.datetime:
    """The signing time: now, in Viet Nam's time, to the second (as the PDF records it)."""
    return dt.datetime.now(ICT).replace(microsecond=0)


def iso_time(moment: dt.datetime) -> str:
    """2026-12-07T10:15:30+07:00 (ISO 8601, as ND 30 asks for the stamp)."""
    return moment.astimezone(ICT).isoformat(timespec="seconds")
