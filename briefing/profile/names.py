"""The layout profiles there are and how each calls itself, read without checking them: the
studio names them in the documents list it serves first, before the profile model (pydantic
and every part of the layout) is imported. Building and checking a profile is
`briefing.profile.model.load_profile`'s."""

from __future__ import annotations

from functools import lru_cache

from briefing import PROJECT_ROOT
from briefing.problems import BriefingError
from briefing.profile.shown_names import PROFILE_NAMES, in_language

PROFILES_DIR = PROJECT_ROOT / "profiles"


def available_profiles() -> list[str]:
    return sorted(p.stem for p in PROFILES_DIR.glob("*.yaml"))


@lru_cache(maxsize=8)
def description(name: str) -> str:
    """The profile's `description:` (its name when it has none, or when the file cannot be
    read: `load_profile` says why when the profile is used)."""
    from briefing.source.yaml_source import load_yaml

    try:
        data = load_yaml(PROFILES_DIR / f"{name}.yaml").data
    except BriefingError:
        return name
    said = data.get("description") if isinstance(data, dict) else None
    return said if isinstance(said, str) and said else name


def profile_names() -> list[tuple[str, str]]:
    """The layouts a document may take: (profile, its name in the clerk's language), Party
    first."""
    names = sorted(available_profiles(), key=lambda n: (n != "party", n))
    return [(name, profile_label(name)) for name in names]


def profile_label(name: str) -> str:
    """A layout as the studio names it: in English from `shown_names`, else its description."""
    return in_language(PROFILE_NAMES, name, description(name))
