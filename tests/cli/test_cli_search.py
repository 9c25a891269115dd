"""``quotebook search`` run as a user would: a real process on a real library file."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from cli_runner import run_cli
from quotebook.anchoring import locate_quote
from quotebook.domain import DocumentMeta, NewDocument
from quotebook.store import Library

TEXT = "Talks in Vienna\n\nThe envoy 😀 said the dialogue would go on.\tThe envoy left."


def run(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(library, "search", *args)


@pytest.fixture
def library_file(library_path: Path) -> tuple[Path, int, int]:
    with Library(library_path) as library:
        doc = library.documents.add(NewDocument(DocumentMeta("Talks in Vienna", outlet="NV"), TEXT))
        note = library.annotations.create(
            doc.id, locate_quote(TEXT, "dialogue"), note="envoy quote", tags=["topic/talks"]
        )
    return library_path, doc.id, note.id


def test_json_hits(library_file: tuple[Path, int, int]):
    path, doc_id, annotation_id = library_file
    hits = json.loads(run(path, "envoy", "--json").stdout)
    assert {h["kind"] for h in hits} == {"document", "annotation"}
    for hit in hits:
        assert set(hit) >= {"document_id", "kind", "start", "end", "snippet", "annotation_id"}
    document = next(h for h in hits if h["kind"] == "document")
    assert (document["document_id"], document["annotation_id"]) == (doc_id, None)
    assert TEXT[document["start"] : document["end"]] == "envoy"  # code points, after an emoji
    assert "**envoy**" in document["snippet"]
    annotation = next(h for h in hits if h["kind"] == "annotation")
    assert annotation["annotation_id"] == annotation_id
    assert TEXT[annotation["start"] : annotation["end"]] == "dialogue"


@pytest.mark.parametrize(
    ("args", "kinds"),
    [
        (['"envoy said"'], ["document"]),
        (["dialog*", "--kind", "annotation"], ["annotation"]),
        (["dialog*", "--kind", "document"], ["document"]),
        (["envoy", "--tag", "topic", "--kind", "annotation"], ["annotation"]),
        (["envoy", "--outlet", "TASS"], []),
        (["--", "vienna", "-dialogue"], []),  # after "--", a leading "-" is the query's
        (["vienna", "NOT", "dialogue"], []),
        (['"stray'], []),
        (['envoy "stray'], []),
        (["(envoy", "OR"], ["annotation", "document"]),
    ],
)
def test_query_forms(library_file: tuple[Path, int, int], args: list[str], kinds: list[str]):
    hits = json.loads(run(library_file[0], "--json", *args).stdout)
    assert sorted(h["kind"] for h in hits) == kinds


def test_plain_output(library_file: tuple[Path, int, int]):
    out = run(library_file[0], "dialogue").stdout
    assert "**dialogue**" in out
    assert "annotation #" in out
