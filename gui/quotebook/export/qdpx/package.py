"""Packing a REFI-QDA project: ``project.qde`` and the sources' texts in one zip.

The zip is written straight into the atomic writer's temporary file, so a failure or a cancel
half-way leaves nothing at the target. Texts are stored as UTF-8 without a byte-order mark,
which is what offsets in code points into the text mean to a reader of the file.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Sequence
from typing import BinaryIO

from quotebook import __version__
from quotebook.errors import ExportFailed
from quotebook.export.atomic import Ticker
from quotebook.export.options import ExportItem, ExportOptions
from quotebook.export.qdpx.collect import ProjectData
from quotebook.export.qdpx.project import Counts, Header, codebook_xml, project_xml
from quotebook.refi import PROJECT_FILE

DEFAULT_USER = "Quotebook user"


def header(project: ProjectData, options: ExportOptions, name: str) -> Header:
    return Header(
        name=options.title or name or "Quotebook project",
        origin=f"Quotebook {__version__}",
        user_guid=project.user_guid,
        user_name=options.author or DEFAULT_USER,
        created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    )


def write_qdpx(
    items: Sequence[ExportItem],
    options: ExportOptions,
    out: BinaryIO,
    ticker: Ticker,
    project: ProjectData,
    name: str,
) -> Counts:
    counts = Counts()
    xml = project_xml(items, project, header(project, options, name), counts)
    stamp = time.gmtime()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(_member(PROJECT_FILE, stamp), xml)
        for path, text in counts.sources:
            archive.writestr(_member(path, stamp), text.encode("utf-8"))
            ticker.advance()
    return counts


def write_qdc(
    items: Sequence[ExportItem],
    options: ExportOptions,
    out: BinaryIO,
    ticker: Ticker,
    project: ProjectData,
    name: str,
) -> Counts:
    if not project.tags:
        raise ExportFailed("There are no tags to export as a code book; nothing was written.")
    counts = Counts()
    out.write(codebook_xml(project, header(project, options, name), counts))
    return counts


def _member(path: str, t: time.struct_time) -> zipfile.ZipInfo:
    when = (max(1980, t.tm_year), t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)
    info = zipfile.ZipInfo(path, date_time=when)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info
