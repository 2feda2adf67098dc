"""Resource limits for a grading kernel, and as root a user of its own to run as.

The fork server (see `forkserver`) applies them in each kernel it forks, before
any submitted code runs.
"""

from __future__ import annotations

import os
import resource

NOBODY = 65534
MEGABYTE = 1024 * 1024


def _limit(which: int, value: int) -> None:
    hard = resource.getrlimit(which)[1]
    capped = value if hard == resource.RLIM_INFINITY else min(value, hard)
    resource.setrlimit(which, (capped, capped))


def apply_limits(memory_mb: int, cpu_seconds: int, processes: int, file_mb: int,
                 uid: int | None = None) -> None:
    """Cap address space, CPU time, file size and processes; as root, become `uid` first.

    The process limit counts every process of a user, so each kernel gets a user of
    its own (`nobody` if none is given): one kernel's fork bomb cannot starve another's.
    """
    _limit(resource.RLIMIT_AS, memory_mb * MEGABYTE)
    _limit(resource.RLIMIT_CPU, cpu_seconds)
    _limit(resource.RLIMIT_FSIZE, file_mb * MEGABYTE)
    _limit(resource.RLIMIT_CORE, 0)
    if os.getuid() == 0:
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY if uid is None else uid)
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
