"""Run the CLI with `python -m easyread`."""

from easyread.cli import main

main()
