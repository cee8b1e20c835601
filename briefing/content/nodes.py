"""The pieces every content model is built from: the strict mapping, texts, ids.

Kept apart from `schema.py` so that the models of one construct family (furniture, legal
structure, meta) can live in modules of their own without importing the body-item union.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from briefing.messages import msg

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class Node(BaseModel):
    """Base of every mapping in a content file: unknown keys are errors.

    pydantic reports them (`extra_forbidden`) together with every other error of the same
    mapping; `briefing.content.schema_problems` turns them into "unknown key 'titel' (did you mean
    "title"?)" by looking up the model's fields.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


Text = Annotated[str, Field(min_length=1)]

#: Align values both writers understand (CSS text-align and DOCX w:jc alike).
Align = Literal["left", "center", "right", "justify"]

#: One paragraph, or several (the first carries the number, label or marker).
Paragraphs = Text | Annotated[list[Text], Field(min_length=1)]


def paragraphs_of(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def check_id(value: str | None) -> str | None:
    if value is not None and not re.match(ID_PATTERN, value):
        raise ValueError(msg("id-shape", "id '{id}' must be lower-case letters, digits and '-' "
                                         "(e.g. 'lessons-learnt')", id=value))
    return value


#: An optional id on a body item (units and cross-references address it).
ItemId = Annotated[str | None, AfterValidator(check_id)]
