"""Writing REFI-QDA projects and code books: valid against the schema, and saying what we mean."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from qdpx_helpers import NS, Q, annotate, assert_valid, export_to, project_root

from quotebook.cli.main import main
from quotebook.domain import color_hex
from quotebook.errors import ExportFailed
from quotebook.refi import HIGHLIGHT_GUIDS, VARIABLE_GUIDS


def codes_by_guid(root: etree._Element) -> dict[str, etree._Element]:
    return {c.get("guid"): c for c in root.iter(f"{Q}Code")}


def code_path(code: etree._Element) -> str:
    names = []
    while code is not None and code.tag == f"{Q}Code":
        names.append(code.get("name"))
        code = code.getparent()
    return "/".join(reversed(names))


def test_project_validates_against_the_schema_and_holds_every_text(annotated, tmp_path: Path):
    library, _ = annotated
    result = export_to(library, tmp_path / "study.qdpx", author="Анна")
    assert (result.format, result.documents, result.annotations) == ("qdpx", 6, 6)
    root = project_root(result.path)
    assert_valid(root)
    assert root.get("name") == "study"
    assert root.get("origin").startswith("Quotebook ")
    (user,) = root.iter(f"{Q}User")
    assert user.get("name") == "Анна"
    assert user.get("guid") == root.get("creatingUserGUID") == library.exchange.user_guid()
    with zipfile.ZipFile(result.path) as archive:
        for doc in library.documents.summaries():
            document = library.documents.get(doc.id)
            (source,) = [s for s in root.iter(f"{Q}TextSource") if s.get("guid") == document.guid]
            assert source.get("name") == document.title
            assert source.get("plainTextPath") == f"internal://{document.guid}.txt"
            stored = archive.read(f"sources/{document.guid}.txt")
            assert stored.decode("utf-8") == document.text  # UTF-8, no byte-order mark
            assert not stored.startswith(b"\xef\xbb\xbf")


def test_code_book_is_the_tag_tree_with_colours_and_descriptions(annotated, tmp_path: Path):
    library, _ = annotated
    root = project_root(export_to(library, tmp_path / "p.qdpx").path)
    codes = codes_by_guid(root)
    for tag in library.tags.all():
        code = codes[tag.guid]
        assert code_path(code) == tag.name
        assert code.get("name") == tag.leaf
        assert code.get("isCodable") == "true"
        assert code.get("color") == (color_hex(tag.color) if tag.color else None)
        description = code.find(f"{Q}Description")
        assert (description.text if description is not None else "") == tag.description
    # The unused tag is in a whole-library code book too.
    assert "unused/child" in {code_path(c) for c in codes.values()}


def test_highlights_are_selections_in_code_points_with_codings_and_notes(annotated, tmp_path: Path):
    library, ids = annotated
    root = project_root(export_to(library, tmp_path / "p.qdpx").path)
    selections = {s.get("guid"): s for s in root.iter(f"{Q}PlainTextSelection")}
    tag_guids = {t.name: t.guid for t in library.tags.all()}
    for annotation in library.annotations.all():
        selection = selections[annotation.guid]
        text = library.documents.get(annotation.document_id).text
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        assert (start, end) == (annotation.start, annotation.end)
        assert text[start:end] == annotation.quote
        assert selection.get("creatingUser") == library.exchange.user_guid()
        assert selection.get("creationDateTime") == annotation.created_at
        description = selection.find(f"{Q}Description")
        assert (description.text if description is not None else "") == annotation.note
        coded = [c.find(f"{Q}CodeRef").get("targetGUID") for c in selection.iter(f"{Q}Coding")]
        assert all(c.get("guid") for c in selection.iter(f"{Q}Coding"))
        assert set(coded) >= {tag_guids[name] for name in annotation.tags}

    def coded(key: str) -> list[str]:
        selection = selections[library.annotations.get(ids[key]).guid]
        return [r.get("targetGUID") for r in selection.iter(f"{Q}CodeRef")]

    # No tag: coded with its colour, whatever the colour.
    assert coded("untagged_pink") == [HIGHLIGHT_GUIDS["pink"]]
    assert coded("untagged_yellow") == [HIGHLIGHT_GUIDS["yellow"]]
    # Tags that give the colour back need no colour code; others carry it.
    assert HIGHLIGHT_GUIDS["blue"] not in coded("last")  # the tag "quote" is blue
    assert HIGHLIGHT_GUIDS["yellow"] in coded("after_emoji")  # yellow, its tag is blue
    assert HIGHLIGHT_GUIDS["green"] in coded("emoji_quote")
    assert HIGHLIGHT_GUIDS["yellow"] not in coded("tagged")  # no tag colour: yellow
    highlight_codes = {c.get("name"): c for c in codes_by_guid(root).values()
                       if c.get("guid") in HIGHLIGHT_GUIDS.values()}  # fmt: skip
    assert highlight_codes["pink"].get("color") == color_hex("pink")
    assert highlight_codes["pink"].getparent().get("isCodable") == "false"


def test_offsets_after_emoji_count_code_points(annotated, tmp_path: Path):
    library, ids = annotated
    result = export_to(library, tmp_path / "p.qdpx")
    annotation = library.annotations.get(ids["after_emoji"])
    document = library.documents.get(ids["unicode_doc"])
    root = project_root(result.path)
    (selection,) = [
        s for s in root.iter(f"{Q}PlainTextSelection") if s.get("guid") == annotation.guid
    ]
    with zipfile.ZipFile(result.path) as archive:
        text = archive.read(f"sources/{document.guid}.txt").decode("utf-8")
    start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
    assert text[start:end] == "“We will keep talking,”"
    # In UTF-16 (as Qt counts) the same place is further on: two emoji lie before it.
    assert len(text[:start].encode("utf-16-le")) // 2 > start


def test_document_details_notes_and_folders(annotated, tmp_path: Path):
    library, ids = annotated
    root = project_root(export_to(library, tmp_path / "p.qdpx").path)
    document = library.documents.get(ids["unicode_doc"])
    (source,) = [s for s in root.iter(f"{Q}TextSource") if s.get("guid") == document.guid]
    values = {
        v.find(f"{Q}VariableRef").get("targetGUID"): v.find(f"{Q}TextValue").text
        for v in source.iter(f"{Q}VariableValue")
    }
    assert values == {
        VARIABLE_GUIDS["outlet"]: "ТАСС",
        VARIABLE_GUIDS["author"]: "Анна Петрова",
        VARIABLE_GUIDS["published"]: "2024-03-01",
        VARIABLE_GUIDS["source_url"]: "https://example.org/интервью?a=1&b=2",
        VARIABLE_GUIDS["language"]: "ru",
    }
    # The notes, then the details: what other programs show as the source's memo.
    description = source.find(f"{Q}Description").text
    assert description.startswith(document.meta.notes + "\n\nOutlet: ТАСС\nAuthor: Анна Петрова")
    sets = {s.get("name"): s for s in root.iter(f"{Q}Set")}
    assert set(sets) == {
        "Sample library: OSCE diplomacy",
        "Interviews",
        "Interviews/2024 \\/ Vienna",
        "Empty folder",
    }
    members = [m.get("targetGUID") for m in sets["Interviews/2024 \\/ Vienna"]]
    assert members == [document.guid]
    assert len(sets["Empty folder"]) == 0
    assert len(sets["Sample library: OSCE diplomacy"]) == 5


def test_hostile_text_stays_well_formed(seeded_library, tmp_path: Path):
    library = seeded_library
    doc = library.documents.summaries()[0]
    text = library.documents.get(doc.id).text
    from quotebook.anchoring import locate_quote

    library.documents.update_meta(doc.id, title="A ]]> <b>&amp; \x0b\x01 title", notes="x\x00y")
    library.annotations.create(
        doc.id, locate_quote(text, "OSCE"), note="</Description><Code guid='x'/>\x1f",
        tags=["<evil & “tag”>"],
    )  # fmt: skip
    root = project_root(export_to(library, tmp_path / "p.qdpx").path)
    assert_valid(root)
    names = {s.get("name") for s in root.iter(f"{Q}TextSource")}
    assert "A ]]> <b>&amp;  title" in names
    notes = [s.find(f"{Q}Description").text for s in root.iter(f"{Q}PlainTextSelection")]
    assert notes == ["</Description><Code guid='x'/>"]


def test_scopes_narrow_sources_codes_and_sets(annotated, tmp_path: Path):
    library, ids = annotated
    root = project_root(export_to(library, tmp_path / "f.qdpx", folder="Interviews").path)
    assert_valid(root)
    assert [s.get("name") for s in root.iter(f"{Q}TextSource")] == ["Интервью “Лукашевича” 😀"]
    assert {s.get("name") for s in root.iter(f"{Q}Set")} == {
        "Interviews",
        "Interviews/2024 \\/ Vienna",
    }
    names = {code_path(c) for c in root.iter(f"{Q}Code")}
    assert names == {"speaker", "speaker/Lukashevich", "quote", "Highlight", "Highlight/green",
                     "Highlight/yellow"}  # fmt: skip

    root = project_root(export_to(library, tmp_path / "t.qdpx", tag="topic").path)
    assert_valid(root)
    assert len(list(root.iter(f"{Q}PlainTextSelection"))) == 1
    names = {code_path(c) for c in root.iter(f"{Q}Code")}
    assert names == {"topic", "topic/dialogue", "speaker", "speaker/Lukashevich"}

    root = project_root(
        export_to(library, tmp_path / "d.qdpx", document_ids=[ids["unicode_doc"]]).path
    )
    assert len(list(root.iter(f"{Q}PlainTextSelection"))) == 3


def test_code_book_alone(annotated, tmp_path: Path):
    library, _ = annotated
    result = export_to(library, tmp_path / "codes.qdc", "qdc")
    assert (result.documents, result.annotations) == (0, 0)
    root = etree.parse(str(result.path)).getroot()
    codebook_ns = "urn:QDA-XML:codebook:1.0"
    assert root.tag == f"{{{codebook_ns}}}CodeBook"
    assert root.get("origin").startswith("Quotebook ")
    codes = list(root.iter(f"{{{codebook_ns}}}Code"))
    assert len(codes) == result.codes == len(library.tags.all())
    # Its codes are the project's: valid as the code book of a project.
    text = etree.tostring(root).decode().replace(codebook_ns, NS)
    inner = etree.fromstring(text)
    project = etree.fromstring(f'<Project xmlns="{NS}" name="x"><CodeBook/></Project>')
    project[0].extend(list(inner))
    assert_valid(project)


def test_code_book_of_a_library_without_tags_is_refused(seeded_library, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportFailed, match="no tags"):
        export_to(seeded_library, out / "codes.qdc", "qdc")
    assert list(out.iterdir()) == []  # not even a temporary file


def test_orphaned_highlights_are_left_out_with_a_warning(annotated, tmp_path: Path):
    library, ids = annotated
    annotation = library.annotations.get(ids["untagged_pink"])
    library.annotations.set_anchor(annotation.id, annotation.anchor._replace(end=annotation.start),
                                   orphaned=True)  # fmt: skip
    result = export_to(library, tmp_path / "p.qdpx")
    assert result.annotations == 5
    assert result.warnings == ("1 annotation no longer matches the text; left out of the project.",)
    assert_valid(project_root(result.path))


def test_cli_exports_both_formats(annotated, tmp_path: Path, capsys):
    library, _ = annotated
    path = str(library.path)
    out = tmp_path / "study.qdpx"
    assert main(["--library", path, "export", "--output", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {
        "path": str(out), "format": "qdpx", "documents": 6, "annotations": 6, "pages": 0,
        "codes": len(library.tags.all()) + 4,  # the Highlight group with pink, yellow, green
    }  # fmt: skip
    assert_valid(project_root(out))
    assert (
        main(["--library", path, "export", "--format", "qdc", "-o", str(tmp_path / "c.qdc")]) == 0
    )
    assert capsys.readouterr().out.startswith("exported the code book, ")
    assert (
        main(
            ["--library", path, "export", "--folder", "Interviews", "-o", str(tmp_path / "f.qdpx")]
        )
        == 0
    )
    assert "exported 1 document, 3 annotations, " in capsys.readouterr().out


def test_export_dialog_offers_both_formats_with_the_same_scopes(
    qtbot, session, tmp_path: Path, monkeypatch
):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from quotebook.ui.dialogs.export_dialog import ExportDialog

    library = session.library
    annotate(library)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    folder = library.folders.find("Interviews")
    assert folder is not None
    dialog = ExportDialog(session, folder_id=folder.id, settings=settings)
    qtbot.addWidget(dialog)
    labels = [dialog.format_combo.itemText(i) for i in range(dialog.format_combo.count())]
    assert "REFI-QDA Project (.qdpx)" in labels and "REFI-QDA Codebook (.qdc)" in labels

    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("qdpx"))
    assert dialog.author_edit.isEnabled() and not dialog.page_size_combo.isEnabled()
    dialog.scope_buttons["folder"].setChecked(True)
    dialog.author_edit.setText("Анна")
    target = tmp_path / "interviews.qdpx"
    dialog.path_edit.setText(str(target))
    dialog.accept()
    root = project_root(target)
    assert_valid(root)
    assert [s.get("name") for s in root.iter(f"{Q}TextSource")] == ["Интервью “Лукашевича” 😀"]
    assert next(root.iter(f"{Q}User")).get("name") == "Анна"
    assert shown and shown[-1].startswith("Exported 1 document with 3 annotations and ")

    dialog = ExportDialog(session, settings=settings)
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("qdc"))
    assert dialog.path_edit.text().endswith(".qdc")
    dialog.scope_buttons["library"].setChecked(True)
    dialog.accept()
    assert Path(dialog.path_edit.text()).exists()
    assert shown[-1].startswith("Exported the code book, ")
