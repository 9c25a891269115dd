"""Projects that are broken or hostile: a clear message, and nothing of them in the library."""

# ruff: noqa: E501 - the XML below reads better with one element a line

from __future__ import annotations

import sqlite3
import struct
import zipfile
from pathlib import Path

import pytest
from qdpx_helpers import export_to, library_state, make_qdpx

from quotebook.importers.source import MB, ImportLimits
from quotebook.services.importing import ImportOptions, import_files
from quotebook.store import Library

SRC = "0a1b2c3d-0000-4000-8000-000000000001"
SEL = "0a1b2c3d-0000-4000-8000-000000000002"
CODE = "0a1b2c3d-0000-4000-8000-000000000003"
TEXT = "A short text. Короткий текст 😀."


def project(selection: str = f'<PlainTextSelection guid="{SEL}" startPosition="2" endPosition="7"/>',
            path: str = f"internal://{SRC}.txt", prolog: str = "") -> str:  # fmt: skip
    return f"""<?xml version="1.0" encoding="utf-8"?>{prolog}
<Project xmlns="urn:QDA-XML:project:1.0" name="p">
  <CodeBook><Codes><Code guid="{CODE}" name="c" isCodable="true"/></Codes></CodeBook>
  <Sources><TextSource guid="{SRC}" name="Doc" plainTextPath="{path}">{selection}</TextSource></Sources>
</Project>"""


def import_one(library: Library, path: Path, limits: ImportLimits | None = None):
    before = library_state(library)
    options = ImportOptions(limits=limits) if limits else None
    results = import_files(library, [path], options=options)
    assert library_state(library) == before, "something of a refused project was kept"
    (result,) = results
    assert result.status == "failed"
    return result.error


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return make_qdpx(tmp_path / "good.qdpx", project(), {f"sources/{SRC}.txt": TEXT})


def test_the_well_formed_project_used_below_imports(library, good):
    (result,) = import_files(library, [good])
    assert (result.status, result.annotations) == ("imported", 1)


def test_not_a_zip(library, tmp_path: Path):
    path = tmp_path / "notes.qdpx"
    path.write_text("just some text, not an archive")
    assert (
        import_one(library, path)
        == "notes.qdpx is not a REFI-QDA project: it is not a zip archive."
    )


def test_a_truncated_zip(library, good, tmp_path: Path):
    path = tmp_path / "cut.qdpx"
    path.write_bytes(good.read_bytes()[:-30])
    assert "not a zip archive" in import_one(library, path)


def test_no_project_file(library, tmp_path: Path):
    path = make_qdpx(tmp_path / "empty.qdpx", None, {f"sources/{SRC}.txt": TEXT})
    assert (
        import_one(library, path)
        == "empty.qdpx is not a REFI-QDA project: it holds no project.qde."
    )


def test_not_a_project(library, tmp_path: Path):
    path = make_qdpx(tmp_path / "other.qdpx", '<?xml version="1.0"?><html><body/></html>')
    assert "holds no project" in import_one(library, path)


def test_broken_xml(library, tmp_path: Path):
    path = make_qdpx(tmp_path / "broken.qdpx", project()[:-20])
    assert "is not well-formed XML" in import_one(library, path)


def test_external_entity(library, tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    prolog = f'\n<!DOCTYPE Project [<!ENTITY x SYSTEM "file://{secret}">]>'
    xml = project(prolog=prolog).replace('name="Doc"', 'name="&x;"')
    path = make_qdpx(tmp_path / "xxe.qdpx", xml, {f"sources/{SRC}.txt": TEXT})
    message = import_one(library, path)
    assert "declares a document type" in message and "external entities" in message


def test_billion_laughs(library, tmp_path: Path):
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10)
    )
    xml = project(prolog=f"\n<!-- laughs -->\n<!DOCTYPE Project [{entities}]>").replace(
        'name="p"', 'name="&a9;"'
    )
    path = make_qdpx(tmp_path / "laughs.qdpx", xml, {f"sources/{SRC}.txt": TEXT})
    assert "billion laughs" in import_one(library, path)


def test_doctype_hidden_in_utf16(library, tmp_path: Path):
    xml = project(prolog='\n<!DOCTYPE Project [<!ENTITY x "y">]>').replace(
        'encoding="utf-8"', 'encoding="utf-16"'
    )
    path = make_qdpx(tmp_path / "u16.qdpx", xml.encode("utf-16"), {f"sources/{SRC}.txt": TEXT})
    assert "declares a document type" in import_one(library, path)


@pytest.mark.parametrize(
    "name",
    ["../evil.txt", "sources/../../evil.txt", "/etc/evil.txt", "C:/evil.txt", "..\\evil.txt"],
)
def test_member_paths_that_escape_the_archive(library, tmp_path: Path, name: str):
    path = make_qdpx(
        tmp_path / "escape.qdpx",
        project(),
        {f"sources/{SRC}.txt": TEXT},
        raw_names=[(name, b"x")],
    )
    message = import_one(library, path)
    assert "leads outside the project" in message
    assert not (tmp_path.parent / "evil.txt").exists()


@pytest.mark.parametrize("target", ["internal://../../etc/passwd", "internal:///etc/passwd"])
def test_text_paths_that_escape_the_archive(library, tmp_path: Path, target: str):
    path = make_qdpx(tmp_path / "escape.qdpx", project(path=target), {f"sources/{SRC}.txt": TEXT})
    assert "points outside the project" in import_one(library, path)


@pytest.mark.parametrize(
    ("start", "end"), [(-1, 3), (5, 2), (0, len(TEXT) + 1), ("x", 3), (2, 10**30)]
)
def test_selections_out_of_range(library, tmp_path: Path, start, end):
    selection = f'<PlainTextSelection guid="{SEL}" startPosition="{start}" endPosition="{end}"/>'
    path = make_qdpx(tmp_path / "range.qdpx", project(selection), {f"sources/{SRC}.txt": TEXT})
    message = import_one(library, path)
    assert f"outside its text of {len(TEXT)} characters" in message
    assert "“Doc”" in message


def test_missing_source_text(library, tmp_path: Path):
    path = make_qdpx(tmp_path / "lost.qdpx", project())
    assert f"(sources/{SRC}.txt) is missing" in import_one(library, path)


def test_text_that_is_not_utf8(library, tmp_path: Path):
    path = make_qdpx(
        tmp_path / "latin.qdpx", project(), {f"sources/{SRC}.txt": "café".encode("latin-1")}
    )
    assert "is not UTF-8 text" in import_one(library, path)


def test_guid_used_twice(library, tmp_path: Path):
    selection = f'<PlainTextSelection guid="{SRC}" startPosition="2" endPosition="7"/>'
    path = make_qdpx(tmp_path / "twice.qdpx", project(selection), {f"sources/{SRC}.txt": TEXT})
    assert "is used twice" in import_one(library, path)


def test_a_guid_that_is_not_one(library, tmp_path: Path):
    selection = '<PlainTextSelection guid="../../x" startPosition="2" endPosition="7"/>'
    path = make_qdpx(tmp_path / "bad.qdpx", project(selection), {f"sources/{SRC}.txt": TEXT})
    assert "has no valid GUID" in import_one(library, path)


def _claim_size(path: Path, member: str, size: int) -> None:
    """Make the zip's directory say `member` unpacks to `size` bytes (a 2 GB text, say)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    central = data.find(b"PK\x01\x02" + b"\x00" * 0)  # first central directory header
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + name_length]) == name:
            struct.pack_into("<I", data, central + 24, size)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    else:
        raise AssertionError(f"{member} not in the directory")
    path.write_bytes(bytes(data))


def test_a_2_gb_source_is_refused_from_the_directory_alone(library, good, tmp_path: Path):
    _claim_size(good, f"sources/{SRC}.txt", 2_000_000_000)
    with zipfile.ZipFile(good) as archive:
        assert archive.getinfo(f"sources/{SRC}.txt").file_size == 2_000_000_000
    message = import_one(library, good)
    assert "is 1907.3 MB unpacked; the limit is 20.0 MB (it can be raised)" in message


def test_a_directory_that_understates_a_size_unpacks_no_more(library, good, tmp_path: Path):
    _claim_size(good, f"sources/{SRC}.txt", 5)
    assert "damaged in the archive" in import_one(library, good)


def test_a_zip_bomb_is_refused_before_unpacking(library, tmp_path: Path):
    # 30 MB of one repeated line compresses to a few KB; the limit here is 1 MB.
    big = ("a" * 99 + "\n") * (30 * MB // 100)
    path = make_qdpx(tmp_path / "bomb.qdpx", project(), {f"sources/{SRC}.txt": big})
    assert path.stat().st_size < MB
    message = import_one(library, path, ImportLimits(max_bytes=MB))
    assert "is 30.0 MB unpacked; the limit is 1.0 MB" in message


def test_a_huge_project_file_is_refused(library, tmp_path: Path):
    padding = "<!--" + "x" * (3 * MB) + "-->"
    path = make_qdpx(tmp_path / "big.qdpx", project().replace("<Sources>", padding + "<Sources>"),
                     {f"sources/{SRC}.txt": TEXT})  # fmt: skip
    assert "project.qde is 3.0 MB unpacked" in import_one(
        library, path, ImportLimits(max_bytes=MB // 10, max_unpacked_factor=20)
    )


def test_a_failure_while_storing_keeps_nothing(annotated, tmp_path: Path):
    """One transaction: when the last highlight cannot be stored, the rest goes too."""
    library, _ = annotated
    path = export_to(library, tmp_path / "study.qdpx").path
    with Library(tmp_path / "other.sqlite") as other:
        conn = sqlite3.connect(other.path)
        conn.execute(
            """CREATE TRIGGER refuse AFTER INSERT ON annotations WHEN new.quote LIKE '%встреч%'
               BEGIN SELECT RAISE(ABORT, 'disk says no'); END"""
        )
        conn.commit()
        conn.close()
        message = import_one(other, path)
        assert "disk says no" in message
