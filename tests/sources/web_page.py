"""An article or interview copied from a news site: the text with the page's clutter around
it — a menu, a breadcrumb glued to the headline, share and view-count lines, bare times,
section labels and runs of linked teasers ending in "…".

The clutter is made by shape from random words (never a fixed list of labels), since the
importer has to recognise it by shape on sites no one here has seen.
"""

from __future__ import annotations

import random

from tests.sources import bank
from tests.sources.chooser import RandomChooser
from tests.sources.model import Document
from tests.sources.plain_text import body_lines

#: Syllables to make random words from: the bank's own vocabulary, so clutter is not told
#: apart from the article by its words.
SYLLABLES = sorted({word.strip(",.;:()").lower() for text in
                    bank.SUBJECTS + bank.OBJECTS + bank.TITLES + bank.TAILS
                    for word in text.split() if word.strip(",.;:()").isalpha()
                    and not set(word) <= set("IVXLCDM")})


def words(rng: random.Random, low: int, high: int, title_case: bool = False) -> str:
    picked = [rng.choice(SYLLABLES) for _ in range(rng.randint(low, high))]
    if title_case:
        picked = [w[0].upper() + w[1:] for w in picked]
    else:
        picked[0] = picked[0][0].upper() + picked[0][1:]
    return " ".join(picked)


def label(rng: random.Random) -> str:
    """A section label: two or three words, capitalised, no final punctuation."""
    return words(rng, 2, 3)


def teaser(rng: random.Random) -> str:
    """A linked teaser: a headline and the start of its article, 160 characters or more,
    cut with "…" (sentences like the article's own, or random words)."""
    chooser = RandomChooser(rng.randrange(10**9))
    text = ""
    while len(text) < rng.randint(170, 260):
        text += (bank.sentence(chooser) if rng.random() < 0.6 else words(rng, 6, 14)) + " "
    return text[:rng.randint(160, len(text) - 1)].rstrip(" ,.") + "…"


def bare_time(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025 {rng.randint(0, 23):02d}:" \
           f"{rng.randint(0, 59):02d}"


def small_line(rng: random.Random) -> str:
    """Share buttons, a view count, a comment count: short, no sentence."""
    kind = rng.choice(["share", "views", "time"])
    if kind == "share":
        return " ".join(words(rng, 1, 1, True) for _ in range(rng.randint(2, 4)))
    if kind == "views":
        return f"{rng.randint(1, 99)}.{rng.randint(100, 999)} {words(rng, 1, 2).lower()}"
    return bare_time(rng)


def block_of_teasers(rng: random.Random) -> list[str]:
    out = [label(rng)]
    for _ in range(rng.randint(2, 6)):
        out.append(teaser(rng))
        if rng.random() < 0.5:
            out.append(bare_time(rng))
    return out


def render_web(doc: Document) -> str:
    """The page as text: clutter, the breadcrumb glued to the headline, the article, more
    clutter."""
    rng = random.Random(doc.seed + 1)
    out = [" ".join(words(rng, 1, 2, True) for _ in range(rng.randint(4, 8)))]
    if rng.random() < 0.5:
        out += block_of_teasers(rng)
    crumbs = "".join(words(rng, 1, 2, True) for _ in range(rng.randint(2, 3)))
    out.append(crumbs + doc.subject)
    out += [small_line(rng) for _ in range(rng.randint(1, 3))]
    blank = rng.random() < 0.5
    for group in body_lines(doc, rng):
        out += group + ([""] if blank else [])
        if rng.random() < 0.05:
            out.append(small_line(rng))
    out += [small_line(rng) for _ in range(rng.randint(0, 2))]
    for _ in range(rng.randint(1, 3)):
        out += block_of_teasers(rng)
    return "\n".join(out) + "\n"
