# MinLength uses <= : a password of exactly the minimum length is refused.
from collections.abc import Iterable
from typing import Protocol


class PasswordRule(Protocol):
    def problem(self, password: str) -> str | None:
        """What is wrong with `password` by this rule, or None when it complies."""
        ...


class MinLength:
    def __init__(self, characters: int) -> None:
        if characters < 1:
            raise ValueError(f"a minimum length is at least 1, not {characters}")
        self.characters = characters

    def problem(self, password: str) -> str | None:
        if len(password) <= self.characters:
            return f"use at least {self.characters} characters"
        return None


class HasDigit:
    def problem(self, password: str) -> str | None:
        return None if any(character.isdigit() for character in password) else "add a digit"


class HasSymbol:
    def problem(self, password: str) -> str | None:
        symbols = (c for c in password if not c.isalnum() and not c.isspace())
        return None if any(symbols) else "add a symbol"


class NotCommon:
    def __init__(self, passwords: Iterable[str]) -> None:
        self._common = frozenset(word.lower() for word in passwords)

    def problem(self, password: str) -> str | None:
        if password.lower() in self._common:
            return "choose a less common password"
        return None


class PasswordPolicy:
    """Applies whatever rules it is given; a new rule never changes this class."""

    def __init__(self, rules: Iterable[PasswordRule]) -> None:
        self._rules = tuple(rules)

    def problems(self, password: str) -> list[str]:
        if not isinstance(password, str):
            raise TypeError("a password is a str")
        found = (rule.problem(password) for rule in self._rules)
        return [message for message in found if message is not None]

    def accepts(self, password: str) -> bool:
        return not self.problems(password)


DEFAULT_POLICY = PasswordPolicy(
    [MinLength(12), HasDigit(), HasSymbol(), NotCommon(COMMON_PASSWORDS)])
