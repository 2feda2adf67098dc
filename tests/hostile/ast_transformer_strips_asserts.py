"""An IPython AST transformer that turns every assert into pass (full marks on plain nbgrader)."""
from hostile_kit import Expect, with_code

EXPECT = Expect("flagged", "tampered", zero=["*"])

CHEAT = '''
import ast as _ast


class _NoAsserts(_ast.NodeTransformer):
    def visit_Assert(self, node):
        return _ast.Pass()

    def visit_Raise(self, node):
        return _ast.Pass()


get_ipython().ast_transformers.append(_NoAsserts())
'''


def submission(reference):
    broken = with_code(reference, "ex01_bank_account", after=CHEAT)
    # with asserts gone, a wrong answer would pass too
    for cell in broken.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "ex01_dry":
            cell.source = cell.source.replace("return", "return None and")
    return broken
