"""Layer diagrams: the imports between a package's layers, and those that break the rule.

The dependency rule: a layer may import only the layers below it. Imports are read
from the source with `ast`; the package's code is never imported or run.
"""

from __future__ import annotations

import ast
import itertools
import os
import textwrap
import types
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from lld_helpers.diagrams.common import digraph_head, mermaid_head, plantuml_head, quote
from lld_helpers.diagrams.diagram import Diagram
from lld_helpers.diagrams.dot import to_dot
from lld_helpers.diagrams.text import to_mermaid, to_plantuml

VIOLATION_COLOR = "#d62728"
_MODULES_SHOWN = 12


@dataclass(frozen=True, order=True)
class LayerViolation:
    """One import against the dependency rule: `file` line `line` imports `module`."""

    file: Path
    line: int
    module: str
    from_layer: str
    to_layer: str

    def __str__(self) -> str:
        return (f"{self.file}:{self.line}: imports {self.module} "
                f"({self.from_layer} -> {self.to_layer})")


@dataclass(frozen=True)
class Layer:
    name: str
    prefixes: tuple[str, ...]
    modules: tuple[str, ...]  # dotted names relative to the package


@dataclass(frozen=True)
class LayerDependency:
    source: str
    target: str
    count: int
    violation: bool


@dataclass
class LayerModel:
    package: str
    layers: list[Layer]
    dependencies: list[LayerDependency]
    violations: list[LayerViolation]
    title: str | None = None


@dataclass(frozen=True)
class _Import:
    file: Path
    line: int
    module: str  # absolute dotted name
    importer: str  # absolute dotted name of the importing module


def _package_folder(package: Any) -> tuple[Path, str]:
    """The folder and dotted name of a package given as a module or as a path."""
    if isinstance(package, types.ModuleType):
        if not hasattr(package, "__path__"):
            raise ValueError(f"{package.__name__} is a module, not a package: pass a package")
        return Path(next(iter(package.__path__))).resolve(), package.__name__
    if not isinstance(package, (str, os.PathLike)):
        raise TypeError(f"{package!r} is not a package module or a path to a package folder")
    folder = Path(package).resolve()
    if not (folder / "__init__.py").is_file():
        raise ValueError(f"{folder} is not a package folder (it has no __init__.py)")
    parts = [folder.name]
    while (folder.parents[len(parts) - 1] / "__init__.py").is_file():
        parts.insert(0, folder.parents[len(parts) - 1].name)
    return folder, ".".join(parts)


def _modules(folder: Path, name: str) -> dict[str, Path]:
    """Every module under the package folder by absolute dotted name, in a stable order."""
    found = {}
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(folder).with_suffix("").parts
        if any(part.startswith(".") or not part.isidentifier() for part in parts):
            continue
        parts = parts[:-1] if parts[-1] == "__init__" else parts
        found[".".join((name, *parts))] = path
    return found


def _targets(node: ast.Import | ast.ImportFrom, importer: str, is_package: bool,
             known: Mapping[str, Path]) -> list[str]:
    """The absolute modules an import statement names; `from m import x` names `m.x` if
    that is a module of the package, else `m`."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        parts = importer.split(".")[: None if is_package else -1]
        if node.level - 1 >= len(parts):
            return []
        base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
    candidates = [f"{base}.{alias.name}" for alias in node.names]
    return list(dict.fromkeys(c if c in known else base for c in candidates))


def _imports(known: Mapping[str, Path]) -> list[_Import]:
    found = []
    for module, path in known.items():
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        except (SyntaxError, UnicodeDecodeError) as error:
            raise ValueError(f"cannot read the imports of {path}: {error}") from None
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found += [_Import(path, node.lineno, target, module)
                          for target in _targets(node, module, is_package, known)]
    return found


def _layer_prefixes(layers: Any, folder: Path) -> dict[str, tuple[str, ...]]:
    """`{layer: relative dotted prefixes}` from a list of sub-package names or a mapping."""
    if isinstance(layers, Mapping):
        return {str(name): (prefixes,) if isinstance(prefixes, str) else tuple(prefixes)
                for name, prefixes in layers.items()}
    if isinstance(layers, str) or not isinstance(layers, Iterable):
        raise TypeError(f"layers must be a list of layer names, top to bottom, or a mapping "
                        f"{{layer: [module prefixes]}}, not {layers!r}")
    names = [str(name) for name in layers]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ValueError(f"layers {repeated} are listed more than once")
    existing = _children(folder)
    unknown = [name for name in names if name not in existing]
    if unknown:
        raise ValueError(f"unknown layers {unknown}: the package has no sub-package or module "
                         f"of that name; it has {existing}")
    return {name: (name,) for name in names}


def _children(folder: Path) -> list[str]:
    """The sub-packages and modules directly under a package folder."""
    return sorted(path.stem for path in folder.iterdir()
                  if (path / "__init__.py").is_file()
                  or (path.suffix == ".py" and path.stem != "__init__"))


def _layer_of(module: str, package: str, prefixes: Mapping[str, tuple[str, ...]]) -> str | None:
    """The layer of a module (absolute dotted name): the longest prefix it falls under."""
    relative = module.removeprefix(package + ".")
    if relative == module:
        return None
    matches = [(len(prefix), layer) for layer, own in prefixes.items() for prefix in own
               if relative == prefix or relative.startswith(prefix + ".")]
    return max(matches)[1] if matches else None


def _check_prefixes(prefixes: Mapping[str, tuple[str, ...]], relatives: list[str]) -> None:
    if not prefixes:
        raise ValueError("a layer diagram needs at least one layer")
    claimed: dict[str, str] = {}
    for layer, own in prefixes.items():
        for prefix in own:
            if prefix in claimed:
                raise ValueError(f"module prefix {prefix!r} is in both layers "
                                 f"{claimed[prefix]!r} and {layer!r}")
            claimed[prefix] = layer
            if not any(r == prefix or r.startswith(prefix + ".") for r in relatives):
                raise ValueError(f"layer {layer!r}: no module of the package is {prefix!r} "
                                 f"or under it; modules are {relatives}")


def build_layer_model(package: Any, layers: Any, title: str | None = None) -> LayerModel:
    """Read the imports of `package` and sort them into `layers` (top to bottom)."""
    folder, name = _package_folder(package)
    known = _modules(folder, name)
    relative = {module: module.removeprefix(name + ".") for module in known if module != name}
    prefixes = _layer_prefixes(layers, folder)
    _check_prefixes(prefixes, list(relative.values()))
    layer_of = {module: _layer_of(module, name, prefixes) for module in known}
    rank = {layer: index for index, layer in enumerate(prefixes)}
    counts: Counter[tuple[str, str]] = Counter()
    violations = []
    for record in _imports(known):
        source, target = layer_of[record.importer], _layer_of(record.module, name, prefixes)
        if source is None or target is None or source == target:
            continue
        counts[source, target] += 1
        if rank[target] < rank[source]:
            violations.append(LayerViolation(record.file, record.line, record.module, source,
                                             target))
    model_layers = [Layer(layer, prefixes[layer], tuple(sorted(
        rel for module, rel in relative.items() if layer_of[module] == layer))) for layer in rank]
    dependencies = [LayerDependency(s, t, counts[s, t], rank[t] < rank[s])
                    for s in rank for t in rank if counts[s, t]]
    return LayerModel(name, model_layers, dependencies, sorted(violations), title)


class LayerDiagram(Diagram):
    """A layer diagram; `.violations` lists the imports against the dependency rule."""

    model: LayerModel

    @property
    def violations(self) -> list[LayerViolation]:
        return self.model.violations


def layer_diagram(package: Any, layers: Any, title: str | None = None) -> LayerDiagram:
    """The layers of `package` (a package module or a path to its folder), stacked top-down.

    `layers` names the layers from top to bottom: sub-package or module names directly
    under the package, or `{layer: [dotted module prefixes relative to the package]}`.
    Each edge carries its number of imports; an edge where a layer imports a layer above
    it breaks the dependency rule and is drawn red and bold.
    """
    return LayerDiagram(build_layer_model(package, layers, title))


def _shown_modules(layer: Layer) -> list[str]:
    """The layer's modules, named inside a layer named after their package, without the
    packages that only hold them; at most a dozen."""
    modules = [module.removeprefix(layer.name + ".") for module in layer.modules
               if module != layer.name
               and not any(other.startswith(module + ".") for other in layer.modules)]
    more = len(modules) - _MODULES_SHOWN
    return modules[:_MODULES_SHOWN] + ([f"+{more} more"] if more > 0 else [])


def _layer_lines(layer: Layer) -> list[str]:
    return textwrap.wrap(", ".join(_shown_modules(layer)), 60)


def _layer_node(layer: Layer, width: float) -> str:
    rows = "".join(f'<tr><td><font point-size="8" color="#555555">{escape(line)}</font></td></tr>'
                   for line in _layer_lines(layer))
    label = (f'<<table border="0" cellspacing="0" cellpadding="1"><tr><td><b>'
             f"{escape(layer.name)}</b></td></tr>{rows}</table>>")
    return f"  {quote('layer:' + layer.name)} [label={label} width={width:.2f}];"


def _count(count: int) -> str:
    return f"{count} import{'s' if count != 1 else ''}"


def _dependency_edge(dependency: LayerDependency) -> str:
    """Every edge is written downwards so that the stack keeps its order; an upward
    import is drawn with `dir=back`, its arrowhead on the upper layer."""
    ends = [quote("layer:" + name) for name in (dependency.source, dependency.target)]
    attributes = f"label={quote(' ' + _count(dependency.count))}"
    if dependency.violation:
        ends.reverse()
        attributes += (f' dir=back arrowtail=vee color="{VIOLATION_COLOR}" '
                       f'fontcolor="{VIOLATION_COLOR}" penwidth=2.5')
    return f"  {ends[0]} -> {ends[1]} [{attributes}];"


@to_dot.register
def _(model: LayerModel) -> str:
    lines = digraph_head("layers", model.title, "rankdir=TB nodesep=0.5 ranksep=0.5",
                         "shape=box margin=\"0.2,0.08\"", "arrowhead=vee")
    longest = max(len(line) for layer in model.layers
                  for line in [layer.name, *_layer_lines(layer)])
    width = max(3.2, 0.065 * longest + 0.5)
    lines += [_layer_node(layer, width) for layer in model.layers]
    lines += [f"  {quote('layer:' + upper.name)} -> {quote('layer:' + lower.name)} "
              "[style=invis weight=10];" for upper, lower in itertools.pairwise(model.layers)]
    lines += [_dependency_edge(dependency) for dependency in model.dependencies]
    return "\n".join(lines + ["}"]) + "\n"


def _text_ids(model: LayerModel) -> dict[str, str]:
    return {layer.name: f"L{index}" for index, layer in enumerate(model.layers)}


@to_mermaid.register
def _(model: LayerModel) -> str:
    ids = _text_ids(model)
    lines = mermaid_head(model.title, "flowchart TB")
    lines += [f'  {ids[layer.name]}["<b>{layer.name}</b><br/>'
              f'{"<br/>".join(_layer_lines(layer))}"]' for layer in model.layers]
    stack = [f"  {ids[upper.name]} ~~~ {ids[lower.name]}"
             for upper, lower in itertools.pairwise(model.layers)]
    lines += stack
    for index, d in enumerate(model.dependencies, start=len(stack)):
        lines.append(f'  {ids[d.source]} -->|"{_count(d.count)}"| {ids[d.target]}')
        if d.violation:
            lines.append(f"  linkStyle {index} stroke:{VIOLATION_COLOR},stroke-width:3px,"
                         f"color:{VIOLATION_COLOR}")
    return "\n".join(lines) + "\n"


@to_plantuml.register
def _(model: LayerModel) -> str:
    ids = _text_ids(model)
    lines = plantuml_head(model.title)
    for layer in model.layers:
        lines.append(f'package "{layer.name}" as {ids[layer.name]} {{')
        lines += [f'  component "{module}" as {ids[layer.name]}_{index}'
                  for index, module in enumerate(_shown_modules(layer))]
        lines.append("}")
    lines += [f"{ids[upper.name]} -[hidden]-> {ids[lower.name]}"
              for upper, lower in itertools.pairwise(model.layers)]
    lines += [f"{ids[d.source]} "
              + (f"-[{VIOLATION_COLOR},bold]up->" if d.violation else "-down->")
              + f" {ids[d.target]} : {_count(d.count)}" for d in model.dependencies]
    return "\n".join(lines + ["@enduml"]) + "\n"
