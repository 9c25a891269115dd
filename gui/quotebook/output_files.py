"""Writing a file the user named, so that it is either all there or not touched at all.

Exports and backups write to a hidden temporary file in the target's own folder (so the final
rename stays on one file system and is atomic), flush it to disk, then move it over the target
with `os.replace`. That is only right for a regular file:

- a symbolic link is followed, and the file it points to is replaced (atomically, the same way),
  so the link stays a link;
- a device, a named pipe (FIFO) or a socket is refused: renaming over ``/dev/full`` would put a
  regular file in the device's place;
- a folder is refused with a sentence that asks for a file name.

A temporary file is locked while it is being written. One left behind by a killed process is no
longer locked, and the next write to the same target removes it (`remove_stale_parts`); only
files of our own naming pattern, owned by this user, are considered.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: stale files are recognised by their age instead
    fcntl = None  # type: ignore[assignment]

PART_SUFFIX = ".part"
# mkstemp's random part: eight of these characters.
_RANDOM = "[a-z0-9_]{8}"
# Without file locks, a temporary file this old is taken to be left over.
STALE_AGE_S = 24 * 3600


class OutputRefused(Exception):
    """The target cannot be written; the message is a sentence for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def resolve_target(path: Path) -> Path:
    """The regular file a write to `path` must create or replace, links followed.

    Raises `OutputRefused` for a folder, a device, a FIFO, a socket, a link loop, or a missing
    folder.
    """
    path = path.expanduser().absolute()
    target = Path(os.path.realpath(path))
    try:
        mode = target.lstat().st_mode
    except (FileNotFoundError, NotADirectoryError):  # the folder checks below say why
        mode = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputRefused(f"{path} cannot be written ({reason}); nothing was written.") from exc
    if mode is not None:
        what = _kind(mode)
        if what == "folder":
            raise OutputRefused(f"{path} is a folder; choose a file name to write to.")
        if what == "link":
            raise OutputRefused(
                f"{path} is a link that leads round in a loop; nothing was written."
            )
        if what:
            raise OutputRefused(
                f"{path} is {what}, not a regular file; nothing was written. "
                "Choose a file name instead."
            )
    parent = target.parent
    if not parent.is_dir():
        if parent.exists():
            raise OutputRefused(f"{parent} is not a folder; nothing was written.")
        raise OutputRefused(f"The folder {parent} does not exist; nothing was written.")
    return target


def _kind(mode: int) -> str:
    """What a non-regular file is, in words; empty for a regular file."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def describe_os_error(exc: OSError, path: Path) -> str:
    """A sentence for the user about why `path` could not be written."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"There is not enough space on the disk to write {path.name}; nothing was written."
    if code in (errno.EACCES, errno.EPERM):
        return f"Quotebook may not write to {path.parent}; nothing was written."
    if code == errno.EROFS:
        return f"{path.parent} is on a read-only disk; nothing was written."
    if code == errno.ENOENT:
        return f"The folder {path.parent} does not exist; nothing was written."
    reason = exc.strerror or str(exc)
    return f"{path.name} could not be written ({reason}); nothing was written."


@contextlib.contextmanager
def temporary_beside(target: Path) -> Iterator[tuple[int, Path]]:
    """A new, locked, hidden file next to `target`: (open descriptor, path).

    The caller writes it and moves it into place with `replace_target`; if the block raises, the
    file is removed. Stale ones from killed writers are removed first.
    """
    remove_stale_parts(target)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=PART_SUFFIX)
    temp = Path(name)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield fd, temp
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)


def replace_target(temp: Path, target: Path) -> None:
    """Give the finished temporary file the target's permissions, then rename it over it."""
    os.chmod(temp, _default_mode(target))
    os.replace(temp, target)


def _default_mode(target: Path) -> int:
    """Keep an existing file's mode; a new file gets what the umask allows (mkstemp gives 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def remove_stale_parts(target: Path) -> list[Path]:
    """Remove temporary files of ours for `target` that no running write holds; those removed."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.{_RANDOM}{re.escape(PART_SUFFIX)}")
    removed: list[Path] = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        if pattern.fullmatch(name) and _remove_if_stale(target.parent / name):
            removed.append(target.parent / name)
    return removed


def _remove_if_stale(path: Path) -> bool:
    try:
        info = path.lstat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False  # someone else's
    if fcntl is None:
        import time

        if time.time() - info.st_mtime < STALE_AGE_S:
            return False
        with contextlib.suppress(OSError):
            path.unlink()
            return True
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return False  # a write in progress holds it
    try:
        path.unlink()
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
