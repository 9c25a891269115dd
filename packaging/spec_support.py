"""The parts of the PyInstaller recipe worth testing on their own: version, Windows version
resource, macOS Info.plist. `quotebook.spec` imports this; tests import it without a build.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path
from typing import Any

APP_NAME = "Quotebook"
EXE_NAME = "quotebook"
# Reverse-DNS identifier shared by the macOS bundle and the AppStream component.
APP_ID = "io.github.quotebook.Quotebook"


def read_version(root: Path) -> str:
    """The package's `__version__`, refusing to build when pyproject says something else.

    Read without importing the package, so building never runs app code.
    """
    init = (root / "gui" / "quotebook" / "__init__.py").read_text(encoding="utf-8")
    package_version = None
    for node in ast.parse(init).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            package_version = ast.literal_eval(node.value)
    with (root / "pyproject.toml").open("rb") as f:
        project_version = tomllib.load(f)["project"]["version"]
    if package_version != project_version:
        raise SystemExit(
            f"version mismatch: quotebook.__version__ is {package_version!r}, "
            f"pyproject.toml says {project_version!r}"
        )
    return str(package_version)


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """Four numbers, as Windows wants them: "0.1.0" -> (0, 1, 0, 0), "1.2rc1" -> (1, 2, 1, 0)."""
    digits = [int(d) for d in re.findall(r"\d+", version)[:4]]
    digits += [0] * (4 - len(digits))
    return digits[0], digits[1], digits[2], digits[3]


def windows_version_resource(version: str) -> Any:
    """The version resource Explorer shows under Properties → Details.

    Only importable where PyInstaller can write Windows executables (it needs `pefile`).
    """
    from PyInstaller.utils.win32 import versioninfo as vi  # type: ignore[import-untyped, import-not-found, unused-ignore]

    numbers = version_numbers(version)
    strings = {
        "CompanyName": APP_NAME,
        "FileDescription": APP_NAME,
        "FileVersion": version,
        "InternalName": EXE_NAME,
        "LegalCopyright": "MIT licence",
        "OriginalFilename": f"{EXE_NAME}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version,
    }
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            # 0409/04B0: U.S. English, Unicode; the usual language block for an English app.
            vi.StringFileInfo(
                [vi.StringTable("040904B0", [vi.StringStruct(k, v) for k, v in strings.items()])]
            ),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0409, 1200])]),
        ],
    )


def macos_info_plist(version: str) -> dict[str, Any]:
    """Info.plist entries beyond the ones PyInstaller writes itself."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "LSApplicationCategoryType": "public.app-category.productivity",
        "LSMinimumSystemVersion": "12.0",
        "NSHighResolutionCapable": True,
        # Follow the system's light/dark appearance instead of forcing light.
        "NSRequiresAquaSystemAppearance": False,
        "NSHumanReadableCopyright": f"{APP_NAME} {version}, MIT licence",
        # Offer Quotebook in Finder's "Open With" for plain text, the format it imports.
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Plain text document",
                "CFBundleTypeRole": "Viewer",
                "LSHandlerRank": "Alternate",
                "LSItemContentTypes": ["public.plain-text"],
            }
        ],
    }
