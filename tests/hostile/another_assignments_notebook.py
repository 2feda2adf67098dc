"""The notebook of another assignment handed in by mistake."""
from hostile_kit import Expect
from submissions import ROOT, release

EXPECT = Expect("failed", "not a notebook of 01_fundamentals", zero=["*"])


def submission(reference):
    return release(ROOT, "00_start_here")
