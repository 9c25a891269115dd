"""Real sample files for the import tests, made on the spot in temporary folders."""

from __future__ import annotations

from pathlib import Path

ARTICLE = (
    "Talks in Vienna end without a breakthrough\n\n"
    "Negotiators said on Thursday that the talks in Vienna ended without a breakthrough, and "
    "both delegations promised to keep the channels open.\n\n"
    "“We did not get an appropriate response,” said the envoy, who spoke to reporters.\n"
)

RUSSIAN = (
    "Переговоры в Вене завершились без прорыва\n\n"
    "Постоянный представитель России при ОБСЕ заявил журналистам, что ответа на требования "
    "Москвы пока нет, но диалог будет продолжен.\n"
)

FRENCH = (
    "Le garçon a mangé une crème brûlée à Noël.\n\n"
    "Déjà très célèbre, le pâtissier a reçu des élèves venus de Genève et de Besançon.\n"
)

MARKDOWN_SAMPLE = """---
title: Vienna talks
---
# Talks *end*

Text with **bold**, a [link](https://example.com/) and `code`.

- one
- two
"""

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Talks end without breakthrough | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2022-01-14T19:24:00Z">
<link rel="canonical" href="https://news.example.com/osce-talks">
<link rel="stylesheet" href="http://assets.example.com/site.css">
<script>document.title = "SCRIPT RAN"; fetch("http://tracker.example.com/ping");</script>
<script src="http://assets.example.com/app.js"></script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks end without breakthrough</h1>
<p>Negotiators say talks between Russia and the OSCE in Vienna ended on Thursday with no
breakthrough, and both sides said they would keep talking next week.</p>
<img src="http://images.example.com/photo.jpg" alt="Delegates in Vienna">
<p>“I’m afraid we did not get an appropriate response,” said the envoy, who spoke to
reporters after the meeting in the Hofburg palace.</p>
<p>The talks were the third diplomatic effort this week to resolve the impasse, all of which
ended without any resolution.</p>
<script>document.write("INJECTED TEXT");</script>
</article>
<iframe src="http://ads.example.com/banner"></iframe>
<footer>We use cookies. Subscribe to our newsletter.</footer>
</body></html>
"""


def write(path: Path, data: bytes | str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def make_docx(path: Path, *, title: str = "", author: str = "") -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    document.add_heading("Talks in Vienna", level=1)
    paragraph = document.add_paragraph("The envoy said the talks were ")
    paragraph.add_run("disappointing").bold = True
    paragraph.add_run(" and that Moscow expected answers.")
    document.add_paragraph("First point", style="List Bullet")
    document.add_paragraph("Second point", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for (row, col), value in {(0, 0): "Who", (0, 1): "Said", (1, 0): "Envoy", (1, 1): "No"}.items():
        table.cell(row, col).text = value
    document.add_paragraph("Лукашевич заявил, что диалог продолжится.")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def make_pdf(path: Path, pages: list[str], *, title: str = "") -> Path:
    """A PDF drawn with Qt: real text on each page, or nothing but a picture when empty."""
    from PySide6.QtCore import QMarginsF, QRectF, Qt
    from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter

    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
        )
    )
    writer.setResolution(72)
    painter = QPainter(writer)
    for n, text in enumerate(pages):
        if n:
            writer.newPage()
        if text:
            painter.drawText(QRectF(0, 0, 500, 700), Qt.TextFlag.TextWordWrap, text)
        else:  # a "scan": shapes only, no text layer
            painter.fillRect(QRectF(40, 40, 300, 200), QColor("#888888"))
    painter.end()
    return path


def make_eml(path: Path, *, html_only: bool = False) -> Path:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Newsroom <news@example.com>"
    message["To"] = "reader@example.com"
    message["Subject"] = "Morning briefing: talks in Vienna"
    message["Date"] = "Fri, 14 Jan 2022 07:24:00 +0000"
    if html_only:
        message.set_content(PAGE, subtype="html")
    else:
        message.set_content(ARTICLE)
        message.add_alternative(PAGE, subtype="html")
        message.add_attachment(b"\x89PNG\r\n\x1a\n" + bytes(64), maintype="image",
                               subtype="png", filename="photo.png")  # fmt: skip
    return write(path, bytes(message))
