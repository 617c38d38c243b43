"""Read policy YAML files into a ``PolicyBook``.

The base file ships inside the package (``services/eligibility/policy/parameters.yaml``);
extra files, in the same layout, add versions, dated values and citations — that is how a new
year's standards arrive without a code change. The layout is described at the top of the base
file. Numbers are read as exact decimals straight from the YAML text: ``83.34`` never passes
through a binary float.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from services.eligibility.domain.errors import PolicyDataError
from services.eligibility.domain.policy import Citation, ParameterValue, PolicyBook, Source
from services.eligibility.domain.policy_assembly import (
    PolicyDeclarations,
    VersionDeclaration,
    assemble,
)

POLICY_PACKAGE = "services.eligibility.policy"
BASE_FILE = "parameters.yaml"

_TOP_LEVEL = frozenset({"versions", "parameters", "citations"})

StrPath = str | os.PathLike[str]


def load_policy_book(*extra_paths: StrPath, base: StrPath | None = None) -> PolicyBook:
    """The book from the packaged base file (or ``base``) plus each extra file, in order."""
    if base is None:
        documents = [(f"{POLICY_PACKAGE}/{BASE_FILE}", _packaged_text(BASE_FILE))]
    else:
        documents = [(str(base), Path(base).read_text(encoding="utf-8"))]
    documents += [(str(p), Path(p).read_text(encoding="utf-8")) for p in extra_paths]
    return assemble(parse_policy_document(text, origin) for origin, text in documents)


def parse_policy_document(text: str, origin: str) -> PolicyDeclarations:
    """One file's declarations; ``PolicyDataError`` naming ``origin`` if it is malformed."""
    try:
        # The loader builds only plain data (no arbitrary objects), like SafeLoader.
        raw = yaml.load(text, Loader=_DecimalSafeLoader)  # noqa: S506
    except yaml.YAMLError as exc:
        raise PolicyDataError(f"{origin}: not valid YAML: {exc}") from exc
    except PolicyDataError as exc:  # from the number constructor, which cannot know the file
        raise PolicyDataError(f"{origin}: {exc}") from exc
    if raw is None:
        return PolicyDeclarations(origin=origin)
    top = _mapping(raw, origin, "the file")
    unknown = sorted(set(top) - _TOP_LEVEL)
    if unknown:
        raise PolicyDataError(f"{origin}: unknown section(s): {', '.join(map(str, unknown))}")
    return PolicyDeclarations(
        origin=origin,
        versions=tuple(
            _version(v, origin) for v in _list(top.get("versions", []), origin, "versions")
        ),
        parameters=tuple(
            entry
            for name, spec in _mapping(top.get("parameters", {}), origin, "parameters").items()
            for entry in _history(str(name), spec, origin)
        ),
        citations=tuple(
            (str(rule), _citation(spec, origin, f"citation {rule}"))
            for rule, spec in _mapping(top.get("citations", {}), origin, "citations").items()
        ),
    )


def _packaged_text(name: str) -> str:
    return resources.files(POLICY_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _version(raw: Any, origin: str) -> VersionDeclaration:
    where = "a version"
    spec = _mapping(raw, origin, where)
    version_id = _text(spec.get("id"), origin, f"{where}'s id")
    where = f"version {version_id}"
    documents = _list(spec.get("documents", []), origin, f"{where} documents")
    return VersionDeclaration(
        id=version_id,
        effective_from=_date(spec.get("effective_from"), origin, f"{where} effective_from"),
        documents=tuple(_text(d, origin, f"{where} documents") for d in documents),
    )


def _history(name: str, raw: Any, origin: str) -> list[ParameterValue]:
    spec = _mapping(raw, origin, f"parameter {name}")
    entries = _list(spec.get("history"), origin, f"parameter {name} history")
    if not entries:
        raise PolicyDataError(f"{origin}: parameter {name} has an empty history")
    return [_entry(name, e, origin) for e in entries]


def _entry(name: str, raw: Any, origin: str) -> ParameterValue:
    entry = _mapping(raw, origin, f"an entry of {name}")
    effective_from = _date(entry.get("effective_from"), origin, f"{name} effective_from")
    where = f"{name} from {effective_from}"
    assumption = entry.get("assumption")
    if not isinstance(assumption, bool):
        # Required, so every figure states whether it is confirmed.
        raise PolicyDataError(f"{origin}: {where}: assumption must be true or false")
    note = entry.get("note")
    if note is not None:
        note = _text(note, origin, f"{where} note")
    source = _mapping(entry.get("source"), origin, f"{where} source")
    return ParameterValue(
        name=name,
        effective_from=effective_from,
        value=_decimal(entry.get("value"), origin, where),
        source=Source(
            document=_text(source.get("document"), origin, f"{where} source.document"),
            where=_text(source.get("where"), origin, f"{where} source.where"),
        ),
        assumption=assumption,
        note=note,
    )


def _citation(raw: Any, origin: str, where: str) -> Citation:
    spec = _mapping(raw, origin, where)
    return Citation(
        document=_text(spec.get("document"), origin, f"{where} document"),
        article=_text(spec.get("article"), origin, f"{where} article"),
    )


def _decimal(raw: Any, origin: str, where: str) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, int | str | Decimal):
        raise PolicyDataError(f"{origin}: {where}: value must be a number or a numeric string")
    try:
        value = Decimal(raw.strip()) if isinstance(raw, str) else Decimal(raw)
    except InvalidOperation:
        raise PolicyDataError(f"{origin}: {where}: {raw!r} is not a number") from None
    if not value.is_finite():
        raise PolicyDataError(f"{origin}: {where}: {raw!r} is not a finite number")
    return value


def _date(raw: Any, origin: str, where: str) -> date:
    if isinstance(raw, datetime):  # a datetime is a date too; a time of day is a mistake here
        raise PolicyDataError(f"{origin}: {where}: give a date without a time")
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    raise PolicyDataError(f"{origin}: {where}: {raw!r} is not a date (YYYY-MM-DD)")


def _text(raw: Any, origin: str, where: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise PolicyDataError(f"{origin}: {where}: expected non-empty text, got {raw!r}")
    return raw


def _mapping(raw: Any, origin: str, where: str) -> Mapping[Any, Any]:
    if not isinstance(raw, Mapping):
        raise PolicyDataError(f"{origin}: {where}: expected a mapping, got {type(raw).__name__}")
    return raw


def _list(raw: Any, origin: str, where: str) -> list[Any]:
    if not isinstance(raw, list):
        raise PolicyDataError(f"{origin}: {where}: expected a list, got {type(raw).__name__}")
    return raw


class _DecimalSafeLoader(yaml.SafeLoader):
    """SafeLoader that reads YAML floats as exact ``Decimal`` from their text."""


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal:
    if not isinstance(node, yaml.ScalarNode):
        raise PolicyDataError(f"expected a number at {node.start_mark}")
    text = str(loader.construct_scalar(node)).replace("_", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise PolicyDataError(f"{text!r} is not a finite number at {node.start_mark}") from None
    if not value.is_finite():
        raise PolicyDataError(f"{text!r} is not a finite number at {node.start_mark}")
    return value


_DecimalSafeLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
