// The house style `lsp-respond init` writes to templates/style.yaml. It is a
// constant, not a read of the repository's templates/ directory, so the
// bundled CLI can write it from anywhere; a test keeps the two identical.
export const DEFAULT_STYLE_YAML = `# House style for the DOCX outputs of lsp-respond (draft.docx, response.docx,
# separate/*.docx). Every key is optional: a key left out keeps the default
# shown here. Sizes and spacing are in points; colours are six hexadecimal
# digits (RRGGBB) in quotes. No size may be under 10 points, and every text
# colour must contrast at least 4.5:1 with its background (WCAG 2.2 AA), or
# the style is refused. A templates/reference.docx, if present, takes
# precedence for every Word style it defines, as pandoc's --reference-doc does.

fonts:
  body: Arial              # body text, lists, tables, footnotes
  headings: Arial          # title, subtitle and headings
  monospace: Courier New   # code blocks and inline code

sizes:
  body: 12                 # body text (GOV.UK asks for at least 12)
  title: 26                # the consultation title on the cover
  subtitle: 16             # the line under the title ("Response from ...")
  heading1: 18             # consultation sections
  heading2: 15             # topics
  heading3: 13             # questions
  minorHeading: 12         # headings inside answers (levels 4 to 6)
  small: 10                # attributions, footnotes, page header and footer
  code: 11                 # code blocks and inline code

colours:
  title: "1F3864"          # title and subtitle on the cover
  headings: "1F3864"       # headings of every level
  question: "1F3864"       # the verbatim text of each question
  questionShading: "EDF2F9" # background behind the question text
  muted: "595959"          # attributions, superseded and removed material, notes, header and footer
  link: "0563C1"           # hyperlinks
  rule: "A6A6A6"           # table borders, horizontal rules, the bar beside quotations
  tableHeader: "DCE6F2"    # background of table header rows
  codeShading: "F2F2F2"    # background of code blocks

spacing:
  after: 6                 # space after a paragraph
  line: 1.15               # line spacing, as a multiple of single spacing
  headingBefore: 12        # space before a heading
  headingAfter: 4          # space after a heading

header:
  # Text at the top of every page. Placeholders: {short} (the partnership's
  # short name), {creator} (the partnership), {title} (the consultation),
  # {subject}, {date}.
  text: "{short} · {title}"

footer:
  # Text at the foot of every page: the placeholders above, and {page} and
  # {pages}, which Word and LibreOffice fill in.
  text: "Page {page} of {pages}"

cover:
  # Wording the cover of each document uses.
  prefix: Response from    # subtitle of the response: "Response from <partnership>"
  draft: Draft for circulation # subtitle of the circulation draft
  endorsedBy: Endorsed by  # heading of the list of endorsing partners
`;
