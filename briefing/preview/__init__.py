"""Live preview of a document as it is edited: resident PDF builds (`builder`) and their pages
as images and texts (`pages`). No web here: the studio serves what these produce."""
