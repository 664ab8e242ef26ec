"""Words: jieba with the domain dictionary, boilerplate words, concepts that mean the same work, weights."""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from .resources import load_csv, template_file
from .text import normalize

CONCEPT_MARK = "#"
# A report that names the same work in other words (四张清单 for 包容审慎监管) earns this share of the weight.
CONCEPT_CREDIT = 0.7
DOMAIN_LIFT = 1.3
# The reports at hand name a task's own subject (行政复议) in sentence after sentence, which would make it
# look common; a domain term keeps at least this share of the highest plain-word weight.
DOMAIN_FLOOR = 0.7
# jieba's dictionary counts words over a large general corpus; below this count a word is specialised.
RARE_FREQ = 100
# Plain words are weighted by their surprise in general Chinese: below COMMON_FROM they count COMMON_FLOOR,
# and they reach full weight COMMON_SPAN above it.
COMMON_FROM, COMMON_SPAN, COMMON_FLOOR = 7.5, 5.0, 0.15
# Bigrams found in more than this share of sentences (工作, 建设, 推进) carry no meaning.
COMMON_GRAM_SHARE = 0.03
_WORDLIKE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9+]")
_DIGITS = re.compile(r"^[\d.%]+$")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def _lines(name: str) -> list[str]:
    text = template_file(name).read_text(encoding="utf-8-sig")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


class Lexicon:
    """The tokenizer and word knowledge of one run: built once, shared by every task and report."""

    def __init__(self) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self.domain_terms = set(_lines("domain_terms.txt"))
        self.stopwords = set(_lines("stopwords.txt"))
        self.concepts: dict[str, str] = {}
        for row in load_csv("concepts.csv"):
            concept = row.get("概念", "")
            for variant in re.split(r"[、，,；;]", row.get("同义说法", "")) + [concept]:
                if variant.strip():
                    self.concepts[normalize(variant.strip())] = concept
        self._phrase_concepts = {_phrase(v): c for v, c in self.concepts.items()}
        self._concept_pattern = re.compile("|".join(
            re.escape(v) for v in sorted(self.concepts, key=len, reverse=True))) if self.concepts else None
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        for term in self.domain_terms | set(self.concepts):
            if len(term) >= 2 and not re.search(r"[、，]", term):
                self._jieba.add_word(term, freq=2000)
        self._boilerplate: dict[str, bool] = {}

    def words(self, text: str) -> list[str]:
        """All jieba words of a text, after width normalisation."""
        return self._jieba.lcut(normalize(text), HMM=False)

    def tokens(self, text: str) -> list[str]:
        """Content tokens of a text: no boilerplate, punctuation or bare numbers.

        A phrase of the concept table (四张清单, 双随机、一公开) is one token, so that its words are not
        counted again one by one; concept_of() tells which concept it belongs to.
        """
        normal = normalize(text)
        spans = self.concept_spans(normal)
        out = [_phrase(normal[start:end]) for start, end, _ in spans]
        covered = [(start, end) for start, end, _ in spans]
        for word, start, end in self._jieba.tokenize(normal, HMM=False):
            if self.is_content(word) and not any(start < e and s < end for s, e in covered):
                out.append(word)
        return out

    def grams(self, text: str) -> set[str]:
        """Character bigrams of the Chinese runs of a text: robust where word segmentation differs
        (出庭应诉率 / 负责人出庭应诉, 政府法律顾问 / 法律顾问团)."""
        normal = normalize(text)
        return {run[i:i + 2] for run in _CJK_RUN.findall(normal) for i in range(len(run) - 1)}

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
        surprise = math.log(self._jieba.total / (self._jieba.FREQ.get(word, 0) + 1))
        return min(1.0, max(COMMON_FLOOR, (surprise - COMMON_FROM) / COMMON_SPAN))

    def is_rare(self, word: str) -> bool:
        """True for a word that general Chinese seldom uses (后评估, 倒查, 学时): a specific term."""
        return self._jieba.FREQ.get(word, 0) <= RARE_FREQ and len(word) >= 2 and not _DIGITS.match(word)

    def is_content(self, word: str) -> bool:
        """True for words that can tell one task from another."""
        if word in self.domain_terms or word in self._phrase_concepts:
            return True
        if len(word) < 2 or not _WORDLIKE.search(word) or _DIGITS.match(word):
            return False
        return not self._is_boilerplate(word)

    def _is_boilerplate(self, word: str) -> bool:
        """A stop word, or a compound jieba keeps whole but made only of stop words (严格执行, 贯彻落实)."""
        cached = self._boilerplate.get(word)
        if cached is None:
            cached = word in self.stopwords or _splits_into(word, self.stopwords)
            self._boilerplate[word] = cached
        return cached


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
    return Lexicon()


class Weights:
    """Inverse document frequency over sentences of a background corpus, lifted for domain terms."""

    def __init__(self, sentences: Iterable[tuple[Iterable[str], Iterable[str]]], lexicon: Lexicon,
                 tasks: Iterable[Iterable[str]] = ()) -> None:
        df: Counter[str] = Counter()
        gram_df: Counter[str] = Counter()
        count = 0
        for tokens, grams in sentences:
            count += 1
            df.update(set(tokens))
            gram_df.update(set(grams))
        self.gram_df = gram_df
        self.count = max(count, 1)
        self.df = df
        self.lexicon = lexicon
        self.domain_terms = lexicon.domain_terms
        # A word used by many tasks of the plan (决策, 重大行政决策) tells them apart poorly.
        task_df: Counter[str] = Counter()
        self.tasks = 0
        for tokens in tasks:
            self.tasks += 1
            task_df.update(set(tokens))
        self.task_df = task_df
        self._cache: dict[str, float] = {}
        # Rare incidental words should not outweigh the domain's own terms: cap plain words below them.
        self.cap = math.log((self.count + 1) / 3) + 1

    def gram(self, gram: str) -> float:
        """Weight of a character bigram: its inverse sentence frequency, nothing for the very common ones."""
        weight = self._cache.get("\0" + gram)
        if weight is None:
            share = self.gram_df.get(gram, 0) / self.count
            weight = 0.0 if share > COMMON_GRAM_SHARE else math.log((self.count + 1) / (self.gram_df.get(gram, 0) + 1))
            self._cache["\0" + gram] = weight
        return weight

    def __call__(self, token: str) -> float:
        weight = self._cache.get(token)
        if weight is None:
            idf = math.log((self.count + 1) / (self.df.get(token, 0) + 1)) + 1
            if token in self.domain_terms or self.lexicon.concept_of(token):
                weight = max(idf, DOMAIN_FLOOR * self.cap) * DOMAIN_LIFT
            else:
                weight = min(idf, self.cap) * self.lexicon.commonness(token)
            if self.tasks > 1:
                spread = math.log(1 + self.tasks / max(1, self.task_df.get(token, 0))) / math.log(1 + self.tasks)
                weight *= math.sqrt(spread)
            self._cache[token] = weight
        return weight
