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
    core: bool = False

    @property
    def weight(self) -> float:
        return sum(self.weights)


@dataclass(frozen=True)
class Hit:
    """A passage that addresses a measure, and how much of the measure it covers."""

    passage: int
    coverage: float
    matched: tuple[str, ...]
    anchored: bool


@lru_cache(maxsize=1)
def _concrete_terms() -> tuple[re.Pattern, re.Pattern]:
    terms = load_toml("report_terms.toml")["concrete"]
    units = "|".join(sorted(map(re.escape, terms["units"]), key=len, reverse=True))
    figure = re.compile(rf"\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:{units})|《[^》]{{2,}}》")
    verbs = re.compile("|".join(map(re.escape, terms["verbs"])))
    return figure, verbs


def concreteness(text: str) -> int:
    """2 when a sentence gives figures or names a document, 1 for a finished action, 0 for a slogan."""
    figure, verbs = _concrete_terms()
    normal = normalize(text)
    if figure.search(normal):
        return 2
    return 1 if verbs.search(normal) else 0


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
        measures.append(Measure(text=text.strip(), tokens=tokens, weights=tuple(weights(t) for t in tokens),
                                concepts=concepts, anchors=anchors, core=core))
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


class ReportIndex:
    """Report passages with their tokens, an inverted index and how concrete each one is."""

    def __init__(self, passages: list[Passage], lexicon: Lexicon) -> None:
        self.passages = passages
        self.tokens = [frozenset(lexicon.tokens(p.text)) for p in passages]
        self.concepts = [frozenset(c for c in map(lexicon.concept_of, tokens) if c) for tokens in self.tokens]
        own = [concreteness(p.text) for p in passages]
        # A topic sentence followed in its paragraph by figures (推进“双随机、一公开”监管。制定…140个) is
        # concrete through what follows it, up to the next 一是/二是 item.
        self.concrete = [
            max(own[i], own[i + 1]) if i + 1 < len(passages) and _same_item(passages[i], passages[i + 1]) else own[i]
            for i in range(len(passages))
        ]
        self.postings: dict[str, list[int]] = defaultdict(list)
        for index, tokens in enumerate(self.tokens):
            for token in tokens:
                self.postings[token].append(index)
            for concept in self.concepts[index]:
                self.postings[CONCEPT_MARK + concept].append(index)

    def hits(self, measure: Measure, unit_weight: float, limit: int = 5) -> list[Hit]:
        """The passages that share the most measure weight, best first."""
        matched: dict[int, float] = defaultdict(float)
        for token, weight, concept in zip(measure.tokens, measure.weights, measure.concepts, strict=True):
            exact = self.postings.get(token, ())
            for index in exact:
                matched[index] += weight
            if concept:
                for index in self.postings.get(CONCEPT_MARK + concept, ()):
                    if token not in self.tokens[index]:
                        matched[index] += CONCEPT_CREDIT * weight
        if not matched:
            return []
        scale = sum(sorted(measure.weights, reverse=True)[:SATURATION_TERMS])
        ranked = sorted(matched.items(), key=lambda item: (-item[1], -self.concrete[item[0]]))[: limit * 3]
        out = []
        for index, weight in ranked:
            shared = tuple(t for t, c in zip(measure.tokens, measure.concepts, strict=True)
                           if t in self.tokens[index] or c in self.concepts[index])
            anchored = any(t in measure.anchors for t in shared)
            # One plain word in common (企业, 模式) is a coincidence, not a match.
            if not anchored and len(shared) < 2:
                continue
            out.append(Hit(passage=index, coverage=min(1.0, weight / scale), matched=shared, anchored=anchored))
        out.sort(key=lambda h: (-h.coverage, -self.concrete[h.passage]))
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
            out.extend(tuple(lex.tokens(s)) for s in sentences(normalize(paragraph)))
    return tuple(out)


def background_weights(lexicon: Lexicon, tasks: list[str], texts: list[str]) -> Weights:
    """Term weights from the sample documents plus the documents at hand, sentence by sentence."""
    corpus = list(_seed_sentences())
    for text in tasks + texts:
        corpus.extend(lexicon.tokens(s) for s in sentences(normalize(text)))
    return Weights(corpus, lexicon, [lexicon.tokens(task) for task in tasks])
