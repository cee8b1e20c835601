"""Unit and meeting variants of a briefing: overlay files applied to the content before numbering.

A unit file (content/units/*.yaml) says how one unit's copy differs from the briefing: its own
issuer, signer and recipients, sections dropped, replaced or added. A meeting file turns the
same content into a handout. Both are *overlays*: they transform the content data, and the
ordinary pipeline (prepare -> tree -> writers) then numbers headings and footnotes afresh.
"""

from briefing.units.sources import SourceFile, read_source
from briefing.units.variant import Variant, load_variant

__all__ = ["SourceFile", "Variant", "load_variant", "read_source"]
