"""Where a plan's pictures may come from: the plan's own folder, the picture set in use, a folder
given with `--pictures`, the folder of the pictures `--pictures generate` drew (in the user cache),
or the picture folder of the settings file (when it lies inside the settings file's folder).
Nowhere else.

A plan is a file people share. Without this, a plan naming "../../.ssh/id_rsa.png" or an absolute
path would copy a private file of the person rendering it into a public PDF, Word file or web page.
Paths are compared after symlinks are resolved, so a link inside the plan's folder that points out
of it is outside too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from easyread.pictures.raster import is_reference, openmoji_folder
from easyread.pictures.safe import MissingPicture, PictureProblem, inspect_picture

OUTSIDE = ("is outside the plan's folder (a plan's pictures must be in its folder, in the picture set in use, "
           "or in a folder given with --pictures)")


def allowed_folders(plan: Path, pictures: str | None = None) -> list[Path]:
    """The folders, symlinks resolved, that the pictures of the plan at `plan` may be in.

    `pictures` is render's `--pictures` ("openmoji" or a folder). A settings file's picture folder
    counts only when it is inside the settings file's own folder: a settings file travelling with a
    shared plan cannot open up the rest of the disk.
    """
    from easyread.config import load_settings
    from easyread.errors import EasyReadError
    from easyread.pictures.image_cache import generated_folder

    folders = [Path(plan).parent, generated_folder()]  # pictures `--pictures generate` drew are ours
    openmoji = openmoji_folder()
    if openmoji is not None:
        folders.append(openmoji)
    if pictures and pictures.strip().lower() not in ("openmoji", "generate"):
        folders.append(Path(pictures))
    try:
        settings = load_settings(Path(plan))
    except EasyReadError:  # a settings file we cannot read allows nothing more
        settings = None
    if settings is not None and settings.source is not None and settings.pictures \
            and settings.pictures.strip().lower() != "openmoji":
        own = _real(settings.source.parent)
        folder = _real(Path(settings.pictures))
        if own is not None and folder is not None and folder.is_relative_to(own):
            folders.append(folder)
    return [real for real in map(_real, folders) if real is not None]


def _real(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL in the name
        return None


def plan_picture(value: str, plan_folder: Path, folders: Sequence[Path]) -> str:
    """The file a plan's picture field `value` names, symlinks resolved, once it is found inside one
    of `folders` (from `allowed_folders`) and `easyread.pictures.safe` has passed it. A relative
    path is taken from `plan_folder`; a reference to a set ("openmoji:1F4DE.svg") is kept as it is,
    and so is a file that is not there (the renderers show the picture's description).

    Raises PictureProblem: outside the folders, not a regular file, over the size or pixel limit,
    an SVG naming another file.
    """
    if is_reference(value):
        return value  # raster.picture_path takes only the file name, inside the set
    if "\x00" in value:
        raise PictureProblem("is not a file name (it holds a NUL character)")
    path = Path(value)
    real = _real(path if path.is_absolute() else plan_folder / path)
    if real is None:
        raise PictureProblem("cannot be followed (a symlink loop)")
    if not any(real.is_relative_to(folder) for folder in folders):
        raise PictureProblem(OUTSIDE)
    try:
        inspect_picture(real)
    except MissingPicture:
        pass
    return str(real)
