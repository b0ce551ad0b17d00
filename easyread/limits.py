"""The limits that keep one hostile or mistaken file from using up the machine: sizes, pixels and
depths, each refused with a one-line error before the costly work starts.

Every limit here is listed in the README's "Limits, overwriting and exit codes" table. The numbers
are generous for real council documents (the largest of our 26 real documents is a few MB and
none nests deeper than 6 levels) and small enough that a worst case stays well under 1 GB.
"""

from __future__ import annotations

MEGABYTE = 1024 * 1024

# A source document on disk (`--max-size`, in MB).
DEFAULT_MAX_DOCUMENT_MB = 50

# Zip-based documents (.docx): the total size of the members once decompressed, checked from the
# zip directory before anything is parsed, and the most any one member may expand. A Word file's
# XML compresses about 10:1; "zip bombs" expand 1000:1 or more (see David Fifield, "A better zip
# bomb", WOOT 2019).
MAX_UNZIPPED_BYTES = 200 * MEGABYTE
MAX_COMPRESSION_RATIO = 200

# Pictures: a plan's or a picture folder's files, checked before they are decoded. 25 million
# pixels is a 5000 x 5000 picture: far beyond the 4.5 cm box (about 530 pixels at 300 dpi).
MAX_PICTURE_BYTES = 20 * MEGABYTE
MAX_PICTURE_PIXELS = 25_000_000

# Plans (.json): the file's size and how deeply its JSON may nest (a real plan nests 6 deep).
MAX_PLAN_BYTES = 50 * MEGABYTE
MAX_PLAN_DEPTH = 64

# Nesting in a source (Markdown lists and blockquotes, Word tables inside tables): deeper parts
# are read as plain text at this depth, never dropped.
MAX_NESTING_DEPTH = 50

# A batch's manifest (easyread-manifest.json) read back at the start of a run: about 1 KB a
# document, so 64 MB is some 50,000 documents. A larger one is reported and written anew.
MAX_MANIFEST_BYTES = 64 * MEGABYTE
# The XML inside a zip-based document (a .docx's text, styles, numbering, ...), once unzipped. XML
# is parsed into a tree, which costs about 10 to 15 times its size in memory (measured: 32 MB of
# Word XML takes 0.5 GB and 30 s to read), where a picture costs only its own size; so XML has a
# limit of its own, well under MAX_UNZIPPED_BYTES. 32 MB is over 1,000 pages of Word text; the
# largest of our real Word files has 0.5 MB of XML.
MAX_UNZIPPED_XML_BYTES = 32 * MEGABYTE

# What a PDF's compressed streams (page contents, fonts, object streams) may inflate to, in all,
# while one PDF is read: a "flate bomb" of 2 MB inflates to 2 GB. Pictures are not inflated to
# read text, so they do not count. The largest of our real PDFs inflates to 2.3 MB; an embedded
# font that is not subset can take 20 MB.
MAX_PDF_INFLATED_BYTES = 64 * MEGABYTE

# One PDF page's drawing instructions (its content streams, once inflated), and the characters it
# draws. pdfminer reads about 1 MB of instructions in 5 s and keeps about 1 KB for each character
# or line drawn, so these bound one page to under a minute and about 150 MB. A dense page of text
# takes under 0.5 MB and 6,000 characters.
MAX_PDF_PAGE_CONTENT_BYTES = 8 * MEGABYTE
MAX_PDF_PAGE_CHARACTERS = 100_000
