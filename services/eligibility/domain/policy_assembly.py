"""Assemble a ``PolicyBook`` from the declarations of one or more policy files.

Each file may add versions, dated parameter values and rule citations; a later file never
silently overrides an earlier one (a duplicate is an error), so adding a version is a new file
or new entries, and correcting a figure is an edit that shows up in review. The checks here run
when the data is loaded, so a gap (a version without some parameter, a rule without a
citation, a misspelt name) stops the service at start-up instead of reaching a resident.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .errors import PolicyDataError
from .parameters import Param
from .policy import Citation, ParameterValue, PolicyBook, PolicyVersion
from .rules import Rule


@dataclass(frozen=True, slots=True)
class VersionDeclaration:
    id: str
    effective_from: date
    documents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PolicyDeclarations:
    """What one policy file declares; ``origin`` names the file in error messages."""

    origin: str
    versions: tuple[VersionDeclaration, ...] = ()
    parameters: tuple[ParameterValue, ...] = ()
    citations: tuple[tuple[str, Citation], ...] = ()


def assemble(declarations: Iterable[PolicyDeclarations]) -> PolicyBook:
    versions: dict[str, VersionDeclaration] = {}
    history: dict[tuple[str, date], ParameterValue] = {}
    citations: dict[str, Citation] = {}
    known_params = {p.value for p in Param}
    known_rules = {r.value for r in Rule}

    for decl in declarations:
        for version in decl.versions:
            if version.id in versions:
                raise PolicyDataError(f"{decl.origin}: version {version.id} is declared twice")
            versions[version.id] = version
        for entry in decl.parameters:
            if entry.name not in known_params:
                raise PolicyDataError(f"{decl.origin}: unknown parameter {entry.name}")
            if entry.value < 0:
                raise PolicyDataError(f"{decl.origin}: {entry.name} is negative")
            key = (entry.name, entry.effective_from)
            if key in history:
                raise PolicyDataError(
                    f"{decl.origin}: {entry.name} from {entry.effective_from} is declared twice"
                )
            history[key] = entry
        for rule, citation in decl.citations:
            if rule not in known_rules:
                raise PolicyDataError(f"{decl.origin}: citation for unknown rule {rule}")
            if rule in citations:
                raise PolicyDataError(f"{decl.origin}: citation for {rule} is declared twice")
            citations[rule] = citation

    if not versions:
        raise PolicyDataError("no policy version is declared")
    starts: dict[date, str] = {}
    for version in versions.values():
        if version.effective_from in starts:
            raise PolicyDataError(
                f"versions {starts[version.effective_from]} and {version.id} "
                f"both start on {version.effective_from}"
            )
        starts[version.effective_from] = version.id
    for name, effective_from in history:
        # A value that starts between versions would never be used until the next version
        # (versions are snapshots, for replay): make that mistake loud.
        if effective_from not in starts:
            raise PolicyDataError(
                f"{name} changes on {effective_from}, when no policy version starts"
            )
    missing_citations = sorted(known_rules - citations.keys())
    if missing_citations:
        raise PolicyDataError(f"no citation for rules: {', '.join(missing_citations)}")

    return PolicyBook(
        tuple(_snapshot(v, history, known_params, citations) for v in versions.values())
    )


def _snapshot(
    version: VersionDeclaration,
    history: dict[tuple[str, date], ParameterValue],
    names: set[str],
    citations: dict[str, Citation],
) -> PolicyVersion:
    in_force: dict[str, ParameterValue] = {}
    for (name, effective_from), entry in history.items():
        if effective_from > version.effective_from:
            continue
        current = in_force.get(name)
        if current is None or current.effective_from < effective_from:
            in_force[name] = entry
    missing = sorted(names - in_force.keys())
    if missing:
        raise PolicyDataError(f"version {version.id} has no value for: {', '.join(missing)}")
    return PolicyVersion(
        id=version.id,
        effective_from=version.effective_from,
        documents=version.documents,
        parameters=in_force,
        citations=citations,
    )
