"""Export, then import into an empty library: the same documents, tags, notes and highlights."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from qdpx_helpers import export_to, library_state

from quotebook.services.importing import import_files
from quotebook.store import Library


def folder_paths(library: Library) -> dict[int, str]:
    folders = {f.id: f for f in library.folders.all()}

    def path(folder_id: int) -> str:
        folder = folders[folder_id]
        return (
            folder.name if folder.parent_id is None else f"{path(folder.parent_id)} › {folder.name}"
        )

    return {f: path(f) for f in folders}


def snapshot(library: Library) -> dict[str, object]:
    """Everything a round trip must keep, keyed by what other programs see (not by id)."""
    paths = folder_paths(library)
    documents = {}
    for summary in library.documents.summaries():
        document = library.documents.get(summary.id)
        meta = document.meta
        documents[document.title] = (
            document.text,
            meta.outlet,
            meta.author,
            meta.published,
            meta.source_url,
            meta.language,
            meta.notes,
            paths.get(document.folder_id) if document.folder_id else None,
            document.guid,
            sorted(
                (a.start, a.end, a.quote, a.prefix, a.suffix, a.note, a.tags, a.color, a.guid)
                for a in library.annotations.for_document(document.id)
            ),
        )
    return {
        "documents": documents,
        "tags": sorted((t.name, t.color, t.description, t.guid) for t in library.tags.all()),
        "folders": sorted(paths.values()),
    }


def test_round_trip_into_an_empty_library(annotated, tmp_path: Path):
    library, _ = annotated
    result = export_to(library, tmp_path / "study.qdpx")
    with Library(tmp_path / "other.sqlite") as other:
        results = import_files(other, [result.path])
        assert [r.status for r in results] == ["imported"] * 6
        assert sum(r.annotations or 0 for r in results) == 6
        assert snapshot(other) == snapshot(library)
        # Timestamps come along too.
        created = {a.guid: a.created_at for a in library.annotations.all()}
        assert {a.guid: a.created_at for a in other.annotations.all()} == created


def test_a_second_import_adds_nothing(annotated, tmp_path: Path):
    library, _ = annotated
    path = export_to(library, tmp_path / "study.qdpx").path
    with Library(tmp_path / "other.sqlite") as other:
        import_files(other, [path])
        before = library_state(other), snapshot(other)
        again = import_files(other, [path])
        assert [r.status for r in again] == ["duplicate"] * 6
        assert all(r.error.startswith("already in the library as “") for r in again)
        assert (library_state(other), snapshot(other)) == before
    # Into the library it came from: everything is already there.
    before = library_state(library)
    assert {r.status for r in import_files(library, [path])} == {"duplicate"}
    assert library_state(library) == before


def test_same_texts_under_new_guids_are_not_doubled(annotated, tmp_path: Path):
    """Other programs often give everything new GUIDs when they export a project again."""
    library, _ = annotated
    path = export_to(library, tmp_path / "study.qdpx").path
    renamed = tmp_path / "renamed.qdpx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(renamed, "w") as target:
        xml = source.read("project.qde").decode()
        guids = set(re.findall(r'guid="([0-9a-f-]{36})"', xml))
        fresh = {g: f"{g[:-12]}{'0' * 11}{n % 10}" for n, g in enumerate(sorted(guids))}
        for old, new in fresh.items():
            xml = xml.replace(old, new)
        target.writestr("project.qde", xml)
        for info in source.infolist():
            if info.filename.startswith("sources/"):
                name = info.filename
                for old, new in fresh.items():
                    name = name.replace(old, new)
                target.writestr(name, source.read(info))
    before = library_state(library)
    results = import_files(library, [renamed])
    assert {r.status for r in results} == {"duplicate"}
    assert library_state(library) == before  # no document, highlight, tag or folder doubled


def test_new_highlights_join_a_document_already_there(annotated, tmp_path: Path):
    library, ids = annotated
    path = export_to(library, tmp_path / "study.qdpx").path
    with Library(tmp_path / "other.sqlite") as other:
        import_files(other, [path])
        # Remove one highlight here; importing again brings it back, and only it.
        guid = library.annotations.get(ids["last"]).guid
        (gone,) = [a for a in other.annotations.all() if a.guid == guid]
        other.annotations.delete(gone.id)
        results = import_files(other, [path])
        (back,) = [r for r in results if r.annotations]
        assert back.status == "duplicate" and "1 new highlight added" in back.error
        assert snapshot(other) == snapshot(library)


def test_two_highlights_over_one_range_stay_two(seeded_library, tmp_path: Path):
    from quotebook.anchoring import locate_quote

    library = seeded_library
    document = library.documents.get(library.documents.summaries()[0].id)
    anchor = locate_quote(document.text, "OSCE")
    library.annotations.create(document.id, anchor, tags=["coder/a"])
    library.annotations.create(document.id, anchor, tags=["coder/b"], color="green")
    path = export_to(library, tmp_path / "two.qdpx").path
    with Library(tmp_path / "other.sqlite") as other:
        import_files(other, [path])
        assert snapshot(other) == snapshot(library)
        assert import_files(other, [path]) and other.annotations.count() == 2
