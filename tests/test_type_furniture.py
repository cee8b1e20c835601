"""Every document type prints its furniture, in both writers and both profiles: a công văn's
"V/v …" under the number and "Kính gửi:", a quyết định's enacting authority, Căn cứ lines and
"QUYẾT ĐỊNH:", the attached quy chế on a new page with its "(Ban hành kèm theo …)" line, a
biên bản's two signature blocks side by side with Nơi nhận under the secretary and no place
and date, the end mark "./." where the type has one, the signing authorities as written.

What a person sees is asserted: the DOCX XML (texts, styles' looks, the masthead's cells), the
PDF read with pdfplumber (text in order and where it stands), the Markdown view. LibreOffice's
rendering of our DOCX and its page count are compared in test_type_furniture_pages.py.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pdfplumber
import pytest
from lxml import etree

from briefing.builds.pipeline import render_loaded
from briefing.content.loader import load_document
from briefing.tree.vocabulary import Document
from briefing.writers.markdown import write_markdown
from tests.type_furniture_cases import NAMES, case_path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MM = 72 / 25.4


@dataclass
class Built:
    name: str
    tree: Document
    docx: bytes
    pdf: bytes

    def xml(self, part: str = "word/document.xml") -> Any:
        with zipfile.ZipFile(io.BytesIO(self.docx)) as package:
            return etree.fromstring(package.read(part))

    def paragraphs(self) -> list[tuple[str, str]]:
        """(style id, text) of every paragraph of the body, tables included, in order."""
        return [(_style(p), _text(p)) for p in self.xml().iter(f"{W}p")]

    def style(self, style_id: str) -> Any:
        styles = self.xml("word/styles.xml")
        return styles.find(f"{W}style[@{W}styleId='{style_id}']")

    def lines(self) -> list[list[dict[str, Any]]]:
        """The text lines of each PDF page (pdfplumber), top down."""
        with pdfplumber.open(io.BytesIO(self.pdf)) as pdf:
            return [page.extract_text_lines(return_chars=True) for page in pdf.pages]

    def line(self, starts: str) -> tuple[int, dict[str, Any]]:
        """(page index, line) of the first PDF line starting with `starts`."""
        for number, page in enumerate(self.lines()):
            for line in page:
                if line["text"].startswith(starts):
                    return number, line
        raise AssertionError(f"no line starts with {starts!r}")

    def find(self, text: str) -> tuple[int, dict[str, Any]]:
        """(page index, match: x0, x1, top) of the first place `text` is printed."""
        with pdfplumber.open(io.BytesIO(self.pdf)) as pdf:
            for number, page in enumerate(pdf.pages):
                found = page.search(text, regex=False)
                if found:
                    return number, found[0]
        raise AssertionError(f"{text!r} is not printed")

    def text(self) -> str:
        return "\n".join(line["text"] for page in self.lines() for line in page)


def _style(p: Any) -> str:
    found = p.find(f"{W}pPr/{W}pStyle")
    return found.get(f"{W}val") if found is not None else ""


def _on(rpr: Any, tag: str) -> bool:
    """A toggle of run properties (w:b, w:i, w:caps) is on."""
    found = rpr.find(f"{W}{tag}") if rpr is not None else None
    return found is not None and found.get(f"{W}val") not in ("0", "false")


def _text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Built]:
    directory = tmp_path_factory.mktemp("types")
    made: dict[str, Built] = {}

    def get(name: str) -> Built:
        if name not in made:
            rendered = render_loaded(load_document(case_path(name, directory)), ("docx", "pdf"))
            made[name] = Built(name, rendered.tree, rendered.outputs["docx"],
                               rendered.outputs["pdf"])
        return made[name]

    return get


def _center(line: dict[str, Any]) -> float:
    return (line["x0"] + line["x1"]) / 2


def _page_center(profile_left: float = 30, profile_right: float = 15) -> float:
    return (profile_left + (210 - profile_right)) / 2 * MM


# -- every fixture builds ---------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_every_type_fixture_builds_to_docx_and_pdf(name: str, build):
    built = build(name)
    assert built.docx[:2] == b"PK" and built.pdf[:5] == b"%PDF-"
    assert "Traceback" not in built.text()


# -- công văn: no type name, V/v under the number, Kính gửi -----------------------------------
@pytest.mark.parametrize("name, number, italic", [("state-cong-van", "Số: 412/SGDĐT-VP", False),
                                                  ("party-cong-van", "Số 215-CV/BTGTU", True)])
def test_cong_van_has_its_subject_under_the_number_in_the_left_cell(name, number, italic,
                                                                      build):
    built = build(name)
    masthead = built.xml().find(f"{W}body/{W}tbl")
    left_cell = masthead.findall(f"{W}tr")[1].findall(f"{W}tc")[0]
    texts = [(_style(p), _text(p)) for p in left_cell.iter(f"{W}p")]
    assert texts[0] == ("MastheadNumber", number)
    assert texts[1][0] == "LetterSubject" and texts[1][1].startswith("V/v ")
    assert not any(style == "DocumentType" for style, _ in built.paragraphs())
    look = built.style("LetterSubject").find(f"{W}rPr")
    assert look.find(f"{W}sz").get(f"{W}val") == "24"  # 12 pt (ND 30: 12–13, upright)
    assert _on(look, "i") is italic
    # the PDF: V/v in the left column, under the number, above the body
    number_page, number_line = built.find(number)
    page, subject = built.line("V/v ")
    assert page == number_page == 0
    assert subject["top"] > number_line["top"]
    assert abs(_center(subject) - _center(number_line)) < 2 * MM  # centred in the left column
    assert all("Italic" in c["fontname"] for c in subject["chars"]) is italic
    assert "CÔNG VĂN" not in built.text()


@pytest.mark.parametrize("name", ["state-cong-van", "party-cong-van"])
def test_several_addressees_stand_one_per_line_under_the_colon(name, build):
    built = build(name)
    paragraphs = built.paragraphs()
    at = paragraphs.index(("Addressees", "Kính gửi:"))
    items = [text for style, text in paragraphs[at + 1:] if style == "Addressees"]
    assert len(items) == 2 and all(item.startswith("- ") for item in items)
    _, label = built.line("Kính gửi:")
    _, first = built.line(items[0][:20])
    assert first["top"] > label["top"]
    colon = next(c for c in label["chars"] if c["text"] == ":")
    assert abs(first["x0"] - colon["x0"]) < 2 * MM  # the dash under the colon
    assert label["x0"] > 30 * MM + 30 * MM  # the label stands 35 mm in


@pytest.mark.parametrize("name", ["state-to-trinh", "state-bao-cao", "party-as-to-trinh",
                                  "party-as-bao-cao"])
def test_one_addressee_stands_on_the_label_line_under_the_title_block(name, build):
    built, addressee = build(name), "Ủy ban nhân dân tỉnh"
    paragraphs = built.paragraphs()
    at = paragraphs.index(("Addressees", f"Kính gửi: {addressee}"))
    assert paragraphs[at - 1][0] == "TitleRule" and paragraphs[at - 2][0] == "Subject"
    _, subject = built.line(paragraphs[at - 2][1][:15])
    _, line = built.line("Kính gửi:")
    assert line["text"] == f"Kính gửi: {addressee}" and line["top"] > subject["top"]


# -- quyết định: authority, Căn cứ, QUYẾT ĐỊNH: -----------------------------------------------
@pytest.mark.parametrize("name, authority, prefix", [
    ("state-quyet-dinh", "GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Căn cứ"),
    ("state-quyet-dinh-quy-che", "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "Căn cứ"),
    ("party-quyet-dinh", "BAN THƯỜNG VỤ TỈNH ỦY", "- Căn cứ")])
def test_quyet_dinh_prints_authority_basis_and_enactment_in_order(name, authority, prefix,
                                                                   build):
    built = build(name)
    styles = [style for style, _ in built.paragraphs()]
    paragraphs = built.paragraphs()
    at = styles.index("AuthorityLine")
    assert paragraphs[at] == ("AuthorityLine", authority)
    assert styles[at - 1] == "TitleRule"
    basis = [text for style, text in paragraphs if style == "Basis"]
    assert len(basis) == 3 and all(text.startswith(prefix) or text.startswith(("- Xét",
                                   "Theo", "Xét")) for text in basis)
    assert basis[0].startswith(prefix)
    enactment = styles.index("Enactment")
    assert paragraphs[enactment] == ("Enactment", "QUYẾT ĐỊNH:")
    assert styles[at + 1: enactment] == ["Basis"] * 3 and styles[enactment + 1] == "BodyText"
    for style_id, bold, italic in (("AuthorityLine", True, False), ("Basis", False, True),
                                   ("Enactment", True, False)):
        look = built.style(style_id)
        assert _on(look.find(f"{W}rPr"), "b") is bold, style_id
        assert _on(look.find(f"{W}rPr"), "i") is italic, style_id
    assert _on(built.style("AuthorityLine").find(f"{W}rPr"), "caps")
    assert built.style("Enactment").find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"
    # the PDF: the lines in this order, the enactment centred, Căn cứ in italic
    _, auth = built.line(authority)
    _, first_basis = built.line(basis[0][:12])
    _, enact = built.line("QUYẾT ĐỊNH:")
    assert auth["top"] < first_basis["top"] < enact["top"]
    assert abs(_center(enact) - _page_center()) < 2 * MM
    assert abs(_center(auth) - _page_center()) < 2 * MM
    assert all("Italic" in c["fontname"] for c in first_basis["chars"] if c["text"].strip())
    assert all("Bold" in c["fontname"] for c in enact["chars"] if c["text"].strip())
    assert "Nơi nhận:" in built.text()


# -- the attached quy chế --------------------------------------------------------------------
ATTACHED = ("(Ban hành kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 3 năm 2024 của Ủy ban "
            "nhân dân tỉnh Hà Tĩnh)")


def test_the_attached_quy_che_starts_a_new_page_with_its_line_and_rule(build):
    built = build("state-quyet-dinh-quy-che")
    paragraphs = built.paragraphs()
    at = paragraphs.index(("AppendixLabel", "QUY CHẾ"))
    assert paragraphs[at + 1] == ("AppendixTitle", "Quản lý, vận hành Cổng thông tin điện tử "
                                  "tỉnh Hà Tĩnh")
    assert paragraphs[at + 2] == ("AppendixSubtitle", ATTACHED)
    assert paragraphs[at + 3][0] == "TitleRule"
    label = next(p for p in built.xml().iter(f"{W}p") if _text(p) == "QUY CHẾ")
    assert label.find(f"{W}pPr/{W}pageBreakBefore") is not None
    assert "PHỤ LỤC" not in built.text()
    # the PDF: QUY CHẾ heads a page of its own, after the closing; no signature after it
    pages = built.lines()
    page, _ = built.line("QUY CHẾ")
    assert page > 0 and [line["text"] for line in pages[page]][:2] == [str(page + 1), "QUY CHẾ"]
    signer_page, _ = built.line("Võ Trọng Hải")
    assert signer_page < page
    after = "\n".join(line["text"] for lines in pages[page:] for line in lines)
    assert re.sub(r"\s+", " ", ATTACHED) in re.sub(r"\s+", " ", after)
    assert "Võ Trọng Hải" not in after and "Nơi nhận" not in after
    assert after.rstrip().endswith("./.")


def test_the_attached_line_is_computed_from_meta(tmp_path):
    from briefing.tree.prepare import prepare

    source = case_path("state-quyet-dinh-quy-che", tmp_path)
    text = source.read_text("utf-8").replace("15/QĐ-UBND", "07/QĐ-UBND").replace(
        "2024-03-05", "2024-11-20")
    changed = tmp_path / "changed.yaml"
    changed.write_text(text, "utf-8")
    view = prepare(load_document(changed))
    assert str(view.appendices[0].subtitle) == ATTACHED.replace("15/", "07/").replace(
        "ngày 05 tháng 3", "ngày 20 tháng 11")


# -- biên bản: two signers, no place and date --------------------------------------------------
@pytest.mark.parametrize("name", ["state-bien-ban", "party-as-bien-ban"])
def test_bien_ban_signs_side_by_side_with_recipients_under_the_secretary(name, build):
    built = build(name)
    assert not any(style == "PlaceDate" for style, _ in built.paragraphs())
    closing = built.xml().findall(f"{W}body/{W}tbl")[-1]
    rows = closing.findall(f"{W}tr")
    assert len(rows) == 2
    first = [[_text(p) for p in cell.iter(f"{W}p") if _text(p)]
             for cell in rows[0].findall(f"{W}tc")]
    assert first == [["THƯ KÝ", "Lê Thị Hồng Nhung"], ["CHỦ TỌA", "Phạm Đình Nghĩa"]]
    assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in rows[0].iter(f"{W}p"))
    second = [[_text(p) for p in cell.iter(f"{W}p") if _text(p)]
              for cell in rows[1].findall(f"{W}tc")]
    assert second[0][0] == "Nơi nhận:" and second[1] == []
    # the PDF: THƯ KÝ left, CHỦ TỌA right on one line; Nơi nhận under the secretary
    _, line = built.line("THƯ KÝ")
    assert "CHỦ TỌA" in line["text"]
    secretary = next(c for c in line["chars"] if c["text"] == "T")
    chair = next(c for c in line["chars"] if c["text"] == "C")
    assert secretary["x0"] < _page_center() < chair["x0"]
    _, names = built.line("Lê Thị Hồng Nhung")
    assert "Phạm Đình Nghĩa" in names["text"]
    _, recipients = built.line("Nơi nhận:")
    assert recipients["top"] > names["top"] and recipients["x0"] < _page_center()
    assert not re.search(r"ngày \d+ tháng \d+ năm 2024$", built.lines()[0][1]["text"])
    assert "Hà Tĩnh, ngày" not in built.text()


def test_the_type_lines_styles_are_in_a_document_only_where_it_uses_them(build):
    letter, invitation = build("state-cong-van"), build("state-giay-moi")
    assert letter.style("LetterSubject") is not None and letter.style("Addressees") is not None
    assert letter.style("Basis") is None and letter.style("Enactment") is None
    assert all(invitation.style(s) is None for s in ("LetterSubject", "Addressees", "Basis",
                                                      "AuthorityLine", "Enactment"))
    assert build("state-quyet-dinh").style("Basis") is not None


# -- end mark, authorities ------------------------------------------------------------------
@pytest.mark.parametrize("name, ending", [
    ("state-giay-moi", "trước ngày 08 tháng 10 năm 2024./."),
    ("state-cong-van", "nghiêm túc triển khai thực hiện./."),
    ("state-ke-hoach", "cử đội tham gia./."),
    ("state-to-trinh", "xem xét, phê duyệt./."),
    ("state-thong-bao", "để các cơ quan, đơn vị biết, thực hiện./."),
    ("state-bien-ban", "cùng nghe và nhất trí./."),
    ("state-quyet-dinh", "thi hành Quyết định này./."),
    ("state-giay-nghi-phep", "của người lao động./."),
])
def test_the_end_mark_closes_the_body_where_the_type_has_one(name, ending, build):
    built = build(name)
    body = [text for style, text in built.paragraphs() if style == "BodyText"]
    assert body[-1].endswith(ending) and not body[-1].endswith("../.")
    assert ending.replace(" ", "") in built.text().replace(" ", "").replace("\n", "")


@pytest.mark.parametrize("name", [name for name in NAMES if name.startswith("party-")])
def test_party_types_print_no_end_mark(name, build):
    assert "./." not in build(name).text()


@pytest.mark.parametrize("name, authority", [
    ("state-cong-van", "KT. GIÁM ĐỐC"), ("state-thong-bao", "TL. CHỦ TỊCH"),
    ("state-quyet-dinh-quy-che", "TM. ỦY BAN NHÂN DÂN"), ("party-cong-van", "K/T TRƯỞNG BAN"),
    ("party-quyet-dinh", "T/M BAN THƯỜNG VỤ"), ("party-as-thong-bao", "T/L CHỦ TỊCH")])
def test_signing_authorities_print_as_the_profile_writes_them(name, authority, build):
    built = build(name)
    assert ("SignatureAuthority", authority) in built.paragraphs()
    _, found = built.find(authority)
    assert found["x0"] > _page_center() - 10 * MM


# -- the Markdown view -----------------------------------------------------------------------
def test_markdown_keeps_the_lines_the_type_adds(build):
    letter = write_markdown(build("state-cong-van").tree)
    assert "V/v tổ chức tuyên truyền" in letter and "Kính gửi:\\\n- Phòng Giáo dục" in letter
    decision = write_markdown(build("state-quyet-dinh").tree)
    assert "**GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG**" in decision
    assert "*Căn cứ Luật Tổ chức chính quyền" in decision and "**QUYẾT ĐỊNH:**" in decision
    assert decision.index("*Căn cứ") < decision.index("**QUYẾT ĐỊNH:**")


# -- the tree: the type lines in reading order, the end mark computed ---------------------------
def test_the_type_lines_are_read_in_order_and_refused_out_of_it():
    from briefing.tree.builder import Refused
    from tests.conftest import tree_of

    tree = tree_of("<body><addressees><label>Kính gửi:</label><item>Sở Tài chính</item>"
                   "</addressees><authority-line>ỦY BAN NHÂN DÂN TỈNH</authority-line><basis>"
                   "<p>Căn cứ <em>Luật</em>;</p></basis><enactment>QUYẾT ĐỊNH:</enactment>"
                   "<p>Điều 1.</p></body>")
    body = tree.body
    assert body.addressees.items == ["Sở Tài chính"] and body.authority.text.endswith("TỈNH")
    assert len(body.basis.paragraphs) == 1 and body.enactment.text == "QUYẾT ĐỊNH:"
    with pytest.raises(Refused):
        tree_of("<body><enactment>QUYẾT ĐỊNH:</enactment><basis><p>Căn cứ.</p></basis></body>")


def _paragraph(*content):
    from briefing.tree.vocabulary import Paragraph

    return Paragraph(content=list(content))


def test_the_end_mark_is_computed_after_the_last_text():
    from briefing.tree.end_mark import append_end_mark
    from briefing.tree.vocabulary import Column, Item, ItemList, Row, Strong, Table, Text

    ended = [_paragraph(Text(text="Một.")), _paragraph(Text(text="thi hành Quyết định này."))]
    append_end_mark(ended, "./.")
    assert ended[-1].content[-1].text == "thi hành Quyết định này./."
    append_end_mark(ended, "./.")  # never twice
    assert ended[-1].content[-1].text == "thi hành Quyết định này./."
    listed = [ItemList(type="bullet", style="bullet", items=[
        Item(marker="-", body=[_paragraph(Text(text="một;"))]),
        Item(marker="-", body=[_paragraph(Text(text="Hai "), Strong(content=[Text(text="b")]))])])]
    append_end_mark(listed, "./.")
    assert listed[0].items[-1].body[0].content[-1].text == "./."
    tabled = [_paragraph(Text(text="Bảng sau:")),
              Table(number=0, label="", columns=[Column(width=100.0)], rows=[Row()])]
    append_end_mark(tabled, "./.")
    assert tabled[-1].content[0].text == "./." and tabled[0].content[0].text == "Bảng sau:"
