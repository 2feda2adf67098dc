"""Where a course lives and how nbgrader is configured for it."""

from __future__ import annotations

from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

CONFIG_FILE = "nbgrader_config.py"


class CourseError(ValueError):
    """The course directory or an assignment is not usable; the message says why."""


def find_root(start: Path | None = None) -> Path:
    """The course root: the nearest directory upwards holding nbgrader_config.py."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        if (directory / CONFIG_FILE).is_file() and (directory / "solutions").is_dir():
            return directory
    raise CourseError(f"no course found at or above {here}: run this inside the course "
                      f"repository (the folder holding {CONFIG_FILE} and solutions/)")


def load_config(root: Path) -> Config:
    """The course's nbgrader configuration, read from its nbgrader_config.py."""
    return PyFileConfigLoader(CONFIG_FILE, path=str(root)).load_config()


def source_dir(root: Path) -> Path:
    return root / load_config(root).CourseDirectory.source_directory


def release_dir(root: Path) -> Path:
    return root / load_config(root).CourseDirectory.release_directory


def assignments(root: Path) -> list[str]:
    """The assignment ids: folders of solutions/ holding a notebook of their own name."""
    return sorted(path.parent.name for path in source_dir(root).glob("*/*.ipynb")
                  if path.stem == path.parent.name)


def check_assignment(root: Path, assignment: str) -> str:
    known = assignments(root)
    if assignment not in known:
        raise CourseError(f"unknown assignment {assignment!r}; the course has: "
                          + (", ".join(known) or "none yet"))
    return assignment
