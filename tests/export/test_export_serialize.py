"""The PDF syntax written for added objects, and the rewrite of a finished PDF that carries them."""

from __future__ import annotations

import re
import zlib
from io import BytesIO

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject

from quotebook.export.pdf.rewrite import PdfRewrite
from quotebook.export.pdf.serialize import Name, Stream, deflated, dumps, number


@pytest.mark.parametrize(
    ("value", "pdf"),
    [
        (Name("/Highlight"), b"/Highlight"),
        (Name("/A B#"), b"/A#20B#23"),
        ("plain (text)", b"(plain \\(text\\))"),
        ("two\nlines", b"(two\\nlines)"),
        ("Лукашевич", b"<FEFF041B0443043A043004480435043204380447>"),
        (1.0 / 3, b".333"),  # no leading zero, as PDF allows
        (-0.25, b"-.25"),
        (-0.0001, b"0"),
        (12.5, b"12.5"),
        (4, b"4"),
        (True, b"true"),
        (None, b"null"),
        ([1, 2.25, Name("/X")], b"[1 2.25 /X]"),
        ({"/Type": Name("/Annot"), "/F": 4, "/C": [1, 0.5, 0]}, b"<</Type/Annot/F 4/C[1 .5 0]>>"),
    ],
)
def test_values(value, pdf):
    assert dumps(value) == pdf


def test_no_exponents():
    assert "e" not in number(1e-7) and "e" not in number(123456.0)


# A highlight's appearance as the export writes it: numbers that repeat only in short runs.
_APPEARANCE = (
    b"q .541 .455 0 rg 1 0 0 1 204.737 360.619 cm /N31 Do 1 0 0 1 3.617 0 cm /N33 Do Q\n"
    b"/GS0 gs 1 .878 .4 rg\n208.755 348.698 165.166 12.22 re\n0 332.094 353.545 12.22 re\n"
    b"0 315.489 357.027 12.22 re\n0 298.884 374.802 12.22 re\n0 282.28 341.847 12.22 re\nf"
)


@pytest.mark.parametrize("data", [_APPEARANCE, b"0 0 1 1 re f\n" * 400, bytes(range(256)) * 8])
def test_streams_take_the_shorter_of_two_compressions(data):
    """Flate data that any reader inflates, never longer than zlib's default at level 9."""
    packed = deflated(data)
    assert zlib.decompress(packed) == data
    assert len(packed) <= len(zlib.compress(data, 9))


def test_an_appearance_compresses_better_filtered():
    """The reason for trying both: a small stream of numbers, like an appearance, comes out
    shorter with zlib's filtered strategy than with its default."""
    assert len(deflated(_APPEARANCE)) < len(zlib.compress(_APPEARANCE, 9))
    assert dumps(Stream({}, _APPEARANCE)).count(b"/FlateDecode") == 1


def test_rewrite_reads_back(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(200, 300)
    writer.add_blank_page(200, 300)
    writer.add_metadata({"/Title": "Original"})
    original = BytesIO()
    writer.write(original)
    update = PdfRewrite(original.getvalue())
    form = update.add(Stream({"/Subtype": Name("/Form")}, b"0 0 m"))
    update.append_annotation(
        1,
        {
            "/Type": Name("/Annot"),
            "/Subtype": Name("/Text"),
            "/Rect": [10, 10, 20, 20],
            "/Contents": "Заметка",
            "/AP": {"/N": form},
        },
    )
    update.set_info({"/Title": "Updated"})
    out = BytesIO()
    update.write(out)
    written = out.getvalue()
    # One file, not the old one with an update appended: one header, one end, one trailer.
    assert written.startswith(b"%PDF-1.7\n") and written.count(b"%%EOF") == 1
    assert len(re.findall(rb"/Type ?/XRef", written)) == 1 and b"trailer" not in written
    reader = PdfReader(BytesIO(written))
    annotation = reader.pages[1]["/Annots"][0].get_object()
    assert annotation["/Contents"] == "Заметка"
    assert annotation["/AP"]["/N"].get_object().get_data() == b"0 0 m"
    assert reader.metadata.title == "Updated"
    assert "/Annots" not in reader.pages[0]
    assert len(reader.trailer["/ID"]) == 2  # pypdf wrote none: a new one


def _classic_pdf(objects: dict[int, bytes]) -> bytes:
    """A PDF written the way Qt writes one: objects one after the other, stream lengths in
    objects of their own, a classic cross-reference table."""
    out = BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(objects):
        offsets[n] = out.tell()
        out.write(b"%d 0 obj\n%b\nendobj\n" % (n, objects[n]))
    size = max(objects) + 1
    table = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for n in range(1, size):
        if n in offsets:
            out.write(b"%010d 00000 n \n" % offsets[n])
        else:
            out.write(b"0000000000 00000 f \n")
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /ID [(qt-id) (qt-id)] >>\n" % size)
    out.write(b"startxref\n%d\n%%%%EOF\n" % table)
    return out.getvalue()


def _stream(data: bytes, length: bytes) -> bytes:
    return (
        b"<<\n/Length " + length + b"\n/Filter /FlateDecode\n>>\nstream\n" + data + b"\nendstream"
    )


def test_rewrite_copies_streams_and_drops_qt_length_objects():
    """Streams are copied byte for byte with their lengths made direct, and the objects that
    held the lengths are gone; an object replaced right after a stream (as the fonts are)
    does not take the stream with it; a stream that ends up in an object stream would be
    invalid, so every stream must be an object of its own."""
    content = zlib.compress(b"BT /F1 12 Tf 10 10 Td <0001> Tj ET" * 20)
    # Binary data that looks like the end of an object must not cut the stream short.
    tricky = zlib.compress(b"x") + b"\nendobj\n99 0 obj\n" + zlib.compress(b"y")
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 300] /Contents 4 0 R "
        b"/Resources << /Font << /F1 6 0 R >> >> /Annots 8 0 R >>",
        4: _stream(content, b"5 0 R"),
        5: str(len(content)).encode(),
        6: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>",
        7: _stream(tricky, str(len(tricky)).encode()),
        8: b"[ ]",
    }
    update = PdfRewrite(_classic_pdf(objects))
    font = update.reference(6).get_object()
    font[NameObject("/BaseFont")] = NameObject("/Helvetica-Bold")
    update.set(update.reference(6), font)
    update.append_annotation(0, {"/Subtype": Name("/Text"), "/Rect": [1, 1, 2, 2]})
    out = BytesIO()
    update.write(out)
    written = out.getvalue()
    assert content in written and tricky in written
    assert re.search(rb"(?m)^4 0 obj\n<<\n/Length %d\n" % len(content), written)
    reader = PdfReader(BytesIO(written))
    page = reader.pages[0]
    assert page.get_contents().get_data().startswith(b"BT /F1 12 Tf")
    font = page["/Resources"]["/Font"]["/F1"].get_object()
    assert font["/BaseFont"] == "/Helvetica-Bold"
    assert font["/ToUnicode"].get_object().get_data() == zlib.decompress(zlib.compress(b"x"))
    assert isinstance(page["/Annots"], ArrayObject) and len(page["/Annots"]) == 1
    assert 5 not in reader.xref_objStm and reader.xref.get(0, {}).get(5) is None
    assert {4, 7} <= set(reader.xref[0])  # streams: objects of their own
    # The first half of the ID names the document for good; the second is new.
    assert reader.trailer["/ID"][0] == "qt-id" != reader.trailer["/ID"][1]


def test_a_stream_whose_length_does_not_match_is_read_by_pypdf():
    """A stream whose /Length disagrees with its bytes cannot be copied blindly; pypdf reads
    it (as it reads any damaged file) and it is written out again, readable."""
    content = zlib.compress(b"0 0 m 10 10 l S")
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 300] /Contents 4 0 R >>",
        4: _stream(content, str(len(content) - 3).encode()),
    }
    update = PdfRewrite(_classic_pdf(objects))
    out = BytesIO()
    update.write(out)
    reader = PdfReader(BytesIO(out.getvalue()))
    assert len(reader.pages) == 1
    assert 4 in reader.xref[0]
