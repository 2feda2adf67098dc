# Approvals live in a list on the ApprovedState class: every pull request, and every approval
# round, shares it.
class IllegalTransition(Exception):
    """An action the pull request's current state does not allow. Given: do not change."""

    def __init__(self, status: str, action: str) -> None:
        super().__init__(f"cannot {action} a pull request that is {status}")
        self.status = status
        self.action = action


class ReviewState:
    """Every action is illegal unless a state allows it."""

    name = "?"
    approvals: tuple[str, ...] = ()
    can_merge = False

    def mark_ready(self, pr: "PullRequest") -> None:
        raise IllegalTransition(self.name, "mark_ready")

    def approve(self, pr: "PullRequest", reviewer: str) -> None:
        raise IllegalTransition(self.name, "approve")

    def push(self, pr: "PullRequest") -> None:
        raise IllegalTransition(self.name, "push")

    def merge(self, pr: "PullRequest") -> None:
        raise IllegalTransition(self.name, "merge")

    def close(self, pr: "PullRequest") -> None:
        raise IllegalTransition(self.name, "close")

    def reopen(self, pr: "PullRequest") -> None:
        raise IllegalTransition(self.name, "reopen")


class DraftState(ReviewState):
    name = "draft"

    def mark_ready(self, pr: "PullRequest") -> None:
        pr.transition_to(OpenState())

    def push(self, pr: "PullRequest") -> None:
        pass  # commits are welcome in a draft

    def close(self, pr: "PullRequest") -> None:
        pr.transition_to(ClosedState())


class OpenState(ReviewState):
    name = "open"

    def approve(self, pr: "PullRequest", reviewer: str) -> None:
        pr.transition_to(ApprovedState((reviewer,)))

    def push(self, pr: "PullRequest") -> None:
        pass

    def close(self, pr: "PullRequest") -> None:
        pr.transition_to(ClosedState())


class ApprovedState(ReviewState):
    name = "approved"
    can_merge = True

    _approved_by: list[str] = []

    def __init__(self, approvals: tuple[str, ...]) -> None:
        for reviewer in approvals:
            if reviewer not in self._approved_by:
                self._approved_by.append(reviewer)

    @property
    def approvals(self) -> tuple[str, ...]:
        return tuple(self._approved_by)

    def approve(self, pr: "PullRequest", reviewer: str) -> None:
        if reviewer not in self._approved_by:
            self._approved_by.append(reviewer)

    def push(self, pr: "PullRequest") -> None:
        pr.transition_to(OpenState())  # a new commit dismisses the approvals

    def merge(self, pr: "PullRequest") -> None:
        pr.transition_to(MergedState())

    def close(self, pr: "PullRequest") -> None:
        pr.transition_to(ClosedState())


class MergedState(ReviewState):
    name = "merged"


class ClosedState(ReviewState):
    name = "closed"

    def reopen(self, pr: "PullRequest") -> None:
        pr.transition_to(OpenState())


class PullRequest:
    """The context: it forwards every action to its state and decides nothing itself."""

    def __init__(self, title: str) -> None:
        self._title = title
        self._state: ReviewState = DraftState()
        self._commits: list[str] = []

    @property
    def title(self) -> str:
        return self._title

    @property
    def state(self) -> ReviewState:
        return self._state

    @property
    def status(self) -> str:
        return self._state.name

    @property
    def approvals(self) -> tuple[str, ...]:
        return self._state.approvals

    @property
    def can_merge(self) -> bool:
        return self._state.can_merge

    @property
    def commits(self) -> tuple[str, ...]:
        return tuple(self._commits)

    def transition_to(self, state: ReviewState) -> None:
        self._state = state

    def mark_ready(self) -> None:
        self._state.mark_ready(self)

    def approve(self, reviewer: str) -> None:
        self._state.approve(self, reviewer)

    def push(self, commit: str) -> None:
        self._state.push(self)  # raises when the state refuses: the commit is not recorded
        self._commits.append(commit)

    def merge(self) -> None:
        self._state.merge(self)

    def close(self) -> None:
        self._state.close(self)

    def reopen(self) -> None:
        self._state.reopen(self)
