"""Who is who: every name a unit goes by (旗政数局, 政数局, 政务服务和数据管理局), and who sent a report, from
its file name first, then its title and signature; never its addressee, never a unit it merely names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .meta import beyond_reach
from .models import Plan
from .text import normalize
from .units import RegistryUnit, alias_table, core, level_of

TITLE_PARAGRAPHS = 4
CANDIDATES = 3


@dataclass
class AuditUnit:
    """A unit of the audit: a department of the plan or of the registry, every name it goes by, its groups."""

    name: str
    spellings: set[str]
    groups: tuple[str, ...] = ()
    in_plan: bool = True


def audit_units(plan: Plan, registry: list[RegistryUnit]) -> list[AuditUnit]:
    """The plan's departments, joined with the registry's units (matched by name and abbreviation). A township's or
    street's plan expects reports from its own offices, not from the district bureaus it names as partners."""
    names = [u.name for u in plan.units]
    level = level_of(names)
    aliases = alias_table()
    units: dict[str, AuditUnit] = {}
    by_core: dict[str, str] = {}
    for unit in plan.units:
        if unit.group or beyond_reach(plan.title, unit.name):
            continue
        units[unit.name] = AuditUnit(unit.name, _spellings(unit.name, unit.variants, level, aliases))
        by_core[core(unit.name, level)] = unit.name
    for entry in registry:
        key = by_core.get(core(entry.name, level)) or next(
            (by_core[core(a, level)] for a in entry.aliases if core(a, level) in by_core), None)
        spellings = _spellings(entry.name, entry.aliases, level, aliases)
        if key:
            units[key].spellings |= spellings
            units[key].groups = entry.groups
        else:
            units[entry.name] = AuditUnit(entry.name, spellings, entry.groups, in_plan=False)
    return list(units.values())


def _spellings(name: str, others: tuple[str, ...], level: str, aliases: dict[str, str]) -> set[str]:
    """Every way a report may name a unit: 旗政数局, 政数局, 政务服务和数据管理局, 政务服务局 …"""
    found = {name, *others}
    for spelling in list(found):
        if level and spelling.startswith(level) and len(spelling) > 3:
            found.add(spelling[len(level):])
    standard = core(name, level)
    found.add(standard)
    found.update(alias for alias, std in aliases.items() if std == standard)
    return {s for s in found if len(s) >= 2}


def identify(document_texts: list[str], units: list[AuditUnit]) -> str | None:
    """The unit named in some texts: the longest spelling found wins."""
    best, best_length = None, 0
    for text in document_texts:
        normal = normalize(text)
        for unit in units:
            for spelling in unit.spellings:
                if len(spelling) > best_length and spelling in normal:
                    best, best_length = unit.name, len(spelling)
    return best


def named_units(texts: list[str], units: list[AuditUnit]) -> list[str]:
    """The units named in some texts, most often named first."""
    counts: Counter[str] = Counter()
    normals = [normalize(text) for text in texts]
    for unit in units:
        spellings = sorted(unit.spellings, key=len, reverse=True)
        counts[unit.name] = sum(1 for normal in normals if any(s in normal for s in spellings))
    return [name for name, count in counts.most_common() if count]


@dataclass(frozen=True)
class Sender:
    """Who sent a report, or, when that is not certain, the units it may come from."""

    unit: str | None
    candidates: tuple[str, ...] = ()


def sender(file_stem: str, paragraphs: list[str], title: str, units: list[AuditUnit]) -> Sender:
    """Who sent a report: the file name decides first (关于报送…（县司法局）), then the title lines and the
    signature. Never the addressee line at the top (县委依法治县办：) and never a unit merely named in the text
    (配合县委组织部…). Where the title and the signature name different units, or neither names one, the
    report is uncertain: its candidates are those two, or the units its text names most."""
    by_name = identify([file_stem], units)
    if by_name:
        return Sender(by_name)
    tail = max(1, len(paragraphs) - 3)  # a short report's signature is no title line
    heads = [p for p in map(normalize, paragraphs[:min(TITLE_PARAGRAPHS, tail)])
             if len(p) <= 60 and not p.rstrip().endswith(("：", ":")) and not re.search(r"[，。；]", p.rstrip("。"))]
    signature = [p for p in paragraphs[tail:] if len(normalize(p)) <= 30]
    by_title = identify([title], units) or identify(heads, units)
    by_signature = identify(signature, units)
    if by_title and by_signature and by_title != by_signature:
        return Sender(None, (by_title, by_signature))
    if by_title or by_signature:
        return Sender(by_title or by_signature)
    return Sender(None, tuple(named_units(paragraphs, units)[:CANDIDATES]))
