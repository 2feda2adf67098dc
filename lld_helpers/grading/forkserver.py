"""A kernel fork server: Python, ipykernel and the notebook's imports loaded once, kernels forked.

Starting a kernel from scratch costs about a second of CPU (the interpreter,
IPython, ipykernel, then the notebook's own imports); a fork of a process that
has all of that loaded costs a few milliseconds. The grader starts one server
per worker, inside the sandbox (see `kernels`):

    python -P -m lld_helpers.grading.forkserver [--sandboxed] [--memory-mb N] ...
        [--preload MODULE ...]

It answers one JSON line on stdout for each JSON line on stdin:

    {"op": "spawn", "workdir": W, "connection_file": F, "log": L, "env": {...},
     "uid": U, "argv": [...]}                      -> {"pid": P}
    {"op": "poll", "pid": P}                       -> {"returncode": null or an int}
    {"op": "signal", "pid": P, "signum": S}        -> {}
    {"op": "kill", "pid": P}                       -> {"returncode": an int}

A kernel gets a session, working directory, environment and limits of its own
(as root, its own user). `kill` ends it and everything it left running; with
`--sandboxed` (a PID namespace and a /tmp of the server's own, from bubblewrap)
that is every other process in the sandbox, and /tmp is emptied, so the next
kernel finds no trace of the last.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import shutil
import signal
import sys
import time
import traceback
from typing import Any, TextIO

from lld_helpers.grading.jail import apply_limits

TMP = "/tmp"


def _mount_points() -> set[str]:
    with open("/proc/self/mountinfo", encoding="utf-8") as mounts:
        return {line.split()[4].replace("\\040", " ") for line in mounts}


def empty_folder(folder: str, keep: set[str]) -> None:
    """Remove everything in `folder` except the paths in `keep` and the folders leading to them."""
    for entry in os.scandir(folder):
        if entry.path in keep:
            continue
        if any(path.startswith(entry.path + "/") for path in keep):
            empty_folder(entry.path, keep)
        elif entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


class ForkServer:
    """Forks kernels on request, reports on them, and kills them with all they left behind."""

    def __init__(self, limits: dict[str, int], sandboxed: bool, requests: TextIO,
                 channel: TextIO) -> None:
        self.limits, self.sandboxed = limits, sandboxed
        self.requests, self.channel = requests, channel
        self.finished: dict[int, int] = {}
        self.users: dict[int, int | None] = {}

    def spawn(self, request: dict[str, Any]) -> dict[str, Any]:
        pid = os.fork()
        if pid == 0:
            self._become_kernel(request)  # never returns
        self.users[pid] = request.get("uid")
        return {"pid": pid}

    def _become_kernel(self, request: dict[str, Any]) -> None:
        status = 1
        try:
            os.setsid()
            self.requests.close()
            self.channel.close()
            null = os.open(os.devnull, os.O_RDWR)
            log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            for fd, target in ((0, null), (1, null), (2, log)):
                os.dup2(target, fd)
            os.chdir(request["workdir"])
            os.environ.clear()
            os.environ.update(request["env"])
            signal.signal(signal.SIGINT, signal.default_int_handler)
            apply_limits(**self.limits, uid=request.get("uid"))
            from ipykernel.kernelapp import IPKernelApp

            IPKernelApp.launch_instance(argv=["-f", request["connection_file"],
                                              *request.get("argv", [])])
            status = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(status)

    def poll(self, pid: int) -> int | None:
        if pid not in self.finished:
            try:
                done, status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done, status = pid, 0
            if done == 0:
                return None
            self.finished[pid] = os.waitstatus_to_exitcode(status)
        return self.finished[pid]

    def signal(self, pid: int, signum: int) -> dict[str, Any]:
        if self.poll(pid) is None:  # not reaped yet, so the PID is still this kernel's
            with contextlib.suppress(OSError):
                os.killpg(pid, signum)
        return {}

    def kill(self, pid: int) -> dict[str, Any]:
        if self.poll(pid) is None:
            self.signal(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                self.finished[pid] = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        # Until none is left (a fork bomb forks on; the killed linger until reaped), for 2 s
        uid, deadline = self.users.pop(pid, None), time.monotonic() + 2
        while (leftovers := self._leftovers(uid)) and time.monotonic() < deadline:
            for other in leftovers:
                with contextlib.suppress(OSError):
                    os.kill(other, signal.SIGKILL)
            time.sleep(0.005)
        if self.sandboxed:
            empty_folder(TMP, _mount_points())
        return {"returncode": self.finished.get(pid, -signal.SIGKILL)}

    def _leftovers(self, uid: int | None) -> list[int]:
        """Processes a kernel may have left behind (daemons escape its process group)."""
        if not self.sandboxed and uid is None:
            return []  # sharing the user and the PID space of the grader: nothing to tell apart
        found = []
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit() or int(entry.name) in (1, os.getpid()):
                continue
            with contextlib.suppress(OSError):
                if self.sandboxed or os.stat(entry.path).st_uid == uid:
                    found.append(int(entry.name))
        return found

    def serve(self) -> None:
        for line in self.requests:
            request = json.loads(line)
            op, pid = request["op"], request.get("pid")
            try:
                if op == "spawn":
                    reply = self.spawn(request)
                elif op == "poll":
                    reply = {"returncode": self.poll(pid)}
                elif op == "signal":
                    reply = self.signal(pid, request["signum"])
                elif op == "kill":
                    reply = self.kill(pid)
                else:
                    reply = {"error": f"unknown op {op!r}"}
            except OSError as error:
                reply = {"error": f"{op}: {error}"}
            self.channel.write(json.dumps(reply) + "\n")
            self.channel.flush()
        for pid in list(self.users):  # the grader has gone: so do its kernels
            self.kill(pid)


def preload(modules: list[str]) -> None:
    """Import the kernel and `modules` now, so that every fork starts with them loaded."""
    for name in ["ipykernel.kernelapp", "ipykernel.debugger", *modules]:
        try:
            importlib.import_module(name)
        except Exception as error:  # the kernel will meet (and report) the same error itself
            print(f"forkserver: cannot preload {name}: {error}", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m lld_helpers.grading.forkserver")
    parser.add_argument("--memory-mb", type=int, default=2048)
    parser.add_argument("--cpu-seconds", type=int, default=300)
    parser.add_argument("--processes", type=int, default=32)
    parser.add_argument("--file-mb", type=int, default=64)
    parser.add_argument("--sandboxed", action="store_true",
                        help="the server has a PID namespace and a /tmp of its own")
    parser.add_argument("--preload", nargs="*", default=[], metavar="MODULE")
    args = parser.parse_args(argv)
    # The protocol gets stdin and stdout to itself: whatever a module prints goes to stderr.
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(2, 1)
    preload(args.preload)
    limits = {"memory_mb": args.memory_mb, "cpu_seconds": args.cpu_seconds,
              "processes": args.processes, "file_mb": args.file_mb}
    channel.write(json.dumps({"ready": True}) + "\n")
    channel.flush()
    ForkServer(limits, args.sandboxed, requests, channel).serve()


if __name__ == "__main__":
    sys.exit(main())
