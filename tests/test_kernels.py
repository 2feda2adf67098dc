"""The parts of grading kernels that need no sandbox: what a fork server preloads, how it
empties /tmp between kernels, and the clear error when kernels could not start at all."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import lld_helpers
from lld_helpers.grading import kernels
from lld_helpers.grading.forkserver import empty_folder
from lld_helpers.grading.notebooks import imported_modules
from lld_helpers.grading.sandbox import GradingError


def test_preloads_the_absolute_imports_of_code_cells_in_order():
    notebook = new_notebook(cells=[
        new_code_cell("import os, json as j\nfrom lld_helpers.diagrams import class_diagram"),
        new_markdown_cell("import not_code"),
        new_code_cell("from . import relative\nimport os\n\ndef f():\n    import nested"),
        new_code_cell("%matplotlib inline\nimport behind_a_magic"),
    ])
    assert imported_modules(notebook) == ["os", "json", "lld_helpers.diagrams"]


def test_emptying_tmp_spares_mount_points_and_the_folders_leading_to_them(tmp_path):
    (tmp_path / "left" / "deep").mkdir(parents=True)
    (tmp_path / "left" / "deep" / "note.txt").write_text("for the next student")
    (tmp_path / "file.txt").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "left")
    mount = tmp_path / "venv" / "lib"  # stands for a read-only bind under /tmp
    mount.mkdir(parents=True)
    (mount / "site.py").write_text("")
    (tmp_path / "venv" / "stray.txt").write_text("x")
    empty_folder(str(tmp_path), {str(mount)})
    remaining = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    assert remaining == ["venv", "venv/lib", "venv/lib/site.py"]


@pytest.fixture
def root_without_bubblewrap(monkeypatch):
    """Grading as root without bubblewrap, with Python in an open folder of its own."""
    monkeypatch.setattr(kernels.os, "getuid", lambda: 0)
    monkeypatch.setattr(kernels, "bwrap_works", lambda: False)
    home = Path(tempfile.mkdtemp(prefix="lld-home-"))  # in /tmp, which is open to all
    home.chmod(0o755)
    python = home / "python"
    (python / "lld_helpers").mkdir(parents=True)
    for name in ("base_prefix", "prefix"):
        monkeypatch.setattr(kernels.sys, name, str(python))
    monkeypatch.setattr(lld_helpers, "__file__", str(python / "lld_helpers" / "__init__.py"))
    yield home
    shutil.rmtree(home)


def test_kernels_that_could_not_reach_python_are_refused_with_the_fix(root_without_bubblewrap):
    root_without_bubblewrap.chmod(0o700)  # like /root, where pyenv puts Python
    with pytest.raises(GradingError, match=r"cannot enter .*lld-home-.*apt-get install bubblewrap"):
        kernels.check_kernel_user()


def test_kernels_that_can_reach_python_may_start(root_without_bubblewrap):
    kernels.check_kernel_user()


def test_a_pool_refuses_to_start_rather_than_fail_every_kernel(root_without_bubblewrap):
    root_without_bubblewrap.chmod(0o700)
    with pytest.raises(GradingError):
        kernels.KernelPool(root_without_bubblewrap / "kernels", [])
