"""What a build refuses never freezes the studio's preview, in Debian's Chromium: a figure whose
file is missing is drawn as a marked box of its place with its caption, a ragged table, a
footnote called twice and a date that does not exist are drawn as far as they can be, and each
is listed with its section's number and title and the page that prints it. Downloads still
refuse. Screenshots in output/test-artifacts/studio/ (`draft-errors-*.png`).
"""

from __future__ import annotations

import re

from test_studio_clerk_e2e import (  # the clerk's browser page on the studio's own server
    browser,  # noqa: F401 - a fixture
    page,  # noqa: F401 - a fixture
    studio,  # noqa: F401 - a fixture
)
from test_studio_e2e import ARTIFACTS, BOOKLET, shot, wait_for_new_preview

#: what must never reach a clerk's screen: a file's syntax and places, a bare paragraph number
INTERNALS = re.compile(r"blocks\[|body\[|\bmeta\.\w|(ở|\()dòng \d|\.yaml:\d|/tmp/|Traceback|"
                       r"colspan|rowspan|\[\^|(^|· )đoạn \d|\b(write|remove|expected|found) ",
                       re.M)
FIGURE = ("          - figure: anh.png\n            caption: Toàn cảnh Hội nghị Ngoại giao "
          "lần thứ 32\n")
TABLE = ("          - table:\n              - [Lĩnh vực, Số liệu, Ghi chú]\n"
         "              - [Quan hệ ngoại giao, 193 quốc gia]\n")


def _broken(text: str) -> str:
    """The booklet with a missing figure (before section 1.1's first paragraph), a
    ragged table, a note called twice and a date that does not exist."""
    first = "          - Trong 03 năm qua"
    assert first in text
    text = text.replace(first, FIGURE + first, 1)
    domestic = "          - Dưới tác động của tình hình thế giới"
    text = text.replace(domestic, TABLE + domestic, 1)
    text = text.replace("nhiều biến động và cạnh tranh nước lớn gia tăng,",
                        "nhiều biến động[^us-china-russia] và cạnh tranh nước lớn gia tăng,", 1)
    return text.replace("  date: 2024-03\n", "  date: 2024-02-30\n", 1)


def test_a_missing_figure_and_other_errors_keep_the_preview_drawing(studio, page):  # noqa: F811
    project = studio[1]
    base = studio[0].split("/?")[0]
    content = project / "content" / "draft-errors.yaml"
    content.write_text(_broken((project / "content" / BOOKLET).read_text(encoding="utf-8")),
                       encoding="utf-8")
    page.goto(f"{base}/edit/draft-errors.yaml")
    wait_for_new_preview(page, None)
    marks = page.locator("#preview-marks")
    marks.wait_for(state="visible", timeout=60_000)
    said = marks.inner_text()
    assert said.startswith("Bản nháp:"), said  # a draft, not "Chưa dựng được bản in vì:"
    assert page.locator("#preview-note").is_hidden()  # not frozen on an older build
    assert "Mục 1.1 «Tình hình quốc tế», đoạn 1: không tìm thấy tệp ảnh 'anh.png'" in said
    assert "Mục 1.2 «Tình hình trong nước», đoạn 1: dòng 2 của bảng" in said, said
    assert "Mục 1.1 «Tình hình quốc tế», đoạn 7: chú thích này đã được gọi ở chỗ trước" in said
    assert "Thông tin chung, Ngày ban hành" in said, said
    assert not INTERNALS.search(said), said
    answer = page.request.get(f"{base}/api/preview/draft-errors.yaml").json()
    assert answer["status"] == "ok"
    assert all(m["page"] is not None for m in answer["marks"]), answer["marks"]
    assert not any(INTERNALS.search(w) for w in answer["warnings"]), answer["warnings"]
    figure = next(m for m in answer["marks"] if "anh.png" in m["text"])
    assert figure["page"] is not None  # the box prints the file's name: its page is found
    page.locator("#preview-marks button", has_text="anh.png").click()
    page.wait_for_selector(f'#pages figure[data-index="{figure["page"]}"][data-shown]',
                           timeout=60_000)
    page.wait_for_timeout(400)  # the picture painted
    shot(page, "draft-errors-01-missing-figure")
    # the page's own picture, large enough to read the box and its caption
    image = page.request.get(f"{base}/preview/{answer['key']}/{figure['page']}.png?w=900")
    assert image.status == 200
    (ARTIFACTS / "draft-errors-02-figure-page.png").write_bytes(image.body())
    # a download is refused, saying where, in Vietnamese
    page.locator("#download-pdf").click()
    flash = page.locator("#flash.error")
    flash.wait_for(state="visible", timeout=60_000)
    refusal = flash.inner_text()
    assert "Ngày ban hành" in refusal, refusal  # the schema's error stops a build first
    assert not INTERNALS.search(refusal), refusal
    shot(page, "draft-errors-03-download-refused")
    assert not (project / "output" / "draft-errors.pdf").exists()
    assert page.errors == []
