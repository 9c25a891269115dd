"""REFI-QDA projects (``.qdpx``) from other QDA programs, read and checked before storing.

`read_project` gives a `ProjectFile`; `quotebook.services.project_import` stores it in one
transaction. See `archive` for how an untrusted archive is opened.
"""

from __future__ import annotations

from quotebook.importers.qdpx.project import (
    ProjectCode,
    ProjectFile,
    ProjectSelection,
    ProjectSet,
    ProjectSource,
    read_project,
)

__all__ = [
    "ProjectCode",
    "ProjectFile",
    "ProjectSelection",
    "ProjectSet",
    "ProjectSource",
    "read_project",
]
