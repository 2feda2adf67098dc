"""The `lld-course` command."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lld_helpers.grading.build import build, stale
from lld_helpers.grading.config import CourseError, find_root
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
