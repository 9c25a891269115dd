"""`quotebook export` end to end: annotate from the CLI, export, read the files back."""

from __future__ import annotations

import csv
import json

import pytest
from pypdf import PdfReader

from quotebook.cli.main import main
from quotebook.services.seeding import seed_library
from quotebook.store import Library


@pytest.fixture
def lib_path(library_path):
    with Library(library_path) as library:
        seed_library(library)
    return library_path


def _run(lib_path, *args):
    return main(["--library", str(lib_path), *args])


def test_round_trip_csv_and_json(lib_path, tmp_path, capsys):
    assert (
        _run(lib_path, "annotate", "1", "--quote", "Moscow", "--tag", "place", "--note", "n") == 0
    )
    assert _run(lib_path, "annotate", "2", "--quote", "Lavrov", "--color", "blue") == 0
    capsys.readouterr()
    out = tmp_path / "all.csv"
    assert _run(lib_path, "export", "--output", str(out), "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {
        "path": str(out),
        "format": "csv",
        "documents": 5,
        "annotations": 2,
        "pages": 0,
    }
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["quote"], r["tags"], r["note"]) for r in rows] == [
        ("Moscow", "place", "n"),
        ("Lavrov", "", ""),
    ]
    out_json = tmp_path / "tagged.json"
    assert _run(lib_path, "export", "--tag", "place", "--format", "json", "-o", str(out_json)) == 0
    assert [r["quote"] for r in json.loads(out_json.read_text(encoding="utf-8"))] == ["Moscow"]


def test_pdf_with_options(qapp, lib_path, tmp_path, capsys):
    assert _run(lib_path, "annotate", "3", "--quote", "Vienna", "--tag", "place") == 0
    out = tmp_path / "doc.pdf"
    code = _run(
        lib_path,
        "export",
        "3",
        "--format",
        "pdf",
        "--output",
        str(out),
        "--page-size",
        "letter",
        "--notes",
        "end",
        "--quotes-section",
        "--author",
        "Ada",
    )
    assert code == 0
    assert "exported 1 document, 1 annotation, " in capsys.readouterr().out
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.height)) == 792
    assert reader.metadata.author == "Ada"
    assert [o.title for o in reader.outline if not isinstance(o, list)][-1] == "Quotes"
    highlight = next(
        a.get_object()
        for page in reader.pages
        for a in page.get("/Annots") or []
        if a.get_object()["/Subtype"] == "/Highlight"
    )
    assert highlight["/T"] == "Ada"


def test_errors_go_to_stderr_without_a_file(lib_path, tmp_path, capsys):
    missing = tmp_path / "missing" / "x.md"
    assert _run(lib_path, "export", "--output", str(missing)) == 1
    err = capsys.readouterr().err
    assert err.startswith("quotebook: The folder") and "Traceback" not in err
    assert _run(lib_path, "export", "--folder", "Nope", "-o", str(tmp_path / "x.md")) == 1
    assert "no folder named" in capsys.readouterr().err
    assert not list(tmp_path.glob("x.md*"))


def test_format_follows_the_suffix(lib_path, tmp_path):
    out = tmp_path / "notes.markdown"
    assert _run(lib_path, "export", "1", "-o", str(out)) == 0
    assert out.read_text(encoding="utf-8").startswith("## ")


def test_annotations_off_their_text_are_reported(qapp, lib_path, tmp_path, capsys):
    assert _run(lib_path, "annotate", "1", "--quote", "Moscow") == 0
    with Library(lib_path) as library:
        (annotation,) = library.annotations.for_document(1)
        library.annotations.set_anchor(annotation.id, annotation.anchor, orphaned=True)
    capsys.readouterr()
    assert _run(lib_path, "export", "1", "-o", str(tmp_path / "x.pdf")) == 0
    assert "1 annotation no longer matches the text" in capsys.readouterr().err
    assert _run(lib_path, "export", "1", "-o", str(tmp_path / "x.csv")) == 0
    assert capsys.readouterr().err == ""


def test_flatten_and_keep_furniture(qapp, lib_path, tmp_path):
    assert _run(lib_path, "annotate", "3", "--quote", "Vienna") == 0
    plain, flat = tmp_path / "plain.pdf", tmp_path / "flat.pdf"
    assert _run(lib_path, "export", "3", "-o", str(plain)) == 0
    assert _run(lib_path, "export", "3", "-o", str(flat), "--flatten", "--keep-furniture") == 0

    def appearance(path):
        for page in PdfReader(path).pages:
            for a in page.get("/Annots") or []:
                if a.get_object()["/Subtype"] == "/Highlight":
                    return a.get_object()["/AP"]["/N"].get_object().get_data()
        raise AssertionError("no highlight")

    assert b" re\nf" in appearance(plain)  # the colour lives in the annotation
    assert appearance(flat).strip() == b""  # painted into the page instead
