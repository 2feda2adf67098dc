"""A segmentation fault through ctypes: the kernel crashes."""
from hostile_kit import Expect, after, with_code

EXPECT = Expect("flagged", "kernel died", zero=after("ex01_refactor"))


def submission(reference):
    return with_code(reference, "ex01_refactor", after="import ctypes\nctypes.string_at(0)")
