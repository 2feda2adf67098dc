"""A fork bomb: the process limit stops it, the batch goes on."""
from hostile_kit import Expect, with_code

EXPECT = Expect("flagged", "os.fork", zero=["ex01_dry"])


def submission(reference):
    return with_code(reference, "ex01_dry", after=(
        "import os\nchildren = 0\nwhile True:\n    if os.fork() == 0:\n"
        "        while True:\n            pass\n    children += 1"))
