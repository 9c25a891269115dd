"""Opening a REFI-QDA project archive without trusting it.

A ``.qdpx`` is a zip that anyone may have made, so nothing in it is believed before it is
checked: every member's name must stay inside the archive (no ``../``, no absolute path), every
member that is read has its size checked in the zip directory first and is read with a bound
(so a directory that lies about a size cannot unpack more), and ``project.qde`` is parsed with
entity expansion, DTD loading and network access off. A document type declaration (where
external entities and "billion laughs" live) is refused outright: no REFI-QDA project has one.

Members are only ever read into memory; nothing is extracted to disk.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath
from types import TracebackType

from lxml import etree

from quotebook.errors import ImportFailed
from quotebook.importers.source import ImportLimits, describe_size
from quotebook.refi import PROJECT_FILE

MAX_MEMBERS = 100_000

# What may come before the root element: white space, the XML declaration, processing
# instructions and comments. A "<!DOCTYPE" after these is refused.
_PROLOG_ITEM = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.S)


class ProjectArchive:
    """A checked ``.qdpx`` archive; `read` gives a member's bytes within the limits."""

    def __init__(self, path: Path, limits: ImportLimits) -> None:
        self.path = path
        self.name = path.name
        self.limits = limits
        self._read_total = 0
        try:
            self._zip = zipfile.ZipFile(path)
        except FileNotFoundError as exc:
            raise ImportFailed(f"{path} does not exist.") from exc
        except IsADirectoryError as exc:
            raise ImportFailed(f"{path} is a folder, not a file.") from exc
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
            raise ImportFailed(
                f"{self.name} is not a REFI-QDA project: it is not a zip archive."
            ) from exc
        except OSError as exc:
            raise ImportFailed(f"{path} cannot be read: {exc.strerror or exc}.") from exc
        try:
            self._members = self._check_members()
        except ImportFailed:
            self._zip.close()
            raise

    def _check_members(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ImportFailed(
                f"{self.name} holds {len(infos):,} files; a project may hold at most "
                f"{MAX_MEMBERS:,}. It was not imported."
            )
        members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = info.filename
            if not is_safe_member(name):
                raise ImportFailed(
                    f"{self.name} was not imported: it holds a file whose path leads outside "
                    f"the project (“{_shown(name)}”)."
                )
            members[name.replace("\\", "/").lower()] = info
        return members

    def __enter__(self) -> ProjectArchive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def has(self, member: str) -> bool:
        return member.lower() in self._members

    def size(self, member: str) -> int:
        return self._members[member.lower()].file_size

    def read(self, member: str, limit: int, what: str) -> bytes:
        """A member's bytes; `ImportFailed` past `limit` or past the archive's total budget."""
        info = self._members.get(member.lower())
        if info is None:
            raise ImportFailed(f"{self.name} was not imported: {what} is missing from it.")
        budget = self.limits.max_unpacked_bytes - self._read_total
        if info.file_size > limit or info.file_size > budget:
            cap = min(limit, max(budget, 0))
            raise ImportFailed(
                f"{self.name} was not imported: {what} is {describe_size(info.file_size)} "
                f"unpacked; the limit is {describe_size(cap)} (it can be raised)."
            )
        try:
            with self._zip.open(info) as handle:
                data = handle.read(info.file_size + 1)
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:
            raise ImportFailed(
                f"{self.name} was not imported: {what} is damaged in the archive ({exc})."
            ) from exc
        except RuntimeError as exc:  # an encrypted member
            raise ImportFailed(
                f"{self.name} was not imported: {what} is encrypted in the archive."
            ) from exc
        except OSError as exc:
            raise ImportFailed(f"{self.path} cannot be read: {exc.strerror or exc}.") from exc
        if len(data) > info.file_size:
            raise ImportFailed(
                f"{self.name} was not imported: {what} unpacks to more than the archive says."
            )
        self._read_total += len(data)
        return data

    def project_xml(self) -> etree._Element:
        """The root element of ``project.qde``, parsed safely."""
        if not self.has(PROJECT_FILE):
            raise ImportFailed(
                f"{self.name} is not a REFI-QDA project: it holds no {PROJECT_FILE}."
            )
        data = self.read(PROJECT_FILE, self.limits.max_unpacked_bytes, PROJECT_FILE)
        return parse_xml(data, f"{PROJECT_FILE} in {self.name}")


def is_safe_member(name: str) -> bool:
    """Whether a member's path stays inside the archive: relative, without ``..`` or a drive."""
    normalised = name.replace("\\", "/")
    if not normalised or normalised.startswith("/") or "\x00" in normalised:
        return False
    if re.match(r"^[A-Za-z]:", normalised):
        return False
    return ".." not in PurePosixPath(normalised).parts


def parse_xml(data: bytes, what: str) -> etree._Element:
    """Parse XML that may be hostile: no DTD, no entities, no network, libxml2's size caps."""
    if _declares_doctype(data):
        raise ImportFailed(
            f"{what} declares a document type. REFI-QDA projects never do, and such a "
            "declaration can make a reader fetch files or exhaust its memory (external "
            "entities, “billion laughs”); the project was not imported."
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ImportFailed(f"{what} is not well-formed XML ({exc}); nothing was imported.") from exc
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.externalDTD is not None or docinfo.doctype:
        raise ImportFailed(f"{what} declares a document type; the project was not imported.")
    return root


def _declares_doctype(data: bytes) -> bool:
    head = data[:65_536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", "ignore")
    else:
        text = head.decode("utf-8", "ignore")
    text = text.lstrip("\ufeff")
    pos = 0
    while (match := _PROLOG_ITEM.match(text, pos)) and match.end() > pos:
        pos = match.end()
    return text.startswith("<!DOCTYPE", pos)


def _shown(name: str, limit: int = 80) -> str:
    name = "".join(ch if ch.isprintable() else "?" for ch in name)
    return name if len(name) <= limit else name[: limit - 1] + "…"
