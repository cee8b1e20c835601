"""Why an editing operation was refused, in the words the studio shows a clerk."""

from __future__ import annotations


class EditError(Exception):
    """An operation that cannot be applied (the document is left unchanged)."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class Conflict(EditError):
    """The file changed since the version the change was made on (another tab, an editor)."""

    def __init__(self, current_version: str):
        self.current_version = current_version
        super().__init__("Tài liệu đã được thay đổi ở nơi khác (một thẻ hoặc cửa sổ khác) "
                         "sau khi bạn mở nó, nên thay đổi của bạn chưa được lưu. Bấm «Tải lại "
                         "tài liệu» để lấy bản mới nhất; nội dung bạn đang gõ vẫn được giữ "
                         "trong ô của nó.")


class Taken(EditError):
    """A new file's name is already used (by a file made since the name was chosen)."""

    def __init__(self, name: str):
        self.name = name
        super().__init__(f"Đã có tệp mang tên '{name}'; không ghi đè lên tệp đó. Hãy thử lại.")
