"""Work told in other words (tracker/paraphrase.py) and the table learned from the corpus (tools/paraphrases.py)."""

from collections import Counter

import pytest

from tools.evaluate import squashed
from tools.paraphrases import MIN_FAMILIES, Counts, Learner, pointed_to
from tracker.paraphrase import Told, paraphrases

# 证明事项告知承诺制 done as 书面保证代替提交材料, 事后抽查核验 (a synonym-only trap of the corpus).
TABLE = {"告知承诺制": {"保证": 3.0, "核验": 2.5, "代替": 2.0}, "政务公开": {"张榜": 3.0, "公开栏": 2.5}}
TASKS = [frozenset({"告知承诺制", "证明事项"}), frozenset({"政务公开", "政府信息"})]


def test_a_sentence_using_several_words_of_a_task_in_other_words_tells_that_task():
    passages = [frozenset({"申请人", "保证", "代替", "材料", "核验"}), frozenset({"张榜", "公示"})]
    (margin, passage), (other, none) = Told(TASKS, TABLE).best(passages)
    assert passage == 0 and margin == pytest.approx(7.5)
    # One such word (张榜) is a coincidence, not another wording of the task.
    assert (other, none) == (0.0, None)


def test_a_sentence_that_fits_two_tasks_alike_tells_neither():
    passages = [frozenset({"保证", "代替", "张榜", "公开栏"})]
    (first, _), (second, _) = Told(TASKS, {**TABLE, "政务公开": {"张榜": 2.5, "公开栏": 2.5}}).best(passages)
    assert first == 0.0 and second == 0.0


def test_a_task_word_found_as_is_is_matched_directly_not_as_a_paraphrase():
    table = {"告知承诺制": {"证明事项": 4.0, "保证": 3.0}}
    passages = [frozenset({"证明事项", "保证"})]
    assert Told(TASKS[:1], table).best(passages) == [(0.0, None)]


def test_a_sentence_that_is_a_tasks_evidence_in_its_own_words_tells_no_other_task():
    from types import SimpleNamespace

    from tracker.assess import paraphrased_tasks

    # Passage 0 speaks of 政务公开 in its own words (matching claimed it); passage 1 is a plain sentence of work.
    tokens = [frozenset({"政务公开", "保证", "代替", "核验"}), frozenset({"申请人", "保证", "代替"})]
    index = SimpleNamespace(evidence=[True, True], tokens=tokens)
    told = Told(TASKS, TABLE)
    assert paraphrased_tasks({1: TASKS[0], 2: TASKS[1]}, index, told)[1] == (7.5, 0)
    assert paraphrased_tasks({1: TASKS[0], 2: TASKS[1]}, index, told, frozenset({0}))[1] == (5.0, 1)


def _family(pairs: dict, tasks: dict, words: dict, sentences: int) -> Counts:
    return Counts(Counter(pairs), Counter(tasks), Counter(words), sentences)


def test_a_pair_of_words_is_learned_only_from_several_families_and_only_when_much_likelier():
    families = {f"f{i}": _family({("告知承诺制", "保证"): 1, ("告知承诺制", "开展"): 1}, {"告知承诺制": 1},
                                 {"保证": 1, "开展": 50}, 100) for i in range(MIN_FAMILIES)}
    families["lone"] = _family({("政务公开", "张榜"): 1}, {"政务公开": 1}, {"张榜": 1}, 100)
    learner = Learner(families)
    table = learner.table()
    # 保证 is rare in report sentences but used wherever reviewers point for 告知承诺制; 开展 is everywhere.
    assert set(table) == {"告知承诺制"} and set(table["告知承诺制"]) == {"保证"}
    # One writer's habit (政务公开 → 张榜, one family) is not learned; held out, a family's own pairs do not count.
    assert learner.table(without="f0") == {}


def test_key_phrases_find_the_sentences_pointed_to():
    texts = [squashed(t) for t in ("以签署保证书代替 提交４类佐证材料。", "全年受理申请2867件。")]
    assert pointed_to(texts, ("代替提交", "不在此处")) == [0]


def test_the_shipped_table_holds_pairs_of_the_genre():
    table = paraphrases()
    assert len(table) > 100
    assert all(weight > 0 for words in table.values() for weight in words.values())


def _status(levels: tuple[str, ...], concrete: int, paraphrase: float) -> str:
    import numpy as np

    from tracker.assess import STATUS_CODES, Features, feature_matrix, statuses

    features = Features(levels=levels, hits=(None,) * len(levels), score=0.3 if concrete else 0.0,
                        concrete=concrete, support=concrete)
    codes, _ = statuses(feature_matrix([(features, ())]), np.array([paraphrase]))
    return STATUS_CODES[codes[0]].value


def test_a_sentence_in_other_words_lifts_a_task_only_where_the_report_does_not_call_it_undone():
    from tracker.assess import CONCRETE, ELSEWHERE, NONE, PARAPHRASE_FLOOR

    told = PARAPHRASE_FLOOR + 2
    # Nothing in the task's own words: a clear paraphrase makes it partial, for a reviewer to check...
    assert _status((NONE, NONE, NONE), 0, told) == "partial"
    # ...unless the report names the task and its measures only among its problems or plans (汤河县司法局 task 5).
    assert _status((ELSEWHERE, ELSEWHERE, NONE), 0, told) == "missing"
    # Some work with facts in its own words and the rest told in other words (包容审慎 as 首违不罚、免罚清单): done.
    assert _status((CONCRETE, NONE, NONE, NONE), 1, 0.0) == "partial"
    assert _status((CONCRETE, NONE, NONE, NONE), 1, told) == "done"
    # A weaker paraphrase keeps a task from missing, for a reviewer to check, but makes no partial task done.
    from tracker.assess import PARAPHRASE_PARTIAL

    hinted = (PARAPHRASE_PARTIAL + PARAPHRASE_FLOOR) / 2
    assert _status((NONE, NONE, NONE), 0, hinted) == "partial"
    assert _status((CONCRETE, NONE, NONE, NONE), 1, hinted) == "partial"
    # So does it where the task's words occur only in general sentences, which alone leave it missing (溪坪镇
    # task 3: its 权责清单 told as 职权运行目录, its 便民服务 as 一次性告知单 and 上门代跑).
    from tracker.assess import GENERAL

    assert _status((GENERAL, NONE, NONE, NONE), 0, 0.0) == "missing"
    assert _status((GENERAL, NONE, NONE, NONE), 0, hinted) == "partial"
