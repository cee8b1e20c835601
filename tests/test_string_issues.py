"""What `check` remembers between checks changes none of its findings.

The studio checks the whole document after every save; the text checks of each string
(`briefing.validation.string_issues`) and the document's phrase counts for the doubled-word
verdicts (`briefing.validation.proofreading.phrases`) are kept from one check to the next and
updated text by text. Here, over edits of a real document (words doubled, replaced, removed,
paragraphs emptied — through the studio's own save), the findings of a check with everything
remembered equal those of a check that starts from nothing; and the kept phrase counts equal a
fresh count of the texts, whatever sequence of texts came before.
"""

from __future__ import annotations

import shutil
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import PROJECT_ROOT
from briefing.editing.store import DocumentStore
from briefing.messages.language import ENGLISH
from briefing.source.yaml_source import load_yaml
from briefing.validation import check_file, string_issues
from briefing.validation.proofreading import phrases
from briefing.validation.proofreading.phrases import PhraseIndex

BOOKLET = PROJECT_ROOT / "content" / "briefing-foreign-affairs.yaml"
EXAMPLES = settings(max_examples=12, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def seen(path: Path, text: str) -> list[tuple[Any, ...]]:
    """The findings of `check` as a person sees them: place, severity, words, fix."""
    return [(f.problem.position, f.problem.severity, f.problem.message.text(ENGLISH),
             f.problem.hint.text(ENGLISH) if f.problem.hint else None, f.problem.fix, f.fix)
            for f in check_file(path, text).findings]


def afresh(path: Path, text: str) -> list[tuple[Any, ...]]:
    string_issues.forget()
    phrases.forget()
    return seen(path, text)


def paragraphs(text: str) -> list[tuple[int, ...]]:
    """Paths of the body paragraphs (plain strings in a list under `blocks`)."""
    found: list[tuple[int, ...]] = []

    def walk(value: Any, path: tuple) -> None:
        if isinstance(value, list):
            for index, child in enumerate(value):
                if isinstance(child, str) and len(child.split()) > 3:
                    found.append((*path, index))
                walk(child, (*path, index))
        elif isinstance(value, dict):
            for key, child in value.items():
                walk(child, (*path, key))

    walk(load_yaml("x", text).data.get("blocks"), ("blocks",))
    return found


def edited(value: str, how: str, at: int, other: str) -> str:
    words = value.split(" ")
    at %= len(words)
    if how == "double":
        words.insert(at, words[at])
    elif how == "replace":
        words[at] = other
    elif how == "remove":
        del words[at]
    else:
        words = []
    return " ".join(words)


EDITS = st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(
    ["double", "double", "replace", "remove", "empty"]), st.integers(0, 200),
    st.sampled_from(["các", "thực", "hiện", "đối", "ngoại", "Việt", "Nam", "hợp", "tác"])),
    min_size=1, max_size=4)


@EXAMPLES
@given(edits=EDITS)
def test_findings_over_saved_edits_equal_a_check_from_nothing(tmp_path_factory, edits) -> None:
    folder = tmp_path_factory.mktemp("edits")
    shutil.copy(BOOKLET, folder / "b.yaml")
    store = DocumentStore(folder)
    snapshot = store.read("b.yaml")
    seen(store.path("b.yaml"), snapshot.text)  # remembered from the unedited text
    for paragraph, how, at, other in edits:
        places = paragraphs(snapshot.text)
        path = places[paragraph % len(places)]
        value = load_yaml("x", snapshot.text).data
        for key in path:
            value = value[key]
        snapshot = store.change("b.yaml", snapshot.version, "set_text", {
            "path": list(path), "value": edited(value, how, at, other)}).snapshot
        remembered = seen(store.path("b.yaml"), snapshot.text)
        assert remembered == afresh(store.path("b.yaml"), snapshot.text)


def test_every_shipped_and_bad_input_finds_the_same_twice_and_after_another() -> None:
    files = sorted((PROJECT_ROOT / "content").glob("*.yaml"))
    files += sorted((PROJECT_ROOT / "tests" / "bad_inputs").glob("*doubled*.yaml"))
    texts = {path: path.read_text(encoding="utf-8") for path in files}
    fresh = {path: afresh(path, text) for path, text in texts.items()}
    for path, other in pairwise([*files, files[0]]):  # each right after another document
        assert seen(path, texts[path]) == fresh[path]
        assert seen(other, texts[other]) == fresh[other]


def counted(texts: list[str]) -> tuple[Counter, dict]:
    """The phrase counts of `texts`, computed afresh the plain way (the reference)."""
    counts: Counter = Counter()
    middles: dict = {}
    for text in texts:
        for run in phrases._runs(text.lower()):
            for n in (1, 2, 3):
                counts.update(zip(*(run[i:] for i in range(n)), strict=False))
            for a, b, c, d in zip(run, run[1:], run[2:], run[3:], strict=False):
                if b.isalpha():
                    middles.setdefault(("before", a, c, d), set()).add(b)
                if c.isalpha():
                    middles.setdefault(("after", a, b, d), set()).add(c)
    return counts, middles


WORDS = st.sampled_from(["các", "các", "thực", "hiện", "thực hiện", "a1", "Hợp", "tác", ",", ""])
TEXTS = st.lists(st.lists(WORDS, max_size=12).map(" ".join), max_size=6)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(sequence=st.lists(TEXTS, min_size=1, max_size=6))
def test_kept_phrase_counts_equal_a_fresh_count(sequence: list[list[str]]) -> None:
    phrases.forget()
    for texts in sequence:
        counts, middles = counted(texts)
        index = PhraseIndex(texts)
        for phrase in counts:
            assert index.count(" ".join(phrase)) == counts[phrase]
        assert index.count("không có") == counts[("không", "có")]
        with phrases._LOCK:
            corpus = phrases._corpus_for(Counter(texts))
            assert corpus.counts == counts
            assert {frame: set(words) for frame, words in corpus.middles.items()} == middles
        for (side, a, b, c), words in middles.items():
            assert sorted(index.middles(side, a, b, c)) == sorted(words)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(first=TEXTS, second=TEXTS)
def test_two_documents_asked_in_turn_each_get_their_own_counts(first, second) -> None:
    phrases.forget()
    indexes = [(PhraseIndex(texts), counted(texts)[0]) for texts in (first, second)]
    for _ in range(2):  # each question after the other document's has moved the corpus
        for index, counts in indexes:
            for phrase, n in counts.items():
                assert index.count(" ".join(phrase)) == n
            assert index.count("chưa có") == 0
