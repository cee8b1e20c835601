"""A small bank of real-sounding Vietnamese: sentences put together from parts, titles,
issuers, names and places, and the two tone-mark styles ("hòa"/"hoà", "thủy"/"thuỷ").

The parts combine into many distinct sentences so that paragraphs rarely repeat (an alignment
of repeated paragraphs would be ambiguous). Everything is NFC.
"""

from __future__ import annotations

import re
import unicodedata

from tests.sources.chooser import Chooser


def _nfc(items: list[str]) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFC", item) for item in items)


SUBJECTS = _nfc([
    "Các cấp ủy, tổ chức đảng", "Ủy ban nhân dân các huyện, thị xã", "Ban Tuyên giáo các cấp",
    "Các sở, ban, ngành cấp tỉnh", "Cán bộ, đảng viên trong toàn Đảng bộ",
    "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội", "Các cơ quan báo chí của tỉnh",
    "Chi bộ các thôn, tổ dân phố", "Đội ngũ báo cáo viên, tuyên truyền viên",
    "Các trường học trên địa bàn", "Văn phòng Ủy ban nhân dân tỉnh", "Công an tỉnh",
    "Người đứng đầu cơ quan, đơn vị", "Hội Cựu chiến binh và Hội Nông dân các cấp",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Sở Thông tin và Truyền thông",
])
VERBS = _nfc([
    "tiếp tục quán triệt", "tổ chức triển khai thực hiện nghiêm túc", "đẩy mạnh tuyên truyền về",
    "chủ động nắm bắt tình hình và phản ánh kịp thời",
    "tăng cường kiểm tra, giám sát việc thực hiện",
    "phối hợp chặt chẽ để thực hiện", "quan tâm chỉ đạo", "xây dựng kế hoạch cụ thể để thực hiện",
    "tập trung lãnh đạo, chỉ đạo", "nâng cao chất lượng", "đổi mới nội dung, phương thức",
    "rà soát, đánh giá kết quả", "kịp thời biểu dương, khen thưởng", "tích cực hưởng ứng",
    "báo cáo kết quả", "huy động các nguồn lực cho",
])
OBJECTS = _nfc([
    "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
    "công tác chuyển đổi số trong cơ quan nhà nước", "phong trào thi đua yêu nước",
    "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "công tác bảo vệ nền tảng tư tưởng của Đảng", "chương trình xây dựng nông thôn mới",
    "các chủ trương, chính sách của Đảng và pháp luật của Nhà nước",
    "công tác cải cách hành chính", "việc phòng, chống tham nhũng, tiêu cực",
    "công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
    "an ninh chính trị, trật tự an toàn xã hội",
    "chất lượng sinh hoạt chi bộ", "công tác dân vận của hệ thống chính trị",
    "việc thực hiện quy chế dân chủ ở cơ sở", "công tác thông tin đối ngoại",
    "hoạt động của Tổ công nghệ số cộng đồng", "việc sắp xếp đơn vị hành chính cấp xã",
    "công tác bảo vệ chủ quyền biển, đảo", "việc giữ gìn bản sắc văn hóa dân tộc",
    "phong trào toàn dân đoàn kết xây dựng đời sống văn hóa",
])
TAILS = _nfc([
    "trên địa bàn tỉnh", "trong năm 2024", "đến cơ sở", "theo đúng quy định",
    "gắn với nhiệm vụ chính trị của từng địa phương", "một cách thiết thực, hiệu quả",
    "trong tình hình mới", "bảo đảm tiến độ đề ra", "ở vùng sâu, vùng xa",
    "trong 6 tháng cuối năm", "phù hợp với điều kiện thực tế", "trong toàn Đảng bộ",
    "nhân dịp kỷ niệm các ngày lễ lớn", "với sự tham gia của Nhân dân", "giai đoạn 2021 - 2025",
])
TITLES = _nfc([
    "Mục đích, yêu cầu", "Nội dung tuyên truyền", "Hình thức tuyên truyền", "Tổ chức thực hiện",
    "Kết quả đạt được", "Hạn chế, nguyên nhân", "Phương hướng, nhiệm vụ thời gian tới",
    "Đề xuất, kiến nghị", "Tình hình chung", "Công tác lãnh đạo, chỉ đạo",
    "Công tác tuyên truyền, giáo dục", "Công tác kiểm tra, giám sát", "Kinh phí thực hiện",
    "Chế độ thông tin, báo cáo", "Trách nhiệm của các cơ quan, đơn vị", "Giải pháp chủ yếu",
    "Đối tượng áp dụng", "Phạm vi điều chỉnh", "Giải thích từ ngữ", "Nguyên tắc thực hiện",
    "Hiệu lực thi hành", "Quyền và nghĩa vụ của các bên", "Thời gian, địa điểm",
    "Về công tác xây dựng Đảng", "Về phát triển kinh tế - xã hội", "Về quốc phòng, an ninh",
    "Về văn hóa, xã hội", "Tuyên truyền trên báo chí", "Tuyên truyền miệng",
    "Tuyên truyền trực quan",
])
LEADS = _nfc([
    "cụ thể như sau:", "gồm các nội dung sau:", "cụ thể:", "với các yêu cầu sau đây:",
    "tập trung vào một số nội dung chủ yếu sau:", "theo các hình thức sau:",
])
NEWS = _nfc([
    "Năm qua, kinh tế của tỉnh tiếp tục tăng trưởng khá, đời sống vật chất và tinh thần của "
    "Nhân dân được cải thiện.",
    "Nhiều mô hình hay, cách làm sáng tạo đã được nhân rộng, tạo sức lan tỏa trong cộng đồng.",
    "Công tác đối ngoại được triển khai đồng bộ, toàn diện, góp phần giữ vững môi trường hòa "
    "bình, ổn định.",
    "Bên cạnh những kết quả đạt được, vẫn còn một số hạn chế cần sớm khắc phục.",
    "Theo số liệu của Cục Thống kê, tổng sản phẩm trên địa bàn tăng 7,2% so với cùng kỳ.",
    "Các địa phương đã chủ động phương án ứng phó, bảo đảm an toàn cho người dân trong mùa "
    "mưa bão.",
    "Hội nghị đã thảo luận, thống nhất nhiều giải pháp quan trọng cho giai đoạn tới.",
    "Người dân vùng biên giới phấn khởi khi con đường mới được đưa vào sử dụng.",
])
PARTY_SUPERIORS = _nfc(["TỈNH ỦY HÀ TĨNH", "THÀNH ỦY HÀ NỘI", "HUYỆN ỦY CẨM XUYÊN",
                        "ĐẢNG ỦY KHỐI CƠ QUAN TỈNH", "TỈNH ỦY THỪA THIÊN HUẾ", "QUẬN ỦY QUẬN 3"])
#: (issuer, the letters it signs with in a number)
PARTY_ISSUERS = (
    ("BAN TUYÊN GIÁO", "BTGTU"), ("BAN TỔ CHỨC", "BTCTU"), ("BAN DÂN VẬN", "BDVTU"),
    ("ỦY BAN KIỂM TRA", "UBKTTU"), ("BAN THƯỜNG VỤ", "TU"))
STATE_SUPERIORS = _nfc(["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "BỘ NỘI VỤ", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
                        "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG", "BỘ THÔNG TIN VÀ TRUYỀN THÔNG"])
STATE_ISSUERS = (("SỞ NỘI VỤ", "SNV"), ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "STTTT"),
                 ("ỦY BAN NHÂN DÂN HUYỆN KỲ ANH", "UBND"),
                 ("CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC", "VTLTNN"),
                 ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SGDĐT"), ("ỦY BAN NHÂN DÂN XÃ THẠCH HÀ", "UBND"))
PLACES = _nfc(["Hà Nội", "Hà Tĩnh", "Nghệ An", "Thanh Hóa", "Đà Nẵng", "Cần Thơ", "Huế",
               "Vinh", "Quận 3", "Kỳ Anh"])
NAMES = _nfc(["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng",
              "Hoàng Thị Lan", "Võ Văn Hùng", "Đặng Thu Hà", "Bùi Xuân Trường", "Ngô Đức Thắng",
              "Đỗ Thị Hương", "Dương Văn Khải", "Lý Thị Mai"])
TABLE_HEADS = _nfc(["Chỉ tiêu", "Kết quả", "Đơn vị", "Ghi chú", "Kế hoạch", "Thực hiện",
                    "Tỷ lệ (%)", "Nội dung", "Thời gian", "Đơn vị chủ trì"])
CAPTIONS = _nfc(["Toàn cảnh hội nghị", "Các đại biểu dự lễ khánh thành công trình",
                 "Lãnh đạo tỉnh thăm hỏi, tặng quà người dân", "Quang cảnh buổi làm việc",
                 "Đoàn công tác kiểm tra tiến độ dự án"])
PAPERS = _nfc(["Báo Nhân Dân", "Báo Hà Tĩnh", "Báo Điện tử Đảng Cộng sản Việt Nam",
               "Báo Sài Gòn Giải Phóng", "Tạp chí Cộng sản", "Báo Quân đội nhân dân"])
FILL_LABELS = _nfc(["Họ và tên:", "Chức vụ:", "Đơn vị công tác:", "Thời gian:", "Địa điểm:",
                    "Thành phần tham dự:", "Chủ trì:", "Thư ký:", "Số điện thoại:", "Địa chỉ:"])


def sentence(c: Chooser, end: str = ".") -> str:
    """One sentence: subject, verb, object and sometimes a tail."""
    parts = [c.choice(SUBJECTS), c.choice(VERBS), c.choice(OBJECTS)]
    if c.chance(0.6):
        parts.append(c.choice(TAILS))
    return " ".join(parts) + end


def lead(c: Chooser) -> str:
    """A sentence that announces a list: "… , cụ thể như sau:"."""
    return f"{sentence(c, '')}, {c.choice(LEADS)}"


#: First words that are common nouns (lowered inside a list); the others begin names.
_COMMON = ("Các ", "Cán bộ", "Người ", "Đội ngũ", "Chi bộ", "Năm ", "Nhiều ", "Bên ")


def lowered(text: str) -> str:
    """A sentence used after a marker or lead: the first letter lowered unless a name."""
    return text[0].lower() + text[1:] if text.startswith(_COMMON) else text


def title(c: Chooser) -> str:
    text = c.choice(TITLES)
    tail = c.choice(TAILS) if c.chance(0.3) else ""
    if tail and tail.split()[0] == text.split()[-1]:  # "nguyên nhân nhân dịp": a typo
        tail = ""
    return f"{text} {tail}".strip()


def paragraph(c: Chooser, sentences: tuple[int, int] = (1, 3)) -> str:
    return " ".join(sentence(c) for _ in range(c.integer(*sentences)))


_OLD_STYLE = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
              "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
              "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}
_OLD = re.compile("(?<![qQ])(" + "|".join(_OLD_STYLE) + r")(?!\w)", re.IGNORECASE)


def old_tone_marks(text: str) -> str:
    """The old placement of tone marks on an open syllable: "hòa" -> "hoà", "Ủy" -> "Uỷ"."""
    def swap(match: re.Match[str]) -> str:
        found = match.group(1)
        old = _OLD_STYLE[found.lower()]
        return "".join(o.upper() if f.isupper() else o for f, o in zip(found, old, strict=False))
    return unicodedata.normalize("NFC", _OLD.sub(swap, text))
