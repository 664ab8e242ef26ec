"""Words: jieba with the domain dictionary, boilerplate words, concepts that mean the same work, weights."""

from __future__ import annotations

import gc
import logging
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate

from .resources import load_csv, word_list
from .text import normalize

CONCEPT_MARK = "#"
# A report that names the same work in other words (四张清单 for 包容审慎监管) earns this share of the weight.
CONCEPT_CREDIT = 0.7
TOKEN_CACHE = 20_000
DOMAIN_LIFT = 1.3
# jieba's dictionary counts words over a large general corpus; below this count a word is specialised.
RARE_FREQ = 100
# Plain words are weighted by their surprise in general Chinese: below COMMON_FROM they count COMMON_FLOOR,
# and they reach full weight COMMON_SPAN above it.
COMMON_FROM, COMMON_SPAN, COMMON_FLOOR = 7.5, 5.0, 0.15
_WORDLIKE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9+]")
_DIGITS = re.compile(r"^[\d.%]+$")


class Lexicon:
    """The tokenizer and word knowledge of one run: built once, shared by every task and report."""

    def __init__(self) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self.domain_terms = set(word_list("domain_terms.txt"))
        self.stopwords = set(word_list("stopwords.txt"))
        self.governance = frozenset(word_list("governance_words.txt"))
        self.concepts: dict[str, str] = {}
        for row in load_csv("concepts.csv"):
            concept = row.get("概念", "")
            for variant in re.split(r"[、，,；;]", row.get("同义说法", "")) + [concept]:
                if variant.strip():
                    self.concepts[normalize(variant.strip())] = concept
        self._phrase_concepts = {_phrase(v): c for v, c in self.concepts.items()}
        phrases: dict[str, set[str]] = {}
        for token, concept in self._phrase_concepts.items():
            phrases.setdefault(concept, set()).add(token)
        self.phrases = {concept: frozenset(tokens) for concept, tokens in phrases.items()}  # concept → its tokens
        self._concept_pattern = re.compile(trie_pattern(list(self.concepts))) if self.concepts else None
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        for term in self.domain_terms | set(self.concepts):
            if len(term) >= 2 and not re.search(r"[、，]", term):
                self._jieba.add_word(term, freq=2000)
        self._content: dict[str, bool] = {}
        self._commonness: dict[str, float] = {}
        self._tokens: dict[str, tuple[str, ...]] = {}

    def words(self, text: str) -> list[str]:
        """All jieba words of a text, after width normalisation."""
        return self._jieba.lcut(normalize(text), HMM=False)

    def tokens(self, text: str, remember: bool = False) -> list[str]:
        """Content tokens of a text: no boilerplate, punctuation or bare numbers.

        A phrase of the concept table (四张清单, 双随机、一公开) is one token, so that its words are not
        counted again one by one; concept_of() tells which concept it belongs to. With remember, the
        tokens are kept for the next call: plan texts are tokenised again for every report.
        """
        cached = self._tokens.get(text)
        if cached is not None:
            return list(cached)
        normal = normalize(text)
        out = self._content_tokens(normal, self._jieba.lcut(normal, HMM=False))
        if remember and len(self._tokens) < TOKEN_CACHE:
            self._tokens[text] = tuple(out)
        return out

    def tokens_many(self, texts: list[str]) -> list[list[str]]:
        """tokens() of many sentences at once: jieba is called once for all of them, which saves its
        per-call overhead on the thousands of sentences of a long report."""
        if not texts:
            return []
        normals = [normalize(text).replace("\n", " ") for text in texts]
        # A line break never occurs inside a normalised sentence, and jieba returns it as a word of its own.
        joined = "\n".join(normals)
        words = self._jieba.lcut(joined, HMM=False)
        breaks = [i for i, word in enumerate(words) if word == "\n"]
        split = [words[start + 1:end] for start, end in zip([-1, *breaks], [*breaks, len(words)], strict=True)]
        # The concepts' phrases found in one pass over all the sentences, then given to each by its offset.
        spans: list[list[tuple[int, int, str]]] = [[] for _ in normals]
        if self._concept_pattern is not None:
            starts = list(accumulate((len(normal) + 1 for normal in normals[:-1]), initial=0))
            for match in self._concept_pattern.finditer(joined):
                at = bisect_right(starts, match.start()) - 1
                spans[at].append((match.start() - starts[at], match.end() - starts[at], self.concepts[match.group(0)]))
        return [self._content_tokens(normal, sentence, found)
                for normal, sentence, found in zip(normals, split, spans, strict=True)]

    def _content_tokens(self, normal: str, words: list[str], spans: list[tuple[int, int, str]] | None = None) -> list[str]:
        spans = self.concept_spans(normal) if spans is None else spans
        if "非" in words:
            words = _negated(words)
        if not spans:
            known, judge = self._content, self.is_content
            return [word for word in words if (known[word] if word in known else judge(word))]
        out = [_phrase(normal[start:end]) for start, end, _ in spans]
        # The spans come in order and do not overlap: one pass over words and spans together.
        known, judge = self._content, self.is_content
        start, next_span = 0, 0
        for word in words:
            end = start + len(word)
            while next_span < len(spans) and spans[next_span][1] <= start:
                next_span += 1
            if (next_span == len(spans) or spans[next_span][0] >= end) and (
                    known[word] if word in known else judge(word)):
                out.append(word)
            start = end
        return out

    def concept_of(self, token: str) -> str | None:
        """The concept a token stands for (四张清单 → 包容审慎监管), or None."""
        return self._phrase_concepts.get(token)

    def concept_spans(self, normal_text: str) -> list[tuple[int, int, str]]:
        """Where a (normalised) text names a concept: (start, end, concept)."""
        if self._concept_pattern is None:
            return []
        return [(m.start(), m.end(), self.concepts[m.group(0)]) for m in self._concept_pattern.finditer(normal_text)]

    def commonness(self, word: str) -> float:
        """How specific a plain word is in general Chinese, from 0.15 (社会, 企业) to 1 (倒查, 学时)."""
        value = self._commonness.get(word)
        if value is None:
            surprise = math.log(self._jieba.total / (self._jieba.FREQ.get(word, 0) + 1))
            value = self._commonness[word] = min(1.0, max(COMMON_FLOOR, (surprise - COMMON_FROM) / COMMON_SPAN))
        return value

    def is_term(self, word: str) -> bool:
        """A term of the domain: in the domain word list or a phrase of the concept table."""
        return word in self.domain_terms or self.concept_of(word) is not None

    def is_rare(self, word: str) -> bool:
        """True for a word that general Chinese seldom uses (后评估, 倒查, 学时): a specific term."""
        return self._jieba.FREQ.get(word, 0) <= RARE_FREQ and len(word) >= 2 and not _DIGITS.match(word)

    def is_content(self, word: str) -> bool:
        """True for words that can tell one task from another."""
        known = self._content.get(word)
        if known is None:
            known = self._content[word] = self._judge(word)
        return known

    def _judge(self, word: str) -> bool:
        if word in self.domain_terms or word in self._phrase_concepts:
            return True
        if len(word) < 2 or not _WORDLIKE.search(word) or _DIGITS.match(word):
            return False
        # A stop word, or a compound jieba keeps whole but made only of stop words (严格执行, 贯彻落实).
        return not (word in self.stopwords or _splits_into(word, self.stopwords))


def _negated(words: list[str]) -> list[str]:
    """非 joined to the word after it: 非现场执法 is 非现场 and 执法, no 现场 (a different thing, its opposite)."""
    out: list[str] = []
    for word in words:
        if out and out[-1] == "非" and _WORDLIKE.match(word):
            out[-1] += word
        else:
            out.append(word)
    return out


def trie_pattern(words: list[str]) -> str:
    """One regular expression for many phrases, longest first, with shared prefixes factored out:
    re tries an alternation branch by branch, and a trie turns hundreds of branches into a few."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Prefer the longer phrase; the word may also end here.
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _phrase(text: str) -> str:
    """One spelling for a phrase: 双随机、一公开 and 双随机一公开 are the same token."""
    return re.sub(r"[、，,·\s“”]", "", text)


def _splits_into(word: str, parts: set[str]) -> bool:
    reachable = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        reachable[end] = any(reachable[start] and word[start:end] in parts for start in range(max(0, end - 6), end))
    return reachable[-1] and len(word) > 1


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The run's lexicon, loaded once."""
    loaded = Lexicon()
    # jieba's dictionary is half a million objects that live as long as the run: keep the garbage
    # collector from walking them again at every full collection.
    gc.freeze()
    return loaded


def document_frequency(sentences: Iterable[Iterable[str]]) -> tuple[Counter[str], int]:
    """In how many sentences each token occurs, and how many sentences there are."""
    df: Counter[str] = Counter()
    count = 0
    for tokens in sentences:
        count += 1
        df.update(tokens if isinstance(tokens, (set, frozenset)) else set(tokens))
    return df, count


class Weights(dict):
    """Inverse document frequency over sentences of a background corpus, lifted for domain terms: a token's
    weight is weights[token], worked out on first use and kept for the reports at hand.

    The corpus comes in layers (the sample documents, the plan, the reports at hand) so that the
    layers shared by every report of a run are counted once. A dict underneath: the thousands of lookups of
    words already weighed cost no Python call.
    """

    def __init__(self, layers: list[tuple[Counter[str], int]], lexicon: Lexicon, plan: PlanTerms) -> None:
        super().__init__()
        # The last layer is the reports at hand; the others are the run's, shared by every report (PlanTerms
        # keeps their counts of each word).
        *self.background, self.report = [df for df, _ in layers]
        self.count = max(1, sum(count for _, count in layers))
        self.plan = plan
        # Rare incidental words should not outweigh the domain's own terms: cap plain words below them.
        self.cap = math.log((self.count + 1) / 3) + 1

    def __missing__(self, token: str) -> float:
        domain, factor, df = self.plan.factors(token, self.background)
        df += self.report.get(token, 0)
        idf = math.log((self.count + 1) / (df + 1)) + 1
        # A domain term takes its rarity in the genre as it is (法治政府建设 is common there); plain words are capped.
        weight = self[token] = (idf * DOMAIN_LIFT if domain else min(idf, self.cap)) * factor
        return weight


class PlanTerms:
    """What about a word stays the same for every report of a run: whether it is a domain term, how
    common it is in general Chinese, and how many of the plan's tasks use it."""

    def __init__(self, lexicon: Lexicon, tasks: Iterable[Iterable[str]]) -> None:
        self.lexicon = lexicon
        # A word used by many tasks of the plan (决策, 重大行政决策) tells them apart poorly.
        self.task_df, self.tasks = document_frequency(tasks)
        self._factors: dict[str, tuple[bool, float, int]] = {}

    def factors(self, token: str, background: list[Counter[str]]) -> tuple[bool, float, int]:
        """(is a domain term or concept phrase, multiplier for general commonness and spread over tasks, in how
        many sentences of the background layers it occurs): the same for every report matched against the plan, so
        worked out once (the background layers are the same objects for every report of a run)."""
        known = self._factors.get(token)
        if known is None:
            lexicon = self.lexicon
            domain = lexicon.is_term(token)
            factor = 1.0 if domain else lexicon.commonness(token)
            if self.tasks > 1:
                spread = math.log(1 + self.tasks / max(1, self.task_df.get(token, 0))) / math.log(1 + self.tasks)
                factor *= math.sqrt(spread)
            known = self._factors[token] = (domain, factor, sum(layer.get(token, 0) for layer in background))
        return known
