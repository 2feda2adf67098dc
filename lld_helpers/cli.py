"""The `lld-course` command."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lld_helpers.grading import batch
from lld_helpers.grading.build import build, stale
from lld_helpers.grading.config import CourseError, check_assignment, find_root
from lld_helpers.grading.leaks import find_leaks
from lld_helpers.grading.notebooks import NotebookError
from lld_helpers.grading.sandbox import GradingError
from lld_helpers.grading.selfgrade import grade


def _build(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    selection = args.assignments or None
    if args.check:
        problems = stale(root, selection)
        for line in problems:
            print(f"course/{line}")
        if problems:
            print("course/ is out of date: run `make course` (or `lld-course build`) "
                  "and commit the result.", file=sys.stderr)
    else:
        problems = []
        changed = build(root, selection)
        print("\n".join(f"course/{name}: rebuilt" for name in changed)
              or "course/ is up to date")
    leaks = find_leaks(root)
    for leak in leaks:
        print(f"leak: {leak}")
    if leaks:
        print(f"{len(leaks)} line(s) of solutions or hidden tests are visible to learners.",
              file=sys.stderr)
    return 1 if problems or leaks else 0


def _grade(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    reports = [grade(root, path) for path in args.notebooks]
    if args.json:
        print(json.dumps([report.as_dict() for report in reports], indent=2))
    else:
        print("\n\n".join(report.table() for report in reports))
    return 0


def _shard(text: str) -> tuple[int, int]:
    try:
        index, count = (int(part) for part in text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not i/n, e.g. 1/2") from None
    return index, count


def _autograde(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    check_assignment(root, args.assignment)
    out = args.out or Path("graded") / args.assignment
    options = batch.Options(args.assignment, out, args.workers, args.db, args.timeout,
                            args.feedback, args.shard)
    jobs = batch.jobs(args.submissions, options)
    progress = batch.Progress(len(jobs))
    results = batch.run(root, jobs, options, progress.update)
    print(batch.summary(results))
    print(f"grades: {out / 'grades.csv'}; gradebook: {options.gradebook}"
          + (f"; feedback: {out / 'feedback'}" if args.feedback else ""))
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="lld-course", description="Build, check and grade the LLD course.")
    main.add_argument("--root", type=Path, default=None,
                      help="the course repository (default: found from the current folder)")
    commands = main.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser(
        "build", help="regenerate course/ from solutions/ with nbgrader, then check for leaks")
    build_cmd.add_argument("assignments", nargs="*", metavar="ASSIGNMENT",
                           help="assignment ids, e.g. 01_fundamentals (default: all)")
    build_cmd.add_argument("--check", action="store_true",
                           help="change nothing; exit 1 and name each stale notebook")
    build_cmd.set_defaults(run=_build)
    grade_cmd = commands.add_parser(
        "grade", help="grade your own notebook against the hidden tests (your file is not changed)")
    grade_cmd.add_argument("notebooks", nargs="+", type=Path, metavar="NOTEBOOK")
    grade_cmd.add_argument("--json", action="store_true", help="print the results as JSON")
    grade_cmd.set_defaults(run=_grade)
    auto = commands.add_parser(
        "autograde", help="grade a class's submissions in parallel into a gradebook")
    auto.add_argument("submissions", type=Path, metavar="SUBMISSIONS",
                      help="nbgrader's submitted/<student>/<assignment>/ folder, or a flat "
                      "folder of <student>.ipynb files")
    auto.add_argument("--assignment", required=True, help="e.g. 01_fundamentals")
    auto.add_argument("--workers", type=int, default=batch.default_workers(),
                      help="grading processes (default: the number of cores)")
    auto.add_argument("--db", default=None, metavar="URL", help="gradebook URL: sqlite:///"
                      "path or postgresql://... (default: OUT/gradebook.db)")
    auto.add_argument("--timeout", type=int, default=10, help="seconds per cell (default 10)")
    auto.add_argument("--feedback", action="store_true", help="write feedback HTML per student")
    auto.add_argument("--shard", type=_shard, default=(1, 1), metavar="i/n",
                      help="grade every n-th student starting at i (several machines)")
    auto.add_argument("--out", type=Path, default=None,
                      help="where grades.csv, autograded/ and feedback/ go "
                      "(default: graded/ASSIGNMENT)")
    auto.set_defaults(run=_autograde)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (CourseError, NotebookError, GradingError) as error:
        print(f"lld-course: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
