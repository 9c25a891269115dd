"""Quotebook: read, highlight, tag and export quotations from news documents."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Quotebook"
