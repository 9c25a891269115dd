"""Plain text in the encodings people's files come in, and files that are not text at all."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from import_samples import ARTICLE, FRENCH, RUSSIAN, write
from quotebook.errors import ImportFailed
from quotebook.importers import ImportLimits, read_document
from quotebook.importers.source import MB


@pytest.mark.parametrize(
    ("text", "encoding", "bom"),
    [
        (ARTICLE, "utf-8", b""),
        (ARTICLE, "utf-8", codecs.BOM_UTF8),
        (RUSSIAN, "cp1251", b""),
        (RUSSIAN, "koi8-r", b""),
        (FRENCH, "latin-1", b""),
        (FRENCH, "cp1252", b""),
        (RUSSIAN, "utf-16-le", codecs.BOM_UTF16_LE),
        (RUSSIAN, "utf-16-be", codecs.BOM_UTF16_BE),
        (RUSSIAN, "utf-16-le", b""),
        (ARTICLE, "utf-16-be", b""),
        (ARTICLE, "utf-32-le", codecs.BOM_UTF32_LE),
        (RUSSIAN, "utf-32-le", b""),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 12 else None,
)
def test_text_in_any_common_encoding_reads_back_exactly(tmp_path: Path, text, encoding, bom):
    path = write(tmp_path / "article.txt", bom + text.encode(encoding))
    document = read_document(path)
    assert document.text == text
    assert document.meta.title == text.split("\n", 1)[0]
    assert document.meta.original_format == "txt"


def test_line_ends_are_normalised_and_nothing_else_changes(tmp_path: Path):
    text = "Title\r\n\r\nHe said 😀 “yes”.\tTab\u00a0NBSP\rold Mac line\n"
    document = read_document(write(tmp_path / "a.text", text))
    assert document.text == "Title\n\nHe said 😀 “yes”.\tTab\u00a0NBSP\nold Mac line\n"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\n\t  \r\n",
        codecs.BOM_UTF8,
    ],
    ids=["zero bytes", "white space", "only a BOM"],
)
def test_empty_files_are_refused(tmp_path: Path, data: bytes):
    with pytest.raises(ImportFailed, match="is empty"):
        read_document(write(tmp_path / "empty.txt", data))


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 8,
        b"\x7fELF\x02\x01\x01\x00" + bytes(4000),
        bytes(range(1, 32)) * 100,
    ],
    ids=["png", "zip", "elf", "control characters"],
)
def test_binary_file_renamed_txt_is_refused(tmp_path: Path, data: bytes):
    with pytest.raises(ImportFailed, match="binary file"):
        read_document(write(tmp_path / "photo.txt", data))


def test_a_50_mb_text_is_refused_by_the_limit_without_being_read(tmp_path: Path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, no time to write
        handle.truncate(50 * MB)
    with pytest.raises(ImportFailed) as caught:
        read_document(path)
    assert "huge.txt is 50.0 MB" in caught.value.message
    assert "larger than 20.0 MB are not imported" in caught.value.message


def test_the_limit_is_configurable(tmp_path: Path):
    path = write(tmp_path / "article.txt", ARTICLE * 2000)  # about 400 KB
    with pytest.raises(ImportFailed, match="larger than 100 KB"):
        read_document(path, ImportLimits(max_bytes=100 * 1024))
    assert read_document(path, ImportLimits(max_bytes=1 * MB)).text == ARTICLE * 2000


def test_missing_file_folder_and_unknown_type_have_reasons(tmp_path: Path):
    with pytest.raises(ImportFailed, match="does not exist"):
        read_document(tmp_path / "gone.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(ImportFailed, match="is a folder"):
        read_document(tmp_path / "dir.txt")
    with pytest.raises(ImportFailed, match=r"“\.odt” cannot be imported"):
        read_document(write(tmp_path / "a.odt", b"x"))
