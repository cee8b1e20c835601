"""Article and interview bodies, and fill-in forms: the furniture a reader recognises by its
place and look (dateline, standfirst, intertitle, captioned picture, byline and credit after
the end mark, speaker labels, label + leader lines)."""

from __future__ import annotations

from tests.sources import bank
from tests.sources.bodies import Drafter, bullets, content, line
from tests.sources.chooser import Chooser
from tests.sources.model import Block, Line, Picture

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def dateline(c: Chooser) -> Line:
    day, month, year = c.integer(1, 28), c.integer(1, 12), c.choice([2023, 2024, 2025])
    if c.chance(0.5):
        text = f"{c.choice(bank.PLACES)}, ngày {day:02d} tháng {month} năm {year}"
    else:
        text = f"{c.choice(WEEKDAYS)}, {day} tháng {month}, {year}"
    return line("dateline", text)


def _picture(c: Chooser) -> Picture:
    """A picture with its caption: words alone, words and the photographer's credit
    ("… (Ảnh: Minh Anh)", "… Ảnh: TTXVN"), or a bare "(Ảnh minh họa)"."""
    caption = c.choice(bank.CAPTIONS) + (f" {c.choice(bank.TAILS)}" if c.chance(0.5) else "")
    shape = c.integer(0, 3)
    if shape == 1:
        caption += f" (Ảnh: {c.choice(bank.NAMES)})"
    elif shape == 2:
        caption += f". Ảnh: {c.choice(bank.NAMES)}"
    elif shape == 3:
        caption = "(Ảnh minh họa)"
    return Picture(line("caption", caption) if c.chance(0.9) else None)


def _credits(c: Chooser) -> list[Line]:
    out = []
    if c.chance(0.7):
        out.append(line("byline", c.choice(bank.NAMES)))
    if c.chance(0.7) or not out:
        source = c.choice(bank.PAPERS)
        out.append(line("credit", c.choice([f"Theo {source}", f"Nguồn: {source}"])))
    return out


def article(d: Drafter) -> tuple[list[Block], list[Line]]:
    """Dateline, standfirst, paragraphs with intertitles and a captioned picture; the byline
    and credit come after the end mark."""
    c = d.c
    body: list[Block] = []
    if c.chance(0.7):
        body.append(dateline(c))
    body.append(line("standfirst", bank.paragraph(c, (1, 2))))
    for part in range(c.integer(1, 3)):
        if part or c.chance(0.3):
            body.append(line("intertitle", bank.title(c)))
        body += [line("paragraph", c.choice([bank.paragraph(c), c.choice(bank.NEWS)]))
                 for _ in range(c.integer(1, 3))]
        if c.chance(0.4):
            body.insert(len(body) - 1, _picture(c))
    return body, _credits(c)


def interview(d: Drafter) -> tuple[list[Block], list[Line]]:
    """Question and answer turns with recurring speaker labels; answers may run on."""
    c = d.c
    asker = c.choice(["Phóng viên:", "PV:"])
    name = c.choice(bank.NAMES)
    answerer = c.choice([f"Đồng chí {name}:", f"Ông {name}:", f"Đồng chí {name.split()[-1]}:"])
    look = c.choice(["plain", "bold", "label"])
    body: list[Block] = [line("standfirst", f"{bank.sentence(c)} Phóng viên đã có cuộc trao "
                                            f"đổi với đồng chí {name} về vấn đề này.")]
    if c.chance(0.5):
        body.append(_picture(c))
    for _ in range(c.integer(2, 4)):
        question = bank.sentence(c, "?")
        # "bold": the whole question bold; "label": the speaker labels bold; "plain"
        body.append(line("turn", question, asker, look=look))
        body.append(line("turn", bank.paragraph(c, (1, 2)), answerer,
                         look="label" if look == "label" else "plain"))
        body += [line("turn", bank.paragraph(c, (1, 2))) for _ in range(c.integer(0, 2))]
    if c.chance(0.5):
        body.append(line("turn", "Xin trân trọng cảm ơn đồng chí!", asker, look=look))
    return body, _credits(c)


def fill_line(c: Chooser, label: str) -> Line:
    return line("fill", label, fill=c.choice(["leader", "leader", "dots", "ellipsis"]))


def invitation(d: Drafter) -> list[Block]:
    """A giấy mời: who invites whom, then label + blank lines and a date blank."""
    c = d.c
    out: list[Block] = [line("paragraph", f"{c.choice(bank.SUBJECTS)} trân trọng kính mời:"),
                        fill_line(c, "Ông (bà):")]
    labels = ["Tới dự", "Thời gian:", "Địa điểm:", "Chủ trì:"] + \
        [c.choice(bank.FILL_LABELS) for _ in range(c.integer(0, 2))]
    out += [fill_line(c, label) for label in labels]
    if c.chance(0.5):
        out.append(line("fill", "ngày … tháng … năm …", fill="date"))
    if c.chance(0.5):
        out.append(line("numbered", "Tên dự án:", "1."))
        out += [line("fill", "", fill="leader") for _ in range(c.integer(1, 2))]
    out.append(line("paragraph", bank.sentence(c)))
    return out


def minutes(d: Drafter) -> list[Block]:
    """A biên bản: time, place and people as fill-in lines, then what was said."""
    c = d.c
    out: list[Block] = [fill_line(c, label) for label in
                        ("Thời gian bắt đầu:", "Địa điểm:", "Thành phần tham dự:", "Chủ trì:",
                         "Thư ký:")]
    out.append(line("paragraph", "Nội dung cuộc họp:"))
    out += [line("paragraph", bank.paragraph(c)) for _ in range(c.integer(1, 3))]
    out.append(line("fill", "Cuộc họp kết thúc vào … giờ …, ngày … tháng … năm …", fill="date"))
    return out


def letter(d: Drafter) -> list[Block]:
    """A công văn's body: paragraphs, then numbered requests or bullets."""
    c = d.c
    out: list[Block] = [line("paragraph", bank.paragraph(c, (2, 3)))]
    if c.chance(0.5):
        out.append(line("paragraph", bank.lead(c)))
        out += [line("numbered", bank.sentence(c), f"{i + 1}.") for i in range(c.integer(2, 4))]
    else:
        out += content(d, allow_table=False) + (bullets(d) if c.chance(0.3) else [])
    out.append(line("paragraph", bank.sentence(c)))
    return out
