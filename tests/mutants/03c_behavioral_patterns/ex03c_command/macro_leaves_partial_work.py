# A macro whose third step fails keeps the first two: it does not undo what already ran.
from abc import ABC, abstractmethod


class EditCommand(ABC):
    @abstractmethod
    def execute(self) -> None:
        """Carry out the edit."""

    @abstractmethod
    def undo(self) -> None:
        """Reverse the edit that execute() made."""


class InsertText(EditCommand):
    def __init__(self, document: Document, position: int, text: str) -> None:
        self.document = document
        self.position = position
        self.text = text

    def execute(self) -> None:
        self.document.insert(self.position, self.text)

    def undo(self) -> None:
        self.document.delete(self.position, len(self.text))


class DeleteText(EditCommand):
    def __init__(self, document: Document, position: int, length: int) -> None:
        self.document = document
        self.position = position
        self.length = length
        self._removed = ""

    def execute(self) -> None:
        self._removed = self.document.delete(self.position, self.length)  # captured now

    def undo(self) -> None:
        self.document.insert(self.position, self._removed)


class MacroCommand(EditCommand):
    """Several commands as one: all of them happen, or none."""

    def __init__(self, *commands: EditCommand) -> None:
        self._commands = commands

    def execute(self) -> None:
        for command in self._commands:
            command.execute()

    def undo(self) -> None:
        for command in reversed(self._commands):
            command.undo()


class Editor:
    """The invoker: runs commands and keeps the undo and redo histories."""

    def __init__(self) -> None:
        self._undo: list[EditCommand] = []
        self._redo: list[EditCommand] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def execute(self, command: EditCommand) -> None:
        command.execute()  # if it raises, nothing below runs: nothing is recorded
        self._undo.append(command)
        self._redo.clear()

    def undo(self) -> bool:
        if not self._undo:
            return False
        command = self._undo.pop()
        command.undo()
        self._redo.append(command)
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        command = self._redo.pop()
        command.execute()
        self._undo.append(command)
        return True
