"""Reading and writing list files without ever damaging them.

A file is read as bytes and decoded strictly; its encoding and byte-order mark are remembered so
that writing gives back the same bytes for every line no fix touched. Only regular files are
read: a FIFO or a device would block or never end; a file larger than ``MAX_BYTES`` is refused
from its size, before a byte is read. Writes are atomic and durable: a temporary file in the same
directory, written, given the original's mode and owner, synced, renamed over the original, and
the directory synced. A file that changed on disk since it was read (other bytes, or another file
at that path) is not written, nor one whose file or folder has no write permission (even for
root). The rename gives the path a new file: another hard link to the old one keeps the old text.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MAX_BYTES = 512 * 1024 * 1024
"""Ten times the largest list tested (50 MB); past it, a file is not a list anyone curates."""
_NAME_MAX = 255
"""The longest file name most file systems take, in bytes."""


class InputError(Exception):
    """A file that cannot be read or written; the message is one line naming the file."""


@dataclass(frozen=True)
class Stamp:
    """What a file was when it was read: which file, its time and size, a digest of its bytes."""

    device: int
    inode: int
    mtime_ns: int
    size: int
    digest: bytes

    def same_file(self, current: os.stat_result) -> bool:
        return (self.device, self.inode, self.mtime_ns, self.size) == (
            current.st_dev,
            current.st_ino,
            current.st_mtime_ns,
            current.st_size,
        )


@dataclass(frozen=True)
class Source:
    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    stamp: Stamp | None = None

    def encode(self, text: str) -> bytes:
        data = text.encode(self.encoding)
        if self.bom:
            data = _BOMS[self.encoding] + data
        return data


_BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}


def decode(data: bytes, path: str) -> Source:
    """Decode a file's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    encoding, bom = "utf-8", False
    for name, mark in _BOMS.items():
        if data.startswith(mark):
            encoding, bom = name, True
            data = data[len(mark) :]
            break
    if encoding == "utf-8" and b"\0" in data:
        raise InputError(f"{path}: binary file (contains a NUL byte), skipped")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        offset = error.start + (len(_BOMS[encoding]) if bom else 0)
        raise InputError(
            f"{path}: not valid {encoding.upper()}: byte {offset} cannot be decoded"
        ) from None
    return Source(path, text, encoding, bom)


def read_source(path: str) -> Source:
    """Read and decode a regular file, remembering what it was for ``write_source``."""
    try:
        data, status = _read_regular_file(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read: {error.strerror or error}") from None
    source = decode(data, path)
    stamp = _stamp_of(status, data)
    return Source(source.path, source.text, source.encoding, source.bom, stamp)


def _read_regular_file(path: str) -> tuple[bytes, os.stat_result]:
    if os.path.isdir(path):
        raise IsADirectoryError(path)
    # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _O_BINARY)
    with open(descriptor, "rb") as stream:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise InputError(f"{path}: not a regular file, skipped")
        if status.st_size > MAX_BYTES:
            raise InputError(f"{path}: {_too_large(status.st_size)}")
        return read_at_most(stream, path), status


def read_at_most(stream: BinaryIO, path: str) -> bytes:
    """All of ``stream`` up to ``MAX_BYTES`` (a file may grow while it is read; a pipe has no
    size to check first)."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: {_too_large(None)}")
    return data


def _too_large(size: int | None) -> str:
    """``size`` is known for a file, not for a stream cut short at the limit."""
    limit = f"{MAX_BYTES // 2**20:,} MB"
    shown = f"{size / 2**20:,.0f} MB, over the limit of {limit}" if size else f"over {limit}"
    return f"too large ({shown}), skipped"


_O_BINARY = getattr(os, "O_BINARY", 0)


def write_source(source: Source, text: str) -> None:
    """Replace the file atomically with ``text``, refusing if it changed since it was read."""
    # Through a symlink: keep the link, write its target.
    target = Path(os.path.realpath(source.path))
    data = source.encode(text)
    try:
        original = target.stat()
        _atomic_write(target, data, original, source.stamp)
    except PermissionError:
        raise InputError(f"{source.path}: permission denied, not written") from None
    except _ChangedOnDisk:
        raise InputError(f"{source.path}: changed on disk while being fixed, not written") from None
    except OSError as error:
        raise InputError(f"{source.path}: cannot be written: {error.strerror or error}") from None


class _ChangedOnDisk(Exception):
    pass


def _atomic_write(target: Path, data: bytes, original: os.stat_result, stamp: Stamp | None) -> None:
    # A file or folder without write permission is left alone even by root: the mode says "do
    # not touch" (the rename replaces an entry of the folder, so the folder's mode counts too).
    if not _writable(target) or not _writable(target.parent):
        raise PermissionError(target)
    import tempfile  # only a write needs it (and, through it, shutil and random)

    handle, temporary = tempfile.mkstemp(
        prefix=f".{_short(target.name)}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            _copy_owner_and_mode(stream.fileno(), temporary, original)
            os.fsync(stream.fileno())
        # Checked last, right before the rename, to leave the smallest window for a race.
        if stamp is not None and not _unchanged(target, stamp):
            raise _ChangedOnDisk
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(target.parent)


def _writable(path: Path) -> bool:
    return bool(path.stat().st_mode & stat.S_IWUSR) and os.access(path, os.W_OK)


def _short(name: str) -> str:
    """The name, cut so that the temporary file's (14 more bytes) is still a valid name."""
    room = _NAME_MAX - len(".") - len(".") - 8 - len(".tmp")
    return name.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")


def _copy_owner_and_mode(descriptor: int, path: str, original: os.stat_result) -> None:
    """Owner first: a change of owner may clear the set-id bits that the mode then restores."""
    with contextlib.suppress(OSError, AttributeError):  # only root may give a file away
        os.fchown(descriptor, original.st_uid, original.st_gid)
    mode = stat.S_IMODE(original.st_mode)
    if hasattr(os, "fchmod"):
        os.fchmod(descriptor, mode)
    else:  # Windows
        os.chmod(path, mode)


def _unchanged(target: Path, stamp: Stamp) -> bool:
    """Same file, same time and size, and the same bytes (a time stamp can miss a quick edit)."""
    if not stamp.same_file(target.stat()):
        return False
    return _digest(target.read_bytes()) == stamp.digest


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where directories cannot be opened)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _stamp_of(status: os.stat_result, data: bytes) -> Stamp:
    return Stamp(status.st_dev, status.st_ino, status.st_mtime_ns, status.st_size, _digest(data))


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()
