# Reports a missing ')' at its '(' instead of at the token found where the ')' should be.
import operator
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    """Given: do not change."""

    kind: str  # NUMBER STRING WORD AND OR NOT OP LPAREN RPAREN END
    value: int | float | str
    position: int


class FilterSyntaxError(Exception):
    """A query that is not a sentence of the filter language. Given: do not change."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at position {position})")
        self.message = message
        self.position = position


class FilterFieldError(FilterSyntaxError):
    """A well-formed condition that does not fit its field. Given: do not change."""


CATALOG_FIELDS = {"name": "text", "brand": "text", "category": "text", "price": "number",
                  "rating": "number", "stock": "number", "tags": "tags"}

_TOKEN = re.compile(r"""
    (?P<SPACE>[ \t\r\n]+)
  | (?P<NUMBER>[0-9]+(?:\.[0-9]+)?)
  | (?P<STRING>"[^"]*"|'[^']*')
  | (?P<WORD>[A-Za-z_][A-Za-z0-9_-]*)
  | (?P<OP><=|>=|!=|<|>|=|:)
  | (?P<LPAREN>\()
  | (?P<RPAREN>\))
""", re.VERBOSE)
_KEYWORDS = ("AND", "OR", "NOT")
_VALUE_KINDS = ("NUMBER", "STRING", "WORD")
_OPERATORS = {"number": {"<", "<=", ">", ">=", "=", "!="}, "text": {"=", "!=", ":"},
              "tags": {":"}}
_VALUES = {"number": {"NUMBER"}, "text": {"STRING", "WORD"}, "tags": {"STRING", "WORD"}}
_COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
            "=": operator.eq, "!=": operator.ne}


def tokenize(text: str) -> list[Token]:
    tokens, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            what = "unterminated string" if text[position] in "\"'" else "unexpected character"
            raise FilterSyntaxError(f"{what} {text[position]!r}", position)
        if match.lastgroup != "SPACE":
            tokens.append(_make_token(match.lastgroup, match.group(), position))
        position = match.end()
    return [*tokens, Token("END", "", len(text))]


def _make_token(kind: str, raw: str, position: int) -> Token:
    if kind == "NUMBER":
        return Token(kind, float(raw) if "." in raw else int(raw), position)
    if kind == "STRING":
        return Token(kind, raw[1:-1], position)
    if kind == "WORD" and raw.upper() in _KEYWORDS:
        return Token(raw.upper(), raw.upper(), position)
    return Token(kind, raw, position)


class FilterNode(ABC):
    @abstractmethod
    def evaluate(self, product: Mapping[str, object]) -> bool:
        """Does the product match?"""


def _folded(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value


@dataclass(frozen=True)
class Comparison(FilterNode):
    field: str
    op: str
    value: int | float | str

    def evaluate(self, product: Mapping[str, object]) -> bool:
        actual = product.get(self.field)
        if actual is None:
            return False
        if self.op != ":":
            return bool(_COMPARE[self.op](_folded(actual), _folded(self.value)))
        wanted = str(self.value).casefold()
        if isinstance(actual, str):
            return wanted in actual.casefold()
        return any(_folded(tag) == wanted for tag in actual)


@dataclass(frozen=True)
class And(FilterNode):
    left: FilterNode
    right: FilterNode

    def evaluate(self, product: Mapping[str, object]) -> bool:
        return self.left.evaluate(product) and self.right.evaluate(product)


@dataclass(frozen=True)
class Or(FilterNode):
    left: FilterNode
    right: FilterNode

    def evaluate(self, product: Mapping[str, object]) -> bool:
        return self.left.evaluate(product) or self.right.evaluate(product)


@dataclass(frozen=True)
class Not(FilterNode):
    operand: FilterNode

    def evaluate(self, product: Mapping[str, object]) -> bool:
        return not self.operand.evaluate(product)


def _describe(token: Token) -> str:
    return "the end of the query" if token.kind == "END" else repr(str(token.value))


class _Parser:
    """Recursive descent: one method per grammar rule."""

    def __init__(self, text: str, fields: Mapping[str, str]) -> None:
        self._tokens = tokenize(text)
        self._index = 0
        self._fields = fields

    def parse(self) -> FilterNode:
        tree = self._or_expr()
        self._expect("END", "AND, OR or the end of the query")
        return tree

    def _peek(self) -> Token:
        return self._tokens[self._index]

    def _take(self) -> Token:
        self._index += 1
        return self._tokens[self._index - 1]

    def _expect(self, kind: str, wanted: str) -> Token:
        token = self._peek()
        if token.kind != kind:
            raise FilterSyntaxError(f"expected {wanted}, found {_describe(token)}", token.position)
        return self._take()

    def _or_expr(self) -> FilterNode:
        tree = self._and_expr()
        while self._peek().kind == "OR":
            self._take()
            tree = Or(tree, self._and_expr())
        return tree

    def _and_expr(self) -> FilterNode:
        tree = self._not_expr()
        while self._peek().kind == "AND":
            self._take()
            tree = And(tree, self._not_expr())
        return tree

    def _not_expr(self) -> FilterNode:
        if self._peek().kind == "NOT":
            self._take()
            return Not(self._not_expr())
        return self._primary()

    def _primary(self) -> FilterNode:
        if self._peek().kind != "LPAREN":
            return self._condition()
        opening = self._take()
        tree = self._or_expr()
        if self._peek().kind != "RPAREN":
            raise FilterSyntaxError("unclosed '('", opening.position)
        self._take()
        return tree

    def _condition(self) -> Comparison:
        field = self._expect("WORD", "a condition, '(' or NOT")
        kind = self._fields.get(field.value)
        if kind is None:
            raise FilterFieldError(f"unknown field {field.value!r}", field.position)
        op = self._expect("OP", "an operator")
        if op.value not in _OPERATORS[kind]:
            raise FilterFieldError(f"{op.value!r} does not apply to the {kind} field "
                                   f"{field.value!r}", op.position)
        value = self._peek()
        if value.kind not in _VALUE_KINDS:
            raise FilterSyntaxError(f"expected a value, found {_describe(value)}", value.position)
        if value.kind not in _VALUES[kind]:
            raise FilterFieldError(f"the {kind} field {field.value!r} cannot take "
                                   f"{_describe(value)}", value.position)
        return Comparison(field.value, op.value, self._take().value)


def parse(text: str, fields: Mapping[str, str] = CATALOG_FIELDS) -> FilterNode:
    return _Parser(text, fields).parse()


def search(products: Iterable[Mapping[str, object]], query: str,
           fields: Mapping[str, str] = CATALOG_FIELDS) -> list:
    tree = parse(query, fields)
    return [product for product in products if tree.evaluate(product)]
