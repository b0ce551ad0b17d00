"""easyread: turn ordinary documents into Easy Read.

Kept empty of imports so that `easyread --help` starts fast.
"""

__version__ = "0.1.0"
