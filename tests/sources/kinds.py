"""The kinds of document the generator makes: a head, a title, a body and a closing put
together the way each kind is written, with the tone-mark style of the clerk who typed it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from tests.sources import bank, bodies, press
from tests.sources.bodies import Drafter, line
from tests.sources.chooser import Chooser
from tests.sources.model import Closing, Document, Head, Line, Picture, Signer, Table

PARTY_TYPES = (("BÁO CÁO", "BC"), ("HƯỚNG DẪN", "HD"), ("KẾ HOẠCH", "KH"),
               ("CHƯƠNG TRÌNH", "CTr"), ("THÔNG BÁO", "TB"))
PARTY_SIGNERS = (("T/M BAN THƯỜNG VỤ", "BÍ THƯ"), ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"),
                 ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"), ("", "TRƯỞNG BAN"))
STATE_SIGNERS = (("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
                 ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), ("", "GIÁM ĐỐC"),
                 ("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"))
RECIPIENTS = ("Thường trực Tỉnh ủy (để b/c)", "Các huyện ủy, thị ủy, thành ủy",
              "Các sở, ban, ngành cấp tỉnh", "Ủy ban nhân dân các huyện, thị xã",
              "Báo Hà Tĩnh, Đài Phát thanh và Truyền hình tỉnh", "Các đảng ủy trực thuộc",
              "Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Như Điều 3")


def _date(c: Chooser) -> tuple[int, int, int]:
    return (c.choice([2023, 2024, 2025]), c.integer(1, 12), c.integer(1, 28))


def _head(c: Chooser, kind: str, type_code: str) -> Head:
    if kind == "party":
        issuer, code = c.choice(bank.PARTY_ISSUERS)
        return Head("party", issuer, c.choice(bank.PARTY_SUPERIORS),
                    f"{c.integer(1, 150):02d}-{type_code}/{code}", c.choice(bank.PLACES),
                    _date(c), one_row=c.chance(0.7))
    issuer, code = c.choice(bank.STATE_ISSUERS)
    date = _date(c)
    number = f"{c.integer(1, 300):02d}/" + (
        f"{type_code}-{code}" if type_code else f"{code}-{c.choice(['VP', 'VX', 'TCCB'])}")
    return Head("state", issuer, c.choice(bank.STATE_SUPERIORS), number, c.choice(bank.PLACES),
                date, one_row=c.chance(0.7))


def _closing(c: Chooser, party: bool, signers: int = 1) -> Closing:
    pool = PARTY_SIGNERS if party else STATE_SIGNERS
    people = [Signer(*c.choice(pool), c.choice(bank.NAMES)) for _ in range(signers)]
    if signers == 2:
        people = [Signer("", "THƯ KÝ", people[0].name), Signer("", "CHỦ TỌA", people[1].name)]
    recipients = [c.choice(RECIPIENTS) for _ in range(c.integer(1, 4))]
    archive = c.choice(["Lưu: VT, VP.", "Lưu: VT, TH.", "Lưu VP, BTG.", "Lưu: VT, TCCB."])
    recipients = [*dict.fromkeys(recipients), archive]
    return Closing(recipients, people, signed=c.chance(0.3))


def _subject(c: Chooser, prefix: str) -> str:
    text = f"{c.choice(bank.OBJECTS)} {c.choice(bank.TAILS)}"
    return f"{prefix} {text}" if prefix else text[0].upper() + text[1:]


def party_guide(d: Drafter) -> Document:
    c = d.c
    type_, code = c.choice(PARTY_TYPES)
    return Document("party-guide", c.integer(0, 10**6), _head(c, "party", code), type_,
                    _subject(c, "về"), body=bodies.ladder(d), end_mark=c.chance(0.5),
                    closing=_closing(c, party=True))


def party_report(d: Drafter) -> Document:
    c = d.c
    body = bodies.report(d)
    if c.chance(0.4):  # the report's parts: I. KẾT QUẢ … above the 1.–7.
        body = [line("heading", bank.title(c).upper(), "I."), *body]
    return Document("party-report", c.integer(0, 10**6), _head(c, "party", "BC"), "BÁO CÁO",
                    _subject(c, c.choice(["", "về", "kết quả"])), body=body,
                    end_mark=c.chance(0.5), closing=_closing(c, party=True))


CITED = ("Luật Tổ chức chính quyền địa phương", "Nghị định số 30/2020/NĐ-CP",
         "Luật Tổ chức Chính phủ", "Luật Ban hành văn bản quy phạm pháp luật")


def _basis(c: Chooser, type_: str) -> list[Line]:
    lines = [line("basis", f"Căn cứ {c.choice(CITED)} ngày {c.integer(1, 28)} tháng "
                           f"{c.integer(1, 12)} năm {c.integer(2015, 2022)};")
             for _ in range(c.integer(1, 3))]
    lines.append(line("basis", f"Theo đề nghị của {bank.lowered(c.choice(bank.SUBJECTS))}."))
    if type_ == "QUYẾT ĐỊNH" or c.chance(0.3):
        lines.append(line("formula", f"{type_}:", look="centre"))
    return lines


def state_decision(d: Drafter) -> Document:
    c = d.c
    body = bodies.legal(d, chapters=False)
    return Document("state-decision", c.integer(0, 10**6), _head(c, "state", "QĐ"),
                    "QUYẾT ĐỊNH", _subject(c, "Về việc"), preamble=_basis(c, "QUYẾT ĐỊNH"),
                    body=body, end_mark=True, closing=_closing(c, party=False))


def state_regulation(d: Drafter) -> Document:
    """A decree of the Government (number with a year: 30/2020/NĐ-CP) or a quy chế, quy
    định of a province, in Chương / Mục / Điều."""
    c = d.c
    type_, code = c.choice([("NGHỊ ĐỊNH", "NĐ-CP"), ("QUY CHẾ", "QC"), ("QUY ĐỊNH", "QyĐ")])
    head = _head(c, "state", code)
    closing = _closing(c, party=False)
    if type_ == "NGHỊ ĐỊNH":
        head.superior, head.issuer = "", "CHÍNH PHỦ"
        head.number = f"{c.integer(1, 180):02d}/{head.date[0]}/NĐ-CP"
        closing.signers = [Signer("TM. CHÍNH PHỦ", "THỦ TƯỚNG", closing.signers[0].name)]
    return Document("state-regulation", c.integer(0, 10**6), head, type_,
                    _subject(c, c.choice(["Về", "Quy định về"])), preamble=_basis(c, type_),
                    body=bodies.legal(d, chapters=True), end_mark=True, closing=closing)


def cong_van(d: Drafter) -> Document:
    c = d.c
    addressees = list(dict.fromkeys(c.choice(bank.SUBJECTS) for _ in range(c.integer(1, 3))))
    return Document("cong-van", c.integer(0, 10**6), _head(c, "state", ""), "",
                    _subject(c, ""), subject_prefix="V/v", addressees=addressees,
                    body=press.letter(d), end_mark=True, closing=_closing(c, party=False))


def form(d: Drafter) -> Document:
    c = d.c
    return Document("form", c.integer(0, 10**6), _head(c, "state", "GM"), "GIẤY MỜI",
                    _subject(c, "Dự"), body=press.invitation(d), end_mark=True,
                    closing=_closing(c, party=False))


def minutes(d: Drafter) -> Document:
    c = d.c
    head = _head(c, "state", "BB")
    return Document("minutes", c.integer(0, 10**6), head, "BIÊN BẢN",
                    f"Cuộc họp {c.choice(bank.TITLES).lower()}", body=press.minutes(d),
                    end_mark=True, closing=_closing(c, party=False, signers=2))


def article(d: Drafter) -> Document:
    c = d.c
    body, after = press.article(d)
    return Document("article", c.integer(0, 10**6), Head("headline"), "",
                    bank.sentence(c, ""), body=body, end_mark=c.chance(0.6), after=after)


def interview(d: Drafter) -> Document:
    c = d.c
    body, after = press.interview(d)
    return Document("interview", c.integer(0, 10**6), Head("headline"), "",
                    bank.sentence(c, ""), body=body, end_mark=c.chance(0.6), after=after)


def booklet(d: Drafter) -> Document:
    c = d.c
    head = _head(c, "party", "")
    head = replace(head, kind="cover", number="")
    return Document("booklet", c.integer(0, 10**6), head,
                    c.choice(["TÀI LIỆU SINH HOẠT CHI BỘ", "TÀI LIỆU THÔNG TIN NỘI BỘ",
                              "TÀI LIỆU TUYÊN TRUYỀN"]), _subject(c, ""), body=bodies.ladder(d))


KINDS: dict[str, Callable[[Drafter], Document]] = {
    "party-guide": party_guide, "party-report": party_report, "state-decision": state_decision,
    "state-regulation": state_regulation, "cong-van": cong_van, "form": form,
    "minutes": minutes, "article": article, "interview": interview, "booklet": booklet}
#: Kinds a clerk also pastes from a web page.
WEB_KINDS = ("article", "interview")


def generate(kind: str, c: Chooser) -> Document:
    """A document of `kind`, in the clerk's tone-mark style (new, old, or mixed by line)."""
    drafter = Drafter(c, {})
    document = KINDS[kind](drafter)
    document.lists = drafter.lists
    style = c.choice(["new", "new", "old", "mixed"])
    return retone(document, lambda: style == "old" or (style == "mixed" and c.chance(0.5)))


def retone(document: Document, old: Callable[[], bool]) -> Document:
    """Every text of the document in the old tone-mark style where `old()` says so."""
    def t(text: str) -> str:
        return bank.old_tone_marks(text) if text and old() else text

    def tl(item: Line) -> Line:
        return replace(item, para=replace(item.para, text=t(item.para.text)))

    def block(item):
        if isinstance(item, Line):
            return tl(item)
        if isinstance(item, Picture):
            return Picture(tl(item.caption) if item.caption else None)
        return Table([[None if cell is None else replace(
            cell, paragraphs=[t(p) for p in cell.paragraphs]) for cell in row]
            for row in item.rows])

    document.subject = t(document.subject)
    document.preamble = [tl(x) for x in document.preamble]
    document.body = [block(x) for x in document.body]
    document.after = [tl(x) for x in document.after]
    document.addressees = [t(x) for x in document.addressees]
    if document.closing:
        document.closing.recipients = [t(x) for x in document.closing.recipients]
    return document

