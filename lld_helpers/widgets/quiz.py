"""Self-check quizzes: single and multiple choice, an explanation per option, a running score.

Never graded and never stored: answers live in the widgets until the kernel stops.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape

import ipywidgets as widgets

from lld_helpers.widgets.display import RIGHT, WRONG, Interactive, inline_markdown

PROSE = 'style="line-height:1.45"'  # widgets' HTML is spaced for one line of controls


@dataclass
class Question:
    """One question: `options` maps each option's text to the explanation shown once the
    learner checks. `correct` is one option (single choice) or a set of them (multiple
    choice, ticked with checkboxes); `multiple` overrides that guess.

        Question("Which class owns its shelves?", {
            "Library": "It creates them in __init__: composition.",
            "Shelf": "A shelf only holds books it was given."}, correct="Library")
    """

    prompt: str
    options: Mapping[str, str]
    correct: str | Iterable[str]
    multiple: bool | None = None

    def __post_init__(self) -> None:
        name = f"question {self.prompt[:60]!r}" if isinstance(self.prompt, str) else "a question"
        if not (isinstance(self.prompt, str) and self.prompt.strip()):
            raise ValueError(f"{name}: the prompt must be non-empty text")
        if not isinstance(self.options, Mapping) or len(self.options) < 2:
            raise ValueError(f"{name}: options must be a dict of at least two "
                             "{option: explanation}")
        if not all(isinstance(k, str) and k and isinstance(v, str)
                   for k, v in self.options.items()):
            raise ValueError(f"{name}: options and their explanations must be text")
        self.options = dict(self.options)
        single = isinstance(self.correct, str)
        self.correct = frozenset([self.correct] if single else self.correct)
        if self.multiple is None:
            self.multiple = not single
        missing = sorted(self.correct - self.options.keys())
        if missing or not self.correct:
            raise ValueError(f"{name}: the correct options {missing or '(none)'} must be among "
                             f"its options {list(self.options)}")
        if not self.multiple and len(self.correct) > 1:
            raise ValueError(f"{name}: a single-choice question has one correct option, "
                             f"not {sorted(self.correct)}")


class QuestionView:
    """The widgets of one question: the options, a Check button, the feedback."""

    def __init__(self, number: int, question: Question) -> None:
        self.question = question
        tick = " <i>(tick all that apply)</i>" if question.multiple else ""
        prompt = widgets.HTML(f"<div {PROSE}><b>{number}.</b> "
                              f"{inline_markdown(question.prompt)}{tick}</div>")
        wide = {"width": "auto"}
        self.boxes = [widgets.Checkbox(value=False, description=option, indent=False,
                                       layout=wide) for option in question.options
                      ] if question.multiple else []
        self.radio = None if question.multiple else widgets.RadioButtons(
            options=list(question.options), value=None, layout=wide)
        self.button = widgets.Button(description="Check", icon="check")
        self.feedback = widgets.HTML()
        for control in self.boxes or [self.radio]:  # a changed answer hides stale feedback
            control.observe(lambda _: setattr(self.feedback, "value", ""), names="value")
        selector = self.radio or widgets.VBox(self.boxes)
        self.widget = widgets.VBox([prompt, selector, self.button, self.feedback],
                                   layout={"margin": "0 0 1em 0"})

    def chosen(self) -> frozenset[str]:
        if self.radio is None:
            return frozenset(box.description for box in self.boxes if box.value)
        return frozenset() if self.radio.value is None else frozenset([self.radio.value])

    def choose(self, options: Iterable[str]) -> None:
        options = set(options)
        unknown = options - self.question.options.keys()
        if unknown or (not self.question.multiple and len(options) > 1):
            raise ValueError(f"cannot choose {sorted(options)} in {self.question.prompt[:60]!r}")
        if self.radio is None:
            for box in self.boxes:
                box.value = box.description in options
        else:
            self.radio.value = next(iter(options), None)

    def check(self) -> bool | None:
        """Show the feedback; whether the answer is right (None when nothing is chosen)."""
        chosen = self.chosen()
        if not chosen:
            self.feedback.value = "<i>Choose an answer first.</i>"
            return None
        right = chosen == self.question.correct
        lines = [f'<b style="color:{RIGHT if right else WRONG}">'
                 f"{'Right.' if right else 'Not quite.'}</b>"]
        for option, why in self.question.options.items():
            good = option in self.question.correct
            mark = f'<span style="color:{RIGHT if good else WRONG}">{"✔" if good else "✘"}</span>'
            yours = " <i>(your choice)</i>" if option in chosen else ""
            lines.append(f"{mark} <b>{escape(option)}</b>{yours}: {inline_markdown(why)}")
        self.feedback.value = f"<div {PROSE}>" + "<br>".join(lines) + "</div>"
        return right


class Quiz(Interactive):
    """A self-check: questions with immediate feedback and a running score, never graded.

        Quiz([
            Question("2 + 2?", {"4": "Yes.", "5": "Off by one."}, correct="4"),
            Question("Even numbers?", {"2": "Yes.", "3": "Odd.", "4": "Yes."},
                     correct={"2", "4"}),
        ], title="Warm-up")
    """

    def __init__(self, questions: Iterable[Question], title: str | None = None) -> None:
        self.questions = list(questions)
        if not self.questions:
            raise ValueError("a quiz needs at least one question")
        for index, question in enumerate(self.questions, 1):
            if not isinstance(question, Question):
                raise TypeError(f"question {index} is {question!r}, not a Question")
        self.title = title
        self.views = [QuestionView(n, q) for n, q in enumerate(self.questions, 1)]
        self._results: dict[int, bool] = {}  # question index -> right at its last check
        self.scoreboard = widgets.HTML()
        for index, view in enumerate(self.views):
            view.button.on_click(lambda _, index=index: self.check(index))
        heading = [widgets.HTML(f"<h3>{escape(title)}</h3>")] if title else []
        super().__init__(widgets.VBox([*heading, *(v.widget for v in self.views),
                                       self.scoreboard]))
        self.widget.add_class("lld-quiz")
        self._show_score()

    @property
    def score(self) -> tuple[int, int]:
        """(questions right at their last check, questions)."""
        return sum(self._results.values()), len(self.questions)

    def answer(self, index: int, *options: str) -> None:
        """Choose `options` for question `index` (from 0), as clicks would."""
        self.views[index].choose(options)

    def check(self, index: int) -> bool | None:
        """Check question `index` (from 0), as its button does; whether it is right."""
        right = self.views[index].check()
        if right is not None:
            self._results[index] = right
            self._show_score()
        return right

    def static_html(self) -> str:
        plain = "style='list-style:none;padding-left:1em'"
        items = []
        for q in self.questions:
            mark = "☐" if q.multiple else "○"
            options = "".join(f"<li>{mark} {escape(option)}</li>" for option in q.options)
            answers = "".join(
                f"<li>{'✔' if option in q.correct else '✘'} <b>{escape(option)}</b>: "
                f"{inline_markdown(why)}</li>" for option, why in q.options.items())
            items.append(f"<li>{inline_markdown(q.prompt)}<ul {plain}>{options}</ul><details>"
                         f"<summary>Answer</summary><ul {plain}>{answers}</ul></details></li>")
        heading = f"<h3>{escape(self.title)}</h3>" if self.title else ""
        return f"<div>{heading}<ol>{''.join(items)}</ol></div>"

    def __repr__(self) -> str:
        right, total = self.score
        return f"<Quiz{f' {self.title!r}' if self.title else ''}: {right} of {total} right>"

    def _show_score(self) -> None:
        right, total = self.score
        self.scoreboard.value = (f"<b>Score:</b> {right} of {total} right "
                                 f"({len(self._results)} checked). Not graded, not stored.")
