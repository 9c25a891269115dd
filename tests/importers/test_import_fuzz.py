"""Random and damaged bytes under every importer: a reason or a document, never a crash."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from import_samples import ARTICLE, MARKDOWN_SAMPLE, PAGE, make_docx, make_eml, make_pdf, write
from quotebook.domain import NewDocument
from quotebook.errors import ImportFailed
from quotebook.importers import IMPORTERS, read_document

SUFFIXES = sorted(IMPORTERS)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def outcome(data: bytes, suffix: str) -> NewDocument | ImportFailed:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / f"fuzz{suffix}", data)
        try:
            document = read_document(path)
        except ImportFailed as exc:
            assert exc.message.strip()
            return exc
    assert document.text.strip() and "\x00" not in document.text
    assert "\r" not in document.text
    return document


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(data=st.binary(min_size=0, max_size=4096))
def test_random_bytes(suffix: str, data: bytes):
    outcome(data, suffix)


@pytest.fixture(scope="module")
def samples(qapp, tmp_path_factory) -> dict[str, bytes]:
    """A valid file of each format, to be damaged."""
    folder = tmp_path_factory.mktemp("samples")
    return {
        ".txt": ARTICLE.encode("utf-16"),
        ".md": MARKDOWN_SAMPLE.encode(),
        ".html": PAGE.encode(),
        ".docx": make_docx(folder / "s.docx").read_bytes(),
        ".eml": make_eml(folder / "s.eml").read_bytes(),
        ".pdf": make_pdf(folder / "s.pdf", ["Talks in Vienna.", "Second page."]).read_bytes(),
    }


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx", ".eml", ".pdf"])
@FUZZ
@given(data=st.data())
def test_damaged_real_files(samples: dict[str, bytes], suffix: str, data: st.DataObject):
    original = bytearray(samples[suffix])
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(original) - 1))
        original[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(original) // 2, len(original)))
    outcome(bytes(original[:cut]), suffix)


@FUZZ
@given(data=st.data())
def test_damaged_docx_parts(samples: dict[str, bytes], data: st.DataObject):
    """A well-formed zip whose document part is damaged XML."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "s.docx"
        source.write_bytes(samples[".docx"])
        target = Path(folder) / "t.docx"
        with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
            for entry in src.infolist():
                part = bytearray(src.read(entry))
                if entry.filename == "word/document.xml":
                    for _ in range(data.draw(st.integers(1, 6))):
                        part[data.draw(st.integers(0, len(part) - 1))] = data.draw(
                            st.sampled_from(b"<>/\"'&;= \x00\xff")
                        )
                dst.writestr(entry, bytes(part))
        outcome(target.read_bytes(), ".docx")
