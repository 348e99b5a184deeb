"""YAML files to validated models; every ``PATH:LINE:COL`` a user sees is made here.

The file is composed into PyYAML nodes with the C parser, then walked once into plain data
(catching what a plain loader lets through: repeated keys, unsafe tags, alias bombs). The
nodes are kept beside the data; positions are looked up in them only when there is a
problem to place, so the happy path pays nothing for them.

One module per role: ``yamlwalk`` (decoding and the walk), ``positions`` (the document and
where its nodes are), ``problems`` (the wording of syntax and validation problems),
``characters`` (the invisible characters refused or spelt out), ``load`` (validating
catalogues and wards, and the catalogues read once per run).
"""

from __future__ import annotations

from modelward.loading.load import (
    CatalogueCache,
    LoadedCatalogue,
    LoadedWard,
    catalogue_from,
    kind_of,
    load_catalogue,
    load_ward,
    ward_from,
)
from modelward.loading.positions import Document, scalar_text
from modelward.loading.problems import validation_issues
from modelward.loading.yamlwalk import decode, parse
from modelward.reading import find_catalogue

__all__ = [
    "CatalogueCache",
    "Document",
    "LoadedCatalogue",
    "LoadedWard",
    "catalogue_from",
    "decode",
    "find_catalogue",
    "kind_of",
    "load_catalogue",
    "load_ward",
    "parse",
    "scalar_text",
    "validation_issues",
    "ward_from",
]
