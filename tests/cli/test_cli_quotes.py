"""`quotebook quotes`: the listing, the JSON shape and `--accept`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotebook.cli.main import main
from quotebook.store import Library

QUOTE_KEYS = {"start", "end", "text", "kind", "speaker", "confidence"}
TURN_KEYS = {"start", "end", "label", "speaker"}
OPENING_MARKS = "\"'“‘„«‚‹"


def run_json(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> list[dict]:
    assert main(["--library", str(path), "quotes", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_shape(
    seeded_library: Library, library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run_json(capsys, library_path)
    assert [e["document_id"] for e in out] == [s.id for s in seeded_library.documents.summaries()]
    for entry in out:
        assert set(entry) == {"document_id", "quotes", "turns"}
        text = seeded_library.documents.get(entry["document_id"]).text
        for q in entry["quotes"]:
            assert set(q) == QUOTE_KEYS
            assert q["text"] == text[q["start"] : q["end"]]
            assert text[q["start"] - 1] in OPENING_MARKS  # offsets exclude the marks
            assert q["kind"] in ("direct", "partial", "scare")
        for t in entry["turns"]:
            assert set(t) == TURN_KEYS
    assert any(t["speaker"] == "Alexander Lukashevich" for e in out for t in e["turns"])


def test_json_of_one_document(
    seeded_library: Library, library_path: Path, envoy_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    [entry] = run_json(capsys, library_path, str(envoy_id))
    first = entry["quotes"][0]
    assert (first["kind"], first["speaker"]) == ("direct", "Michael Carpenter")
    assert first["text"].startswith("We have no planned interactions with Russia.")


def test_accept_highlights_direct_and_partial_quotes_once(
    seeded_library: Library, library_path: Path, envoy_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    [entry] = run_json(capsys, library_path, str(envoy_id), "--accept")
    wanted = [q for q in entry["quotes"] if q["kind"] in ("direct", "partial")]
    assert len(entry["accepted"]) == len(wanted) > 0
    made = {a.id: a for a in seeded_library.annotations.for_document(envoy_id)}
    assert sorted(made) == sorted(entry["accepted"])
    for q, annotation_id in zip(wanted, entry["accepted"], strict=True):
        annotation = made[annotation_id]
        assert (annotation.start, annotation.end) == (q["start"], q["end"])
        assert "quote" in annotation.tags
        assert f"speaker/{q['speaker']}" in annotation.tags
    [again] = run_json(capsys, library_path, str(envoy_id), "--accept")
    assert again["accepted"] == []


def test_plain_listing_and_accept_summary(
    seeded_library: Library, library_path: Path, envoy_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--library", str(library_path), "quotes", str(envoy_id), "--accept"]) == 0
    out = capsys.readouterr().out
    assert "Michael Carpenter: “We have no planned interactions" in out
    assert out.rstrip().endswith("in 1 document")


def test_unknown_document_is_a_clean_error(
    seeded_library: Library, library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--library", str(library_path), "quotes", "999", "--accept"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no document with id 999" in captured.err
    assert "Traceback" not in captured.err
    assert seeded_library.annotations.count() == 0


def test_accept_tags_the_users_own_highlight_instead_of_doubling_it(capsys, library_path, envoy_id):
    from quotebook.anchoring import make_anchor
    from quotebook.services.quote_acceptance import scan_library
    from quotebook.store import Library

    with Library(library_path) as library:
        first = next(q for q in scan_library(library, [envoy_id])[envoy_id].quotes if q.speaker)
        text = library.documents.get(envoy_id).text
        mine = library.annotations.create(envoy_id, make_anchor(text, first.start, first.end)).id
    [entry] = run_json(capsys, library_path, str(envoy_id), "--accept")
    assert entry["tagged"] == [mine]
    with Library(library_path) as library:
        spans = [(a.start, a.end) for a in library.annotations.for_document(envoy_id)]
        assert spans.count((first.start, first.end)) == 1
        assert "quote" in library.annotations.get(mine).tags
