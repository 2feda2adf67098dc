"""nbgrader's Execute, hardened: jailed kernels, bounded output, runaway cells stopped.

- The kernel comes from a `KernelPool`: its own directory, limits, sandbox.
- A cell that passes the time limit is interrupted; if the kernel does not come
  back within a grace period (a loop that swallows KeyboardInterrupt), it is
  killed, and every later cell is marked as not run.
- A kernel that dies (sys.exit in C, os._exit, a crash, the memory limit) marks
  its cell and every later cell; the notebook still goes on to be scored.
- Output beyond a budget is dropped (with a note); a flood kills the kernel.
"""

from __future__ import annotations

import contextlib
from typing import Any

from jupyter_core.utils import ensure_async
from nbclient.exceptions import DeadKernelError
from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from traitlets import Float, Integer

from lld_helpers.grading.kernels import KernelPool
from lld_helpers.grading.notebooks import GRADING, error_output


class GradingExecute(Execute):
    """Execute a submission in a kernel from `GradingExecute.pool` (set by the worker)."""

    pool: KernelPool | None = None
    grace = Float(2.0, help="seconds an interrupted cell gets to stop").tag(config=True)
    cell_output_limit = Integer(100_000, help="characters kept per cell").tag(config=True)
    flood_limit = Integer(20_000_000, help="characters after which the kernel is killed"
                          ).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict | None = None,
                   km: Any = None) -> tuple[NotebookNode, dict]:
        assert self.pool is not None, "GradingExecute.pool must be set by the worker"
        km = self.pool.take()
        self.stopped: str | None = None
        self._printed: dict[int, int] = {}
        resources = dict(resources or {})
        resources["metadata"] = {**resources.get("metadata", {}), "path": km.workdir}
        try:
            return super().preprocess(nb, resources, km=km)
        finally:
            if self.kc is not None:  # nbclient leaves the client to whoever owns the kernel
                self.kc.stop_channels()
                self.kc = None
            crash = self.pool.crash_report(km)
            if crash and self.stopped:
                self._note("stopped", f"the kernel said: {crash}")
            self.pool.release(km)

    def _note(self, key: str, message: str) -> None:
        """Record why execution went wrong where the grader will read it."""
        notes = self.nb.metadata.setdefault(GRADING, {}).setdefault(key, [])
        if message not in notes:
            notes.append(message)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int):
        if cell.cell_type != "code":
            return cell, resources
        if self.stopped:
            cell.outputs = [error_output("NotRun", f"not run: {self.stopped}")]
            return cell, resources
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self.stopped = self.stopped or f"the kernel died while running cell {index}"
            cell.outputs.append(error_output("KernelDied", self.stopped))
            self._note("stopped", self.stopped)
            return cell, resources

    async def _async_handle_timeout(self, timeout: int, cell: NotebookNode | None = None):
        await ensure_async(self.km.interrupt_kernel())
        with contextlib.suppress(Exception):  # the reply to the interrupted request, if it comes
            await ensure_async(self.kc.shell_channel.get_msg(timeout=self.grace))
            message = f"a cell ran past {timeout} s and was interrupted"
            self._note("timeouts", message)
            return {"content": {"status": "error", "ename": "CellTimeoutError",
                                "evalue": message, "traceback": []}}
        self.stopped = f"a cell ran past {timeout} s and did not stop when interrupted"
        self.pool.kill(self.km)
        raise DeadKernelError(self.stopped)

    def output(self, outs: list, msg: dict, display_id: str | None, cell_index: int):
        size = len(str(msg.get("content", "")))
        printed = self._printed.get(cell_index, 0) + size
        self._printed[cell_index] = printed
        if sum(self._printed.values()) > self.flood_limit and not self.stopped:
            self.stopped = f"cell {cell_index} printed more than {self.flood_limit:,} characters"
            self._note("stopped", self.stopped)
            self.pool.kill(self.km)
        if printed > self.cell_output_limit:
            if printed - size <= self.cell_output_limit:
                outs.append(new_output("stream", name="stdout",
                                       text="\n[output truncated by the grader]\n"))
            return None
        return super().output(outs, msg, display_id, cell_index)
