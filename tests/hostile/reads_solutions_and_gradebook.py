"""Looking for the hidden tests and the gradebook on disk: nothing is there to find."""
from hostile_kit import Expect, with_code

EXPECT = Expect("flagged", "opens files")

CHEAT = '''
import glob
found = glob.glob("/work/**/solutions/**/*.ipynb", recursive=True)
found += glob.glob("/tmp/lld-course-*/**", recursive=True) + glob.glob("/**/gradebook.db")
for path in found:
    print(open(path).read()[:100])
'''


def submission(reference):
    return with_code(reference, "ex01_bank_account", after=CHEAT)
