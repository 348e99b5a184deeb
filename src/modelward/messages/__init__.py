"""Messages: a problem carries an id and its arguments, worded once, at the edge, in one language.

``Message("unknown_key", key="incidnets")`` is what the core hands up; ``word(message,
"vi")`` turns it into a sentence from the templates of ``messages.catalogue`` (one table of
``{id: {"vi": ..., "en": ...}}``), imported only when something is worded, so start-up never
pays for it. The id is the problem's stable code (``"code"`` in JSON output).

How arguments are worded:

- a ``Message`` is worded in the same language (``got=shown(value)``);
- a ``tuple`` is a set of alternatives: ``a, b or c`` / ``a, b hoặc c``;
- a ``list`` is a plain list: ``a, b, c``; an ``Each`` is ``a and b and c``;
- a ``float`` (or ``Decimal``, ``Fraction``) is a number the message states, written as
  the language writes numbers (``0,8`` in vi, ``0.8`` in en): what a file wrote, or what
  to write in one, is passed as text instead;
- anything else is formatted as the template says: what the user wrote is quoted with
  ``{key!r}`` and never translated.

A template is a string, or a pair ``(one, other)`` chosen by the argument ``n`` (English
plurals; Vietnamese has one form).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when a message is worded: start-up never pays for them
    from decimal import Decimal
    from fractions import Fraction


@dataclass(frozen=True, slots=True, init=False)
class Message:
    """A message id, its arguments, and any further parts (hints) worded after it."""

    id: str
    args: tuple[tuple[str, Any], ...]
    then: tuple[Message, ...]

    def __init__(self, id: str, /, **args: Any) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "args", tuple(args.items()))
        object.__setattr__(self, "then", ())

    @property
    def arguments(self) -> dict[str, Any]:
        """The arguments by name."""
        return dict(self.args)

    def add(self, *parts: Message | None) -> Message:
        """This message with further parts (a hint, a 'did you mean') worded after it."""
        more = tuple(p for p in parts if p is not None)
        if not more:
            return self
        joined = Message(self.id, **dict(self.args))
        object.__setattr__(joined, "then", self.then + more)
        return joined

    def __str__(self) -> str:
        return word(self, "en")


Text = Message | str
"""What a problem says: a Message, or a sentence already worded in the user's language."""


def word(message: Text, lang: str) -> str:
    """A message as a sentence in a language (vi or en), from the catalogue's templates."""
    if isinstance(message, str):
        return message
    from modelward.messages.catalogue import MESSAGES
    from modelward.numbers import counted

    template: str | tuple[str, str] = MESSAGES[message.id][lang]
    given = counted(message.arguments, lang)
    args = {name: _argument(value, lang) for name, value in given.items()}
    if isinstance(template, tuple):
        template = template[0] if message.arguments.get("n") == 1 else template[1]
    said = template.format(**args)
    return said + "".join(word(part, lang) for part in message.then)


class Each(tuple[Any, ...]):
    """Every one of several things: ``a and b and c`` / ``a và b và c``."""


class Texts(tuple[tuple[str, str], ...]):
    """A text a file gives in several languages (``title: {vi: …, en: …}``), shown in the
    chosen one, else in the first it has."""

    @classmethod
    def of(cls, value: str | dict[str, str]) -> Texts:
        """From a catalogue's text: a plain string, or a mapping of language to string."""
        return cls((("", value),) if isinstance(value, str) else tuple(value.items()))

    def shown(self, lang: str) -> str:
        """The text in a language, else the first one given."""
        return dict(self).get(lang, self[0][1] if self else "")


def _argument(value: Any, lang: str) -> Any:
    if isinstance(value, Message):
        return word(value, lang)
    from decimal import Decimal
    from fractions import Fraction

    if isinstance(value, float | Decimal | Fraction):
        return _number(value, lang)
    if isinstance(value, Texts):
        return value.shown(lang)
    if isinstance(value, Each):
        return (" và " if lang == "vi" else " and ").join(str(_argument(v, lang)) for v in value)
    if isinstance(value, tuple):
        items = [str(_argument(v, lang)) for v in value]
        if len(items) < 2:
            return "".join(items)
        conj = " hoặc " if lang == "vi" else " or "
        return ", ".join(items[:-1]) + conj + items[-1]
    if isinstance(value, list):
        return ", ".join(str(_argument(v, lang)) for v in value)
    return value


def _number(value: float | Decimal | Fraction, lang: str) -> str:
    """A number the message states (a threshold, a figure), as the language writes numbers:
    every decimal it has, ``0,8`` in vi, ``0.8`` in en; ``0`` for ``0.0``.

    What a file wrote, or what to write in one, is passed as text and shown as it is.
    """
    from decimal import Decimal

    from modelward.numbers import number

    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    exact = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    decimals = max(0, -int(exact.as_tuple().exponent))
    return number(exact, lang, decimals, trim=True)


def shown(value: Any) -> Message:
    """What a file gave where something else was expected, for a ``got`` argument.

    Text is quoted as written; numbers as YAML spells them; nothing, lists and mappings in
    words.
    """
    if value is None:
        return Message("got_nothing")
    if isinstance(value, dict):
        return Message("got_mapping")
    if isinstance(value, list):
        return Message("got_list")
    if isinstance(value, bool):
        return Message("got_value", value="true" if value else "false")
    if isinstance(value, float) and not math.isfinite(value):
        return Message("got_value", value={math.inf: ".inf", -math.inf: "-.inf"}.get(value, ".nan"))
    if isinstance(value, str):
        return Message("got_value", value=repr(value))
    return Message("got_value", value=str(value))


class MessageError(ValueError):
    """A ValueError that carries its message, for a pydantic validator to raise."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def placeholders(template: str) -> set[str]:
    """The argument names a template uses (for the catalogue's own test)."""
    import string

    return {
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    }


_LOOK_ALIKE = ("0Oo", "1lIi", "2Zz", "5Ss", "8B", "-_")
"""Characters read or typed for one another (the case of a letter aside)."""
_SKELETON = {c: group[0] for group in _LOOK_ALIKE for c in group}


def _skeleton(text: str) -> str:
    return "".join(_SKELETON.get(c, c) for c in text.casefold())


def _distance(a: str, b: str) -> float:
    """Edits from ``a`` to ``b``; putting a look-alike in a character's place (``0`` for
    ``O``, ``l`` for ``1``, another case) costs half an edit."""
    previous = [float(j) for j in range(len(b) + 1)]
    for i, x in enumerate(a, start=1):
        row = [float(i)]
        for j, y in enumerate(b, start=1):
            swap = 0.0 if x == y else 0.5 if _skeleton(x) == _skeleton(y) else 1.0
            row.append(min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + swap))
        previous = row
    return previous[-1]


def closest(name: str, known: list[str]) -> str | None:
    """The known name that one who wrote ``name`` most likely meant, if any is close.

    Close: similar enough (difflib's ratio at least 0.6), or the same but for look-alike
    characters and case. Of those, the fewest edits wins, a look-alike counting half
    (``P0l`` is ``P01``, not ``P20``); then the more similar; then, as difflib does, the
    greater name.
    """
    from difflib import SequenceMatcher, get_close_matches

    if not known:
        return None
    near = set(get_close_matches(name, known, n=len(known), cutoff=0.6))
    near |= {k for k in known if _skeleton(k) == _skeleton(name)}
    if not near:
        return None

    def likeness(candidate: str) -> tuple[float, float, str]:
        similar = SequenceMatcher(None, name, candidate).ratio()
        return -_distance(name, candidate), similar, candidate

    return max(near, key=likeness)


def did_you_mean(name: str, known: list[str]) -> Message | None:
    """``(did you mean 'C01'?)`` after a message, where a known name is close."""
    found = closest(name, known)
    return Message("did_you_mean", suggestion=found) if found is not None else None


_STATUS_WORDS = {
    "met": ("met", "dat", "yes", "y", "true", "on", "ok", "pass", "passed", "done", "co", "x"),
    "not_met": (
        *("not_met", "notmet", "unmet", "chua_dat", "khong_dat", "no", "n", "false", "off"),
        *("fail", "failed"),
    ),
    "not_applicable": ("not_applicable", "na", "n_a", "khong_ap_dung", "kad", "none"),
}
_STATUS_OF = {word: status for status, words in _STATUS_WORDS.items() for word in words}


def status_meant(written: object) -> str | None:
    """The status (met, not_met, not_applicable) a writer most likely meant, if any.

    ``Đạt``, ``đạt``, ``Met``, ``yes`` and ``true`` mean met; ``not met``, ``chưa đạt``,
    ``no`` not met; ``không áp dụng``, ``N/A`` not applicable. Case, diacritics, spaces
    and hyphens do not matter.
    """
    import unicodedata

    if isinstance(written, bool):
        return "met" if written else "not_met"
    if not isinstance(written, str):
        return None
    plain = unicodedata.normalize("NFD", written.strip().lower().replace("đ", "d"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = "_".join(plain.replace("-", " ").replace("/", " ").split())
    return _STATUS_OF.get(plain)
