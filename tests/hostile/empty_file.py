"""An empty file."""
from hostile_kit import Expect

EXPECT = Expect("failed", "is empty", zero=["*"])


def submission(reference):
    return b""
