"""Where the generator's choices come from: a seeded `random.Random`, or hypothesis's `draw`.

The generator is written once against `Chooser`, so the same code makes a document from a
fixed seed (the score table, reproducible by `--seed`) and from a hypothesis strategy (property
tests, which shrink a failing document to a small one).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Chooser(Protocol):
    def integer(self, low: int, high: int) -> int: ...

    def choice(self, options: Sequence[T]) -> T: ...

    def chance(self, probability: float) -> bool: ...


class RandomChooser:
    """Choices from a seeded generator: the same seed gives the same document."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def integer(self, low: int, high: int) -> int:
        return self.random.randint(low, high)

    def choice(self, options: Sequence[T]) -> T:
        return options[self.random.randrange(len(options))]

    def chance(self, probability: float) -> bool:
        return self.random.random() < probability


class DrawChooser:
    """Choices drawn by hypothesis: each one is a small integer it can shrink towards 0 (the
    first option, the shortest list, "no")."""

    def __init__(self, draw: Callable[[Any], Any]) -> None:
        from hypothesis import strategies as st

        self.draw = draw
        self.st = st

    def integer(self, low: int, high: int) -> int:
        return self.draw(self.st.integers(low, high))

    def choice(self, options: Sequence[T]) -> T:
        return options[self.draw(self.st.integers(0, len(options) - 1))]

    def chance(self, probability: float) -> bool:
        # a weighted coin that shrinks to False: 1000 faces, `probability` of them True
        return self.draw(self.st.integers(0, 999)) >= round(1000 * (1 - probability))
