# Ranks by score only: equal scores keep the order they came in, not impact then id.
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

# quality -> (the unit it needs, the smallest and largest target (exclusive), needs a load)
QUALITY_RULES: dict[str, tuple[str, float, float, bool]] = {
    "latency": ("ms", 0, math.inf, True),
    "availability": ("%", 0, 100, False),
    "throughput": ("requests/s", 0, math.inf, False),
    "error_rate": ("%", 0, 100, True),
}
SCENARIO_WORDS = re.compile(r"\bgiven\b.*\bwhen\b.*\bthen\b", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class UserStory:
    id: str
    role: str
    goal: str
    benefit: str
    acceptance: tuple[str, ...] = ()
    impact: int = 3
    feasibility: int = 3


@dataclass(frozen=True)
class QualityTarget:
    id: str
    quality: str
    target: object
    unit: str
    percentile: object = None
    load_rps: object = None
    impact: int = 3
    feasibility: int = 3


Requirement = UserStory | QualityTarget


def _is_number(value: object) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value))


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_score(value: object) -> bool:
    return type(value) is int and 1 <= value <= 5


def _is_scenario(criterion: object) -> bool:
    return isinstance(criterion, str) and SCENARIO_WORDS.search(criterion) is not None


def _story_faults(story: UserStory) -> dict[str, str]:
    faults = {name: "must not be blank" for name in ("role", "goal", "benefit")
              if not _is_text(getattr(story, name))}
    if not story.acceptance or not all(map(_is_scenario, story.acceptance)):
        faults["acceptance"] = "needs criteria with given, when and then, in that order"
    return faults


def _between(value: object, low: float, high: float) -> bool:
    return _is_number(value) and low < value < high


def _target_faults(target: QualityTarget) -> dict[str, str]:
    faults = {}
    if not _is_number(target.target):
        faults["target"] = f"{target.target!r} is not a number"
    rules = QUALITY_RULES.get(target.quality)
    if rules is None:
        faults["quality"] = f"{target.quality!r} is not one of {sorted(QUALITY_RULES)}"
        return faults
    unit, low, high, needs_load = rules
    if "target" not in faults and not _between(target.target, low, high):
        faults["target"] = f"{target.target!r} is not between {low} and {high} (exclusive)"
    if target.unit != unit:
        faults["unit"] = f"{target.quality} is measured in {unit!r}, not {target.unit!r}"
    if target.quality == "latency" and not _between(target.percentile, 0, 100):
        faults["percentile"] = "latency needs a percentile between 0 and 100, such as 99"
    if needs_load and not _between(target.load_rps, 0, math.inf):
        faults["load_rps"] = f"{target.quality} needs the load (requests/s) it holds at"
    return faults


def problems(requirement: Requirement) -> list[str]:
    """Why `requirement` cannot be tested yet: one "field: reason" per faulty field."""
    if isinstance(requirement, UserStory):
        faults = _story_faults(requirement)
    elif isinstance(requirement, QualityTarget):
        faults = _target_faults(requirement)
    else:
        raise TypeError(f"not a requirement: {type(requirement).__name__}")
    if not _is_text(requirement.id):
        faults["id"] = "must not be blank"
    for name in ("impact", "feasibility"):
        if not _is_score(getattr(requirement, name)):
            faults[name] = "must be an int from 1 to 5"
    order = list(type(requirement).__dataclass_fields__)
    return [f"{name}: {faults[name]}" for name in sorted(faults, key=order.index)]


def untestable(requirements: Iterable[Requirement]) -> dict[str, list[str]]:
    found = {}
    for requirement in requirements:
        if faults := problems(requirement):
            found[requirement.id] = faults
    return found


def _rank(requirement: Requirement) -> tuple[int, int, str]:
    return (-requirement.impact * requirement.feasibility, 0, "")


def prioritise(requirements: Iterable[Requirement]) -> list[str]:
    """Ids, best first: by impact x feasibility, then impact, then id."""
    items = list(requirements)
    if faulty := untestable(items):
        raise ValueError(f"fix these requirements first: {', '.join(faulty)}")
    ids = [item.id for item in items]
    if duplicates := sorted({i for i in ids if ids.count(i) > 1}):
        raise ValueError(f"duplicate ids: {', '.join(duplicates)}")
    return [item.id for item in sorted(items, key=_rank)]
