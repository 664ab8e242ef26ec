"""Who does a task: the unit clause of a plan task (（牵头单位：…；责任单位：…；完成时限：…）, 旗司法局牵头，…配合)
or its table columns, read into lead units, responsible units and a deadline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .numbering import label_number
from .resources import load_toml
from .targets import extract_deadline
from .units import has_level, inherit_prefix, is_group, is_internal, is_unit_like, split_units
from .vocabulary import clause_labels


def _terms() -> dict:
    return load_toml("plan_terms.toml")  # read once per run by load_toml


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern:
    """A unit or deadline label: followed by a colon (牵头单位：), or set in brackets (【责任科室】, 〔完成时限〕)."""
    units = clause_labels()
    words = "|".join(map(re.escape, sorted(units["lead"] + units["responsible"] + units["persons"]
                                           + _terms()["labels"]["deadline"], key=len, reverse=True)))
    return re.compile(rf"[【〔［\[](?P<bracketed>{words})[】〕］\]]\s*[：:]?|(?P<label>{words})\s*[：:]")


def has_unit_label(text: str) -> bool:
    """Whether a text labels units (牵头单位：…, 配合单位：…) anywhere."""
    return _label_pattern().search(text) is not None


def _label(match: re.Match) -> str:
    return match.group("bracketed") or match.group("label")


@dataclass
class Assignment:
    """Units and deadline named in a task's unit clause."""

    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    deadline: str = ""

    def merge(self, other: Assignment) -> None:
        self.lead.extend(other.lead)
        self.responsible.extend(other.responsible)
        self.deadline = "；".join(d for d in (self.deadline, other.deadline) if d)


_CLOSERS = {"（": "）", "(": ")", "【": "】", "〔": "〕", "［": "］", "[": "]"}


# 以上任务牵头单位：…，责任单位：…: a unit line after a group of tasks, for each of them (plan_text gives it to them).
GROUP_UNITS = re.compile(r"^(?:以上|上述)(?:各项|所列)?(?:任务|工作|事项)?(?:的)?")
# 本部分牵头单位：…；参与单位：…: a unit line that says which tasks it holds for, under a part's heading.
SCOPED_UNITS = re.compile(r"^(?:本部分|本板块|本章|本节|本类)(?:各项|所列)?(?:任务|工作|事项)?(?:的)?")


def split_assignment(paragraph: str) -> tuple[str, Assignment | None]:
    """Split （牵头单位：…；责任单位：…） or 牵头单位：… off a paragraph; return the body and the units."""
    pattern = _label_pattern()
    group = GROUP_UNITS.match(paragraph) or SCOPED_UNITS.match(paragraph)
    if group and pattern.match(paragraph, group.end()):
        return "", _parse_assignment(paragraph[group.end():], closing="")
    for match in pattern.finditer(paragraph):
        before = paragraph[: match.start()].rstrip()
        opener = before[-1:] if before[-1:] in _CLOSERS else ""  # （牵头单位：…） or 【牵头单位：…】
        if before and not opener and before[-1] not in "。；;，,）)—－":
            continue
        if opener and (measures := _measure_clauses(paragraph)) is not None:
            return measures
        body = before[:-1].rstrip() if opener else before.rstrip("—－ ")  # …年度述法。——责任单位：…
        return body, _parse_assignment(paragraph[match.start():], closing=_CLOSERS.get(opener, ""))
    # （旗司法局牵头，旗政府各部门配合）: no label, each unit followed by its role.
    closing = re.search(r"[（(]((?:[^（）()]|[（(][^（）()]*[）)]){3,160})[）)]\s*[。；;]?\s*$", paragraph)
    if closing:
        before = paragraph[: closing.start()].rstrip()
        # …委员会办公室（区司法局）: names glossing the unit just before them are no task's units.
        roles = _units_with_roles(closing.group(1), default=None) or (
            None if is_unit_like(before) else _bare_units(closing.group(1)))
        if roles is not None:
            return before, roles
    # （一）加强…建设。（法规科牵头，城建档案馆配合）…: units in brackets right after the title, the measures after
    # them; each unit must name its role, as a bracket in the middle of a sentence may say anything.
    for inner in _INNER_BRACKET.finditer(paragraph):
        roles = _units_with_roles(inner.group(1), default=None)
        if roles is not None and all(_role_pattern().match(part.strip(" 。")) for part in re.split(
                r"[，,；;]", _roles_unbracketed(inner.group(1))) if part.strip(" 。")):
            return (paragraph[:inner.start()] + paragraph[inner.end():]).strip(), roles
    # 本部分任务由县司法局牵头，县直各行政执法部门按职责分工负责。: a sentence of its own, for a part's tasks.
    whole = _TASKS_BY.match(paragraph)
    if whole:
        roles = _units_with_roles(whole.group("units"), default=None)
        if roles is not None:
            return "", roles
    return paragraph, None


def _closing(text: str, start: int, opener: str) -> int | None:
    """The index of the bracket closing the one opened just before start (各村（社区） nests), or None."""
    depth = 1
    for i in range(start, len(text)):
        depth += (text[i] == opener) - (text[i] == _CLOSERS[opener])
        if depth == 0:
            return i
    return None


def _measure_clauses(paragraph: str) -> tuple[str, Assignment] | None:
    """一是…（责任单位：党政办）；二是…（责任单位：党政办、司法所）。: each measure closed by units of its own, the
    paragraph going on after a bracket. The task's units are all of them; its text is the paragraph without them.
    None where the first bracketed clause closes the paragraph (the usual single clause)."""
    body, assignment, at = [], Assignment(), 0
    for match in _label_pattern().finditer(paragraph):
        if match.start() < at:
            continue
        opener = paragraph[: match.start()].rstrip()[-1:]
        end = _closing(paragraph, match.start(), opener) if opener in _CLOSERS else None
        if end is None:
            continue
        if not body and not paragraph[end + 1:].strip(" 。；;，,"):
            return None
        body.append(paragraph[at: paragraph.rindex(opener, 0, match.start())])
        assignment.merge(_parse_assignment(paragraph[match.start(): end], closing=""))
        at = end + 1
    body.append(paragraph[at:])
    return ("".join(body).strip(), assignment) if len(body) > 2 else None


_ITEM_NUMBER = re.compile(r"（\d{1,2}）|[①-⑳]|(?<![\d.])\d{1,2}[.、](?!\d)")


def item_assignments(paragraph: str) -> dict[int, Assignment] | None:
    """责任科室：（1）法规科；（2）法规科、登记注册科；…: one unit line giving each numbered item of the paragraph
    above it its own units, by number."""
    match = _label_pattern().match(paragraph)
    if match is None:
        return None
    value = paragraph[match.end():]
    marks = list(_ITEM_NUMBER.finditer(value))
    if len(marks) < 2 or value[:marks[0].start()].strip():
        return None
    out: dict[int, Assignment] = {}
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        units = value[mark.end(): following.start() if following else len(value)].strip("；;，,。 ")
        number = label_number(mark.group(0))
        if not units or number is None or number in out:
            return None
        out[number] = _parse_assignment(f"{_label(match)}：{units}", closing="")
    return out


def inline_units(paragraph: str) -> Assignment | None:
    """…定期开展专题学法，由法规科负责，各自然资源所配合…: a text plan's units inside the sentence, as an article says
    them, where the task has no unit clause of its own."""
    inline = _BY_UNITS.search(paragraph)
    roles = _units_with_roles(inline.group("units"), default=None) if inline else None
    return roles if roles is not None and roles.lead else None


def _bare_units(value: str) -> Assignment | None:
    """（旗政务服务局）, （县发改局、县财政局）: names of units alone, closing a task, are its responsible units."""
    units = split_units(value)
    if units and all(is_unit_like(unit) or is_group(unit) for unit in units):
        return Assignment(responsible=inherit_prefix(units))
    return None


def unit_measures(paragraph: str) -> Assignment | None:
    """县市场监管局（牵头）：对县本级…逐件开展公平竞争审查…: a unit's own share of a task (a 分工方案 splits each task by
    unit). The unit is the task's, lead where marked so; the paragraph stays the task's text."""
    match = _UNIT_SHARE.match(paragraph)
    if match is None or not (is_unit_like(match.group("unit")) or is_group(match.group("unit"))):
        return None
    role = match.group("role") or ""
    lead = role in _terms()["roles"]["lead"]
    unit = match.group("unit")
    return Assignment(lead=[unit] if lead else [], responsible=[] if lead else [unit])


_UNIT_SHARE = re.compile(r"^(?P<unit>[^：:，,。；;（）()\s]{3,20}?)(?:[（(](?P<role>[^（）()]{2,4})[）)])?[：:]\s*(?=\S)")


_INNER_BRACKET = re.compile(r"(?<=[。；;])\s*[（(]([^（）()]{3,80})[）)]")
_TASKS_BY = re.compile(r"^[^，,。；;]{0,8}任务[均都]?由(?P<units>[^。]+)[。；;]?\s*$")
# …，由法规科负责，各自然资源所配合…; 该项工作由旗司法局牵头，旗直各部门、各苏木镇人民政府配合…
_BY_UNITS = re.compile(r"(?:^|[，,；;。]|[该此本]项(?:工作|任务|改革))由(?P<units>[^，,。；;由]{2,24}?(?:牵头|负责)"
                       r"(?:负责|统筹|组织实施)?(?:[，,、][^，,。；;由]{2,80}?(?:配合|协同|协助|参与|负责))?)"
                       r"(?=[，,。；;]|[\u4e00-\u9fff])")


@lru_cache(maxsize=1)
def _role_words() -> str:
    roles = _terms()["roles"]
    return "|".join(map(re.escape, sorted(roles["lead"] + roles["responsible"], key=len, reverse=True)))


@lru_cache(maxsize=1)
def _role_pattern() -> re.Pattern:
    return re.compile(rf"^(.+?)({_role_words()})$")


def _roles_unbracketed(value: str) -> str:
    """县司法局（牵头） → 县司法局牵头; 区数据局（牵头）区政务服务中心, a cell's lines run together, → 区数据局牵头 and
    区政务服务中心 on lines of their own."""
    value = re.sub(rf"[（(]({_role_words()})[）)](?=[^，,；;、。\s])", r"\1\n", value)
    return re.sub(rf"[（(]({_role_words()})[）)]", r"\1", value)


def _units_with_roles(value: str, default: str | None) -> Assignment | None:
    """Units each followed by its role (旗司法局牵头，旗公安局、旗市监局配合; 县司法局（牵头）、县政府办). A unit
    without a role takes that of its part, else default (lead or responsible, from its label), else, in an
    unlabelled list, responsible beside the units that name theirs. None when the text is not such a list."""
    roles = _terms()["roles"]
    named: list[tuple[str, str | None]] = []
    deadlines: list[str] = []
    for part in re.split(r"[，,；;\n]", _roles_unbracketed(value)):
        part = part.strip(" 。")
        if not part:
            continue
        if (extract_deadline(part) or part in roles["ongoing"]) and not is_unit_like(part):  # （…牵头，6月底前完成）
            deadlines.append(part)
            continue
        match = _role_pattern().match(part)
        names, role = (match.group(1), match.group(2)) if match else (part, default)
        for unit in split_units(names):
            own = _role_pattern().match(unit)
            unit, unit_role = (own.group(1), own.group(2)) if own else (unit, role)
            if default is None and not (is_unit_like(unit) or is_group(unit)):
                return None
            named.append((unit, unit_role))
    if not any(role for _, role in named):
        return None
    # 负责 alone names the unit in charge; beside a 牵头 unit it is one of the responsible ones.
    primary = roles["lead"][0]
    lead_words = {primary, "lead"} if any(role == primary for _, role in named) else {*roles["lead"], "lead"}
    assignment = Assignment(deadline="；".join(deadlines))
    for unit, (_, role) in zip(inherit_prefix([u for u, _ in named]), named, strict=True):
        (assignment.lead if role in lead_words else assignment.responsible).append(unit)
    return assignment


def heading_units(heading: str) -> Assignment | None:
    """The units a section row or heading names with their roles (区司法局牵头（6项）, 区司法局牵头任务：, a task table
    grouped by lead unit), else None: the units of the tasks under it that name none of their own."""
    bare = re.sub(r"(?:的?(?:重点)?(?:工作)?任务(?:清单)?)?\s*(?:[（(]\s*\d+\s*项\s*[）)])?\s*[：:]?$", "", heading)
    return _units_with_roles(bare, default=None) or named_units(_COUNTED_TASKS.sub("", heading))


# A unit's heading that counts its tasks (县司法局（牵头任务5项，配合任务3项）): the count is no part of its name.
_COUNTED_TASKS = re.compile(r"\s*[（(][^（）()]*\d+\s*项[^（）()]*[）)]\s*[：:]?$")


def named_units(heading: str) -> Assignment | None:
    """A heading that is nothing but the names of units (一、旗司法局, 五、各苏木镇人民政府: a plan split by unit):
    they lead the tasks under it. None for any other heading."""
    heading = re.sub(r"[：:。]$", "", heading.strip())
    bare = None if re.search(r"[，。；,;]", heading) else _bare_units(heading)
    # A bare name must say whose it is (旗…, 各…) or be an office (法规科): 规范财政权力运行 only ends like 银行.
    if bare and all(has_level(unit) or is_internal(unit) or unit.startswith("各") for unit in bare.responsible):
        return Assignment(lead=bare.responsible)
    return None


def _names_roles(value: str) -> bool:
    """Whether a list of units names the role of any of them (旗司法局牵头、…)."""
    return any(_role_pattern().match(item.strip(" 。")) for item in re.split(r"[，,；;、\n]", _roles_unbracketed(value)))


def _parse_assignment(clause: str, closing: str) -> Assignment:
    labels = _terms()["labels"]
    opening = {closer: opener for opener, closer in _CLOSERS.items()}.get(closing, "")
    if closing and clause.endswith(closing) and clause.count(opening) < clause.count(closing):
        clause = clause[:-1]
    assignment = Assignment()
    matches = list(_label_pattern().finditer(clause))
    found = [_label(match) for match in matches]
    paired = paired_leads(found)
    for match, following in zip(matches, matches[1:] + [None], strict=True):
        value = clause[match.end(): following.start() if following else len(clause)].strip("；;，,。 ")
        label = _label(match)
        if label in labels["deadline"]:
            assignment.deadline = value
            continue
        if label in clause_labels()["persons"]:  # 牵头领导：副县长张三 names a person, not a unit
            continue
        # 责任单位：党政办，各村（社区）配合: beside the units that help, the unit without a role is in charge.
        lead = label in clause_labels()["lead"] or label in paired or (
            label.startswith(tuple(labels["paired_lead_roles"])) and _names_helpers(value))
        assignment.merge(column_units(value, "lead" if lead else "responsible"))
    return assignment


def paired_leads(labels: list[str]) -> set[str]:
    """The labels that name the unit in charge because a helper's label stands beside them: 承办 beside 协办,
    责任 beside 配合 (承办处室：…；协办处室：…, or columns 责任股室 | 配合股室). Alone, 承办 or 责任 names everyone
    who does the work; beside a 牵头 label, the 牵头 unit is in charge."""
    terms = _terms()["labels"]
    if any(label in clause_labels()["lead"] for label in labels) or not any(
            label.startswith(tuple(terms["paired_with"])) for label in labels):
        return set()
    return {label for label in labels if label.startswith(tuple(terms["paired_lead_roles"]))}


def _names_helpers(value: str) -> bool:
    """Whether a list of units names some of them as helpers (各村（社区）配合)."""
    helpers = tuple(_terms()["labels"]["paired_with"])
    for item in re.split(r"[，,；;、]", _roles_unbracketed(value)):
        match = _role_pattern().match(item.strip(" 。"))
        if match and match.group(2).startswith(helpers):
            return True
    return False


def column_units(value: str, role: str) -> Assignment:
    """The units under a label or in a table column; 旗司法局牵头，各苏木镇配合 names each unit's role. A column of
    units and deadline (责任单位及时限) ends its units with the deadline, on its line or after the last unit."""
    value, deadline = _deadline_apart(value)
    if _names_roles(value):
        assigned = _units_with_roles(value, role)
    else:
        units = inherit_prefix(split_units(value))
        assigned = Assignment(lead=units) if role == "lead" else Assignment(responsible=units)
    assigned.deadline = "；".join(d for d in (assigned.deadline, deadline) if d)
    return assigned


def _deadline_apart(value: str) -> tuple[str, str]:
    """A list of units without the deadline it ends with (区直各部门\n2025年12月底前, 各街道办事处2025年11月底前,
    区直有关部门持续推进), and that deadline, or ''."""
    lines = value.rstrip().split("\n")
    last = lines[-1]
    for ending in [*_terms()["roles"]["ongoing"], *extract_deadline(last).split("；")]:
        head = last[: -len(ending)].rstrip("，,；;、 ") if ending and last.endswith(ending) else None
        if head is not None and (not head or is_unit_like(head) or is_group(head) or head.endswith(("）", ")"))):
            return "\n".join([*lines[:-1], head]).strip(), ending
    return value, ""


_DIVISION_LABEL = re.compile(r"^(?:[一二三四五六七八九十]+、)?[^：:，,。；;\d]{2,8}[：:]\s*(?=第?\d)")  # 五、责任分工：
_NUMBERS = r"\d{1,3}(?:\s*[—\-－~～至到、，,和及]\s*第?\d{1,3})*"
_NUMBERED_CLAUSE = re.compile(rf"^第?(?P<numbers>{_NUMBERS})\s*项(?:任务|工作)?[由：:]?(?P<units>.+)$")
_NUMBERED_CELL = re.compile(rf"^第?(?P<numbers>{_NUMBERS})\s*(?:项(?:任务|工作)?)?$")


def task_numbers(numbers: str) -> list[int]:
    """The task numbers a list names, ranges counted out: 1—3、5 → 1, 2, 3, 5."""
    out: list[int] = []
    for part in re.split(r"[、，,和及]", numbers):
        bounds = [int(n) for n in re.findall(r"\d{1,3}", part)]
        if len(bounds) == 2 and bounds[0] < bounds[1] <= bounds[0] + 50:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return out


def numbered_cell(cell: str) -> list[int] | None:
    """The task numbers of a table cell that holds only them (1-3, 第4至6项, 11、12), or None."""
    match = _NUMBERED_CELL.match(re.sub(r"\s+", "", cell))
    return task_numbers(match.group("numbers")) if match else None


_DECIMAL_REF = re.compile(r"^(\d{1,2})\.(\d{1,3})(?:[—\-－~～至到](?:\1\.)?(\d{1,3}))?$")


def decimal_cell(cell: str) -> list[str] | None:
    """The decimal task numbers of a table cell that holds only them (1.1-1.3、2.1, 2.1—2.2), or None."""
    out: list[str] = []
    for part in re.split(r"[、，,和及]", re.sub(r"\s+", "", cell)):
        match = _DECIMAL_REF.match(part)
        if match is None:
            return None
        part_no, first, last = int(match.group(1)), int(match.group(2)), int(match.group(3) or match.group(2))
        out.extend(f"{part_no}.{n}" for n in range(first, min(last, first + 50) + 1))
    return out or None


_LABEL_REF = re.compile(r"[（(]([一二三四五六七八九十]{1,3})[)）]")
_LABELLED_CLAUSE = re.compile(r"^第?(?P<labels>(?:[（(][一二三四五六七八九十]{1,3}[)）]\s*(?:[、，,和及至到—\-－~～]\s*)?)+)"
                              r"项?(?:任务|工作)?由?(?P<units>[^（(].+)$")
_LABELLED_LEAD = re.compile(r"^(?:以上|上述)|^[^（(：:。；]{2,10}[：:]")  # 以上第（一）（二）项…, 本部分任务分工：（一）…


def labelled_assignments(paragraph: str) -> dict[int, Assignment] | None:
    """Units given to tasks by their labels in a line of their own (本部分任务分工：（一）（二）由县委编办牵头，县司法局
    配合；（三）至（五）由县政数局牵头; 以上第（四）（五）项由旗政数局牵头): each label's number with its units, or None
    where the line is no such list."""
    body = _LABELLED_LEAD.sub("", paragraph.strip(), count=1).strip()
    out: dict[int, Assignment] = {}
    for clause in filter(None, (c.strip() for c in re.split(r"[；;。]", body))):
        match = _LABELLED_CLAUSE.match(clause)
        roles = _units_with_roles(match.group("units"), default=None) if match else None
        if roles is None:
            return None
        labels = match.group("labels")
        numbers = [label_number(f"（{m.group(1)}）") for m in _LABEL_REF.finditer(labels)]
        ranged = re.search(r"[)）]\s*[至到—\-－~～]\s*[（(]", labels) is not None and len(numbers) == 2
        for number in range(numbers[0], numbers[1] + 1) if ranged else numbers:
            out[number] = roles
    return out or None


def numbered_assignments(paragraph: str) -> dict[int, Assignment]:
    """Units given to tasks by their numbers in a paragraph of its own (五、责任分工：第1—3项由县司法局牵头，县直各部门
    配合；第4、5项由县政务服务中心牵头): each number with its units, or {} where the paragraph is no such list."""
    out: dict[int, Assignment] = {}
    for clause in re.split(r"[；;。]", paragraph):
        match = _NUMBERED_CLAUSE.match(_DIVISION_LABEL.sub("", clause.strip()))
        if not match:
            continue
        roles = _units_with_roles(match.group("units"), default=None)
        if roles is None:
            continue
        for number in task_numbers(match.group("numbers")):
            out[number] = roles
    return out
