"""Briefing Studio: the whole engine from a browser, for clerks who never edit YAML.

`python build.py studio` serves it on 127.0.0.1. The web layer only calls the engine:
documents and edits (`briefing.editing`), checks (`briefing.validation`), previews and
downloads (`briefing.preview`), units (`briefing.units`) and editions (`briefing.editions`).

- `app`: the application; `security`: token, CSRF, Host and header rules;
- `routes/`: documents, editor, preview, units, editions;
- `templates/` (Jinja, autoescaped) and `static/` (our CSS and JS, htmx vendored).
"""
