"""Writing a finished PDF again with our objects in it: new objects added, some replaced, and
every object that does not need its own place in the file packed into compressed object
streams.

Qt's PDF writer puts each page's dictionary, resource dictionary, annotation array and stream
length into an uncompressed object of its own, listed in a classic cross-reference table: about
590 bytes a page, an eighth of a long export. Appending our objects as an incremental update
would keep all of that and leave the objects we replace behind as dead bytes. So the file is
written anew instead, still without parsing what Qt painted: every object of Qt's is copied as
the bytes Qt wrote (found through Qt's cross-reference table), streams (page contents, fonts)
as they are, with their lengths made direct, everything else into object streams (PDF 1.5)
next to ours, under one compressed cross-reference stream. The 1 MB benchmark export goes from
2.46 to 2.22 MB this way, and its pages keep every byte of their content.

pypdf reads the original (pages, catalogue, fonts) for the annotation pass; the objects we add
are plain values written by `serialize`.
"""

from __future__ import annotations

import re
import struct
import uuid
from io import BytesIO
from typing import Any, BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    StreamObject,
)

from quotebook.export.pdf.serialize import Name, Stream, dumps

OBJECTS_PER_STREAM = 500
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_INDIRECT_LENGTH = re.compile(rb"/Length\s+(\d+)\s+0\s+R")
_STREAM_KEYWORD = re.compile(rb">>\s*stream\r?\n")
_DIRECT_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\d)(?!\s+\d+\s+R)")
_INTEGER = re.compile(rb"\d+")
_TYPE0 = re.compile(rb"(\d+) 0 obj\s*<<\s*/Type\s*/Font\s*/Subtype\s*/Type0\b")
# What marks a binary file, after the version line (four bytes above 127).
_BINARY_MARK = b"%\xe2\xe3\xcf\xd3\n"


class PdfRewrite:
    def __init__(self, original: bytes) -> None:
        match = _STARTXREF.search(original[-64:])
        if match is None:
            raise ValueError("the PDF does not end with a startxref section")
        self.original = original
        self._xref_at = int(match.group(1))
        self.reader = PdfReader(BytesIO(original))
        self.pages = list(self.reader.pages)  # pypdf counts the pages on every index otherwise
        # pypdf types dictionary values as PdfObject; /Size is a NumberObject, an int.
        self._size = int(self.reader.trailer["/Size"])  # type: ignore[call-overload]
        # New objects are plain values (see `serialize`); replaced ones are pypdf's objects.
        self._objects: dict[int, Any] = {}
        self.info: dict[str, Any] | None = None
        self.version = "1.7"

    # -- objects --------------------------------------------------------------------------------

    def add(self, obj: Any) -> IndirectObject:
        """A new object; returns the reference to put wherever it is used."""
        ref = self.reserve()
        self._objects[ref.idnum] = obj
        return ref

    def reserve(self) -> IndirectObject:
        """A number for an object filled in later with `set` (for objects that point at
        each other, like bookmarks and their parent)."""
        ref = IndirectObject(self._size, 0, self.reader)
        self._size += 1
        return ref

    def set(self, ref: IndirectObject, obj: Any) -> None:
        """Fill a reserved number, or replace an existing object with a new version."""
        self._objects[ref.idnum] = obj

    def reference(self, number: int) -> IndirectObject:
        """A reference to an object of the original file."""
        return IndirectObject(number, 0, self.reader)

    def page_ref(self, index: int) -> IndirectObject:
        ref = self.pages[index].indirect_reference
        assert ref is not None
        return ref

    def page_height(self, index: int) -> float:
        return float(self.pages[index].mediabox.top)

    def type0_fonts(self) -> list[IndirectObject]:
        """The original's composite fonts (Qt embeds every font as one). They are found in its
        bytes: reading every page's resources instead costs seconds on thousands of pages."""
        return [self.reference(int(m.group(1))) for m in _TYPE0.finditer(self.original)]

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def append_annotation(self, page: int, annotation: dict[str, Any]) -> IndirectObject:
        """Add an annotation to a page's /Annots, wherever that array lives.

        No /P back to the page: it is optional, needed only by screen annotations, and readers
        find an annotation's page through the page's /Annots."""
        page_obj = self.pages[page]
        ref = self.add(annotation)
        raw = page_obj.raw_get("/Annots") if "/Annots" in page_obj else None
        if isinstance(raw, IndirectObject):
            array = self._objects.get(raw.idnum)
            if not isinstance(array, ArrayObject):
                # pypdf types get_object() as PdfObject | None; an /Annots reference is to an array.
                array = ArrayObject(raw.get_object())  # type: ignore[call-overload]
                self._objects[raw.idnum] = array
        else:
            page_ref = self.page_ref(page)
            if page_ref.idnum not in self._objects:
                page_obj[NameObject("/Annots")] = ArrayObject(raw or [])
                self._objects[page_ref.idnum] = page_obj
            annots = page_obj["/Annots"]
            assert isinstance(annots, ArrayObject)  # set just above, or by an earlier call
            array = annots
        array.append(ref)
        return ref

    def catalog(self) -> DictionaryObject:
        """The document catalogue, to be changed in place (it is written out again)."""
        root = self.reader.trailer.raw_get("/Root")
        catalog = root.get_object()
        self._objects[root.idnum] = catalog
        return catalog

    def set_version(self, version: str) -> None:
        """Declare the PDF version the file needs, in the header and the catalogue.

        Qt writes ``%PDF-1.4``; annotations' dates and the compressed sections are PDF 1.5.
        """
        self.version = version
        self.catalog()[NameObject("/Version")] = NameObject("/" + version)

    def set_info(self, entries: dict[str, str]) -> None:
        """New document information: the old text entries with `entries` on top."""
        info: dict[str, Any] = {}
        old = self.reader.trailer.get("/Info")
        if old is not None:
            info.update({k: v for k, v in old.get_object().items() if isinstance(v, str)})
        info.update(entries)
        self.info = info

    # -- writing --------------------------------------------------------------------------------

    def write(self, out: BinaryIO) -> None:
        """Write the whole file: streams as objects of their own, every other object packed
        into compressed object streams, and a compressed cross-reference stream."""
        old_info = self.reader.trailer.raw_get("/Info") if "/Info" in self.reader.trailer else None
        info_ref = None
        if self.info is not None:
            # The new information replaces the old under its number: nothing is left behind.
            if isinstance(old_info, IndirectObject):
                info_ref = old_info
                self.set(info_ref, self.info)
            else:
                info_ref = self.add(self.info)
        elif isinstance(old_info, IndirectObject):
            info_ref = old_info
        streams, packed = self._original_objects()
        for number, obj in self._objects.items():
            if isinstance(obj, Stream | StreamObject):
                streams[number] = dumps(obj)
                packed.pop(number, None)
            else:
                packed[number] = dumps(obj)
                streams.pop(number, None)

        # Written straight out (a long export's pages are tens of megabytes), counting bytes.
        body = _Counted(out)
        body.write(b"%PDF-" + self.version.encode("ascii") + b"\n" + _BINARY_MARK)
        entries: dict[int, tuple[int, int, int]] = {}  # number → (type, field 2, field 3)
        for number in sorted(streams):
            entries[number] = (1, body.tell(), 0)
            body.write(b"%d 0 obj\n" % number)
            body.write(streams[number])
            body.write(b"\nendobj\n")
        numbers = sorted(packed)
        for start in range(0, len(numbers), OBJECTS_PER_STREAM):
            chunk = numbers[start : start + OBJECTS_PER_STREAM]
            holder = self._size
            self._size += 1
            header, data = [], BytesIO()
            for index, number in enumerate(chunk):
                header.append(b"%d %d" % (number, data.tell()))
                data.write(packed[number] + b"\n")
                entries[number] = (2, holder, index)
            head = b" ".join(header) + b"\n"
            stream = Stream(
                {"/Type": Name("/ObjStm"), "/N": len(chunk), "/First": len(head)},
                head + data.getvalue(),
            )
            entries[holder] = (1, body.tell(), 0)
            body.write(b"%d 0 obj\n%b\nendobj\n" % (holder, dumps(stream)))
        xref = self._size
        self._size += 1
        entries[xref] = (1, body.tell(), 0)
        # Numbers no object has (Qt's stream lengths, now written in place) are free.
        free = (0, 0, 0)
        rows = b"".join(
            struct.pack(">BIH", *entries.get(number, free)) for number in range(1, self._size)
        )
        trailer: dict[str, Any] = {
            "/Type": Name("/XRef"),
            "/Size": self._size,
            "/W": [1, 4, 2],
            "/Root": self.reader.trailer.raw_get("/Root"),
        }
        if info_ref is not None:
            trailer["/Info"] = info_ref
        ids = self.reader.trailer.get("/ID")
        # The first half names the document for good, the second this version of it.
        permanent = ids[0] if ids else uuid.uuid4().hex
        trailer["/ID"] = [permanent, uuid.uuid4().hex]
        rows = struct.pack(">BIH", 0, 0, 65535) + rows
        body.write(b"%d 0 obj\n%b\nendobj\n" % (xref, dumps(Stream(trailer, rows))))
        body.write(b"startxref\n%d\n%%%%EOF\n" % entries[xref][1])

    def _original_objects(self) -> tuple[dict[int, bytes], dict[int, bytes]]:
        """The original's objects that are not replaced, streams and the rest apart, each as
        what lies between ``N 0 obj`` and ``endobj`` in the file. An object that cannot be cut
        out of the bytes and checked (an original with object streams, a stream whose length
        does not match) is read by pypdf and written out again instead."""
        table = self.reader.xref.get(0, {})
        # Each object ends where the next one starts (or the table does), replaced or not.
        starts = sorted({*table.values(), self._xref_at})
        following = {at: starts[i + 1] for i, at in enumerate(starts[:-1])}
        streams: dict[int, bytes] = {}
        packed: dict[int, bytes] = {}
        pending: dict[int, tuple[bytes, int]] = {}  # stream → (its value, its length's number)
        for number, at in table.items():
            if number in self._objects:
                continue
            value = _object_value(self.original, number, at, following.get(at, at))
            if value is None:
                continue
            if not value.endswith(b"endstream"):
                if b"endobj" not in value:  # else cut wrongly: left to pypdf below
                    packed[number] = value
                continue
            declared = _stream_length(value)
            if isinstance(declared, tuple):
                pending[number] = (value, declared[0])
            elif declared is not None and _fits(value, declared):
                streams[number] = value
        # Qt keeps each stream's length in an object of its own: written in place instead.
        dropped: set[int] = set()
        for number, (value, holder) in pending.items():
            length = packed.get(holder, b"")
            if _INTEGER.fullmatch(length) and _fits(value, int(length)):
                streams[number] = _INDIRECT_LENGTH.sub(b"/Length " + length, value, 1)
                dropped.add(holder)
        for holder in dropped:
            del packed[holder]
        wanted = set(table) | set(self.reader.xref_objStm)
        for number in sorted(wanted - set(streams) - set(packed) - set(self._objects) - dropped):
            obj = self.reference(number).get_object()
            if isinstance(obj, StreamObject):
                streams[number] = dumps(obj)
            elif obj is not None:
                packed[number] = dumps(obj)
        return streams, packed


class _Counted:
    """A file being written, and how many bytes have gone into it."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.written = 0

    def write(self, data: bytes) -> None:
        self.out.write(data)
        self.written += len(data)

    def tell(self) -> int:
        return self.written


def _object_value(data: bytes, number: int, start: int, end: int) -> bytes | None:
    """What lies between ``N 0 obj`` and ``endobj`` in data[start:end], or None."""
    piece = data[start:end].rstrip()
    head = b"%d 0 obj" % number
    if not (piece.startswith(head) and piece.endswith(b"endobj")):
        return None
    return piece[len(head) : -len(b"endobj")].strip()


def _stream_length(value: bytes) -> int | tuple[int] | None:
    """A stream's /Length: a number, (number of the object holding it,), or None."""
    keyword = _STREAM_KEYWORD.search(value)
    if keyword is None:
        return None
    entries = value[: keyword.start()]
    indirect = _INDIRECT_LENGTH.search(entries)
    if indirect:
        return (int(indirect.group(1)),)
    direct = _DIRECT_LENGTH.search(entries)
    return int(direct.group(1)) if direct else None


def _fits(value: bytes, length: int) -> bool:
    """Whether the stream's data is `length` bytes, give or take the line end before
    ``endstream``: the check that the object was cut out of the file where it lies."""
    keyword = _STREAM_KEYWORD.search(value)
    assert keyword is not None  # a stream, see `_stream_length`
    data = value[keyword.end() : -len(b"endstream")]
    return len(data) >= length and not data[length:].strip(b"\r\n")
