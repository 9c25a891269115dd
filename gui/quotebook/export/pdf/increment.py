"""Appending an incremental update to a finished PDF: new objects, replaced objects, a new
cross-reference section and trailer after the original bytes.

This is how PDF tools add annotations without rewriting a file. It is used here because it is
cheap whatever the page count: the painted pages are copied through as bytes and only the
objects that change (pages' annotation arrays, the catalogue) or are new (annotations, their
appearance streams, bookmarks, metadata) are parsed or written. pypdf reads the original and
serialises our objects; the file structure around them is written here.
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

OBJECTS_PER_STREAM = 200
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


class IncrementalUpdate:
    def __init__(self, original: bytes) -> None:
        match = _STARTXREF.search(original[-64:])
        if match is None:
            raise ValueError("the PDF does not end with a startxref section")
        self.original = original
        self.previous_xref = int(match.group(1))
        self.reader = PdfReader(BytesIO(original))
        self.pages = list(self.reader.pages)  # pypdf counts the pages on every index otherwise
        # pypdf types dictionary values as PdfObject; /Size is a NumberObject, an int.
        self._size = int(self.reader.trailer["/Size"])  # type: ignore[call-overload]
        # New objects are plain values (see `serialize`); replaced ones are pypdf's objects.
        self._objects: dict[int, Any] = {}
        self.info: dict[str, Any] | None = None
        self.version: str | None = None

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

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def append_annotation(self, page: int, annotation: dict[str, Any]) -> IndirectObject:
        """Add an annotation to a page's /Annots, wherever that array lives."""
        page_obj = self.pages[page]
        annotation["/P"] = self.page_ref(page)
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
        """Declare the PDF version the update needs, in the header and the catalogue.

        Qt writes ``%PDF-1.4``; annotations' dates and the compressed sections here are PDF 1.5.
        The header is rewritten in place (same length, so no offset moves) and the catalogue's
        ``/Version``, which an incremental update is meant to use, says the same.
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
        """Append the update: streams as objects of their own, every other object packed into
        compressed object streams, and a compressed cross-reference stream (PDF 1.5) that points
        back to Qt's table. A thousand annotations take a fifth of the bytes they took as plain
        objects with a classic table."""
        info_ref = self.add(self.info) if self.info is not None else None
        base = len(self.original)
        body = BytesIO()
        body.write(b"" if self.original.endswith(b"\n") else b"\n")
        entries: dict[int, tuple[int, int, int]] = {}  # number → (type, field 2, field 3)
        packed: list[int] = []
        for number in sorted(self._objects):
            obj = self._objects[number]
            if isinstance(obj, Stream | StreamObject):
                entries[number] = (1, base + body.tell(), 0)
                body.write(f"{number} 0 obj\n".encode() + dumps(obj) + b"\nendobj\n")
            else:
                packed.append(number)
        for start in range(0, len(packed), OBJECTS_PER_STREAM):
            numbers = packed[start : start + OBJECTS_PER_STREAM]
            holder = self._size
            self._size += 1
            header, data = [], BytesIO()
            for index, number in enumerate(numbers):
                header.append(f"{number} {data.tell()}")
                data.write(dumps(self._objects[number]) + b"\n")
                entries[number] = (2, holder, index)
            head = (" ".join(header) + "\n").encode()
            stream = Stream(
                {"/Type": Name("/ObjStm"), "/N": len(numbers), "/First": len(head)},
                head + data.getvalue(),
            )
            entries[holder] = (1, base + body.tell(), 0)
            body.write(f"{holder} 0 obj\n".encode() + dumps(stream) + b"\nendobj\n")
        xref = self._size
        self._size += 1
        entries[xref] = (1, base + body.tell(), 0)
        numbers = sorted(entries)
        rows = b"".join(struct.pack(">BIH", *entries[number]) for number in numbers)
        trailer: dict[str, Any] = {
            "/Type": Name("/XRef"),
            "/Size": self._size,
            "/W": [1, 4, 2],
            "/Index": [v for first, run in _runs(numbers) for v in (first, len(run))],
            "/Root": self.reader.trailer.raw_get("/Root"),
            "/Prev": self.previous_xref,
        }
        if info_ref is not None:
            trailer["/Info"] = info_ref
        elif "/Info" in self.reader.trailer:
            trailer["/Info"] = self.reader.trailer.raw_get("/Info")
        ids = self.reader.trailer.get("/ID")
        # The first half names the document for good, the second this version of it.
        permanent = ids[0] if ids else uuid.uuid4().hex
        trailer["/ID"] = [permanent, uuid.uuid4().hex]
        body.write(f"{xref} 0 obj\n".encode() + dumps(Stream(trailer, rows)) + b"\nendobj\n")
        body.write(f"startxref\n{entries[xref][1]}\n%%EOF\n".encode())
        original = self.original
        if self.version is not None and re.match(rb"%PDF-\d\.\d", original):
            out.write(b"%PDF-" + self.version.encode("ascii"))
            original = memoryview(original)[8:]  # type: ignore[assignment]
        out.write(original)
        out.write(body.getvalue())


def _runs(numbers: list[int]) -> list[tuple[int, list[int]]]:
    """Consecutive object numbers grouped into xref subsections."""
    runs: list[tuple[int, list[int]]] = []
    for number in numbers:
        if runs and runs[-1][1][-1] + 1 == number:
            runs[-1][1].append(number)
        else:
            runs.append((number, [number]))
    return runs
