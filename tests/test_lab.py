"""`make lab` serves JupyterLab, and course/00_start_here opens (over HTTP on loopback)."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from submissions import ROOT

pytestmark = pytest.mark.slow
NOTEBOOK = "course/00_start_here/00_start_here.ipynb"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_make_lab_serves_the_start_notebook(tmp_path):
    port, token = free_port(), secrets.token_hex(16)
    args = f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={token}"
    lab = subprocess.Popen(["make", "--no-print-directory", "lab", f"ARGS={args}"], cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           env={**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path)},
                           start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _ = get(f"{base}/api/status?token={token}")
                if status == 200:
                    break
            except OSError:
                pass
            assert lab.poll() is None, lab.stdout.read().decode()
            time.sleep(0.3)
        else:
            pytest.fail("JupyterLab did not answer within 60 s")
        status, body = get(f"{base}/api/contents/{NOTEBOOK}?token={token}")
        assert status == 200
        notebook = json.loads(body)
        assert notebook["type"] == "notebook" and notebook["content"]["cells"]
        status, page = get(f"{base}/lab/tree/{NOTEBOOK}?token={token}")
        assert status == 200 and "JupyterLab" in page
        status, page = get(f"{base}/?token={token}")
        assert status == 200 and "JupyterLab" in page, "the start page opens the lab"
        assert get(f"{base}/api/contents/{NOTEBOOK}")[0] == 403, "the token must be required"
    finally:
        if lab.poll() is None:
            os.killpg(lab.pid, signal.SIGTERM)
        lab.wait(timeout=30)
