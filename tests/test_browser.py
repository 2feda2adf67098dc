"""The start notebook in real JupyterLab, in headless Chromium driven by Playwright.

Runs every cell of course/00_start_here, then checks that a Graphviz SVG rendered
inline, that the StateMachineExplorer rendered as a live widget, and that clicking an
event button moves the highlighted state. Screenshots go to test-artifacts/browser/.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright
from submissions import ROOT
from test_lab import NOTEBOOK, free_port, get

pytestmark = pytest.mark.slow
CHROMIUM = Path("/usr/bin/chromium")
# What Chromium needs on a machine without a display, sandbox or network (env notes).
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
WAIT_MS = 40_000  # the longest any one step may take
SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin": '{"autosave": false}',  # course/ stays as built
    "@jupyterlab/apputils-extension/notification": '{"fetchNews": "false"}',  # no news toast
    # every cell and output in the page, also those scrolled out of view
    "@jupyterlab/notebook-extension/tracker": '{"windowingMode": "none"}',
}
# The text of the state node that the explorer fills with the highlight colour.
HIGHLIGHTED = """(root) => {
    for (const node of root.querySelectorAll("svg g.node")) {
        const shape = node.querySelector("path, polygon");
        if (shape && shape.getAttribute("fill") === "#dbeafe")
            return node.querySelector("text").textContent;
    }
    return null;
}"""

needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(),
                                    reason=f"Chromium is not installed at {CHROMIUM} "
                                           "(apt-get install chromium; .ci/run does)")


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[str]:
    """A JupyterLab server on 127.0.0.1 with a token and its own settings; its URL."""
    port, token = free_port(), secrets.token_hex(16)
    env = {**os.environ, **{name: str(tmp_path / folder) for name, folder in [
        ("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTERLAB_SETTINGS_DIR", "settings"), ("JUPYTERLAB_WORKSPACES_DIR", "workspaces")]}}
    for plugin, setting in SETTINGS.items():
        path = tmp_path / "settings" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(setting)
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
               f"--port={port}", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={ROOT}", *(["--allow-root"] if os.getuid() == 0 else [])]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=(tmp_path / "lab.log").open("wb"), start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + WAIT_MS / 1000
        while not _answers(f"{base}/api/status?token={token}"):
            assert server.poll() is None, (tmp_path / "lab.log").read_text()
            assert time.monotonic() < deadline, "JupyterLab did not answer in time"
            time.sleep(0.2)
        yield f"{base}/lab/tree/{NOTEBOOK}?token={token}"
    finally:
        _stop(server, f"{base}/api/shutdown?token={token}")


def _answers(url: str) -> bool:
    try:
        return get(url)[0] == 200
    except OSError:
        return False


def _stop(server: subprocess.Popen, shutdown_url: str) -> None:
    """Shut the server down with its kernels; kill it if it does not go."""
    try:
        urllib.request.urlopen(urllib.request.Request(shutdown_url, method="POST"), timeout=5)
        server.wait(timeout=15)
    except (OSError, subprocess.TimeoutExpired):
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=15)


def _run_all_cells(page: Page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()


@needs_chromium
def test_start_notebook_runs_in_jupyterlab_and_its_widgets_respond(lab):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    print(f"\nbrowser screenshots: {ARTIFACTS}")
    saved = (ROOT / NOTEBOOK).read_bytes()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS,
                                             timeout=WAIT_MS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.set_default_timeout(WAIT_MS)
        try:
            page.goto(lab)
            page.get_by_text(re.compile(r" \| Idle$")).wait_for()  # the kernel is ready
            _run_all_cells(page)

            cell = page.locator(".jp-CodeCell", has_text='title="A tiny library"')
            diagram = cell.locator(".jp-OutputArea-output img[src^='data:image/svg+xml']")
            diagram.wait_for()
            source = diagram.evaluate("img => decodeURIComponent(img.src)")
            assert "Generated by graphviz" in source and "A tiny library" in source
            assert diagram.evaluate("img => img.complete && img.naturalWidth > 0"), \
                "the class diagram's SVG must load as an image"
            diagram.scroll_into_view_if_needed()
            diagram.screenshot(path=ARTIFACTS / "class-diagram.png")

            explorer = page.locator(".lld-state-explorer")
            explorer.locator("svg g.node").first.wait_for()
            explorer.scroll_into_view_if_needed()
            shown = page.locator(".jp-CodeCell", has=explorer).locator("svg", has_text="pending")
            assert shown.count() == 1, "the live widget, not its static fallback as well"
            pay, ship = (explorer.get_by_role("button", name=name, exact=True)
                         for name in ("pay", "ship"))
            assert explorer.evaluate(HIGHLIGHTED) == "pending"
            expect(pay).to_be_enabled()
            expect(ship).to_be_disabled()
            expect(ship).to_have_attribute("title", re.compile("not possible in pending"))
            page.screenshot(path=ARTIFACTS / "notebook.png")
            explorer.screenshot(path=ARTIFACTS / "explorer-before.png")

            pay.click()
            page.wait_for_function(
                f"() => ({HIGHLIGHTED})(document.querySelector('.lld-state-explorer'))"
                " === 'paid'", timeout=WAIT_MS)
            expect(ship).to_be_enabled()
            expect(pay).to_be_disabled()
            expect(explorer).to_contain_text("State: paid")
            explorer.screenshot(path=ARTIFACTS / "explorer-after.png")
        except Exception:
            page.screenshot(path=ARTIFACTS / "failure.png")
            raise
        finally:
            browser.close()
    assert (ROOT / NOTEBOOK).read_bytes() == saved, "the browser must not save the notebook"
