"""A file that is not JSON at all."""
from hostile_kit import Expect

EXPECT = Expect("failed", "not valid JSON", zero=["*"])


def submission(reference):
    return b'{"cells": [ this is not json'
