"""Editor positions: lines and columns in the code units the client and server agreed on.

awesome-tidy counts columns in characters (code points). LSP counts UTF-16 code units unless the
client offers another encoding at initialisation: a character outside the Basic Multilingual
Plane (an emoji) is one character but two UTF-16 units, and up to four UTF-8 bytes.
"""

from __future__ import annotations

from bisect import bisect_right

from lsprotocol import types

UTF8 = types.PositionEncodingKind.Utf8.value
UTF16 = types.PositionEncodingKind.Utf16.value
UTF32 = types.PositionEncodingKind.Utf32.value


class Lines:
    """The ``\\n``-normalised text of one version of a document, addressed as an editor does."""

    def __init__(self, text: str, line_starts: list[int], encoding: str = UTF16) -> None:
        self.text = text
        self.starts = line_starts
        self.encoding = encoding

    def line_text(self, line: int) -> str:
        """The text of 0-based ``line``, without its newline ('' past the end)."""
        if line >= len(self.starts):
            return ""
        start = self.starts[line]
        end = self.text.find("\n", start)
        return self.text[start : len(self.text) if end < 0 else end]

    def position(self, line: int, column: int) -> types.Position:
        """The editor position of 0-based ``line`` and character ``column``; a column past the
        line's end is the start of the next line (where an offset after a newline lands)."""
        text = self.line_text(line)
        if column > len(text):
            return types.Position(line=line + 1, character=0)
        return types.Position(line=line, character=self._units(text[:column]))

    def at(self, offset: int) -> types.Position:
        """The editor position of an offset into the text."""
        line = max(bisect_right(self.starts, offset) - 1, 0)
        return self.position(line, offset - self.starts[line])

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.at(start), end=self.at(end))

    def offset(self, position: types.Position) -> int:
        """The offset into the text of an editor position (clamped to the line and the text)."""
        if position.line >= len(self.starts):
            return len(self.text)
        text = self.line_text(position.line)
        return self.starts[position.line] + self._characters(text, position.character)

    def _units(self, prefix: str) -> int:
        if self.encoding == UTF32 or prefix.isascii():
            return len(prefix)
        if self.encoding == UTF8:
            return len(prefix.encode("utf-8", "surrogatepass"))
        return len(prefix) + sum(1 for char in prefix if ord(char) > 0xFFFF)

    def _characters(self, text: str, units: int) -> int:
        """How many characters of ``text`` the first ``units`` code units hold."""
        if self.encoding == UTF32 or text.isascii():
            return min(units, len(text))
        counted = 0
        for index, char in enumerate(text):
            counted += self._units(char)
            if counted > units:
                return index
        return len(text)
