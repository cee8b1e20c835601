"""Editing content files without a text editor: the operations the studio offers (outline,
paragraphs, lists, tables, footnotes, meta, `check`'s safe fixes, undo), with no web in them.

- `yamltext`: round-trip YAML (ruamel.yaml) written back with the smallest change to the text;
- `outline`, `body`, `footnotes`, `meta`: the operations on the tree;
- `operations`: every operation by name (`apply_operation`);
- `findings`: `check`'s messages tied to the field they concern;
- `store`: confined, versioned, atomic reads and writes with undo;
- `documents`: the list of documents, new from a form, duplicate, the recoverable bin.
"""
