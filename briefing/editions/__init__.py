"""Dated editions: every variant of a briefing as sent, archived immutably with a manifest.

An edition lives in `<archive>/<name>/r<N>/`: the DOCX and PDF of every variant, the exact
sources under `sources/`, and `manifest.json` (edition date and name, the sha256 of every input
and output, tool versions). A revision is built in a hidden temporary folder under a lock and
renamed into place in one step, so a reader never sees half an edition; once there, it is never
written again: changed inputs make a new revision beside it, or nothing.
"""
