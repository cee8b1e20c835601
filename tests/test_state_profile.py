"""The "state" profile (ND 30/2020/NĐ-CP), checked on the real DOCX and PDF of a state plan.

Expected looks are read from profiles/state.yaml itself (plain YAML, not the profile model), so
the writers must carry the file's numbers through; expected texts are the fixture's own words.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
import yaml
from fontTools.ttLib import TTFont
from lxml import etree

from briefing import PROJECT_ROOT
from briefing.cli import main
from briefing.content.loader import load_document
from briefing.layout.masthead import masthead_columns
from briefing.profile.model import PROFILES_DIR, load_profile
from briefing.tree.plain_text import body_paragraphs
from briefing.tree.prepare import prepare
from briefing.tree.render import render_tree
from tests.pdf_reading import MM, read_pages, squash

STATE = PROJECT_ROOT / "tests" / "fixtures" / "state-decision.yaml"
RAW = yaml.safe_load((PROFILES_DIR / "state.yaml").read_text(encoding="utf-8"))
TITLE, MOTTO = RAW["masthead"]["title_lines"]
DATE_LINE = "Hà Tĩnh, ngày 05 tháng 3 năm 2024"
NUMBER_LINE = "Số: 15/KH-STTTT"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def mm_of(twips: str | int) -> float:
    return int(twips) * 25.4 / 1440


def width_mm(text: str, face: str, size: float) -> float:
    font = TTFont(str(load_profile("state").font.path(face)))
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    return sum(hmtx[cmap[ord(c)]][0] for c in text) / font["head"].unitsPerEm * size / MM


@dataclass
class Built:
    docx: Path
    pdf: Path

    def xml(self, name: str) -> etree._Element:
        with zipfile.ZipFile(io.BytesIO(self.docx.read_bytes())) as archive:
            return etree.fromstring(archive.read(name))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("state")
    assert main([str(STATE), "--out", str(out)]) == 0
    return Built(out / "state-decision.docx", out / "state-decision.pdf")


@pytest.fixture(scope="module")
def document(built: Built) -> etree._Element:
    return built.xml("word/document.xml")


@pytest.fixture(scope="module")
def styles(built: Built) -> etree._Element:
    return built.xml("word/styles.xml")


def text_of(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def style_id(p: etree._Element) -> str | None:
    found = p.find("w:pPr/w:pStyle", NS)
    return found.get(w("val")) if found is not None else None


def run_look(p: etree._Element, styles: etree._Element) -> dict[str, object]:
    """What Word shows for the runs of `p`: its style's run properties (the writer puts no
    direct formatting on masthead and closing runs; a run that did would show here too)."""
    look: dict[str, object] = {}
    chain = []
    name = style_id(p)
    while name:
        (style,) = styles.xpath(f"w:style[@w:styleId='{name}']", namespaces=NS)
        chain.append(style.find("w:rPr", NS))
        based = style.find("w:basedOn", NS)
        name = based.get(w("val")) if based is not None else None
    runs = [r.find("w:rPr", NS) for r in p.iter(w("r"))]
    for rpr in [*reversed(chain), *runs]:
        if rpr is None:
            continue
        size = rpr.find("w:sz", NS)
        if size is not None:
            look["size"] = int(size.get(w("val"))) / 2
        for tag in ("b", "i", "caps", "u"):
            element = rpr.find(f"w:{tag}", NS)
            if element is not None:
                look[tag] = element.get(w("val"), "true") not in ("0", "false", "none")
    return look


def cells(document: etree._Element, table: int) -> list[list[etree._Element]]:
    tables = document.find(w("body")).findall(w("tbl"))
    return [row.findall(w("tc")) for row in tables[table].findall(w("tr"))]


# -- DOCX -----------------------------------------------------------------------------------


def test_docx_national_title_and_motto_fill_the_right_column(document) -> None:
    (_, right), (number, date) = cells(document, 0)
    paragraphs = right.findall(w("p"))
    assert [text_of(p) for p in paragraphs] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""]
    assert [TITLE["text"], MOTTO["text"]] == [text_of(p) for p in paragraphs[:2]]
    assert [text_of(p) for p in number.findall(w("p"))] == [NUMBER_LINE]
    assert [text_of(p) for p in date.findall(w("p"))] == [DATE_LINE]


def test_docx_national_lines_take_their_looks_from_state_yaml(document, styles) -> None:
    (_, right), _ = cells(document, 0)
    title, motto = right.findall(w("p"))[:2]
    for paragraph, raw in ((title, TITLE), (motto, MOTTO)):
        look = run_look(paragraph, styles)
        assert look["size"] == raw["size"]
        assert look.get("b", False) == raw.get("bold", False)
        assert look.get("caps", False) == raw.get("caps", False)
    assert (TITLE["size"], TITLE["bold"], TITLE["caps"]) == (13, True, True)  # ND 30: 12–13
    assert (MOTTO["size"], MOTTO["bold"], MOTTO.get("caps", False)) == (14, True, False)


def test_docx_rule_under_the_motto_is_as_long_as_the_motto(document, styles) -> None:
    (_, right), _ = cells(document, 0)
    rule = right.findall(w("p"))[2]
    (style,) = styles.xpath(f"w:style[@w:styleId='{style_id(rule)}']", namespaces=NS)
    assert style.find("w:pPr/w:pBdr/w:bottom", NS).get(w("val")) == "single"
    column = mm_of(right.find("w:tcPr/w:tcW", NS).get(w("w")))
    indent = rule.find("w:pPr/w:ind", NS)
    length = column - mm_of(indent.get(w("left"))) - mm_of(indent.get(w("right")))
    assert abs(length - width_mm(MOTTO["text"], "bold", MOTTO["size"])) < 0.5


def test_docx_issuer_block_has_a_rule_not_a_star(document, styles) -> None:
    (issuer, _), _ = cells(document, 0)
    paragraphs = issuer.findall(w("p"))
    assert [text_of(p) for p in paragraphs] == [
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", ""]
    superior, name, rule = paragraphs
    for paragraph, raw in ((superior, RAW["masthead"]["superior"]),
                           (name, RAW["masthead"]["issuer"])):
        look = run_look(paragraph, styles)
        assert (look["size"], look.get("b", False), look.get("caps", False)) == (
            raw["size"], raw["bold"], raw["caps"])
    assert [RAW["masthead"][k]["bold"] for k in ("superior", "issuer")] == [False, True]
    (style,) = styles.xpath(f"w:style[@w:styleId='{style_id(rule)}']", namespaces=NS)
    assert style.find("w:pPr/w:pBdr/w:bottom", NS) is not None
    column = mm_of(issuer.find("w:tcPr/w:tcW", NS).get(w("w")))
    indent = rule.find("w:pPr/w:ind", NS)
    length = column - mm_of(indent.get(w("left"))) - mm_of(indent.get(w("right")))
    assert 0 < length < column / 2


def test_docx_closing_recipients_and_signature(document, styles) -> None:
    (recipients, signature), = cells(document, 1)
    label, *items = recipients.findall(w("p"))
    assert text_of(label) == "Nơi nhận:"
    look = run_look(label, styles)
    assert (look["size"], look.get("b"), look.get("i"), look.get("u", False)) == (
        12, True, True, False)
    assert look["size"] == RAW["closing"]["label"]["size"]
    assert {run_look(p, styles)["size"] for p in items} == {RAW["closing"]["item"]["size"]}
    assert text_of(items[-1]) == "- Lưu: VT, TTBCXB."
    lines = [p for p in signature.findall(w("p")) if text_of(p)]
    assert [text_of(p) for p in lines] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Minh Đức"]
    assert all(run_look(p, styles).get("b") and run_look(p, styles)["size"] == 14
               for p in lines)


# -- PDF ------------------------------------------------------------------------------------


def test_pdf_page_one_masthead(built) -> None:
    profile = load_profile("state")
    view = prepare(load_document(STATE))
    left_mm, _ = masthead_columns(render_tree(view).masthead, profile)
    split = (profile.page.margins["left"] + left_mm) * MM
    with pdfplumber.open(built.pdf) as pdf:
        page = pdf.pages[0]
        lines = {squash(line["text"]): line for line in page.extract_text_lines()}
        right = page.crop((split, 0, page.width, 45 * MM)).extract_text_lines()
        left = page.crop((0, 0, split, 50 * MM)).extract_text_lines()
        shapes = page.rects + page.lines
    assert [squash(line["text"]) for line in right] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", DATE_LINE]
    assert NUMBER_LINE in [squash(line["text"]) for line in left]
    assert "*" not in "".join(line["text"] for line in left)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in lines
    for line, raw in zip(right, (TITLE, MOTTO), strict=False):
        assert {round(c["size"], 1) for c in line["chars"]} == {raw["size"]}
        assert all("Bold" in c["fontname"] for c in line["chars"])
    # the rule under the motto: as long as the motto, its lower edge just below the words
    # (WeasyPrint fills a border as the area between two rectangles)
    motto = right[1]
    under = [s for s in shapes
             if abs(s["x0"] - motto["x0"]) < 1 * MM and abs(s["x1"] - motto["x1"]) < 1 * MM
             and 0 < s["bottom"] - motto["bottom"] < 2 * MM]
    assert under, "no rule under the motto"


def test_pdf_numbers_pages_from_two_and_headings_follow_the_sequential_ladder(built) -> None:
    pages = read_pages(built.pdf)
    assert len(pages) >= 2 and pages[0].header == ""
    assert [p.header for p in pages[1:]] == [str(p.number) for p in pages[1:]]
    text = squash(" ".join(p.body for p in pages))
    for heading in ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu",
                    "II. NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN", "1. Nội dung tuyên truyền",
                    "1.1. Chủ trương, chính sách về chuyển đổi số", "1.2. Mô hình, cách làm hay"):
        assert heading in text
    assert "Quyết định số 411/QĐ-TTg" in squash(" ".join(p.notes for p in pages))
    with pdfplumber.open(built.pdf) as pdf:
        last = squash(pdf.pages[-1].extract_text())
    for words in ("Nơi nhận:", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Minh Đức",
                  "- Lưu: VT, TTBCXB."):
        assert words in last


def test_sequential_is_the_state_default_ladder() -> None:
    view = prepare(load_document(STATE))
    assert view.profile.numbering.default == "sequential"
    paragraphs = list(body_paragraphs(render_tree(view).body.children()))
    assert "1.1. Chủ trương, chính sách về chuyển đổi số" in paragraphs


# -- checking -------------------------------------------------------------------------------


def test_check_accepts_the_state_document() -> None:
    result = subprocess.run([sys.executable, "build.py", "check", str(STATE)], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("number", "hint"), [
    # the hint speaks of the document's type (a kế hoạch: KH)
    ("12-HD/BTGTU", "write it as number/KH-ISSUER, e.g. 12/KH-UBND, or /KH-UBND to leave "
                    "it blank"),
    ("Số 5-HD/BTGTU", "leave out 'Số': the layout prints 'Số:'; write it as number/KH-ISSUER"),
    ("'Số: 5/KH-STTTT'", "fix: 'Số: 5/KH-STTTT' -> '05/KH-STTTT'"),
])
def test_party_style_number_is_an_error_in_a_state_document(tmp_path, capsys, number,
                                                            hint) -> None:
    source = tmp_path / "state.yaml"
    source.write_text(STATE.read_text(encoding="utf-8").replace(
        "number: 15/KH-STTTT", f"number: {number}"), encoding="utf-8")
    assert main(["check", str(source)]) == 2
    err = capsys.readouterr().err
    shown = yaml.safe_load(f"n: {number}")["n"]
    assert f"error: document number '{shown}' does not match the 'state' pattern" in err
    assert hint in err


def test_blank_state_number_leaves_room_before_the_slash(tmp_path) -> None:
    source = tmp_path / "blank.yaml"
    source.write_text(STATE.read_text(encoding="utf-8").replace(
        "number: 15/KH-STTTT", "number: /KH-STTTT"), encoding="utf-8")
    view = prepare(load_document(source))
    blank = RAW["document_number"]["blank"]
    assert view.number_line == f"{RAW['document_number']['prefix']}{blank}/KH-STTTT"


@pytest.mark.parametrize("number", ["01/KH-TTg", "12/KH-VPCP", "/KH-TTg"])
def test_a_prime_ministers_number_is_a_state_number(tmp_path, number) -> None:
    """The Prime Minister's code is written 'TTg' (Thủ tướng: 01/2024/QĐ-TTg, 12/CT-TTg),
    lower case in it; this fixture is a kế hoạch (KH)."""
    source = tmp_path / "ttg.yaml"
    source.write_text(STATE.read_text(encoding="utf-8").replace(
        "number: 15/KH-STTTT", f"number: {number}"), encoding="utf-8")
    assert main(["check", str(source)]) == 0
