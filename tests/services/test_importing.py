"""Importing into a library: duplicates, changed files, folders, and failures that leave nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from import_samples import ARTICLE, PAGE, RUSSIAN, make_docx, write
from quotebook.anchoring import locate_quote
from quotebook.importers import ImportLimits
from quotebook.services import importing
from quotebook.services.importing import (
    ImportItem,
    ImportOptions,
    collect_files,
    import_file,
    import_files,
    import_items,
)
from quotebook.store import Library

NEW_VERSION = (
    "Talks in Vienna end without a breakthrough\n\n"
    "An update was added at the top of the story.\n\n"
    "Negotiators said on Thursday that the talks in Vienna ended without a breakthrough, and "
    "both delegations promised to keep the channels open.\n\n"
    "The envoy declined to comment further.\n"
)


def statuses(results: list[importing.ImportResult]) -> list[str]:
    return [r.status for r in results]


def test_reimporting_the_same_text_is_a_duplicate(library: Library, tmp_path: Path):
    path = write(tmp_path / "a.txt", ARTICLE)
    first = import_file(library, path)
    again = import_file(library, path)
    copy = import_file(library, write(tmp_path / "copy.txt", ARTICLE))
    assert first.status == "imported"
    assert (again.status, again.id) == ("duplicate", first.id)
    assert (copy.status, copy.id) == ("duplicate", first.id)
    assert "already in the library" in copy.error
    assert library.documents.count() == 1


def test_stored_document_remembers_its_absolute_source(library: Library, tmp_path: Path):
    result = import_file(library, write(tmp_path / "a.txt", ARTICLE))
    document = library.documents.get(result.id)
    assert document.meta.source_path == str((tmp_path / "a.txt").resolve())
    assert document.text == ARTICLE


def annotate(library: Library, doc_id: int, quote: str) -> int:
    text = library.documents.get(doc_id).text
    return library.annotations.create(doc_id, locate_quote(text, quote), note="n").id


def test_changed_file_replaces_its_document_and_annotations_follow_their_quotes(
    library: Library, tmp_path: Path
):
    path = write(tmp_path / "story.txt", ARTICLE)
    doc_id = import_file(library, path).id
    library.documents.update_meta(doc_id, title="My title", outlet="Wire")
    kept = annotate(library, doc_id, "both delegations promised")
    lost = annotate(library, doc_id, "We did not get an appropriate response")
    write(path, NEW_VERSION)

    (result,), log = import_items(library, [ImportItem(path)], ImportOptions(on_changed="replace"))
    assert (result.status, result.id, result.orphaned) == ("replaced", doc_id, 1)
    assert "1 annotation(s) lost their quote" in result.error
    document = library.documents.get(doc_id)
    assert document.text == NEW_VERSION
    assert (document.meta.title, document.meta.outlet) == ("My title", "Wire")  # user's edits
    moved = library.annotations.get(kept)
    assert NEW_VERSION[moved.start : moved.end] == "both delegations promised"
    assert not moved.orphaned
    orphan = library.annotations.get(lost)
    assert orphan.orphaned and orphan.quote == "We did not get an appropriate response"
    assert orphan.start == orphan.end <= len(NEW_VERSION)
    assert orphan.note == "n"  # kept with everything it carried
    assert library.documents.count() == 1
    assert [r.before.text for r in log.replaced] == [ARTICLE]

    library.documents.restore_replaced(log.replaced[0])  # what undo does
    assert library.documents.get(doc_id).text == ARTICLE
    assert not library.annotations.get(lost).orphaned
    assert ARTICLE[library.annotations.get(lost).start :].startswith("We did not get")


@pytest.mark.parametrize(
    ("on_changed", "status", "documents"),
    [("new", "imported", 2), ("keep", "changed", 1)],
)
def test_changed_file_without_replace(
    library: Library, tmp_path: Path, on_changed, status, documents
):
    path = write(tmp_path / "story.txt", ARTICLE)
    first = import_file(library, path)
    write(path, NEW_VERSION)
    (result,), _ = import_items(library, [ImportItem(path)], ImportOptions(on_changed=on_changed))
    assert result.status == status
    assert library.documents.count() == documents
    assert library.documents.get(first.id).text == ARTICLE
    if status == "changed":
        assert result.id == first.id and "changed version" in result.error


def test_folder_import_is_recursive_and_can_mirror_the_folder_tree(
    library: Library, tmp_path: Path
):
    source = tmp_path / "press"
    write(source / "a.txt", ARTICLE)
    write(source / "2022" / "january" / "ru.txt", RUSSIAN)
    write(source / "2022" / "page.html", PAGE)
    make_docx(source / "2022" / "talks.docx")
    write(source / "2022" / "notes.odt", b"ignored: not a supported type")
    write(source / ".hidden" / "secret.txt", "not imported")
    write(source / "2022" / ".DS_Store.txt", "not imported")
    target = library.folders.create("Inbox")

    results = import_files(
        library, [source], options=ImportOptions(folder_id=target.id, mirror_folders=True)
    )
    assert statuses(results) == ["imported"] * 4
    folders = {f.id: f for f in library.folders.all()}

    def place(path: Path) -> list[str]:
        result = next(r for r in results if r.path == str(path))
        names, folder_id = [], library.documents.get(result.id).folder_id
        while folder_id is not None:
            names.insert(0, folders[folder_id].name)
            folder_id = folders[folder_id].parent_id
        return names

    assert place(source / "a.txt") == ["Inbox", "press"]
    assert place(source / "2022" / "page.html") == ["Inbox", "press", "2022"]
    assert place(source / "2022" / "january" / "ru.txt") == ["Inbox", "press", "2022", "january"]

    # A second import of the same tree finds the folders it made and only duplicates.
    again = import_files(
        library, [source], options=ImportOptions(folder_id=target.id, mirror_folders=True)
    )
    assert statuses(again) == ["duplicate"] * 4
    assert len(library.folders.all()) == len(folders)


def test_folder_import_without_mirroring_or_recursion(library: Library, tmp_path: Path):
    write(tmp_path / "top.txt", ARTICLE)
    write(tmp_path / "sub" / "deep.txt", RUSSIAN)
    flat = collect_files([tmp_path], recursive=False)
    assert [i.path.name for i in flat] == ["top.txt"]
    results = import_files(library, [tmp_path])
    assert statuses(results) == ["imported", "imported"]
    assert {library.documents.get(r.id).folder_id for r in results} == {None}
    assert library.folders.all() == []


def test_failures_are_reported_per_file_and_leave_nothing_behind(library: Library, tmp_path: Path):
    paths = [
        write(tmp_path / "1-good.txt", ARTICLE),
        write(tmp_path / "2-empty.txt", b""),
        write(tmp_path / "3-binary.txt", b"\x00\x01\x02\xff" * 500),
        write(tmp_path / "4-broken.docx", b"PK\x03\x04 not really"),
        write(tmp_path / "5-broken.pdf", b"%PDF-1.4\n garbage"),
        write(tmp_path / "6-good.txt", RUSSIAN),
        tmp_path / "7-missing.txt",
    ]
    results = import_files(library, paths)
    assert statuses(results) == ["imported", *["failed"] * 4, "imported", "failed"]
    assert all(r.error and r.id is None for r in results if r.status == "failed")
    assert library.documents.count() == 2


def test_size_limit_applies_through_the_options(library: Library, tmp_path: Path):
    path = write(tmp_path / "big.txt", ARTICLE * 100)
    options = ImportOptions(limits=ImportLimits(max_bytes=1000))
    (result,), _ = import_items(library, [ImportItem(path)], options)
    assert result.status == "failed" and "not imported" in result.error


def test_large_import_is_written_in_batches_with_progress_and_cancel(
    library: Library, tmp_path: Path, monkeypatch
):
    monkeypatch.setattr(importing, "BATCH_FILES", 7)
    monkeypatch.setattr(importing, "BATCH_SECONDS", 1e9)  # batches by count only, however slow
    paths = [write(tmp_path / f"{n:03d}.txt", f"Article {n}\n\n{ARTICLE}") for n in range(40)]
    items = [ImportItem(p) for p in paths]
    seen: list[int] = []
    results, log = import_items(
        library,
        items,
        progress=lambda n, result: seen.append(n),
        cancelled=lambda: len(seen) >= 14,
    )
    assert seen == list(range(1, 15))  # cancelled after the second batch of seven
    assert len(results) == len(log.added) == library.documents.count() == 14
    positions = [library.documents.placement(i)[1] for i in log.added]
    assert positions == list(range(14))


def test_duplicates_inside_one_batch_are_caught(library: Library, tmp_path: Path):
    paths = [write(tmp_path / f"{n}.txt", ARTICLE) for n in range(3)]
    assert statuses(import_files(library, paths)) == ["imported", "duplicate", "duplicate"]
