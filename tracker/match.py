"""Matching: split tasks into measures, index report sentences, find the sentences that address each measure."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import CONCEPT_CREDIT, CONCEPT_MARK, Lexicon, Weights
from .models import ACHIEVEMENT, Passage, Task
from .resources import load_toml
from .text import normalize, sentences

# A passage that shares as much weight as the measure's two strongest terms covers it fully: a report
# sentence seldom repeats more than two or three of a long measure's terms.
SATURATION_TERMS = 2
SATURATION_GRAMS = 4
SHORT_MEASURE = 2
MIN_MEASURE_TOKENS = 3
_QUOTED = re.compile(r"[“《]([^”》]{2,30})[”》]")


@dataclass(frozen=True)
class Measure:
    """One measure of a task: a sentence or clause group of its text, with weighted content tokens."""

    text: str
    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    concepts: tuple[str | None, ...]
    anchors: frozenset[str]
    grams: tuple[str, ...] = ()
    gram_weights: tuple[float, ...] = ()
    core: bool = False

    @property
    def weight(self) -> float:
        return sum(self.weights)


@dataclass(frozen=True)
class Hit:
    """A passage that addresses a measure, and how much of the measure it covers."""

    passage: int
    coverage: float  # by words and concepts
    matched: tuple[str, ...]
    anchored: bool
    chars: float = 0.0  # by character bigrams


@lru_cache(maxsize=1)
def _concrete_terms() -> tuple[re.Pattern, re.Pattern]:
    terms = load_toml("report_terms.toml")["concrete"]
    units = "|".join(sorted(map(re.escape, terms["units"]), key=len, reverse=True))
    figure = re.compile(rf"\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:{units})|《[^》]{{2,}}》")
    verbs = re.compile("|".join(map(re.escape, terms["verbs"])))
    return figure, verbs


_SLOGAN_VERBS = re.compile(r"建立健全|建立完善|健全完善|不断完善|进一步完善|持续完善")


def concreteness(text: str) -> int:
    """2 when a sentence gives figures or names a document, 1 for a finished action, 0 for a slogan."""
    figure, verbs = _concrete_terms()
    normal = normalize(text)
    if figure.search(normal):
        return 2
    return 1 if verbs.search(_SLOGAN_VERBS.sub("", normal)) else 0


def task_measures(task: Task, lexicon: Lexicon, weights: Weights) -> list[Measure]:
    """Split a task into measures: its heading sentence, then its sentences or clause groups."""
    measures: list[Measure] = []
    body = task.text
    if task.title and body.startswith(task.title):
        body = body[len(task.title):].lstrip("。；;，, \n")
    pieces = [(task.title, True)] + [(piece, False) for s in sentences(body.replace("\n", "")) for piece in
                                     _clause_groups(s, lexicon)]
    for text, core in pieces:
        tokens = tuple(dict.fromkeys(lexicon.tokens(text)))
        if not tokens:
            continue
        concepts = tuple(lexicon.concept_of(t) for t in tokens)
        anchors = frozenset(t for t, c in zip(tokens, concepts, strict=True) if c or t in lexicon.domain_terms
                            or any(t in q for q in _QUOTED.findall(text)) or lexicon.is_rare(t))
        grams = tuple(g for g in sorted(lexicon.grams(text)) if weights.gram(g) > 0)
        measures.append(Measure(text=text.strip(), tokens=tokens, weights=tuple(weights(t) for t in tokens),
                                concepts=concepts, anchors=anchors, grams=grams,
                                gram_weights=tuple(weights.gram(g) for g in grams), core=core))
    return measures


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
        if len(set(lexicon.tokens(current))) >= MIN_MEASURE_TOKENS:
            groups.append(current)
            current = ""
    if current:
        if groups and len(set(lexicon.tokens(current))) < MIN_MEASURE_TOKENS:
            groups[-1] += current
        else:
            groups.append(current)
    return groups


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


def saturation(measure: Measure) -> int:
    """How many of a measure's strongest terms a passage must share to cover it fully."""
    return 1 if len(measure.tokens) <= SHORT_MEASURE else SATURATION_TERMS


class ReportIndex:
    """Report passages with their tokens, an inverted index and how concrete each one is."""

    def __init__(self, passages: list[Passage], lexicon: Lexicon) -> None:
        self.passages = passages
        self.tokens = [frozenset(lexicon.tokens(p.text)) for p in passages]
        self.grams = [frozenset(lexicon.grams(p.text)) for p in passages]
        self.gram_postings: dict[str, list[int]] = defaultdict(list)
        for index, grams in enumerate(self.grams):
            for gram in grams:
                self.gram_postings[gram].append(index)
        self.concepts = [frozenset(c for c in map(lexicon.concept_of, tokens) if c) for tokens in self.tokens]
        own = [concreteness(p.text) for p in passages]
        # A topic sentence followed in its paragraph by figures (推进“双随机、一公开”监管。制定…140个) is
        # concrete through what follows it, up to the next 一是/二是 item.
        self.concrete = [
            max(own[i], own[i + 1]) if i + 1 < len(passages) and _same_item(passages[i], passages[i + 1]) else own[i]
            for i in range(len(passages))
        ]
        self.blocks = _blocks(passages)
        self.postings: dict[str, list[int]] = defaultdict(list)
        for index, tokens in enumerate(self.tokens):
            for token in tokens:
                self.postings[token].append(index)
            for concept in self.concepts[index]:
                self.postings[CONCEPT_MARK + concept].append(index)

    def hits(self, measure: Measure, limit: int = 6) -> list[Hit]:
        """The passages that share the most of a measure, by words and concepts and by characters."""
        matched: dict[int, float] = defaultdict(float)
        for token, weight, concept in zip(measure.tokens, measure.weights, measure.concepts, strict=True):
            for index in self.postings.get(token, ()):
                matched[index] += weight
            if concept:
                for index in self.postings.get(CONCEPT_MARK + concept, ()):
                    if token not in self.tokens[index]:
                        matched[index] += CONCEPT_CREDIT * weight
        by_chars: dict[int, float] = defaultdict(float)
        for gram, weight in zip(measure.grams, measure.gram_weights, strict=True):
            for index in self.gram_postings.get(gram, ()):
                by_chars[index] += weight
        scale = sum(sorted(measure.weights, reverse=True)[:saturation(measure)]) or 1.0
        gram_scale = sum(sorted(measure.gram_weights, reverse=True)[:SATURATION_GRAMS]) or 1.0
        pool = sorted(matched, key=lambda i: -matched[i])[: limit * 3]
        pool += [i for i in sorted(by_chars, key=lambda i: -by_chars[i])[: limit * 3] if i not in matched]
        out = []
        for index in pool:
            shared = tuple(t for t, c in zip(measure.tokens, measure.concepts, strict=True)
                           if t in self.tokens[index] or c in self.concepts[index])
            anchored = any(t in measure.anchors for t in shared)
            # One plain word in common (企业, 模式) is a coincidence, not a match.
            coverage = min(1.0, matched.get(index, 0.0) / scale) if anchored or len(shared) >= 2 else 0.0
            chars = min(1.0, by_chars.get(index, 0.0) / gram_scale)
            if coverage or chars:
                out.append(Hit(passage=index, coverage=coverage, matched=shared, anchored=anchored, chars=chars))
        out.sort(key=lambda h: (-max(h.coverage, h.chars), -self.concrete[h.passage]))
        return out[:limit]

    def is_evidence(self, index: int) -> bool:
        passage = self.passages[index]
        return passage.kind == ACHIEVEMENT and not passage.heading


@lru_cache(maxsize=1)
def _seed_sentences() -> tuple[tuple[str, ...], ...]:
    """Token lists of every sentence of the bundled sample documents: the background corpus."""
    from .ingest import read_document
    from .lexicon import lexicon
    from .resources import seeds_dir

    lex = lexicon()
    out = []
    for path in sorted(seeds_dir().glob("*.txt")):
        if path.name.lower().startswith("readme"):
            continue
        for paragraph in read_document(path).paragraphs():
            out.extend((tuple(lex.tokens(s)), tuple(lex.grams(s))) for s in sentences(normalize(paragraph)))
    return tuple(out)


def background_weights(lexicon: Lexicon, tasks: list[str], texts: list[str]) -> Weights:
    """Term weights from the sample documents plus the documents at hand, sentence by sentence."""
    corpus = list(_seed_sentences())
    for text in tasks + texts:
        corpus.extend((lexicon.tokens(s), lexicon.grams(s)) for s in sentences(normalize(text)))
    return Weights(corpus, lexicon, [lexicon.tokens(task) for task in tasks])
