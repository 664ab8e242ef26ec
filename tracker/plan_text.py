"""Plans written as text: numbered items (一、 （一） 1. ①), which level holds the tasks, and each task's text,
units and deadline."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .assignments import (
    GROUP_UNITS,
    SCOPED_UNITS,
    Assignment,
    has_unit_label,
    heading_units,
    inline_units,
    item_assignments,
    labelled_assignments,
    named_units,
    split_assignment,
    unit_measures,
)
from .meta import SIGNATURE
from .numbering import BULLETS, CN_NUMERALS, label_number, match_label, outline_parts
from .plan_table import Row, label_text, task_title
from .text import sentences
from .vocabulary import column_words

WORK_TEXT_CHARS = 25
TITLE_ONLY_CHARS = 40  # a task's title sentence alone, its units and measures on the lines after it
MEASURES_PER_HEADING = 1.8  # numbered measures under each title-only heading, on average
ONE_SENTENCE_SHARE = 0.8


@dataclass
class Item:
    """A numbered paragraph with the unnumbered paragraphs that follow it."""

    style: str
    label: str
    level: int
    parent: int | None
    paragraphs: list[str]
    assignments: list[Assignment] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)
    scoped: list[Assignment] = field(default_factory=list)  # 本部分牵头单位：…: the units of the items under it

    @cached_property
    def inline(self) -> list[Assignment]:
        """The units inside its sentences (…由法规科负责，各自然资源所配合…, as an article says them), for an item
        without a unit clause of its own."""
        found = None if self.assignments else inline_units("".join(self.paragraphs))
        return [found] if found is not None else []


def build_items(paragraphs: list[str]) -> tuple[list[str], list[Item]]:
    """Group paragraphs under numbered items, nesting styles by the order in which they first appear."""
    preamble: list[str] = []
    items: list[Item] = []
    open_styles: list[str] = []
    open_items: list[int] = []
    last_seen: dict[str, tuple[int, int | None]] = {}
    parts = outline_parts(paragraphs)
    plain = plain_headings(paragraphs, parts)
    for position, paragraph in enumerate(paragraphs):
        labelled = _plain(paragraph) if position in plain else task_label(paragraph, parts)
        if labelled is not None:
            style = labelled[0]
            depth = open_styles.index(style) if style in open_styles else len(open_styles)
            parent = open_items[depth - 1] if depth > 0 and depth - 1 < len(open_items) else None
        if (labelled is not None and style not in ("plain", "clause")
                and not _in_sequence(label_number(labelled[1]), _counted_under(style, labelled[1], parent),
                                     last_seen.get(style))):
            labelled = None  # a line cut before 一、 or 2. by the PDF wrap, not a new item
            if items and items[-1].paragraphs and items[-1].paragraphs[-1][-1:] not in "。；）":
                items[-1].paragraphs[-1] += paragraph
                continue
        if labelled is None:
            if items and (_for_labels(items, paragraph) or _for_group(items, paragraph)
                          or _for_part(items[-1], paragraph)):
                continue
            if items and not _by_number(items, paragraph):
                _attach(items[-1], paragraph)
            else:
                preamble.append(paragraph)
            continue
        style, label, rest = labelled
        last_seen[style] = (label_number(label) or 0, _counted_under(style, label, parent))
        if style in open_styles:
            depth = open_styles.index(style)
            del open_styles[depth + 1:]
            del open_items[depth:]
        else:
            open_styles.append(style)
            depth = len(open_styles) - 1
        item = Item(style=style, label=label, level=depth, parent=open_items[-1] if open_items else None,
                    paragraphs=[])
        open_items.append(len(items))
        items.append(item)
        _attach(item, rest)
    for item in items:
        if item.parent is not None and items[item.parent].scoped and not item.assignments:
            item.assignments.extend(items[item.parent].scoped)
    _under_unit_headings(items)
    return preamble, items


def _under_unit_headings(items: list[Item]) -> None:
    """A plan split by unit (一、旗司法局 / 1.… 2.… / 二、旗政数局 / 1.…): a heading that only names units leads each
    item under it, beside the units the item names as helping (1.…（配合单位：旗商务局）)."""
    under = _children(items)
    for index, item in enumerate(items):
        heading = named_units(item.paragraphs[0]) if under[index] and len(item.paragraphs) == 1 else None
        if heading is None or item.assignments:
            continue
        for child in (items[i] for i in under[index]):
            if not child.assignments:
                child.assignments.append(heading)
            elif not any(a.lead for a in child.assignments):
                child.assignments[0].lead.extend(heading.lead)


def _scoped(paragraph: str, scope: re.Pattern) -> Assignment | None:
    """The units of a line that is only a unit clause opening with the tasks it holds for (以上任务…, 本部分…)."""
    if scope.match(paragraph) is None:
        return None
    body, assignment = split_assignment(paragraph)
    return None if body else assignment


def _for_part(item: Item, paragraph: str) -> bool:
    """本部分牵头单位：…；参与单位：… right under a part's heading: the units of each item under it that names none of
    its own (the line says the items under the heading are the tasks)."""
    assignment = None if item.paragraphs[1:] else _scoped(paragraph, SCOPED_UNITS)
    if assignment is None:
        return False
    item.scoped.append(assignment)
    return True


def _for_labels(items: list[Item], paragraph: str) -> bool:
    """本部分任务分工：（一）（二）由…牵头，…配合；（三）至（五）由…牵头 after a part's tasks (or 以上第（四）项由…牵头): each
    task of the part the line names by its label takes the units given to it."""
    given = labelled_assignments(paragraph) if "由" in paragraph and "（" in paragraph else None
    if given is None:
        return False
    last = items[-1]
    for item in items:
        number = label_number(item.label)
        if item.parent == last.parent and item.style == last.style and number in given and not item.assignments:
            item.assignments.append(given[number])
    return True


def _for_group(items: list[Item], paragraph: str) -> bool:
    """以上任务牵头单位：…，责任单位：… after a part's numbered tasks: the units of each of them that names none of
    its own (the line says the items above are tasks, though each is one sentence)."""
    assignment = _scoped(paragraph, GROUP_UNITS)
    if assignment is None:
        return False
    last = items[-1]
    for item in items:
        if item.parent == last.parent and item.style == last.style and not item.assignments:
            item.assignments.append(assignment)
    return True


# 专项一：… / 重点三：…: in a plan, any two-character name with its ordinal and a colon numbers a task, as 任务一：
# does (numbering.STYLES "named"). Not in a report, where 问题一：… and 案例一：… head a problem or a story.
_ANY_NAMED = re.compile(rf"^[\u4e00-\u9fff]{{2,4}}(?:[{CN_NUMERALS}]+|\d{{1,3}})[：:](?=\S)")


def task_label(paragraph: str, parts: frozenset[int] = frozenset()) -> tuple[str, str, str] | None:
    """A plan paragraph's numbering label (numbering.match_label), or a named ordinal such as 专项一：."""
    if paragraph.startswith(_CLAUSE_MARK):
        clause = paragraph[len(_CLAUSE_MARK):]
        return "clause", clause[:_SHI.match(clause).end()], clause[_SHI.match(clause).end():]
    labelled = match_label(paragraph, parts)
    if labelled is None and (named := _ANY_NAMED.match(paragraph)):
        return "named", named.group(0), paragraph[named.end():].strip()
    return labelled


def _by_number(items: list[Item], paragraph: str) -> bool:
    """A unit line that names each item's units by its number (责任科室：（1）法规科；（2）…) gives them to the items
    of that number under the same heading; False where it is no such line or names an item that is not there."""
    numbered = item_assignments(paragraph)
    if numbered is None:
        return False
    last = items[-1]
    siblings = {label_number(item.label): item for item in items
                if item.style == last.style and item.parent == last.parent}
    if not set(numbered) <= set(siblings):
        return False
    for number, assignment in numbered.items():
        item = siblings[number]
        if item.assignments:
            item.assignments[-1].merge(assignment)
        else:
            item.assignments.append(assignment)
    return True


# 一是…（县政数局牵头，县直各部门配合）；二是…（…）。: a paragraph of a part's tasks, each clause closed by units of
# its own, under the part's heading and without a number of its own. Each clause is a task, marked so for
# task_label; the clauses count afresh in each paragraph.
_CLAUSE_MARK = "\u2060"
_SHI = re.compile(rf"^[{CN_NUMERALS}]{{1,3}}是")
_NEXT_CLAUSE = re.compile(rf"(?<=[；;。])\s*(?=[{CN_NUMERALS}]{{1,3}}是)")


def clause_tasks(paragraphs: list[str]) -> list[str]:
    split = [_NEXT_CLAUSE.split(p) if _SHI.match(p) else [] for p in paragraphs]
    assigned = [bool(clauses) and all(split_assignment(c)[1] is not None and split_assignment(c)[0] for c in clauses)
                for clauses in split]
    # A paragraph of one such clause is a task too, where the plan writes its tasks so.
    if not any(ok and len(clauses) >= 2 for ok, clauses in zip(assigned, split, strict=True)):
        return paragraphs
    out: list[str] = []
    for paragraph, clauses, ok in zip(paragraphs, split, assigned, strict=True):
        out.extend(_CLAUSE_MARK + clause for clause in clauses) if ok else out.append(paragraph)
    return out


def split_runs(paragraphs: list[str]) -> list[str]:
    """Numbered items run on in one paragraph (（1）…；（2）…；（3）…), with a unit line after it that names each
    item's units by number: each item is a paragraph of its own, as the unit line reads them."""
    out: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        out.extend(_run_items(paragraph) if item_assignments(following) else [paragraph])
    return out


def _run_items(paragraph: str) -> list[str]:
    """（1）…；（2）…；（3）… → the items, each from its label up to the next one in sequence after a clause's end."""
    labelled = match_label(paragraph)
    if labelled is None or label_number(labelled[1]) != 1:
        return [paragraph]
    pieces, start, expected = [], 0, 2
    for end in re.finditer(r"[；;。]\s*", paragraph):
        following = match_label(paragraph[end.end():])
        if following and following[0] == labelled[0] and label_number(following[1]) == expected:
            pieces.append(paragraph[start:end.end()].strip())
            start, expected = end.end(), expected + 1
    return [*pieces, paragraph[start:].strip()]


PLAIN_HEADING_CHARS = 30


def plain_headings(paragraphs: list[str], parts) -> set[int]:
    """Tasks without a number: a short line without punctuation (a Word heading style) whose measures end with
    their own unit clause (责任股室：…), or a whole task in one paragraph closed by its unit clause (深化政务公开。
    …（牵头单位：县司法局）). The plan must be built so: most numbered parts that hold such tasks hold two or more,
    so that in a plan of numbered tasks, one task's unnumbered measure line is never taken for a task of its own."""
    labels = [task_label(p, parts) is not None for p in paragraphs]
    candidates = []
    # The first short line after a part's heading or the last unit clause heads the task that the next unit clause
    # closes; short lines after it, before that clause, are its measures (- 健全…体系, in a Markdown list).
    opened = None
    for index, paragraph in enumerate(paragraphs):
        if labels[index]:
            opened = None
            continue
        if _whole_task(paragraph):
            candidates.append((sum(labels[:index]), index))
            opened = None
            continue
        if split_assignment(paragraph)[1] is not None:
            if opened is not None:
                candidates.append((sum(labels[:opened]), opened))
            elif index and not labels[index - 1] and (_task_body(paragraphs[index - 1])
                                                      or paragraphs[index - 1][:1] in BULLETS):
                # ● 落实…。街道党工委会议每季度…, then 责任科室：… on a line of its own: the same whole task; so is a
                # bulleted line of one sentence (★落实…，乡党委会议每季度…。).
                candidates.append((sum(labels[:index - 1]), index - 1))
            opened = None
            continue
        # Headings in a row over sentences (a part's, then its first task's, in Word heading styles): the last
        # heads the task. Lines after a heading that are no sentences are its measures (- 编制…目录).
        if _plain_heading(paragraph) and (opened is None or (
                all(map(_plain_heading, paragraphs[opened:index])) and index + 1 < len(paragraphs)
                and paragraphs[index + 1].endswith(("。", "；")))):
            opened = index
    per_part = Counter(parent for parent, _ in candidates)
    if sum(1 for n in per_part.values() if n >= 2) * 2 < len(per_part) or not per_part:
        return set()
    return {index for _, index in candidates}


def _plain(paragraph: str) -> tuple[str, str, str]:
    """An unnumbered task's label: its bullet, if it has one (● 落实…), which is no part of its title."""
    mark = paragraph[:1] if paragraph[:1] in BULLETS else ""
    return "plain", mark, paragraph[len(mark):].strip()


def _whole_task(paragraph: str) -> bool:
    """A paragraph that opens with a title sentence, gives measures and ends with its own unit clause."""
    body, assignment = split_assignment(paragraph)
    return assignment is not None and _task_body(body)


def _task_body(text: str) -> bool:
    """A title sentence followed by measures."""
    return "。" in text.rstrip("。") and len(text) >= WORK_TEXT_CHARS


def _plain_heading(paragraph: str) -> bool:
    return (4 <= len(paragraph) <= PLAIN_HEADING_CHARS and not re.search(r"[，。；：:,;\d]", paragraph.rstrip("。"))
            and split_assignment(paragraph)[1] is None and not SIGNATURE.match(paragraph))


def _counted_under(style: str, label: str, parent: int | None) -> object:
    """What a label counts under: its parent item, or for a decimal label (2.1, 1.2.3) the item its leading numbers
    name (2, 1.2), whether or not that item's own heading was read as one (Ⅰ、… 2.1 …)."""
    return ("outline", label.strip().rsplit(".", 1)[0]) if style.startswith("decimal") else parent


def _in_sequence(number: int | None, parent: object, last: tuple[int, object] | None) -> bool:
    """A label continues its style's count (allowing a small skip), or starts again at 1 under a new parent."""
    if number is None:
        return False
    if last is None:
        return number <= 2
    previous, previous_parent = last
    return 0 < number - previous <= 3 or (number <= 2 and parent != previous_parent)


_MEASURE_MARK = re.compile(r"^(?:——|—|－|-|•|·|●)")


def _attach(item: Item, paragraph: str) -> None:
    body, assignment = split_assignment(paragraph)
    share = unit_measures(paragraph) if assignment is None else None
    if share is not None:  # 县市场监管局：… one unit's share of the task, in its text
        item.paragraphs.append(paragraph)
        if item.assignments:
            item.assignments[-1].merge(share)
        else:
            item.assignments.append(share)
        return
    target = _field_labels()[1].match(paragraph)
    if item.assignments and (body or assignment is None):
        # Text after a task's unit clause is a closing remark of the plan, not part of the task, unless it is
        # marked as a measure (——健全…) or a field of the task (量化指标：…): a task that names its units first,
        # right under its title, or a task written as a record of fields.
        if not _MEASURE_MARK.match(paragraph) and not target:
            item.trailing.append(paragraph)
            return
    if target:
        body = paragraph[target.end():]
    if body:
        item.paragraphs.append(body)
    if assignment is None:
        return
    if item.assignments:  # 牵头单位：… then 配合单位：… on the next line: one clause
        item.assignments[-1].merge(assignment)
    else:
        item.assignments.append(assignment)


# The plan speaking of itself (各乡镇、各部门要对照本要点细化任务措施…) or its annex (附件：任务分工) after the last
# task: its closing remarks, not that task's work.
_CLOSING = re.compile(r"^附\s*件\s*\d*\s*[:：]?|本(?:要点|计划|方案|清单|安排|意见)")


def _before_closing(paragraphs: list[str]) -> list[str]:
    """The last task's paragraphs up to the plan's closing remarks (its title paragraph is always kept)."""
    end = next((i for i, p in enumerate(paragraphs) if i and _CLOSING.search(p)), len(paragraphs))
    return paragraphs[:end]


def task_style(items: list[Item]) -> str | None:
    """Pick the numbering style of tasks: the items that units belong to, else the first level with work text."""
    by_style: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        by_style.setdefault(item.style, []).append(index)
    depth = {style: sum(items[i].level for i in idx) / len(idx) for style, idx in by_style.items()}
    counts = _subtree_assignments(items)
    if any(counts):
        def score(style: str) -> tuple[float, float]:
            members = by_style[style]
            return sum(1 for i in members if counts[i] == 1) / len(members), depth[style]
        return max(by_style, key=score)
    candidates = [style for style, members in by_style.items()
                  if len(members) >= 2 and sum(map(_carries_work, (items[i] for i in members))) / len(members) >= 0.5]
    return min(candidates, key=lambda s: depth[s]) if candidates else None


def _heading_over_measures(items: list[Item], style: str) -> str | None:
    """The style of title-only headings ((一)深化习近平法治思想学习宣传贯彻) over numbered one-sentence measures, each
    closed by its own units (1.将…纳入…年度学习计划。（县委宣传部负责）): the heading names the task and the numbered
    sentences are its measures, though the units belong to them. None where the items of the style are tasks."""
    members = [item for item in items if item.style == style]
    parents = {item.parent for item in members}
    if None in parents or len(members) < MEASURES_PER_HEADING * len(parents):
        return None
    if any(item.parent is not None and items[item.parent].style == style for item in items):
        return None  # the items have numbered measures of their own: they are the tasks
    heads = [items[p] for p in parents]
    # The headings sit under the plan's parts (一、… over （一）…): the parts themselves are not tasks. A plan without
    # parts may open at （一） headings (a department's 12 tasks (一)…(十二), each over its numbered measures).
    if len({h.style for h in heads}) != 1 or not all(map(_title_only, heads)) or any(
            h.parent is None and h.style not in _TOP_TASK_STYLES for h in heads):
        return None
    single = sum(1 for item in members if item.assignments and len(sentences("".join(item.paragraphs))) == 1)
    return heads[0].style if single >= ONE_SENTENCE_SHARE * len(members) else None


_TOP_TASK_STYLES = ("paren_cn", "named")  # （一）, 第一项: task labels even where nothing stands above them


def _over_sole_children(items: list[Item], style: str) -> str | None:
    """The style of title-only headings (1.压实法治建设第一责任人职责) each over one numbered paragraph of its
    measures (（1）…；（2）…；（3）…（责任股室：…）): a number that never goes past the first in its part numbers the
    measures' run, not a task, and the heading over it is the task. None where the style's items are tasks."""
    members = [i for i, item in enumerate(items) if item.style == style]
    parents = [items[i].parent for i in members]
    if len(members) < 2 or None in parents or len(set(parents)) != len(parents):
        return None
    children = _children(items)
    heads = [items[p] for p in parents]
    if any(len(children[p]) != 1 for p in parents) or len({h.style for h in heads}) != 1:
        return None
    return heads[0].style if all(map(_title_only, heads)) else None


def _groups_of_tasks(items: list[Item], style: str) -> str | None:
    """The style of numbered tasks (1.深入学习贯彻习近平法治思想。将…) under title-only group headings ((一)压紧压实
    法治建设责任), each group closed by one unit line after its last task (责任单位：…牵头，…按职责分工负责) that holds
    for all its tasks: the line is given to the group, and its tasks are the plan's. A numbered measure of one
    sentence is no task (_heading_over_measures): each must open with its own title sentence. None otherwise."""
    members = [i for i, item in enumerate(items) if item.style == style]
    children = _children(items)
    if len(members) < 2 or not all(_title_only(items[i]) for i in members):
        return None
    kids = [children[i] for i in members]
    if any(len(k) < 2 for k in kids) or len({items[j].style for k in kids for j in k}) != 1:
        return None
    if not all(_titled_task(items[j]) and not children[j] for k in kids for j in k):
        return None
    if any(items[j].assignments for k in kids for j in k[:-1]) or not all(items[k[-1]].assignments for k in kids):
        return None
    for head, k in zip(members, kids, strict=True):
        items[head].assignments, items[k[-1]].assignments = items[k[-1]].assignments, []
    return items[kids[0][0]].style


def _titled_task(item: Item) -> bool:
    """A numbered paragraph that opens with a short title sentence and goes on with its measures."""
    first, _, rest = "".join(item.paragraphs).partition("。")
    return 4 <= len(first) <= TITLE_ONLY_CHARS and len(rest) >= WORK_TEXT_CHARS


def _title_only(item: Item) -> bool:
    text = "".join(item.paragraphs)
    return (len(item.paragraphs) == 1 and not item.assignments and len(text) <= TITLE_ONLY_CHARS
            and not re.search(r"[。；;]", text))


def _subtree_assignments(items: list[Item]) -> list[int]:
    counts = [len(item.assignments or item.inline) for item in items]
    for index in range(len(items) - 1, -1, -1):
        parent = items[index].parent
        if parent is not None:
            counts[parent] += counts[index]
    return counts


def _carries_work(item: Item) -> bool:
    text = "".join(item.paragraphs)
    return len(text) >= WORK_TEXT_CHARS and bool(re.search(r"[，。；]", text.rstrip("。")))


_UNITS_FIRST = re.compile(r"^[【〔\[]([^】〕\]]{2,80})[】〕\]]\s*(?=\S)")


def units_last(paragraph: str) -> str:
    """A task whose units come first, in brackets, before its number (【县司法局牵头，县直各部门配合】1.深化…), as
    a task closed by its unit clause (1.深化…（县司法局牵头，县直各部门配合）), which is how it is read."""
    match = _UNITS_FIRST.match(paragraph)
    if not match or match_label(paragraph[match.end():]) is None:
        return _units_after_number(paragraph)
    units = match.group(1)
    clause = units if heading_units(units) is not None else f"责任单位：{units}"
    if split_assignment(f"（{clause}）")[1] is None:
        return paragraph
    return f"{paragraph[match.end():].rstrip()}（{clause}）"


def _units_after_number(paragraph: str) -> str:
    """（一）【牵头单位：区委编办；配合单位：区司法局】持续优化…: units in brackets between a task's number and its
    title, read as a unit clause closing the task. Only brackets that label units or name their roles: a bracketed
    title (（一）【强化组织领导】…) stays."""
    labelled = match_label(paragraph)
    match = _UNITS_FIRST.match(labelled[2]) if labelled else None
    if match is None:
        return paragraph
    units = match.group(1)
    if not (has_unit_label(units) or heading_units(units) is not None):
        return paragraph
    rest = labelled[2][match.end():].rstrip()
    return f"{paragraph[: len(paragraph) - len(labelled[2])]}{rest}（{units}）"


_ELEVENTH = re.compile(r"^（(1[1-9]|20)）")


def circled_on(paragraphs: list[str]) -> list[str]:
    """GBK has no ⑪: a plan numbered ①…⑩ in a GBK text goes on ⑾ ⑿ (read as （11）（12）), which are its ⑪ ⑫."""
    out, last = [], 0
    for paragraph in paragraphs:
        match = _ELEVENTH.match(paragraph)
        if match and int(match.group(1)) == last + 1 and last >= 10:
            paragraph = chr(ord("⑪") + last - 10) + paragraph[match.end():]
        if "①" <= paragraph[:1] <= "⑳":
            last = ord(paragraph[0]) - ord("①") + 1
        out.append(paragraph)
    return out


@lru_cache(maxsize=1)
def _field_labels() -> tuple[re.Pattern, re.Pattern]:
    """A line that opens with the name of a task's field, as a task table names its columns: its title (任务名称：…)
    and its target (量化指标：…). A task written as a record, one field a line, is a table row laid out down the
    page. Names of three characters or more only: 任务：, 目标： open prose too."""
    columns = column_words()

    def named(roles: tuple[str, ...]) -> re.Pattern:
        words = "|".join(map(re.escape, sorted({w for role in roles for w in columns[role] if len(w) >= 3},
                                                key=len, reverse=True)))
        return re.compile(rf"^(?:(?:{words})\s*[:：]|【(?:{words})】[:：]?)\s*")  # 量化指标：…, 【量化指标】…

    return named(("title",)), named(("target",))


_BRACKETED = re.compile(r"^【([^】]{2,8})】\s*(?=\S)")


def _unnamed(paragraph: str) -> str:
    """A title field's line without its name, which says what the line is, not what the task is (任务名称：深入学习…
    is titled 深入学习…); kept whole where nothing follows the name or a numbering label does. A task's ordinal in
    bold brackets (【任务一】深入学习…) is its numbering label, as 任务一： is."""
    bracketed = _BRACKETED.match(paragraph)
    ordinal = match_label(bracketed.group(1) + "：") if bracketed else None
    if ordinal is not None and ordinal[0] == "named" and not ordinal[2]:
        paragraph = bracketed.group(1) + "：" + paragraph[bracketed.end():]
    named = _field_labels()[0].match(paragraph)
    rest = paragraph[named.end():] if named else ""
    return rest if rest and match_label(rest) is None else paragraph


def text_tasks(paragraphs: list[str]) -> list[Row]:
    """Given normalised paragraphs of a plan, return one Row per task."""
    paragraphs = [_unnamed(p) for p in paragraphs]
    _, items = build_items(clause_tasks(split_runs([units_last(p) for p in circled_on(paragraphs)])))
    style = task_style(items)
    if style is None:
        return []
    style = (_heading_over_measures(items, style) or _over_sole_children(items, style)
             or _groups_of_tasks(items, style) or style)
    tasks = [i for i, item in enumerate(items) if item.style == style]
    _units_before(items, tasks)
    counts = _subtree_assignments(items)
    if any(counts[i] for i in tasks):
        # In a plan that assigns units, a part where no item has units (总体要求, 保障措施) holds no tasks; units
        # given to the part itself (本部分任务由县司法局牵头…) hold for its tasks.
        assigned_roots = {_root(items, i) for i in tasks if counts[i] or any(
            items[above].assignments for above in _ancestors(items, i))}
        tasks = [i for i in tasks if _root(items, i) in assigned_roots]
    children = _children(items)
    single_paragraph = sum(1 for i in tasks if len(items[i].paragraphs) == 1 and not children[i]) > len(tasks) / 2
    # Measures after the units are the plan's way only where a task before the last has them too: after the
    # last task alone they are the plan's closing remarks (各牵头单位请于…前报送…).
    measures_after_units = any(items[i].trailing for i in tasks[:-1])
    rows: list[Row] = []
    for position, index in enumerate(tasks):
        item = items[index]
        paragraphs = list(item.paragraphs)
        if position == len(tasks) - 1 and single_paragraph and not item.assignments:
            paragraphs = paragraphs[:1]  # the rest are the plan's closing paragraphs
        elif position == len(tasks) - 1:
            paragraphs = _before_closing(paragraphs)
        if (len(paragraphs) == 1 and len(paragraphs[0]) <= TITLE_ONLY_CHARS and item.assignments and item.trailing
                and not children[index] and (measures_after_units or position < len(tasks) - 1)):
            # The title alone, then the units, then the measures: what follows the units is the task's work.
            paragraphs += item.trailing
        lines = [p for p in paragraphs if not SIGNATURE.match(p)]
        assignments = list(item.assignments)
        for child in _descendants(children, index):
            lines.append(items[child].label + "".join(items[child].paragraphs))
            assignments.extend(items[child].assignments)
        text = "\n".join(lines)
        if not assignments:
            assignments = list(item.inline)
        lead = [n for a in assignments for n in a.lead]
        responsible = [n for a in assignments for n in a.responsible]
        deadline = "；".join(a.deadline for a in assignments if a.deadline)
        # 一、深化“放管服”改革（牵头单位：旗政数局）: units given to a part hold for its tasks that do not name
        # their own.
        for above in _ancestors(items, index):
            inherited = items[above].assignments
            lead = lead or [n for a in inherited for n in a.lead]
            responsible = responsible or [n for a in inherited for n in a.responsible]
            deadline = deadline or "；".join(a.deadline for a in inherited if a.deadline)
        rows.append(Row(no=label_text(item.label), section=_section(items, index), title=task_title(text),
                        text=text, lead=lead, units=responsible, deadline=deadline))
    return rows


def _units_before(items: list[Item], tasks: list[int]) -> None:
    """Unit lines written before their tasks (一、… / 责任股室：… / 1.… / 责任股室：… / 2.…): each part's heading has the
    first task's units, each task but the last the next one's, the last none. Give each its own."""
    parts: dict[int, list[int]] = {}
    for index in tasks:
        if items[index].parent is None:
            return
        parts.setdefault(items[index].parent, []).append(index)
    if not parts or any(len(items[part].assignments) != 1 or items[kids[-1]].assignments
                        or not all(items[kid].assignments for kid in kids[:-1]) for part, kids in parts.items()):
        return
    for part, kids in parts.items():
        carried, items[part].assignments = items[part].assignments, []
        for kid in kids:
            items[kid].assignments, carried = carried, items[kid].assignments


def _children(items: list[Item]) -> dict[int, list[int]]:
    children: dict[int, list[int]] = {i: [] for i in range(len(items))}
    for index, item in enumerate(items):
        if item.parent is not None:
            children[item.parent].append(index)
    return children


def _descendants(children: dict[int, list[int]], index: int) -> list[int]:
    out: list[int] = []
    for child in children[index]:
        out.append(child)
        out.extend(_descendants(children, child))
    return out


def _ancestors(items: list[Item], index: int) -> list[int]:
    """The numbered items above an item, nearest first."""
    out, parent = [], items[index].parent
    while parent is not None:
        out.append(parent)
        parent = items[parent].parent
    return out


def _root(items: list[Item], index: int) -> int | None:
    """The outermost numbered item above an item, or None for a top-level item."""
    return (_ancestors(items, index) or [None])[-1]


def _section(items: list[Item], index: int) -> str:
    root = _root(items, index)
    if root is None:
        return ""
    return items[root].label + "".join(items[root].paragraphs[:1])
