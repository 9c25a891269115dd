"""The sample library: imported once, with its catalogue details, offsets intact."""

from __future__ import annotations

import json

from quotebook.resources import seeds_dir
from quotebook.services.seeding import needs_seeding, seed_library
from quotebook.store import Library

SEEDS = seeds_dir()


def test_seeds_import_once_with_catalogue_details(library: Library):
    assert needs_seeding(library)
    ids = seed_library(library)
    assert not needs_seeding(library)
    catalogue = json.loads((SEEDS / "library.json").read_text(encoding="utf-8"))
    assert len(ids) == len(catalogue["documents"]) == 5
    for doc_id, entry in zip(ids, catalogue["documents"], strict=True):
        doc = library.documents.get(doc_id)
        assert doc.title == entry["title"]
        assert doc.meta.outlet == entry["outlet"]
        # The stored text is the file's text: gold offsets stay valid.
        assert doc.text == (SEEDS / entry["file"]).read_text(encoding="utf-8")
    assert [f.name for f in library.folders.all()] == [catalogue["folder"]]
