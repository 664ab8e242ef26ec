"""Deadlines and quantitative targets in task text (出庭应诉率达到98%, 不少于60学时, 全覆盖, 年底前)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .meta import opens_with_year_before
from .models import MET, NOT_MET, UNKNOWN, Target
from .numbering import chinese_number
from .resources import load_toml, word_list
from .text import normalize

_DATE = (r"(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日|底|末|中旬|上旬|下旬)?|年底|年末|年中|上半年|下半年"
         r"|\d{1,2}季度末?|第[一二三四]季度末?)")
_DEADLINE = re.compile(
    rf"(?:{_DATE}(?:之前|以前|前|为止)|{_DATE}(?=完成|实现|基本建成|建成|全面完成)|(?<![近多往历全])年内|(?<=到)年底"
    r"|\d{4}年(?:年底|年末)?(?:之前|以前|前))"
)
_LABELLED = re.compile(r"(?:完成时限|时间节点|完成时间|时限要求)[：:]\s*([^；;。）)\n]+)")

_NUMBER = r"(\d+(?:\.\d+)?)"
# What a percentage measures: a rate (出庭应诉率), a degree (群众满意度) or a share (即办件占比, 网办事项比例).
RATE = "(?:率|满意度|占比|比例|比重)"
_PERCENT_VERB = re.compile(rf"(?P<metric>(?:化解|办结|完成|覆盖|采纳|整改|答复|回复)[\u4e00-\u9fff]{{0,4}}?)\s*{_NUMBER}\s*%")


@lru_cache(maxsize=1)
def count_units() -> tuple[str, ...]:
    """The units a count is counted in (templates/target_terms.toml), longest first: 个工作日 before 日."""
    return tuple(sorted(load_toml("target_terms.toml")["counts"]["units"], key=len, reverse=True))


@cache
def same_units(unit: str) -> str:
    """A pattern of the units a report may count a target's figure in: the unit itself, or for a count of events
    any unit of events (培训不少于2次 is met by 举办培训班3期)."""
    events = load_toml("target_terms.toml")["counts"]["events"]
    units = sorted(events, key=len, reverse=True) if unit in events else [unit]
    return "(?:" + "|".join(map(re.escape, units)) + ")"


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, str], re.Pattern, re.Pattern]:
    """The comparators of templates/target_terms.toml, and the rate and count patterns built on them and on its
    count units: 出庭应诉率达到98%; 不少于60学时的业务知识和法律法规培训; 至少举办2期领导干部法治专题讲座."""
    terms = load_toml("target_terms.toml")
    comparators = dict(terms["comparators"])
    words = "|".join(sorted(map(re.escape, comparators), key=len, reverse=True))
    units = "|".join(map(re.escape, count_units()))
    # 出庭应诉率达到98%, 群众满意度90%以上, 差错率2%以下: a rate or a degree (满意度), the figure, and a bound.
    rate = re.compile(rf"(?P<metric>[\u4e00-\u9fff“”]{{1,16}}?{RATE})(?:均|都|分别)?(?P<cmp>{words})?\s*{_NUMBER}\s*%"
                      rf"(?P<bound>以上|以下|以内)?")
    # 不少于60学时, 至少举办2期; or a bound after the figure alone (举办专题培训班6期以上), but not a qualifier
    # (50人以上的企业).
    count = re.compile(
        rf"(?:(?P<cmp>不少于|不低于|至少|不超过|超过|控制在|压缩至|压缩到|压缩在|缩短至|缩短到|≥|≧|>=|≤|≦|<="
        rf"|各(?:成立|建立|设立|建成|配备|举办|开展))(?P<verb>[\u4e00-\u9fff]{{0,3}}?)|(?<![\d.]))"
        rf"\s*{_NUMBER}\s*(?P<unit>{units})(?:(?P<bound>以上|以下|以内)(?!的)|(?(cmp)|(?!)))(?:的)?"
        rf"(?P<metric>[\u4e00-\u9fff“”、]{{0,20}})"
    )
    return comparators, rate, count


# 涉企行政检查频次较上年下降30%以上, 办理时限压缩50%: a cut by a share, checked against the cut reported.
_DECLINE_WORDS = r"(?:下降|降低|减少|压减|压缩|缩减)(?:了|幅度)?"
_DECLINE = re.compile(rf"(?P<metric>[\u4e00-\u9fff“”]{{2,20}}?)(?:较上年|比上年|同比|较去年|较\d{{4}}年)?{_DECLINE_WORDS}"
                      rf"(?:不少于|不低于|至少|超过)?\s*{_NUMBER}\s*%(?:以上)?")
_DECLINE_FIGURE = re.compile(rf"{_DECLINE_WORDS}\s*(?P<value>\d+(?:\.\d+)?)\s*%")
DECLINE = "降幅"
_ALL_COVERED = re.compile(r"(?P<metric>[\u4e00-\u9fff“”（）]{2,24}?)全(?:面)?覆盖")
# Words before what a target measures: a date (2025年底前), or what is to be done to it (确保, 提升).
_METRIC_TRIM = re.compile(r"^(?:[一二三四五六七八九十]+是|(?:20)?\d{2}年|\d{1,2}月|[年月]?底前?|年?末|前|确保|实现|力争|推动|做到"
                          r"|全面|全年|年内|到年底|各|全部|进一步|提高|提升|基本|建成)+")


def extract_deadline(text: str) -> str:
    """Return the deadlines a task names (完成时限：…, 年底前, 3月1日之前), joined by ；, or ''."""
    found: list[str] = []
    for match in _LABELLED.finditer(text):
        found.append(match.group(1).strip())
    if not found:
        found.extend(match.group(0) for match in _DEADLINE.finditer(text))
    return "；".join(dict.fromkeys(found))


_DATED = re.compile(r"\d|[年月]底|年内|季度|上半年|下半年|前完成")


def is_dated(deadline: str) -> bool:
    """Whether a deadline names a time (2025年6月底前, 年底前), not a manner (长期坚持, 持续推进, 全年)."""
    return bool(_DATED.search(deadline or ""))


def _bounded(match: re.Match) -> str:
    """The comparison of a target: its word before the figure (不低于), else its bound after it (以下, 以内)."""
    if match.group("cmp"):
        return _op(match.group("cmp"))
    return "<=" if match.group("bound") in ("以下", "以内") else ">="


def _op(word: str | None) -> str:
    return _patterns()[0].get(word or "", ">=")


def _clean_metric(metric: str) -> str:
    metric = re.sub(r"^\d{1,2}(?:\.\d{1,3})+", "", metric.strip("“”、，的 "))  # an outline label (5.1.3)
    metric = _METRIC_TRIM.sub("", metric) or metric
    # “双随机、一公开”抽查, whose opening quote the stripping took: quotes stay paired.
    return "“" + metric if metric.count("”") > metric.count("“") else metric


_PER = re.compile(r"每人|每年|每季度|每月|每半年|每次|人均|年均|全年|累计|均")
_LEADING_VERB = re.compile(r"^(?:开展|组织|举办|完成|参加|确保|要)+")
# Comparing words at the end of a count's metric; not a bare 达 or 为, which end words (送达, 违法行为).
_REACHES = re.compile(r"(?:达到|累计达|超过|提高到|提升至)$")


def _metric_before(text: str) -> tuple[str, int]:
    """What a count whose metric is not written after it counts: the words before it in its clause or,
    when those are only 每年/每人, in the clause before; and where in text that clause begins."""
    starts = [0] + [m.end() for m in re.finditer(r"[，。；：,;\n]", text)]
    for start in reversed(starts[-2:]):
        clause = re.split(r"[，。；：,;\n]", text[start:])[0]
        metric = _LEADING_VERB.sub("", _PER.sub("", _METRIC_TRIM.sub("", clause.strip())))
        metric = _REACHES.sub("", metric)  # 全年评查案卷达到300件以上: 达到 compares, it is not counted
        if len(metric) >= 2:
            return metric[-20:], start
    return "", len(text)


_ITEM_LABEL = re.compile(r"(?m)^\s*(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])")


def extract_targets(text: str) -> list[Target]:
    """Return the quantitative targets in a task's text, each with metric, comparison, value and unit. Figures
    written in words (不少于十二场次, 达到百分之百) are read as figures."""
    text = arabic_figures(text)
    # A measure's own number (2.执法人员…不少于40学时) is no part of the metric: blanked, offsets kept.
    text = _ITEM_LABEL.sub(lambda m: " " * len(m.group(0)), text)
    found: list[tuple[int, Target]] = []
    taken: list[tuple[int, int]] = []

    def claim(span: tuple[int, int]) -> bool:
        if any(span[0] < end and start < span[1] for start, end in taken):
            return False
        taken.append(span)
        return True

    for match in _patterns()[1].finditer(text):
        if not claim(match.span()):
            continue
        value, op, main = float(match.group(3)), _bounded(match), match.group("metric")
        # 按时办结率、回访率达到100%: one target per rate named.
        shared = re.search(r"((?:[\u4e00-\u9fff]{1,12}率、)+)$", text[max(0, match.start() - 40): match.start()])
        tail = match.group(0)[len(main):]
        for name in [*(shared.group(1).split("、")[:-1] if shared else []), main]:
            metric = _clean_metric(name)
            label = metric + tail if name == main else f"{metric}{value:g}%"
            found.append((match.start(), Target(label, metric, op, value, "%")))
    for match in _DECLINE.finditer(text):
        if claim(match.span()):
            found.append((match.start(), Target(match.group(0), _clean_metric(match.group("metric")) + DECLINE, ">=",
                                                float(match.group(2)), "%")))
    for match in _PERCENT_VERB.finditer(text):
        if claim(match.span()):
            found.append((match.start(), Target(match.group(0), _clean_metric(match.group("metric")), ">=",
                                                float(match.group(2)), "%")))
    for match in _patterns()[2].finditer(text):
        metric = re.split(r"[，。；、]", match.group("metric"))[0] or match.group("verb") or ""
        end = match.start("metric") + len(re.split(r"[，。；、]", match.group("metric"))[0])
        label = text[match.start(): end]
        if not metric:
            # 执法人员每人每年培训不少于60学时; 开展案卷评查，每年不少于2次: what is counted comes first.
            metric, start = _metric_before(text[: match.start()])
            label = text[start: match.start()].strip() + label  # as the plan writes it (人均, 每年 and all)
        if metric and claim((match.start(), end)):
            found.append((match.start(), Target(label, _clean_metric(metric),
                                                _bounded(match), float(match.group(3)), match.group("unit"))))
    for match in _ALL_COVERED.finditer(text):
        metric = _clean_metric(re.split(r"[，。；：]", match.group("metric"))[-1])
        start, end = text.rfind(metric, 0, match.end()), match.end()
        # 三级全覆盖的行政执法协调监督工作体系: what is covered follows the 的.
        after = re.match(r"的([\u4e00-\u9fff“”]{2,20})", text[end:])
        if after:
            metric, end = after.group(1), end + after.end()
        if len(metric) >= 2 and claim((start, end)):
            found.append((start, Target(text[start:end], metric, "=", None, "全覆盖")))
    return [target for _, target in sorted(found, key=lambda item: item[0])]


_FIGURE_RATE = re.compile(rf"(?P<metric>[\u4e00-\u9fff“”]{{1,16}}?{RATE})"
                          r"(?:仅为|仅|只有|约为?|达到了?|达|为|是|提升至|提高到|保持在?|超过|均达到?|均为|均|都为|都达到)?\s*"
                          r"(?P<value>\d+(?:\.\d+)?)\s*%")
_FIGURE_COUNT = r"(?P<value>\d+(?:\.\d+)?)\s*(?:余|多)?\s*{unit}"


# Who or when a metric's name opens with (全年, 行政机关, 区政府及部门, 县直部门): not what it measures.
_METRIC_SUBJECT = re.compile(r"^(?:全年|今年|本年|年度)?(?:行政机关|各级|全旗|全县|全区|全市|全镇|旗本级|"
                             r"[省市州盟县区旗镇乡](?:政府|直)(?:及(?:其)?(?:所属)?部门|部门)?)?")


def _metric_core(metric: str) -> str:
    return _METRIC_SUBJECT.sub("", metric.strip("“”"), count=1)


SAME_TAIL = 6


def _same_metric(target: str, reported: str) -> bool:
    a, b = _metric_core(target), _metric_core(reported)
    if not a or not b:
        return False
    if a in b or b in a:
        return min(len(a), len(b)) >= 2
    from rapidfuzz.fuzz import partial_ratio

    # Names that end alike for six characters or more (现场执法活动执法记录仪使用率, 现场执法执法记录仪使用率) name one
    # metric; five (热线诉求按时办结率, 建议提案按时办结率) may name two.
    return min(len(a), len(b)) >= 3 and (partial_ratio(a, b) >= 85 or _shared_tail(a, b) >= SAME_TAIL)


RATE_NOUN = 3  # 满意度, 办结率, 纠错率: the least a rate's name must share at its end with the target's


def _named_by_sentence(metric: str, figures: Figures) -> list[tuple[int, float, str]]:
    """Rates named for their sentence's subject: 受援群众满意度为93.6% in a sentence on 法律援助案件 is the
    法律援助案件满意度. A rate counts when it ends like the target's metric for a whole rate noun and its sentence
    names what the target's metric measures (the part before that noun, its first four characters)."""
    core = _metric_core(metric)
    out = []
    for reported, value, written, at in figures.rates:
        if not reported.endswith(core[-RATE_NOUN:]):
            continue
        tail = _shared_tail(metric, reported)
        head = core[:-tail][:4]
        if tail >= RATE_NOUN and len(head) >= 2 and head in figures.texts[at]:
            out.append((tail, value, written))
    return out


# A share written without its name before the figure: 其中即办件7227件，占比56.2%; 网上信访1468件，占信访事项总量的63.4%.
_SHARE_FIGURE = re.compile(r"占(?:比|[\u4e00-\u9fff“”]{1,16}?(?:的比例|的比重|的|比例|比重))(?:为|是|达到?)?\s*"
                           r"(?P<value>\d+(?:\.\d+)?)\s*%")
_SHARE = re.compile(r"(?:占比|比例|比重)$")


def _shares(target: Target, figures: Figures) -> list[tuple[int, float, str]]:
    """For a share (即办件占比达到60%), the shares its sentence gives of what it counts (即办件…占比56.2%): the words of
    the counted thing stand before the figure in the sentence."""
    if not _SHARE.search(target.metric):
        return []
    keys = _count_keys(Target(target.text, _SHARE.sub("", target.metric), target.op, target.value, "%"))
    found = [(RATE_NOUN, float(match.group("value")), _figure_excerpt(text, match.start(), match.end()), text)
             for text in figures.texts if "占" in text for match in _SHARE_FIGURE.finditer(text)
             if any(key in text[:match.start()] for key in keys)]
    # A table's total row (合计，办件量72648，即办件37975，占比52.3%) speaks for the whole, its other rows for a part.
    totals = [f for f in found if _TOTAL.match(f[3])]
    return [(tail, value, written) for tail, value, written, _ in totals or found]


_TOTAL = re.compile(r"(?:合计|总计|小计|全年|总体|全县|全区|全旗|全市)")


def _shared_tail(target: str, reported: str) -> int:
    """How many characters the two metrics' names share at their end (按时办结率 and 诉求按时办结率: 5)."""
    a, b = _metric_core(target), _metric_core(reported)
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _compare(op: str, reported: float, wanted: float) -> bool:
    return {">=": reported >= wanted, ">": reported > wanted, "<=": reported <= wanted, "<": reported < wanted,
            "=": abs(reported - wanted) < 1e-9}[op]


@dataclass(frozen=True)
class Figures:
    """The figures of a report that can settle targets: its sentences with numbers, and its rates."""

    texts: tuple[str, ...]  # achievement sentences with a figure or 全覆盖, spaces removed
    # (metric, value, as written, sentence): 出庭应诉率, 100, 出庭应诉率100%, the index of its sentence in texts
    rates: tuple[tuple[str, float, str, int], ...]


# Figures of another year in a sentence that also gives this year's: 由上年的92%提升至97%, 去年为92%,
# 2024年为92%（2025年100%）. They are blanked before the sentence is read.
_EARLIER = re.compile(r"(?:由|从)(?:上年|去年|上一年度?|\d{4}年)?(?:的|度)?(?P<value>\d+(?:\.\d+)?)\s*"
                      r"(?=%?(?:提升|提高|上升|增长|下降|降低|减少|增加)?[至到为])"
                      r"|(?:上年|去年|上一年度?|同期)[^，。；\d]{0,6}?(?P<last>\d+(?:\.\d+)?)(?=\s*%)")
_YEAR = re.compile(r"(20\d\d)年")
# A rate whose metric is named earlier in the sentence: 出庭应诉率为92%，2025年提升至100%.
_BARE_RATE = re.compile(r"(?:提升至|提升到|提高到|提高至|上升至|上升到|下降至|下降到|降至|降到|达到|达)\s*(?:\d{4}年的?)?"
                        r"(?P<value>\d+(?:\.\d+)?)\s*%")


_THIS_YEAR = re.compile(r"今年|本年|当年|全年")
_ANY_YEAR = re.compile(r"20\d\d")


def this_year_only(text: str, year: int | None = None) -> str:
    """A sentence with the figures of earlier years blanked (to 某), so that only this year's remain: rates and
    counts alike (人均参训36学时（2024年为41学时）). Given the report's year, a clause that opens with an earlier one
    (2024年全程网办率曾达到96.0%) speaks of that year only."""
    text = _EARLIER.sub(lambda m: m.group(0).replace(m.group("value") or m.group("last"), "某"), text)
    figure = _earlier_figure()
    if year and any(int(y) < year for y in _ANY_YEAR.findall(text)):
        # An earlier year opening a clause holds for the clauses after it in the sentence (通报了上年度情况：2024年全镇
        # 调处纠纷287件，镇政府负责人出庭应诉率达到100%), until one names this year or a later one.
        clauses, earlier = [], False
        for clause in re.split(r"(?<=[，；;：:])", text):
            if opens_with_year_before(clause, year):
                earlier = True
            elif _THIS_YEAR.search(clause) or any(int(y) >= year for y in _YEAR.findall(clause)):
                earlier = False
            clauses.append(figure.sub("某", clause) if earlier else clause)
        text = "".join(clauses)
    # A part of the year opening a clause (一季度, 上半年, 前三季度) gives that part's figures, not the year's, up to a
    # clause on the whole year (一季度…按期核查率达到100%，前三季度累计核查图斑812个，全年共核查图斑1046个，按期核查率为97.3%).
    if "季度" in text or "半年" in text:  # (a look for the words before the pattern: most sentences have neither)
        clauses, part = [], False
        for clause in re.split(r"(?<=[，；;：:])", text):
            if _PART_OF_YEAR.match(clause.lstrip()):
                part = True
            elif _WHOLE_YEAR.search(clause):
                part = False
            clauses.append(figure.sub("某", clause) if part else clause)
        text = "".join(clauses)
    # An estimate (截至十一月底…覆盖率为85.7%，预计全年覆盖率将达到100%) is no result: its clause's figures do not count.
    if any(word in text for word in _ESTIMATES):
        text = "".join(figure.sub("某", clause) if clause.lstrip().startswith(_ESTIMATES) else clause
                       for clause in re.split(r"(?<=[，；;：:。])", text))
    # A year in brackets beside a figure outside them gives the year compared with.
    text = _COMPARED.sub(lambda m: figure.sub("某", m.group(0)) if figure.search(text.replace(m.group(0), ""))
                         else m.group(0), text)
    years = [int(y) for y in _YEAR.findall(text)]
    if len(set(years)) < 2:
        return text
    latest = max(years)
    clauses = re.split(r"(?<=[，；;])", text)
    # A clause that names only earlier years gives their figures (由2024年的…下降到2025年的87.5% names both); a year
    # in brackets (执法检查342家次（2024年为276家次）) was compared with above and names no year of the clause.
    return "".join(figure.sub("某", c) if (named := [int(y) for y in _YEAR.findall(_COMPARED.sub("", c))])
                   and max(named) < latest else c for c in clauses)


_ESTIMATES = ("预计", "有望", "力争", "争取")
_COMPARED = re.compile(r"[（(](?:上年|去年|上一年度?|同期|20\d\d年)[^（）()]*[）)]")
_PART_OF_YEAR = re.compile(r"(?:其中)?(?:第?[一二三1-3]季度|前[二两三]季度|上半年)")
_WHOLE_YEAR = re.compile(r"全年|年底|年末|年内")


@lru_cache(maxsize=1)
def _earlier_figure() -> re.Pattern:
    """A figure with its unit: a rate or a count (92%, 41学时, 16件)."""
    units = "|".join(map(re.escape, count_units()))
    return re.compile(rf"\d+(?:\.\d+)?(?=\s*(?:%|(?:余|多)?(?:{units})))")


# Units that count events or people, which a count in words stands before (十五场次, 四次); not 项, 个 or 批, which
# name as often as they count (三项制度, 两个责任, 一批).
_COUNTED = r"(?:余|多)?(?:场次|人次|户次|家次|次|场|期|件|名|家|户|学时|课时)"
# A count in words: a numeral with 十 or 百, or a single one, before such a unit; not after 第 or 每 (第一次 names
# an occasion, 每一次 is a rate).
_CN_COUNT = re.compile(r"(?<![第每])(?P<numeral>[一二两三四五六七八九十百零〇]*[十百][一二三四五六七八九十]?"
                       rf"|[一二两三四五六七八九])(?={_COUNTED})")
# The quick test before _CN_COUNT: a numeral just before such a unit (most sentences have none).
_CN_COUNT_HINT = re.compile(rf"[一二两三四五六七八九十百]{_COUNTED}")


def arabic_figures(text: str) -> str:
    """Figures written in words read as figures: a rate (百分之九十六点五 → 96.5%) and a count (十五场次 → 15场次)."""
    def count(match: re.Match) -> str:
        value = chinese_number(match.group("numeral").replace("两", "二"))
        return str(value) if value else match.group(0)

    text = arabic_percent(text)
    return _CN_COUNT.sub(count, text) if _CN_COUNT_HINT.search(text) else text


_CN_PERCENT = re.compile(r"百分之(?P<whole>[零〇一二两三四五六七八九十百]+)(?:点(?P<decimals>[零〇一二三四五六七八九]+))?")


def arabic_percent(text: str) -> str:
    """A rate written out as a formal speech writes it (百分之九十六点五, 百分之百) in figures: 96.5%."""
    def figure(match: re.Match) -> str:
        whole = chinese_number(match.group("whole").replace("两", "二"))
        if whole is None:
            return match.group(0)
        decimals = match.group("decimals") or ""
        digits = "".join(str("零一二三四五六七八九".index(c)) if c != "〇" else "0" for c in decimals)
        return f"{whole}.{digits}%" if digits else f"{whole}%"

    return _CN_PERCENT.sub(figure, text) if "百分之" in text else text


# Words that leave a clause without a subject of its own: 2025年提升至100%, 同比进一步提高到98%.
_OWN_SUBJECT = re.compile(r"\d{4}年(?:度|底|末)?|今年|全年|本年度?|当年|同比|较上年|比上年"
                          r"|进一步|已|均|分别|又|再|并|且|全部|稳定")


def wider_areas(region: str) -> tuple[str, ...]:
    """The areas above a report's own, whose figures a report may quote beside its own (东江区: 全市政务服务事项全程网办
    率达到93.2%，我区…为86.5%): a district's, county's or township's report quotes 全市, 全省, 全国."""
    if not region:
        return ()
    if region.endswith(("省", "自治区")):
        return ("全国",)
    if region.endswith(("市", "盟", "州")):
        return ("全省", "全国")
    return ("全市", "全盟", "全州", "全省", "全国")


def own_figures(text: str, wider: tuple[str, ...]) -> str:
    """A sentence with the figures of clauses about a wider area blanked (to 某): they are not the report's own."""
    if not wider or not any(area in text for area in wider):
        return text
    figure = _earlier_figure()
    return "".join(figure.sub("某", clause) if clause.lstrip("“”，,；; ").startswith(wider) else clause
                   for clause in re.split(r"(?<=[，,；;：:])", text))


_SPACE = re.compile(r"\s+")
_HAS_FIGURE = re.compile(r"\d|全覆盖|全部覆盖|百分之")


_LISTED_RATES = re.compile(rf"((?:[\u4e00-\u9fff]{{1,12}}{RATE}、)+)$")


def report_figures(sentences: list[str], year: int | None = None) -> Figures:
    """Collect, once per report, the sentences and rates that targets are checked against (this year's only)."""
    # Figures pasted from old systems come in full-width digits (评查优良率为８７．５％): read as half-width.
    texts = tuple(this_year_only(_SPACE.sub("", arabic_figures(normalize(s))), year) for s in sentences
                  if _HAS_FIGURE.search(s) or _CN_COUNT_HINT.search(s))
    rates = []
    for at, text in enumerate(texts):
        if "%" not in text:
            continue
        named = [(m.start(), m.group("metric"), float(m.group("value")), m.group(0)) for m in _FIGURE_RATE.finditer(text)]
        # 合法性审核率、备案率均为100%: each rate listed before the one the figure follows has the figure too.
        for start, _, value, written in list(named):
            listed = _LISTED_RATES.search(text[max(0, start - 40): start])
            for other in (listed.group(1).split("、")[:-1] if listed else []):
                named.append((start - 1, other, value, f"{other}、{written}"))
        metrics = [(m.start(), m.group(0)) for m in re.finditer(rf"[\u4e00-\u9fff]{{1,16}}?{RATE}", text)]
        taken = {start + len(metric) for start, metric, _, _ in named}
        for match in _BARE_RATE.finditer(text):
            before = [metric for start, metric in metrics if start < match.start()]
            # The clause's own subject, if any, is what the figure measures (…可办率达到93.6%，即办件占比达到97.2%).
            subject = re.split(r"[，,；;。]", text[: match.start()])[-1]
            own = _OWN_SUBJECT.sub("", subject)
            if before and not any(match.start() <= end <= match.end() for end in taken) and (
                    not own or before[-1] in subject):
                named.append((match.start(), before[-1], float(match.group("value")), before[-1] + match.group(0)))
        rates += [(metric, value, written, at) for _, metric, value, written in sorted(named)]
    return Figures(texts, tuple(rates))


def check_target(target: Target, figures: Figures) -> tuple[str, str]:
    """Check a target against a report's figures: ("met" | "not_met" | "unknown", the figure found).

    A target is not met only when a figure for the same metric misses it; no figure leaves it unknown.
    """
    found: list[tuple[bool, str]] = []
    if target.unit == "%" and target.metric.endswith(DECLINE):
        # The cut stands in a sentence that names what was cut (涉企行政检查412户次，较上年下降21.4%).
        keys = _count_keys(Target(target.text, target.metric[: -len(DECLINE)], target.op, target.value, ""))
        found = [(_compare(target.op, float(match.group("value")), target.value), _cut_excerpt(text, match.end(), keys))
                 for text in figures.texts if any(key in text for key in keys)
                 for match in _DECLINE_FIGURE.finditer(text)]
    elif target.unit == "%":
        # Only the rates that name the metric most fully count: 诉求按时办结率 for 热线诉求按时办结率, not the
        # 办结率 of 建议提案 in another sentence.
        named = [(_shared_tail(target.metric, metric), value, written, at) for metric, value, written, at in figures.rates
                 if _same_metric(target.metric, metric)]
        # A total (合计，…调解成功率97.0%) speaks for the whole, a row of one village (西沟村…100%) for a part.
        totals = [rate for rate in named if _TOTAL.match(figures.texts[rate[3]])]
        rates = [(tail, value, written) for tail, value, written, _ in totals or named]
        if not rates:
            rates = _named_by_sentence(target.metric, figures) or _shares(target, figures)
        closest = max((tail for tail, _, _ in rates), default=0)
        found = [(_compare(target.op, value, target.value), written) for tail, value, written in rates
                 if tail == closest]
    elif target.unit == "全覆盖":
        key = _metric_core(target.metric)[-4:]
        found = [(True, _excerpt(text, key)) for text in figures.texts
                 if key and key in text and re.search(r"全覆盖|100%|全部覆盖", text)]
    elif target.value is not None:
        pattern = re.compile(_FIGURE_COUNT.format(unit=same_units(target.unit)))
        keys = _count_keys(target)
        counted: list[tuple[int, bool, str]] = []  # how much of the metric the figure's clause names, and the figure
        for text in figures.texts:
            loose, strict = [], len(counted)
            for match in pattern.finditer(text):
                figure = (_compare(target.op, float(match.group("value")), target.value),
                          _figure_excerpt(text, match.start(), match.end()))
                # The figure and what is counted stand in one clause (人均学时达到48学时).
                start = max(text.rfind(mark, 0, match.start()) for mark in "，；。:：")
                clause = text[start + 1: match.end()]
                named = sum(key in clause for key in keys)
                # … or the clause counts the unit itself (人均学时达到48学时) in a sentence about the metric.
                names_unit = len(target.unit) >= 2 and target.unit in text[start + 1: match.start()]
                if named or (names_unit and any(key in text for key in keys)):
                    counted.append((named, *figure))
                elif target.unit in _TELLING_UNITS and _PER_HEAD.search(clause) and any(key in text for key in keys):
                    loose.append((0, *figure))
            # A telling unit says what is counted: the one figure of hours per head in a sentence about the metric
            # is its figure, though the clause says it in other words (组织执法人员参加…培训，人均参训48学时); the
            # hours of lectures given (举办讲座12学时) are not.
            if len(loose) == 1 and len(counted) == strict:
                counted.extend(loose)
        # Only the figures whose clause names the metric most fully count: 集体学法3次 for 集体学法不少于4次, not the
        # 会前学法11次 of another clause, which shares 学法 alone.
        fullest = max((named for named, _, _ in counted), default=0)
        found = [(met, written) for named, met, written in counted if named == fullest]
    if not found:
        return UNKNOWN, ""
    return next(((MET, figure) for met, figure in found if met), (NOT_MET, found[0][1]))


# Units that say by themselves what is counted (学时 are hours of training): beside them, the figure's clause may
# name whose hours they are (行政执法人员人均参训52学时) rather than the training itself.
_TELLING_UNITS = ("学时", "课时")
_PER_HEAD = re.compile(r"人均|每人|平均")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(word_list("stopwords.txt"))


def _count_keys(target: Target) -> list[str]:
    """What a count target's figure must stand beside: the words of its metric's last four characters
    (培训时长 → 培训, 训时, 时长), and for a telling unit those of its first four too (行政执法 → 执法)."""
    core = _metric_core(target.metric)
    parts = [core[-4:]] + ([core[:4]] if target.unit in _TELLING_UNITS else [])
    # A word of no content (工作 in 专题研究法治政府建设工作, 建设) stands beside any figure (…工作人员旁听庭审4场次):
    # only the others count, or the four characters whole where every word is such.
    generic = _stopwords()
    return [key for part in parts for key in ([part[i:i + 2] for i in range(len(part) - 1)
                                                 if part[i:i + 2] not in generic] or [part])]


def _figure_excerpt(text: str, start: int, end: int) -> str:
    """The figure with what comes before it in its clause, up to what follows it before a bracket or a stop:
    never the blanked figure of an earlier year beside it (人均法律知识培训52学时, not …（2024年某学时）)."""
    after = re.split(r"[（(，,。；;]", text[end:end + 8])[0]
    return text[max(0, start - 12): end] + after


def _cut_excerpt(text: str, end: int, keys: list[str]) -> str:
    """A reported cut from the start of the clause that names what was cut: 全年涉企行政检查412户次，较上年的524户次下降21.4%."""
    starts = [0] + [m.end() for m in re.finditer(r"[，。；：,;]", text[:end])]
    start = next((s for s in reversed(starts) if any(key in text[s:end] for key in keys)), starts[-1])
    return text[start:end]


def _excerpt(text: str, key: str) -> str:
    at = text.find(key)
    return text[max(0, at - 12): at + 24]
