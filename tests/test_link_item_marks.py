"""Link items as awesome lists write them: marks between name and separator, notes, names that
are handles, scripts without case, and lines that lost the space after their bullet."""

from __future__ import annotations

import pytest

from awesome_tidy import Config, check_text, fix_text
from awesome_tidy.markers import emoji_start


def only(*names: str) -> Config:
    return Config(select=names)


def found(text: str, *rules: str) -> list[tuple[int, int, str, str]]:
    return [(d.line, d.column, d.rule, d.message) for d in check_text(text, only(*rules))]


LINK_RULES = ("link-item-format", "description-repeats-name", "description-case")

# A list with a status mark, a tag, a venue and a badge between some names and their separator.
MARKED = """\
# Editors

- [Helix](https://helix-editor.com) - Modal editor with multiple selections.
- [Kakoune](https://kakoune.org) `⚠` - Modal editor, selection first.
- [Zed](https://zed.dev) **NEW** - Editor written in Rust.
- [Lapce](https://lapce.dev), `Rust` - Editor with a native GUI.
- [Neovim](https://neovim.io) ![stars](https://img.shields.io/badge/stars-80k-blue) - Vim fork.
- [Emacs](https://www.gnu.org/software/emacs/) 💲
- [Micro](https://micro-editor.github.io) *(terminal)*
"""


def test_marks_between_name_and_separator_are_the_lists_convention() -> None:
    assert found(MARKED, *LINK_RULES) == []


def test_no_fix_touches_a_mark_even_unsafe() -> None:
    result = fix_text(MARKED, unsafe=True)
    assert result.text == MARKED


def test_a_wrong_separator_after_a_mark_is_fixed_and_the_mark_kept() -> None:
    text = MARKED.replace("`⚠` - Modal", "`⚠` – Modal")
    assert found(text, "link-item-format") == [
        (4, 37, "link-item-format", "' – ' between name and description where the list uses ' - '")
    ]
    assert fix_text(text, only("link-item-format")).text == MARKED


def test_a_missing_separator_is_reported_and_left_to_a_human() -> None:
    text = MARKED.replace("(https://helix-editor.com) - Modal", "(https://helix-editor.com) Modal")
    assert found(text, "link-item-format") == [
        (3, 36, "link-item-format", "no '-' between name and description")
    ]
    assert fix_text(text, only("link-item-format"), unsafe=True).text == text


def test_the_name_repeated_after_a_mark() -> None:
    text = MARKED.replace("**NEW** - Editor written", "**NEW** - Zed: an editor written")
    assert found(text, "description-repeats-name") == [
        (5, 36, "description-repeats-name", "description repeats the name 'Zed'")
    ]


HANDLES = """\
# Chat

- [#rust-lang](https://example.org/rust) - #rust-lang channel for questions.
- [@ferris](https://example.org/ferris) - @ferris posts release notes.
- [/r/rust](https://example.org/r-rust) - /r/rust community news.
- [@bot/deploy](https://example.org/deploy) - @bot/deploy: a deploy bot.
"""


def test_a_handle_said_as_itself_is_not_a_repeated_name() -> None:
    assert found(HANDLES, "description-repeats-name") == [
        (6, 47, "description-repeats-name", "description repeats the name '@bot/deploy'")
    ]


CASELESS = """\
# Telegram Groups

- [Go](https://example.org/go) - Chat of Go developers.
- [Rust](https://example.org/rust) - Chat of Rust developers.
- [Java](https://example.org/java) - Chat of Java developers.
- [Python](https://example.org/py) - Chat of Python developers.
- [Hindi](https://example.org/hi) - डेवलपर्स के लिए चैट.
- [Thai](https://example.org/th) - แชทสำหรับนักพัฒนา.
- [Korean](https://example.org/ko) - 개발자를 위한 채팅.
- [Tools](https://example.org/tools) - npm and pip help.
- [Shell](https://example.org/sh) - ssh tips and tricks.
- [Misc](https://example.org/misc) - random chat.
"""


def test_only_a_cased_word_can_start_lower_case() -> None:
    assert found(CASELESS, "description-case") == [
        (12, 38, "description-case", "description starts with lower-case 'random'")
    ]


MISSING_SPACE = """\
# Players

-[Tracker](https://example.org/tracker) - Plays MOD and XM files.

## Streaming

- [Radio](https://example.org/radio) - Internet radio.
-[Podcasts](https://example.org/podcasts) - Podcast client.
  -[Nested](https://example.org/nested) - Under an item.

A range of 3 -[or more](https://example.org/more) tracks.
*[Emphasised](https://example.org/emphasis)*
"""


def test_a_bullet_without_its_space_is_text_on_github() -> None:
    assert found(MISSING_SPACE, "list-marker-space") == [
        (3, 1, "list-marker-space",
         "no space after the bullet of '-[Tracker](...)': GitHub shows it as text"),
        (8, 1, "list-marker-space",
         "no space after the bullet of '-[Podcasts](...)': GitHub shows it as text"),
        (9, 3, "list-marker-space",
         "no space after the bullet of '-[Nested](...)': GitHub shows it as text"),
    ]  # fmt: skip


PAPERS = """\
# Sequence Models

- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - Transformers.
- [Long Short-Term Memory](https://example.org/lstm) - Gated recurrence.
- [Sequence to Sequence Learning](https://arxiv.org/abs/1409.3215), `NeurIPS 2014`
- [Neural Machine Translation](https://arxiv.org/abs/1409.0473), `ICLR 2015` - Soft alignment.
- [Deep Residual Learning](https://arxiv.org/abs/1512.03385) `⚠` Retracted figure.
"""


def test_a_venue_after_a_comma_is_a_mark_and_never_doubles_the_comma() -> None:
    assert found(PAPERS, "link-item-format") == [
        (7, 61, "link-item-format", "no '-' between name and description")
    ]
    assert fix_text(PAPERS, unsafe=True).text == PAPERS


@pytest.mark.parametrize(
    ("text", "emoji"),
    [
        ("Soil maps 🔗", "🔗"),
        ("Soil maps ⭐️", "⭐️"),  # a variation selector dresses it
        ("Soil maps 👍🏿", "👍🏿"),  # a skin tone
        ("Soil maps 👩\u200d🌾", "👩\u200d🌾"),  # a joined sequence
        ("Soil maps ✅🔥", "✅🔥"),
        ("translation layer `Wine`", ""),  # a backtick is no emoji (study 33's merge)
        ("Windows®", ""),  # typography written against a word
        ("25°", ""),
        ("हिंदी में", ""),  # a word's own combining marks
        ("stray \ufe0f", ""),  # dress without an emoji
    ],
)
def test_an_emoji_run_at_the_end_is_found_with_what_dresses_it(text: str, emoji: str) -> None:
    assert text[emoji_start(text, len(text)) :] == emoji
