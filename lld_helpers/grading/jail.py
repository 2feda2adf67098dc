"""Start a grading kernel under resource limits, as an unprivileged user when we are root.

Used as a command prefix by the grader:

    python -m lld_helpers.grading.jail --memory-mb 2048 --cpu-seconds 120 -- python -m ...

It sets the limits, gives up root (to `nobody`) so that the process limit holds,
starts a new session so the whole process group can be killed, then replaces
itself with the command.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import sys

NOBODY = 65534
MEGABYTE = 1024 * 1024


def _limit(which: int, value: int) -> None:
    hard = resource.getrlimit(which)[1]
    capped = value if hard == resource.RLIM_INFINITY else min(value, hard)
    resource.setrlimit(which, (capped, capped))


def apply_limits(memory_mb: int, cpu_seconds: int, processes: int, file_mb: int,
                 uid: int = NOBODY) -> None:
    """Cap address space, CPU time, file size and processes; as root, become `uid` first.

    The process limit counts every process of a user, so each kernel gets a user of
    its own: one kernel's fork bomb cannot starve another's threads.
    """
    _limit(resource.RLIMIT_AS, memory_mb * MEGABYTE)
    _limit(resource.RLIMIT_CPU, cpu_seconds)
    _limit(resource.RLIMIT_FSIZE, file_mb * MEGABYTE)
    _limit(resource.RLIMIT_CORE, 0)
    if os.getuid() == 0:
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(uid)
    # A process limit counts every process of the user, so leave room for what runs now.
    _limit(resource.RLIMIT_NPROC, _processes_of_this_user() + processes)


def _processes_of_this_user() -> int:
    uid = os.getuid()
    count = 0
    for entry in os.scandir("/proc") if os.path.isdir("/proc") else ():
        if entry.name.isdigit():
            try:
                count += os.stat(entry.path).st_uid == uid
            except OSError:
                continue
    return count


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m lld_helpers.grading.jail")
    parser.add_argument("--memory-mb", type=int, default=2048)
    parser.add_argument("--cpu-seconds", type=int, default=300)
    parser.add_argument("--processes", type=int, default=32)
    parser.add_argument("--file-mb", type=int, default=64)
    parser.add_argument("--uid", type=int, default=NOBODY, help="the user to become, as root")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command to run after --")
    with contextlib.suppress(OSError):  # already a session leader (bwrap --new-session)
        os.setsid()
    apply_limits(args.memory_mb, args.cpu_seconds, args.processes, args.file_mb, args.uid)
    # In a PID namespace the kernel's parent is PID 1, which ipykernel takes for "my parent
    # died". The grader ends the kernel itself (and bwrap dies with the grader).
    os.environ.pop("JPY_PARENT_PID", None)
    os.execvp(command[0], command)


if __name__ == "__main__":
    sys.exit(main())
