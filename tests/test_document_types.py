"""Document types as profile data: the symbols of ND 30/2020 PL III §I and of HD 36, `meta.type`
by key or printed name, the number checked against the type's symbol, what a type expects or
does not print, and the lines the rules punctuate — each a message at its place, the safe ones
with a fix. Every fixture of tests/fixtures/types passes `check` with no finding.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from briefing import PROJECT_ROOT
from briefing.problems import BriefingError
from briefing.profile.document_types import resolve, slug
from briefing.profile.model import load_profile, load_profile_file
from briefing.validation import validate_file
from briefing.validation.fixer import fix_file

FIXTURES = sorted((PROJECT_ROOT / "tests" / "fixtures" / "types").glob("*.yaml"))

#: ND 30/2020 PL III §I, table of abbreviations, exactly (and công văn without one).
STATE_SYMBOLS = {
    "nghi-quyet": "NQ", "quyet-dinh": "QĐ", "chi-thi": "CT", "quy-che": "QC", "quy-dinh": "QyĐ",
    "thong-cao": "TC", "thong-bao": "TB", "huong-dan": "HD", "chuong-trinh": "CTr",
    "ke-hoach": "KH", "phuong-an": "PA", "de-an": "ĐA", "du-an": "DA", "bao-cao": "BC",
    "bien-ban": "BB", "to-trinh": "TTr", "hop-dong": "HĐ", "cong-dien": "CĐ",
    "ban-ghi-nho": "BGN", "ban-thoa-thuan": "BTT", "giay-uy-quyen": "GUQ", "giay-moi": "GM",
    "giay-gioi-thieu": "GGT", "giay-nghi-phep": "GNP", "phieu-gui": "PG", "phieu-chuyen": "PC",
    "phieu-bao": "PB", "ban-sao-y": "SY", "ban-trich-sao": "TrS", "ban-sao-luc": "SL",
    "cong-van": None,
}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_every_type_fixture_passes_check_with_no_finding(path: Path):
    assert [str(p) for p in validate_file(path)] == []


def test_the_fixtures_cover_the_types_of_the_issue():
    names = {p.stem for p in FIXTURES}
    for stem in ("state-cong-van", "state-to-trinh", "state-quyet-dinh",
                 "state-quyet-dinh-quy-che", "state-thong-bao", "state-ke-hoach",
                 "state-bao-cao", "state-bien-ban", "state-giay-moi", "party-quy-che",
                 "party-quy-dinh"):
        assert stem in names


def test_state_symbols_are_those_of_the_decree():
    types = load_profile("state").document_types
    for key, symbol in STATE_SYMBOLS.items():
        assert types[key].symbol == symbol, key
    assert types["cong-van"].name is None and types["cong-van"].subject == "under-number"
    assert types["bien-ban"].signers == 2 and not types["bien-ban"].place_date
    assert types["quyet-dinh"].enactment == "QUYẾT ĐỊNH:"
    assert types["tai-lieu"].form == "booklet"


def test_party_symbols_differ_where_hd_36_does():
    party = load_profile("party").document_types
    assert party["quy-dinh"].symbol == "QĐi" and party["cong-van"].symbol == "CV"
    assert party["ket-luan"].symbol == "KL" and party["thong-tri"].symbol == "TT"
    assert not any(kind.end_mark for kind in party.values())


@pytest.mark.parametrize("written, key", [
    ("quyet-dinh", "quyet-dinh"), ("QUYẾT ĐỊNH", "quyet-dinh"), ("Quyết định", "quyet-dinh"),
    (unicodedata.normalize("NFD", "Kế hoạch"), "ke-hoach"), ("Công văn", "cong-van"),
    ("  tờ   trình ", "to-trinh"), ("TÀI LIỆU", "tai-lieu"),
])
def test_meta_type_is_a_key_or_a_printed_name(written: str, key: str):
    found = resolve(load_profile("state").document_types, written)
    assert found is not None and found[0] == key


def test_unknown_types_and_slugs():
    assert resolve(load_profile("state").document_types, "pháp lệnh") is None
    assert slug("Đề án") == "de-an"


@pytest.mark.parametrize("replace, message", [
    (("  de-an: {name: ĐỀ ÁN, symbol: ĐA, end_mark: true}",
      "  de-an: {name: ĐỀ ÁN, symbol: PA, end_mark: true}"), "'PA' is also the symbol of"),
    (("  de-an: {name: ĐỀ ÁN, symbol: ĐA, end_mark: true}",
      "  de-an: {name: đề án, symbol: ĐA2, end_mark: true}"), "'ĐA2' is not a symbol"),
    (("  to-trinh: {name: TỜ TRÌNH, symbol: TTr, addressees: true, end_mark: true, "
      "expects: [addressees]}", "  to-trinh: {name: TỜ TRÌNH, symbol: TTr, expects: "
      "[addressees]}"), "expects addressees, which the type does not print"),
    (("  du-an: {name: DỰ ÁN, symbol: DA, end_mark: true}",
      "  Du_an: {name: DỰ ÁN, symbol: DA, end_mark: true}"), "'Du_an' is not a type key"),
    (("    label: \"Điều {n}.\"", "    label: \"Điều {m}.\""), "must hold one counter {n}"),
    (("  authorities: [TM., KT., TL., TUQ., Q.]", "  authorities: [TM., K T.]"),
     "'K T.' is not one word"),
])
def test_a_profile_with_a_broken_type_is_refused_at_its_line(tmp_path: Path, replace, message):
    text = (PROJECT_ROOT / "profiles" / "state.yaml").read_text("utf-8")
    old, new = replace
    assert old in text
    path = tmp_path / "custom.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_profile_file(path)
    problem = next(p for p in caught.value.problems if message in p.message)
    line = next(i for i, t in enumerate(path.read_text("utf-8").splitlines(), 1) if new in t)
    assert problem.position.line == line, str(caught.value)


HEAD = """meta:
  form: official
  profile: {profile}
  issuer:
    superior: ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
    name: SỞ NỘI VỤ
  number: {number}
  place: Hà Tĩnh
  date: 2024-03-05
  type: {type}
  subject: Về việc tổ chức hội nghị
  signer:
    authority: {authority}
    name: Trần Văn An
blocks:
  - {body}
"""


def check(tmp_path: Path, **fields: str) -> list[str]:
    values = {"profile": "state", "number": "12/TB-SNV", "type": "thong-bao",
              "authority": "GIÁM ĐỐC", "body": "Sở Nội vụ thông báo lịch họp."} | fields
    path = tmp_path / "doc.yaml"
    path.write_text(HEAD.format(**values), encoding="utf-8")
    return [f"{p.position.line}:{p.position.col} {p.severity}: {p.message} ({p.hint})"
            for p in validate_file(path)]


@pytest.mark.parametrize("fields, expected", [
    ({"number": "30/2024/TB-SNV"}, None),
    ({"number": "/TB-SNV"}, None),
    ({"number": "30/2020/TB-SNV"}, "7:11 warning: the year in the number (2020)"),
    ({"number": "12/KH-SNV"}, "7:11 error: document number '12/KH-SNV': the symbol of a "
                              "thông báo is TB, not KH"),
    ({"number": "12/Tb-SNV"}, "7:14 error: document number '12/Tb-SNV'"),
    ({"type": "cong-van", "number": "12/TB-SNV"}, "a công văn has no type code"),
    ({"type": "cong-van", "number": "12/SNV-VP"}, None),
    ({"profile": "party", "number": "12-TB/BTGTU", "type": "thong-bao"}, None),
    ({"profile": "party", "number": "12-HD/BTGTU", "type": "cong-van"},
     "the symbol of a công văn is CV, not HD"),
    ({"type": "thong bao chung"}, "10:9 error: unknown document type 'thong bao chung'"),
])
def test_numbers_follow_their_type(tmp_path: Path, fields: dict[str, str], expected: str | None):
    found = [p for p in check(tmp_path, **fields) if "number" in p or "type" in p]
    if expected is None:
        assert not [p for p in found if "error" in p or "year" in p], found
    else:
        assert any(p.startswith(expected) or expected in p for p in found), found


def test_a_case_slip_in_the_symbol_is_fixed(tmp_path: Path):
    check(tmp_path, number="12/Tb-SNV")
    fix_file(tmp_path / "doc.yaml")
    assert "number: 12/TB-SNV" in (tmp_path / "doc.yaml").read_text("utf-8")


@pytest.mark.parametrize("profile, number, written, fixed", [
    ("state", "12/TB-SNV", "T/M ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN"),
    ("state", "12/TB-SNV", "KT GIÁM ĐỐC", "KT. GIÁM ĐỐC"),
    ("party", "12-TB/BTGTU", "KT. TRƯỞNG BAN", "K/T TRƯỞNG BAN"),
])
def test_authorities_are_written_the_profiles_way(tmp_path: Path, profile, number, written,
                                                  fixed):
    found = check(tmp_path, profile=profile, number=number, authority=written)
    assert any(p.startswith("13:16 warning: signing authority") for p in found), found
    fix_file(tmp_path / "doc.yaml")
    assert f"authority: {fixed}" in (tmp_path / "doc.yaml").read_text("utf-8")


def test_what_a_type_expects_and_what_it_does_not_print(tmp_path: Path):
    found = check(tmp_path, type="quyet-dinh", number="12/QĐ-SNV")
    for said in ("no Căn cứ lines", "meta.enacting_authority is missing",
                 "laid out in articles (Điều), but it has none"):
        assert any(said in p and " warning: " in p for p in found), (said, found)
    path = tmp_path / "doc.yaml"
    text = path.read_text("utf-8").replace("  signer:", "  addressees: [Sở Tài chính]\n"
                                           "  signer:")
    path.write_text(text, encoding="utf-8")
    found = [str(p) for p in validate_file(path)]
    assert any("prints no 'Kính gửi:'" in p for p in found), found


def test_a_booklet_type_as_an_official_document_is_a_warning(tmp_path: Path):
    found = check(tmp_path, type="tai-lieu", number="12/TB-SNV")
    assert any("is a booklet (with a cover)" in p and "fix: 'official' -> 'booklet'" in p
               for p in found), found


def test_basis_and_addressees_are_punctuated_by_the_fix(tmp_path: Path):
    path = tmp_path / "doc.yaml"
    path.write_text(HEAD.format(profile="state", number="12/CV-SNV", type="cong-van",
                                authority="GIÁM ĐỐC", body="Sở Nội vụ đề nghị.").replace(
        "  signer:", "  addressees: [Sở Tài chính, Kính gửi Sở Xây dựng;]\n  signer:").replace(
        "blocks:", "basis: [Căn cứ Luật A, Theo đề nghị của Chánh Văn phòng;]\nblocks:")
        .replace("12/CV-SNV", "12/SNV-VP"), encoding="utf-8")
    fix_file(path)
    text = path.read_text("utf-8")
    assert "addressees: [Sở Tài chính;, Sở Xây dựng.]" in text
    assert "basis: [Căn cứ Luật A;, Theo đề nghị của Chánh Văn phòng.]" in text


def test_the_end_mark_typed_at_the_end_is_removed_by_the_fix(tmp_path: Path):
    found = check(tmp_path, body="Sở Nội vụ thông báo lịch họp./.")
    assert any("hand-typed end mark './.'" in p for p in found), found
    fix_file(tmp_path / "doc.yaml")
    assert "  - Sở Nội vụ thông báo lịch họp.\n" in (tmp_path / "doc.yaml").read_text("utf-8")
    kept = check(tmp_path, profile="party", number="12-TB/BTGTU", body="Lịch họp./.")
    assert not any("end mark" in p for p in kept), kept  # Party types print no end mark


def test_a_profile_without_types_checks_none_but_still_wants_a_subject(tmp_path: Path):
    from briefing.content.loader import load_document
    from briefing.validation.checks import structure_findings

    path = tmp_path / "doc.yaml"
    path.write_text(HEAD.format(profile="state", number="12/XYZ-SNV", type="bất kỳ",
                                authority="GIÁM ĐỐC", body="Sở Nội vụ thông báo.").replace(
        "  subject: Về việc tổ chức hội nghị\n", ""), encoding="utf-8")
    loaded = load_document(path)
    bare = load_profile("state").model_copy(update={"document_types": {}})
    found = [f.problem for f in structure_findings(loaded, bare)]
    assert [p.message for p in found] == ["an official document needs meta.subject"]
    assert found[0].position.line == 2
