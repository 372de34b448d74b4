"""awesome-tidy: lint and normalise Markdown awesome lists, above all lists of research papers."""

from awesome_tidy.api import FileReport, check_file, check_text, fix_file, fix_text, load_config
from awesome_tidy.config import Config, ConfigError
from awesome_tidy.document import Document
from awesome_tidy.files import InputError
from awesome_tidy.fixer import FixError, FixResult
from awesome_tidy.linter import Diagnostic
from awesome_tidy.rule import Edit, Fix, Option, Problem, Rule

__all__ = [
    "Config",
    "ConfigError",
    "Diagnostic",
    "Document",
    "Edit",
    "FileReport",
    "Fix",
    "FixError",
    "FixResult",
    "InputError",
    "Option",
    "Problem",
    "Rule",
    "check_file",
    "check_text",
    "fix_file",
    "fix_text",
    "load_config",
]
__version__ = "0.1.0"
