"""A graded kernel cannot read solutions, the gradebook or another submission, nor escape,
and leaves nothing behind for the next kernel.

The probe is a submission whose answer tries each, with paths it could only
guess (the test hands them over), and prints what happened.
"""

from __future__ import annotations

import json
import socket
import tempfile
import uuid
from pathlib import Path

import pytest
from jupyter_core.utils import run_sync
from submissions import ROOT, reference_answers, submission

from lld_helpers.grading.engine import Grader, harden
from lld_helpers.grading.kernels import KernelPool, bwrap_works
from lld_helpers.grading.notebooks import grade_id
from lld_helpers.grading.sandbox import sandbox_course

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not bwrap_works(), reason="bubblewrap is not available: .ci/run installs it")]
ASSIGNMENT = "00_start_here"

PROBE = '''
import json as _json
import socket as _socket


def _try(action):
    try:
        action()
    except Exception as error:
        return f"blocked: {{type(error).__name__}}"
    return "ok"


def _read(path):
    with open(path, "rb") as handle:
        handle.read(10)


def _write(path):
    with open(path, "w") as handle:
        handle.write("pwned")


def _connect(port):
    with _socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


print("PROBE" + _json.dumps({{
    "solutions (course copy)": _try(lambda: _read({course_source!r})),
    "solutions (repository)": _try(lambda: _read({repo_source!r})),
    "gradebook": _try(lambda: _read({gradebook!r})),
    "another kernel's folder": _try(lambda: _read({other!r})),
    "write to the repository": _try(lambda: _write({repo_file!r})),
    "write to /tmp": _try(lambda: _write({tmp_file!r})),
    "network": _try(lambda: _connect({port})),
    "own folder": _try(lambda: _write("scratch.txt")),
}}))
'''


def test_kernel_is_confined(tmp_path):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    tmp_file = f"/tmp/lld-probe-{uuid.uuid4().hex}"
    repo_file = ROOT / f"lld-probe-{uuid.uuid4().hex}"
    with sandbox_course(ROOT, ASSIGNMENT) as course:
        harden(course.config, 10)
        grader = Grader(course, [])
        # another worker's kernel, grading another submission at the same time
        others = KernelPool(Path(tempfile.mkdtemp(prefix="lld-other-")), [])
        try:
            other = others.take()
            probe = PROBE.format(
                course_source=str(course.path / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"),
                repo_source=str(ROOT / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"),
                gradebook=str(course.path / "gradebook.db"),
                other=other.connection_file, repo_file=str(repo_file), tmp_file=tmp_file,
                port=listener.getsockname()[1])
            answers = reference_answers(ROOT, ASSIGNMENT)
            answers["ex00_stopwatch"] += "\n" + probe
            outcome = grader.grade("probe", submission(ROOT, ASSIGNMENT, answers))
        finally:
            others.close()
            others.root.rmdir()
            grader.close()
            listener.close()
    answer = next(c for c in outcome.autograded.cells if grade_id(c) == "ex00_stopwatch")
    printed = "".join(o.get("text", "") for o in answer.outputs)
    found = json.loads(printed.split("PROBE", 1)[1])
    assert found.pop("own folder") == "ok", "the kernel can use its own folder"
    assert found.pop("write to /tmp") == "ok", "the kernel has a /tmp of its own"
    assert not Path(tmp_file).exists(), "...which is not the machine's /tmp"
    assert all(result.startswith("blocked") for result in found.values()), found
    assert not repo_file.exists()
    assert outcome.status == "flagged", "opening files is flagged for review"


LEAVE_TRACES = """
import subprocess, sys
open("/tmp/note-for-the-next-student", "w").write("the answers are...")
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"], start_new_session=True,
                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
"""
FIND_TRACES = """
import json, os
mine = {1, os.getppid(), os.getpid()}  # bubblewrap, the fork server, this kernel
processes = [p for p in os.listdir("/proc") if p.isdigit() and int(p) not in mine]
print("TRACES" + json.dumps({"tmp": os.listdir("/tmp"), "processes": processes}))
"""


def run(km, code: str) -> str:
    """Run `code` in the kernel and return what it printed."""
    client = km.client()
    client.start_channels()
    printed = []
    try:
        run_sync(client.wait_for_ready)(timeout=30)
        run_sync(client.execute_interactive)(
            code, timeout=30, output_hook=lambda msg: printed.append(
                msg["content"].get("text", "") if msg["msg_type"] == "stream" else ""))
    finally:
        client.stop_channels()
    return "".join(printed)


def traces(km) -> dict:
    printed = run(km, FIND_TRACES)
    return json.loads(printed.split("TRACES", 1)[1].splitlines()[0])


def test_next_kernel_finds_no_trace_of_the_last(tmp_path):
    pool = KernelPool(tmp_path, [])
    try:
        first = pool.take()
        run(first, LEAVE_TRACES)
        left = traces(first)
        assert "note-for-the-next-student" in left["tmp"] and left["processes"]
        pool.release(first)
        second = pool.take()
        found = traces(second)
        pool.release(second)
        assert "note-for-the-next-student" not in found["tmp"]
        assert found["processes"] == [], "the first kernel's process was killed"
    finally:
        pool.close()


def test_a_pool_hands_out_one_kernel_at_a_time(tmp_path):
    pool = KernelPool(tmp_path, [])
    try:
        km = pool.take()
        with pytest.raises(RuntimeError, match="one kernel at a time"):
            pool.take()
        pool.release(km)
        pool.release(pool.take())
    finally:
        pool.close()
