"""Pictures for Easy Read items: a council's own picture library or OpenMoji, matched by keywords.

Nothing heavy is imported here; SVG support (svglib) is loaded only when an SVG is drawn.
"""
