"""Patching the helpers the hidden tests use, so structure checks always pass."""
from hostile_kit import Expect, with_code

EXPECT = Expect("flagged", "changes checks.max_function_length of an imported module")

CHEAT = '''
from lld_helpers import checks
checks.max_function_length = lambda *objects: 1
checks.max_complexity = lambda *objects: 1
'''


def submission(reference):
    return with_code(reference, "ex01_refactor", after=CHEAT)
