# restore() adopts the snapshot's own dict: later edits change the snapshot, and a second restore
# is wrong.
import copy
from collections.abc import Mapping


class DraftSnapshot:
    """A sealed envelope: only the draft that made it can open it."""

    __slots__ = ("_owner", "_fields")

    def __init__(self, owner: object, fields: dict[str, object]) -> None:
        self._owner = owner
        self._fields = fields


class FormDraft:
    """The originator: keeps its own copies of every value, in and out."""

    def __init__(self, fields: Mapping[str, object] | None = None) -> None:
        self._fields: dict[str, object] = copy.deepcopy(dict(fields or {}))

    def get(self, name: str) -> object:
        return copy.deepcopy(self._fields[name])

    def set(self, name: str, value: object) -> None:
        self._fields[name] = copy.deepcopy(value)

    def append(self, name: str, item: object) -> None:
        values = self._fields.setdefault(name, [])
        if not isinstance(values, list):
            raise TypeError(f"{name} holds a {type(values).__name__}, not a list")
        values.append(copy.deepcopy(item))

    def values(self) -> dict[str, object]:
        return copy.deepcopy(self._fields)

    def save(self) -> DraftSnapshot:
        return DraftSnapshot(self, copy.deepcopy(self._fields))

    def restore(self, snapshot: DraftSnapshot) -> None:
        if not isinstance(snapshot, DraftSnapshot):
            raise TypeError(f"expected a DraftSnapshot, not {type(snapshot).__name__}")
        if snapshot._owner is not self:
            raise ValueError("this snapshot was saved by another draft")
        self._fields = snapshot._fields


class DraftHistory:
    """The caretaker: keeps the newest `limit` snapshots and never looks inside them."""

    def __init__(self, draft: FormDraft, limit: int = 10) -> None:
        if isinstance(limit, bool) or not isinstance(limit, int):
            raise TypeError(f"limit must be an int, not {type(limit).__name__}")
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        self._draft = draft
        self._limit = limit
        self._snapshots: list[DraftSnapshot] = []

    def checkpoint(self) -> None:
        self._snapshots.append(self._draft.save())
        del self._snapshots[:-self._limit]  # forget the oldest beyond the limit

    def undo(self) -> bool:
        if not self._snapshots:
            return False
        self._draft.restore(self._snapshots.pop())
        return True

    def __len__(self) -> int:
        return len(self._snapshots)
