"""Bytes that are not UTF-8 (e.g. a Latin-1 file or a binary)."""
from hostile_kit import Expect

EXPECT = Expect("failed", "not UTF-8", zero=["*"])


def submission(reference):
    return b'{"cells": ["\xff\xfe caf\xe9"]}'
