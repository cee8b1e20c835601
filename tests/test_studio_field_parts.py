"""After a split or a join, the studio draws only the list of paragraphs that changed
(`briefing/studio/field_parts.py`): exactly as the whole page draws it, and only when the page
asks for a part and the change is one of those."""

from __future__ import annotations

from test_studio_draft import client  # noqa: F401

from briefing.studio.field_parts import changed_list

NAME = "coordination-programme-2024.yaml"


def test_a_split_is_answered_with_its_list_drawn_as_the_page_draws_it(client):  # noqa: F811
    version = client.get(f"/api/state/{NAME}").json()["version"]
    ops = [{"op": "set_text", "args": {"path": ["preamble", 0], "value": "Căn cứ"}},
           {"op": "insert_item", "args": {"list": ["preamble"], "index": 1,
                                          "kind": "paragraph", "text": "Quyết định mới."}}]
    answer = client.post(f"/api/change/{NAME}", json={"version": version, "ops": ops,
                                                       "part": True}).json()
    assert "doc" not in answer and answer["part"]["list"] == ["preamble"]
    html = answer["part"]["html"]
    assert 'id="f-preamble-1"' in html and "Quyết định mới." in html
    whole = client.get(f"/api/state/{NAME}?fields=1").json()["doc"]
    assert html.strip() in whole  # the same markup the whole page has for that list
    # the join back, asked without a part: all the fields, as before
    ops = [{"op": "set_text", "args": {"path": ["preamble", 0], "value": "Căn cứ"}},
           {"op": "delete", "args": {"path": ["preamble", 1]}}]
    answer = client.post(f"/api/change/{NAME}", json={"version": answer["version"],
                                                       "ops": ops}).json()
    assert "part" not in answer and 'id="f-preamble-1"' not in answer["doc"]


def test_only_a_split_or_a_join_of_one_body_is_drawn_alone():
    body = ["blocks", 0, "body"]
    assert changed_list([("set_text", {"path": [*body, 2], "value": "a"}),
                         ("delete", {"path": [*body, 3]})]) == body
    assert changed_list([("set_text", {"path": [*body, 2], "value": "a"}),
                         ("insert_item", {"list": ["blocks", 1, "body"], "index": 0})]) is None
    assert changed_list([("add_footnote", {"id": "x", "value": "y"}),
                         ("set_text", {"path": [*body, 2], "value": "a"})]) is None
    bullets = [*body, 1, "bullets"]
    assert changed_list([("insert_item", {"list": bullets, "index": 1})]) is None
    assert changed_list([("move_to", {"path": [*body, 1], "list": body, "index": 0})]) is None
