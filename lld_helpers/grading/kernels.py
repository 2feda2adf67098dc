"""Kernels for grading: each in a directory of its own, jailed, started ahead of need.

Every kernel gets a fresh directory (its working directory, its IPC sockets and
connection file) and nothing else of the grader's: under bubblewrap it sees a
read-only system, Python and lld_helpers, a private /tmp and no network; without
bubblewrap it still runs under resource limits (see `jail`), and a warning says
what is not isolated.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from traitlets import List, Unicode

import lld_helpers
from lld_helpers.grading.jail import NOBODY

# As root, kernels run as users of their own (no login, no files) from this range.
KERNEL_UIDS = range(100_000, 180_000)

HISTORY = "--HistoryManager.hist_file=:memory:"
NO_BWRAP_WARNING = (
    "bubblewrap (bwrap) is not available: kernels run without filesystem and network "
    "isolation, under resource limits only. A submission could read files this user can "
    "read. Install it (Debian/Ubuntu: sudo apt-get install bubblewrap) for full isolation."
)


@functools.cache
def bwrap_works() -> bool:
    """Whether bubblewrap can create a sandbox here (it needs namespaces)."""
    program = shutil.which("bwrap")
    if program is None:
        return False
    probe = [program, "--ro-bind", "/", "/", "--unshare-net", "--unshare-pid", "--dev", "/dev",
             "--proc", "/proc", "true"]
    return subprocess.run(probe, capture_output=True, timeout=20, check=False).returncode == 0


def _read_only_binds() -> list[str]:
    """System folders, the Python installation and lld_helpers, at their own paths."""
    args: list[str] = []
    for folder in ("/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(folder):
            args += ["--symlink", os.readlink(folder), folder]
        elif os.path.isdir(folder):
            args += ["--ro-bind", folder, folder]
    package = str(Path(lld_helpers.__file__).resolve().parent)
    for folder in dict.fromkeys([sys.base_prefix, sys.prefix, package]):
        if not folder.startswith(("/usr/", "/etc/")):
            args += [*_parents(folder), "--ro-bind", folder, folder]
    return args


def _parents(folder: str) -> list[str]:
    """Create the folders above a bind as traversable: bwrap would make them 0700."""
    args: list[str] = []
    for parent in reversed(Path(folder).parents[:-1]):
        args += ["--perms", "0755", "--dir", str(parent)]
    return args


def sandbox_prefix(workdir: Path) -> list[str]:
    """The bwrap command line that confines a process to `workdir`."""
    # As root no user namespace: its root could not enter a directory owned by nobody.
    users = [] if os.getuid() == 0 else ["--unshare-user"]
    return ["bwrap", "--die-with-parent", *users, "--unshare-pid", "--unshare-net",
            "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--new-session",
            # a private /tmp first: the binds below may live under /tmp themselves
            "--perms", "1777", "--tmpfs", "/tmp", *_read_only_binds(),
            "--proc", "/proc", "--dev", "/dev",
            *_parents(str(workdir)), "--bind", str(workdir), str(workdir),
            "--chdir", str(workdir)]


class JailedKernelManager(AsyncKernelManager):
    """Starts the kernel through `jail` (limits) and, where it works, bubblewrap."""

    workdir = Unicode(help="the kernel's own directory")
    jail_args = List(Unicode(), help="resource limits for lld_helpers.grading.jail")

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        kernel = super().format_kernel_cmd(extra_arguments)
        jail = [sys.executable, "-m", "lld_helpers.grading.jail", *self.jail_args, "--", *kernel]
        return sandbox_prefix(Path(self.workdir)) + jail if bwrap_works() else jail


class KernelPool:
    """Hands out started kernels, launching the next one while the current one works."""

    def __init__(self, root: Path, jail_args: list[str], kernel_name: str = "python3") -> None:
        self.root, self.jail_args, self.kernel_name = root, jail_args, kernel_name
        self._next: JailedKernelManager | None = None
        self._launched = 0

    def _uid(self) -> int:
        """A user no other live kernel has: two per pool (current and next), pools by PID."""
        self._launched += 1
        slot = (os.getpid() * 2 + self._launched % 2) % len(KERNEL_UIDS)
        return KERNEL_UIDS[slot]

    def _launch(self) -> JailedKernelManager:
        workdir = Path(tempfile.mkdtemp(prefix="kernel-", dir=self.root))
        jail_args = list(self.jail_args)
        if os.getuid() == 0:  # the kernel runs as a user of its own: give it its folder
            uid = self._uid()
            os.chown(workdir, uid, NOBODY)
            jail_args += ["--uid", str(uid)]
        km = JailedKernelManager(kernel_name=self.kernel_name, transport="ipc",
                                 ip=str(workdir / "ipc"), workdir=str(workdir),
                                 connection_file=str(workdir / "connection.json"),
                                 jail_args=jail_args)
        # Signals cannot reach a kernel in its own session and PID namespace: ask it instead.
        km.kernel_spec.interrupt_mode = "message"
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(workdir),
               "TMPDIR": str(workdir),
               "LANG": "C.UTF-8", "IPYTHONDIR": str(workdir / ".ipython"),
               "MPLCONFIGDIR": str(workdir / ".matplotlib"), "MPLBACKEND": "agg"}
        with open(f"{workdir}.log", "wb") as log:  # the kernel's stderr: crash reports
            run_sync(km.start_kernel)(extra_arguments=[HISTORY], cwd=str(workdir), env=env,
                                      stdout=subprocess.DEVNULL, stderr=log)
        if os.getuid() == 0:
            os.chmod(km.connection_file, 0o644)  # the kernel (nobody) reads its own ports
        return km

    def take(self) -> JailedKernelManager:
        """A started kernel; the next one is launched at once, to boot while this one works."""
        km = self._next
        if km is None or not run_sync(km.is_alive)():
            if km is not None:
                self.release(km)
            km = self._launch()
        self._next = self._launch()
        return km

    @staticmethod
    def crash_report(km: JailedKernelManager) -> str:
        """The last line the kernel wrote to stderr (e.g. a segfault), if any."""
        log = Path(f"{km.workdir}.log")
        lines = log.read_text(errors="replace").strip().splitlines() if log.exists() else []
        return lines[-1][:200] if lines else ""

    @staticmethod
    def kill(km: JailedKernelManager) -> None:
        """Kill the kernel's whole process group now (no shutdown handshake)."""
        process = getattr(km.provisioner, "process", None)
        if process is not None:
            with contextlib.suppress(OSError):
                os.killpg(process.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                process.kill()

    def release(self, km: JailedKernelManager) -> None:
        """Kill a kernel (and everything it started) and remove its directory."""
        with contextlib.suppress(Exception):  # already dead: nothing to stop
            run_sync(km.shutdown_kernel)(now=True)
        with contextlib.suppress(Exception):
            run_sync(km.cleanup_resources)()
        shutil.rmtree(km.workdir, ignore_errors=True)
        Path(f"{km.workdir}.log").unlink(missing_ok=True)

    def close(self) -> None:
        if self._next is not None:
            self.release(self._next)
            self._next = None
