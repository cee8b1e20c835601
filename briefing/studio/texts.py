"""Words the studio shows (Vietnamese), kept apart from the code that shows them."""

from __future__ import annotations

import datetime as dt

FORM_NAMES = {"booklet": "Tài liệu thông tin nội bộ", "official": "Văn bản hành chính"}
#: meta fields of the form, in order, with their labels
META_FIELDS = (
    ("issuer.superior", "Cơ quan cấp trên"),
    ("issuer.name", "Cơ quan ban hành"),
    ("number", "Số, ký hiệu"),
    ("place", "Địa danh"),
    ("date", "Ngày ban hành"),
    ("type", "Loại văn bản"),
    ("title", "Tiêu đề bìa"),
    ("subject", "Trích yếu / chủ đề"),
    ("issue", "Số phát hành (dòng số, tháng)"),
    ("circulation", "Phạm vi lưu hành"),
    ("signer.authority", "Quyền hạn ký (K/T, T/M…)"),
    ("signer.title", "Chức vụ người ký"),
    ("signer.name", "Họ tên người ký"),
)
ITEM_KINDS = (("paragraph", "Đoạn văn"), ("numbered", "Đoạn văn đánh số"),
              ("bullets", "Danh sách gạch đầu dòng"), ("enumerate", "Danh sách đánh số"),
              ("table", "Bảng"), ("intertitle", "Tiêu đề phụ"), ("quote", "Trích dẫn"),
              ("question", "Câu hỏi (phỏng vấn)"), ("answer", "Trả lời (phỏng vấn)"),
              ("note", "Dòng ghi chú"))


def humanize_time(moment: dt.datetime | None) -> str:
    if moment is None:
        return "chưa tạo"
    return moment.strftime("%d/%m/%Y %H:%M")
