"""Importing projects as other QDA programs write them, through the CLI, the service and the app."""

# ruff: noqa: E501 - the project XML below reads better with one element a line

from __future__ import annotations

import json
from pathlib import Path

import pytest
from qdpx_helpers import annotate, export_to, library_state, make_qdpx

from quotebook.cli.main import main
from quotebook.services.importing import import_files
from quotebook.services.seeding import seed_library
from quotebook.store import Library

G = {name: f"{{{n:08X}-AAAA-4BBB-8CCC-{n:012X}}}" for n, name in enumerate(
    ["user", "code_a", "code_b", "code_red", "src1", "src2", "pdf", "audio", "linked", "sel1",
     "sel2", "sel3", "note_src", "note_sel", "note_code", "memo", "set1", "set2", "codeset",
     "var_author", "var_date", "coding1", "coding2", "coding3", "coding_whole", "sel_empty"]
)}  # fmt: skip

# CR LF line ends in the stored text: offsets count the CR, Quotebook keeps "\n".
WINDOWS_TEXT = "Line one — «один».\r\nЛиния 😀 два: “quoted”.\r\nLast line.\r\n"
INLINE_TEXT = "Inline text with ‘curly’ quotes and Ёлка."


def foreign_project() -> str:
    crlf_start = WINDOWS_TEXT.index("“quoted”")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Fieldwork" origin="Another QDA 9.1">
  <Users><User guid="{G["user"]}" name="Researcher"/></Users>
  <CodeBook><Codes>
    <Code guid="{G["code_a"]}" name="Themes" isCodable="true" color="#3366CC">
      <Description>Broad themes</Description>
      <NoteRef targetGUID="{G["note_code"]}"/>
      <Code guid="{G["code_b"]}" name="Pro/contra" isCodable="true"/>
    </Code>
    <Code guid="{G["code_red"]}" name="Red flag" isCodable="true" color="#F00"/>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="{G["var_author"]}" name="Author" typeOfVariable="Text"/>
    <Variable guid="{G["var_date"]}" name="Date" typeOfVariable="Date"/>
  </Variables>
  <Sources>
    <TextSource guid="{G["src1"]}" name="Interview 1" plainTextPath="internal://{G["src1"].strip("{}")}.txt">
      <Description>Recorded in Vienna.</Description>
      <PlainTextSelection guid="{G["sel1"]}" startPosition="{crlf_start}" endPosition="{crlf_start + 8}" creationDateTime="2023-05-06T07:08:09+02:00">
        <Description>Said with a smile.</Description>
        <Coding guid="{G["coding1"]}"><CodeRef targetGUID="{G["code_b"].lower()}"/></Coding>
        <Coding guid="{G["coding2"]}"><CodeRef targetGUID="{G["code_red"]}"/></Coding>
        <Coding guid="{G["coding3"]}"><CodeRef targetGUID="{{99999999-AAAA-4BBB-8CCC-999999999999}}"/></Coding>
        <NoteRef targetGUID="{G["note_sel"]}"/>
      </PlainTextSelection>
      <PlainTextSelection guid="{G["sel_empty"]}" startPosition="3" endPosition="3"/>
      <Coding guid="{G["coding_whole"]}"><CodeRef targetGUID="{G["code_a"]}"/></Coding>
      <NoteRef targetGUID="{G["note_src"]}"/>
      <VariableValue><VariableRef targetGUID="{G["var_author"]}"/><TextValue>Ivan Petrov</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="{G["var_date"]}"/><DateValue>2023-05-06</DateValue></VariableValue>
    </TextSource>
    <TextSource guid="{G["src2"]}" name="Inline notes">
      <PlainTextContent>{INLINE_TEXT}</PlainTextContent>
      <PlainTextSelection guid="{G["sel2"]}" startPosition="17" endPosition="24"/>
    </TextSource>
    <PDFSource guid="{G["pdf"]}" name="Scan.pdf" path="internal://scan.pdf"/>
    <AudioSource guid="{G["audio"]}" name="Recording.mp3" path="internal://rec.mp3"/>
    <TextSource guid="{G["linked"]}" name="Linked" plainTextPath="absolute:///home/me/linked.txt"/>
  </Sources>
  <Notes>
    <Note guid="{G["note_src"]}" name="About"><PlainTextContent>Consent on file.</PlainTextContent></Note>
    <Note guid="{G["note_sel"]}" name="Memo"><PlainTextContent>Check the tone.</PlainTextContent></Note>
    <Note guid="{G["note_code"]}" name="Code memo"><PlainTextContent>Use sparingly.</PlainTextContent></Note>
    <Note guid="{G["memo"]}" name="Project memo"><PlainTextContent>Overall thoughts.</PlainTextContent></Note>
  </Notes>
  <Sets>
    <Set guid="{G["set1"]}" name="Wave 1"><MemberSource targetGUID="{G["src1"]}"/></Set>
    <Set guid="{G["set2"]}" name="Wave 1/Vienna"><MemberSource targetGUID="{G["src2"]}"/><MemberSource targetGUID="{G["src1"]}"/></Set>
    <Set guid="{G["codeset"]}" name="Core codes"><MemberCode targetGUID="{G["code_a"]}"/></Set>
  </Sets>
</Project>"""


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    return make_qdpx(
        tmp_path / "fieldwork.qdpx",
        foreign_project(),
        {
            f"sources/{G['src1'].strip('{}')}.txt": WINDOWS_TEXT.encode("utf-8"),
            "sources/scan.pdf": b"%PDF-1.4 not really",
            "sources/rec.mp3": b"ID3",
        },
    )


def test_a_foreign_project_comes_in_with_what_fits_and_lists_the_rest(library, foreign):
    results = import_files(library, [foreign])
    by_status = {(r.status, Path(r.path).name) for r in results}
    assert by_status == {
        ("imported", "fieldwork.qdpx › Interview 1"),
        ("imported", "fieldwork.qdpx › Inline notes"),
        ("skipped", "fieldwork.qdpx › Scan.pdf"),
        ("skipped", "fieldwork.qdpx › Recording.mp3"),
        ("skipped", "fieldwork.qdpx › Linked"),
        ("skipped", "fieldwork.qdpx"),
    }
    reasons = {Path(r.path).name: r.error for r in results if r.status == "skipped"}
    assert "a PDF" in reasons["fieldwork.qdpx › Scan.pdf"]
    assert "sound recording" in reasons["fieldwork.qdpx › Recording.mp3"]
    assert "outside the project file" in reasons["fieldwork.qdpx › Linked"]
    project_note = reasons["fieldwork.qdpx"]
    assert "1 note not attached" in project_note
    assert "1 coding of whole sources" in project_note
    assert "1 set of codes" in project_note
    assert "1 empty selection" in project_note

    interview = next(r for r in results if r.path.endswith("Interview 1"))
    document = library.documents.get(interview.id)
    assert document.text == WINDOWS_TEXT.replace("\r\n", "\n")
    assert (document.meta.author, document.meta.published) == ("Ivan Petrov", "2023-05-06")
    assert document.meta.notes == "Recorded in Vienna.\n\nConsent on file."
    (highlight,) = library.annotations.for_document(document.id)
    assert highlight.quote == "“quoted”"  # offsets moved back past the CR of each CR LF
    assert document.text[highlight.start : highlight.end] == "“quoted”"
    assert highlight.prefix.endswith("Линия 😀 два: ") and highlight.suffix.startswith(".\nLast")
    assert highlight.tags == ("Red flag", "Themes/Pro-contra")
    assert highlight.note == "Said with a smile.\n\nCheck the tone."
    assert highlight.color == "orange"  # "#F00": the palette's nearest colour
    assert highlight.created_at == "2023-05-06T05:08:09Z"
    assert highlight.guid == G["sel1"].strip("{}").lower()

    themes = library.tags.find("Themes")
    assert themes is not None
    assert (themes.color, themes.description) == ("blue", "Broad themes\n\nUse sparingly.")
    inline = library.annotations.for_document(
        next(r.id for r in results if r.path.endswith("notes"))
    )
    assert [a.quote for a in inline] == ["‘curly’"] and inline[0].color == "yellow"

    folders = {f.id: f for f in library.folders.all()}
    assert sorted(f.name for f in folders.values()) == ["Vienna", "Wave 1"]
    assert folders[document.folder_id].name == "Wave 1"  # the first set it is in


def test_importing_it_again_adds_nothing(library, foreign):
    import_files(library, [foreign])
    before = library_state(library)
    results = import_files(library, [foreign])
    assert {r.status for r in results if "›" in r.path and "Interview" in r.path} == {"duplicate"}
    assert library_state(library) == before


def test_cli_reports_sources_and_highlights(library_path: Path, foreign, capsys):
    Library(library_path).close()
    assert main(["--library", str(library_path), "import", str(foreign), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(Path(r["path"]).name, r["status"], r.get("highlights")) for r in rows} == {
        ("fieldwork.qdpx › Interview 1", "imported", 1),
        ("fieldwork.qdpx › Inline notes", "imported", 1),
        ("fieldwork.qdpx › Scan.pdf", "skipped", None),
        ("fieldwork.qdpx › Recording.mp3", "skipped", None),
        ("fieldwork.qdpx › Linked", "skipped", None),
        ("fieldwork.qdpx", "skipped", None),
    }
    assert main(["--library", str(library_path), "import", str(foreign)]) == 0
    out = capsys.readouterr().out
    assert "duplicate  " in out and "skipped    " in out and "Scan.pdf: a PDF" in out


def test_dropping_a_project_on_the_library_tree_imports_it_as_one_undo_step(
    qtbot, make_window, tmp_path: Path, monkeypatch
):
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QMessageBox

    with Library(tmp_path / "colleague.sqlite") as colleague:
        seed_library(colleague)
        annotate(colleague)
        path = export_to(colleague, tmp_path / "study.qdpx").path
        expected = library_state(colleague)
    summaries: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: summaries.append(box.text()) or 0)
    window = make_window()  # its library has the seed documents, without highlights
    target = window.session.library
    before = library_state(target)
    window.document_tree.setCurrentIndex(QModelIndex())  # dropped outside any folder
    window.document_tree.filesDropped.emit([path], None)
    qtbot.waitUntil(lambda: window.session.undo_stack.count() == 1, timeout=10_000)
    # The seed texts were there already: their highlights join them; one document is new.
    assert library_state(target) == expected
    # An import that went well is told in the status bar, not in a box.
    assert summaries == []
    assert window.statusBar().currentMessage() == (
        "1 imported; 5 already in the library. 6 highlights came with them."
    )
    stack = window.session.undo_stack
    stack.undo()
    assert library_state(target) == before
    stack.redo()
    assert library_state(target) == expected
