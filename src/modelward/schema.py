"""JSON Schemas for editors: generated from the pydantic models, the ward's narrowed to a catalogue.

With the YAML extension of VS Code (or any editor speaking the YAML language server), a
``# yaml-language-server: $schema=ward.schema.json`` line at the top of a ward file gives
completion of criterion and indicator ids and flags mistakes while typing.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from modelward.models import BOUNDS, SOURCES, Catalogue, Ward
from modelward.periods import EXPECTED

DRAFT = "https://json-schema.org/draft/2020-12/schema"

PERIOD_PATTERN = (
    r"^(\d{4}|\d{4}-Q[1-4]|\d{4}-H[12]|\d{4}-(0[1-9]|1[0-2])"
    r"|\d{4}-(0[1-9]|1[0-2])\.\.\d{4}-(0[1-9]|1[0-2])"
    r"|\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\.\.\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))$"
)
"""Every period spelling FORMAT.md allows (sections 2 and 7), the span of days included; the
loader checks the rest (a real date, a span that ends after it starts)."""
PERCENT_PATTERN = r"^\s*\d+([.,]\d+)?\s*%\s*$"
STATUSES = ["met", "not_met", "not_applicable"]


def catalogue_schema() -> dict[str, Any]:
    """The schema of a catalogue file, as pydantic describes the model."""
    schema = Catalogue.model_json_schema()
    schema["$schema"] = DRAFT
    schema["title"] = "modelward catalogue (criteria.yaml)"
    return schema


def _figure_schema(kind: str, title: str) -> dict[str, Any]:
    if kind == "percent":
        return {
            "description": f"{title}: a share, 0.95 or '95%'",
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 1},
                {"type": "string", "pattern": PERCENT_PATTERN},
            ],
        }
    if kind == "number":
        return {"description": title, "type": "number", "minimum": 0}
    return {"description": title, "type": "integer", "minimum": 0}


def _as_published(figure: dict[str, Any]) -> dict[str, Any]:
    """A figure as written (FORMAT.md section 8): plain, blank, or its long form."""
    long_form = {
        "type": "object",
        "properties": {
            "value": {
                "anyOf": [{k: v for k, v in figure.items() if k != "description"}, {"type": "null"}]
            },
            "source": {"enum": list(SOURCES)},
            "note": {"type": "string"},
            "bound": {"enum": list(BOUNDS)},
        },
        "additionalProperties": False,
    }
    plain = {k: v for k, v in figure.items() if k != "description"}
    out: dict[str, Any] = {"anyOf": [plain, {"type": "null"}, long_form]}
    if "description" in figure:
        out["description"] = figure["description"]
    return out


def ward_schema(
    catalogue: Catalogue | None = None, others: Sequence[Catalogue] = ()
) -> dict[str, Any]:
    """The schema of a ward file; with a catalogue, its criterion and indicator ids as the only keys.

    Judged criteria take a status or ``{status, note, evidence}``; computed ones only
    ``{override: {status, reason}}`` (with a note or evidence); figures follow their
    indicator's format (a percent is a fraction or a string with ``%``).

    A period may name its own catalogue (FORMAT.md section 6). The catalogue's ids hold in
    the periods that name none; a period that names one of ``others`` (the catalogues in
    sight, such as the version this one replaces) by ``ID@VERSION`` gets that version's
    ids, so an editor completes the pilot's ids in a pilot period; a period naming any
    other catalogue (a path, a version not in sight) gets the shape of any catalogue.
    """
    schema = Ward.model_json_schema()
    schema["$schema"] = DRAFT
    schema["title"] = "modelward ward file"
    defs = schema["$defs"]
    schema["properties"]["periods"] = {
        "description": f"Periods: {EXPECTED}",
        "type": "object",
        "propertyNames": {"pattern": PERIOD_PATTERN},
        "additionalProperties": {"anyOf": [{"$ref": "#/$defs/PeriodData"}, {"type": "null"}]},
    }
    period = defs["PeriodData"]["properties"]
    null = {"type": "null"}
    period["criteria"] = {
        "anyOf": [
            {
                "type": "object",
                "additionalProperties": {"anyOf": [{"enum": STATUSES}, _JUDGED, _COMPUTED, null]},
            },
            null,
        ]
    }
    period["indicators"] = {
        "anyOf": [
            {
                "type": "object",
                "additionalProperties": _as_published(
                    {
                        "anyOf": [
                            {"type": "number", "minimum": 0},
                            {"type": "string", "pattern": PERCENT_PATTERN},
                        ]
                    }
                ),
            },
            null,
        ]
    }
    # An inspection holds its own criteria and indicators (FORMAT.md section 9): the same
    # entries as its period's.
    inspection = defs["Inspection"]["properties"]
    inspection["criteria"], inspection["indicators"] = period["criteria"], period["indicators"]
    if catalogue is None:
        return schema
    versions: dict[str, Catalogue] = {}
    for version in (catalogue, *others):  # the first of a version wins: the one asked for
        versions.setdefault(version.reference, version)
    period["catalogue"] = {
        "description": "The catalogue this period is scored on, where it is not the file's: "
        "ID@VERSION or a path",
        "anyOf": [{"type": "string", "examples": list(versions)}, null],
    }
    for i, version in enumerate(versions.values()):
        entries = _narrowed(version)
        defs[f"InspectionOn{i}"] = _holding(
            defs["Inspection"], f"An inspection of a period on {version.reference}", entries
        )
        narrowed = _holding(defs["PeriodData"], f"A period on {version.reference}", entries)
        narrowed["properties"]["inspection"] = {
            "anyOf": [{"$ref": f"#/$defs/InspectionOn{i}"}, null]
        }
        defs[f"PeriodOn{i}"] = narrowed
    # A period that names no catalogue is on this one; one that names a version in sight,
    # on that version; any other, on a catalogue this schema does not know.
    named: dict[str, Any] = {"$ref": "#/$defs/PeriodData"}
    for i, version in reversed(list(enumerate(versions.values()))):
        named = {
            "if": {"properties": {"catalogue": {"const": version.reference}}},
            "then": {"$ref": f"#/$defs/PeriodOn{i}"},
            "else": named,
        }
    schema["properties"]["periods"]["additionalProperties"] = {
        "anyOf": [
            {
                "if": {"type": "object", "required": ["catalogue"]},
                "then": named,
                "else": {"$ref": "#/$defs/PeriodOn0"},
            },
            null,
        ]
    }
    schema["description"] = f"A ward file for catalogue {catalogue.id} {catalogue.version}"
    return schema


_JUDGED: dict[str, Any] = {
    "type": "object",
    "properties": {
        "status": {"enum": STATUSES},
        "note": {"type": "string"},
        "evidence": {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "items": {"type": "string", "minLength": 1}},
            ]
        },
    },
    "additionalProperties": False,
}
_COMPUTED: dict[str, Any] = {
    "type": "object",
    "properties": {
        "override": {"$ref": "#/$defs/Override"},
        "note": {"type": "string"},
        "evidence": _JUDGED["properties"]["evidence"],
    },
    "additionalProperties": False,
}


def _holding(
    definition: dict[str, Any], title: str, entries: tuple[dict[str, Any], dict[str, Any]]
) -> dict[str, Any]:
    """A copy of a period's or an inspection's definition with these ``criteria`` and
    ``indicators``."""
    out = copy.deepcopy(definition)
    out["title"] = title
    out["properties"]["criteria"], out["properties"]["indicators"] = entries
    return out


def _narrowed(catalogue: Catalogue) -> tuple[dict[str, Any], dict[str, Any]]:
    """A period's ``criteria`` and ``indicators`` with one catalogue's ids as the only keys."""
    from modelward.i18n import text

    criteria: dict[str, Any] = {}
    for crit in catalogue.criteria():
        title = text(crit.title, "vi")
        # Blank: not assessed yet, as if the criterion were absent.
        if crit.computed:
            criteria[crit.id] = {
                "description": f"{title} (tính từ số liệu)",
                "anyOf": [_COMPUTED, {"type": "null"}],
            }
        else:
            criteria[crit.id] = {
                "description": title,
                "anyOf": [{"enum": STATUSES}, _JUDGED, {"type": "null"}],
            }
    # A ratio may be given a figure too, where its parts are not (a share published alone).
    figures = {
        ind.id: _as_published(_figure_schema(ind.kind, text(ind.title, "vi")))
        for ind in catalogue.indicators
    }
    return (
        {
            "anyOf": [
                {"type": "object", "properties": criteria, "additionalProperties": False},
                {"type": "null"},
            ]
        },
        {
            "anyOf": [
                {"type": "object", "properties": figures, "additionalProperties": False},
                {"type": "null"},
            ]
        },
    )
