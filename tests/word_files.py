"""Word files made in the tests, part by part, with the shapes real files have (text boxes
stored twice, leader tabs, callouts, embedded objects, sections), and the reader run on them."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

from briefing.importing.guesses import Notebook
from briefing.readers.docx.parse import read_docx
from briefing.readers.source import Line, SourceDocument, Table

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" mc:Ignorable="wps wpg"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
PANDOC = shutil.which("pandoc")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
#: A 1 × 1 PNG.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f0e1a00000000049454e"
                    "44ae426082")
#: The start of an EMF (its header record, "EMF" signature at byte 40).
EMF = b"\x01\x00\x00\x00" + b"\x00" * 36 + b" EMF" + b"\x00" * 60


def part(root: str, body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{root} {NAMESPACES}>{body}</w:{root}>' \
        .encode()


def word_file(body: str, *, styles: str = "", numbering: str = "", footnotes: str = "",
              headers: dict[str, str] | None = None, media: dict[str, bytes] | None = None,
              rels: str = "", sect: str = "") -> bytes:
    """A .docx with `body` (the XML inside w:body), and the parts asked for. `headers` maps a
    relationship id to a header's XML; `media` a relationship id to a picture's bytes."""
    overrides = [f'<Override PartName="/word/document.xml" ContentType="{MAIN}"/>']
    relations = [rels]
    parts: dict[str, bytes] = {
        "word/document.xml": part("document", f"<w:body>{body}{sect}</w:body>"),
    }
    for name, xml, root in (("styles", styles, "styles"), ("numbering", numbering, "numbering"),
                            ("footnotes", footnotes, "footnotes")):
        if xml:
            parts[f"word/{name}.xml"] = part(root, xml)
            relations.append(f'<Relationship Id="r{name}" Type="{REL}/{name}" '
                             f'Target="{name}.xml"/>')
    for rel, xml in (headers or {}).items():
        parts[f"word/{rel}.xml"] = part("hdr", xml)
        relations.append(f'<Relationship Id="{rel}" Type="{REL}/header" Target="{rel}.xml"/>')
    for rel, data in (media or {}).items():
        parts[f"word/media/{rel}.bin"] = data
        relations.append(f'<Relationship Id="{rel}" Type="{REL}/image" '
                         f'Target="media/{rel}.bin"/>')
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxml'
        'formats-package.relationships+xml"/><Default Extension="xml" ContentType='
        f'"application/xml"/>{"".join(overrides)}</Types>').encode()
    parts["_rels/.rels"] = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        f'2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" '
        'Target="word/document.xml"/></Relationships>').encode()
    parts["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        f'2006/relationships">{"".join(relations)}</Relationships>').encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def read(data: bytes, name: str = "made.docx") -> tuple[SourceDocument, Notebook]:
    notes = Notebook()
    return read_docx(data, Path(name), notes), notes


def lines(doc: SourceDocument) -> list[Line]:
    """Every line in reading order, the lines of table cells included."""
    out: list[Line] = []
    for block in doc.blocks:
        if isinstance(block, Line):
            out.append(block)
        elif isinstance(block, Table):
            out += [line for row in block.rows for cell in row for line in cell.lines]
    return out


def p(text: str, run: str = "", para: str = "") -> str:
    """A paragraph of one run."""
    return f'<w:p><w:pPr>{para}</w:pPr><w:r><w:rPr>{run}</w:rPr>' \
           f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def text_box(text: str, *, width_mm: float = 77, height_mm: float = 8.7, size: int = 20,
             grouped: bool = False) -> str:
    """A run holding a text box as Word writes it: DrawingML in mc:Choice, VML in Fallback,
    the same text in both."""
    cx, cy = int(width_mm * 36000), int(height_mm * 36000)
    content = "".join(f'<w:p><w:r><w:rPr><w:sz w:val="{size}"/></w:rPr><w:t xml:space="preserve">'
                      f"{piece}</w:t></w:r></w:p>" for piece in text.split("|"))
    shape = (f'<wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
             f'</a:xfrm><a:prstGeom prst="rect"/></wps:spPr><wps:txbx><w:txbxContent>{content}'
             '</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>')
    uri = "http://schemas.microsoft.com/office/word/2010/wordprocessing"
    graphic = (f'<a:graphicData uri="{uri}Group"><wpg:wgp>{shape}</wpg:wgp></a:graphicData>'
               if grouped else f'<a:graphicData uri="{uri}Shape">{shape}</a:graphicData>')
    requires = "wpg" if grouped else "wps"
    return (f'<w:r><mc:AlternateContent><mc:Choice Requires="{requires}"><w:drawing><wp:anchor>'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="1" name="Box"/><a:graphic>{graphic}'
            f'</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
            f'<v:rect style="width:{_pt(width_mm)}pt;height:{_pt(height_mm)}pt">'
            f'<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:rect></w:pict>'
            '</mc:Fallback></mc:AlternateContent></w:r>')


def _pt(mm: float) -> str:
    return f"{mm * 72 / 25.4:.1f}"


def pandoc_docx(markdown: str, folder: Path, stem: str) -> Path:
    """`markdown` written to `folder` and made a Word file by pandoc."""
    source = folder / f"{stem}.md"
    source.write_text(markdown, encoding="utf-8")
    docx = folder / f"{stem}.docx"
    subprocess.run([str(PANDOC), str(source), "-o", str(docx)], check=True, timeout=120)
    return docx


def soffice(source: Path, target: str, folder: Path) -> Path:
    """`source` converted by LibreOffice (in a private profile) to `target` in `folder`."""
    profile = (folder / "lo-profile").as_uri()
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", target, "--outdir", str(folder), str(source)], check=True,
                   timeout=180, capture_output=True)
    return folder / f"{source.stem}.{target.split(':')[0]}"
