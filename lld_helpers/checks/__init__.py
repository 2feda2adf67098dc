"""Helpers that tests use: an injectable clock, a thread hammer, structure checks."""

from lld_helpers.checks.behavioral_patterns import string_literals
from lld_helpers.checks.clock import FakeClock
from lld_helpers.checks.concurrency import hammer
from lld_helpers.checks.design_principles import stubbed_methods
from lld_helpers.checks.structure import (
    depends_on,
    function_lengths,
    implements,
    is_abstract,
    max_complexity,
    max_function_length,
)

__all__ = [
    "FakeClock",
    "depends_on",
    "function_lengths",
    "hammer",
    "implements",
    "is_abstract",
    "max_complexity",
    "max_function_length",
    "string_literals",
    "stubbed_methods",
]
