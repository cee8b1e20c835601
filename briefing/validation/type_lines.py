"""Lines whose spelling and punctuation the rules fix: signing authorities, Căn cứ lines,
addressees, the end mark, the first Nơi nhận item of a document with addressees.

- Authorities: ND 30 PL I §II.7.b writes TM., KT., TL., TUQ., Q. (with a dot), HD 36 T/M, K/T,
  T/L (with a slash): the other rulebook's spelling is a warning with the profile's as its fix.
- Căn cứ lines (PL I §II.6.a) and several addressees (§II.9.d): each ends with ";", the last
  with "."; one addressee stands on the "Kính gửi:" line without either.
- The end mark "./." is printed by the layout where the type says (`end_mark`): typed at the end
  of the last paragraph it would print twice.
- With addressees, Nơi nhận starts with "Như trên" (§II.9.b–c).
Every fix here is safe: it changes punctuation or a prefix, never words.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.content.loader import LoadedDocument
from briefing.content.schema import Document, Meta
from briefing.messages import Message, msg
from briefing.profile.document_types import DocumentType
from briefing.profile.model import Profile
from briefing.source.yaml_source import Path_
from briefing.text.inline_markdown import FOOTNOTE_ID
from briefing.validation.findings import WARNING, Finding
from briefing.validation.locate import Locator
from briefing.validation.reporter import Reporter
from briefing.validation.walk import walk

#: What may follow a line's last word without being its punctuation: spaces, emphasis
#: closers, footnote calls.
_TAIL = re.compile(rf"(?:\s|\*|_|\[\^{FOOTNOTE_ID}\])*$")
_KINH_GUI = re.compile(r"^\s*(?i:kính\s+gửi)\s*:?\s*")
_AS_ABOVE = re.compile(r"^\s*(?:-\s*)?(?i:như\s+trên)")


def line_findings(loaded: LoadedDocument, profile: Profile, locator: Locator,
                  found: tuple[str, DocumentType] | None) -> list[Finding]:
    report = Reporter(locator)
    document = loaded.document
    meta = document.meta
    _authorities(report, meta, profile)
    _ends(report, [(("basis", i), line) for i, line in enumerate(document.basis)],
          (msg("line-basis-last", "the last Căn cứ line"), msg("line-basis", "a Căn cứ line")),
          "PL I §II.6.a")
    _addressees(report, meta)
    if found is not None:
        key, kind = found
        if kind.end_mark:
            _end_mark(report, document, kind.called(key), profile.body.end_mark)
        if kind.addressees and meta.addressees and meta.recipients and \
                not _AS_ABOVE.match(meta.recipients[0]):
            report.report(("meta", "recipients", 0), msg(
                "recipients", "with addressees ('Kính gửi:'), Nơi nhận should start with 'Như "
                "trên;'"), hint=msg("recipients-as-above-hint", "add '- Như trên;' as its first "
                                                                "item (ND 30 PL I §II.9.b)"),
                severity=WARNING)
    return report.findings


def _normal(authority: str) -> str:
    return re.sub(r"[./\s]", "", authority).upper()


def _authorities(report: Reporter, meta: Meta, profile: Profile) -> None:
    """"T/M" in a state document, "KT." in a Party one: the profile's own spelling."""
    forms = {_normal(form): form for form in profile.closing.authorities}
    signers = [(("meta", "signer"), meta.signer)] if meta.signer else []
    signers += [(("meta", "signers", i), s) for i, s in enumerate(meta.signers or [])]
    for path, signer in signers:
        text = signer.authority
        if not text or not text.split():
            continue
        token = text.split()[0]
        form = forms.get(_normal(token))
        if form is None or token == form:
            continue
        start = text.index(token)
        report.fix((*path, "authority"), text, start, start + len(token), form,
                   msg("authority", "signing authority '{token}': profile '{profile}' writes "
                       "'{form}'", token=token, profile=profile.name, form=form),
                   hint=msg("authority-hint", "{forms}",
                            forms=", ".join(profile.closing.authorities)),
                   severity=WARNING)


def _ends(report: Reporter, lines: list[tuple[Path_, str]], what: tuple[Message, Message],
          rule: str) -> None:
    """Each line ends with ';', the last with '.'; a wrong mark is replaced, a missing one
    added after the last character. `what`: the last line and any line, as messages say."""
    for number, (path, value) in enumerate(lines):
        wanted = "." if number == len(lines) - 1 else ";"
        end = _TAIL.search(value).start()
        if end == 0 or value[end - 1] == wanted:
            continue
        last = value[end - 1]
        which = what[0] if wanted == "." else what[1]
        message = msg("line-end", "{which} should end with '{mark}' ({rule})", which=which,
                      mark=wanted, rule=rule)
        if last in ";.,:":
            report.fix(path, value, end - 1, end, wanted, message, severity=WARNING)
        else:
            report.fix(path, value, end - 1, end, last + wanted, message, severity=WARNING)


def _addressees(report: Reporter, meta: Meta) -> None:
    lines = [(("meta", "addressees", i), a) for i, a in enumerate(meta.addressees)]
    for path, value in lines:
        typed = _KINH_GUI.match(value)
        if typed and value[typed.end():].strip():
            report.fix(path, value, 0, typed.end(), "", msg(
                "line-start", "hand-typed 'Kính gửi:' in an addressee: the layout prints it"),
                severity=WARNING)
    if len(lines) > 1:
        _ends(report, lines, (msg("line-addressee-last", "the last addressee"),
                              msg("line-addressee", "an addressee")), "ND 30 PL I §II.9.d")
    elif lines:
        path, value = lines[0]
        end = _TAIL.search(value).start()
        if end and value[end - 1] in ";.":
            report.fix(path, value, end - 1, end, "", msg(
                "line-end", "one addressee should stand on the 'Kính gửi:' line without ';' "
                "or '.'"), severity=WARNING)


def _last_texts(document: Document) -> list[tuple[Path_, str]]:
    """The last paragraph of the body, and of each attached text."""
    last: dict[Any, tuple[Path_, str]] = {}
    for visit in walk(document):
        if not isinstance(visit.node, str):
            continue
        head = visit.path[0]
        if head in ("preamble", "blocks", "conclusion"):
            last["body"] = (visit.path, visit.node)
        elif head == "appendices" and document.appendices[visit.path[1]].type is not None \
                and len(visit.path) > 3:
            last[visit.path[1]] = (visit.path, visit.node)
    return list(last.values())


def _end_mark(report: Reporter, document: Document, name: str, mark: str) -> None:
    """A typed "./." at the end of the body: the layout prints the profile's end mark."""
    tail = mark[1:] if mark.startswith(".") else mark  # "./." ends a sentence with its "."
    for path, value in _last_texts(document):
        end = _TAIL.search(value).start()
        if not tail or not value[:end].endswith(tail):
            continue
        start = end - len(tail)
        keep = "" if value[:start].endswith(".") else "."
        report.fix(path, value, start, end, keep, msg(
            "end-mark", "hand-typed end mark '{mark}': the layout prints it after the last "
            "paragraph of a {name}", mark=mark, name=name), severity=WARNING)
