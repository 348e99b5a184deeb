"""Pydantic models of the catalogue (criteria.yaml) and of a ward file; shape only, no I/O.

Cross-references (a rule naming an indicator, a ward naming a criterion) are checked in
``checks.py``, which needs both documents and reports each problem at its own key.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictFloat,
    StrictStr,
    StringConstraints,
    Tag,
    field_validator,
    model_validator,
)

from modelward.messages import Each, Message, MessageError, shown

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Ident = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]
Text = (
    NonEmpty
    | Annotated[
        dict[Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")], NonEmpty],
        Field(min_length=1),
    ]
)
"""A text field: a plain string, or a mapping of language code to string."""

Status = Literal["met", "not_met", "not_applicable"]
Stage = Literal["self", "inspection"]
"""A stage of the assessment cycle: the ward's own assessment, or as inspected."""
CatalogueStatus = Literal["official", "draft", "illustrative"]
Source = Literal["report", "article", "derived", "estimate", "illustrative"]
Bound = Literal["above", "at_least", "below", "at_most"]
SOURCES: tuple[Source, ...] = ("report", "article", "derived", "estimate", "illustrative")
BOUNDS: tuple[Bound, ...] = ("above", "at_least", "below", "at_most")
Better = Literal["lower", "higher"]
Format = Literal["count", "number", "percent"]
IfUndefined = Literal["met", "not_met", "not_applicable"]
Combine = Literal["sum"]


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------------------- catalogue


class Indicator(Strict):
    """A number a ward reports each period, or one derived as a ratio of two others."""

    id: Ident
    title: Text
    unit: Text | None = None
    better: Better
    format: Format | None = None
    ratio: tuple[Ident, Ident] | None = None
    description: Text | None = None
    combine: Combine | None = None
    """How the figures of merged wards combine (FORMAT.md section 10): ``sum`` adds them up.

    Counts add up unless told; a ``number`` or ``percent`` only with ``combine: sum``; a
    ratio is always worked out from its added-up parts.
    """

    @property
    def kind(self) -> Format:
        """The figure's format: ``count`` unless given; a ratio is a ``percent`` unless given."""
        if self.format is not None:
            return self.format
        return "percent" if self.ratio is not None else "count"

    @property
    def adds_up(self) -> bool:
        """Whether the figures of merged wards add up to the merged ward's figure."""
        return self.ratio is None and (self.combine == "sum" or self.kind == "count")


OPERATORS = ("at_least", "at_most", "above", "below")
OPERANDS = ("value", "change")


def _given(names: list[str]) -> Message:
    """The operands or operators a comparison was given: none, or ``a and b``."""
    return Message("given_none") if not names else Message("given_these", names=Each(names))


class Comparison(Strict):
    """One operand (``value`` or ``change`` of an indicator) against one threshold."""

    value: Ident | None = None
    change: Ident | None = None
    at_least: float | None = Field(default=None, strict=True, allow_inf_nan=False)
    at_most: float | None = Field(default=None, strict=True, allow_inf_nan=False)
    above: float | None = Field(default=None, strict=True, allow_inf_nan=False)
    below: float | None = Field(default=None, strict=True, allow_inf_nan=False)
    if_undefined: IfUndefined | None = None

    @model_validator(mode="after")
    def _one_operand_one_operator(self) -> Comparison:
        operands = [k for k in OPERANDS if getattr(self, k) is not None]
        operators = [k for k in OPERATORS if getattr(self, k) is not None]
        if len(operands) != 1:
            raise MessageError(Message("one_operand", given=_given(operands)))
        if len(operators) != 1:
            raise MessageError(Message("one_operator", given=_given(operators)))
        return self

    @property
    def operand(self) -> tuple[Literal["value", "change"], str]:
        """Which figure the comparison reads, and of which indicator."""
        if self.value is not None:
            return "value", self.value
        assert self.change is not None
        return "change", self.change

    @property
    def operator(self) -> tuple[str, float]:
        """The operator's name and threshold."""
        for name in OPERATORS:
            threshold = getattr(self, name)
            if threshold is not None:
                return name, float(threshold)
        raise AssertionError("validated to have one operator")


class AllOf(Strict):
    """Holds when every part holds."""

    all: list[Rule] = Field(min_length=1)


class AnyOf(Strict):
    """Holds when one part holds."""

    any: list[Rule] = Field(min_length=1)


def _rule_kind(data: Any) -> str:
    if isinstance(data, dict):
        if "all" in data:
            return "all"
        if "any" in data:
            return "any"
        return "comparison"
    if isinstance(data, AllOf):
        return "all"
    if isinstance(data, AnyOf):
        return "any"
    return "comparison"


Rule = Annotated[
    Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[Comparison, Tag("comparison")],
    Discriminator(_rule_kind),
]


class Criterion(Strict):
    """A criterion: computed from figures when it has a rule, judged by the assessor otherwise."""

    id: Ident
    title: Text
    guidance: Text | None = None
    weight: float = Field(default=1.0, gt=0, strict=True, allow_inf_nan=False)
    rule: Rule | None = None

    @property
    def computed(self) -> bool:
        """Whether the status comes from the rule rather than the assessor."""
        return self.rule is not None


class Group(Strict):
    """A group of criteria."""

    id: Ident
    title: Text
    criteria: list[Criterion] = Field(min_length=1)


class Verdict(Strict):
    """An overall verdict; the first one (best first) whose conditions hold is the ward's."""

    id: Ident
    title: Text
    min_share: float | None = Field(default=None, ge=0, le=1, strict=True, allow_inf_nan=False)
    requires: list[Ident] = Field(default_factory=list)

    @property
    def conditional(self) -> bool:
        """Whether the verdict has any condition at all."""
        return self.min_share is not None or bool(self.requires)


REFERENCE = re.compile(r"^([a-z0-9][a-z0-9-]*)@([^@\s/\\]+)$")
"""A catalogue named by ``ID@VERSION`` rather than by a path."""


def split_reference(text: str) -> tuple[str, str] | None:
    """``(id, version)`` of a reference written ``ID@VERSION``; None for a path."""
    m = REFERENCE.fullmatch(text.strip())
    return (m.group(1), m.group(2)) if m else None


def _reference(value: Any) -> Any:
    if isinstance(value, str) and split_reference(value) is None:
        raise MessageError(Message("expected_reference", got=shown(value)))
    return value


Reference = Annotated[str, AfterValidator(_reference)]


class Replaces(Strict):
    """The version a catalogue follows, and where its criteria and indicators went."""

    catalogue: Reference
    criteria: dict[Ident, Ident | None] = Field(default_factory=dict)
    """Old id -> new id, or None where the old criterion was dropped."""
    indicators: dict[Ident, Ident | None] = Field(default_factory=dict)
    """The same for indicators."""


class Catalogue(Strict):
    """The criteria catalogue: indicators, groups of criteria, and verdicts."""

    id: Slug
    version: Annotated[str, Field(coerce_numbers_to_str=True)]
    title: Text
    status: CatalogueStatus = "draft"
    source: Text | None = None
    sources: list[Text] = Field(default_factory=list)
    replaces: Replaces | None = None
    indicators: list[Indicator] = Field(default_factory=list)
    groups: list[Group] = Field(min_length=1)
    verdicts: list[Verdict] = Field(min_length=1)

    @property
    def reference(self) -> str:
        """The catalogue as ``ID@VERSION``."""
        return f"{self.id}@{self.version}"

    def criteria(self) -> list[Criterion]:
        """Every criterion, in catalogue order."""
        return [c for g in self.groups for c in g.criteria]

    @cached_property
    def _criteria_by_id(self) -> dict[str, Criterion]:
        return {c.id: c for c in self.criteria()}

    @cached_property
    def _indicators_by_id(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.indicators}

    def criterion(self, criterion_id: str) -> Criterion | None:
        """The criterion with this id, if any."""
        return self._criteria_by_id.get(criterion_id)

    def indicator(self, indicator_id: str) -> Indicator | None:
        """The indicator with this id, if any."""
        return self._indicators_by_id.get(indicator_id)


# ---------------------------------------------------------------------------- ward


def _in_words(value: str) -> str:
    # `reason: "..."` is the placeholder of the hint that points to override: left as it
    # is, it says nothing, and an override must say why.
    if value and not any(c.isalnum() for c in value):
        raise MessageError(Message("reason_in_words", got=shown(value)))
    return value


class Override(Strict):
    """An assessor's override of a computed criterion; always shown as overridden."""

    status: Status
    reason: Annotated[NonEmpty, AfterValidator(_in_words)]


class Entry(Strict):
    """The long form of a criterion's entry in a period."""

    status: Status | None = None
    override: Override | None = None
    note: str | None = None
    evidence: list[NonEmpty] = Field(default_factory=list)

    @field_validator("evidence", mode="before")
    @classmethod
    def _one_evidence(cls, value: Any) -> Any:
        # A single evidence string is as natural as a list of one.
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _status_or_override(self) -> Entry:
        if self.status is not None and self.override is not None:
            raise MessageError(Message("status_and_override"))
        return self


def _short_entry(value: Any) -> Any:
    # `C01: met` is the short form of `C01: {status: met}`.
    return value if isinstance(value, dict | list) or value is None else {"status": value}


Figure = Annotated[StrictFloat | StrictStr, Field(union_mode="left_to_right")]
"""A raw figure as written: a number, or a string such as ``97.96%`` (checked against the catalogue)."""


class FigureEntry(Strict):
    """The long form of a figure: its value, where it comes from, a note, and a bound."""

    value: Figure | None = None
    """None (blank): not reported."""
    source: Source = "report"
    note: str | None = None
    bound: Bound | None = None
    """The true figure lies beyond ``value`` (``above`` 90%: "hơn 90%"); None: exact."""


FigureAsWritten = Annotated[
    StrictFloat | StrictStr | FigureEntry | None, Field(union_mode="left_to_right")
]
"""A figure in a ward file: a number, a percent, the long form, or blank (not reported)."""


def _no_figures(value: Any) -> Any:
    # `indicators:` with only comments under it (a file made by `modelward new`) is empty.
    return {} if value is None else value


def _short_forms(value: Any) -> Any:
    if value is None:
        return {}
    if isinstance(value, dict):
        # A blank entry (`C01:` with nothing after it) is not assessed yet: as if absent,
        # as a blank figure is not reported (FORMAT.md section 8).
        return {k: _short_entry(v) for k, v in value.items() if v is not None}
    return value


class Inspection(Strict):
    """The check of a period by city or provincial police: what it found otherwise.

    Its figures and criterion entries are put in place of the ward's own; what it does not
    name stands as the ward wrote it. The rules of a period's entries hold here too.
    """

    by: str | None = None
    on: dt.date | None = None
    note: str | None = None
    indicators: dict[Ident, FigureAsWritten] = Field(default_factory=dict)
    criteria: dict[Ident, Entry] = Field(default_factory=dict)

    _indicators = field_validator("indicators", mode="before")(_no_figures)
    _criteria = field_validator("criteria", mode="before")(_short_forms)


class Decision(Strict):
    """The recognition decision on a period: only a decision makes a ward recognised."""

    number: Annotated[NonEmpty, Field(coerce_numbers_to_str=True)]
    """As the decision writes it, ``2878/QĐ-BCA``; a bare ``2878`` is taken as text."""
    on: dt.date
    by: str | None = None
    recognised: bool = Field(strict=True)
    """False: the period was considered and not recognised."""


class Written(float):
    """A number as the file spells it (``12.000``, ``1.50``), kept where the spelling says
    more than the value: a count written with a dot that groups thousands."""

    __slots__ = ("written",)

    written: str

    def __new__(cls, value: float, written: str) -> Written:
        made = super().__new__(cls, value)
        made.written = written
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (Written, (float(self), self.written))


class CommaSplit(str):
    """A figure a comma split inside ``{ }``, joined back as written (``1,234``).

    In a flow mapping a comma separates entries: ``{incidents: 1,234}`` is, to YAML,
    ``incidents: 1`` and a blank key ``234``. The walker joins the two back so the check
    can refuse the figure with what to write, where YAML alone gives a wrong number.
    ``read``: what YAML read (``1``); ``keys``: the blank keys it made (``234``).
    """

    __slots__ = ("keys", "read")

    read: str
    keys: tuple[str, ...]

    def __new__(cls, written: str, read: str, keys: tuple[str, ...]) -> CommaSplit:
        made = super().__new__(cls, written)
        made.read = read
        made.keys = keys
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (CommaSplit, (str(self), self.read, self.keys))


class Published(float):
    """A figure as published: a number that also says where it comes from and its bound.

    A plain ``float`` is an exact figure from the ward's report; this one is made only for
    a figure of another source or with a bound, so the many plain figures stay floats.
    """

    __slots__ = ("bound", "note", "source")

    source: Source
    bound: Bound | None
    note: str

    def __new__(
        cls, value: float, source: Source = "report", bound: Bound | None = None, note: str = ""
    ) -> Published:
        made = super().__new__(cls, value)
        made.source = source
        made.bound = bound
        made.note = note
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (Published, (float(self), self.source, self.bound, self.note))


def source_of(figure: float | None) -> Source:
    """Where a figure comes from: ``report`` unless it says otherwise."""
    return figure.source if isinstance(figure, Published) else "report"


def bound_of(figure: float | None) -> Bound | None:
    """A figure's bound, if it has one."""
    return figure.bound if isinstance(figure, Published) else None


class PeriodData(Strict):
    """One period's assessment: figures and criterion entries, as the ward wrote them.

    ``inspection`` and ``decision`` are the later stages of the cycle (FORMAT.md section 9).
    """

    assessed_on: dt.date | None = None
    assessed_by: str | None = None
    catalogue_version: Annotated[str, Field(coerce_numbers_to_str=True)] | None = None
    """The catalogue version this period was assessed against, where it matters (compare)."""
    catalogue: str | None = None
    """The catalogue this period is scored against, where it is not the ward file's: a path
    or ``ID@VERSION``."""
    note: str | None = None
    indicators: dict[Ident, FigureAsWritten] = Field(default_factory=dict)
    criteria: dict[Ident, Entry] = Field(default_factory=dict)
    inspection: Inspection | None = None
    decision: Decision | None = None

    _indicators = field_validator("indicators", mode="before")(_no_figures)
    _criteria = field_validator("criteria", mode="before")(_short_forms)


class Area(Strict):
    """Where the ward is; every field optional."""

    ward: str | None = None
    district: str | None = None
    city: str | None = None
    province: str | None = None
    region: str | None = None


class Formed(Strict):
    """When a ward was formed by merging others, and from which (FORMAT.md section 10)."""

    on: dt.date
    predecessors: list[Slug] = Field(alias="from", min_length=1)

    @field_validator("predecessors")
    @classmethod
    def _each_once(cls, value: list[str]) -> list[str]:
        repeated = sorted({p for p in value if value.count(p) > 1})
        if repeated:
            raise MessageError(Message("named_twice", ids=repeated))
        return value


class ReportInfo(Strict):
    """What the signed report needs that an assessment does not hold (``modelward report``).

    Every field is optional: where one is absent the report leaves a blank to fill by hand.
    """

    signer: NonEmpty | None = None
    """The name of the person who signs: ``Lê Trung Dũng``."""
    title: Text | None = None
    """The signer's title above the signature: ``Trưởng Công an phường``."""
    recipients: list[Text] = Field(default_factory=list)
    """Who receives the report, one per line under "Nơi nhận:"."""
    number: NonEmpty | None = None
    """The document's number, ``15/BC-CAP``; blank (``Số: …/BC-…``) to fill by hand."""
    place: NonEmpty | None = None
    """The place in the place-date line; the ward's name without "Phường" when absent."""
    parent: NonEmpty | None = None
    """The issuing unit's superior, above the unit's own name; from the area's city when absent."""


class Ward(Strict):
    """A ward file: who the ward is and every period's assessment."""

    id: Slug
    name: NonEmpty
    unit: str | None = None
    area: Area = Field(default_factory=Area)
    catalogue: str | None = None
    profile: dict[str, Any] = Field(default_factory=dict)
    formed: Formed | None = None
    """Set on a ward formed by merging others: its figures before then are theirs, added up."""
    report: ReportInfo | None = None
    """What the signed report needs beyond the assessment (number, signer, recipients)."""
    periods: dict[str, PeriodData] = Field(default_factory=dict)

    @field_validator("periods", mode="before")
    @classmethod
    def _empty_periods(cls, value: Any) -> Any:
        # `periods:` with nothing under it yet, or a period key with nothing under it.
        if value is None:
            return {}
        if isinstance(value, dict):
            return {k: {} if v is None else v for k, v in value.items()}
        return value


CATALOGUE_KEYS = frozenset({"groups", "verdicts", "indicators"})
WARD_KEYS = frozenset(
    {"periods", "name", "unit", "area", "profile", "catalogue", "formed", "report"}
)
