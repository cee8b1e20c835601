"""Signed editions in the studio: create an edition whose PDFs are signed as they are archived,
check the signatures of an archived revision, and show the register of numbers.

The key is the studio's setting — `studio.yaml` in the project folder, section `signing:`
(the key file or the token, the images, the trusted roots), never the password: the password
or PIN is typed into the form each time, used for that one request and kept nowhere (a
`password:` in the settings is refused as an unknown key). Without a key configured the
panel says how to configure one. The editions page loads the panel (`_signing.html`) by
itself, so that page only includes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from briefing.content.nodes import Node
from briefing.content.schema_problems import problems_from_validation
from briefing.editing import document_files as documents
from briefing.editing.refusals import EditError
from briefing.editions.creating import EditionOrder, create_edition, every_variant
from briefing.editions.layout import Archive, Reference
from briefing.editions.signed_outputs import EditionSigning
from briefing.messages import msg
from briefing.preview.rendering import rendering
from briefing.problems import BriefingError
from briefing.register import REGISTER_NAME
from briefing.source.yaml_source import load_yaml
from briefing.studio.context import Studio, studio_of

SETTINGS = "studio.yaml"


class SigningSettings(Node):
    """`signing:` in studio.yaml: paths relative to the project folder (or absolute)."""

    key: str | None = None
    pkcs11: str | None = None
    token: str | None = None
    key_label: str | None = None
    signature: str | None = None
    seal: str | None = None
    trust: list[str] = Field(default_factory=list)


class StudioSettings(Node):
    """studio.yaml: the studio's settings (so far, signing)."""

    signing: SigningSettings | None = None


def settings(studio: Studio) -> SigningSettings | None:
    """The studio's signing settings, or None when there is no key configured."""
    path = studio.root / SETTINGS
    if not path.is_file():
        return None
    document = load_yaml(path)
    try:
        found = StudioSettings.model_validate(document.data).signing
    except ValidationError as exc:
        raise BriefingError(problems_from_validation(exc, document.source,
                                                     StudioSettings)) from None
    return found if found is not None and (found.key or found.pkcs11) else None


def _path(studio: Studio, value: str | None) -> Path | None:
    return None if not value else studio.root / value


def _signing(studio: Studio, found: SigningSettings, secret: str) -> EditionSigning:
    from briefing.signing.keys import KeySource

    key = KeySource(pkcs12=_path(studio, found.key), library=_path(studio, found.pkcs11),
                    token=found.token, key_label=found.key_label,
                    secret=secret.encode("utf-8"))
    return EditionSigning(key, _path(studio, found.signature), _path(studio, found.seal),
                          tuple(studio.root / t for t in found.trust))


def _not_configured() -> EditError:
    return EditError(msg("studio-no-key", "No key is configured: write its file (or token) "
                                          "and images under 'signing:' in studio.yaml."))


def _sign(studio: Studio, content: str, date: str, name: str, secret: str) -> dict[str, Any]:
    found = settings(studio)
    if found is None:
        raise _not_configured()
    path = studio.store.path(content)
    if not path.is_file():
        raise EditError(msg("edit-missing", "This document was not found."))
    order = EditionOrder(every_variant(path, studio.content), date,
                         Archive(studio.archive_folder()), name=name or None,
                         parallel_formats=False, stamped=False,
                         signing=_signing(studio, found, secret),
                         date_field=str(msg("studio-edition-date", "Edition date")),
                         name_field=str(msg("studio-edition-name", "Edition name")))
    with rendering():
        outcome = create_edition(order)
    return {"label": outcome.revision.label, "created": outcome.created,
            "numbers": outcome.numbers,
            "signatures": [s for records in outcome.signatures.values() for s in records]}


def _signatures(studio: Studio, label: str) -> dict[str, Any]:
    from briefing.editions.manifest import load_manifest
    from briefing.signing.keys import trust_roots
    from briefing.signing.verification import describe, verdict, verify_pdf

    revision = Archive(studio.archive_folder()).revision(Reference.parse(label))
    found = settings(studio)
    roots = trust_roots([studio.root / t for t in found.trust]) if found else []
    files = sorted({s["file"] for v in load_manifest(revision.manifest).variants
                    for s in v.signatures})
    checked = []
    for name in files:
        reports = verify_pdf(revision.path / name, roots)
        checked.append({"file": name, "verdict": verdict(reports),
                        "lines": [describe(r) for r in reports]})
    return {"label": revision.label, "files": checked}


async def panel(request: Request) -> Response:
    studio = studio_of(request)
    found = await run_in_threadpool(settings, studio)
    contents = await run_in_threadpool(documents.content_names, studio.store)
    return _fragment(request, "_signing.html", configured=found is not None,
                     contents=contents)


async def sign(request: Request) -> Response:
    studio = studio_of(request)
    form = await request.form(max_files=0, max_fields=6)
    answer = await run_in_threadpool(
        _sign, studio, str(form.get("content") or ""), str(form.get("date") or ""),
        str(form.get("name") or "").strip(), str(form.get("password") or ""))
    contents = await run_in_threadpool(documents.content_names, studio.store)
    return _fragment(request, "_signing.html", configured=True, contents=contents,
                     result=answer)


async def signatures(request: Request) -> Response:
    studio = studio_of(request)
    form = await request.form(max_files=0, max_fields=4)
    answer = await run_in_threadpool(_signatures, studio, str(form.get("label") or ""))
    return _fragment(request, "_signatures.html", checked=answer)


async def register(request: Request) -> Response:
    from briefing.register.ledger import Register

    studio = studio_of(request)
    path = studio.archive_folder() / REGISTER_NAME
    entries = await run_in_threadpool(Register(path).entries)
    return _fragment(request, "_register.html", entries=entries)


def _fragment(request: Request, template: str, **context: Any) -> Response:
    html = studio_of(request).templates.env.get_template(template).render(**context)
    return HTMLResponse(html)


routes = [
    Route("/editions/signing", panel),
    Route("/api/editions/sign", sign, methods=["POST"]),
    Route("/api/editions/signatures", signatures, methods=["POST"]),
    Route("/api/register", register),
]
