"""Reading and writing list files without ever damaging them.

A file is read as bytes and decoded strictly; its encoding and byte-order mark are remembered so
that writing gives back the same bytes for every line no fix touched. Writes are atomic: a
temporary file in the same directory, flushed and synced, then renamed over the original.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


class InputError(Exception):
    """A file that cannot be read or written; the message is one line naming the file."""


@dataclass(frozen=True)
class Source:
    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    stamp: tuple[int, int] | None = None

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
    target = Path(path)
    try:
        if target.is_dir():
            raise InputError(f"{path}: is a directory, not a file")
        stat = target.stat()
        data = target.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read: {error.strerror or error}") from None
    source = decode(data, path)
    return Source(source.path, source.text, source.encoding, source.bom, _stamp_of(stat))


def write_source(source: Source, text: str) -> None:
    """Replace the file atomically with ``text``, refusing if it changed since it was read."""
    target = Path(
        os.path.realpath(source.path)
    )  # through a symlink: keep the link, write its target
    data = source.encode(text)
    try:
        current = target.stat()
    except OSError as error:
        raise InputError(f"{source.path}: cannot be written: {error.strerror or error}") from None
    if source.stamp is not None and _stamp_of(current) != source.stamp:
        raise InputError(f"{source.path}: changed on disk while being fixed, not written")
    try:
        _atomic_write(target, data, current)
    except PermissionError:
        raise InputError(f"{source.path}: permission denied, not written") from None
    except OSError as error:
        raise InputError(f"{source.path}: cannot be written: {error.strerror or error}") from None


def _atomic_write(target: Path, data: bytes, original: os.stat_result) -> None:
    # A file without write permission is left alone even by root: the mode says "do not touch".
    if not original.st_mode & 0o200 or not os.access(target, os.W_OK):
        raise PermissionError(target)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, original.st_mode & 0o7777)
        with contextlib.suppress(OSError):  # only root may give a file to someone else
            os.chown(temporary, original.st_uid, original.st_gid)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(target.parent)


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


def _stamp_of(stat: os.stat_result) -> tuple[int, int]:
    return stat.st_mtime_ns, stat.st_size
