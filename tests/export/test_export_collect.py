"""Choosing what to export: ids, folders with their subfolders, tags."""

from __future__ import annotations

import pytest

from quotebook.anchoring import locate_quote
from quotebook.errors import NotFoundError, UserError
from quotebook.export import collect_items


@pytest.fixture
def lib(seeded_library):
    docs = seeded_library.documents.summaries()
    first = seeded_library.documents.get(docs[0].id)
    for quote, tags in (("Russian Diplomats", ["speaker/Lukashevich"]), ("OSCE", ["osce"])):
        seeded_library.annotations.create(first.id, locate_quote(first.text, quote), tags=tags)
    return seeded_library


def test_whole_library_in_tree_order(lib):
    items = collect_items(lib)
    assert [i.document.id for i in items] == [s.id for s in lib.documents.summaries()]
    assert sum(len(i.annotations) for i in items) == 2


def test_by_ids_keeps_tree_order_and_drops_repeats(lib):
    ids = [s.id for s in lib.documents.summaries()]
    items = collect_items(lib, [ids[2], ids[0], ids[2]])
    assert [i.document.id for i in items] == [ids[0], ids[2]]


def test_by_folder_name_or_id_includes_subfolders(lib):
    ids = [s.id for s in lib.documents.summaries()]
    top = lib.folders.create("Reading")
    sub = lib.folders.create("Later", parent_id=top.id)
    lib.documents.move(ids[1], top.id)
    lib.documents.move(ids[3], sub.id)
    assert {i.document.id for i in collect_items(lib, folder="reading")} == {ids[1], ids[3]}
    assert {i.document.id for i in collect_items(lib, folder=sub.id)} == {ids[3]}
    # Ids and a folder add up.
    both = collect_items(lib, [ids[0]], folder="Later")
    assert {i.document.id for i in both} == {ids[0], ids[3]}


def test_by_tag_keeps_only_those_annotations(lib):
    items = collect_items(lib, tag="speaker")  # a parent tag finds speaker/…
    assert len(items) == 1
    assert [a.tags for a in items[0].annotations] == [("speaker/Lukashevich",)]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"document_ids": [999]}, "no document with id 999"),
        ({"folder": "Nope"}, "no folder named “Nope”"),
        ({"tag": "nope"}, "no tag named “nope”"),
    ],
)
def test_unknown_names_say_so(lib, kwargs, message):
    with pytest.raises(NotFoundError, match=message):
        collect_items(lib, **kwargs)


def test_empty_selection_is_an_error(lib):
    empty = lib.folders.create("Empty")
    with pytest.raises(UserError, match="nothing to export"):
        collect_items(lib, folder=empty.id)
