"""E-mail messages (.eml): a newsletter or a forwarded article, read from its body.

The plain-text part is preferred, being what the sender wrote as text; a message that has only
an HTML part goes through the web-page importer's extraction. Attachments are not imported.
The subject becomes the title, the sender the author and the date the publication date.
"""

from __future__ import annotations

import email
import email.policy
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path

from quotebook.domain import DocumentMeta, NewDocument
from quotebook.errors import ImportFailed
from quotebook.importers.source import (
    DEFAULT_LIMITS,
    ImportLimits,
    check_text,
    first_line,
    normalise_newlines,
    read_bytes,
    shorten,
)
from quotebook.importers.webpage import page_document

_HEADERS = ("from", "subject", "date", "to", "message-id", "mime-version", "received")


def _looks_like_mail(message: Message) -> bool:
    return any(message.get(h) is not None for h in _HEADERS)


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:  # an unknown charset name in the header
        return payload.decode("utf-8", errors="replace")


def _body(message: Message) -> tuple[str, str]:
    """(plain text, html) of the message's first text parts that are not attachments."""
    plain = html = ""
    for part in message.walk() if message.is_multipart() else [message]:
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and not plain:
            plain = _part_text(part)
        elif kind == "text/html" and not html:
            html = _part_text(part)
    return plain, html


def _date(value: str) -> str:
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return ""


def _header(message: Message, name: str) -> str:
    try:
        return " ".join(str(message.get(name, "") or "").split())
    except (ValueError, TypeError, IndexError, LookupError):  # a malformed encoded word
        return ""


def import_eml(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> NewDocument:
    data = read_bytes(path, limits)
    if b"\x00" in data[:8192]:
        raise ImportFailed(f"{path.name} looks like a binary file, not an e-mail message.")
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        if not _looks_like_mail(message):
            raise ImportFailed(f"{path.name} is not an e-mail message (it has no mail headers).")
        plain, html = _body(message)
        subject, sender = _header(message, "subject"), _header(message, "from")
        published = _date(_header(message, "date"))
    except ImportFailed:
        raise
    except Exception as exc:  # the parser is lenient, but header decoding can still fail
        raise ImportFailed(f"{path.name} is a damaged e-mail message.") from exc
    if not plain.strip() and html.strip():
        from_html = page_document(html, path.name, path.stem, limits)
        text, meta = from_html.text, from_html.meta
    else:
        text = check_text(normalise_newlines(plain), path.name, limits)
        meta = DocumentMeta(title="")
    return NewDocument(
        DocumentMeta(
            title=shorten(subject) or meta.title or first_line(text) or path.stem,
            outlet=meta.outlet,
            author=shorten(sender) or meta.author,
            published=published or meta.published,
            source_url=meta.source_url,
            language=meta.language,
            original_format="eml",
            source_path=str(path),
        ),
        text,
    )
