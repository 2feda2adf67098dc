# WordCounter walks the tree itself with isinstance instead of letting the nodes dispatch.
from abc import ABC, abstractmethod
from dataclasses import dataclass


class ContentNode(ABC):
    @abstractmethod
    def accept(self, visitor: "ContentVisitor") -> None:
        """Call the visitor's method for this node's type."""


@dataclass(frozen=True)
class Page(ContentNode):
    title: str
    children: tuple[ContentNode, ...] = ()

    def accept(self, visitor: "ContentVisitor") -> None:
        visitor.visit_page(self)


@dataclass(frozen=True)
class Heading(ContentNode):
    level: int
    text: str

    def accept(self, visitor: "ContentVisitor") -> None:
        visitor.visit_heading(self)


@dataclass(frozen=True)
class Paragraph(ContentNode):
    text: str

    def accept(self, visitor: "ContentVisitor") -> None:
        visitor.visit_paragraph(self)


@dataclass(frozen=True)
class Image(ContentNode):
    src: str
    alt: str = ""

    def accept(self, visitor: "ContentVisitor") -> None:
        visitor.visit_image(self)


@dataclass(frozen=True)
class Link(ContentNode):
    href: str
    text: str

    def accept(self, visitor: "ContentVisitor") -> None:
        visitor.visit_link(self)


class ContentVisitor:
    """Walks the whole tree; a subclass overrides the visits it needs."""

    def visit_page(self, page: Page) -> None:
        for child in page.children:
            child.accept(self)

    def visit_heading(self, heading: Heading) -> None:
        pass

    def visit_paragraph(self, paragraph: Paragraph) -> None:
        pass

    def visit_image(self, image: Image) -> None:
        pass

    def visit_link(self, link: Link) -> None:
        pass


class WordCounter(ContentVisitor):
    def __init__(self) -> None:
        self.words = 0

    def visit_page(self, page: Page) -> None:
        for child in page.children:
            if isinstance(child, Page):
                self.visit_page(child)
            elif isinstance(child, (Heading, Paragraph, Link)):
                self.words += len(child.text.split())


VAGUE_LINK_TEXTS = frozenset({"click here", "here", "read more", "more"})


class AccessibilityAudit(ContentVisitor):
    def __init__(self) -> None:
        self.problems: list[str] = []
        self._previous_level = 1

    def visit_page(self, page: Page) -> None:
        outer_level, self._previous_level = self._previous_level, 1  # the title is the h1
        super().visit_page(page)
        self._previous_level = outer_level

    def visit_heading(self, heading: Heading) -> None:
        if heading.level > self._previous_level + 1:
            self.problems.append(f"heading {heading.text!r} jumps from "
                                 f"h{self._previous_level} to h{heading.level}")
        self._previous_level = heading.level

    def visit_image(self, image: Image) -> None:
        if not image.alt.strip():
            self.problems.append(f"image {image.src} has no alt text")

    def visit_link(self, link: Link) -> None:
        text = link.text.strip()
        if text.casefold() in VAGUE_LINK_TEXTS:
            self.problems.append(f"link to {link.href} says only {text!r}")
