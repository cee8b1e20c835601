"""An article's furniture in a text or pasted web page, by its shape and place: the byline
under the last paragraph (no end mark) is kept, a caption line is never an intertitle."""

from __future__ import annotations

from pathlib import Path

from tests.importing import imported, loaded
from tests.word_files import p, word_file

TEASER = ("Một bài khác của chuyên mục này nói về nhiều việc của các cơ quan báo chí và các "
          "cấp ủy trong tỉnh trong thời gian tới đây…")
LAST = "Các cấp ủy đã chỉ đạo sát sao việc học tập, quán triệt nghị quyết đến từng chi bộ."


def _import(tmp_path: Path, lines: list[str]):
    path = tmp_path / "x.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = imported(path)
    return result, loaded(result).document.model_dump(mode="json", exclude_none=True)


def _page(*tail: str) -> list[str]:
    return ["Xã Hội Kinh Tế Văn Hóa Thể Thao", "08:15:02",
            "Công tác tuyên truyền đạt nhiều kết quả", "12.345 lượt xem",
            "Năm qua, công tác tuyên truyền được đổi mới mạnh mẽ ở mọi cấp.", LAST, *tail,
            "Tin liên quan", TEASER, "10/01/2025 05:57", TEASER]


def test_a_web_pages_byline_under_the_last_paragraph_is_kept(tmp_path: Path) -> None:
    result, data = _import(tmp_path, _page("Lý Thị Mai", "Nguồn: Báo Hà Tĩnh"))
    assert data["blocks"][-2:] == [{"byline": "Lý Thị Mai"}, {"credit": "Nguồn: Báo Hà Tĩnh"}]
    head = result.yaml.split("meta:")[0]
    assert "Lý Thị Mai" not in head


def test_a_pen_name_with_a_credit_under_it_is_the_byline(tmp_path: Path) -> None:
    _, data = _import(tmp_path, _page("Minh Anh", "Theo Báo Nhân Dân"))
    assert {"byline": "Minh Anh"} in data["blocks"]


def test_a_share_line_under_the_last_paragraph_is_still_clutter(tmp_path: Path) -> None:
    result, data = _import(tmp_path, _page("Chia Sẻ Bài Viết"))
    assert "Chia Sẻ" not in repr(data)
    assert "Chia Sẻ Bài Viết" in result.yaml.split("meta:")[0]


ARTICLE = ["Công tác tuyên truyền đạt nhiều kết quả", "",
           "Năm qua, công tác tuyên truyền được đổi mới mạnh mẽ ở mọi cấp.", ""]


def test_caption_lines_in_text_are_never_intertitles(tmp_path: Path) -> None:
    captions = ["(Ảnh minh họa)", "Ảnh: Minh Anh",
                "Các đại biểu dự lễ khánh thành công trình (Ảnh: Lý Thị Mai)",
                "Toàn cảnh hội nghị. Ảnh: TTXVN"]
    lines = list(ARTICLE)
    for caption in captions:
        lines += [caption, "", LAST, ""]
    lines += ["Tuyên truyền trên báo chí", "", LAST]
    _, data = _import(tmp_path, lines)
    blocks = data["blocks"]
    for caption in captions:
        assert caption in blocks  # a paragraph, as typed
    assert {"intertitle": "Tuyên truyền trên báo chí"} in blocks


def test_a_source_line_under_a_table_is_its_note(tmp_path: Path) -> None:
    lines = [*ARTICLE, "Đơn vị\tSố buổi", "Huyện Kỳ Anh\t12", "Thị xã Hồng Lĩnh\t9",
             "Nguồn: Ban Tuyên giáo Tỉnh ủy", "", LAST]
    _, data = _import(tmp_path, lines)
    [table] = [b for b in data["blocks"] if "table" in b]
    assert table["note"] == "Nguồn: Ban Tuyên giáo Tỉnh ủy"
    assert not [b for b in data["blocks"] if "intertitle" in b]


CAPTION = "Toàn cảnh hội nghị tổng kết công tác năm 2024"


def test_a_line_under_a_pictures_place_in_text_is_its_caption(tmp_path: Path) -> None:
    """A caption with no "Ảnh" nor credit in it, under the place a picture had: pandoc's
    "[description]" (repeated by the caption) or "[]", a mail's "[image: …]", a Markdown
    image in a .txt. The place is left out and listed; the caption is a paragraph, never an
    intertitle."""
    places = [f"[{CAPTION}]", "[]", "[image: anh-hoi-nghi.jpg]", "[Ảnh]",
              "![](media/image1.jpg){width=\"3in\" height=\"2in\"}"]
    lines = list(ARTICLE)
    for place in places:
        lines += [place, "", CAPTION, "", LAST, ""]
    lines += ["Tuyên truyền trên báo chí", "", LAST]
    result, data = _import(tmp_path, lines)
    blocks = data["blocks"]
    assert blocks.count(CAPTION) == len(places)
    assert not [b for b in blocks if isinstance(b, dict) and b.get("intertitle") == CAPTION]
    assert {"intertitle": "Tuyên truyền trên báo chí"} in blocks
    assert not [b for b in blocks if "[" in str(b)]
    codes = [n.message.code for n in result.notes]
    assert codes.count("dropped-picture-reference") == codes.count("import-caption-kept") \
        == len(places)


def test_a_bracketed_line_that_is_no_pictures_place_stays(tmp_path: Path) -> None:
    lines = [*ARTICLE, "[Tiếp theo kỳ trước]", "", LAST]
    _, data = _import(tmp_path, lines)
    assert "[Tiếp theo kỳ trước]" in str(data["blocks"])


def test_a_markdown_image_with_pandocs_attributes_leaves_only_its_caption(
        tmp_path: Path) -> None:
    path = tmp_path / "bai.md"
    path.write_text("Năm qua, công tác tuyên truyền được đổi mới mạnh mẽ ở mọi cấp.\n\n"
                    "![](media/image1.jpg){width=\"3.1496062992125986in\"\n"
                    "height=\"1.968503937007874in\"}\n\n"
                    f"*{CAPTION}*\n\n{LAST}\n", encoding="utf-8")
    result = imported(path)
    blocks = loaded(result).document.model_dump(mode="json", exclude_none=True)["blocks"]
    assert "width" not in str(blocks)
    assert f"*{CAPTION}*" in blocks
    assert [n for n in result.notes if n.message.code == "dropped-markdown-picture"]


def test_an_italic_line_under_a_picture_word_leaves_out_is_its_caption(tmp_path: Path) -> None:
    """A chart Word draws from its data is left out; the italic line under it is its caption
    (a paragraph, as typed), never an intertitle — a bold title further down still is."""
    chart = ('<w:p><w:r><w:drawing><wp:inline><wp:extent cx="3600000" cy="1800000"/>'
             '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/'
             'chart"><c:chart r:id="rChart"/></a:graphicData></a:graphic></wp:inline>'
             '</w:drawing></w:r></w:p>')
    caption = "Số buổi tuyên truyền của các huyện trong năm 2024"
    body = (p(ARTICLE[0], "<w:b/>", '<w:jc w:val="center"/>') + p(ARTICLE[2]) + chart
            + p(caption, "<w:i/>") + p(LAST) + p("Tuyên truyền trên báo chí", "<w:b/>")
            + p(LAST))
    path = tmp_path / "bai.docx"
    path.write_bytes(word_file(body))
    result = imported(path)
    blocks = loaded(result).document.model_dump(mode="json", exclude_none=True)["blocks"]
    assert f"*{caption}*" in blocks
    assert {"intertitle": "Tuyên truyền trên báo chí"} in blocks
    assert [n for n in result.notes if n.message.code == "import-caption-kept"]
