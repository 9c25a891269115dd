"""What the PDF says about itself: document information, the XMP packet, the language.

Qt writes an XMP packet of its own (title, an empty creator, "Qt" as producer). After the
annotation pass the file's information dictionary says more, and readers and validators that
trust XMP over the older dictionary must read the same: so the packet is written anew with the
same values, a new instance id and modification date, keeping Qt's document id and creation
date.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from xml.sax.saxutils import escape

import pypdf
from PySide6.QtCore import qVersion

from quotebook import __version__
from quotebook.export.options import ExportItem, ExportOptions

CREATOR = f"Quotebook {__version__}"


def qt_xmp_facts(packet: bytes) -> tuple[str, str]:
    """The document id and creation date in the XMP packet Qt wrote ("" where missing)."""
    found = []
    for key in (rb"xmpMM:DocumentID", rb"xmp:CreateDate"):
        match = re.search(key + rb'="([^"<>]*)"|' + key + rb">([^<]*)<", packet)
        value = (match.group(1) or match.group(2)) if match else b""
        found.append(value.decode("utf-8", "replace"))
    return found[0], found[1]


def pdf_title(items: Sequence[ExportItem], options: ExportOptions) -> str:
    if options.title:
        return options.title
    if len(items) == 1:
        return items[0].title
    return f"{len(items)} annotated documents"


def language(items: Sequence[ExportItem]) -> str:
    """The documents' language (a BCP 47 tag such as ``en`` or ``ru``) when they share one."""
    found = {item.document.meta.language.strip() for item in items}
    if len(found) != 1:
        return ""
    tag = found.pop()
    return tag if tag.replace("-", "").isalnum() and len(tag) <= 35 else ""


def metadata(
    items: Sequence[ExportItem], options: ExportOptions, tags: Sequence[str]
) -> dict[str, str]:
    titles = "; ".join(item.title for item in items)
    info = {
        "/Title": pdf_title(items, options),
        "/Subject": f"Annotated with Quotebook: {titles}"[:1000],
        "/Creator": CREATOR,
        "/Producer": f"Qt {qVersion()} and pypdf {pypdf.__version__}",
    }
    if options.author:
        info["/Author"] = options.author
    if tags:
        info["/Keywords"] = ", ".join(tags)
    return info


def pdf_date(stamp: str) -> str:
    """An ISO time from the store as a PDF date string (``D:YYYYMMDDHHmmSSZ``)."""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        when = datetime.now(UTC)
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return f"D:{when:%Y%m%d%H%M%S}Z"


def xmp_packet(
    info: dict[str, str], lang: str, document_id: str, created: str, modified: datetime
) -> bytes:
    """An XMP packet saying what `info` says (the keys of a PDF information dictionary)."""

    def text(value: str) -> str:
        return escape(value, {'"': "&quot;"})

    when = modified.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    parts = [
        "<?xpacket begin='\ufeff' id='W5M0MpCehiHzreSzNTczkc9d'?>",
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
        "<dc:format>application/pdf</dc:format>",
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text(info.get("/Title", ""))}'
        "</rdf:li></rdf:Alt></dc:title>",
    ]
    if info.get("/Author"):
        parts.append(f"<dc:creator><rdf:Seq><rdf:li>{text(info['/Author'])}</rdf:li></rdf:Seq>")
        parts[-1] += "</dc:creator>"
    if info.get("/Subject"):
        parts.append(
            f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text(info["/Subject"])}'
            "</rdf:li></rdf:Alt></dc:description>"
        )
    if lang:
        parts.append(f"<dc:language><rdf:Bag><rdf:li>{text(lang)}</rdf:li></rdf:Bag></dc:language>")
    if info.get("/Keywords"):
        parts.append(f"<pdf:Keywords>{text(info['/Keywords'])}</pdf:Keywords>")
    parts += [
        f"<pdf:Producer>{text(info.get('/Producer', ''))}</pdf:Producer>",
        f"<xmp:CreatorTool>{text(info.get('/Creator', ''))}</xmp:CreatorTool>",
    ]
    if created:
        parts.append(f"<xmp:CreateDate>{text(created)}</xmp:CreateDate>")
    parts += [
        f"<xmp:ModifyDate>{when}</xmp:ModifyDate>",
        f"<xmp:MetadataDate>{when}</xmp:MetadataDate>",
    ]
    if document_id:
        parts.append(f"<xmpMM:DocumentID>{text(document_id)}</xmpMM:DocumentID>")
    parts += [
        f"<xmpMM:InstanceID>uuid:{uuid.uuid4()}</xmpMM:InstanceID>",
        "</rdf:Description>",
        "</rdf:RDF>",
        "</x:xmpmeta>",
        "<?xpacket end='w'?>",
    ]
    return "\n".join(parts).encode("utf-8")
