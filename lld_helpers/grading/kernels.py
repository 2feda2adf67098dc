"""Kernels for grading: forked from a warmed-up server, each in a directory of its own, jailed.

Each grading worker runs one `forkserver` (the interpreter, ipykernel and the
notebook's imports loaded once) and takes kernels from it one at a time: a fork
costs milliseconds where a fresh kernel costs a second of CPU. Under bubblewrap
the server, and so every kernel, sees a read-only system, Python and
lld_helpers, the pool's folder of kernel directories, a private /tmp and no
network; between two kernels the server kills whatever the last one left running
and empties /tmp, and the pool empties the kernels folder. Without bubblewrap
kernels still run under resource limits (see `jail`), and a warning says what is
not isolated.

A kernel's directory holds its working files, its IPC sockets and connection
file; as root, each pool's kernels run as a user of their own.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from queue import Empty

import zmq
import zmq.asyncio
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from jupyter_core.utils import run_sync
from traitlets import Any, Integer, Type, Unicode, default

import lld_helpers
from lld_helpers.grading.jail import NOBODY
from lld_helpers.grading.sandbox import GradingError

# As root, kernels run as users of their own (no login, no files) from this range.
KERNEL_UIDS = range(100_000, 180_000)
_pools = itertools.count()

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


def check_kernel_user() -> None:
    """As root without bubblewrap, kernels run as a user of their own straight from this
    Python: raise GradingError now, saying what to do, if that user cannot reach it."""
    if os.getuid() != 0 or bwrap_works():
        return
    package = Path(lld_helpers.__file__).resolve().parent
    for folder in dict.fromkeys([Path(sys.base_prefix), Path(sys.prefix), package]):
        for path in [*reversed(folder.parents), folder]:
            if not path.stat().st_mode & stat.S_IXOTH:
                raise GradingError(
                    f"grading as root without bubblewrap runs each kernel as an unprivileged "
                    f"user, who cannot enter {path} (on the way to Python or lld_helpers). "
                    "Install bubblewrap (sudo apt-get install bubblewrap), or grade as a "
                    "regular user.")


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
    """The bwrap command line that confines a process (and its children) to `workdir`."""
    # As root no user namespace: its root could not enter a directory owned by nobody.
    users = [] if os.getuid() == 0 else ["--unshare-user"]
    return ["bwrap", "--die-with-parent", *users, "--unshare-pid", "--unshare-net",
            "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--new-session",
            # a private /tmp first: the binds below may live under /tmp themselves
            "--perms", "1777", "--tmpfs", "/tmp", *_read_only_binds(),
            "--proc", "/proc", "--dev", "/dev",
            *_parents(str(workdir)), "--bind", str(workdir), str(workdir),
            "--chdir", str(workdir)]


class KernelServerError(RuntimeError):
    """The fork server stopped or refused a request; the message has its last words."""


class ForkServerProcess:
    """The grader's end of a `forkserver`: started in the sandbox, restarted if it dies."""

    def __init__(self, root: Path, limits: list[str], preload: Iterable[str] = ()) -> None:
        self.command = [sys.executable, "-P", "-m", "lld_helpers.grading.forkserver",
                        *limits, "--preload", *preload]
        if bwrap_works():
            self.command = [*sandbox_prefix(root), *self.command, "--sandboxed"]
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
                    "HOME": str(root), "MPLBACKEND": "agg",
                    "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
        self._start()

    def _start(self) -> None:
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self.process = subprocess.Popen(self.command, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.errors,
                                        env=self.env, text=True, start_new_session=True)
        self.ready = False

    def _last_words(self) -> str:
        self.errors.seek(0)
        lines = self.errors.read().decode(errors="replace").strip().splitlines()
        return lines[-1] if lines else f"exit code {self.process.poll()}"

    def _read(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            raise KernelServerError(f"the kernel fork server stopped: {self._last_words()}")
        return json.loads(line)

    def request(self, **message: object) -> dict:
        if message["op"] == "spawn" and self.process.poll() is not None:
            self.close()
            self._start()  # a kernel took its server down with it: start afresh
        try:
            if not self.ready:
                self.ready = self._read()["ready"]
            self.process.stdin.write(json.dumps(message) + "\n")
            self.process.stdin.flush()
        except OSError:
            raise KernelServerError(f"the kernel fork server stopped: {self._last_words()}"
                                    ) from None
        reply = self._read()
        if "error" in reply:
            raise KernelServerError(reply["error"])
        return reply

    def kill(self, pid: int) -> None:
        """Kill a kernel and everything it left running, now."""
        with contextlib.suppress(KernelServerError):  # no server: no kernel either
            self.request(op="kill", pid=pid)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
        self.errors.close()


class ForkProvisioner(LocalProvisioner):
    """Launches a kernel as a fork of its manager's server rather than as a new process."""

    pid: int | None = None

    @property
    def has_process(self) -> bool:
        return self.pid is not None

    async def launch_kernel(self, cmd: list[str], **kwargs: object) -> dict:
        km = self.parent
        if km.uid is not None:  # only the kernel's own user may read its keys
            os.chown(km.connection_file, km.uid, NOBODY)
        env = {k: v for k, v in dict(kwargs["env"]).items() if k != "JPY_PARENT_PID"}
        self.pid = km.server.request(
            op="spawn", workdir=km.workdir, connection_file=km.connection_file,
            log=f"{km.workdir}.log", env=env, uid=km.uid,
            argv=cmd[len(self.kernel_spec.argv):])["pid"]
        return self.connection_info

    async def poll(self) -> int | None:
        if self.pid is None:
            return 0
        try:
            return self.parent.server.request(op="poll", pid=self.pid)["returncode"]
        except KernelServerError:
            return -9  # the server is gone, and its kernels with it

    async def wait(self) -> int | None:
        while (code := await self.poll()) is None:
            await asyncio.sleep(0.05)
        self.pid = None
        return code

    async def send_signal(self, signum: int) -> None:
        if self.pid is not None:
            with contextlib.suppress(KernelServerError):
                self.parent.server.request(op="signal", pid=self.pid, signum=signum)

    async def kill(self, restart: bool = False) -> None:
        if self.pid is not None:
            self.parent.server.kill(self.pid)

    async def terminate(self, restart: bool = False) -> None:
        await self.kill(restart)


class ForkedKernelClient(AsyncKernelClient):
    """Takes a kernel as ready as soon as it has answered on both the shell and IOPub channels.

    jupyter_client waits for an answer on IOPub with a 0.2 s timeout and then for
    0.2 s of silence there; a kernel forked a moment ago is ready in less than that.
    nbclient ignores any message that answers a request other than its own.
    """

    @default("context")
    def _context_default(self) -> zmq.asyncio.Context:
        self._created_context = True
        context = zmq.asyncio.Context()
        context.setsockopt(zmq.RECONNECT_IVL, 10)  # we connect before the kernel binds
        return context

    async def _async_wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout or 60)
        asked, reply = {self.kernel_info()}, None
        while time.monotonic() < deadline:
            channel = self.shell_channel if reply is None else self.iopub_channel
            try:
                msg = await channel.get_msg(timeout=0.05)
            except Empty:
                if reply is not None:  # IOPub subscribed after our status went out: ask again
                    asked.add(self.kernel_info())
                if not await self._async_is_alive():
                    raise RuntimeError("Kernel died before replying to kernel_info") from None
                continue
            if reply is None and msg["msg_type"] == "kernel_info_reply":
                reply = msg
            elif reply is not None and msg["parent_header"].get("msg_id") in asked:
                self._handle_kernel_info_reply(reply)
                return
        raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")

    wait_for_ready = _async_wait_for_ready


class ForkedKernelManager(AsyncKernelManager):
    """A kernel forked by `server` into `workdir`, running as `uid` (as root)."""

    server = Any(help="the ForkServerProcess that forks this kernel")
    workdir = Unicode(help="the kernel's own directory")
    uid = Integer(None, allow_none=True, help="the user the kernel runs as, when we are root")
    client_factory = Type(ForkedKernelClient, klass=AsyncKernelClient)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        # Signals cannot reach a kernel in its own session and PID namespace: ask it instead.
        self.kernel_spec.interrupt_mode = "message"
        self.provisioner = ForkProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec,
                                           parent=self)


class KernelPool:
    """Hands out kernels forked from one warmed-up server, one at a time."""

    def __init__(self, root: Path, jail_args: list[str], preload: Iterable[str] = (),
                 kernel_name: str = "python3") -> None:
        check_kernel_user()
        self.root, self.kernel_name = root, kernel_name
        root.chmod(0o711)  # kernels (as users of their own) reach their own folder only
        self.server = ForkServerProcess(root, jail_args, preload)
        # As root, one user per pool: pools of other workers never share one.
        self.uid = (KERNEL_UIDS[(os.getpid() * 64 + next(_pools)) % len(KERNEL_UIDS)]
                    if os.getuid() == 0 else None)
        self._out: ForkedKernelManager | None = None

    def take(self) -> ForkedKernelManager:
        """A started kernel in a fresh directory; release it before taking the next."""
        if self._out is not None:
            raise RuntimeError("a pool hands out one kernel at a time: release it first")
        workdir = Path(tempfile.mkdtemp(prefix="kernel-", dir=self.root))
        if self.uid is not None:  # the kernel runs as a user of its own: give it its folder
            os.chown(workdir, self.uid, NOBODY)
        km = ForkedKernelManager(server=self.server, workdir=str(workdir), uid=self.uid,
                                 kernel_name=self.kernel_name, transport="ipc",
                                 ip=str(workdir / "ipc"),
                                 connection_file=str(workdir / "connection.json"))
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(workdir),
               "TMPDIR": str(workdir), "LANG": "C.UTF-8",
               "IPYTHONDIR": str(workdir / ".ipython"),
               "MPLCONFIGDIR": str(workdir / ".matplotlib"), "MPLBACKEND": "agg"}
        self._out = km
        try:
            run_sync(km.start_kernel)(extra_arguments=[HISTORY], cwd=str(workdir), env=env)
        except BaseException:
            self.release(km)
            raise
        return km

    @staticmethod
    def crash_report(km: ForkedKernelManager) -> str:
        """The last line the kernel wrote to stderr (e.g. a segfault), if any."""
        log = Path(f"{km.workdir}.log")
        lines = log.read_text(errors="replace").strip().splitlines() if log.exists() else []
        return lines[-1][:200] if lines else ""

    @staticmethod
    def kill(km: ForkedKernelManager) -> None:
        """Kill the kernel and everything it started, now (no shutdown handshake)."""
        if km.provisioner.pid is not None:
            km.server.kill(km.provisioner.pid)

    def release(self, km: ForkedKernelManager) -> None:
        """Kill a kernel and remove every trace of it."""
        with contextlib.suppress(Exception):  # already dead: nothing to stop
            run_sync(km.shutdown_kernel)(now=True)
        with contextlib.suppress(Exception):
            run_sync(km.cleanup_resources)()
        for entry in self.root.iterdir():  # its folder, its log, and anything it put here
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
        self._out = None

    def close(self) -> None:
        if self._out is not None:
            self.release(self._out)
        self.server.close()
