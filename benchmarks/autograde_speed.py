"""Batch grading speed: plain nbgrader vs lld-course autograde, against a floor.

Generates N submissions of 01_fundamentals (correct, wrong and hostile, in a
fixed seeded mix), then times, each on the same folder:

- floor: nbclient executing the same notebooks back to back in one process;
- plain `nbgrader autograde` (the baseline);
- `lld-course autograde --workers 1` and `--workers 2`.

Targets (issue 5): workers=1 within 1.2x of the floor; workers=2 at least 1.7x
faster than workers=1; at least 2x faster than plain nbgrader.

    .venv/bin/python benchmarks/autograde_speed.py [--submissions 200]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from submissions import mutant_submission, mutants, reference_answers, submission  # noqa: E402

ASSIGNMENT = "01_fundamentals"
HOSTILE = ["sys_exit", "os_exit", "deleted_test_cell", "forged_points_and_metadata",
           "ast_transformer_strips_asserts", "monkeypatch_lld_helpers", "invalid_json",
           "empty_file", "memory_bomb", "top_level_infinite_loop"]
BIN = Path(sys.executable).parent
# nbgrader runs the alembic script: find it with the venv inactive
ENV = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def _hostile(name: str, reference) -> bytes:
    path = ROOT / "tests" / "hostile" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made = module.submission(reference)
    return made if isinstance(made, bytes) else nbformat.writes(made).encode()


def generate(folder: Path, count: int, seed: int = 2026) -> None:
    """70% correct, 22% wrong (mutants), 8% hostile: a plausible class."""
    rng = random.Random(seed)
    reference = submission(ROOT, ASSIGNMENT, reference_answers(ROOT, ASSIGNMENT))
    wrong = mutants(ASSIGNMENT)
    for i in range(count):
        roll = rng.random()
        if roll < 0.70:
            data = nbformat.writes(reference).encode()
        elif roll < 0.92:
            data = nbformat.writes(mutant_submission(ROOT, rng.choice(wrong))).encode()
        else:
            data = _hostile(rng.choice(HOSTILE), reference)
        (folder / f"student{i:03d}.ipynb").write_bytes(data)


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """Silence the floor's kernels, which warn on stderr that they talk TCP in plain text."""
    saved, null = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)


def floor(folder: Path, timeout: int) -> float:
    start = time.perf_counter()
    with quiet_stderr():
        for path in sorted(folder.glob("*.ipynb")):
            try:
                notebook = nbformat.read(path, as_version=4)
            except Exception:  # not a notebook: nothing to execute
                continue
            client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                                    allow_errors=True, shutdown_kernel="immediate")
            try:
                client.execute()
            except Exception:  # a kernel that died or hung: the floor moves on, as graders must
                continue
    return time.perf_counter() - start


def plain_nbgrader(folder: Path, timeout: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        course = Path(tmp)
        shutil.copy(ROOT / "nbgrader_config.py", course)
        shutil.copytree(ROOT / "solutions" / ASSIGNMENT, course / "solutions" / ASSIGNMENT)
        for path in folder.glob("*.ipynb"):
            target = course / "submitted" / path.stem / ASSIGNMENT
            target.mkdir(parents=True)
            shutil.copy(path, target / f"{ASSIGNMENT}.ipynb")
        common = ["--Execute.timeout", str(timeout), "--log-level=ERROR"]
        subprocess.run([BIN / "nbgrader", "generate_assignment", ASSIGNMENT, *common],
                       cwd=course, capture_output=True, check=True, env=ENV)
        start = time.perf_counter()
        subprocess.run([BIN / "nbgrader", "autograde", ASSIGNMENT, *common], cwd=course,
                       capture_output=True, env=ENV)  # exits 1 when any submission failed
        return time.perf_counter() - start


def ours(folder: Path, timeout: int, workers: int) -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([BIN / "lld-course", "--root", ROOT, "autograde", folder, "--assignment",
                        ASSIGNMENT, "--workers", str(workers), "--timeout", str(timeout),
                        "--out", out], capture_output=True, check=True)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--timeout", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, args.submissions)
        times = {
            "floor (nbclient, one process)": floor(folder, args.timeout),
            "plain nbgrader autograde": plain_nbgrader(folder, args.timeout),
            "lld-course autograde --workers 1": ours(folder, args.timeout, 1),
            "lld-course autograde --workers 2": ours(folder, args.timeout, 2),
        }
    n = args.submissions
    print(f"{n} submissions of {ASSIGNMENT}\n")
    print("| runner | wall time (s) | per submission (s) |\n|---|---|---|")
    for name, seconds in times.items():
        print(f"| {name} | {seconds:.1f} | {seconds / n:.2f} |")
    floor_s, plain, one, two = times.values()
    print(f"\nworkers=1 / floor: {one / floor_s:.2f}x (target <= 1.2)")
    print(f"workers=1 / workers=2: {one / two:.2f}x (target >= 1.7)")
    print(f"plain nbgrader / workers=2: {plain / two:.2f}x (target >= 2)")


if __name__ == "__main__":
    main()
