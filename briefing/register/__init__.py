"""The register of the numbers an office gives its documents (sổ đăng ký văn bản đi, ND 30
Điều 15–16; HD 36 for the Party): `numbers` says how a profile writes and counts them, `store`
keeps them in an SQLite file beside the editions."""

from __future__ import annotations

from briefing.editions.layout import DEFAULT_ARCHIVE

#: the register's file in an archive of editions
REGISTER_NAME = "register.sqlite"
DEFAULT_REGISTER = DEFAULT_ARCHIVE / REGISTER_NAME
