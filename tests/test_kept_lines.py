"""Balanced subject lines are kept between layouts (`briefing.layout.lines`): the same lines.

The studio prepares the document again at every save, and the subject's balanced breaks cost
~0.01 s each time; they are kept by words, style, width and profile. Here, over generated
subjects, styles, widths and both profiles, the kept answer equals the breaks computed afresh.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.layout import lines
from briefing.profile.model import load_profile

WORDS = st.lists(st.sampled_from(["phối", "hợp", "thực", "hiện", "công", "tác", "khoa", "giáo",
                                  "của", "Ban", "Tuyên", "giáo", "năm", "2024", "và", "các",
                                  "NGHỊ", "QUYẾT"]), max_size=40)


@settings(max_examples=120, deadline=None, derandomize=True)
@given(words=WORDS, profile_name=st.sampled_from(["party", "state"]),
       which=st.sampled_from(["subject", "title"]), width=st.sampled_from([60.0, 100.0, 145.0]))
def test_kept_lines_equal_lines_found_afresh(words, profile_name, which, width) -> None:
    profile = load_profile(profile_name)
    style = getattr(profile.title_block, which, None) or profile.title_block.subject
    text = " ".join(words)
    first = lines.balanced_lines(text, style, width, profile)
    again = lines.balanced_lines(text, style, width, profile)
    lines._found.clear()
    assert first == again == lines.balanced_lines(text, style, width, profile)
    other = profile.model_copy(deep=True)  # another object, maybe at a reused id later
    assert lines.balanced_lines(text, other.title_block.subject, width, other) == \
        lines.balanced_lines(text, profile.title_block.subject, width, profile)
