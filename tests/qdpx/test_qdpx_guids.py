"""GUIDs are stable: a second export says the same, and they are the library's own."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from qdpx_helpers import export_to, project_root

from quotebook.store import Library


def guid_attributes(path: Path) -> list[tuple[str, str, str]]:
    root = project_root(path)
    return [
        (etree.QName(el).localname, name, value)
        for el in root.iter()
        for name, value in sorted(el.attrib.items())
        if re.search("guid|user", name, re.IGNORECASE)
    ]


def test_a_second_export_gives_the_same_guids(annotated, tmp_path: Path):
    library, _ = annotated
    first = guid_attributes(export_to(library, tmp_path / "one.qdpx").path)
    library.close()
    with Library(library.path) as reopened:  # even after the library was closed and opened
        second = guid_attributes(export_to(reopened, tmp_path / "two.qdpx").path)
        assert first == second
        stored = (
            {d.guid for d in (reopened.documents.get(s.id) for s in reopened.documents.summaries())}
            | {a.guid for a in reopened.annotations.all()}
            | {t.guid for t in reopened.tags.all()}
            | {f.guid for f in reopened.folders.all()}
        )
    written = {value for _, name, value in first if name == "guid"}
    assert stored <= written
    assert len([v for _, n, v in first if n == "guid"]) == len(written)  # all distinct


def test_renaming_keeps_the_guid(annotated, tmp_path: Path):
    library, ids = annotated
    tag = library.tags.find("speaker")
    assert tag is not None
    library.tags.rename(tag.id, "speakers")
    library.documents.rename(ids["unicode_doc"], "Renamed")
    root = project_root(export_to(library, tmp_path / "p.qdpx").path)
    codes = {c.get("name"): c.get("guid") for c in root.iter("{*}Code")}
    assert codes["speakers"] == tag.guid
    sources = {s.get("name"): s.get("guid") for s in root.iter("{*}TextSource")}
    assert sources["Renamed"] == library.documents.get(ids["unicode_doc"]).guid
