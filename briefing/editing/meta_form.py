"""The document's meta (header, cover and closing fields) from the studio's form."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from briefing.editing.date_fields import stored_date
from briefing.editing.items import clean_text, styled_like
from briefing.editing.refusals import EditError
from briefing.editing.yamltext import new_map, new_seq
from briefing.messages import msg

#: Form fields -> their place under `meta` (in the order a new file writes them).
FIELDS = ("form", "profile", "numbering", "issuer.superior", "issuer.name", "issuer.code",
          "number", "place",
          "date", "type", "title", "subject", "issue", "circulation", "meeting",
          "signer.authority", "signer.title", "signer.name")
LIST_FIELDS = ("recipients", "addressees")


def set_field(tree: Any, name: str, value: Any) -> None:
    """Set meta field `name` ("signer.name"); an empty value removes it (and an emptied group)."""
    if name in LIST_FIELDS:
        set_lines(tree, name, value)
        return
    if name not in FIELDS:
        raise EditError(msg("edit-field", "There is no field '{name}'.", name=name))
    text = clean_text(value)
    if name == "date":
        text = stored_date(text)
    if "\n" in text:
        raise EditError(msg("edit-one-line", "This field is one line."))
    meta = _meta(tree)
    *groups, key = name.split(".")
    holder = meta
    for group in groups:
        if not isinstance(holder.get(group), dict):
            if not text:
                return
            holder[group] = new_map()
        holder = holder[group]
    if not text:
        holder.pop(key, None)
        if groups and not holder:
            meta.pop(groups[0], None)
        return
    holder[key] = typed(text, holder.get(key))


def typed(text: str, old: Any) -> Any:
    """A date or a year as the value ruamel writes plain (`2024-03-15`, not `'2024-03-15'`);
    anything else as text in the quoting of the value it replaces."""
    if isinstance(old, (DoubleQuotedScalarString, SingleQuotedScalarString)):
        return styled_like(old, text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text  # the check reports a day that does not exist, at this field
    if re.fullmatch(r"[12]\d{3}", text):
        return int(text)
    return styled_like(old, text)


def set_lines(tree: Any, name: str, value: Any) -> None:
    """A list field (recipients) from lines of text; blank lines are dropped."""
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, list):
        raise EditError(msg("edit-list", "The list is not valid."))
    lines = [clean_text(line) for line in value]
    lines = [line for line in lines if line]
    meta = _meta(tree)
    if not lines:
        meta.pop(name, None)
        return
    old = meta.get(name)
    if isinstance(old, list):
        kept = [styled_like(old[i], line) if i < len(old) else line
                for i, line in enumerate(lines)]
        old[:] = kept
    else:
        meta[name] = new_seq(lines)


def _meta(tree: Any) -> Any:
    meta = tree.get("meta")
    if meta is None:
        meta = new_map()
        tree.insert(0, "meta", meta)
    if not isinstance(meta, dict):
        raise EditError(msg("edit-meta-shape", "The document's general information (meta) is not "
                            "in the right form."))
    return meta
