"""Run the CLI with `python -m easyread`."""

from easyread.cli import main

# Guarded: batch workers started with "spawn" or "forkserver" import this module and must not run the CLI.
if __name__ == "__main__":
    main()
