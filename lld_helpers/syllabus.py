"""The course's notebooks, their prerequisites, and a map drawn with Graphviz."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from lld_helpers.diagrams import Diagram
from lld_helpers.diagrams.dot import to_dot


@dataclass(frozen=True)
class Notebook:
    id: str
    title: str
    roadmap: str
    requires: tuple[str, ...] = ()
    written: bool = False


_CASE_STUDY_PREREQUISITES = ("03a_creational_patterns", "03b_structural_patterns",
                             "03c_behavioral_patterns", "04_design_thinking")

NOTEBOOKS: tuple[Notebook, ...] = (
    Notebook("00_start_here", "Start here", "-", (), written=True),
    Notebook("01_fundamentals", "OOP and clean code", "1", ("00_start_here",), written=True),
    Notebook("02_design_principles", "SOLID, KISS, YAGNI, DRY", "2", ("01_fundamentals",),
             written=True),
    Notebook("03a_creational_patterns", "Creational patterns", "3.1", ("02_design_principles",),
             written=True),
    Notebook("03b_structural_patterns", "Structural patterns", "3.2", ("02_design_principles",),
             written=True),
    Notebook("03c_behavioral_patterns", "Behavioral patterns", "3.3", ("02_design_principles",),
             written=True),
    Notebook("04_design_thinking", "Requirements, UML, design process", "4",
             ("02_design_principles",), written=True),
    Notebook("05a_ecommerce_payments", "Marketplace, Splitwise, payments, delivery", "5.1",
             _CASE_STUDY_PREREQUISITES),
    Notebook("05b_gaming_realtime", "Chess, snakes and ladders, elevator, traffic", "5.2",
             _CASE_STUDY_PREREQUISITES),
    Notebook("05c_social_platforms", "Professional network, chat, forum", "5.3",
             _CASE_STUDY_PREREQUISITES),
    Notebook("05d_transportation", "Parking, car rental, ride hailing, airline", "5.4",
             _CASE_STUDY_PREREQUISITES),
    Notebook("05e_utilities", "Notify-me, logging, calendar, rate limiter", "5.5",
             _CASE_STUDY_PREREQUISITES),
    Notebook("06_architectural_styles", "Clean, hexagonal, DDD, events, layers", "6",
             ("04_design_thinking",)),
    Notebook("07_distributed_systems", "Microservices, events, consensus", "7",
             ("06_architectural_styles",)),
    Notebook("08_concurrency_performance", "Threads, locks, caching, queries", "8",
             ("02_design_principles",)),
    Notebook("09_security_resilience", "Auth, secure coding, circuit breakers", "9",
             ("06_architectural_styles", "08_concurrency_performance")),
    Notebook("10_testing_quality", "Unit, integration, TDD, code review", "10",
             ("02_design_principles",)),
    Notebook("11_tools_techniques", "Diagrams as code, DI, metrics, logging", "11",
             ("04_design_thinking",)),
    Notebook("12_interview_preparation", "Mock interviews and capstones", "12",
             ("05a_ecommerce_payments", "05b_gaming_realtime", "05c_social_platforms",
              "05d_transportation", "05e_utilities", "10_testing_quality")),
)


@dataclass(frozen=True)
class CourseMap:
    """The model of the course map: notebooks and which come first."""

    notebooks: tuple[Notebook, ...]
    title: str | None = "Course map"


@to_dot.register
def _(model: CourseMap) -> str:
    lines = ["digraph course {",
             '  graph [rankdir=LR concentrate=true nodesep=0.25 ranksep=0.5 '
             'fontname="Helvetica,Arial,sans-serif"'
             + (f' label="{model.title}" labelloc=t' if model.title else "") + "];",
             '  node [shape=box style="rounded,filled" fontname="Helvetica,Arial,sans-serif" '
             "fontsize=10];",
             "  edge [color=gray40 arrowsize=0.7];"]
    for nb in model.notebooks:
        status = "" if nb.written else "<br/><i>coming soon</i>"
        colors = ('fillcolor="#dbeafe" color="#1d4ed8"' if nb.written
                  else 'fillcolor="#f3f4f6" color="#9ca3af" fontcolor="#6b7280" style="rounded,'
                  'filled,dashed"')
        link = f' URL="../{nb.id}/{nb.id}.ipynb" target="_top"' if nb.written else ""
        label = f"<<b>{escape(nb.id)}</b><br/>{escape(nb.title)}{status}>"
        lines.append(f'  "{nb.id}" [label={label} {colors}{link}];')
    for nb in model.notebooks:
        lines += [f'  "{required}" -> "{nb.id}";' for required in nb.requires]
    return "\n".join([*lines, "}"]) + "\n"


def course_map() -> Diagram:
    """Every notebook of the course and its prerequisites; unwritten ones marked as coming."""
    return Diagram(CourseMap(NOTEBOOKS))
