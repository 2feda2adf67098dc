"""Project hygiene: lint, the conda environment in step with pyproject, the README's commands."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from submissions import ROOT

# conda-forge names where they differ from PyPI's
CONDA_NAME = {"graphviz": "python-graphviz"}


def _requirements(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        match = re.match(r"^([A-Za-z0-9_.-]+)\s*(.*)$", line.strip())
        if match:
            found[match.group(1).lower()] = match.group(2).replace(" ", "")
    return found


def test_ruff_passes_on_package_tests_and_notebooks():
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_environment_yml_mirrors_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {CONDA_NAME.get(name, name): spec
              for name, spec in _requirements(project["dependencies"]).items()}
    text = (ROOT / "environment.yml").read_text()
    conda = _requirements(re.findall(r"^  - ([^\n:]+)$", text, flags=re.M))
    for name, spec in wanted.items():
        assert name in conda, f"environment.yml lacks {name}"
        assert conda[name] == spec, f"{name}: {spec!r} in pyproject, {conda[name]!r} in yml"
    assert "graphviz" in conda, "conda users get `dot` from the graphviz package"
    assert "- -e ." in text, "environment.yml installs the course package itself"


def test_readme_commands_exist_in_the_makefile():
    readme = (ROOT / "README.md").read_text()
    makefile = (ROOT / "Makefile").read_text()
    for target in set(re.findall(r"^make (\w+)", readme, flags=re.M)):
        assert re.search(rf"^{target}:", makefile, flags=re.M), f"README runs `make {target}`"
    assert Path(ROOT / ".ci" / "run").stat().st_mode & 0o111, ".ci/run must be executable"
