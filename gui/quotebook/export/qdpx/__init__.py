"""REFI-QDA exchange files: a whole project (``.qdpx``) or its code book alone (``.qdc``).

`write_qdpx` packs ``project.qde`` and each document's text (``sources/<guid>.txt``) into a zip;
`write_qdc` writes the code book XML. Both take the items and the `ProjectData` that
`collect_project` read from the library, and write to the atomic writer's file.
"""

from __future__ import annotations

from quotebook.export.qdpx.collect import ProjectData, ProjectSet, collect_project
from quotebook.export.qdpx.package import write_qdc, write_qdpx

__all__ = ["ProjectData", "ProjectSet", "collect_project", "write_qdc", "write_qdpx"]
