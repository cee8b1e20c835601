"""Legal structure as a reader sees it (ND 30/2020 PL I §II.6.đ), in both profiles: the DOCX's
XML, the PDF's text and positions (pdfplumber), LibreOffice's rendering of our DOCX, and
generated legal trees printing their text in order with computed numbers.

The fixtures of document types are used as they are where they print; where a fixture also
uses a piece of a type's furniture this version does not print yet (Căn cứ lines, the enacting
authority, "QUYẾT ĐỊNH:", an attached text's head), a copy without it is built (`printable`).
"""

from __future__ import annotations

import io
import re
import shutil
from functools import cache
from pathlib import Path

import pdfplumber
import pypdf
import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import PROJECT_ROOT
from briefing.builds.pipeline import render_loaded
from briefing.content.loader import load_document
from briefing.numbering.letters import VIETNAMESE_LETTERS
from briefing.profile.model import load_profile
from briefing.writers.markdown import write_markdown
from tests.page_agreement import libreoffice_pdf

TYPES = PROJECT_ROOT / "tests" / "fixtures" / "types"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
MM = 72 / 25.4


def printable(source: Path, out: Path) -> Path:
    """A copy of `source` without the furniture this version does not print yet."""
    data = yaml.safe_load(source.read_text("utf-8"))
    data.pop("basis", None)
    for key in ("enacting_authority", "addressees", "signers"):
        data["meta"].pop(key, None)
    if data["meta"]["type"] in ("quyet-dinh", "QUYẾT ĐỊNH"):
        data["meta"]["type"] = "quy-che"
        data["meta"]["number"] = data["meta"]["number"].replace("QĐ", "QC")
    for appendix in data.get("appendices", []):
        appendix.pop("type", None)
    path = out / source.name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


@cache
def built(name: str) -> tuple[bytes, bytes, str]:
    """(DOCX, PDF, Markdown) of the fixture `name` (a printable copy where needed)."""
    import tempfile

    source = TYPES / name
    path = printable(source, Path(tempfile.mkdtemp(prefix="legal-")))
    rendered = render_loaded(load_document(path), ("docx", "pdf"))
    return rendered.outputs["docx"], rendered.outputs["pdf"], write_markdown(rendered.tree)


def paragraphs(docx: bytes) -> list:
    return Document(io.BytesIO(docx)).paragraphs


def runs(p) -> list[tuple[str, bool | None]]:
    return [(r.text, r.bold) for r in p.runs if r.text]


def style_of(docx: bytes, style_id: str):
    document = Document(io.BytesIO(docx))
    return next(s for s in document.styles if s.style_id == style_id)


def lines(pdf: bytes) -> list[dict]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [line for page in document.pages for line in page.extract_text_lines()]


QUY_CHE = "party-quy-che.yaml"          # party: Chương I–III, Điều 1–6 across them
QUYET_DINH = "state-quyet-dinh.yaml"    # state: untitled Điều, fifteen points a)…o)
QUY_DINH = "party-quy-dinh.yaml"        # party: articles straight in blocks
ATTACHED = "state-quyet-dinh-quy-che.yaml"  # state: a quy chế of chapters in an appendix


def test_chapters_print_centred_label_and_title_lines_in_the_docx():
    docx = built(QUY_CHE)[0]
    texts = [p.text for p in paragraphs(docx)]
    for label, title in (("Chương I", "Những quy định chung"), ("Chương II",
                         "Trách nhiệm, quyền hạn"), ("Chương III", "Điều khoản thi hành")):
        index = texts.index(label)
        assert texts[index + 1] == title  # the source's text; the style sets it in capitals
    label, title = style_of(docx, "ChapterLabel"), style_of(docx, "ChapterTitle")
    for style in (label, title):
        assert style.element.pPr.find(qn("w:jc")).get(qn("w:val")) == "center"
        assert style.font.bold
    assert title.font.all_caps and not label.font.all_caps
    chapter = next(p for p in paragraphs(docx) if p.text == "Chương I")
    assert chapter.style.style_id == "ChapterLabel"


@pytest.mark.parametrize("name", [QUY_CHE, QUY_DINH])
def test_article_label_and_title_are_bold_runs_of_one_paragraph(name):
    docx = built(name)[0]
    articles = [p for p in paragraphs(docx) if p.style.style_id == "Article"]
    assert articles, name
    for n, p in enumerate(articles, 1):
        shown = runs(p)
        assert shown[0] == (f"Điều {n}. ", True), shown  # Điều continue across chapters
        assert len(shown) > 1 and all(bold for _, bold in shown), shown
        assert p.style.style_id == "Article"
    style = style_of(docx, "Article")
    indent = style.element.pPr.find(qn("w:ind")).get(qn("w:firstLine"))
    profile = load_profile(load_document(TYPES / name).document.meta.profile)
    assert abs(int(indent) - profile.legal.article.style.indent * 1440 / 25.4) <= 1


def test_untitled_articles_run_their_text_in_after_a_bold_label():
    docx = built(QUYET_DINH)[0]
    first = next(p for p in paragraphs(docx) if p.text.startswith("Điều 1."))
    assert runs(first)[0] == ("Điều 1. ", True)
    assert runs(first)[1][0].startswith("Thành lập Tổ công tác") and not runs(first)[1][1]


def test_clauses_restart_in_each_article_and_points_use_the_vietnamese_alphabet():
    texts = [p.text for p in paragraphs(built(QUYET_DINH)[0])]
    start = next(i for i, t in enumerate(texts) if t.startswith("Điều 2."))
    assert texts[start + 1].startswith("1. Tham mưu Giám đốc Sở")
    points = [t[:t.index(")") + 1] for t in texts[start + 2:start + 17]]
    assert points == [f"{letter})" for letter in VIETNAMESE_LETTERS[:15]]
    assert points[4:6] == ["đ)", "e)"] and points[8:10] == ["i)", "k)"]  # đ after d, no f, j
    assert texts[start + 17].startswith("2. Tổ công tác làm việc")
    first = next(i for i, t in enumerate(texts) if t.startswith("Điều 1."))
    assert [t[:3] for t in texts[first + 1:first + 5]] == ["1. ", "2. ", "3. ", "4. "]


def test_an_attached_quy_che_counts_its_articles_afresh():
    texts = [p.text for p in paragraphs(built(ATTACHED)[0])]
    assert [t.split(".")[0] for t in texts if re.match(r"Điều \d+\.", t)][:1] == ["Điều 1"]


@pytest.mark.parametrize("name", [QUY_CHE, ATTACHED])
def test_pdf_chapters_are_centred_and_articles_start_at_the_indent(name):
    docx, pdf, _ = built(name)
    profile = load_profile(load_document(TYPES / name).document.meta.profile)
    margins = profile.page.margins
    left, right = margins["left"] * MM, (profile.page.size[0] - margins["right"]) * MM
    found = lines(pdf)
    chapters = [line for line in found if re.fullmatch(r"Chương [IVX]+", line["text"])]
    assert chapters
    for line in chapters:
        following = found[found.index(line) + 1]
        assert following["text"].isupper()  # the title under it, in capitals
        for shown in (line, following):
            assert abs((shown["x0"] + shown["x1"]) / 2 - (left + right) / 2) < 2, shown
    articles = [line for line in found if re.match(r"Điều \d+\. ", line["text"])]
    indent = profile.legal.article.style.indent * MM
    for line in articles:
        assert abs(line["x0"] - (left + indent)) < 1, line
        assert re.match(r"Điều \d+\. \w", line["text"])  # the title on the same line
    expected = [p.text for p in paragraphs(docx) if re.match(r"Điều \d+\. ", p.text)]
    assert [line["text"].split(".")[0] for line in articles] == \
        [text.split(".")[0] for text in expected]


def test_pdf_text_in_order_with_computed_numbers():
    pdf = built(QUY_CHE)[1]
    text = "\n".join(line["text"] for line in lines(pdf))
    order = ["Chương I", "NHỮNG QUY ĐỊNH CHUNG", "Điều 1. Phạm vi", "1. Quy chế này quy định",
             "2. Quy chế này áp dụng", "Điều 2. Nguyên tắc", "1. Ban làm việc", "a) Bảo đảm",
             "đ) Giữ gìn", "Chương II", "Điều 3.", "Điều 4.", "Chương III", "Điều 5.",
             "Điều 6. Tổ chức thực hiện"]
    positions = [text.index(piece) for piece in order]
    assert positions == sorted(positions)


def test_markdown_prints_the_same_structure():
    markdown = built(QUY_CHE)[2]
    assert "# Chương I\n\n**Những quy định chung**" in markdown
    assert "**Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng**" in markdown
    assert "**1.** Quy chế này quy định" in markdown and "đ) Giữ gìn" in markdown


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here; "
                    "CI installs it so this runs there")
@pytest.mark.parametrize("name", [QUY_CHE, QUYET_DINH])
def test_libreoffice_keeps_the_text_of_our_docx(name, tmp_path):
    docx = built(name)[0]
    path = tmp_path / "legal.docx"
    path.write_bytes(docx)
    converted = libreoffice_pdf(path, tmp_path)
    text = re.sub(r"\s+", " ", " ".join(page.extract_text()
                                        for page in pypdf.PdfReader(converted).pages))
    wanted = [re.sub(r"\s+", " ", p.text) for p in paragraphs(docx)
              if re.match(r"(Chương [IVX]+|Điều \d+\.|\d+\. |[a-zđ]\) )", p.text)]
    at = 0
    for piece in wanted:
        head = piece[:40]
        found = text.find(head, at)
        assert found >= 0, (head, text[at:at + 200])
        at = found


# -- generated legal trees ---------------------------------------------------------------------
WORDS = st.sampled_from(["Quy định", "trách nhiệm", "cán bộ", "thực hiện", "Đảng bộ",
                         "nhiệm vụ", "báo cáo", "đôn đốc", "kiểm tra"])
SENTENCE = st.lists(WORDS, min_size=1, max_size=5).map(lambda w: " ".join(w).capitalize() + ".")
CLAUSE = st.fixed_dictionaries({"clause": SENTENCE},
                               optional={"points": st.lists(SENTENCE, min_size=1, max_size=8)})
ARTICLE = st.fixed_dictionaries({"article": SENTENCE,
                                 "body": st.lists(CLAUSE, min_size=1, max_size=4)})
#: a chapter's title prints in bold capitals, centred: three words fit one line in both profiles
SHORT = st.lists(WORDS, min_size=1, max_size=3).map(lambda w: " ".join(w).capitalize() + ".")
CHAPTER = st.fixed_dictionaries({"chapter": SHORT,
                                 "body": st.lists(ARTICLE, min_size=1, max_size=3)})
HEAD = {"form": "official", "issuer": {"superior": "TỈNH ỦY HÀ TĨNH", "name": "BAN TUYÊN GIÁO"},
        "place": "Hà Tĩnh", "date": "2024-01-15", "type": "quy-che",
        "subject": "làm việc của Ban",
        "signer": {"authority": "T/M BAN TUYÊN GIÁO", "title": "TRƯỞNG BAN", "name": "Trần An"}}


def end_marked(lines: list[str], profile: str) -> list[str]:
    """The last line with the end mark "./." where the profile's quy chế takes one (a final
    "." becomes its first dot)."""
    if not load_profile(profile).document_type("quy-che")[1].end_mark:
        return lines
    last = lines[-1]
    return [*lines[:-1], last + ("/." if last.endswith(".") else "./.")]


def expected_lines(chapters: list[dict], letters: tuple[str, ...]) -> list[str]:
    """What a reader must see, numbers computed by hand from the rules."""
    out, article = [], 0
    for c, chapter in enumerate(chapters, 1):
        out += [f"Chương {['I', 'II', 'III', 'IV', 'V'][c - 1]}", chapter["chapter"]]
        for item in chapter["body"]:
            article += 1
            out.append(f"Điều {article}. {item['article']}")
            for k, clause in enumerate(item["body"], 1):
                out.append(f"{k}. {clause['clause']}")
                out += [f"{letters[i]}) {p}" for i, p in enumerate(clause.get("points", []))]
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(chapters=st.lists(CHAPTER, min_size=1, max_size=5), profile=st.sampled_from(["party",
                                                                                   "state"]))
def test_generated_legal_trees_print_their_text_in_order(tmp_path, chapters, profile):
    rendered = render_generated(tmp_path, chapters, profile, ("docx",))
    texts = [p.text for p in paragraphs(rendered.outputs["docx"])]
    wanted = end_marked(expected_lines(chapters, VIETNAMESE_LETTERS), profile)
    start = texts.index("Chương I")
    assert texts[start:start + len(wanted)] == wanted
    markdown, at = write_markdown(rendered.tree), 0
    for line in wanted:  # the same text, in the same order, in the Markdown view
        at = markdown.index(line.split(". ", 1)[-1].split(") ", 1)[-1], at)


def render_generated(tmp_path: Path, chapters: list[dict], profile: str,
                     formats: tuple[str, ...]):
    meta = {**HEAD, "profile": profile,
            "number": "03-QC/BTGTU" if profile == "party" else "03/QC-BTG"}
    path = tmp_path / "doc.yaml"
    path.write_text(yaml.safe_dump({"meta": meta, "blocks": chapters}, allow_unicode=True,
                                   sort_keys=False), "utf-8")
    return render_loaded(load_document(path), formats)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(chapters=st.lists(CHAPTER, min_size=1, max_size=3), profile=st.sampled_from(["party",
                                                                                   "state"]))
def test_generated_legal_trees_print_in_order_in_the_pdf(tmp_path, chapters, profile):
    """Each line of the PDF as computed: chapter titles in capitals, every other line as
    written (each short enough for one line)."""
    shown = [line["text"] for line in lines(render_generated(tmp_path, chapters, profile,
                                                             ("pdf",)).outputs["pdf"])]
    titles = {chapter["chapter"] for chapter in chapters}
    wanted = [line.upper() if line in titles else line
              for line in end_marked(expected_lines(chapters, VIETNAMESE_LETTERS), profile)]
    start = shown.index("Chương I")
    body = [line for line in shown[start:] if not line.isdigit()]  # page numbers aside
    assert body[:len(wanted)] == wanted


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here; "
                    "CI installs it so this runs there")
@pytest.mark.parametrize("name", [QUY_CHE, QUYET_DINH, ATTACHED])
def test_pages_agree_with_libreoffice(name, tmp_path):
    """Word-side pagination (LibreOffice rendering our DOCX) against our PDF: the same pages,
    each starting with the same line."""
    from tests.page_agreement import Case, compare

    agreement = compare(Case(printable(TYPES / name, tmp_path)), tmp_path / "compare")
    assert len(agreement.ours) == len(agreement.theirs), agreement.report()
    assert agreement.start_share == 1.0, agreement.report()


DEEP = """meta:
  form: official
  profile: {profile}
  issuer: {{superior: TỈNH ỦY HÀ TĨNH, name: BAN TUYÊN GIÁO}}
  number: {number}
  place: Hà Tĩnh
  date: 2024-01-15
  type: quy-che
  subject: làm việc của Ban
  signer: {{authority: {authority}, title: TRƯỞNG BAN, name: Trần An}}
blocks:
  - part: Quy định chung
    body:
      - chapter: Phạm vi
        body:
          - division: Văn bản đi
            body:
              - article: Soạn thảo
                body:
                  - clause: Nguyên tắc
                    titled: true
                    body: [Văn bản soạn thảo đúng thể thức.]
                  - clause: Trình ký đúng hạn.
          - division: Văn bản đến
            body:
              - subdivision: Tiếp nhận
                body:
                  - article: Tiếp nhận văn bản
                    body: [Văn bản đến được đăng ký.]
      - chapter: Trách nhiệm
        body:
          - division: Lãnh đạo
            body:
              - article: Trưởng ban
                body: [Chỉ đạo chung.]
  - part: Thi hành
    body:
      - chapter: Hiệu lực
        body:
          - article: Hiệu lực thi hành
            body: [Có hiệu lực kể từ ngày ký.]
"""


@pytest.mark.parametrize("profile", ["party", "state"])
def test_parts_divisions_and_titled_clauses_number_and_print(profile, tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text(DEEP.format(
        profile=profile, number="03-QC/BTGTU" if profile == "party" else "03/QC-BTG",
        authority="T/M BAN TUYÊN GIÁO" if profile == "party" else "TM. BAN TUYÊN GIÁO"),
        "utf-8")
    rendered = render_loaded(load_document(path), ("docx", "pdf"))
    document = Document(io.BytesIO(rendered.outputs["docx"]))
    texts = [p.text for p in document.paragraphs]
    start = texts.index("Phần I")
    assert texts[start:] [:22] == [
        "Phần I", "Quy định chung", "Chương I", "Phạm vi", "Mục 1", "Văn bản đi",
        "Điều 1. Soạn thảo", "1. Nguyên tắc", "Văn bản soạn thảo đúng thể thức.",
        "2. Trình ký đúng hạn.", "Mục 2", "Văn bản đến", "Tiểu mục 1", "Tiếp nhận",
        "Điều 2. Tiếp nhận văn bản", "Văn bản đến được đăng ký.",
        "Chương II", "Trách nhiệm", "Mục 1", "Lãnh đạo",  # Mục afresh in each Chương
        "Điều 3. Trưởng ban", "Chỉ đạo chung."]
    assert texts[start + 22:start + 28] == [
        "Phần II", "Thi hành", "Chương III", "Hiệu lực",  # Chương continue across Phần
        *end_marked(["Điều 4. Hiệu lực thi hành", "Có hiệu lực kể từ ngày ký."], profile)]
    titled = document.paragraphs[texts.index("1. Nguyên tắc")]
    assert all(run.bold for run in titled.runs if run.text)
    assert titled.paragraph_format.keep_with_next
    plain = document.paragraphs[texts.index("2. Trình ký đúng hạn.")]
    assert not any(run.bold for run in plain.runs)
    with pdfplumber.open(io.BytesIO(rendered.outputs["pdf"])) as pdf:
        shown = [line["text"] for page in pdf.pages for line in page.extract_text_lines()]
    at = [shown.index(text) for text in ("Phần I", "QUY ĐỊNH CHUNG", "Mục 1", "VĂN BẢN ĐI",
                                         "Điều 1. Soạn thảo", "1. Nguyên tắc", "Tiểu mục 1",
                                         "Phần II", "Chương III", "Điều 4. Hiệu lực thi hành")]
    assert at == sorted(at)
