"""Domain types: plain, frozen values that flow from the store to every other layer.

They carry no behaviour beyond small derived properties, so exporters, the CLI and the Qt models
can all take them without knowing where they came from.

They are named tuples rather than frozen dataclasses because the store makes them by the
thousand (a library of 100,000 documents lists 100,000 summaries before its window shows): a
named tuple is made three to four times faster, and defining one costs a tenth as much, which
every start of the app pays. Change one with ``value._replace(field=...)``. Rows that other
programs refer to (tags, documents, annotations, folders) carry the GUID that REFI-QDA exchange
files use; two reads of the same row are equal, and so are two values that say the same and
carry the same label.
"""

from __future__ import annotations

from typing import NamedTuple

# The five palette colours, in the order of the keys 1…5. Each has a light and a dark variant so
# that highlighted text stays readable on either system palette; the light one is also used in
# exports, which are always printed on white.
PALETTE: dict[str, tuple[str, str]] = {
    "yellow": ("#ffe066", "#8a7400"),
    "green": ("#a6e3a1", "#2f6b2a"),
    "blue": ("#99c9ff", "#1f4f8a"),
    "pink": ("#ffadd2", "#8a2f5a"),
    "orange": ("#ffc078", "#8a4f10"),
}
DEFAULT_COLOR = "yellow"


def color_hex(name: str, *, dark: bool = False) -> str:
    """The hex colour for a palette name; unknown names fall back to the default colour."""
    light, dark_hex = PALETTE.get(name, PALETTE[DEFAULT_COLOR])
    return dark_hex if dark else light


class Folder(NamedTuple):
    id: int
    name: str
    parent_id: int | None = None
    position: int = 0
    guid: str = ""


class DocumentMeta(NamedTuple):
    """What a reader would write on an index card about a document; the text travels apart."""

    title: str
    outlet: str = ""
    author: str = ""
    published: str = ""  # ISO date (YYYY-MM-DD) or empty
    source_url: str = ""
    language: str = ""
    original_format: str = "txt"
    source_path: str = ""
    notes: str = ""


# Kinds of `FormatSpan`: how a rich source (Markdown) looked, over its plain canonical text.
FORMAT_KINDS = frozenset(
    {f"heading{n}" for n in range(1, 7)}
    | {"emphasis", "strong", "strikethrough", "code", "link", "quote"}
)


class FormatSpan(NamedTuple):
    """Formatting over code points [start, end) of a document's text; `value` is a link target.

    Formatting lives beside the text rather than in it, so annotation offsets into the plain
    text stay valid whether or not a view shows the formatting.
    """

    start: int
    end: int
    kind: str  # one of FORMAT_KINDS
    value: str = ""


class NewDocument(NamedTuple):
    """A document as an importer produces it, before the store has given it an id."""

    meta: DocumentMeta
    text: str
    formatting: tuple[FormatSpan, ...] = ()


class Document(NamedTuple):
    id: int
    folder_id: int | None
    meta: DocumentMeta
    text: str
    sha256: str
    imported_at: str
    formatting: tuple[FormatSpan, ...] = ()
    guid: str = ""

    @property
    def title(self) -> str:
        return self.meta.title


class DocumentSummary(NamedTuple):
    """A document row without its text, for trees and lists."""

    id: int
    folder_id: int | None
    title: str
    outlet: str
    published: str
    annotation_count: int
    position: int = 0


class Tag(NamedTuple):
    """A tag; `name` is its full path, e.g. ``speaker/Alexander Lukashevich``."""

    id: int
    name: str
    color: str = ""
    parent_id: int | None = None
    description: str = ""
    guid: str = ""

    @property
    def leaf(self) -> str:
        return self.name.rsplit("/", 1)[-1]


class Anchor(NamedTuple):
    """Where an annotation sits: code-point offsets plus the quote and its context.

    The quote, prefix and suffix let the annotation be found again when the text changes.
    """

    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


class Annotation(NamedTuple):
    id: int
    document_id: int
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    color: str = DEFAULT_COLOR
    note: str = ""
    tags: tuple[str, ...] = ()
    created_at: str = ""
    updated_at: str = ""
    orphaned: bool = False
    guid: str = ""

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.start, self.end, self.quote, self.prefix, self.suffix)
