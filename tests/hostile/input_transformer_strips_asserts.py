"""An IPython input transformer that rewrites the text of every later cell."""
from hostile_kit import Expect, with_code

EXPECT = Expect("flagged", "tampered", zero=["*"])

CHEAT = '''
def _no_asserts(lines):
    return [line.replace("assert ", "pass  # ").replace("raise ", "pass  # ") for line in lines]


get_ipython().input_transformers_post.append(_no_asserts)
'''


def submission(reference):
    return with_code(reference, "ex01_shapes", after=CHEAT)
