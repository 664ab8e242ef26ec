"""Matching: split tasks into measures, index report sentences, find the sentences that address each measure."""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from functools import cached_property, lru_cache
from typing import NamedTuple

from .lexicon import CONCEPT_CREDIT, CONCEPT_MARK, Lexicon, PlanTerms, Weights, document_frequency, trie_pattern
from .meta import department_issuer, is_township, township_of
from .models import ACHIEVEMENT, OTHER, PROBLEM, Passage, Plan, Task
from .paraphrase import Told, paraphrases
from .resources import load_toml
from .text import normalize, sentences
from .units import short_spellings
from .vocabulary import citing, counted, slogan_verbs

# A passage that shares as much weight as the measure's two strongest terms covers it fully: a report
# sentence seldom repeats more than two or three of a long measure's terms.
SATURATION_TERMS = 2
SHORT_MEASURE = 2
MIN_MEASURE_TOKENS = 3
BACKGROUND = "background.tsv"
# A word in at least this share of the genre's sentences is one of its usual words (整改, 排查, 涉企,
# 全面推行), however rare it is in general Chinese: shared alone, it does not tie a sentence to a measure.
GENRE_COMMON = 0.001
# The same for a term of the domain, at a higher share: 法治政府建设, 法治建设, 习近平法治思想 and 依法行政
# stand in one sentence of twenty of the genre, and every report uses them about everything.
GENRE_TERM = 0.05
# Words of a government level or its area (区级, 县直, 乡镇级, 两级, 县域) say at which level or where, as a place's
# name says where: never what the work is.
_LEVEL = re.compile(r"^(?:[省市州盟县区旗乡镇村]{1,2}|苏木|街道|本|两|三|各)(?:[级直域]|政府)$")
_QUOTED = re.compile(r"[“《]([^”》]{2,30})[”》]")


def _cited(text: str) -> list[str]:
    """The titles of the documents a sentence says were read or passed on (集中学习《…》《…》, 转发《…通知》),
    not those it says were made (templates/report_terms.toml [citing])."""
    return [title for run in citing()[0].findall(text) for title in re.findall(r"《([^》]{2,80})》", run)]


class Measure(NamedTuple):
    """One measure of a task: a sentence or clause group of its text, with weighted content tokens.

    Measures and hits are made by the thousand for every report: named tuples are cheaper to build
    than frozen dataclasses, and as immutable."""

    text: str
    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    concepts: tuple[str | None, ...]
    anchors: frozenset[str]
    core: bool = False
    terms: frozenset[str] = frozenset()  # tokens that are domain terms or phrases of the concept table
    titled: bool = False  # the heading, or one clause of a heading of several (落实…，开展…)
    generic: bool = False  # a heading without a specific word (加强队伍建设, 强化科技支撑): its measures say what
    fields: frozenset[str] = frozenset()  # the specific words of the field a heading names (_fields)
    local: bool = False  # a heading or measure about the work of townships (深化乡镇综合行政执法改革): _LOCAL

    @property
    def weight(self) -> float:
        return sum(self.weights)


class Hit(NamedTuple):
    """A passage that addresses a measure, and how much of the measure it covers."""

    passage: int
    coverage: float
    matched: tuple[str, ...]
    anchored: bool


@lru_cache(maxsize=1)
def _concrete_terms() -> tuple[re.Pattern, re.Pattern]:
    figure = re.compile(rf"{counted().pattern}|《[^》]{{2,}}》")
    verbs = re.compile("|".join(map(re.escape, load_toml("report_terms.toml")["concrete"]["verbs"])))
    return figure, verbs




def concreteness(normal: str) -> int:
    """2 when a (normalised) sentence gives figures or names a document, 1 for a finished action, 0 for a slogan."""
    figure, verbs = _concrete_terms()
    if figure.search(normal):
        return 2
    return 1 if verbs.search(slogan_verbs().sub("", normal)) else 0


def facts(normal: str) -> int:
    """How many facts a (normalised) sentence gives, figures counted in units and documents named: the measures it
    can prove (at least one)."""
    return max(1, len(_concrete_terms()[0].findall(normal)))


def unit_mask(names: list[str]) -> re.Pattern | None:
    """A pattern of the plan's unit names (旗司法局, 法规科, 综合执法支队, and without their level): in a measure
    or a report sentence they say who acts, never what the work is, so they take no part in matching."""
    spellings = {n for n in names if len(n) >= 3}
    spellings |= {short for n in spellings for short in short_spellings(n)}
    spellings |= {n[1:] for n in spellings if n[:1] in "旗县区市盟" and len(n) >= 4}
    if not spellings:
        return None
    return re.compile(trie_pattern(sorted(spellings)))  # one trie, not fifty alternatives tried in turn


def masked(text: str, mask: re.Pattern | None) -> str:
    """A text with the unit names blanked out (a space keeps the words around them apart)."""
    return mask.sub(" ", text) if mask else text


class PlanModel:
    """What matching needs from a plan, worked out once and kept for every report matched against it (an audit
    matches the plan against each unit's reports): the mask of its unit names, each task's measures before
    weighting, how often each word occurs in its sentences, its shared terms, and in how many task titles each
    word stands. Nothing is kept between runs or between plans."""

    def __init__(self, plan: Plan, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        # The department that issued the plan (岩溪县政务服务和数据管理局) is a unit too: its name in a report
        # (《岩溪县政务服务和数据管理局2025年普法责任清单》) says whose work, not 政务服务 work.
        issuer = department_issuer(plan.title, plan.region)
        issuers = [issuer, issuer.replace(plan.region, "", 1)] if issuer else []
        self.mask = unit_mask([n for unit in plan.units for n in (unit.name, *unit.variants)] + issuers)
        texts = [masked(task.text, self.mask) for task in plan.tasks]
        self.frequency = document_frequency(lexicon.tokens(s, remember=True) for text in texts
                                            for s in sentences(normalize(text)))
        self.terms = PlanTerms(lexicon, [lexicon.tokens(text, remember=True) for text in texts])
        self.titles = Counter(t for task in plan.tasks
                              for t in set(lexicon.tokens(masked(task.title, self.mask), remember=True)))
        # The place's name says where, never what: 《红柳旗2025年度重大行政决策事项目录》 shares 红柳 with every
        # document of the place a report names.
        place = frozenset(lexicon.tokens(plan.region, remember=True)) if plan.region else frozenset()
        self.shapes = {task.seq: measure_shapes(task.title, task.text, lexicon, self.mask, place) for task in plan.tasks}
        # A township's own plan names itself (编制并公布街道年度重大行政决策事项目录): its measures are not about the
        # work of townships below the plan's issuer.
        self.township = bool(township_of(plan.title)) or is_township(plan.region)

    @cached_property
    def task_tokens(self) -> dict[int, frozenset[str]]:
        """The words each task is matched by."""
        return {seq: frozenset(token for shape in shapes for token in shape[1]) for seq, shapes in self.shapes.items()}

    @cached_property
    def told(self) -> Told:
        """The report words that may tell each task in other words (paraphrase.py)."""
        return Told(list(self.task_tokens.values()), paraphrases())

    def weights(self, passages: list[frozenset[str]]) -> Weights:
        """Term weights from the genre's background, the plan's sentences and the report passages at hand."""
        return Weights([genre_frequency(), self.frequency, document_frequency(passages)], self.lexicon, self.terms)

    @cached_property
    def unweighted(self) -> dict[int, list[Measure]]:
        """Each task's measures with everything but their weights, which depend on the reports at hand. The
        heading's anchors are its own words (队伍 in 加强行政执法队伍建设), not those it shares with other
        tasks' headings (行政执法)."""
        out: dict[int, list[Measure]] = {}
        for seq, shapes in self.shapes.items():
            out[seq] = []
            for text, tokens, concepts, anchors, core, terms, titled in shapes:
                generic = core and not anchors
                if core:
                    anchors = frozenset(t for t in tokens if self.titles.get(t, 0) <= 1) or anchors
                measure = Measure(text=text, tokens=tokens, weights=(), concepts=concepts,
                                  anchors=anchors or unanchored(tokens, self.lexicon), core=core, terms=terms,
                                  titled=titled, generic=generic)
                local = bool(_LOCAL.search(text))
                out[seq].append(measure._replace(fields=_fields(measure), local=local) if titled
                                else measure._replace(local=local and not self.township))
        return out

    def measures(self, task: Task, weights: Weights) -> list[Measure]:
        """A task's measures (its heading sentence, then its sentences or clause groups), weighted."""
        return [m._replace(weights=tuple(map(weights.__getitem__, m.tokens))) for m in self.unweighted[task.seq]]


def measure_shapes(title: str, text: str, lexicon: Lexicon, mask: re.Pattern | None = None,
                   place: frozenset[str] = frozenset()) -> list[tuple]:
    """The measures of a task without weights: the same for every report. Words of the place's name are left out."""
    opening = next((t for t in (title, f"【{title}】") if title and text.startswith(t)), "")
    body = text[len(opening):].lstrip("。；;，, \n")
    pieces = [(title, True, True)] + [(piece, False, False) for line in body.split("\n") for s in sentences(line)
                                      for piece in _clause_groups(s, lexicon)]
    groups = _clause_groups(title, lexicon)
    if len(groups) > 1:  # a title of several clauses names several measures (落实…，开展…，公布…)
        pieces[1:1] = [(group, False, True) for group in groups]
    shapes = []
    for piece, core, titled in pieces:
        tokens = tuple(t for t in dict.fromkeys(lexicon.tokens(masked(piece, mask), remember=True))
                       if t not in place and not _LEVEL.match(t))
        if not tokens:
            continue
        concepts = tuple(lexicon.concept_of(t) for t in tokens)
        quoted = _QUOTED.findall(piece)
        terms = frozenset(t for t in tokens if lexicon.is_term(t))
        anchors = {t for t in tokens if t not in lexicon.governance and (any(t in q for q in quoted) or specific(t, lexicon)
                   or (t in terms and genre_share(t) < GENRE_TERM))}
        shapes.append((piece.strip(), tokens, concepts, anchors, core, terms, titled))
    return shapes


def unanchored(tokens: tuple[str, ...], lexicon: Lexicon) -> frozenset[str]:
    """The anchors of a measure without a specific word: any of its words but those of oversight (纳入科室年度考核
    is anchored by 法治建设 in 将法治建设成效纳入科室年度考核, not by 考核 or 纳入, which any 考核 sentence shares)."""
    return frozenset(t for t in tokens if t not in lexicon.governance) or frozenset(tokens)


def genre_share(word: str) -> float:
    """The share of the genre's sentences that use a word."""
    counts, total = genre_frequency()
    return counts.get(word, 0) / max(1, total)


def specific(word: str, lexicon: Lexicon) -> bool:
    """A word rare both in general Chinese and in plans and reports of the genre (留痕, 送达, 计量)."""
    return lexicon.is_rare(word) and genre_share(word) < GENRE_COMMON


def measure_weight(measure: Measure, measures: list[Measure]) -> float:
    """A measure's say in the task score; the heading names the task's core and weighs at least the average."""
    if not measure.core or len(measures) < 2:
        return measure.weight
    others = [m.weight for m in measures if not m.core]
    return max(measure.weight, sum(others) / len(others))


def _clause_groups(sentence: str, lexicon: Lexicon) -> list[str]:
    """A long sentence of several clauses holds several measures; short clauses join their neighbour."""
    clauses = [c for c in re.split(r"(?<=[，,：:])", sentence) if c.strip()]
    groups: list[str] = []
    current = ""
    for clause in clauses:
        current += clause
        if len(set(lexicon.tokens(current, remember=True))) >= MIN_MEASURE_TOKENS:
            groups.append(current)
            current = ""
    if current:
        if groups and len(set(lexicon.tokens(current, remember=True))) < MIN_MEASURE_TOKENS:
            groups[-1] += current
        else:
            groups.append(current)
    # A clause without an object of its own (评估结果作为调整完善决策的重要依据) says how the one before it
    # is done: it is part of that measure, not a measure that plain words could match by themselves.
    # So does one that opens with the outcome of the one before (开展政务诚信评价，评价结果纳入绩效考核).
    merged: list[str] = []
    for group in groups:
        outcome = _OUTCOME.match(group)
        if merged and (not _has_object(group, lexicon) or (outcome and outcome.group(1) in merged[-1])):
            merged[-1] += group
        else:
            merged.append(group)
    return merged


_OUTCOME = re.compile(r"^\s*([\u4e00-\u9fff]{2})(?:结果|情况|意见|成果)")


def _has_object(text: str, lexicon: Lexicon) -> bool:
    """Whether a clause names something of its own: a term of the domain, a specific word or a quoted name."""
    return bool(_QUOTED.search(text)) or any(lexicon.is_term(t) or specific(t, lexicon)
                                             for t in lexicon.tokens(text, remember=True))


_ITEM_START = re.compile(r"^[一二三四五六七八九十]+是")


def _same_item(first: Passage, second: Passage) -> bool:
    return (first.report == second.report and first.paragraph == second.paragraph
            and not _ITEM_START.match(second.text) and not first.heading)


def _blocks(passages: list[Passage]) -> dict[int, list[int]]:
    """For each heading sentence, the content sentences under it: the rest of its 一是 item, or its section."""
    blocks: dict[int, list[int]] = {}
    for i, heading in enumerate(passages):
        if not heading.heading or heading.kind != ACHIEVEMENT:
            continue
        item = bool(_ITEM_START.match(heading.text))
        block = []
        for j in range(i + 1, len(passages)):
            passage = passages[j]
            if passage.report != heading.report:
                break
            if item and (passage.paragraph != heading.paragraph or _ITEM_START.match(passage.text)):
                break
            if not item and not passage.section.startswith(heading.section):
                break
            if not passage.heading:
                block.append(j)
        blocks[i] = block
    return blocks


# Chosen with the old threshold rules, leaving one family out (tools.tune --key-share, removed at stop 18 with
# those rules): of twelve held-out families' fits on the others, eleven chose 0.9.
KEY_SHARE = 0.9


def saturation(measure: Measure) -> int:
    """How many of a measure's strongest terms a passage must share to cover it fully: two, or one for a short
    measure; a task's heading needs each of its key terms (those weighing at least half the strongest), up to
    two, so that 法治政府建设 alone does not cover 开展法治政府建设示范创建."""
    if measure.core:
        top = max(measure.weights, default=0.0)
        return max(1, min(SATURATION_TERMS, sum(1 for w in measure.weights if w >= KEY_SHARE * top)))
    return 1 if len(measure.tokens) <= SHORT_MEASURE else SATURATION_TERMS


def measure_scale(measure: Measure) -> float:
    """The weight a passage must share to cover a measure fully: that of its strongest terms. Where a
    task's heading names terms of the domain (行政复议 in 充分发挥行政复议化解行政争议主渠道作用), those are
    its substance and the plain words around them (主渠道) do not raise the bar."""
    weights = measure.weights
    if measure.core:
        domain = [w for t, w in zip(measure.tokens, measure.weights, strict=True) if t in measure.terms]
        # … unless a plain word outweighs them: 证件, in 加强执法人员资格和证件管理, is what the heading is about.
        stronger = [w for t, w in zip(measure.tokens, weights, strict=True) if t not in measure.terms
                    and w > max(domain, default=0.0)]
        weights = domain + stronger if domain else weights
    return sum(sorted(weights, reverse=True)[:saturation(measure)]) or 1.0


def _heading_objects(measure: Measure) -> set[str]:
    """The words that name a heading's object: its strongest terms of the domain where it has some (普法, not 收官, in
    “八五”普法规划全面收官), as measure_scale reads them, else its strongest words; and their other words for the same
    thing (谁执法谁普法 for 普法责任制, in 落实“谁执法谁普法”普法责任制)."""
    weighted = list(zip(measure.weights, measure.tokens, strict=True))
    pool = [w for w in weighted if w[1] in measure.terms] or weighted
    # Terms as strong name objects side by side (合法性审核 and 备案审查, in 加强行政规范性文件合法性审核和备案审查).
    top = max(pool)[0]
    strongest = {token for weight, token in pool if weight >= KEY_SHARE * top}
    concepts = {measure.concepts[measure.tokens.index(token)] for token in strongest} - {None}
    return strongest | {t for t, c in zip(measure.tokens, measure.concepts, strict=True) if c in concepts}


_FIELD = re.compile(r"([\u4e00-\u9fff]{2,8})领域")
# A heading about the work of townships and streets (深化乡镇综合行政执法改革, 推进基层法治建设) is about that
# level: a sentence that names none (县城市管理局…完善城区综合执法考核机制) tells the same matter elsewhere.
_LOCAL = re.compile(r"乡镇|镇级|镇街|街道|苏木|基层")
_LOCAL_PLACE = re.compile(r"[乡镇村]|街道|苏木|嘎查|社区|基层")


def _fields(measure: Measure) -> frozenset[str]:
    """The specific words of the field a heading names (自然资源 in 加强自然资源领域执法监督): the heading's work is
    in that field, and a sentence outside it (健全执法监督工作机制 for case files) is about something else."""
    named = [m.group(1) for m in _FIELD.finditer(measure.text)]
    return frozenset(a for a in measure.anchors if any(field.endswith(a) for field in named))


class ReportIndex:
    """Report passages with their tokens, an inverted index and how concrete each one is."""

    def __init__(self, passages: list[Passage], lexicon: Lexicon, mask: re.Pattern | None = None) -> None:
        self.passages = passages
        self.governance = lexicon.governance
        # Cover letters, contents and chronicles are never evidence: no need to read them word by word.
        read = [i for i, p in enumerate(passages) if p.kind != OTHER]
        self.tokens = [frozenset()] * len(passages)
        texts = [masked(f"{passages[i].topic} {passages[i].text}".lstrip(), mask) for i in read]
        for i, tokens in zip(read, lexicon.tokens_many(texts), strict=True):
            self.tokens[i] = frozenset(tokens)
        # How many distinct phrases of each concept a passage uses: each can stand for one term of a measure.
        self.concepts = [Counter(c for c in map(lexicon.concept_of, tokens) if c) for tokens in self.tokens]
        self._phrases = lexicon.phrases
        self._lenders: dict[tuple[int, str], int] = {}
        normals = [normalize(p.text) for p in passages]
        own = self.own = [concreteness(normal) for normal in normals]
        self.normals = normals
        self.facts = [facts(normal) for normal in normals]
        # A topic sentence followed in its paragraph by figures (推进“双随机、一公开”监管。制定…140个) is
        # concrete through what follows it, up to the next 一是/二是 item.
        self.concrete = [
            max(own[i], own[i + 1]) if i + 1 < len(passages) and _same_item(passages[i], passages[i + 1]) else own[i]
            for i in range(len(passages))
        ]
        self.blocks = _blocks(passages)
        # Work done, then in the same sentence what is still undone (开展集中清理，但截至年底清理工作尚未全部完成):
        # the shortfall's words, on which the work done is no proof of completion.
        self.undone = [self.tokens[i + 1] if i + 1 < len(passages) and _retracted(passages[i], passages[i + 1])
                       else frozenset() for i in range(len(passages))]
        self.evidence = [p.kind == ACHIEVEMENT and not p.heading for p in passages]
        # The words of documents a sentence says were studied or passed on (学习《…意见》, 转发《…通知》): they
        # name what was read, not work done on the matter.
        cited = [_cited(masked(p.text, mask)) if "《" in p.text else [] for p in passages]
        self.cited = [frozenset(lexicon.tokens(" ".join(titles))) if titles else frozenset() for titles in cited]
        self.postings: dict[str, list[int]] = defaultdict(list)
        for index, tokens in enumerate(self.tokens):
            for token in tokens:
                self.postings[token].append(index)
            for concept in self.concepts[index]:
                self.postings[CONCEPT_MARK + concept].append(index)

    def hits(self, measure: Measure, limit: int = 6) -> list[Hit]:
        """The passages that share the most of a measure's weight, best first."""
        postings, tokens_of = self.postings, self.tokens
        matched: dict[int, float] = {}
        shared: dict[int, list[str]] = {}
        for token, weight in zip(measure.tokens, measure.weights, strict=True):
            for index in postings.get(token, ()):
                if index in matched:  # (two lookups fewer than get and setdefault: this loop is the hottest)
                    matched[index] += weight
                    shared[index].append(token)
                else:
                    matched[index] = weight
                    shared[index] = [token]
        # A passage that speaks of a concept in other words earns, for each phrase of it that it uses, one
        # term of the measure in that concept, the strongest first: 信息孤岛 in a passage is one mention of
        # 数据共享, not three for 身份认证、电子印章、电子证照; 人大代表建议 and 政协委员提案 are two.
        genre = genre_frequency()[0]
        for concept, members in _by_concept(measure).items():
            for index in postings.get(CONCEPT_MARK + concept, ()):
                tokens = tokens_of[index]
                spare = self.concepts[index][concept] - sum(token in tokens for token, _ in members)
                lender = self.lender(index, concept) + 1
                for token, weight in members:
                    if spare <= 0:
                        break
                    if token not in tokens and lender <= LEND_RATIO * (genre[token] + 1):
                        matched[index] = matched.get(index, 0.0) + CONCEPT_CREDIT * weight
                        shared.setdefault(index, []).append(token)
                        spare -= 1
        if not matched:
            return []
        scale = measure_scale(measure)
        objects = _heading_objects(measure) if measure.titled else set()
        out: list[Hit] = []
        for index in heapq.nlargest(limit * 3, matched, key=matched.__getitem__):
            # The candidates come best first: once `limit` passages are kept, one that covers less than the last
            # of them cannot come before it, whatever its concreteness.
            if len(out) >= limit and matched[index] / scale < out[limit - 1].coverage:
                break
            common = shared[index]
            anchored = not measure.anchors.isdisjoint(common)
            # A task's heading names its object with its strongest word: a sentence without it (民生 and 监督
            # but no 计量, for 加强民生计量监督) speaks of something else, however much else it shares. So does
            # each clause of a heading of several (县乡两级 and 协调…工作体系 but no 行政执法协调监督).
            if objects and (objects.isdisjoint(common) or (measure.fields and measure.fields.isdisjoint(common))):
                continue
            # Work of townships (推进乡镇综合行政执法队规范化建设) is shown in a sentence that names one: the county
            # bureau's own 综合执法 is another matter.
            if measure.local and not _LOCAL_PLACE.search(self.normals[index]):
                continue
            # A document read or forwarded is no work on its matter, unless the measure is to study or spread it.
            if self.cited[index] and self.cited[index].issuperset(common) and not citing()[1].search(measure.text):
                continue
            # One plain word in common (企业, 模式) is a coincidence, not a match; so are words of oversight alone
            # (纳入 and 考核, for 将政务履约情况纳入部门年度考核), unless the measure has no other.
            if anchored or (len(common) >= 2 and not (self.governance.issuperset(common)
                                                      and not self.governance.issuperset(measure.tokens))):
                out.append(Hit(passage=index, coverage=min(1.0, matched[index] / scale), matched=tuple(common),
                               anchored=anchored))
        out.sort(key=lambda h: (-h.coverage, -self.concrete[h.passage]))
        return out[:limit]

    def lender(self, index: int, concept: str) -> int:
        """In how many sentences of the genre a passage's most specific phrase of a concept occurs: the concept's
        common words (普法) do not stand for its specific ones (法律明白人). Worked out when first asked."""
        key = (index, concept)
        if key not in self._lenders:
            genre = genre_frequency()[0]
            self._lenders[key] = min(genre[t] for t in self.tokens[index] & self._phrases[concept])
        return self._lenders[key]

    def concreteness(self, hit: Hit) -> int:
        """How concrete a hit's passage is as evidence for its measure: none where the next sentence says the
        matter it shares with the measure is still undone."""
        return 0 if self.undone[hit.passage].intersection(hit.matched) else self.concrete[hit.passage]

    def is_evidence(self, index: int) -> bool:
        """Only sentences of achievement that are not headings count as evidence."""
        return self.evidence[index]


def _retracted(done: Passage, after: Passage) -> bool:
    """A clause of work done that its own sentence goes on to qualify (…开展集中清理，但…尚未全部完成)."""
    return (done.kind == ACHIEVEMENT and after.kind == PROBLEM and done.text.rstrip()[-1:] in "，,"
            and (done.report, done.paragraph) == (after.report, after.paragraph))


# A passage's phrase of a concept stands for a term of it at most this many times rarer in the genre (普法, in seven
# times more sentences than 法律明白人, does not stand for it; 综合执法 stands for 综合行政执法).
LEND_RATIO = 4


def _by_concept(measure: Measure) -> dict[str, list[tuple[str, float]]]:
    """The measure's terms grouped by the concept they belong to, strongest first, with their weights."""
    if not any(measure.concepts):  # (most measures name no concept)
        return {}
    groups: dict[str, list[tuple[str, float]]] = {}
    for token, weight, concept in zip(measure.tokens, measure.weights, measure.concepts, strict=True):
        if concept:
            groups.setdefault(concept, []).append((token, weight))
    return {concept: sorted(members, key=lambda m: -m[1]) for concept, members in groups.items()}


@lru_cache(maxsize=1)
def genre_frequency() -> tuple[Counter, int]:
    """In how many sentences of real plans and reports of the genre each word occurs (templates/background.tsv,
    built by tools/background.py): the background that tells a genre word (法治政府建设, 监督) from a specific one."""
    from .resources import template_file

    counts: Counter = Counter()
    total = 0
    for line in template_file(BACKGROUND).read_text(encoding="utf-8").splitlines():
        if line.startswith("# sentences\t"):
            total = int(line.split("\t")[1])
        elif line and not line.startswith("#"):
            word, count = line.split("\t")
            counts[word] = int(count)
    return counts, total
