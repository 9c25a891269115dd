"""REFI-QDA exchange files as Quotebook writes and reads them: names, fixed GUIDs, colours.

REFI-QDA (qdasoftware.org) is the format QDA programs use to move projects between them: a
``.qdpx`` zip holds ``project.qde`` (XML) and the sources' texts; a ``.qdc`` is a code book alone.
Both sides of Quotebook agree here on the names, the fixed GUIDs and the colour rules, so that a
project written by one Quotebook reads back the same in another:

- Tags are codes; a tag's path is the codes' nesting.
- A highlight's colour travels as a coding with a ``Highlight/<colour>`` code whenever its tags
  would not give the colour back (always for a highlight without tags): on import, a highlight
  takes the colour of such a code, else the colour of its first tag that has one.
- Document details (outlet, author, …) are project variables with fixed GUIDs.
- Folders are sets named by their path; ``/`` separates folders, ``\\/`` is a slash in a name.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence

from quotebook.domain import DEFAULT_COLOR, PALETTE, Tag, color_hex

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_FILE = "project.qde"
SOURCES_DIR = "sources"

# Every GUID Quotebook derives rather than draws lies under this one (itself a fixed random
# UUID), so that the same thing gets the same GUID in every library and every export.
QUOTEBOOK_NAMESPACE = uuid.UUID("6f0d3b7e-58a4-4c1e-9f2b-7a5c1d9e0b43")

HIGHLIGHT_GROUP = "Highlight"
HIGHLIGHT_GROUP_GUID = str(uuid.uuid5(QUOTEBOOK_NAMESPACE, "highlight"))
# The group's description also marks it, for programs that give codes new GUIDs on export.
HIGHLIGHT_GROUP_DESCRIPTION = "Highlights by colour, as Quotebook shows them."
HIGHLIGHT_GUIDS: dict[str, str] = {
    name: str(uuid.uuid5(QUOTEBOOK_NAMESPACE, f"highlight/{name}")) for name in PALETTE
}
HIGHLIGHT_COLORS: dict[str, str] = {guid: name for name, guid in HIGHLIGHT_GUIDS.items()}

# Document details written as project variables: (field of DocumentMeta, variable name).
VARIABLES: tuple[tuple[str, str], ...] = (
    ("outlet", "Outlet"),
    ("author", "Author"),
    ("published", "Published"),
    ("source_url", "URL"),
    ("language", "Language"),
)
VARIABLE_GUIDS: dict[str, str] = {
    field: str(uuid.uuid5(QUOTEBOOK_NAMESPACE, f"variable/{field}")) for field, _ in VARIABLES
}

_GUID = re.compile(
    r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$"
)
_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def derived_guid(base: str, *parts: str) -> str:
    """A GUID made from another one and a name: the same inputs always give the same GUID.

    Used for what has no row of its own (a coding, a document's notes) but must stay the same
    from one export to the next.
    """
    return str(uuid.uuid5(uuid.UUID(base), "/".join(parts)))


def normalise_guid(text: str) -> str | None:
    """A GUID as Quotebook stores it (lower case, no braces), or None when it is not one."""
    match = _GUID.match(text.strip())
    return match.group(1).lower() if match else None


def palette_name(hex_color: str) -> str:
    """The palette colour nearest to an ``#RRGGBB`` colour; "" for no or an unreadable colour.

    The palette's own colours (light and dark variants) map back exactly, so Quotebook's
    exports round-trip; any other program's colour becomes the closest of the five.
    """
    match = _HEX.match(hex_color.strip())
    if not match:
        return ""
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    rgb = _rgb(digits)
    best, best_distance = "", None
    for name, variants in PALETTE.items():
        for variant in variants:
            distance = sum((a - b) ** 2 for a, b in zip(rgb, _rgb(variant[1:]), strict=True))
            if best_distance is None or distance < best_distance:
                best, best_distance = name, distance
    return best


def _rgb(digits: str) -> tuple[int, int, int]:
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def tag_hex(tag: Tag) -> str:
    """The colour written for a tag's code, or "" when the tag has none."""
    return color_hex(tag.color) if tag.color in PALETTE else ""


def color_from_tags(tag_names: Iterable[str], colors: dict[str, str]) -> str:
    """The colour a highlight's tags give it: that of the first tag (by name) with a colour.

    `colors` maps a tag's name (case-folded) to its palette colour. The default colour when
    none has one.
    """
    for name in sorted(tag_names, key=str.casefold):
        color = colors.get(name.casefold(), "")
        if color in PALETTE:
            return color
    return DEFAULT_COLOR


def describe(meta: object) -> str:
    """A document's details as the lines a source's description shows in other programs."""
    lines = [
        f"{name}: {value}"
        for f, name in VARIABLES
        if (value := " ".join(str(getattr(meta, f, "")).split()))
    ]
    return "\n".join(lines)


def set_name(path: Sequence[str]) -> str:
    """A folder path as a set's name: ``Interviews/2024``; a ``/`` inside a name is ``\\/``."""
    return "/".join(part.replace("\\", "\\\\").replace("/", "\\/") for part in path)


def set_path(name: str) -> list[str]:
    """The folder names a set's name stands for (the reverse of `set_name`); blanks dropped."""
    parts, current, escaped = [], [], False
    for ch in name:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "/":
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    if escaped:
        current.append("\\")
    parts.append("".join(current))
    return [" ".join(p.split()) for p in parts if p.strip()]


# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters an XML 1.0 document cannot contain."""
    return _NOT_XML.sub("", text)
