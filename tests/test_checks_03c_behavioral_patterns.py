"""lld_helpers.checks.string_literals: the strings a piece of code spells out."""

from __future__ import annotations

import sys
import types

import pytest

from lld_helpers.checks import string_literals


class Switches:
    """A docstring that mentions draft is not a literal."""

    def publish(self, status: str) -> str:
        """Neither is this one: open."""
        if status == "draft":
            return f"published {status} as open"
        return {"merged": "done"}.get(status, "")


class Forwards:
    def publish(self, state: object) -> object:
        return state


def helper() -> str:
    return "closed"


def test_finds_comparisons_keys_values_and_fstring_parts():
    assert string_literals(Switches) == {"draft", "published ", " as open", "merged", "done", ""}


def test_leaves_out_docstrings():
    found = string_literals(Switches)
    assert not any("docstring" in text or "Neither" in text for text in found)


def test_code_without_strings_gives_an_empty_set():
    assert string_literals(Forwards) == set()


def test_several_objects_are_merged():
    assert string_literals(Forwards, helper) == {"closed"}
    assert string_literals() == set()


def test_works_on_a_function_and_on_a_module():
    assert string_literals(helper) == {"closed"}
    this_module = sys.modules[__name__]
    found = string_literals(this_module)
    assert {"closed", "draft", "merged"} <= found
    assert this_module.__doc__ not in found, "the module's docstring is left out"


def test_an_object_without_source_raises_type_error():
    with pytest.raises(TypeError):
        string_literals(len)
    with pytest.raises(TypeError):
        string_literals(types.ModuleType("made_at_run_time"))
