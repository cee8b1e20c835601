"""The semantic tree: the one intermediate document both writers read.

Templates (templates/*.xml.j2) emit it as XML; `briefing.tree.render` parses it into an
`xml.etree.ElementTree.Element`. Text is exact source text (NFC); whitespace-only text between
block elements carries no meaning. Elements:

document[form=booklet|official, profile, lang]
  info: title, author, subject, date            -- document properties (PDF/DOCX metadata)
  cover (booklet only)                          -- the cover page, alone on page 1
    issuer: superior?, name, star|rule, number? -- issuing body block; "*" (HD 36) or an
                                                   empty <rule/> under the name (ND 30)
    title, subject?, issue?, meeting?, mark?, foot
  masthead (official only)                      -- first-page header, a two-column band
    issuer: superior?, name, star|rule, number? -- left column
    party: name+, place-date                    -- right column: the profile's title lines
                                                   ("ĐẢNG CỘNG SẢN VIỆT NAM"; national title
                                                   and motto), rule under the last
  mark?                                         -- circulation/secrecy mark (official form)
  body
    title-block: doc-type, subject?             -- centred type and trích yếu
    p                                           -- paragraph, inline content
    section[id, kind, level]                    -- heading: number, title (inline); then body items
    list[type=bullet|enum, style]               -- item[marker]: body items; the first p carries
                                                   the marker ("-", "(i)", "Thứ nhất,")
  closing?
    recipients: label, item*                    -- Nơi nhận (left half)
    signature: authority?, title?, name         -- right half
Inline content (inside p, title, fn/p): text, em, strong, marker (run-in enumeration marker),
fn[n, id] containing p+ (a footnote: its call sits where the element is).
"""

BLOCK_ELEMENTS = {"p", "section", "list", "title-block"}
INLINE_ELEMENTS = {"em", "strong", "fn", "marker"}
