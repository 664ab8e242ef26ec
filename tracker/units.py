"""Unit names: splitting lists, inheriting the level prefix, abbreviations, groups, one name per unit."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .models import Unit
from .resources import load_csv, load_toml

ABBREVIATIONS = "unit_abbreviations.csv"
TERMS = "plan_terms.toml"

_SEPARATORS = re.compile(r"[、，,；;／/\s]+")
_BRACKETED_TAIL = re.compile(r"[（(][^（）()]*[）)]?$")
_JOINERS = re.compile(r"(?<=.)(?:及|和|以及|与|等)(?=.)")
# Parts of a place name inside a unit name (中国人民银行乌拉特中旗支行) that forbid adding a level prefix.
_OWN_PLACE = re.compile(r"^(?:中国|国家|自治区|内蒙古|乡镇|苏木镇|苏木乡镇|街道|嘎查|社区)|^.{2,}[旗县区市盟镇乡].{2,}")


@lru_cache(maxsize=1)
def _terms() -> dict:
    return load_toml(TERMS)["units"]


@lru_cache(maxsize=1)
def alias_table() -> dict[str, str]:
    """Map every known spelling of a department (without level prefix) to its standard name."""
    table: dict[str, str] = {}
    for row in load_csv(ABBREVIATIONS):
        standard = row.get("标准名称", "")
        if not standard:
            continue
        table[standard] = standard
        for alias in re.split(r"[、，,；;]", row.get("简称", "")):
            if alias.strip():
                table.setdefault(alias.strip(), standard)
    return table


def short_spellings(name: str) -> set[str]:
    """The other ways a report writes a unit's name: each abbreviation of the table put in place of the department's
    standard name (县人力资源和社会保障局 → 县人社局; 镇综合行政执法队 → 镇综合执法队)."""
    return {name.replace(standard, alias) for alias, standard in alias_table().items()
            if alias != standard and standard in name}


def is_group(name: str) -> bool:
    """True for group terms such as 旗政府各部门 or 各苏木镇政府, which stand for many units."""
    return name.startswith("各") or any(marker in name for marker in _terms()["group_markers"])


def is_unit_like(text: str) -> bool:
    """A name that ends like a unit's (局, 委, 办, 中心, 政府 …)."""
    return len(text) >= 3 and text.endswith(tuple(_terms()["suffixes"]))


_PLACEHOLDER = re.compile(r"[-－—–/／\\\s]+|暂?无")


def is_placeholder(text: str) -> bool:
    """A cell left as — or / or 无: it names nothing."""
    return _PLACEHOLDER.fullmatch(text.strip()) is not None


def split_units(text: str) -> list[str]:
    """Split a list of units on 、，；, and on 及/和/等 where both sides are unit names."""
    names: list[str] = []
    # 、 inside quotes or brackets is part of a name (“双随机、一公开”监管工作联席会议成员单位, 各县（市、区）人民政府).
    text = re.sub(r"“[^”]*”|(?<=[\u4e00-\u9fff])（[^（）]{1,12}）", lambda m: m.group(0).replace("、", "\0"), text)
    for part in _SEPARATORS.split(_balanced(text.strip("。.；;：: "))):
        part = _balanced(part.strip("。. ")).replace("\0", "、")
        # 法治督察股（依法治旗办秘书股）: a second name of the same office in brackets.
        bare = _BRACKETED_TAIL.sub("", part)
        if bare != part and is_unit_like(bare):
            part = bare
        if not part or is_placeholder(part):
            continue  # a cell left as — or / or 无 names no unit
        names.extend(_split_joined(part))
    return names


def _balanced(text: str) -> str:
    """A name without the brackets around it that open or close nothing inside it: （旗司法局 → 旗司法局, but
    各村（社区） stays whole."""
    while text[:1] in "（(" and text.count("（") + text.count("(") > text.count("）") + text.count(")"):
        text = text[1:]
    while text[-1:] in "）)" and text.count("）") + text.count(")") > text.count("（") + text.count("("):
        text = text[:-1]
    if text[:1] in "（(" and text[-1:] in "）)":  # the whole name in brackets
        text = text[1:-1]
    return text.strip()


# 县政府各部门, 领导小组各成员单位, 局机关各科室, 县政府各行政执法部门: the members of the unit before, one group with it.
_MEMBERS = re.compile(r"各[^各]{0,8}?(?:部门|单位|科室|处室|股室|机构)")


_KIND_OF_UNITS = re.compile(r"[\u4e00-\u9fff]{0,8}(?:部门|单位|机关|机构)")


def _split_joined(part: str) -> list[str]:
    """A part naming several units: joined by 及/和/等, or run together (区委宣传部区委组织部, a PDF cell's lines
    joined), where each unit ends like one and the next begins with a level (区, 旗) or 各."""
    for match in _JOINERS.finditer(part):
        left, right = part[: match.start()], part[match.end():]
        # 县生态环境分局等行政执法部门: what the list's units are, not another unit.
        if match.group(0) == "等" and is_unit_like(left) and _KIND_OF_UNITS.fullmatch(right) and not is_group(right):
            return _split_joined(left)
        if is_unit_like(left) and is_unit_like(right):
            return _split_joined(left) + _split_joined(right)
    if _JOINERS.search(part):
        return [part]  # 基层政权和社区建设股, 行政复议与应诉股: one name with a joiner inside, not 基层政权和社 and 区建设股
    levels = tuple(_terms()["levels"])
    for end in range(3, len(part) - 2):
        left, right = part[:end], part[end:]
        if is_unit_like(left) and (_has_level(right, levels) or right.startswith("各") and not _MEMBERS.fullmatch(right)):
            rest = _split_joined(right)
            if all(is_unit_like(name) or is_group(name) for name in rest):
                return [left, *rest]
    return [part]


# A plan names its units with their level (旗司法局) when at least this share of its mentions carry one; a
# department's plan names its own offices (法规科, 办公室) and only now and then a unit outside.
LEVEL_SHARE = 0.3


def level_of(names: list[str]) -> str:
    """The administrative level the plan's units share, e.g. 旗 for 旗司法局, or '' when none."""
    levels = _terms()["levels"]
    counts = Counter(name[0] for name in names if _has_level(name, tuple(levels)))
    if not counts:
        return ""
    level, count = counts.most_common(1)[0]
    return level if count >= LEVEL_SHARE * len([n for n in names if not is_group(n)]) else ""


def inherit_prefix(names: list[str]) -> list[str]:
    """Give names without a level the prefix of the name before them: 旗发改委、司法局 → 旗发改委、旗司法局."""
    levels = tuple(_terms()["levels"])
    out: list[str] = []
    prefix = ""
    for name in names:
        if _has_level(name, levels):
            prefix = name[0]
        elif prefix and not name.startswith("各") and not _OWN_PLACE.search(name) and not is_internal(name):
            name = prefix + name
        out.append(name)
    return out


def is_internal(name: str) -> bool:
    """An office inside a department (政策法规股, 办公室) without a level of its own: it takes none from the plan."""
    terms = _terms()
    return (name.endswith(tuple(terms["internal_endings"])) and not _has_level(name, tuple(terms["levels"]))
            and not any(word in name for word in terms["not_internal"]))


def _has_level(name: str, levels: tuple[str, ...]) -> bool:
    """旗司法局 carries its level; 市监局 is an abbreviation and 市容管理科 a word (市容) that merely start with a
    level character."""
    terms = _terms()
    return (len(name) > 2 and name[0] in levels and name not in alias_table()
            and (not name.startswith(tuple(terms["not_levels"])) or name.startswith(tuple(terms["levels_after_all"]))))


def core(name: str, level: str) -> str:
    """The identity of a unit: level prefix dropped and abbreviation resolved (旗委编办, 编办 → 机构编制委员会办公室)."""
    aliases = alias_table()
    if not level or not name.startswith(level) or len(name) <= 2:
        return aliases.get(name, name)
    bare = name[len(level):]
    # 旗委编办 is the 编办 of the 旗委, but 旗委办 is the 委办 itself: try both readings.
    for candidate in (bare[1:] if bare.startswith("委") else None, bare, name):
        if candidate and candidate in aliases:
            return aliases[candidate]
    return bare


def has_level(name: str) -> bool:
    """Whether a unit's name carries a government level of its own (区司法局, 县委编办)."""
    return _has_level(name, tuple(_terms()["levels"]))


def canonical_units(mentions: list[str], township: bool = False) -> tuple[dict[str, str], tuple[Unit, ...]]:
    """Given every unit mention of a plan, return a map to one canonical name per unit, and the unit list. In a
    township's or street's plan (township), its own offices named bare keep no level."""
    own = tuple(_terms()["township_offices"]) if township else ()
    level = level_of(mentions)
    counts = Counter(mentions)
    by_core: dict[str, list[str]] = {}
    for name in counts:
        by_core.setdefault(core(name, level), []).append(name)
    mapping: dict[str, str] = {}
    units: list[Unit] = []
    for variants in by_core.values():
        # A spelling with the plan's level (旗司法局) wins, then the one used most often, then the longer one;
        # a bare department name (财政局 in a 县 plan) is the plan's own and gets its level. One of another level
        # (市生态环境局棠溪分局 in a 县 plan) keeps its own.
        best = max(variants, key=lambda v: (v[:1] == level, counts[v], len(v)))
        if (level and best[:1] != level and not has_level(best) and not is_group(best) and not _OWN_PLACE.search(best)
                and not is_internal(best) and not (own and best.endswith(own))):
            best = level + best
        for variant in variants:
            mapping[variant] = best
        units.append(Unit(name=best, group=is_group(best), variants=tuple(sorted(set(variants) - {best}))))
    order = {name: i for i, name in enumerate(dict.fromkeys(mapping[m] for m in mentions))}
    units.sort(key=lambda u: order[u.name])
    return mapping, tuple(units)


def same_unit(a: str, b: str, level: str = "") -> bool:
    """True when two spellings name the same unit (旗政数局 and 政务服务和数据管理局)."""
    return core(a, level) == core(b, level)


@dataclass(frozen=True)
class RegistryUnit:
    """A unit of an office's registry (units.csv): its name, other names, kind and the groups it is in."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""
    groups: tuple[str, ...] = ()


REGISTRY_COLUMNS = ("单位名称", "别名", "类型", "所属群组")


def load_registry(path: str | Path) -> list[RegistryUnit]:
    """Read a unit registry (.csv in UTF-8 or GBK, or .xlsx) with columns 单位名称, 别名, 类型, 所属群组."""
    from .errors import InputError
    from .ingest import read_document
    from .models import Table, row_value

    document = read_document(path)
    tables = [b for b in document.blocks if isinstance(b, Table)]
    for table in tables:
        for index, row in enumerate(table.rows[:5]):
            header = [re.sub(r"\s+", "", cell) for cell in row]
            if "单位名称" not in header:
                continue
            column = {name: header.index(name) for name in REGISTRY_COLUMNS if name in header}
            units = []
            for values in table.rows[index + 1:]:
                def cell(name: str, values=values, column=column) -> str:
                    return row_value(values, column.get(name))

                if cell("单位名称"):
                    units.append(RegistryUnit(cell("单位名称"), tuple(_items(cell("别名"))), cell("类型"),
                                              tuple(_items(cell("所属群组")))))
            return units
    columns = "、".join(REGISTRY_COLUMNS)
    raise InputError(f"“{Path(path).name}”中找不到“单位名称”列。单位名册应有列：{columns}。")


def _items(text: str) -> list[str]:
    return [item.strip() for item in re.split(r"[、，,；;/\s]+", text) if item.strip()]
