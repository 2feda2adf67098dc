"""Grade a class's submissions in parallel: long-lived workers, one gradebook, CSV and feedback.

The parent sets up one temporary nbgrader course (the assignment generated into
the gradebook), then `workers` processes each import nbgrader once, keep a kernel
booting ahead of need, and grade submissions as they come. Results stream back
for the progress line; the CSV has nbgrader's export columns plus a status.
"""

from __future__ import annotations

import csv
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.util import Finalize
from pathlib import Path

import nbformat

from lld_helpers.grading.config import CourseError, check_assignment
from lld_helpers.grading.engine import FAILED, FLAGGED, Grader, harden
from lld_helpers.grading.feedback import write_feedback
from lld_helpers.grading.kernels import NO_BWRAP_WARNING, bwrap_works, check_kernel_user
from lld_helpers.grading.sandbox import SandboxCourse, sandbox_course

CSV_COLUMNS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name",
               "email", "raw_score", "late_submission_penalty", "score", "max_score",
               "status", "reasons"]


@dataclass(frozen=True)
class Options:
    assignment: str
    out: Path
    workers: int = 1
    db_url: str | None = None
    timeout: int = 10
    feedback: bool = False
    shard: tuple[int, int] = (1, 1)
    memory_mb: int = 2048

    @property
    def gradebook(self) -> str:
        return self.db_url or f"sqlite:///{(self.out / 'gradebook.db').resolve()}"

    def jail_args(self) -> list[str]:
        return ["--memory-mb", str(self.memory_mb), "--cpu-seconds", str(self.timeout * 60)]


def discover(folder: Path, assignment: str) -> list[tuple[str, Path]]:
    """(student, file) pairs from nbgrader's `<student>/<assignment>/*.ipynb` layout
    (with or without a leading `submitted/`) or a flat folder of `<student>.ipynb`."""
    if not folder.is_dir():
        raise CourseError(f"{folder} is not a folder of submissions")
    base = folder / "submitted" if (folder / "submitted").is_dir() else folder
    nested = sorted(base.glob(f"*/{assignment}/*.ipynb"))
    if nested:
        found = {}
        for path in nested:  # one notebook per student: the assignment's own, else the first
            student = path.parent.parent.name
            if student not in found or path.stem == assignment:
                found[student] = path
        return sorted(found.items())
    flat = sorted((path.stem, path) for path in folder.glob("*.ipynb"))
    if not flat:
        raise CourseError(f"no submissions in {folder}: expected <student>/{assignment}/"
                          f"{assignment}.ipynb (nbgrader's layout) or <student>.ipynb files")
    return flat


def shard_of(items: list, shard: tuple[int, int]) -> list:
    index, count = shard
    if not 1 <= index <= count:
        raise CourseError(f"--shard {index}/{count}: the index must be between 1 and {count}")
    return items[index - 1::count]


def jobs(submissions: Path, options: Options) -> list[tuple[str, Path]]:
    """The (student, file) pairs this run grades: the submissions of its shard."""
    return shard_of(discover(submissions, options.assignment), options.shard)


# --- worker processes ----------------------------------------------------------------------

_grader: Grader | None = None
_options: Options | None = None


def _start_worker(course_path: str, config: dict, options: Options) -> None:
    global _grader, _options
    from traitlets.config import Config

    course = SandboxCourse(Path(course_path), Config(config), options.assignment)
    harden(course.config, options.timeout)
    _grader, _options = Grader(course, options.jail_args()), options
    Finalize(_grader, _grader.close, exitpriority=10)


def _grade(job: tuple[str, str]) -> dict:
    student, path = job
    assert _grader is not None and _options is not None
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        outcome = _grader.fail(student, [f"cannot read {path}: {error.strerror}"])
    else:
        outcome = _grader.grade(student, data, Path(path).name)
    if outcome.autograded is not None:
        target = _options.out / "autograded" / f"{student}.ipynb"
        nbformat.write(outcome.autograded, target)
        if _options.feedback:
            write_feedback(outcome, _grader, _options.out / "feedback" / f"{student}.html")
    return {"student": student, "status": outcome.status, "score": outcome.score,
            "max_score": sum(s.max_score for s in outcome.scores),
            "reasons": outcome.reasons}


# --- the parent ----------------------------------------------------------------------------

class Progress:
    """A one-line progress bar on stderr (plain lines when stderr is not a terminal)."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.failed, self.flagged = total, 0, 0, 0
        self.start = time.monotonic()
        self.tty = sys.stderr.isatty()

    def update(self, result: dict) -> None:
        self.done += 1
        self.failed += result["status"] == FAILED
        self.flagged += result["status"] == FLAGGED
        elapsed = time.monotonic() - self.start
        eta = elapsed / self.done * (self.total - self.done)
        bar = "#" * (24 * self.done // max(self.total, 1))
        line = (f"[{bar:<24}] {self.done}/{self.total} graded, {self.failed} failed, "
                f"{self.flagged} flagged, {elapsed:.0f}s elapsed, ~{eta:.0f}s left")
        if self.tty:
            print(f"\r{line}", end="" if self.done < self.total else "\n", file=sys.stderr)
        elif self.done == self.total or self.done % max(1, self.total // 10) == 0:
            print(line, file=sys.stderr)


def run(root: Path, jobs: list[tuple[str, Path]], options: Options,
        on_result: Callable[[dict], None] | None = None) -> list[dict]:
    """Grade each (student, file) of `jobs` into the gradebook; write CSV and feedback."""
    check_assignment(root, options.assignment)
    for folder in ("autograded", "feedback") if options.feedback else ("autograded",):
        (options.out / folder).mkdir(parents=True, exist_ok=True)
    if not bwrap_works():
        print(f"warning: {NO_BWRAP_WARNING}", file=sys.stderr)
    check_kernel_user()  # before the workers start: each would fail on it
    with sandbox_course(root, options.assignment, options.gradebook) as course:
        course.path.chmod(0o700)
        config = {k: dict(v) for k, v in course.config.items()}
        results = []
        context = multiprocessing.get_context("spawn")
        with context.Pool(max(1, options.workers), _start_worker,
                          (str(course.path), config, options)) as pool:
            for result in pool.imap_unordered(_grade, [(s, str(p)) for s, p in jobs]):
                results.append(result)
                if on_result:
                    on_result(result)
            pool.close()
            pool.join()
    results.sort(key=lambda r: r["student"])
    _write_csv(options, results)
    return results


def _write_csv(options: Options, results: Iterable[dict]) -> None:
    """nbgrader's export columns for this shard's students, plus status and reasons."""
    from nbgrader.api import Gradebook, MissingEntry

    path = options.out / "grades.csv"
    with Gradebook(options.gradebook) as gradebook, path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, CSV_COLUMNS)
        writer.writeheader()
        assignment = gradebook.find_assignment(options.assignment)
        for result in results:
            row = {"assignment": assignment.name, "duedate": assignment.duedate or "",
                   "student_id": result["student"], "max_score": assignment.max_score,
                   "status": result["status"], "reasons": " | ".join(result["reasons"])}
            try:
                submission = gradebook.find_submission(options.assignment, result["student"])
                student = gradebook.find_student(result["student"])
            except MissingEntry:
                continue
            penalty = submission.late_submission_penalty or 0.0
            row |= {"timestamp": submission.timestamp or "", "last_name": student.last_name or "",
                    "first_name": student.first_name or "", "email": student.email or "",
                    "raw_score": submission.score, "late_submission_penalty": penalty,
                    "score": max(0.0, submission.score - penalty)}
            writer.writerow(row)


def summary(results: list[dict]) -> str:
    """A table of every student's status and score, flagged and failed ones explained."""
    width = max([len(r["student"]) for r in results] + [7])
    lines = [f"{'student':<{width}}  {'score':>6}  {'max':>5}  status"]
    for r in results:
        lines.append(f"{r['student']:<{width}}  {r['score']:>6g}  {r['max_score']:>5g}  "
                     f"{r['status']}" + (f": {r['reasons'][0]}" if r["reasons"] else ""))
        lines += [f"{'':<{width}}  {'':>6}  {'':>5}    also: {reason}"
                  for reason in r["reasons"][1:]]
    counts = {s: sum(r["status"] == s for r in results) for s in ("graded", FLAGGED, FAILED)}
    lines.append(", ".join(f"{n} {s}" for s, n in counts.items()))
    return "\n".join(lines)


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
