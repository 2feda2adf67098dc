"""Regenerate course/ from solutions/ with nbgrader, and tell when it is stale."""

from __future__ import annotations

import shutil
from pathlib import Path

from lld_helpers.grading.config import assignments, check_assignment, release_dir
from lld_helpers.grading.sandbox import sandbox_course


def _files(folder: Path) -> dict[str, bytes]:
    """The files of a folder, JupyterLab's checkpoints aside (learners' editors make them)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".ipynb_checkpoints" not in p.parts}


def generated(root: Path, assignment: str) -> dict[str, bytes]:
    """The files nbgrader releases for `assignment`, by path within its folder."""
    with sandbox_course(root, assignment) as course:
        return _files(course.release)


def _selected(root: Path, selection: list[str] | None) -> list[str]:
    return [check_assignment(root, a) for a in selection] if selection else assignments(root)


def _orphans(root: Path, selection: list[str] | None) -> list[str]:
    """Folders in course/ with no source any more (only when building everything)."""
    if selection or not release_dir(root).is_dir():
        return []
    known = set(assignments(root))
    return sorted(p.name for p in release_dir(root).iterdir() if p.is_dir() and p.name not in known)


def _compare(root: Path, assignment: str) -> tuple[dict[str, bytes], list[str]]:
    """What build would write for `assignment`, and the names that differ in course/."""
    folder = release_dir(root) / assignment
    current = _files(folder) if folder.is_dir() else {}
    expected = generated(root, assignment)
    changed = sorted(name for name in expected.keys() | current.keys()
                     if expected.get(name) != current.get(name))
    return expected, changed


def stale(root: Path, selection: list[str] | None = None) -> list[str]:
    """One line per assignment whose course/ folder differs from what build would write."""
    problems = []
    for assignment in _selected(root, selection):
        _, changed = _compare(root, assignment)
        if changed:
            problems.append(f"{assignment}: stale ({', '.join(changed)})")
    problems += [f"{name}: in course/ but not in solutions/" for name in _orphans(root, selection)]
    return problems


def build(root: Path, selection: list[str] | None = None) -> list[str]:
    """Write course/ from solutions/; returns the assignments whose files changed."""
    changed = []
    for name in _orphans(root, selection):
        shutil.rmtree(release_dir(root) / name)
        changed.append(name)
    for assignment in _selected(root, selection):
        expected, differences = _compare(root, assignment)
        if not differences:
            continue
        folder = release_dir(root) / assignment
        if folder.exists():
            shutil.rmtree(folder)
        for name, data in expected.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        changed.append(assignment)
    return changed
