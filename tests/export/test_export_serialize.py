"""The PDF syntax written for added objects, and the incremental update that carries them."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader, PdfWriter

from quotebook.export.pdf.increment import IncrementalUpdate
from quotebook.export.pdf.serialize import Name, Stream, dumps, number


@pytest.mark.parametrize(
    ("value", "pdf"),
    [
        (Name("/Highlight"), b"/Highlight"),
        (Name("/A B#"), b"/A#20B#23"),
        ("plain (text)", b"(plain \\(text\\))"),
        ("two\nlines", b"(two\\nlines)"),
        ("Лукашевич", b"<FEFF041B0443043A043004480435043204380447>"),
        (1.0 / 3, b"0.333"),
        (-0.0001, b"0"),
        (12.5, b"12.5"),
        (4, b"4"),
        (True, b"true"),
        (None, b"null"),
        ([1, 2.25, Name("/X")], b"[1 2.25 /X]"),
        ({"/Type": Name("/Annot")}, b"<</Type /Annot\n>>"),
    ],
)
def test_values(value, pdf):
    assert dumps(value) == pdf


def test_no_exponents():
    assert "e" not in number(1e-7) and "e" not in number(123456.0)


def test_incremental_update_reads_back(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(200, 300)
    writer.add_blank_page(200, 300)
    original = BytesIO()
    writer.write(original)
    update = IncrementalUpdate(original.getvalue())
    form = update.add(Stream({"/Type": Name("/XObject"), "/Subtype": Name("/Form")}, b"0 0 m"))
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
    assert out.getvalue().startswith(original.getvalue())  # the old bytes are kept as they were
    reader = PdfReader(BytesIO(out.getvalue()))
    annotation = reader.pages[1]["/Annots"][0].get_object()
    assert annotation["/Contents"] == "Заметка"
    assert annotation["/AP"]["/N"].get_object().get_data() == b"0 0 m"
    assert reader.metadata.title == "Updated"
    assert "/Annots" not in reader.pages[0]
