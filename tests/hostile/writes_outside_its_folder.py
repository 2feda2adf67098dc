"""Writing files outside its own folder: the system is read-only, /tmp is private."""
from hostile_kit import Expect, with_code

EXPECT = Expect("flagged", "opens files")

CHEAT = '''
for target in ("/tmp/lld-hostile-was-here", "../lld-hostile-was-here"):
    try:
        with open(target, "w") as handle:
            handle.write("pwned")
    except OSError:
        pass
'''


def submission(reference):
    return with_code(reference, "ex01_shapes", after=CHEAT)
