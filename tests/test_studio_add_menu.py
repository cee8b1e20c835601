"""The editor's "+ Add" menus offer only what the document's type lets each list hold: a legal
text (a type that expects articles: quyết định, quy chế, quy định…) its articles, chapters,
parts, divisions, an article's clauses, a clause's lettered points, never a booklet's
intertitles or a section; any other official document its sections and an official letter's
paragraphs, lists and tables; a booklet every kind of its articles. Every type of every
profile, on the page the studio serves; then a clause's points added as the menu adds them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from briefing.editing.addable import BOOKLET, LEGAL, OFFICIAL, PROSE
from briefing.profile.model import available_profiles, load_profile

TYPES = [(profile, key, kind.form, "articles" in kind.expects)
         for profile in available_profiles()
         for key, kind in load_profile(profile).document_types.items()]
MAGAZINE = {"intertitle", "question", "answer", "note"}
LEGAL_TEXT = """meta:
  form: official
  profile: {profile}
  type: {key}
blocks:
  - article: Phạm vi điều chỉnh
    body:
      - clause: Quy chế này quy định việc tiếp nhận văn bản.
        body:
          - Đoạn văn của khoản.
"""
SECTIONED = """meta:
  form: {form}
  profile: {profile}
  type: {key}
blocks:
  - title: Tình hình chung
    body:
      - Đoạn văn đầu tiên.
"""


def _client(root: Path) -> TestClient:
    from briefing.studio.app import create_app
    from briefing.studio.context import Studio

    own = Studio(root, prefetch=False)
    client = TestClient(create_app(root, own, allowed_hosts={"testserver"}, language="vi"),
                        base_url="http://testserver")
    client.get(f"/?token={own.secrets.token}", follow_redirects=False)
    client.headers["X-CSRF-Token"] = own.secrets.csrf
    return client


def _menus(html: str) -> dict[tuple, list[str]]:
    """list path -> the kinds its "+ Add" menu offers."""
    menus = {}
    for path, options in re.findall(
            r"<div class=\"add-menu\" data-list='([^']*)'>.*?<select[^>]*>(.*?)</select>",
            html, flags=re.DOTALL):
        menus[tuple(json.loads(path))] = re.findall(r'<option value="([a-z]+)"', options)
    return menus


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("add-menu")
    (root / "content").mkdir()
    for profile, key, form, legal in TYPES:
        text = (LEGAL_TEXT if legal else SECTIONED).format(profile=profile, key=key, form=form)
        (root / "content" / f"{profile}-{key}.yaml").write_text(text, encoding="utf-8")
    return root, _client(root)


@pytest.mark.parametrize(("profile", "key", "form", "legal"), TYPES,
                         ids=[f"{p}-{k}" for p, k, _, _ in TYPES])
def test_the_add_menus_offer_what_the_type_allows(served, profile, key, form, legal):
    _, client = served
    html = client.get(f"/edit/{profile}-{key}.yaml").text
    menus = _menus(html)
    offered = {kind for kinds in menus.values() for kind in kinds}
    if legal:
        assert menus[("blocks",)] == list(LEGAL["top"])
        assert menus[("blocks", 0, "body")] == ["clause", *PROSE]
        assert menus[("blocks", 0, "body", 0, "body")] == ["points", *PROSE]
        assert not offered & (MAGAZINE | {"section", "numbered"}), offered
        assert 'id="new-block-title"' not in html  # no "+ Main section" either
    else:
        assert ("blocks",) not in menus and 'id="new-block-title"' in html
        expected = OFFICIAL if form == "official" else BOOKLET
        assert menus[("blocks", 0, "body")] == [*expected, "section"]
        assert not offered & {"article", "clause", "points", "chapter", "part"}, offered
        if form == "official":
            assert not offered & MAGAZINE, offered


def test_a_clause_is_given_lettered_points_and_an_article_clauses(served):
    root, client = served
    name = "state-quyet-dinh.yaml"
    version = client.get(f"/api/state/{name}").json()["version"]
    answer = client.post(f"/api/change/{name}", json={"version": version, "op": "insert_item",
                         "args": {"list": ["blocks", 0, "body", 0, "body"], "kind": "points"}})
    assert answer.status_code == 200, answer.text
    text = (root / "content" / name).read_text(encoding="utf-8")
    assert ("      - clause: Quy chế này quy định việc tiếp nhận văn bản.\n"
            "        points:\n          - ''\n        body:\n") in text
    version = answer.json()["version"]
    answer = client.post(f"/api/change/{name}", json={"version": version, "op": "insert_item",
                         "args": {"list": ["blocks"], "kind": "article"}})
    assert answer.status_code == 200, answer.text
    menus = _menus(client.get(f"/edit/{name}").text)
    assert menus[("blocks", 1, "body")] == ["clause", *PROSE]  # a new article, no body yet
    answer = client.post(f"/api/change/{name}", json={
        "version": answer.json()["version"], "op": "insert_item",
        "args": {"list": ["blocks", 1, "body"], "kind": "clause"}})
    assert answer.status_code == 200, answer.text  # its body made at its first clause
    text = (root / "content" / name).read_text(encoding="utf-8")
    assert text.endswith(
        "  - article: ''\n    titled: false\n    body:\n      - clause: ''\n"), text
