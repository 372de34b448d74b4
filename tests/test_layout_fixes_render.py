"""The layout rules' safe fixes (bullets, margins, trailing whitespace) run unattended in
the pre-commit hook, so they must never change what GitHub shows: the fixed list renders to the
same HTML as the list the author wrote. markdown-it (CommonMark with tables), apart from the
model, is the judge, so that a misreading in the model cannot hide a fix that changes rendering.
(entry-spacing is not among them: its defect is a space inside the entry's text, which shows.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from awesome_tidy import fix_text
from awesome_tidy.config import Config

LAYOUT = Config(select=("list-indent", "list-marker", "list-marker-space", "trailing-whitespace"))
_RENDERER = MarkdownIt("commonmark").enable("table")
FIXTURES = Path(__file__).parent / "fixtures"
REFERENCE = FIXTURES / "reference" / "awesome-industrial-anomaly-detection.md"
REAL_LISTS = [*sorted((FIXTURES / "corpus").glob("*.md")), REFERENCE]

# Made-up lists of the shapes where a whitespace edit could change rendering: hard line breaks
# (two spaces or a backslash) inside multi-line entries, items at the margin after a blank line in
# a list indented by two, tab-indented nested bullets, Markdown lists inside <details>.
SHAPES = {
    "hard-breaks": (
        "# Papers\n\n## Sensors\n\n"
        "- Doe, J., Roe, R.,  \n*[A Fast Sensor](https://example.org/a)*,  \nSensors, 2020.   \n"
        "- Poe, E.,\\\n*[A Slow Sensor](https://example.org/b)*,  \nSensors, 2021.\n"
        "- Moe, M.,  \n*[A Small Sensor](https://example.org/c)*, Sensors, 2022.  \n\n"
        "Text after the list.  \n"
    ),
    "margin-after-indented-items": (
        "# Links\n\n## Folklore\n"
        "  - [Jargon File](https://example.org/jargon)\n"
        "  - [Hacker Howto](https://example.org/howto)\n"
        "    - [Translations](https://example.org/howto/tr)\n"
        "  - [Old Folklore](https://example.org/folklore)\n"
        "  - [Deranged Scripts](https://example.org/scripts)\n"
        "  - [Kernel Notes](https://example.org/kernel)\n\n"
        "- [Projective Geometry Notes](https://example.org/geometry)\n"
        "  - [Main Notes](https://example.org/geometry/main.pdf)\n"
        "- [Graph Posts](https://example.org/graphs)\n"
    ),
    "tab-nested": (
        "# Tools\n\n## Editors\n\n"
        "- [Vim](https://example.org/vim) - Modal editor.\n"
        "\t- [Neovim](https://example.org/nvim) - A fork.\n"
        "\t- [Kakoune](https://example.org/kak) - Selection first. \n"
        "- [Emacs](https://example.org/emacs) - Lisp machine.\n"
        "*   [Helix](https://example.org/helix) - Post-modern.\n"
    ),
    "details-list": (
        "# Papers\n\n## Climate\n\n"
        "- [Rain Nowcasting](https://example.org/rain)\n"
        "     <details>\n  <summary><b>Abstract</b></summary>\n  \n"
        "  > We nowcast rain.\n  </details>   \n  \n\n"
        "<details>\n<summary>Older</summary>   \n\n"
        "* [Cloud Models](https://example.org/clouds)   \n"
        "* [Storm Tracks](https://example.org/storms)\n\n</details>\n"
    ),
    # A topic with a stray space moves to the margin; its sub-items at four and eight spaces
    # are nested still there and stay.
    "stray-topic-over-four-space-sub-items": (
        "## Contents\n\n* [Retrieval](#retrieval)\n    * [Dense](#dense)\n"
        " * [Reranking](#reranking)\n    * [Cross Encoders](#cross)\n"
        "        * [Distillation](#distillation)\n    * [Listwise](#listwise)\n"
        " * [Evaluation](#evaluation)\n* [Datasets](#datasets)\n\n## Retrieval\n\n"
        "- [DPR](https://example.org/dpr) - Dual encoders.\n"
        "- [ColBERT](https://example.org/colbert) - Late interaction.\n"
        " - [SPLADE](https://example.org/splade) - Sparse expansion.\n"
    ),
}


def render(text: str) -> str:
    return _RENDERER.render(text)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_layout_fixes_of_a_shape_keep_its_rendering(name: str) -> None:
    text = SHAPES[name]
    fixed = fix_text(text, LAYOUT).text
    assert render(fixed) == render(text)


def test_the_shapes_are_fixed_at_all() -> None:
    """The rendering test above means something only where the layout rules do edit."""
    unchanged = [name for name, text in SHAPES.items() if fix_text(text, LAYOUT).text == text]
    assert not unchanged


def test_hard_line_breaks_are_kept_and_other_trailing_spaces_go() -> None:
    fixed = fix_text(SHAPES["hard-breaks"], LAYOUT).text
    assert "Roe, R.,  \n*[A Fast" in fixed
    assert "Poe, E.,\\\n" in fixed
    assert "Sensors, 2020.\n- Poe" in fixed
    assert "Text after the list.\n" in fixed


@pytest.mark.slow  # renders every corpus list twice
@pytest.mark.parametrize("path", REAL_LISTS, ids=lambda path: path.stem)
def test_layout_fixes_of_a_real_list_keep_its_rendering(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert render(fix_text(text, LAYOUT).text) == render(text)
