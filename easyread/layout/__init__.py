"""Layout: group Easy Read items into pages and write them as PDF, Word, HTML or Markdown.

`paginate` decides which items go on which page (pure, no reportlab); `pdf.plan` measures the pages
with the real fonts, and every renderer (`pdf`, `docx`, `html`, `markdown`) follows that plan.
`front` says what the title and contents pages hold in every format. Nothing heavy is imported
here so that `easyread --help` stays light.
"""
