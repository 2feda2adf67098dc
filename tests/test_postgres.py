"""A real PostgreSQL gradebook: several workers at once, and two shards into one database.

The fixture starts Debian's PostgreSQL on loopback in a temporary folder and
stops it afterwards.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest
from submissions import ROOT, mutant_submission, mutants, reference_answers, release, submission

from lld_helpers.grading import batch

pytestmark = pytest.mark.slow
ASSIGNMENT = "00_start_here"


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    initdb = found[0] if found else shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    bindir = _bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed here: .ci/run installs Debian's postgresql")
    # PostgreSQL refuses to run as root: as root, run it as the postgres user.
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
    folder = Path(tempfile.mkdtemp(prefix="lld-pg-"))
    folder.chmod(0o755)
    if as_postgres:
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", _free_port()
    run = lambda *args: subprocess.run([*as_postgres, *map(str, args)], check=True,  # noqa: E731
                                       capture_output=True, timeout=120)
    run(bindir / "initdb", "-D", data, "-A", "trust", "-U", "lld", "--no-sync")
    run(bindir / "pg_ctl", "-D", data, "-l", folder / "log", "-w", "-o",
        f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c max_connections=50", "start")
    try:
        yield f"postgresql+psycopg://lld@127.0.0.1:{port}"
    finally:
        run(bindir / "pg_ctl", "-D", data, "-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def _database(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(f"{server.replace('+psycopg', '')}/postgres", autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    return f"{server}/{name}"


@pytest.fixture
def class_folder(tmp_path) -> tuple[Path, dict[str, float]]:
    """Submissions of 00_start_here and the score each must get."""
    folder = tmp_path / "submitted"
    folder.mkdir()
    expected = {}
    reference = submission(ROOT, ASSIGNMENT, reference_answers(ROOT, ASSIGNMENT))
    for i in range(3):
        nbformat.write(reference, folder / f"good{i}.ipynb")
        expected[f"good{i}"] = 3.0
    nbformat.write(release(ROOT, ASSIGNMENT), folder / "blank.ipynb")
    expected["blank"] = 0.0
    for mutant in mutants(ASSIGNMENT):
        nbformat.write(mutant_submission(ROOT, mutant), folder / f"{mutant.path.stem}.ipynb")
        expected[mutant.path.stem] = 0.0
    return folder, expected


def _scores(url: str) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(url) as gradebook:
        return {s.student.id: s.score for s in gradebook.assignment_submissions(ASSIGNMENT)}


def test_workers_grade_into_postgresql_at_once(server, class_folder, tmp_path):
    folder, expected = class_folder
    url = _database(server, "workers")
    options = batch.Options(ASSIGNMENT, tmp_path / "out", workers=2, db_url=url)
    results = batch.run(ROOT, batch.jobs(folder, options), options)
    assert {r["student"]: r["score"] for r in results} == expected
    assert _scores(url) == expected


def test_two_shards_into_one_database(server, class_folder, tmp_path):
    folder, expected = class_folder
    url = _database(server, "shards")
    command = [sys.executable, "-m", "lld_helpers.cli", "--root", str(ROOT), "autograde",
               str(folder), "--assignment", ASSIGNMENT, "--workers", "1", "--db", url]
    shards = [subprocess.Popen([*command, "--shard", f"{i}/2", "--out", str(tmp_path / f"o{i}")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
              for i in (1, 2)]
    for shard in shards:
        output = shard.communicate(timeout=300)[0].decode()
        assert shard.returncode == 0, output
    assert _scores(url) == expected, "every student graded once, by one shard or the other"
