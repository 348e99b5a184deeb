"""Errors that carry where in which file the problem is, and the exit codes they map to."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from modelward.messages import Text


class ExitCode(IntEnum):
    """The process exit codes, defined once: FORMAT.md section 4, and 128 + the signal that
    stopped a write (as shells report it)."""

    OK = 0
    BAD_INPUT = 1
    USAGE = 2
    REQUIREMENT_NOT_REACHED = 3
    HANGUP = 129
    """Stopped by SIGHUP (the terminal closed) while writing a file: 128 + the signal."""
    INTERRUPTED = 130
    """Stopped by Ctrl-C (SIGINT): 128 + the signal, as shells report it."""
    TERMINATED = 143
    """Stopped by SIGTERM while writing a file: 128 + the signal."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in an input file, at a 1-based line and column where known."""

    path: str
    message: Text
    """A ``Message`` (an id and arguments), worded in the user's language when shown."""
    loc: str = ""
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        return self.worded("en")

    def worded(self, lang: str) -> str:
        """``PATH:LINE:COL: dotted.path: message``, the message in a language (vi or en)."""
        from modelward.messages import word

        where = self.path
        if self.line is not None:
            where += f":{self.line}:{self.column if self.column is not None else 1}"
        dotted = f"{self.loc}: " if self.loc else ""
        # One problem, one line: a key or value written with a line break (a quoted "a\nb")
        # shows it as \n, so the line can neither split nor pass for another problem.
        return f"{where}: {dotted}{word(self.message, lang)}".replace("\n", "\\n")


Loc = tuple[str | int, ...]
"""A data path into a parsed file, keyed like pydantic's ``loc``: ``("periods", "2024", ...)``."""


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem found after parsing, at a data path; the loader turns it into a Problem."""

    loc: Loc
    message: Text
    at_key: bool = False


class ModelwardError(Exception):
    """Base of every error the tool reports to a user; never shown as a traceback."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, problems: list[Problem] | Text) -> None:
        if not isinstance(problems, list):
            problems = [Problem(path="modelward", message=problems)]
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @property
    def first(self) -> Problem:
        """The first problem, for callers that need one position."""
        return self.problems[0]


class InputError(ModelwardError):
    """An input file is missing, unreadable, not YAML, or not valid content."""


class Interrupted(ModelwardError):
    """A signal stopped the tool while it wrote a file; the file was left as it was."""

    def __init__(self, problems: list[Problem], exit_code: ExitCode) -> None:
        super().__init__(problems)
        self.exit_code = exit_code


class UsageError(ModelwardError):
    """The command line asks for something that cannot be done (exit 2).

    ``param_hint`` names the option or argument at fault (``--period``, ``-o``), as click
    names it in its own usage errors; the command line reports both kinds the same way.
    """

    exit_code = ExitCode.USAGE

    def __init__(self, message: Text, param_hint: str | None = None) -> None:
        super().__init__([Problem(path="modelward", message=message)])
        self.message = message
        self.param_hint = param_hint


class Finished(ModelwardError):
    """The work is done and shown, yet the run ends with a non-zero exit code, for a reason
    already worded in the user's language (a verdict not reached, files left out)."""

    def __init__(self, exit_code: ExitCode, reason: str) -> None:
        super().__init__([])
        self.exit_code = exit_code
        self.reason = reason
