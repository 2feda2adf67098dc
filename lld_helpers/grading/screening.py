"""Read answer code before it runs, outside any kernel, for what a design answer never needs.

Nothing here changes a score by itself: each finding flags the submission for a
person to review, with the cell and line. What is looked for: reaching into the
grader (IPython's shell and its hooks, tracing, builtins, loaded modules),
ending or escaping the process, touching files, the network or subprocesses,
and running code built from strings.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

_CALLS = {
    "get_ipython": "reaches into IPython, which runs the tests",
    "exec": "runs code built from a string", "eval": "runs code built from a string",
    "compile": "compiles code at run time", "__import__": "imports by computed name",
    "exit": "ends the process", "quit": "ends the process",
    "open": "opens files", "breakpoint": "starts a debugger",
    "globals": "rewrites global names", "setattr": "sets attributes by computed name",
    "delattr": "deletes attributes by computed name",
}
_MODULES = {
    "IPython": "reaches into IPython, which runs the tests",
    "builtins": "changes Python's built-ins", "ctypes": "calls native code",
    "subprocess": "starts programs", "socket": "uses the network",
    "signal": "handles signals", "multiprocessing": "starts processes",
    "importlib": "imports by computed name", "inspect": "inspects the caller's frames",
    "gc": "walks every live object", "shutil": "changes files", "pathlib": "touches files",
    "tempfile": "touches files", "urllib": "uses the network", "http": "uses the network",
    "pickle": "runs code hidden in data", "marshal": "loads code objects",
    "atexit": "runs code when the kernel ends", "threading": None, "os": None, "sys": None,
}
_ATTRIBUTES = {
    ("sys", "exit"): "ends the process", ("os", "_exit"): "ends the process",
    ("os", "kill"): "sends signals", ("os", "fork"): "starts processes",
    ("os", "system"): "starts programs", ("os", "popen"): "starts programs",
    ("os", "remove"): "deletes files", ("os", "unlink"): "deletes files",
    ("os", "chdir"): "changes directory", ("os", "environ"): "changes the environment",
    ("sys", "settrace"): "installs a tracer", ("sys", "setprofile"): "installs a profiler",
    ("threading", "settrace"): "installs a tracer", ("sys", "modules"): "changes loaded modules",
    ("sys", "excepthook"): "replaces error reporting", ("sys", "stdout"): "replaces output",
    ("sys", "stderr"): "replaces output", ("sys", "meta_path"): "changes imports",
    ("sys", "path"): "changes imports", ("sys", "_getframe"): "inspects the caller's frames",
}
_DUNDERS = {"__builtins__", "__code__", "__globals__", "__subclasses__", "__closure__"}


@dataclass(frozen=True)
class Finding:
    cell: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.cell} line {self.line}: {self.what}"


class _Screen(ast.NodeVisitor):
    def __init__(self, cell: str) -> None:
        self.cell = cell
        self.findings: list[Finding] = []
        self.imported: dict[str, str] = {}  # local name -> module it came from

    def flag(self, node: ast.AST, what: str) -> None:
        self.findings.append(Finding(self.cell, getattr(node, "lineno", 0), what))

    def _module(self, node: ast.AST, module: str) -> None:
        reason = _MODULES.get(module.split(".")[0])
        if reason:
            self.flag(node, f"imports {module}: {reason}")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._module(node, alias.name)
            self.imported[alias.asname or alias.name.split(".")[0]] = alias.name

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        self._module(node, module)
        for alias in node.names:
            self.imported[alias.asname or alias.name] = f"{module}.{alias.name}"
            reason = _ATTRIBUTES.get((module.split(".")[0], alias.name))
            if reason:
                self.flag(node, f"imports {module}.{alias.name}: {reason}")

    def visit_Call(self, node: ast.Call) -> None:
        name = node.func.id if isinstance(node.func, ast.Name) else ""
        if name in _CALLS and not (name in ("setattr", "delattr") and _is_self(node.args)):
            self.flag(node, f"calls {name}(): {_CALLS[name]}")
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.value, ast.Name):
            module = self.imported.get(node.value.id, "").split(".")[0]
            reason = _ATTRIBUTES.get((module, node.attr))
            if reason:
                self.flag(node, f"uses {node.value.id}.{node.attr}: {reason}")
            elif isinstance(node.ctx, (ast.Store, ast.Del)) and node.value.id in self.imported:
                self.flag(node, f"changes {node.value.id}.{node.attr} of an imported module")
        if node.attr in _DUNDERS:
            self.flag(node, f"uses {node.attr}: reaches into the interpreter")
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in _DUNDERS:
            self.flag(node, f"uses {node.id}: reaches into the interpreter")

    def visit_Global(self, node: ast.Global) -> None:
        self.flag(node, f"declares global {', '.join(node.names)}: rewrites notebook names")


def _is_self(args: list[ast.expr]) -> bool:
    return bool(args) and isinstance(args[0], ast.Name) and args[0].id in ("self", "cls")


def screen(cell: str, source: str) -> list[Finding]:
    """What in an answer cell's source a reviewer should look at; a syntax error is one too."""
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    magics = len(lines) != len(source.splitlines())
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError as error:
        return [Finding(cell, error.lineno or 0, f"does not parse: {error.msg}")]
    visitor = _Screen(cell)
    visitor.visit(tree)
    if magics:
        visitor.flag(tree, "uses IPython magics or shell commands (% or !)")
    return visitor.findings
