"""What a document says about itself: the place (旗/县) and year it is about, and its signature lines.
Plans and reports both read these."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from .resources import load_toml
from .units import has_level, is_unit_like
from .vocabulary import PLAN_TERMS, not_district, not_place

# A signature line: the issuer's name alone (旗人民政府, 旗司法局) or a date (2025年1月10日, …印发).
# An issuer's name, or a date on a line of its own (2026年1月16日; 二〇二六年一月, the month in words).
SIGNATURE = re.compile(r"^(?:[\u4e00-\u9fff]{2,24}(?:人民政府|办公室|委员会|办|局|院))$"
                       r"|^\d{4}年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?(?:印发)?$")


def wrapped_title(first: str, second: str, ends_title) -> bool:
    """Whether two lines are one title that a PDF wrapped where its centred line was full (柳川县自然资源局关于
    2025年度法治建设工 / 作情况的报告): a long first line that does not end a title by itself, no date, document
    number or sentence, and a short second line after which the title does end."""
    return (10 <= len(first) <= 40 and len(second) <= 20 and not ends_title(first) and ends_title(first + second)
            and re.match(r"[\u4e00-\u9fff“《]", first) is not None and not re.search(r"[，。；：:,〔〕\[\]]", first))


_PLACE = re.compile(r"(?=([\u4e00-\u9fff]{2,7}?(?:旗|县)))")
_DISTRICT = re.compile(r"(?=([\u4e00-\u9fff]{2,5}?区))")
REGION_SCAN = 6_000
TITLE_LINE = 60
HEAD_CHARS = 300  # where a document names itself: its title and first lines


def region_of(text: str) -> str:
    """The banner, county or district a document is about (its text begins with its title line): the one the
    title names; else the most repeated name ending in 旗 or 县; else, in a district's documents, the most
    repeated one ending in 区 that its head gives (桥西区, not 社区 or 高新区)."""
    head = text[:HEAD_CHARS]
    return (_titled(text) or _most_named(text, _PLACE, (), head)
            or _most_named(text, _DISTRICT, not_district(), head, only_head=True))


def _names(text: str, pattern: re.Pattern, not_endings: tuple[str, ...]) -> list[re.Match]:
    return [m for m in pattern.finditer(text) if not m.group(1).endswith(not_endings)]


def _is_place(name: str) -> bool:
    """A place name: not a word around its level (并公布县, 常务副县长, 年乌拉特中旗)."""
    return len(name) >= 3 and not any(name.startswith(s) or s in name[:-1] for s in not_place())


def _titled(text: str) -> str:
    """The place the title line names (东阳旗2025年…清单), said once where the body may not repeat it: of the
    spellings that end where its first place name ends (设西山区, 西山区), the one the text repeats most."""
    title = text.split("\n", 1)[0]
    if len(title) > TITLE_LINE:
        return ""
    names = [(m.start(1) + len(m.group(1)), m.group(1)) for pattern, endings in ((_PLACE, ()), (_DISTRICT, not_district()))
             for m in _names(title, pattern, endings) if _is_place(m.group(1))]
    if not names:
        return ""
    first = min(end for end, _ in names)
    body = text[:REGION_SCAN]
    return max((name for end, name in names if end == first), key=lambda name: (body.count(name), len(name)))


def _most_named(text: str, pattern: re.Pattern, not_endings: tuple[str, ...], head: str, only_head: bool = False) -> str:
    """The place name the text repeats most, a name its head gives first (项由县 and 并公布县 are words around
    县, 龙泉县 is in the title); with only_head, none that the head does not give."""
    counts = Counter(m.group(1) for m in _names(text[:REGION_SCAN], pattern, not_endings)
                     if not only_head or m.group(1) in head)
    # A name is its own place only when no longer spelling covers every occurrence of it (特中旗 is always
    # 乌拉特中旗).
    covered = {other[cut:] for other, n in counts.items() for cut in range(1, len(other) - 2)
               if counts.get(other[cut:]) == n}
    ranked = sorted(counts.items(), key=lambda item: (item[0] not in head, -item[1], -len(item[0])))
    return next((name for name, count in ranked if count >= 2 and name not in covered and _is_place(name)), "")


# 2024年，…; 2024年12月，…; 2024年我局…; 2024年全程网办率…: a sentence or clause about that year, the year its
# time (not 2024年以来, since then, 2024—2025年, or 2024年度法治政府建设情况报告于3月公开, a document of that year).
EARLIER_YEAR = re.compile(r"^(20\d\d)\s*年(?:度)?(?:[，,、]|\d{1,2}\s*月|[上下]半年|底|初|末|[我全本县区旗市镇乡])")


def opening_year(text: str) -> int | None:
    """The year a sentence or clause opens with as its time (EARLIER_YEAR: 2024年，…), or None."""
    match = EARLIER_YEAR.match(text)
    return int(match.group(1)) if match else None


def opens_with_year_before(text: str, year: int | None) -> bool:
    """Whether a sentence or clause opens with a year earlier than year, as its time."""
    opened = opening_year(text)
    return bool(year and opened and opened < year)


def year_of(title: str, paragraphs: list[str], filename: str) -> int | None:
    """The plan year: from the title, the file name, else the year the text names most often."""
    for source in (title, filename):
        match = re.search(r"(20\d\d)", source)
        if match:
            return int(match.group(1))
    years = Counter(int(y) for p in paragraphs for y in re.findall(r"(?<![—\-~～])(20\d\d)年", p))
    return years.most_common(1)[0][0] if years else None


def report_year(title: str, normals: list[str]) -> int | None:
    """A report's year: from its title, else the year its text names most often."""
    match = re.search(r"(20\d\d)\s*年", title)
    if match:
        return int(match.group(1))
    years = Counter(int(y) for p in normals for y in re.findall(r"(?<![—\-~～])(20\d\d)年", p))
    return years.most_common(1)[0][0] if years else None


def signed_date(normals: list[str]) -> str:
    """The date of the last date line (2025年1月10日) among a report's closing lines, ISO, or ""."""
    for paragraph in reversed(normals[-6:]):
        match = re.fullmatch(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", paragraph.strip())
        if match:
            year, month, day = map(int, match.groups())
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                return ""
    return ""


# The issuer a plan's title names before its year (国家税务总局霞石县税务局2025年…, 东湾街道2025年…), after any
# 关于印发.
_TITLE_HEAD = re.compile(r"^《?(?:关于(?:印发)?)?([\u4e00-\u9fff]{2,30}?)(?=20\d\d\s*年)")


def _title_head(title: str) -> str:
    found = _TITLE_HEAD.match(title)
    return found.group(1) if found else ""


def department_issuer(title: str, region: str) -> str:
    """The department a plan's title names as its issuer besides the place (国家税务总局霞石县税务局 in 国家税务总局
    霞石县税务局2025年法治税务建设工作要点), or "" for the place's own plan (霞石县2025年…, 梅岭县人民政府2025年…,
    松河区全面依法治区委员会办公室松河区2025年…) and for a title that names no unit before its year."""
    head = _title_head(title)
    if region and head.endswith(region) and head != region:
        head = head[: -len(region)]
    rest = head.replace(region, "", 1) if region else head
    if (not rest or not is_unit_like(head)
            or re.search(r"(?:人民政府|政府)(?:办公室)?$|依法治[旗县区市盟]委员会(?:办公室)?$", rest)):
        return ""
    return head


def township_of(title: str) -> str:
    """The township or street a plan's title names as its issuer (东湾街道 in 东湾街道2025年法治政府建设重点任务清单),
    or ""."""
    head = re.sub(r"(?:办事处|人民政府|党工委)$", "", _title_head(title))
    return head if head.endswith(tuple(load_toml(PLAN_TERMS)["units"]["township_issuers"])) else ""


def is_township(place: str) -> bool:
    """Whether a place is a township or street (西关街道, 丰收镇), not a county above them."""
    return bool(place) and place.endswith(tuple(load_toml(PLAN_TERMS)["units"]["township_issuers"]))


def plan_issuer(title: str, region: str) -> str:
    """Who follows a plan up, where its title says: the department that issued it, or the street (…办事处) or
    township (…人民政府); "" for a place's own plan."""
    township = township_of(title)
    return (department_issuer(title, region)
            or (f"{township}办事处" if township.endswith("街道") else f"{township}人民政府" if township else ""))


def beyond_reach(title: str, name: str) -> bool:
    """A unit a plan's issuer cannot follow up: in a township's or street's plan, the district's or county's own
    bodies it names as partners (区司法局, 区委依法治区办) are above it; it reminds its own offices only."""
    return bool(township_of(title)) and has_level(name)
