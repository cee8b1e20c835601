"""The pictures of preview pages, kept for the next request within a bound in bytes.

A clerk's browser asks for each page at one width (its pane's, rounded to 100 px); a script
could ask for every page at every width and fill the memory (314 MiB for 663 images, in the
report). So widths are rounded to the few the page asks for (`allowed_width`), and every
build's pictures share one cache that lets the least recently shown go first when the bytes
kept pass the bound (`ImageCache`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

#: the widths the page asks for: its pane's width times the screen's pixel ratio, rounded up
#: to 100 px (`static/preview.js`), between these bounds
WIDTH_STEP, MIN_WIDTH, MAX_WIDTH = 100, 200, 1600
#: the pictures kept, all builds together: a 24-page booklet at two widths is ~20 MB
DEFAULT_LIMIT = 96 * 1024 * 1024


def allowed_width(width: int) -> int:
    """`width` rounded up to the page's step, within the bounds: at most 15 widths a page."""
    stepped = -(-int(width) // WIDTH_STEP) * WIDTH_STEP
    return max(MIN_WIDTH, min(stepped, MAX_WIDTH))


class ImageCache:
    """Least recently used pictures let go first once their bytes pass `limit`."""

    def __init__(self, limit: int = DEFAULT_LIMIT):
        self.limit = limit
        self.size = 0
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            data = self._items.get(key)
            if data is not None:
                self._items.move_to_end(key)
            return data

    def put(self, key: Hashable, data: bytes) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            self.size -= len(old) if old is not None else 0
            self._items[key] = data
            self.size += len(data)
            while self.size > self.limit and len(self._items) > 1:
                _, dropped = self._items.popitem(last=False)
                self.size -= len(dropped)

    def __len__(self) -> int:
        return len(self._items)
