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
    title-block: doc-type, subject?             -- centred type and trích yếu (subject lines
                                                   balanced, broken by <br/>)
    p[kind?]                                    -- paragraph, inline content; kind names a
                                                   construct with a look of its own: standfirst,
                                                   dateline, byline, credit, note, salutation
    section[id, kind, level]                    -- heading: number, title (inline); then body items
    numbered[number, level, id?]                -- p+: body paragraphs, the first run-in numbered
                                                   from the ladder ("1.1. …"), not a heading
    intertitle[id?]                             -- an unnumbered heading in the flow (inline)
    list[type=bullet|enum, style]               -- item[marker]: body items; the first p carries
                                                   the marker ("-", "(i)", "Thứ nhất,")
    quote                                       -- p+, attribution? (block quote)
    turn[role=question|answer, label]           -- p+: an interview turn; label ("Phóng viên: ")
                                                   printed run-in before the first p
    table[id?, number, label]                   -- caption?, cols/col[width %], thead?/tbody with
                                                   row/cell[colspan, rowspan, align] holding p+,
                                                   note?; label "Bảng 1. " when captioned
    figure[id?, src, width, number, label]      -- caption?, credit?; src names a checked file of
                                                   the document's MediaStore (never read by path)
  closing?
    recipients: label, item*                    -- Nơi nhận (left half)
    signature: authority?, title?, name         -- right half
  appendices?
    appendix[id, label]                         -- "PHỤ LỤC" / "PHỤ LỤC II": title, subtitle?, then
                                                   body items numbered afresh; each on a new page
Inline content (inside p, title, fn/p, cells, captions): text, em, strong, marker (run-in
enumeration marker), br (a computed line break), fn[n, id] containing p+ (a footnote: its call
sits where the element is).
"""

BLOCK_ELEMENTS = {"p", "section", "list", "title-block", "numbered", "intertitle", "quote",
                  "turn", "table", "figure"}
INLINE_ELEMENTS = {"em", "strong", "fn", "marker", "br"}
