"""Interactive widgets for the course (ipywidgets 8, no custom JavaScript).

Each shows its live view where a widget front end runs, and a static picture of what it
shows (diagram, plot or questions) in nbconvert, nbval and HTML exports.
"""

from lld_helpers.widgets.diagram_explorer import DiagramExplorer
from lld_helpers.widgets.quiz import Question, Quiz
from lld_helpers.widgets.sequence_player import SequencePlayer
from lld_helpers.widgets.state_explorer import StateMachineExplorer, Step
from lld_helpers.widgets.timeline import Timeline

__all__ = ["DiagramExplorer", "Question", "Quiz", "SequencePlayer", "StateMachineExplorer",
           "Step", "Timeline"]
