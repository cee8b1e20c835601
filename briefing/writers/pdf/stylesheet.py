"""The print stylesheet: templates/pdf/style.css.j2 filled with the layout profile, its
resolved looks (`briefing.layout.looks`) and the rules both writers draw (`.borders`)."""

from __future__ import annotations

from urllib.parse import quote

from briefing.layout.borders import BOX_SPACE_PT, HAIRLINE_PT, RULE_WEIGHT_PT, footnote_separator
from briefing.layout.looks import resolved_looks
from briefing.profile.model import Profile
from briefing.tree.render import environment

_cache: dict[int, str] = {}


def _separator(length_mm: float, weight_pt: float) -> str:
    """The short rule above footnotes, as an inline SVG image (CSS cannot size a border); it
    stretches without keeping its proportions (the continuation separator is this image
    drawn across the text, `note_split`)."""
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{length_mm}mm" height="{weight_pt}pt" '
           'viewBox="0 0 100 1" preserveAspectRatio="none">'
           '<rect width="100" height="1" fill="black"/></svg>')
    return "data:image/svg+xml," + quote(svg)


def stylesheet(profile: Profile) -> str:
    """Rendered once per profile object (profiles are immutable and cached by name)."""
    key = id(profile)
    if key not in _cache:
        font_urls = {face: profile.font.path(face).resolve().as_uri()
                     for face in ("regular", "bold", "italic", "bold_italic")}
        template = environment().get_template("pdf/style.css.j2")
        _cache[key] = template.render(
            p=profile, looks=resolved_looks(profile), separator=footnote_separator(profile),
            rule_pt=RULE_WEIGHT_PT, hairline_pt=HAIRLINE_PT, box_pt=BOX_SPACE_PT,
            font_urls=font_urls,
            separator_url=_separator(profile.footnote.separator,
                                     profile.footnote.separator_weight))
    return _cache[key]
