# problems() never looks for include cycles.
from dataclasses import dataclass

from lld_helpers.diagrams import Diagram, use_case_diagram

Pair = tuple[str, str]


@dataclass(frozen=True)
class UseCaseModel:
    system: str
    actors: tuple[str, ...]
    use_cases: tuple[str, ...]
    links: tuple[Pair, ...]
    includes: tuple[Pair, ...] = ()
    extends: tuple[Pair, ...] = ()
    traces: tuple[Pair, ...] = ()

    def problems(self) -> list[str]:
        """What is wrong with the model: sorted, distinct, [] when it is sound."""
        found = self._unknown_names()
        linked = {actor for actor, _ in self.links}
        found |= {f"idle actor: {actor}" for actor in self.actors if actor not in linked}
        found |= {f"unreachable: {name}" for name in set(self.use_cases) - self._reachable()}
        traced = {use_case for _, use_case in self.traces}
        found |= {f"untraced: {name}" for name in self.use_cases if name not in traced}
        return sorted(found)

    def diagram(self) -> Diagram:
        return use_case_diagram(self.actors, self.use_cases, self.links, self.includes,
                                self.extends, system=self.system)

    def _unknown_names(self) -> set[str]:
        named = [use_case for _, use_case in self.links + self.traces]
        named += [name for pair in self.includes + self.extends for name in pair]
        found = {f"unknown use case: {name}" for name in named if name not in self.use_cases}
        found |= {f"unknown actor: {actor}" for actor, _ in self.links
                  if actor not in self.actors}
        return found

    def _reachable(self) -> set[str]:
        reached = {use_case for actor, use_case in self.links if actor in self.actors}
        grew = True
        while grew:
            more = {included for base, included in self.includes if base in reached}
            more |= {extension for extension, base in self.extends if base in reached}
            grew = not more <= reached
            reached |= more
        return reached

    def _on_cycle(self, start: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            current = todo.pop()
            for base, included in self.includes:
                if base == current and included == start:
                    return True
                if base == current and included not in seen:
                    seen.add(included)
                    todo.append(included)
        return False


BOX_OFFICE = UseCaseModel(
    system="Box office",
    actors=("Customer", "Organiser", "Door scanner", "Payment provider"),
    use_cases=("Browse events", "Buy tickets", "Take payment", "Apply discount code",
               "Refund ticket", "Publish event", "Cancel event", "Scan ticket"),
    links=(("Customer", "Browse events"), ("Customer", "Buy tickets"),
           ("Payment provider", "Take payment"), ("Customer", "Refund ticket"),
           ("Payment provider", "Refund ticket"), ("Organiser", "Publish event"),
           ("Organiser", "Cancel event"), ("Door scanner", "Scan ticket")),
    includes=(("Buy tickets", "Take payment"), ("Cancel event", "Refund ticket")),
    extends=(("Apply discount code", "Buy tickets"),),
    traces=(("R1", "Browse events"), ("R2", "Buy tickets"), ("R2", "Take payment"),
            ("R3", "Apply discount code"), ("R3", "Buy tickets"), ("R4", "Refund ticket"),
            ("R5", "Publish event"), ("R6", "Cancel event"), ("R6", "Refund ticket"),
            ("R7", "Scan ticket")),
)
