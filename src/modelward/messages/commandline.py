"""The command line in the user's language: click's own words and our help texts.

click looks every string it prints up through ``gettext`` (``_("Usage:")``,
``ngettext(...)``), each module holding its own reference to the function. ``install``
points those references at a lookup in the tables below, so usage errors and help follow
``--lang``/``MODELWARD_LANG``; English is the source text, returned as is. The tables are
keyed like a gettext catalogue: by the English source string (``msgid``), since that is
what click hands over. Our help texts are keyed the same way, by the English text as
written in the decorators (``HELP``); ``tests/test_commandline.py`` checks that every
command and option has its translation, and that every string click can say has one.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Callable
from typing import Any, Final

import click

CLICK_VI: Final[dict[str | tuple[str, str], str | tuple[str, str]]] = {
    # click's msgids (click 8.x), as gettext would look them up; a pair is (one, other).
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "Aborted!": "Đã dừng!",
    "Argument {name!r} takes {nargs} values.": "Đối số {name!r} nhận {nargs} giá trị.",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "Commands": "Lệnh",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "Error: {message}": "Lỗi: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Missing argument": "Thiếu đối số",
    "Missing command.": "Thiếu lệnh.",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing {param_type}": "Thiếu {param_type}",
    "argument": "đối số",
    "option": "tùy chọn",
    "parameter": "tham số",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Options": "Tùy chọn",
    "Positional arguments": "Đối số",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "Usage:": "Cách dùng:",
    "Value must be an iterable.": "Giá trị phải là một dãy.",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "deprecated": "không còn dùng",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tùy lúc chạy)",
    "directory": "thư mục",
    "file": "tệp",
    "path": "đường dẫn",
    "unknown error": "lỗi không rõ",
    # {name} is click's "File", "Path" or "Directory", fixed in English when the option
    # is made (at import): left out, the file name says enough.
    "{name} {filename!r} does not exist.": "{filename!r} không tồn tại.",
    "{name} {filename!r} is a directory.": "{filename!r} là một thư mục.",
    "{name} {filename!r} is a file.": "{filename!r} là một tệp.",
    "{name} {filename!r} is not executable.": "{filename!r} không chạy được.",
    "{name} {filename!r} is not readable.": "{filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{filename!r} không ghi được.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là một số hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} không phải giá trị đúng/sai. Các giá trị được nhận: {states}"
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Có phải là {possibility}?",
        "(Có phải là một trong: {possibilities}?)",
    ),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Thừa đối số ({args})",
        "Thừa đối số ({args})",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Tùy chọn {name!r} cần một giá trị.",
        "Tùy chọn {name!r} cần {nargs} giá trị.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} không phải {choice}.",
        "{value!r} không phải một trong {choices}.",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Cần {nargs} giá trị nhưng chỉ có 1.",
        "Cần {nargs} giá trị nhưng có {len}.",
    ),
    "[OPTIONS]": "[TÙY CHỌN]",
    "COMMAND [ARGS]...": "LỆNH [ĐỐI SỐ]...",
}


METAVARS_VI: Final[dict[str, str]] = {
    # The placeholders help and usage errors show for a value ("Missing argument 'WARD'").
    "BOOLEAN": "ĐÚNG_SAI",
    "BYTES": "SỐ_BYTE",
    "FILE": "TỆP",
    "FILE|ID@VERSION": "TỆP|ID@PHIÊN_BẢN",
    "FROM [TO]": "TỪ [ĐẾN]",
    "FROM": "TỪ",
    "TO": "ĐẾN",
    "N": "N",
    "P": "KỲ",
    "PATH": "ĐƯỜNG_DẪN",
    "PATHS...": "ĐƯỜNG_DẪN...",
    "SHARE": "TỶ_LỆ",
    "TEXT": "CHỮ",
    "VERDICT": "XẾP_LOẠI",
    "WARD": "TỆP_PHƯỜNG",
    "WARD_FILE": "TỆP_PHƯỜNG",
}


def placeholder(shown: str) -> str:
    """A value's placeholder (``WARD``, ``TO``) in the language; options stay as written."""
    return shown if _language == "en" else METAVARS_VI.get(shown, shown)


def _in_language(make_metavar: Callable[..., str]) -> Callable[..., str]:
    """click's placeholder for a value, in the language (a list of choices stays as is)."""

    def made(self: click.Parameter, ctx: click.Context) -> str:
        return placeholder(make_metavar(self, ctx))

    return made


_language = "en"
_original: dict[tuple[str, str], Callable[..., str]] = {}


def language() -> str:
    """The language click and the help texts speak now."""
    return _language


def gettext(message: str) -> str:
    """One of click's strings in the language."""
    if _language == "en":
        return message
    found = CLICK_VI.get(message)
    return found if isinstance(found, str) else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    if _language != "en":
        found = CLICK_VI.get((singular, plural))
        if isinstance(found, tuple):
            return found[0] if n == 1 else found[1]
    return singular if n == 1 else plural


def install(lang: str) -> None:
    """Make click speak a language (vi or en) from now on, in this process."""
    global _language
    _language = lang
    if _original:
        return
    import gettext as stdlib

    for name, module in list(sys.modules.items()):
        if name != "click" and not name.startswith("click."):
            continue
        for attr, ours, theirs in (
            ("_", gettext, stdlib.gettext),
            ("ngettext", _ngettext, stdlib.ngettext),
        ):
            if getattr(module, attr, None) is theirs:
                _original[(name, attr)] = theirs
                setattr(module, attr, ours)
    for kind in (click.Parameter, click.Argument):
        _original[(kind.__qualname__, "make_metavar")] = kind.make_metavar
        kind.make_metavar = _in_language(kind.make_metavar)  # type: ignore[method-assign]


def help_text(text: str) -> str:
    """One of our help texts (a command's docstring, an option's help) in the language.

    click's own help texts (``--help``'s) are made once and kept, in the language of the
    first run in the process: they are looked up both ways.
    """
    cleaned = inspect.cleandoc(text)
    if _language == "en":
        return _ENGLISH_OF.get(cleaned, cleaned)
    from modelward.messages.helptext import HELP_VI

    found = HELP_VI.get(cleaned) or CLICK_VI.get(cleaned)
    return found if isinstance(found, str) else cleaned


_ENGLISH_OF = {vi: en for en, vi in CLICK_VI.items() if isinstance(en, str) and isinstance(vi, str)}


def scan(args: list[str], environ: dict[str, str] | Any) -> str | None:
    """The language a command line asks for before click has parsed it (the last --lang
    wins, then MODELWARD_LANG), so that help and usage errors are already in it."""
    chosen = environ.get("MODELWARD_LANG")
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
    return chosen


def _help_row(text: str) -> str:
    """An option's help as click shows it, with its ``[default: …]`` (already translated)."""
    found = help_text(text)
    if found != inspect.cleandoc(text) or "  [" not in text:
        return found
    head, _, extra = text.rpartition("  [")
    # A default shown in words (``show_default="table, or …"``) is one of our texts too.
    extra = re.sub(r"\(([^()]*)\)", lambda m: f"({help_text(m[1])})", extra)
    return f"{help_text(head)}  [{extra}"


class HelpFormatter(click.HelpFormatter):
    """click's help formatter, writing our help texts in the chosen language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for words in ("[OPTIONS]", "COMMAND [ARGS]..."):
            args = args.replace(words, gettext(words))
        super().write_usage(prog, args, prefix)

    def write_text(self, text: str) -> None:
        super().write_text(help_text(text))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(a, _help_row(b)) for a, b in rows], col_max, col_spacing)
