"""Running the `easyread` command: what `cli.main` does around the Typer app.

Two promises of the README are kept here, for every command at once:
- nothing printed shows a secret: standard output and error are wrapped by
  `easyread.secrets.ScrubbedStream` before anything runs;
- every usage error Click or Typer finds (a missing argument, an unknown option or command, a value
  of the wrong type, a file argument that cannot be opened) is ONE line on standard error,
  `easyread: error: <message>; see 'easyread <command> --help'`, with exit code 2, instead of
  Typer's boxed usage text. `--help`, `--version` and `easyread` alone (which shows the help, exit
  2 as Click does) are unchanged.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

from easyread.errors import EXIT_DOCUMENT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE


def _click_exceptions() -> Any:
    """Click's exceptions module: Typer's own copy of Click where it has one, else Click's."""
    try:
        from typer._click import exceptions  # Typer 0.2x ships its own Click
    except ImportError:  # pragma: no cover - older Typer, on the click package
        from click import exceptions  # type: ignore[no-redef]
    return exceptions


def usage_line(error: Any, prog_name: str = "easyread") -> str:
    """The one line for a Click usage error `error`: its message, whitespace collapsed, and where the
    command's help is (e.g. "No such option: --bogus; see 'easyread convert --help'")."""
    message = " ".join(str(error.format_message()).split()).rstrip(".") or "bad usage"
    context = getattr(error, "ctx", None)
    path = getattr(context, "command_path", "") or prog_name
    if context is not None and path:  # after a question ("Did you mean 'convert'?") a new sentence
        message += f" See '{path} --help'" if message.endswith("?") else f"; see '{path} --help'"
    return f"{prog_name}: error: {message}"


def run(app: Any, args: Sequence[str] | None = None, prog_name: str = "easyread") -> int:
    """Run the Typer `app` on `args` (default: sys.argv[1:]) and return its exit code; usage errors
    are printed as one line and give EXIT_USAGE."""
    from easyread.secrets import scrub_standard_streams

    scrub_standard_streams()
    exceptions = _click_exceptions()
    try:
        result = app(args=list(sys.argv[1:] if args is None else args), prog_name=prog_name, standalone_mode=False)
    except exceptions.NoArgsIsHelpError:
        return EXIT_USAGE  # the help is already printed, as Click does for a bare group
    except exceptions.ClickException as error:
        print(usage_line(error, prog_name), file=sys.stderr, flush=True)
        return EXIT_USAGE
    except (KeyboardInterrupt, *_optional(exceptions, "Abort")):
        print(f"{prog_name}: error: interrupted", file=sys.stderr, flush=True)
        return EXIT_INTERRUPTED
    except Exception as error:  # a bug, not bad input: still one line, and a way to see the traceback
        if os.environ.get("EASYREAD_DEBUG"):
            raise
        print(f"{prog_name}: error: unexpected error ({type(error).__name__}: {_first_line(error)}); "
              "set EASYREAD_DEBUG=1 to see why", file=sys.stderr, flush=True)
        return EXIT_DOCUMENT_FAILED
    return result if isinstance(result, int) else EXIT_OK


def _optional(module: Any, name: str) -> tuple[type[BaseException], ...]:
    """(module.name,) when that exception class exists (Click's Abort; Typer's own Click has none)."""
    found = getattr(module, name, None)
    return (found,) if isinstance(found, type) and issubclass(found, BaseException) else ()


def _first_line(error: BaseException, limit: int = 200) -> str:
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
