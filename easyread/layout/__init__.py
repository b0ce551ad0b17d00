"""Layout: group Easy Read items into pages and draw them as an accessible PDF.

`paginate` decides which items go on which page (pure, no reportlab); `pdf.render_pdf` draws the
pages. Nothing heavy is imported here so that `easyread --help` stays light.
"""
