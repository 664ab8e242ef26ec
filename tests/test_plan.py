"""Plan parsing: the seed plans against their golden task tables, in every format an office receives."""

from pathlib import Path

import pytest
from builders import write_docx_auto_numbered, write_docx_paragraphs, write_docx_table, write_pdf
from conftest import golden

from tracker.assignments import named_units
from tracker.classify import load_plan
from tracker.ingest import read_document
from tracker.models import Document, Table
from tracker.plan import parse_plan
from tracker.plan_table import task_refs, task_title
from tracker.plan_text import text_tasks

PLANS = ["wulatezhong-2024-plan", "dalate-2022-plan"]
FIELDS = ("seq", "section", "title", "text", "lead_units", "units", "deadline", "targets")


def tasks_of(plan, fields=FIELDS):
    return [{k: v for k, v in task.items() if k in fields} for task in plan.to_dict()["tasks"]]


def expected(name, fields=FIELDS):
    return [{k: v for k, v in task.items() if k in fields} for task in golden(f"{name}.json")["tasks"]]


@pytest.mark.parametrize("name", PLANS)
def test_seed_plan_matches_golden(seeds_dir, name):
    plan = load_plan(seeds_dir / f"{name}.txt")
    assert plan.to_dict() == golden(f"{name}.json")


def test_wulatezhong_has_28_tasks_in_9_sections_with_units(seeds_dir):
    plan = load_plan(seeds_dir / "wulatezhong-2024-plan.txt")
    assert len(plan.tasks) == 28 and len(plan.sections) == 9
    first, eighth, last = plan.tasks[0], plan.tasks[7], plan.tasks[-1]
    assert first.no == "（一）" and first.title == "推进政府机构职能优化协同高效"
    assert first.lead_units == ("旗委编办",) and first.units == ("旗政府各部门", "各苏木镇政府")
    assert eighth.lead_units == () and eighth.units == ("旗政府各部门", "各苏木镇政府")
    # The closing paragraph (各地区、各部门要加强组织领导…) is not part of the last task.
    assert "各地区、各部门" not in last.text and "牵头单位" not in last.text
    assert [t.text for t in last.targets] == ["不少于60学时的业务知识和法律法规培训"]


def test_units_inherit_prefix_and_have_one_canonical_name(seeds_dir):
    plan = load_plan(seeds_dir / "wulatezhong-2024-plan.txt")
    assert plan.tasks[2].lead_units == ("旗发改委", "旗司法局", "旗政数局")
    # 依法治旗办 and 编办 in task 28 are the 旗委依法治旗办 and 旗委编办 of the other tasks.
    assert {"旗委依法治旗办", "旗委编办"} <= set(plan.tasks[27].lead_units)
    assert "中国人民银行乌拉特中旗支行" in plan.tasks[3].units
    groups = plan.group_names()
    assert {"旗政府各部门", "各苏木镇政府", "旗政府有关部门", "各苏木镇党委和政府"} <= groups
    assert "旗司法局" not in groups


def test_dalate_has_30_tasks_in_8_sections_without_cover_notice(seeds_dir):
    plan = load_plan(seeds_dir / "dalate-2022-plan.txt")
    assert len(plan.tasks) == 30 and len(plan.sections) == 8
    assert plan.title == "达拉特旗2022年法治政府建设工作计划" and plan.year == 2022 and plan.region == "达拉特旗"
    assert plan.tasks[19].deadline == "年内；12月31日之前"
    assert [(t.metric, t.value) for t in plan.tasks[19].targets] == [("出庭应诉率", 98.0), ("化解", 98.0)]
    assert plan.tasks[27].deadline == "3月1日之前；4月1日之前"


@pytest.mark.parametrize("name", PLANS)
def test_gb18030_text_gives_the_same_tasks(seeds_dir, tmp_path, name):
    text = (seeds_dir / f"{name}.txt").read_text(encoding="utf-8")
    path = tmp_path / f"{name}.txt"
    path.write_bytes(text.encode("gb18030"))
    assert tasks_of(load_plan(path)) == expected(name)


@pytest.mark.parametrize("name", PLANS)
def test_docx_paragraphs_give_the_same_tasks(seeds_dir, tmp_path, name):
    lines = (seeds_dir / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    path = write_docx_paragraphs(lines, tmp_path / f"{name}.docx")
    assert tasks_of(load_plan(path)) == expected(name)


def test_docx_with_word_automatic_numbering_gives_the_same_tasks(seeds_dir, tmp_path):
    from tracker.text import clean_text

    paragraphs = clean_text((seeds_dir / "dalate-2022-plan.txt").read_text(encoding="utf-8"))
    path = write_docx_auto_numbered(paragraphs, tmp_path / "auto.docx")
    assert tasks_of(load_plan(path)) == expected("dalate-2022-plan")


@pytest.mark.parametrize("name", PLANS)
def test_docx_table_gives_the_same_tasks_and_units(tmp_path, name):
    path = write_docx_table(golden(f"{name}.json")["tasks"], tmp_path / f"{name}-table.docx", title="工作任务分解表")
    assert tasks_of(load_plan(path)) == expected(name)


@pytest.mark.parametrize("name", PLANS)
def test_pdf_gives_the_same_tasks(seeds_dir, tmp_path, name):
    lines = (seeds_dir / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    path = write_pdf(lines, tmp_path / f"{name}.pdf", header="法治政府建设工作计划")
    assert tasks_of(load_plan(path)) == expected(name)


@pytest.mark.parametrize("name", PLANS)
def test_excel_task_table_round_trips(seeds_dir, tmp_path, runner, name):
    from tracker.cli import cli

    xlsx = tmp_path / "tasks.xlsx"
    result = runner.invoke(cli, ["parse", str(seeds_dir / f"{name}.txt"), "-o", str(xlsx)])
    assert result.exit_code == 0, result.output
    again = load_plan(xlsx)
    assert tasks_of(again, FIELDS + ("no",)) == expected(name, FIELDS + ("no",))


def test_units_on_lines_of_their_own_and_measures_stay_in_their_task():
    paragraphs = [
        "一、深化行政执法体制改革",
        "（一）推进综合行政执法。",
        "1.梳理综合行政执法事项清单，年底前向社会公布。",
        "2.加强苏木镇综合行政执法队伍建设，配备执法人员不少于3名。",
        "牵头单位：旗司法局、编办",
        "配合单位：各苏木镇政府",
        "（二）规范行政复议工作。推进行政复议规范化建设。",
        "牵头单位：旗司法局",
        "完成时限：2025年9月底前",
    ]
    document = Document(path="plan.txt", format="txt", blocks=tuple(paragraphs))
    plan = parse_plan(document)
    assert [t.no for t in plan.tasks] == ["（一）", "（二）"]
    first, second = plan.tasks
    assert first.text.splitlines()[1:] == ["1.梳理综合行政执法事项清单，年底前向社会公布。",
                                          "2.加强苏木镇综合行政执法队伍建设，配备执法人员不少于3名。"]
    assert first.lead_units == ("旗司法局", "旗编办") and first.units == ("各苏木镇政府",)
    assert first.deadline == "年底前"
    assert second.deadline == "2025年9月底前"


def test_units_named_with_their_role_and_no_label():
    paragraphs = [
        "一、深入推进依法行政",
        "1.加强行政复议工作，全年办案不少于20件。（县司法局牵头，公安局、市监局配合，2025年6月底前完成）",
        "2.推进综合执法（含乡镇综合行政执法）。（责任单位：县司法局牵头，各乡镇按职责分工负责）",
        "3.加强执法监督。（县司法局负责，长期坚持）",
        "4.规范行政复议工作。",
        "责任单位：县司法局（牵头）、县政府办，乡镇人民政府按职责分工分别负责。",
    ]
    plan = parse_plan(Document(path="plan.txt", format="txt", blocks=tuple(paragraphs)))
    first, second, third, fourth = plan.tasks
    assert first.text == "加强行政复议工作，全年办案不少于20件。"
    assert first.lead_units == ("县司法局",) and first.units == ("县公安局", "县市监局")
    assert first.deadline == "2025年6月底前完成"
    assert second.text == "推进综合执法（含乡镇综合行政执法）。"
    assert second.lead_units == ("县司法局",) and second.units == ("各乡镇",)
    assert third.lead_units == ("县司法局",) and third.units == () and third.deadline == "长期坚持"
    assert fourth.lead_units == ("县司法局",) and fourth.units == ("县政府办", "乡镇人民政府")
    assert {u.name: u.group for u in plan.units}["乡镇人民政府"]


def test_unit_names_alone_in_brackets_close_a_task_but_do_not_gloss_a_unit():
    # 泾阳旗's 工作要点 (tests/corpus/unseen-jingyang-2025): "…对接。（旗政务服务局）" beside "（牵头单位：…）".
    paragraphs = [
        "一、深化政府职能转变",
        "1.推进公共数据有序共享开放，编制公共数据资源目录并与盟级数据共享交换平台对接。（旗政务服务局）",
        "2.落实公平竞争审查制度。（牵头单位：旗市场监管局；责任单位：旗直各有关部门）",
        "3.推进政务公开标准化规范化（旗人民政府办公室、旗财政局）",
        "4.各单位于12月10日前将落实情况报送旗委全面依法治旗委员会办公室（旗司法局）。",
    ]
    first, second, third, fourth = parse_plan(Document(path="plan.txt", format="txt", blocks=tuple(paragraphs))).tasks
    assert first.text.endswith("平台对接。") and first.lead_units == ("旗政务服务局",)
    assert second.lead_units == ("旗市场监管局",) and second.units == ("旗直各有关部门",)
    assert third.text == "推进政务公开标准化规范化" and {*third.lead_units, *third.units} == {"旗人民政府办公室", "旗财政局"}
    assert fourth.text.endswith("（旗司法局）。") and not fourth.lead_units and not fourth.units


def test_units_given_to_a_part_hold_for_its_tasks_without_their_own():
    paragraphs = [
        "一、深化“放管服”改革（牵头单位：县政数局）",
        "1.推行告知承诺制。全面推行证明事项告知承诺制。",
        "2.推进一网通办。政务服务事项网上可办率达到95%。（责任单位：县政数局、县市监局）",
        "二、严格规范公正文明执法（牵头单位：县司法局；完成时限：2025年底）",
        "3.加强执法培训。执法人员培训不少于40学时。（牵头单位：县人社局）",
    ]
    plan = parse_plan(Document(path="plan.txt", format="txt", blocks=tuple(paragraphs)))
    assert [t.section for t in plan.tasks] == ["一、深化“放管服”改革"] * 2 + ["二、严格规范公正文明执法"]
    assert [(t.lead_units, t.units) for t in plan.tasks] == [
        (("县政数局",), ()), (("县政数局",), ("县市监局",)), (("县人社局",), ())]
    assert plan.tasks[2].deadline == "2025年底"


def test_table_unit_column_with_roles(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["序号", "工作任务", "具体措施", "责任单位"])
    workbook.active.append([1, "加强行政规范性文件管理", "严格落实合法性审核制度。", "县司法局牵头，县政府各部门配合"])
    workbook.save(tmp_path / "表.xlsx")
    task = load_plan(tmp_path / "表.xlsx").tasks[0]
    assert task.lead_units == ("县司法局",) and task.units == ("县政府各部门",)


def test_tasks_under_subsections_take_the_lowest_level_with_work_text():
    paragraphs = [
        "一、总体要求",
        "（一）加强组织领导",
        "1.健全工作机制。建立联席会议制度，定期研究解决重大问题。",
        "2.压实工作责任。各部门主要负责人履行第一责任人职责。",
        "（二）强化督促检查",
        "1.开展专项督察。对重点任务落实情况开展督察，通报结果。",
    ]
    rows = text_tasks(paragraphs)
    assert [(r.no, r.section) for r in rows] == [("1", "一、总体要求"), ("2", "一、总体要求"), ("1", "一、总体要求")]


def test_a_title_over_one_paragraph_of_numbered_measures_is_the_task():
    # 白水县水利局 (tests/corpus/unseen-baishui-slj-2025): 1.… title lines, each over one paragraph （1）…；（2）…
    # closed by its 股室. A （1） that never goes past the first in its part numbers measures, not a task.
    paragraphs = [
        "一、坚持党对水利法治建设的全面领导",
        "1.压实法治建设第一责任人职责",
        "（1）局党组书记、局长切实履行推进法治建设第一责任人职责；（2）将法治建设纳入各股室年度目标考核。"
        "（责任股室：办公室、政策法规股）",
        "2.深入学习贯彻习近平法治思想",
        "（1）将习近平法治思想列入局党组理论学习中心组年度学习计划；（2）落实局务会会前学法制度。"
        "（责任股室：办公室）",
    ]
    rows = text_tasks(paragraphs)
    assert [(r.no, r.title) for r in rows] == [("1", "压实法治建设第一责任人职责"), ("2", "深入学习贯彻习近平法治思想")]
    assert "（2）落实局务会会前学法制度" in rows[1].text and rows[1].units == ["办公室"]


def test_a_text_column_merged_down_over_another_names_sections():
    # 栗山镇 (tests/corpus/unseen-lishan-zhen-2025): 工作内容 merged down over two or three rows of 具体措施, each row a
    # task; the 工作内容 had been joined to every task's title. 责任办公室 names the town's offices.
    header = ("序号", "工作内容", "具体措施", "责任办公室", "时间节点")
    rows = (header,
            ("1", "一、加强党对法治政府建设的领导", "压实法治建设第一责任人职责。镇党委每年专题研究法治政府建设工作不少于2次。",
             "党政综合办公室", "2025年12月底前"),
            ("2", "一、加强党对法治政府建设的领导", "推动领导干部带头尊法学法守法用法。落实镇党委理论学习中心组学法制度。",
             "党政综合办公室、司法所", "全年"),
            ("3", "二、依法全面履行政府职能", "推进便民服务“一窗通办”。梳理并公布镇级政务服务事项清单。", "便民服务中心",
             "2025年6月底前"),
            ("4", "二、依法全面履行政府职能", "动态调整镇级权责清单。对照县级下放事项目录动态调整镇级权责清单。",
             "党政综合办公室、综合行政执法队", "2025年9月底前"))
    plan = parse_plan(Document(path="p.docx", format="docx", blocks=(Table(rows=rows),)))
    assert [(t.section, t.title) for t in plan.tasks] == [
        ("一、加强党对法治政府建设的领导", "压实法治建设第一责任人职责"),
        ("一、加强党对法治政府建设的领导", "推动领导干部带头尊法学法守法用法"),
        ("二、依法全面履行政府职能", "推进便民服务“一窗通办”"), ("二、依法全面履行政府职能", "动态调整镇级权责清单")]
    assert plan.tasks[2].lead_units == ("便民服务中心",)


def test_an_annex_gives_units_to_ranges_of_task_numbers():
    # tests/plans/forms-a/a5.docx: no units in the text; the annex 重点任务分工表 gives them by 1-3, 第4至6项, 7.
    paragraphs = ("1．推进政府机构职能优化协同高效。①深化机构改革；②规范机构编制管理。",
                  "2．深化行政审批制度改革。①推行告知承诺制；②压减审批时限。",
                  "3．强化事中事后监管。①推行双随机抽查；②健全信用监管。",
                  "4．加强行政规范性文件管理。①严格合法性审核；②开展集中清理。",
                  "5．严格重大行政决策程序。①公布决策事项目录；②开展后评估。", "附件", "重点任务分工表")
    annex = Table(rows=(("任务序号", "牵头单位", "配合单位"), ("1-3", "县委编办", "县行政审批局、县市场监管局"),
                        ("第4至5项", "县司法局", "县政府办公室")))
    plan = parse_plan(Document(path="p.docx", format="docx", blocks=(*paragraphs, annex)))
    assert [t.lead_units for t in plan.tasks] == [("县委编办",)] * 3 + [("县司法局",)] * 2
    assert plan.tasks[4].units == ("县政府办公室",)


def test_an_annex_gives_units_to_decimal_task_numbers_and_its_rows_are_no_tasks():
    # 汝阳县医保局 (tests/corpus/unseen-ruyang-ybj-2025): tasks 1.1, 1.2, 2.1 …, units by 1.1-1.2 | 办公室 | …; the row
    # 2.4 | 医药服务管理股 | … had been read as a task of its own, and no task had units.
    paragraphs = ("1 加强党的领导", "1.1 深入学习贯彻习近平法治思想。全年开展专题学习不少于4次。",
                  "1.2 压实法治建设第一责任人职责。年底前书面述法。", "2 依法全面履行职能",
                  "2.1 巩固全民参保成果。参保率达到95%以上。", "2.2 严格执行待遇清单制度。开展政策清理。", "附件：任务分工")
    annex = Table(rows=(("任务序号", "牵头股室", "配合股室"), ("1.1-1.2", "办公室", "各股室"),
                        ("2.1", "待遇保障股", "县医疗保障服务中心"), ("2.2", "医药服务管理股", "基金监管股")))
    plan = parse_plan(Document(path="p.docx", format="docx", blocks=(*paragraphs, annex)))
    assert [t.no for t in plan.tasks] == ["1.1", "1.2", "2.1", "2.2"]
    assert [t.lead_units for t in plan.tasks] == [("办公室",), ("办公室",), ("待遇保障股",), ("医药服务管理股",)]
    from tracker.assignments import decimal_cell

    assert decimal_cell("2.1-2.3、3.1") == ["2.1", "2.2", "2.3", "3.1"] and decimal_cell("2.1-3.5") is None


def test_a_table_after_each_part_gives_units_to_its_tasks_by_label():
    # 春华街道 (tests/corpus/unseen-chunhua-jd-2025): 任务 | 责任科室 | 完成时限 with rows （一） | 党政办公室 | … after
    # each part. No task had units, and the table's rows had been read into the last task's text.
    blocks = ("一、加强党对法治建设的领导", "（一）压实法治建设第一责任人职责。党工委会议每季度至少专题研究1次法治建设。",
              "（二）严格重大事项合法性审查。重大决策提交司法所合法性审查。",
              Table(rows=(("任务", "责任科室", "完成时限"), ("（一）", "党政办公室", "2025年12月底前"),
                          ("（二）", "司法所、党政办公室", "长期坚持"))),
              "二、推进依法履职", "（三）规范街道综合行政执法行为。全年开展执法案卷评查不少于2次。",
              Table(rows=(("任务", "责任科室", "完成时限"), ("（三）", "综合行政执法队", "2025年11月底前"))))
    plan = parse_plan(Document(path="p.docx", format="docx", blocks=blocks))
    assert [(t.no, t.lead_units or t.units, t.deadline) for t in plan.tasks] == [
        ("（一）", ("党政办公室",), "2025年12月底前"), ("（二）", ("司法所", "党政办公室"), "长期坚持"),
        ("（三）", ("综合行政执法队",), "2025年11月底前")]
    assert "责任科室" not in plan.tasks[1].text


def test_units_named_inside_a_tasks_sentences():
    # tests/plans/forms-c/c1.docx: no unit clause; the task's text says who leads and who helps.
    from tracker.assignments import inline_units

    found = inline_units("…进一步压减办理环节。该项工作由旗政务服务与数据管理局牵头，旗发展和改革委员会、旗市场监督管理局、"
                         "各苏木镇人民政府配合，2025年6月底前完成清单动态调整。")
    assert found.lead == ["旗政务服务与数据管理局"]
    assert found.responsible == ["旗发展和改革委员会", "旗市场监督管理局", "各苏木镇人民政府"]
    found = inline_units("…依法保护民营企业合法权益。此项任务由旗市场监督管理局牵头负责，旗司法局、旗工商业联合会协同推进。")
    assert found.lead == ["旗市场监督管理局"] and found.responsible == ["旗司法局", "旗工商业联合会"]


def test_units_in_brackets_between_number_and_title():
    # tests/plans/forms-d/d2.pdf: the bracket's units ran on into the task's text (区数据局】持续优化…, as a unit).
    paragraphs = ["一、持续深化政府职能转变",
                  "（一）【牵头单位：区委编办；配合单位：区司法局、区数据局】持续优化政府机构职能体系。严格落实权责清单制度。",
                  "（二）【强化组织领导】健全法治政府建设领导体制。（牵头单位：区司法局）"]
    rows = text_tasks(paragraphs)
    assert rows[0].title == "持续优化政府机构职能体系"
    assert rows[0].lead == ["区委编办"] and rows[0].units == ["区司法局", "区数据局"]
    assert rows[1].lead == ["区司法局"] and "强化组织领导" in rows[1].text  # a bracketed title stays the task's


def test_a_label_of_leaders_names_no_units():
    # The same rule as for columns, in a task's unit clause: 牵头领导：副县长张三 had made a person a lead unit, and
    # 责任领导：… had run on into the 牵头单位 before it.
    from tracker.assignments import split_assignment

    _, assigned = split_assignment("深化改革。（牵头单位：县司法局；牵头领导：副县长张三；责任单位：县法院）")
    assert (assigned.lead, assigned.responsible) == (["县司法局"], ["县法院"])
    _, assigned = split_assignment("深化改革。（牵头单位：县司法局；责任领导：副县长张三）")
    assert assigned.lead == ["县司法局"]


def test_clauses_of_a_parts_paragraph_each_closed_by_units_are_its_tasks():
    # 永宁县 (tests/corpus/unseen-yongning-2025): under each part, paragraphs of 一是…（…牵头，…配合）；二是…（…）, counted
    # afresh in each paragraph. The part had been read as one task.
    paragraphs = [
        "一、依法全面履行政府职能",
        "一是深化“放管服”改革，全程网办率达到90%以上（县政数局牵头，县直各部门配合）；二是严格落实公平竞争审查制度，"
        "2025年6月底前完成存量政策措施清理（县市场监管局牵头，县发改局配合）。",
        "一是推行包容审慎监管，制定并公布不予行政处罚事项清单（县司法局牵头，县市场监管局配合）。",
        "二、健全依法行政制度体系",
        "一是规范重大行政决策程序，编制并公布年度重大行政决策事项目录（县政府办牵头，县司法局配合）；二是发挥法律顾问作用，"
        "法律顾问配备率达到100%（县司法局牵头）。",
    ]
    rows = text_tasks(paragraphs)
    assert [r.no for r in rows] == ["一是", "二是", "一是", "一是", "二是"]
    assert [r.title[:6] for r in rows] == ["深化“放管服", "严格落实公平", "推行包容审慎", "规范重大行政", "发挥法律顾问"]
    assert rows[1].lead == ["县市场监管局"] and "2025年6月底前完成存量政策措施清理" in rows[1].text
    assert rows[0].section == "一、依法全面履行政府职能" and "全程网办率达到90%以上" in rows[0].text
    assert rows[4].section == "二、健全依法行政制度体系" and rows[4].lead == ["县司法局"]


def test_a_tasks_ordinal_in_bold_brackets_is_its_number():
    # 长乐镇 (tests/corpus/unseen-changle-zhen-2025): 【任务一】深入学习… had been titled 任务一.
    rows = text_tasks(["【任务一】深入学习贯彻习近平法治思想", "【工作内容】坚持镇政府常务会议会前学法制度。",
                       "【责任单位】党政办（牵头）、各村", "【任务二】推进镇级合法性审核全覆盖",
                       "【工作内容】合法性审核率达到100%。", "【责任单位】司法所（牵头）", "【量化指标】审核合同不少于20件"])
    assert [(r.no, r.title) for r in rows] == [("任务一", "深入学习贯彻习近平法治思想"), ("任务二", "推进镇级合法性审核全覆盖")]
    assert rows[0].lead == ["党政办"] and rows[1].lead == ["司法所"]
    # The target field after the units, in brackets as the other fields, is the task's.
    assert rows[1].text.endswith("审核合同不少于20件")


def test_units_closing_each_measure_of_a_paragraph_are_the_tasks_and_the_measures_stay():
    # tests/corpus/unseen-shuangqiao-jd-2025: 一是…（责任单位：党政办）；二是…（责任单位：党政办、司法所）. The first bracket
    # had been read as the task's unit clause to the paragraph's end: the second measure became "units".
    from tracker.assignments import split_assignment

    body, assigned = split_assignment("（七）加强行政执法队伍建设。一是组织执法人员参加执法业务培训，人均不少于40学时（责任单位："
                                      "综合执法队）；二是严格执法人员资格管理，持证上岗率达到100%（责任单位：综合执法队、各村（社区））。")
    assert body == ("（七）加强行政执法队伍建设。一是组织执法人员参加执法业务培训，人均不少于40学时；"
                    "二是严格执法人员资格管理，持证上岗率达到100%。")
    assert assigned.responsible == ["综合执法队", "综合执法队", "各村（社区）"]
    _, single = split_assignment("加强队伍建设。一是培训；二是持证上岗。（牵头单位：县司法局；责任单位：各乡镇）")
    assert (single.lead, single.responsible) == (["县司法局"], ["各乡镇"])


def test_a_column_of_leaders_is_no_column_of_units():
    # tests/plans/forms-e/e1.docx: 牵头领导 names persons (副县长 周怀远); the task's lead is the 牵头单位.
    header = ("序号", "目标任务", "工作措施", "牵头领导", "牵头单位", "责任单位", "完成时限")
    rows = (header,
            ("1-1", "深化“放管服”改革", "动态调整政务服务事项目录。", "县委常委、常务副县长周怀远", "县政务服务中心",
             "县发展改革局、县市场监管局", "2025年6月底前"),
            ("1-2", "规范权责清单管理", "对部门权责清单开展动态调整。", "副县长 林书成", "县委编办", "县司法局", "2025年9月底前"))
    plan = parse_plan(Document(path="p.docx", format="docx", blocks=(Table(rows=rows),)))
    assert [t.lead_units for t in plan.tasks] == [("县政务服务中心",), ("县委编办",)]


def test_unit_lines_written_before_their_tasks_are_theirs():
    # tests/plans/forms-f/f3.docx: 责任股室：… stands before each task; every task had the next one's units.
    paragraphs = ["一、提升依法履职能力", "责任股室：办公室（牵头）、法规股",
                  "1. 全面落实领导干部学法制度。坚持局党组理论学习中心组集体学法。", "责任股室：执法大队（牵头）、法规股、办公室",
                  "2. 加强执法队伍专业化建设。开展执法人员专题培训。", "责任股室：登记注册股（牵头）",
                  "3. 推进登记注册便利化。推行经营主体登记全程网办。",
                  "二、规范行政执法行为", "责任股室：法规股（牵头）、执法大队",
                  "4. 严格落实行政执法“三项制度”。在局门户网站公示执法信息。", "责任股室：执法大队（牵头）",
                  "5. 规范行政处罚自由裁量权。对照省级基准细化裁量标准。", "责任股室：法规股（牵头）",
                  "6. 加强行政执法监督。开展案卷评查两次。"]
    rows = text_tasks(paragraphs)
    assert [(r.no, r.lead) for r in rows] == [("1", ["办公室"]), ("2", ["执法大队"]), ("3", ["登记注册股"]),
                                             ("4", ["法规股"]), ("5", ["执法大队"]), ("6", ["法规股"])]


def test_a_unit_cell_that_labels_its_units():
    # tests/plans/forms-f/f2.pdf: 责任单位 cells of two lines 牵头：… / 配合：…, run together by the PDF.
    header = ("序号", "重点任务", "具体措施", "责任单位", "完成时限")
    rows = (header, ("1", "完善依法行政制度体系", "1.开展规范性文件清理。2.健全合法性审核机制。",
                     "牵头：区司法局配合：区政府办公室、区市场监管局", "2025年12月底前"),
            ("2", "规范重大行政决策程序", "1.公布决策事项目录。2.开展决策后评估。", "牵头：区政府办公室\n配合：区司法局", "全年"))
    plan = parse_plan(Document(path="p.pdf", format="pdf", blocks=(Table(rows=rows),)))
    assert [(t.lead_units, t.units) for t in plan.tasks] == [
        (("区司法局",), ("区政府办公室", "区市场监管局")), (("区政府办公室",), ("区司法局",))]


def test_plans_written_to_be_read_are_read():
    # tests/plans: plans in forms written blind by helpers, each with the tasks a reader finds in it. Every task is
    # found, in order, with its title; units as the reader lists them, but where the plan marks no lead (a2.pdf:
    # 责任单位 only), where a PDF cell is cut (b3.pdf) and where units are named in sentences (c1.docx, 10 of 12
    # leads).
    from tools.plans import compare, forms

    for path, expected in forms():
        counts = compare(expected, load_plan(path).tasks)
        assert counts["parsed"] == counts["tasks"] == counts["title"], (path.name, counts)
        # c1: units also in a second clause (…会同…); d4: a task given to one 处室 alone, which tracker makes its lead.
        if path.name not in ("a2.pdf", "b3.pdf", "c1.docx", "d4.html"):
            assert counts["lead"] == counts["units"] == counts["tasks"], (path.name, counts)


def test_a_unit_line_for_the_tasks_above_gives_each_its_units():
    # 蓼滩区 (tests/corpus/unseen-liaotan-2025): one-sentence numbered tasks, and after each part 以上任务牵头单位：…
    # The line says the items above are tasks: the parts were taken for the tasks, with 4 of 24 read.
    paragraphs = [
        "一、加强党对法治政府建设的全面领导",
        "1. 深入学习贯彻习近平法治思想，将其列入区政府常务会议会前学法和干部教育培训必修内容。",
        "2. 压实党政主要负责人履行推进法治建设第一责任人职责，组织开展年终述法。",
        "以上任务牵头单位：区委依法治区办、区司法局，责任单位：各街道、区直各部门",
        "二、依法全面履行政府职能",
        "3. 深化“放管服”改革，动态调整区级政府部门权责清单。",
        "4. 落实公平竞争审查制度，开展存量政策措施清理。（牵头单位：区市场监管局）",
        "以上任务牵头单位：区发展改革局，责任单位：各街道、区直各部门",
    ]
    rows = text_tasks(paragraphs)
    assert [(r.no, r.section) for r in rows] == [("1", "一、加强党对法治政府建设的全面领导"),
                                                 ("2", "一、加强党对法治政府建设的全面领导"),
                                                 ("3", "二、依法全面履行政府职能"), ("4", "二、依法全面履行政府职能")]
    assert rows[1].lead == ["区委依法治区办", "区司法局"] and rows[1].units == ["各街道", "区直各部门"]
    assert "以上任务" not in rows[1].text
    # A task that names its own units keeps them.
    assert rows[2].lead == ["区发展改革局"] and rows[3].lead == ["区市场监管局"]


def test_a_unit_line_under_a_part_heading_that_says_it_holds_for_the_part():
    # 金光经开区 (tests/corpus/unseen-jinguang-kfq-2025): 本部分牵头单位：…；参与单位：… under each part heading; its
    # lead was dropped as if 本部分 were the end of a sentence before the label.
    paragraphs = [
        "一、坚持依法决策，健全依法行政制度体系",
        "本部分牵头单位：党政办公室；参与单位：经济发展局、规划建设局",
        "（1）深入学习贯彻习近平法治思想。将习近平法治思想纳入党工委理论学习中心组年度学习计划。",
        "（2）加强行政规范性文件合法性审核。严格落实规范性文件起草、审核、备案全流程管理。",
        "（3）充分发挥法律顾问作用。推动法律顾问参与重大合同、招商引资协议的合法性审查。",
        "二、聚焦企业需求，持续优化法治化营商环境",
        "本部分牵头单位：营商环境服务中心；参与单位：各街道",
        "（1）深化“高效办成一件事”改革。围绕企业开办、项目建设等重点领域推出一批集成化办理事项。",
        "（2）推行涉企“综合查一次”。统筹制定年度涉企行政检查计划，推行跨部门联合检查。",
    ]
    rows = text_tasks(paragraphs)
    assert [r.no for r in rows] == ["（1）", "（2）", "（3）", "（1）", "（2）"]
    assert all(r.lead == ["党政办公室"] and r.units == ["经济发展局", "规划建设局"] for r in rows[:3])
    assert rows[4].lead == ["营商环境服务中心"] and rows[4].units == ["各街道"]
    assert all("本部分" not in r.text for r in rows)


def test_a_plan_split_by_unit_gives_each_part_heading_unit_to_its_tasks():
    # 查干旗 (tests/corpus/unseen-chagan-qi-2025): each part heading is the unit in charge (一、旗司法局) and the tasks
    # under it are numbered 1. 2. again in each part; the parts had been read as the plan's five tasks.
    paragraphs = [
        "一、旗司法局",
        "1. 畅通行政复议渠道，充分发挥行政复议化解行政争议主渠道作用。推行案件繁简分流，加大调解和解力度。",
        "2. 加强行政规范性文件监督管理，严格落实合法性审核和备案审查制度。（配合单位：旗政府办公室）",
        "二、旗政务服务和数据管理局",
        "1. 推进政务服务“一网通办”，依托“蒙速办”平台拓展掌上办理事项。",
        "2. 推行“高效办成一件事”，梳理发布重点事项清单，推动跨部门、跨层级联办。",
        "三、各苏木镇人民政府",
        "1. 推进嘎查村（社区）法律顾问全覆盖，每个嘎查村（社区）每月至少提供一次驻点法律服务。",
        "2. 加强人民调解组织建设，推广“马背调解”工作模式，常态化开展矛盾纠纷排查化解。",
    ]
    rows = text_tasks(paragraphs)
    assert [(r.no, r.section) for r in rows] == [("1", "一、旗司法局"), ("2", "一、旗司法局"),
                                                 ("1", "二、旗政务服务和数据管理局"), ("2", "二、旗政务服务和数据管理局"),
                                                 ("1", "三、各苏木镇人民政府"), ("2", "三、各苏木镇人民政府")]
    assert rows[0].lead == ["旗司法局"] and rows[4].lead == ["各苏木镇人民政府"]
    # A task that names only the unit helping it is still led by its part's unit.
    assert rows[1].lead == ["旗司法局"] and rows[1].units == ["旗政府办公室"]


def test_a_heading_is_a_unit_only_when_it_says_whose():
    assert named_units("旗市场监督管理局").lead == ["旗市场监督管理局"]
    assert named_units("法规科、办公室：").lead == ["法规科", "办公室"]
    # 规范财政权力运行 ends like 银行 and 推动各行政执法部门… holds a group's name: neither is a unit heading.
    assert named_units("规范财政权力运行") is None
    assert named_units("全面落实行政执法“三项制度”。推动各行政执法部门严格规范执法行为") is None


def test_a_line_after_a_part_that_gives_units_to_its_tasks_by_label():
    # 金丰县 / 铁柱旗 (tests/corpus/unseen-jinfeng-2025, unseen-tiezhu-qi-2025): no task names its units; a line
    # after each part gives them by the tasks' labels, lists and ranges of them. Every task had been read without units.
    paragraphs = [
        "一、依法全面履行政府职能",
        "（一）深化政务服务“一网通办”。推动高频事项全程网办。",
        "（二）落实公平竞争审查制度。对新出台政策措施应审尽审。",
        "（三）推行包容审慎监管。制定不予处罚事项清单。",
        "本部分任务分工：（一）由县政数局牵头，县直各部门配合；（二）（三）由县市场监管局牵头，县司法局配合。",
        "二、严格规范公正文明执法",
        "（一）全面落实行政执法“三项制度”。推动执法信息公示。",
        "（二）加强执法人员培训。每人每年培训不少于60学时。",
        "以上第（一）至（二）项由县司法局牵头，县直各行政执法部门配合。",
    ]
    rows = text_tasks(paragraphs)
    assert [r.lead for r in rows] == [["县政数局"], ["县市场监管局"], ["县市场监管局"], ["县司法局"], ["县司法局"]]
    assert rows[1].units == ["县司法局"] and rows[4].units == ["县直各行政执法部门"]
    assert all("分工" not in r.text and "以上" not in r.text for r in rows)


def test_tasks_named_with_a_longer_name_and_their_ordinal_are_tasks():
    # 横岭县农业农村局 (tests/corpus/unseen-hengyang-nyj-2025): 重点任务一：… / 主要措施：… / 责任股室：… records under
    # 一、 parts; only a two-character name (任务一：, 专项二：) had numbered a task, and the three parts were read as tasks.
    paragraphs = [
        "一、强化法治建设组织保障",
        "重点任务一：深入学习贯彻习近平法治思想",
        "主要措施：将习近平法治思想纳入局党组理论学习中心组年度学习计划，全年会前学法不少于4次。",
        "责任股室：办公室（牵头）、政策法规股",
        "重点任务二：压实法治建设第一责任人职责",
        "主要措施：局党组会议每年专题研究法治政府建设工作不少于2次。",
        "责任股室：办公室（牵头）",
        "二、严格规范公正文明执法",
        "重点任务三：全面落实行政执法“三项制度”",
        "主要措施：推行执法公示、执法全过程记录和重大执法决定法制审核。",
        "责任股室：县农业综合行政执法大队（牵头）、政策法规股",
        "考核指标：农业行政执法案卷合格率95%以上",
    ]
    rows = text_tasks(paragraphs)
    assert [r.title for r in rows] == ["深入学习贯彻习近平法治思想", "压实法治建设第一责任人职责", "全面落实行政执法“三项制度”"]
    assert rows[2].lead == ["县农业综合行政执法大队"] and rows[2].units == ["政策法规股"]
    # Its 考核指标： line is its target, as a 量化指标： line is.
    assert "农业行政执法案卷合格率95%以上" in rows[2].text


def test_and_between_units_splits_only_where_both_sides_are_units():
    paragraphs = ["（一）完善制度。推进制度建设。（牵头单位：旗司法局及政府其他部门；责任单位：各苏木镇党委和政府）"]
    plan = parse_plan(Document(path="p.txt", format="txt", blocks=tuple(paragraphs)))
    assert plan.tasks[0].lead_units == ("旗司法局", "旗政府其他部门")
    assert plan.tasks[0].units == ("各苏木镇党委和政府",)


def test_task_title_is_the_heading_sentence():
    assert task_title("加强行政复议工作。宣传贯彻《行政复议法》。") == "加强行政复议工作"
    long = "围绕优化营商环境，" + "持续深化放管服改革" * 6 + "。其他。"
    assert task_title(long) == "围绕优化营商环境"
    # 汉江市生态环境局 (tests/corpus/unseen-hanjiang-sthj-2025): a phrase and a colon open the task.
    assert task_title("深化环境信息公开：主动公开环评审批、排污许可等环境信息；规范依申请公开。") == "深化环境信息公开"
    assert task_title("全面落实行政执法“三项制度”：严格落实行政执法公示制度，执法信息按时公示；") == "全面落实行政执法“三项制度”"


def test_read_document_keeps_docx_tables_in_order(tmp_path):
    path = write_docx_table(golden("wulatezhong-2024-plan.json")["tasks"][:2], tmp_path / "t.docx", title="标题")
    document = read_document(path)
    assert document.blocks[0] == "标题"
    assert document.blocks[1].rows[0][:2] == ("序号", "工作任务")


def test_excel_task_breakdown_with_two_header_rows_and_merged_cells(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["某某旗2025年法治政府建设工作任务分解表"])
    sheet.merge_cells("A1:F1")
    sheet.append(["序号", "工作任务", "具体措施", "责任单位", None, "完成时限"])
    sheet.append([None, None, None, "牵头单位", "配合单位", None])
    for col in "ABCF":
        sheet.merge_cells(f"{col}2:{col}3")
    sheet.merge_cells("D2:E2")
    sheet.append(["一、健全依法行政制度体系"])
    sheet.merge_cells("A4:F4")
    sheet.append([1, "加强行政规范性文件管理", "开展规范性文件清理，备案审查率达到100%。", "县司法局", "县政府各部门",
                  "2025年12月底前"])
    sheet.append([2, "推进重大行政决策规范化", "公布年度重大行政决策事项目录。", "县政府办", "司法局、财政局", "2025年6月底前"])
    path = tmp_path / "分解表.xlsx"
    workbook.save(path)
    plan = load_plan(path)
    assert [t.title for t in plan.tasks] == ["加强行政规范性文件管理", "推进重大行政决策规范化"]
    first, second = plan.tasks
    assert first.section == "一、健全依法行政制度体系"
    assert first.lead_units == ("县司法局",) and first.units == ("县政府各部门",)
    assert second.units == ("县司法局", "县财政局")  # 司法局 inherits 县 and joins the 县司法局 of task 1
    assert first.deadline == "2025年12月底前"
    assert [(t.metric, t.value) for t in first.targets] == [("备案审查率", 100.0)]


def test_a_task_broken_down_into_several_rows_is_one_task(tmp_path):
    # Task 1 has two measures, one per row, with 序号 and 工作任务 merged down; in Word the second row also
    # appears with both cells left blank.
    import openpyxl
    from docx import Document

    rows = [(1, "加强行政规范性文件管理", "严格落实合法性审核制度，合法性审核率达到100%。", "县司法局", "县政府各部门"),
            (None, None, "年底前完成规范性文件清理。", "县司法局", "县政府办"),
            (2, "推进重大行政决策规范化", "公布年度重大行政决策事项目录。", "县政府办", "司法局")]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["序号", "工作任务", "具体措施", "牵头单位", "责任单位"])
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:B3")
    workbook.save(tmp_path / "merged.xlsx")
    document = Document()
    table = document.add_table(rows=1, cols=5)
    for cell, name in zip(table.rows[0].cells, ["序号", "工作任务", "具体措施", "牵头单位", "责任单位"], strict=True):
        cell.text = name
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = "" if value is None else str(value)
    document.save(tmp_path / "blank.docx")
    for path in (tmp_path / "merged.xlsx", tmp_path / "blank.docx"):
        plan = load_plan(path)
        assert [t.no for t in plan.tasks] == ["1", "2"], path.name
        first = plan.tasks[0]
        assert first.text.endswith("合法性审核率达到100%。年底前完成规范性文件清理。")
        assert first.lead_units == ("县司法局",) and first.units == ("县政府各部门", "县政府办")
        assert first.deadline == "年底前" and [t.metric for t in first.targets] == ["合法性审核率"]


def test_a_workbook_of_one_sheet_a_part_gives_each_task_its_part(tmp_path):
    # tests/corpus/unseen-baihe-wjw-2025, haicheng-wjw-2025: the part is the sheet's name (一、依法履职) or closes
    # its title (…任务台账（二、坚持依法科学民主决策）); the tasks had been read without a section.
    import openpyxl

    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "一、依法履职"
    second = workbook.create_sheet("Sheet2")
    for sheet, title, task in ((first, "某某县卫健委2025年法治政府建设任务清单", "动态调整权责清单"),
                               (second, "某某县卫健委2025年任务台账（二、坚持依法科学民主决策）", "落实重大行政决策程序")):
        sheet.append([title])
        sheet.merge_cells("A1:D1")
        sheet.append(["序号", "任务内容", "责任股室", "完成时限"])
        sheet.append([1, f"{task}，按规定向社会公布。", "政策法规股", "2025年6月底前"])
    workbook.save(tmp_path / "清单.xlsx")
    plan = load_plan(tmp_path / "清单.xlsx")
    assert [(t.no, t.section) for t in plan.tasks] == [("1", "一、依法履职"), ("1", "二、坚持依法科学民主决策")]


def test_a_table_of_task_rows_over_numbered_measure_rows_gives_one_task_each():
    # 凤凰街道 (tests/corpus/unseen-fenghuang-jd-2025): 1 | 深入学习… | | | over （1） | | 将…纳入… | 党政办 | …; the task
    # rows had been read as sections and each measure as a task.
    rows = (("序号", "工作任务", "具体措施", "责任单位", "完成时限"),
            ("1", "深入学习贯彻习近平法治思想", "", "", ""),
            ("（1）", "", "将习近平法治思想纳入中心组学习重要内容，全年专题学法不少于4次", "党政办", "2025年12月底前"),
            ("（2）", "", "组织全体干部参加年度学法考试", "党政办、司法所", "2025年9月底前"),
            ("2", "充分发挥法律顾问作用", "", "", ""),
            ("（1）", "", "聘请常年法律顾问，参与重大事项论证", "司法所", "2025年3月底前"),
            ("（2）", "", "推进一社区一法律顾问全覆盖", "司法所、各社区", "2025年6月底前"))
    plan = parse_plan(Document(path="p.docx", format="docx", blocks=("凤凰街道2025年法治建设工作任务分解表", Table(rows=rows))))
    assert [(t.no, t.title, t.section) for t in plan.tasks] == [("1", "深入学习贯彻习近平法治思想", ""),
                                                                ("2", "充分发挥法律顾问作用", "")]
    assert "组织全体干部参加年度学法考试" in plan.tasks[0].text
    assert plan.tasks[1].units == ("司法所", "各社区")


def test_an_assessment_sheet_read_as_a_task_list(tmp_path):
    # 白沙旗 (tests/corpus/unseen-baisha-qi-2025): a 考核细则 as the year's task list. 考核项目 merged down names the
    # part, 牵头考核单位 the unit in charge, and 评分标准 (未按期完成的扣1分) is no measure.
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["考核项目", "考核内容", "分值", "评分标准", "牵头考核单位"])
    sheet.append(["依法全面履行职能", "推进政务服务一网通办，全程网办率达到90%以上", 6, "未达到的扣2分", "旗政数局"])
    sheet.append(["依法全面履行职能", "推行包容审慎监管，动态调整不予处罚事项清单", 5, "未按期完成的扣1分", "旗司法局"])
    sheet.merge_cells("A2:A3")
    workbook.save(tmp_path / "细则.xlsx")
    plan = load_plan(tmp_path / "细则.xlsx")
    assert [(t.section, t.lead_units) for t in plan.tasks] == [("依法全面履行职能", ("旗政数局",)),
                                                               ("依法全面履行职能", ("旗司法局",))]
    assert all("扣" not in t.text for t in plan.tasks)


CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize("family", ["qinghe-2025", "ningchuan-scjg-2025", "anping-2025", "hongshan-sfj-2025",
                                    "pingjiang-zjj-2025", "yanshan-2025"])
def test_a_plan_reads_the_same_from_word_and_pdf(family):
    # 青禾县: one big table; 宁川: an issuing notice, a running header and 科室 units; 安平县: titles opening
    # with curly quotes and unlabelled unit clauses; 红山旗司法局: 股室 and 一是…二是 measures; 平江区住建局: a
    # table without ruling lines over three pages, its header on the first only; 岩山市: units named right under
    # each title, its measures after them on lines opening with ——.
    from tracker.classify import load_plan

    word = load_plan(CORPUS / family / f"{family}-plan.docx")
    pdf = load_plan(CORPUS / family / f"{family}-plan.pdf")
    assert pdf.title == word.title
    assert [(t.no, t.title, t.lead_units, t.units, t.deadline) for t in pdf.tasks] == \
        [(t.no, t.title, t.lead_units, t.units, t.deadline) for t in word.tasks]


def test_a_department_plan_names_its_own_offices_as_units():
    from tracker.classify import load_plan

    plan = load_plan(CORPUS / "ningchuan-scjg-2025" / "ningchuan-scjg-2025-plan.docx")
    assert plan.title == "宁川市市场监督管理局2025年法治建设工作要点"
    first = plan.tasks[0]
    assert first.lead_units == ("办公室",) and "法规科" in first.units
    assert all(t.lead_units or t.units for t in plan.tasks)


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_a_plan_of_an_unseen_form_reads_as_its_writer_states(suffix):
    # 第一部分 parts, 牵头处室/协办处室/承办处室 lines, a signature under the last task (tests/corpus/unseen-…/README.md).
    import json

    from tracker.classify import load_plan

    folder = CORPUS / "unseen-shawan-sthj-2025"
    expected = json.loads((folder / "plan_tasks.json").read_text(encoding="utf-8"))
    plan = load_plan(folder / f"shawan-sthj-2025-plan.{suffix}")
    assert plan.title == "沙湾市生态环境局2025年法治机关建设工作安排"
    assert [t.title for t in plan.tasks] == [w["title"] for w in expected]
    assert [bool(t.deadline) for t in plan.tasks] == [bool(w["deadline"]) for w in expected]
    assert [len(t.targets) for t in plan.tasks] == [len(w["targets"]) for w in expected]
    units = [set(t.lead_units) | set(t.units) for t in plan.tasks]
    assert units == [set(w["units"]) for w in expected]
    leads = sum(set(t.lead_units) == set(w["lead_units"]) for t, w in zip(plan.tasks, expected, strict=True))
    assert leads >= 13  # task 5 names only 承办处室: read as responsible (see plan_terms.toml)


@pytest.mark.parametrize("family, report, forms", [
    ("anping-2025", "anping-2025-report-gov", [("docx", "docx"), ("pdf", "pdf"), ("docx", "pdf")]),
    ("baiyun-2024", "baiyun-2024-report", [("docx", "docx"), ("pdf", "txt")]),  # the .txt is GB18030
])
def test_the_same_documents_give_the_same_statuses_in_every_format(family, report, forms):
    from tracker.assess import assess_plan
    from tracker.classify import load_plan, load_report

    folder = CORPUS / family
    runs = [assess_plan(load_plan(folder / f"{family}-plan.{plan_form}"), [load_report(folder / f"{report}.{form}")])
            for plan_form, form in forms]
    statuses = [[t.status for t in run.tasks] for run in runs]
    assert all(s == statuses[0] for s in statuses)
    quotes = [[t.evidence[0].text if t.evidence else "" for t in run.tasks] for run in runs]
    same = sum(len(set(q)) == 1 for q in zip(*quotes, strict=True))
    assert same >= 0.9 * len(quotes[0])  # a PDF may wrap a quote's text differently


OUTLINE_PLAN = """青山区城市管理和综合执法局2025年法治建设工作任务清单

为推进城市管理领域严格规范公正文明执法，制定本任务清单。

1 依法全面履行城市管理职能

1.1 动态调整权责清单。及时梳理调整我局权力清单、责任清单，并向社会公布。
【责任科室】法制科（牵头）、办公室【完成时间】2025年6月底前

1.2 推动执法重心向街道下移
1.2.1 向各街道派驻执法力量，明确派驻人员日常管理和考核办法。
1.2.2 建立与街道综合行政执法队伍联勤联动机制，班子成员向局务会报告履职情况。
【责任科室】组织人事科（牵头）、市容管理科、执法一中队【完成时间】2025年9月底前

2 严格规范公正文明执法

2.1 开展行政执法案卷评查
2.1.1 每季度组织一次执法案卷交叉评查，全年行政执法案卷合格率不低于95%。
【责任科室】法制科（牵头）、督察大队【完成时间】长期坚持
"""


def test_a_plan_with_outline_numbering_and_bracketed_labels(tmp_path):
    # 1 / 1.1 / 1.1.1 numbering, units after 【责任科室】, 市容管理科 (no 市 level), a measure that mentions 报告…情况.
    path = tmp_path / "清单.txt"
    path.write_text(OUTLINE_PLAN, encoding="utf-8")
    from tracker.classify import read_plan

    plan, warnings = read_plan(path)
    assert [(t.no, t.title) for t in plan.tasks] == [
        ("1.1", "动态调整权责清单"), ("1.2", "推动执法重心向街道下移"), ("2.1", "开展行政执法案卷评查")]
    assert plan.tasks[0].lead_units == ("法制科",) and plan.tasks[0].deadline == "2025年6月底前"
    assert plan.tasks[1].units == ("市容管理科", "执法一中队")
    assert [t.metric for t in plan.tasks[2].targets] == ["行政执法案卷合格率"]
    assert plan.tasks[2].section.endswith("严格规范公正文明执法")
    assert not any("读起来像年度报告" in w for w in warnings)


def test_a_contents_page_number_is_no_outline_part():
    from tracker.numbering import match_label, outline_parts

    contents = ["12 科右中旗人民政府大事记", "13 大事记"]
    assert match_label(contents[0], outline_parts(contents)) is None
    outline = ["1 坚持党的领导", "1.1 深入学习贯彻习近平法治思想", "2 依法履职", "3项任务全部完成"]
    parts = outline_parts(outline)
    assert match_label(outline[0], parts)[:2] == ("decimal1", "1 ")
    assert match_label(outline[1], parts)[0] == "decimal2"
    assert match_label(outline[3], parts) is None  # a count, not a part


def test_a_sheets_merged_title_row_is_the_plans_title():
    plan = load_plan(CORPUS / "shiquan-2025" / "shiquan-2025-plan.xlsx")
    assert plan.title == "石泉旗2025年法治政府建设重点任务分解表" and plan.year == 2025
    assert len(plan.tasks) == 17
    # 旗司法局 leads tasks 8 and 9 from one cell merged over both rows.
    assert plan.tasks[7].lead_units == plan.tasks[8].lead_units == ("旗司法局",)


def test_one_task_table_per_section_reads_as_one_table():
    plan = load_plan(CORPUS / "songlin-2025" / "songlin-2025-plan.docx")
    assert len(plan.tasks) == 16 and len(plan.sections) == 4
    assert plan.tasks[4].section.startswith("二、") and plan.tasks[4].no == "5"


def test_a_second_header_row_may_shorten_the_unit_labels():
    # 责任单位 merged over two columns, with 牵头 | 配合 in the row below.
    plan = load_plan(CORPUS / "xiping-2025" / "xiping-2025-plan.xlsx")
    assert len(plan.tasks) == 14 and plan.tasks[0].title == "落实推进法治建设第一责任人职责"
    assert plan.tasks[0].lead_units == ("党政综合办公室",) and "司法所" in plan.tasks[0].units


def test_tasks_given_in_the_text_and_again_in_an_annex_table_are_read_once_with_both():
    plan = load_plan(CORPUS / "fengling-2025" / "fengling-2025-plan.docx")
    assert len(plan.tasks) == 15 and len(plan.sections) == 5
    first = plan.tasks[0]
    # The measures and targets come from the text, the units from the annex table (重点任务分工表).
    assert len(first.text) > len(first.title) + 20 and first.lead_units == ("县政府办公室",)
    assert sum(1 for t in plan.tasks if t.targets) >= 3


def test_a_target_column_and_signs_give_each_task_its_target():
    # Excel ledger with one sheet per section and a 目标值 column filled for some tasks only (≥90%, ≥60学时).
    plan = load_plan(CORPUS / "haicheng-wjw-2025" / "haicheng-wjw-2025-plan.xlsx")
    assert len(plan.tasks) == 15
    targets = {t.seq: [(x.metric, x.op, x.value, x.unit) for x in t.targets] for t in plan.tasks if t.targets}
    assert targets == {9: [("行政执法案卷评查优良率", ">=", 90.0, "%")],
                       10: [("医疗机构依法执业自查覆盖率", ">=", 100.0, "%")],
                       11: [("执法人员年度培训", ">=", 60.0, "学时")]}


def test_an_indicator_table_gives_its_targets_to_the_tasks_that_name_their_metric():
    # The tasks say only 确保出庭应诉率达到指标要求; the annex (序号 | 指标 | 目标值 | 责任单位) gives the figures.
    plan = load_plan(CORPUS / "yongning-2025" / "yongning-2025-plan.docx")
    assert len(plan.tasks) == 14
    figures = {t.seq: x.text for t in plan.tasks for x in t.targets if x.value is not None}
    assert figures == {3: "县本级政务服务事项全程网办率≥95%", 11: "行政执法案卷评查合格率≥95%",
                       12: "行政机关负责人出庭应诉率100%"}


def test_tasks_headed_by_unnumbered_heading_lines_each_with_its_unit_line():
    # Word "Heading 2" titles without numbers under 一、二、…, each task closed by 责任股室：….
    plan = load_plan(CORPUS / "nanfeng-jyj-2025" / "nanfeng-jyj-2025-plan.docx")
    assert len(plan.tasks) == 15 and len(plan.sections) == 6
    assert plan.tasks[0].title == "深入开展习近平法治思想学习" and plan.tasks[0].lead_units == ("办公室",)
    assert "政策法规股" in plan.tasks[0].units  # the bureau's own office, without a 县 prefix
    assert sum(1 for t in plan.tasks if t.targets) == 2


def test_a_pdf_responsibility_list_with_coded_numbers_merged_fields_and_quarter_nodes():
    # 领域 merged down the first column | 任务编号 HX-01 | 任务内容 | 牵头单位 | 协同单位 | 成果形式 | 完成节点 (Q2 … 12 月).
    plan = load_plan(CORPUS / "unseen-hexi-2025" / "unseen-hexi-2025-plan.pdf")
    assert [t.no for t in plan.tasks] == [f"HX-{n:02d}" for n in range(1, 14)] and len(plan.sections) == 5
    assert plan.tasks[6].lead_units == ("区市场监管局", "区司法局") and "区人民法院" in plan.tasks[9].units
    assert [t.deadline for t in plan.tasks[:4]] == ["12月", "Q4", "Q3", "Q2"]
    assert [(x.metric, x.value) for x in plan.tasks[9].targets] == [("行政机关负责人出庭应诉率", 95.0)]


def test_a_supervision_list_with_a_requirements_column_and_leaders_named():
    # 督办清单: 督办事项 | 具体要求 | 责任领导 (persons, not units) | 牵头单位 | 配合单位 | 完成时限 | 完成情况 (empty).
    plan = load_plan(CORPUS / "jinxi-2025" / "jinxi-2025-plan.xlsx")
    assert len(plan.tasks) == 16
    assert all(len(t.text) > len(t.title) + 10 for t in plan.tasks)
    assert not any("县长" in u.name or "主任" in u.name for u in plan.units)
    assert [t.seq for t in plan.tasks for x in t.targets if x.value is not None] == [3, 10]


def test_a_task_table_grouped_by_lead_unit_gives_each_task_its_lead():
    # Rows merged across the table name the lead unit (区司法局牵头（6项）); 工作措施 is the plan's measures column,
    # not a progress table's.
    from tracker.classify import is_plan

    path = CORPUS / "qingya-2025" / "qingya-2025-plan.docx"
    assert is_plan(read_document(path))
    plan = load_plan(path)
    assert len(plan.tasks) == 14
    assert [t.lead_units for t in plan.tasks[5:8]] == [("区司法局",), ("区政府办公室",), ("区政府办公室",)]
    assert plan.tasks[13].lead_units == ("区政务服务中心",)


def test_a_task_table_whose_section_rows_are_units_gives_each_task_its_lead():
    # A plan split by unit, as a table: the rows across it (一、县司法局) name the unit in charge of the rows below.
    rows = (("序号", "工作任务", "配合单位", "完成时限"),
            ("一、县司法局", "一、县司法局", "一、县司法局", "一、县司法局"),
            ("1", "畅通行政复议渠道。推行案件繁简分流，行政复议案件按期办结率100%。", "", "2025年12月底前"),
            ("2", "开展行政规范性文件集中清理。向社会公布清理结果。", "县政府办公室", "2025年9月底前"),
            ("二、各乡镇人民政府", "二、各乡镇人民政府", "二、各乡镇人民政府", "二、各乡镇人民政府"),
            ("3", "推进村（社区）法律顾问全覆盖。每月至少提供一次驻点法律服务。", "", "全年"))
    plan = parse_plan(Document(path="p.docx", format="docx", blocks=(Table(rows=rows),)))
    assert [t.lead_units for t in plan.tasks] == [("县司法局",), ("县司法局",), ("各乡镇人民政府",)]
    assert plan.tasks[1].units == ("县政府办公室",)


def test_a_task_table_takes_its_units_from_a_sheet_that_gives_them_by_task_number():
    # 凤阳街道 (tests/corpus/unseen-fengyang-jd-2025): sheet 任务清单 (序号 | 重点任务 | 具体措施) and sheet 责任分工
    # (任务序号 | 牵头科室 | 配合科室 | 完成时限, rows such as 3、4 and 7-8). The tasks had been read without units.
    tasks = Table(rows=(("序号", "重点任务", "具体措施"),
                        *((str(n), f"任务{n}的名称", f"开展第{n}项工作，形成制度成果。") for n in range(1, 9))))
    division = Table(rows=(("任务序号", "牵头科室", "配合科室", "完成时限"), ("1", "党政办公室", "司法所", "2025年12月底前"),
                           ("2", "党政办公室", "", "2025年6月底前"), ("3、4", "司法所", "党政办公室", "2025年9月底前"),
                           ("5-8", "综合行政执法队", "各社区", "2025年12月底前")))
    plan = parse_plan(Document(path="p.xlsx", format="xlsx", blocks=(tasks, division)))
    assert len(plan.tasks) == 8
    assert [t.lead_units for t in plan.tasks[:4]] == [("党政办公室",), ("党政办公室",), ("司法所",), ("司法所",)]
    assert all(t.lead_units == ("综合行政执法队",) and t.units == ("各社区",) for t in plan.tasks[4:])
    assert plan.tasks[3].deadline == "2025年9月底前"


def test_a_task_table_cut_at_a_page_break_into_a_second_table_without_header_is_one_table():
    # 雪城县市场监管局 (tests/corpus/unseen-xuecheng-scjgj-2025): rows 1–8 in a table with its header, an empty line,
    # then rows 9–14 in a table of the same columns without one; the last six tasks had been lost.
    header = ("序号", "工作任务", "具体措施", "责任科室", "完成时限")
    first = Table(rows=(header, *((str(n), f"任务{n}的名称", f"开展第{n}项工作，形成制度成果。", "法规科", "2025年12月底前")
                                  for n in range(1, 9))))
    rest = Table(rows=tuple((str(n), f"任务{n}的名称", f"开展第{n}项工作，形成制度成果。", "执法大队", "2025年12月底前")
                            for n in range(9, 15)))
    plan = parse_plan(Document(path="p.docx", format="docx", blocks=(first, "", rest)))
    assert [t.no for t in plan.tasks] == [str(n) for n in range(1, 15)]
    assert plan.tasks[13].lead_units == ("执法大队",)
    # A table of other columns, or one after text, is no part of it.
    other = Table(rows=(("附件", "说明"), ("1", "清单")))
    assert len(parse_plan(Document(path="p.docx", format="docx", blocks=(first, "", other))).tasks) == 8
    assert len(parse_plan(Document(path="p.docx", format="docx", blocks=(first, "附件：其他事项", rest))).tasks) == 8


def test_a_bare_figure_in_a_target_column_is_the_target_of_the_metric_the_task_ends_with():
    # 滨海经开区 (tests/corpus/unseen-binhai-kfq-2025): 2025年目标 | ≥95% beside …提高涉企政务服务事项网上可办率; a figure
    # without its metric's name was no target.
    rows = (("序号", "重点任务", "工作措施", "2025年目标", "责任部门", "完成时限"),
            ("1", "优化涉企政务服务", "推进集成办理，提高涉企政务服务事项网上可办率", "≥95%", "营商服务中心", "2025年12月底前"),
            ("2", "推进公平竞争审查", "对新出台政策措施严格开展公平竞争审查", "—", "经济发展局", "长期坚持"),
            ("3", "加强执法培训", "组织行政执法人员年度法治培训覆盖面", "全覆盖", "综合执法局", "2025年12月底前"))
    plan = parse_plan(Document(path="p.xlsx", format="xlsx", blocks=(Table(rows=rows),)))
    [online] = plan.tasks[0].targets
    assert (online.metric, online.op, online.value) == ("涉企政务服务事项网上可办率", ">=", 95.0)
    assert not plan.tasks[1].targets and plan.tasks[2].targets[0].unit == "全覆盖"


def test_a_division_of_work_table_that_names_tasks_only_by_number_gives_their_units():
    # 附件：重点任务责任分工表 with 序号 | 牵头单位 | 责任单位 | 完成时限, numbered 一（一）… without the titles.
    plan = load_plan(CORPUS / "baisha-2025" / "baisha-2025-plan.docx")
    assert len(plan.tasks) == 15 and all(t.lead_units for t in plan.tasks)
    assert plan.tasks[3].title == "落实公平竞争审查制度" and plan.tasks[3].lead_units == ("县市场监管局",)


def test_tasks_each_in_one_paragraph_closed_by_their_unit_clause():
    # No numbers: a bold title sentence, the measures, then （牵头单位：…；责任单位：…）, task after task.
    plan = load_plan(CORPUS / "lingxi-2025" / "lingxi-2025-plan.docx")
    assert len(plan.tasks) == 15 and len(plan.sections) == 5
    assert all(t.lead_units for t in plan.tasks)
    assert [t.seq for t in plan.tasks for x in t.targets if x.value is not None] == [5, 14]


def test_tasks_written_as_cards_read_as_one_task_table():
    # Each task a two-column table of its own: 任务名称 | …, 工作措施 | …, 责任处室 | …, 完成时限 | ….
    plan = load_plan(CORPUS / "huaiyang-fgw-2025" / "huaiyang-fgw-2025-plan.docx")
    assert len(plan.tasks) == 14 and len(plan.sections) == 5
    assert plan.tasks[0].title == "压紧压实法治建设第一责任人职责" and plan.tasks[0].lead_units == ("办公室",)
    assert all(t.deadline for t in plan.tasks)
    # 辰江县 (tests/corpus/unseen-chenjiang-2025): 项目名称 | …, 主要内容 | …, 目标要求 | …, each card under a line
    # 项目一 … 项目十 that numbers it; in Word and in the PDF made from it.
    for form in ("docx", "pdf"):
        plan = load_plan(CORPUS / "unseen-chenjiang-2025" / f"unseen-chenjiang-2025-plan.{form}")
        assert [t.no for t in plan.tasks] == [f"项目{n}" for n in "一二三四五六七八九十"]
        assert plan.tasks[3].title == "涉企行政检查“综合查一次”" and plan.tasks[3].lead_units == ("县市场监管局", "县司法局")
        assert [x.text for x in plan.tasks[5].targets] == ["行政机关负责人出庭应诉率不低于95%"]


def test_units_named_before_the_measures_leave_the_measures_in_their_task():
    plan = load_plan(CORPUS / "yanshan-2025" / "yanshan-2025-plan.pdf")
    assert len(plan.tasks) == 15 and plan.tasks[12].lead_units == ("市司法局",)
    assert plan.tasks[12].text.count("——") == 3
    assert [t.seq for t in plan.tasks for x in t.targets if x.value is not None] == [4, 12]


def test_tasks_named_by_their_ordinal_and_units_labelled_by_a_bare_role():
    # 任务一：深化… under 第一部分; 【责任单位】县政数局牵头，县直各部门配合.
    plan = load_plan(CORPUS / "mingshui-2025" / "mingshui-2025-plan.docx")
    assert len(plan.tasks) == 14 and plan.tasks[0].no == "任务一" and plan.tasks[0].title == "深化政务服务改革"
    assert plan.tasks[0].lead_units == ("县政数局",)
    # （责任科室：政策法规科，配合：水政监察支队）: 责任 beside 配合 names the office in charge.
    plan = load_plan(CORPUS / "chishui-swj-2025" / "chishui-swj-2025-plan.txt")
    assert len(plan.tasks) == 14 and plan.tasks[2].lead_units == ("政策法规科",)
    # （责任科室：党政办公室；协同：司法所、各社区）: 协同 pairs with 责任 as 配合 does (GB18030 text, 华溪街道).
    plan = load_plan(CORPUS / "unseen-huaxi-jd-2025" / "unseen-huaxi-jd-2025-plan.txt")
    assert plan.tasks[0].lead_units == ("党政办公室",) and plan.tasks[0].units == ("司法所", "各社区")
    # 行动一：行政执法规范提升行动 (tests/corpus/unseen-yanmen-2025, a “十大行动” 实施方案): an action named by its ordinal.
    plan = load_plan(CORPUS / "unseen-yanmen-2025" / "unseen-yanmen-2025-plan.docx")
    assert len(plan.tasks) == 10 and plan.tasks[0].no == "行动一" and plan.tasks[0].title == "行政执法规范提升行动"


def test_a_section_column_merged_down_and_a_重点工作_column():
    # 板块 | 序号 | 重点工作 | 工作要求 | 责任单位 | 完成时间, the 板块 cell merged over each section's rows.
    plan = load_plan(CORPUS / "qiaotou-2025" / "qiaotou-2025-plan.xlsx")
    assert len(plan.tasks) == 13 and plan.tasks[0].title == "压实法治建设第一责任人职责"
    assert [t.section for t in plan.tasks[3:5]] == ["依法履职", "依法决策"]


def test_a_pdf_table_with_units_first_and_its_header_printed_on_each_page():
    # 责任股室 | 序号 | 工作任务 | 完成时限 | 工作措施, the header row repeated on the second page; a task given to one
    # office alone (办公室) is that office's to lead.
    plan = load_plan(CORPUS / "lushan-scjgj-2025" / "lushan-scjgj-2025-plan.pdf")
    assert len(plan.tasks) == 14 and not any(t.title == "工作任务" for t in plan.tasks)
    assert plan.tasks[0].lead_units == ("办公室",) and all(t.lead_units for t in plan.tasks)


def test_measures_in_a_table_nested_in_the_measures_cell_are_read():
    # Five tasks list their measures in a small 序号 | 措施 table inside the 具体措施 cell.
    plan = load_plan(CORPUS / "liyang-2025" / "liyang-2025-plan.docx")
    assert len(plan.tasks) == 14
    assert "1.县政府常务会议专题听取法治政府建设工作汇报" in plan.tasks[1].text and "序号" not in plan.tasks[1].text
    assert [x.metric for x in plan.tasks[6].targets] == ["行政规范性文件合法性审核率", "备案审查率"]


def test_a_task_table_nested_in_a_layout_table_is_a_table_of_its_own(tmp_path):
    # 清风县统计局 (tests/corpus/unseen-qingfeng-tjj-2025): 类别 | 任务, each 任务 cell a table 序号 | 工作任务 | 责任股室 |
    # 完成时限. The nested rows had been read as lines of one cell: no task had its units.
    from docx import Document as WordDocument

    word = WordDocument()
    word.add_paragraph("某县统计局2025年法治政府建设工作要点")
    outer = word.add_table(rows=3, cols=2)
    outer.cell(0, 0).text, outer.cell(0, 1).text = "类别", "任务"
    for row, (area, tasks) in enumerate((("依法履职", [("1", "规范统计调查项目管理，清理未经审批的调查", "综合统计股")]),
                                         ("统计执法", [("2", "开展双随机统计执法检查，抽查不少于60家", "统计执法监督股"),
                                                       ("3", "加强执法队伍建设，持证率100%", "办公室")])), start=1):
        outer.cell(row, 0).text = area
        inner = outer.cell(row, 1).add_table(rows=1, cols=4)
        for cell, name in zip(inner.rows[0].cells, ("序号", "工作任务", "责任股室", "完成时限"), strict=True):
            cell.text = name
        for number, task, office in tasks:
            for cell, value in zip(inner.add_row().cells, (number, task, office, "2025年12月底前"), strict=True):
                cell.text = value
    word.save(tmp_path / "要点.docx")
    plan = load_plan(tmp_path / "要点.docx")
    assert [(t.no, t.lead_units) for t in plan.tasks] == [("1", ("综合统计股",)), ("2", ("统计执法监督股",)),
                                                          ("3", ("办公室",))]


def test_a_plan_in_word_heading_styles_without_numbers(tmp_path):
    # 盐水区 (tests/corpus/unseen-yanshui-qu-2025): parts in Heading 1, tasks in Heading 2, measures as bullets, then
    # 牵头：…；配合：…. The heading after a unit line had been joined to it as a wrapped line, and each part's first
    # task had been read as the part.
    from docx import Document as WordDocument

    word = WordDocument()
    word.add_paragraph("某区2025年法治政府建设工作要点")
    word.add_paragraph("为深入学习贯彻习近平法治思想，结合本区实际，制定本要点。")
    plan_parts = (("加强党对法治政府建设的领导",
                   (("压实法治建设第一责任人职责", "区政府常务会议专题研究法治政府建设工作不少于4次。"),
                    ("深化习近平法治思想学习宣传", "落实会前学法制度，全年会前学法不少于6次。"))),
                  ("依法全面履行政府职能", (("深化政务服务“一网通办”改革", "年内新增集成服务事项不少于15项。"),)))
    for part, tasks in plan_parts:
        word.add_heading(part, level=1)
        for title, measure in tasks:
            word.add_heading(title, level=2)
            word.add_paragraph(measure, style="List Bullet")
            word.add_paragraph("牵头：区司法局；配合：区政府办、区政府各部门、各街道")
    word.save(tmp_path / "要点.docx")
    plan = load_plan(tmp_path / "要点.docx")
    assert [t.title for t in plan.tasks] == [title for _, tasks in plan_parts for title, _ in tasks]
    assert all(t.units == ("区政府办", "区政府各部门", "各街道") for t in plan.tasks)


def test_word_legal_numbering_shows_every_level_in_digits():
    # A multi-level list 一、 / 1.1 / 1.1.1 whose lower levels carry w:isLgl: tasks are 1.1, 1.2 …, not 一.1.
    plan = load_plan(CORPUS / "jiangkou-2025" / "jiangkou-2025-plan.docx")
    assert len(plan.tasks) == 14 and plan.tasks[0].no == "1.1" and len(plan.sections) == 5


def test_numbered_instructions_before_a_task_sheet_name_no_section():
    # A 填报说明 sheet (一、本清单共13项任务，…。) before the 任务清单 sheet: sentences, not a part's heading.
    plan = load_plan(CORPUS / "yuxi-2025" / "yuxi-2025-plan.xlsx")
    assert len(plan.tasks) == 13 and plan.sections == ()


def test_category_rows_numbered_in_the_first_column_are_sections_and_the_duty_office_beside_a_helper_leads():
    # 序号 | 工作类别 | 工作任务 | 具体措施 | 责任股室 | 配合股室 | 完成时限 | 分值, with rows "1 | 一、…" merged across the
    # rest of the sheet over tasks 1.1, 1.2 …, and "—" in a 配合股室 cell.
    plan = load_plan(CORPUS / "xinan-ybj-2025" / "xinan-ybj-2025-plan.xlsx")
    assert [t.no for t in plan.tasks] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3",
                                          "4.1", "4.2", "4.3", "5.1", "5.2"]
    assert len(plan.sections) == 5 and plan.tasks[0].section == "深化医保领域依法行政"
    assert plan.tasks[1].lead_units == ("法规股",) and plan.tasks[1].units == ("办公室", "待遇保障股")
    assert not any(u.name in "—-/" for u in plan.units)


def test_bracketed_unit_lines_and_a_parts_own_unit_sentence():
    # 【牵头单位：…；配合单位：…】 under each task, but part 三 says once 本部分任务由县司法局牵头，县直各行政执法部门按职责
    # 分工负责。 and its tasks name no units of their own: they are tasks all the same, with those units.
    plan = load_plan(CORPUS / "gaoping-2025" / "gaoping-2025-plan.docx")
    assert [t.no for t in plan.tasks] == [f"（{n}）" for n in "一二三四五六七八九十"] + [
        "（十一）", "（十二）", "（十三）", "（十四）"]
    assert plan.tasks[0].lead_units == ("县委依法治县办", "县司法局") and "】" not in plan.tasks[0].text
    assert [(t.lead_units, t.units) for t in plan.tasks[7:11]] == [(("县司法局",), ("县直各行政执法部门",))] * 4
    assert [t.seq for t in plan.tasks for x in t.targets if x.value is not None] == [4, 13]


def test_a_closing_unit_clause_with_brackets_inside_and_a_duty_unit_beside_helpers():
    # 1．… one paragraph per task, closed by （责任单位：党政办，各村（社区）配合） or, without a label,
    # （综合行政执法队、经济发展办按职责分工负责，各村（社区）配合）.
    plan = load_plan(CORPUS / "yunxi-zhen-2025" / "yunxi-zhen-2025-plan.docx")
    assert len(plan.tasks) == 13 and plan.tasks[7].deadline == "9月底前"
    assert plan.tasks[7].text.endswith("逐步消化存量。")
    assert plan.tasks[7].units == ("综合行政执法队", "经济发展办", "各村（社区）")
    assert (plan.tasks[0].lead_units, plan.tasks[0].units) == (("党政办",), ("各村（社区）",))
    assert plan.tasks[11].units == ("社会事务办", "司法所", "各村（社区）")  # 各村（社区）具体实施


def test_title_only_headings_over_one_sentence_measures_each_with_its_units_are_the_tasks():
    # 一、 parts, （一） headings naming the task alone, then 1. 2. 3. measures each closed by its own units
    # (（县委组织部牵头，县司法局配合）): the heading is the task and its units are those of its measures.
    plan = load_plan(CORPUS / "qingquan-2025" / "qingquan-2025-plan.docx")
    assert len(plan.tasks) == 13 and plan.tasks[0].title == "深化习近平法治思想学习宣传贯彻"
    assert plan.tasks[0].text.count("\n") == 3  # the heading and its three measures
    assert plan.tasks[0].lead_units == ("县委宣传部", "县政府办公室", "县委组织部", "县委依法治县办")
    assert [t.seq for t in plan.tasks for x in t.targets if x.value is not None] == [5, 10]
    # Numbered tasks that carry their own units stay the tasks, under headings or not (临泽区, 云溪镇).
    assert len(load_plan(CORPUS / "linze-2025" / "linze-2025-plan.docx").tasks) == 18
    assert len(load_plan(CORPUS / "yunxi-zhen-2025" / "yunxi-zhen-2025-plan.docx").tasks) == 13


def test_a_pdf_table_row_split_by_a_page_break_is_one_task():
    # A landscape PDF whose rows may break across pages: the rest of a row comes without its number, the title
    # cut in two (压实党政主要负责人履行推进法 | 治建设第一责任人职责). The PDF reads as the Word file it came from.
    pdf = load_plan(CORPUS / "beiyuan-2025" / "beiyuan-2025-plan.pdf")
    word = load_plan(CORPUS / "beiyuan-2025" / "beiyuan-2025-plan.docx")
    assert [t.no for t in pdf.tasks] == [str(n) for n in range(1, 16)]
    assert [t.title for t in pdf.tasks] == [t.title for t in word.tasks]
    assert pdf.tasks[1].title == "压实党政主要负责人履行推进法治建设第一责任人职责" and "（5）" in pdf.tasks[1].text
    assert [(t.seq, x.value) for t in pdf.tasks for x in t.targets if x.value is not None] == [(11, 40.0), (13, 15.0)]


def test_a_column_of_units_and_deadline_in_a_pdf_table_without_a_number_column():
    # 目标任务 | 工作要求 | 责任单位及时限: the task cell is （一）深化…, the last cell one unit per line, leads marked
    # （牵头）, the deadline (or 持续推进) on the last line; a name the narrow column wrapped (区委宣传部（牵 | 头）), a row
    # the page break split. The PDF reads as the Word file it came from (桥西区, written by a helper who never saw
    # the code).
    pdf = load_plan(CORPUS / "unseen-qiaoxi-2025" / "unseen-qiaoxi-2025-plan.pdf")
    word = load_plan(CORPUS / "unseen-qiaoxi-2025" / "unseen-qiaoxi-2025-plan.docx")
    fields = [[(t.no, t.title, t.lead_units, t.units, t.deadline) for t in plan.tasks] for plan in (pdf, word)]
    assert fields[0] == fields[1] and len(fields[0]) == 13
    # Its title is the line over the table (…目标任务分解), not the notice that issues it (关于印发《…》的通知).
    assert pdf.title == word.title == "桥西区2025年法治政府建设目标任务分解"
    assert fields[0][0] == ("（一）", "深化习近平法治思想学习宣传贯彻", ("区委宣传部",), ("区委组织部", "区司法局", "区委党校"),
                            "2025年12月底前")
    assert fields[0][3][2:] == (("区发改局", "区市场监管局"), ("区财政局", "区工信局"), "2025年12月底前")
    assert fields[0][5][4] == "持续推进" and "3.选取已实施满一年" in pdf.tasks[5].text
    # The measures keep the lines their author ended, as in the Word file.
    assert pdf.tasks[4].text.count("\n") == word.tasks[4].text.count("\n") == 2
    assert [(t.seq, x.value) for t in pdf.tasks for x in t.targets if x.unit == "%"] == [(3, 95.0), (12, 95.0)]


def test_one_sheet_per_lead_unit_gives_each_task_its_lead():
    # Sheets 说明 | 区司法局 | 区政务服务管理局 …, each titled 区司法局牵头任务（6项） over 序号 | 重点任务 | 工作措施 | 配合单位.
    plan = load_plan(CORPUS / "liucheng-2025" / "liucheng-2025-plan.xlsx")
    assert len(plan.tasks) == 14
    assert [t.lead_units for t in plan.tasks[5:7]] == [("区司法局",), ("区政务服务管理局",)]
    assert plan.tasks[13].lead_units == ("区城管执法局",)


def test_a_table_copied_from_a_web_page_with_each_cell_on_its_own_line():
    # 序号 / 重点任务 / 主要措施 / 牵头单位 / 责任单位 / 完成时限, one per line, then six lines per task (an empty cell
    # an empty line) and a section row (一、…) as one line, between web-page clutter.
    plan = load_plan(CORPUS / "xishan-2025" / "xishan-2025-plan.txt")
    assert [t.no for t in plan.tasks] == [str(n) for n in range(1, 15)] and len(plan.sections) == 6
    assert plan.tasks[0].lead_units == () and plan.tasks[1].lead_units == ("区委组织部", "区司法局")
    assert [(t.seq, x.value) for t in plan.tasks for x in t.targets if x.value is not None] == [(3, 95.0), (11, 98.0)]


def test_units_after_a_dash_at_the_end_of_a_task():
    # 1）…开展年度述法。——责任单位：县政府办公室，县直各部门、各乡镇人民政府
    plan = load_plan(CORPUS / "nanxi-2025" / "nanxi-2025-plan.docx")
    assert len(plan.tasks) == 14 and plan.tasks[0].text.endswith("开展年度述法。")
    assert plan.tasks[0].units == ("县政府办公室", "县直各部门", "各乡镇人民政府")


def test_a_task_list_printed_from_excel_keeps_tasks_merged_across_page_breaks():
    # 东阳旗 (tests/corpus/unseen-dongyang-2025): 序号 and 重点任务 merged down over measure rows; where a page
    # break cuts them the cell has no bottom line, its text is drawn under the table's last line or into the next
    # page's header (10序号), and Excel prints it again on the next page.
    plan = load_plan(CORPUS / "unseen-dongyang-2025" / "unseen-dongyang-2025-plan.pdf")
    assert [t.no for t in plan.tasks] == [str(n) for n in range(1, 15)]
    fifth, ninth, tenth = plan.tasks[4], plan.tasks[8], plan.tasks[9]
    assert fifth.text.count("行政规范性文件") == 4 and "合法性审核机制" in fifth.text
    assert "合法性审核机制" not in plan.tasks[3].text
    assert "执法人员" not in ninth.text and ninth.deadline == "2025年8月底前；2025年12月底前；2025年10月底前"
    assert tenth.title == "加强行政执法队伍建设" and tenth.text.endswith("亮证执法。开展行政执法案卷评查，通报评查结果并督促整改")


def test_a_page_number_between_two_parts_of_a_table_and_a_label_printed_twice():
    from tracker.models import Table
    from tracker.pages import Segment, pages_to_blocks

    header = ("序号", "重点任务", "具体措施", "牵头单位")
    first = Table(rows=(header, ("1", "压实责任", "听取汇报", "政府办"), ("2", "学法用法", "会前学法", "司法局"),
                        ("", "", "专题培训", "组织部")))
    second = Table(rows=(("2序号", "学法用法重点任务", "具体措施", "牵头单位"), ("", "", "任前考试", "组织部"),
                         ("3", "优化营商环境", "综合查一次", "市场监管局")))
    blocks = pages_to_blocks([[Segment(10, table=first), Segment(800, text="第1页，共2页")],
                              [Segment(10, table=second), Segment(800, text="第2页，共2页")]])
    rest = (("", "", "任前考试", "组织部"), ("3", "优化营商环境", "综合查一次", "市场监管局"))
    assert blocks == [Table(rows=first.rows + rest)]


def test_a_markdown_plan_of_to_do_items_under_numbered_task_headings():
    # 兰山街道 (tests/corpus/unseen-lanshan-jd-2025): ### 任务1：… headings, - [ ] measures, > 责任科室：… lines.
    plan = load_plan(CORPUS / "unseen-lanshan-jd-2025" / "unseen-lanshan-jd-2025-plan.md")
    assert [t.no for t in plan.tasks] == [f"任务{n}" for n in range(1, 14)]
    first = plan.tasks[0]
    assert first.title == "压实法治建设第一责任人职责" and (first.lead_units, first.units) == (("党政办",), ("司法所",))
    assert "[ ]" not in first.text and first.text.count("\n") == 3
    assert [t.text for t in plan.tasks[10].targets] == ["调解成功率不低于96%"]


def test_a_markdown_plan_of_nested_bullets():
    # - **task title** over indented - measures, the last one 牵头单位：…；配合单位：…; some lists marked with *.
    plan = load_plan(CORPUS / "tianhe-2025" / "tianhe-2025-plan.md")
    assert len(plan.tasks) == 14 and len(plan.sections) == 6
    assert [t.title for t in plan.tasks[2:4]] == ["深化政务服务“一网通办”改革", "持续优化法治化营商环境"]
    assert plan.tasks[2].lead_units == ("县政务服务和数据管理局",) and plan.tasks[2].text.count("\n") == 3
    assert [(t.seq, x.value) for t in plan.tasks for x in t.targets if x.metric.endswith("率")] == [(2, 98.0), (11, 95.0)]


def test_a_ledger_with_a_source_column_and_an_indicator_column():
    # 序号 | 任务来源 (省要点第3条) | 重点任务 | 工作措施 | 考核指标 (行政复议案件调解和解率≥25%) | 牵头单位 | … | 备注
    plan = load_plan(CORPUS / "baihe-2025" / "baihe-2025-plan.xlsx")
    assert len(plan.tasks) == 15 and plan.tasks[6].title == "发挥政府法律顾问和公职律师作用"
    assert not any("要点" in t.title or "区自定" in t.title for t in plan.tasks)
    assert [(x.metric, x.value) for x in plan.tasks[10].targets] == [("行政复议案件调解和解率", 25.0)]


def test_a_compact_table_with_several_numbered_tasks_in_a_cell():
    # One row per part: 重点任务 holds 1.… 2.… 3.…, 牵头单位 1.县司法局 2.县政府办公室 …, 完成时限 1.全年 2.12月底前 ….
    plan = load_plan(CORPUS / "qinglong-2025" / "qinglong-2025-plan.docx")
    assert [t.no for t in plan.tasks] == [str(n) for n in range(1, 15)] and len(plan.sections) == 5
    assert (plan.tasks[1].title, plan.tasks[1].lead_units, plan.tasks[1].deadline) == (
        "压实党政主要负责人履行推进法治建设第一责任人职责", ("县政府办公室",), "12月底前")
    assert [(t.seq, x.value) for t in plan.tasks for x in t.targets if x.value is not None] == [(4, 90.0), (14, 100.0)]


def test_units_given_by_task_numbers_in_a_sentence_or_in_an_annex_by_unit():
    # 五、责任分工：第1—3项由县委依法治县办、县司法局牵头，县直各部门配合；第4、5项由县政务服务中心牵头；… (龙泉县)
    plan = load_plan(CORPUS / "longquan-2025" / "longquan-2025-plan.docx")
    assert [t.lead_units for t in plan.tasks[2:5]] == [("县委依法治县办", "县司法局"), ("县政务服务中心",),
                                                        ("县政务服务中心",)]
    assert plan.tasks[2].units == ("县直各部门",)
    # 附件：责任分工 by unit, 序号 | 责任单位 | 牵头任务 (一（一）、三（二）…) | 配合任务, numbering restarting per part (松河区):
    # the tasks are those of the text, and the annex is no table of tasks.
    plan = load_plan(CORPUS / "songhe-2025" / "songhe-2025-plan.docx")
    assert len(plan.tasks) == 15 and plan.tasks[3].title == "持续优化法治化营商环境"
    assert plan.tasks[3].lead_units == ("区发展改革局", "区市场监管局") and plan.tasks[3].units == ("区司法局",)
    assert plan.tasks[4].lead_units == ("区政务服务管理局",)


def test_an_annex_by_lead_unit_lists_its_tasks_by_number_and_range_and_names_their_helpers():
    # 丰香旗 (tests/corpus/unseen-fengxiang-qi-2025): tasks （1）…（16） through the plan, and a PDF annex 牵头单位 |
    # 负责任务 | 配合单位 with rows such as 旗司法局 | （1）、（3）、（6）、（8）—（11）、（14）、（16） | 旗政府各部门、…
    assert task_refs("（1）、（3）、（8）—（11）") == ["（1）", "（3）", "（8）", "（9）", "（10）", "（11）"]
    assert task_refs("（二）至（四）") == ["（二）", "（三）", "（四）"] and task_refs("负责（1）") is None
    plan = load_plan(CORPUS / "unseen-fengxiang-qi-2025" / "unseen-fengxiang-qi-2025-plan.pdf")
    assert len(plan.tasks) == 16 and plan.tasks[0].title == "深入学习贯彻习近平法治思想"
    assert plan.tasks[9].lead_units == ("旗司法局", "旗委编办")
    assert plan.tasks[9].units == ("旗政府各部门", "各苏木镇人民政府")


def test_tasks_named_by_their_ordinal_without_a_space_after_it():
    # 第一项　深入学习贯彻… in a GB18030 text; the ideographic space is gone once the text is normalised.
    plan = load_plan(CORPUS / "donggang-2025" / "donggang-2025-plan.txt")
    assert len(plan.tasks) == 14 and plan.tasks[0].no == "第一项" and plan.tasks[0].title == "深入学习贯彻习近平法治思想"
    assert plan.tasks[0].section.startswith("一、")


def test_units_in_brackets_before_the_task_number():
    # 【县司法局牵头，县直各部门配合】1.深化… and 【县政务服务中心】3.深化…: the bracket is the task's unit clause.
    plan = load_plan(CORPUS / "wuyuan-2025" / "wuyuan-2025-plan.docx")
    assert [t.no for t in plan.tasks] == [str(n) for n in range(1, 15)] and len(plan.sections) == 5
    assert plan.tasks[0].title == "压实法治建设第一责任人职责" and not plan.tasks[0].text.startswith("【")
    assert plan.tasks[2].lead_units == ("县政务服务中心",) and plan.tasks[9].lead_units == ("县委编办", "县司法局")


def test_a_plan_copied_from_a_wechat_article():
    # 白塔区 (tests/corpus/unseen-baita-2025): clutter before the title, parts numbered 01 | and ▶ 三、, each task's
    # title in bold brackets before its measures.
    plan = load_plan(Path(__file__).parent / "corpus" / "unseen-baita-2025" / "unseen-baita-2025-plan.txt")
    assert plan.title == "白塔区2025年法治政府建设工作要点" and plan.region == "白塔区" and len(plan.tasks) == 15
    first = plan.tasks[0]
    assert first.title == "压实法治建设第一责任人职责" and first.section == "01 |加强党对法治政府建设的领导"
    assert first.lead_units == ("区政府办",) and first.units == ("区司法局", "各街道办事处")
    assert plan.tasks[4].targets[0].text == "区级政务服务事项全程网办率达到95%以上"


def test_the_place_a_document_is_about():
    from tracker.meta import region_of

    body = "全年工作情况如下。" * 40  # the head, where a document names itself, is its first lines
    # A county or banner first, the one its head names before words around 县 (并公布县, 常务副县长).
    assert region_of(f"梅溪县2025年法治政府建设工作要点\n{body}编制并公布县级事项。编制并公布县级清单。梅溪县司法局") == "梅溪县"
    assert region_of(f"锦溪县重点任务督办清单\n{body}常务副县长牵头。常务副县长负责。锦溪县政府") == "锦溪县"
    # A district only as its head names it: not 社区 or 高新区, nor 报送区 (…报送区委) in the body.
    assert region_of(f"桥西区2025年法治政府建设目标任务分解\n{body}各社区、各社区。报送区委。报送区委。桥西区司法局") == "桥西区"
    assert region_of(f"2025年法治政府建设工作要点\n{body}各社区、各社区。高新区、高新区。报送区委。报送区委。") == ""
    # The title's place, named once (东阳旗's task list, tests/corpus/unseen-dongyang-2025), before words around 旗.
    assert region_of(f"东阳旗2025年法治政府建设重点任务清单\n{body}纳入旗直部门考核。纳入旗直部门清单。") == "东阳旗"
    assert region_of("2024年乌拉特中旗法治政府建设情况报告\n乌拉特中旗司法局") == "乌拉特中旗"
    assert region_of(f"首页>政务公开>法治政府建设西山区2025年法治政府建设重点任务清单\n{body}西山区司法局") == "西山区"
    assert region_of(f"柳城区2025年法治政府建设任务清单\n{body}柳城区司法局、柳城区财政局") == "柳城区"


def test_a_task_split_by_unit_names_its_units_and_keeps_their_shares():
    # 禾林县's 分工方案 (tests/corpus/unseen-helin-2025): each unit's own share of a task on a line of its own.
    paragraphs = ["一、优化营商环境", "1.落实公平竞争审查制度。",
                  "县市场监管局（牵头）：对县本级起草的涉及经营主体经济活动的政策措施逐件开展公平竞争审查。",
                  "县发改局：在招商引资、政府采购等政策措施制定中严格落实公平竞争审查。",
                  "2.加强政务诚信建设。", "县发改局（牵头）：健全政务失信记录制度。", "各乡镇：常态化排查拖欠中小企业账款问题。"]
    first, second = parse_plan(Document(path="plan.txt", format="txt", blocks=tuple(paragraphs))).tasks
    assert first.lead_units == ("县市场监管局",) and first.units == ("县发改局",)
    assert "县发改局：在招商引资" in first.text and first.title == "落实公平竞争审查制度"
    assert second.lead_units == ("县发改局",) and second.units == ("各乡镇",)


def test_an_indicator_system_files_its_tasks_under_their_first_level_indicator_and_its_total_row_is_no_task():
    # 示范创建任务分解表: 一级指标 and 二级指标 merged down, the 三级指标 rows the tasks, 合计 | 100 closing the table.
    header = ("一级指标", "二级指标", "序号", "三级指标（具体任务）", "分值", "牵头单位", "配合单位", "完成时限")
    rows = (("一、政府职能依法全面履行", "（一）深化“放管服”改革", "1", "政务服务事项网上可办率不低于95%", "8",
             "县政务服务数据管理局", "县直有关部门", "2025年12月底前"),
            ("一、政府职能依法全面履行", "（二）优化法治化营商环境", "2", "开展妨碍统一市场和公平竞争的政策措施专项清理", "6",
             "县市场监管局", "县司法局", "2025年10月底前"),
            ("二、依法行政制度体系完善", "（三）规范性文件", "3", "行政规范性文件合法性审核率达到100%", "5", "县司法局",
             "县直各部门", "2025年12月底前"),
            ("合计", "合计", "合计", "合计", "100", "", "", ""))
    plan = parse_plan(Document(path="p.xlsx", format="xlsx", blocks=(Table(rows=(header, *rows)),)))
    assert [t.no for t in plan.tasks] == ["1", "2", "3"]
    assert [t.section for t in plan.tasks] == ["一、政府职能依法全面履行"] * 2 + ["二、依法行政制度体系完善"]
    assert plan.tasks[0].lead_units == ("县政务服务数据管理局",)


def test_a_township_names_its_units_as_stations_and_offices():
    # 桃花乡 (tests/corpus/unseen-taohua-xiang-2025): 责任站所：X（牵头）、Y under each task.
    paragraphs = ["桃花乡2025年法治政府建设工作要点",
                  "一、深入学习贯彻习近平法治思想。乡党委理论学习中心组开展专题学习不少于4次。",
                  "责任站所：党政综合办公室（牵头）、司法所", "二、坚持和发展新时代“枫桥经验”。在各村建立调解组织。",
                  "责任站所：司法所（牵头）、派出所、各村"]
    first, second = parse_plan(Document(path="plan.txt", format="txt", blocks=tuple(paragraphs))).tasks
    assert first.lead_units == ("党政综合办公室",) and first.units == ("司法所",)
    assert second.lead_units == ("司法所",) and second.units == ("派出所", "各村")


def test_a_plan_by_quarter_gives_each_task_its_milestones_as_measures():
    # 长宁区's 推进计划表 (tests/corpus/unseen-changning-2025): 重点任务 | 一季度 | … | 四季度 | 牵头单位 | 配合单位.
    header = ("序号", "重点任务", "一季度", "二季度", "三季度", "四季度", "牵头单位", "配合单位")
    row = ("10", "发挥行政复议化解行政争议主渠道作用", "在街道设立行政复议咨询受理点", "推进行政复议调解和解",
           "召开区行政复议委员会案审会议", "全年行政复议案件调解和解率达到20%以上", "区司法局", "各街道")
    [task] = parse_plan(Document(path="p.docx", format="docx", blocks=(Table(rows=(header, row)),))).tasks
    assert task.title == "发挥行政复议化解行政争议主渠道作用" and task.lead_units == ("区司法局",)
    assert "一季度：在街道设立行政复议咨询受理点；二季度：推进行政复议调解和解" in task.text
    assert [t.text for t in task.targets] == ["行政复议案件调解和解率达到20%以上"]


def test_the_plans_closing_remark_after_its_last_one_line_task_is_no_measure():
    # 柏城区 (tests/corpus/unseen-baicheng-2025): every task is one sentence closed by its units; what follows the
    # last one (各牵头单位请于…报送…) speaks to all units.
    paragraphs = ["柏城区2025年法治政府建设重点任务清单", "一、强化权力制约和监督",
                  "1.开展行政执法案卷评查，发布典型案例。（责任单位：区司法局牵头，各执法部门配合）",
                  "2.健全审计监督与政府督查贯通协调机制。（责任单位：区审计局牵头，区政府督查室配合）",
                  "各牵头单位请于2025年6月30日、12月10日前分别", "将半年和全年落实情况书面报送区委依法治区办。"]
    last = parse_plan(Document(path="plan.txt", format="txt", blocks=tuple(paragraphs))).tasks[-1]
    assert last.text == "健全审计监督与政府督查贯通协调机制。" and last.deadline == ""


def test_a_section_cell_merged_down_and_printed_once_holds_for_the_rows_below():
    # 兰陵县's 推进表 as a PDF (tests/corpus/unseen-lanling-2025): the 板块 cell is merged over its tasks, and the
    # PDF's text layer gives its text on the first row only.
    header = ("板块", "序号", "目标任务", "推进举措", "责任单位", "配合单位", "时间节点", "成果形式")
    rows = (("一、依法全面履行政府职能", "1", "落实公平竞争审查制度", "开展政策措施清理", "县市场监管局", "县司法局",
             "2025年10月底前", "工作台账"),
            ("", "2", "全面推行包容审慎监管", "编制免罚轻罚事项清单", "县司法局", "县市场监管局", "2025年6月底前", "制度文件"),
            ("二、健全依法行政制度体系", "3", "严格落实重大行政决策程序", "公布决策事项目录", "县政府办公室", "县司法局",
             "2025年12月底前", "工作台账"))
    plan = parse_plan(Document(path="p.pdf", format="pdf", blocks=(Table(rows=(header, *rows)),)))
    assert [t.section for t in plan.tasks] == ["一、依法全面履行政府职能"] * 2 + ["二、健全依法行政制度体系"]


def test_bulleted_tasks_each_followed_by_its_unit_line():
    # 鹭洲街道 (tests/corpus/unseen-luzhou-jd-2025, GB18030 text): under 一、… each task is a line “● 标题。措施…”
    # and the next line 责任科室：…；配合：…. A bullet opens a paragraph (the unit line before it ends nothing with a
    # full stop), a unit line closes one (the issuer's 印发 line after the last is not a unit), and a paragraph of
    # title and measures with its unit clause on the next line is a whole task, as with the clause at its end.
    plan = load_plan(CORPUS / "unseen-luzhou-jd-2025" / "unseen-luzhou-jd-2025-plan.txt")
    assert len(plan.tasks) == 12
    first, last = plan.tasks[0], plan.tasks[-1]
    assert first.title == "落实党政主要负责人履行推进法治建设第一责任人职责" and first.section.startswith("一、")
    assert first.lead_units == ("党政办公室",) and first.units == ("司法所",)
    assert plan.tasks[1].title == "推进领导干部学法用法常态化" and "会前学法" in plan.tasks[1].text
    assert last.units == ("社区建设办公室",)


def test_a_table_of_measures_without_a_task_column_takes_its_merged_rows_as_tasks(tmp_path):
    # 序号 | 工作措施 | 责任股室 | 完成时限: the column says its rows are measures, so the rows merged across the
    # table (一、深化…改革) are the tasks, each with the measures, units and deadlines of the rows under it.
    from docx import Document

    rows = [("一、深化商务领域“放管服”改革", None, None, None),
            ("（1）", "动态调整县商务局权责清单，并及时向社会公布。", "法规股（牵头）、各股室", "2025年6月底前"),
            ("（2）", "推进成品油零售经营许可初审等事项网上办理。", "市场运行股", "2025年10月底前"),
            ("二、推行包容审慎监管", None, None, None),
            ("（1）", "编制轻微违法行为不予行政处罚清单。", "法规股", "2025年6月底前")]
    document = Document()
    table = document.add_table(rows=1, cols=4)
    for cell, name in zip(table.rows[0].cells, ["序号", "工作措施", "责任股室", "完成时限"], strict=True):
        cell.text = name
    for row in rows:
        cells = table.add_row().cells
        if row[1] is None:
            cells[0].merge(cells[3]).text = row[0]
        else:
            for cell, value in zip(cells, row, strict=True):
                cell.text = value
    document.save(tmp_path / "要点.docx")
    plan = load_plan(tmp_path / "要点.docx")
    assert [(t.no, t.title) for t in plan.tasks] == [("一", "深化商务领域“放管服”改革"), ("二", "推行包容审慎监管")]
    first = plan.tasks[0]
    assert "权责清单" in first.text and "成品油零售经营许可" in first.text
    assert first.lead_units == ("法规股",) and "市场运行股" in first.units


def test_a_task_cell_numbered_by_itself_gives_the_task_its_number():
    # 云岭县林业和草原局 (tests/corpus/unseen-yunling-lcj-2025): 类别 | 工作内容 | 责任股室, each 工作内容 cell one task
    # opening with ①②③; no number column and no title column.
    plan = load_plan(CORPUS / "unseen-yunling-lcj-2025" / "unseen-yunling-lcj-2025-plan.docx")
    assert [t.no for t in plan.tasks] == list("①②③④⑤⑥⑦⑧⑨⑩")
    assert plan.tasks[2].title == "动态调整权责清单" and plan.tasks[2].section == "依法履职"


def test_the_plan_speaking_of_itself_after_its_last_task_closes_it():
    # 梅岭县 (tests/corpus/unseen-meiling-2025): the tasks name no units (they are in the annex table), so nothing
    # marks where the last one ends; the paragraph that speaks of the plan itself (对照本要点) and the annex line do.
    paragraphs = ["梅岭县2025年法治政府建设工作要点", "一、深化政务公开",
                  "（一）推进政务服务“一网通办”。", "推动高频事项全程网办。",
                  "（二）推进基层政务公开标准化规范化。", "编制并动态更新县乡两级政务公开事项标准目录。",
                  "将政务公开纳入年度绩效考核。",
                  "各乡镇、各部门要对照本要点细化任务措施，于2025年12月10日前将年度法治政府建设情况报送县委依法治县办。",
                  "附件：任务分工"]
    last = parse_plan(Document(path="plan.txt", format="txt", blocks=tuple(paragraphs))).tasks[-1]
    assert last.text.endswith("将政务公开纳入年度绩效考核。") and last.deadline == ""


@pytest.mark.parametrize("head", [
    # 石岩县司法局 (tests/corpus/shiyan-2025): a report on the plan, named after it.
    ["石岩县司法局关于2025年度法治政府建设工作要点落实情况的报告", "县人民政府：", "2025年，县司法局对照工作要点逐项推进。"],
    # 丰禾县 (tests/corpus/fenghe-2025): a bulletin; 苍岩旗 (unseen-canyan-2025): a title the PDF wrapped.
    ["法治政府建设工作简报", "（2025年第4期·年度专刊）", "起草印发年度法治政府建设工作要点。"],
    ["旗司法局2025年度推进法治政府建设工作总", "结", "起草印发年度法治政府建设工作要点和任务分工。"],
])
def test_a_report_that_names_the_plan_it_answers_is_no_plan(head):
    from tracker.classify import is_plan

    assert not is_plan(Document(path="r.docx", format="docx", blocks=tuple(head)))
    assert is_plan(Document(path="p.docx", format="docx", blocks=("石岩县2025年法治政府建设工作要点", "一、加强学习")))


def test_a_plan_issued_as_the_annex_of_a_notice_begins_at_its_annex():
    # 金川县 (tests/corpus/unseen-jinchuan-2025): the notice's own 一、二、三、 became the plan's parts, and its list
    # of annexes (附件：…工作要点) the plan's title.
    paragraphs = ["金川县人民政府办公室文件", "金川县人民政府办公室关于印发《金川县2025年法治政府建设工作要点》的通知",
                  "各乡镇人民政府、县政府各部门：", "一、提高思想认识。各单位要充分认识法治政府建设的重要意义。",
                  "二、按时报送情况。各单位于2025年12月10日前报送落实情况。", "附件：金川县2025年法治政府建设工作要点",
                  "金川县人民政府办公室", "2025年3月18日", "附件", "金川县2025年法治政府建设工作要点",
                  "为深入贯彻习近平法治思想，制定本要点。", "一、加强党对法治政府建设的领导",
                  "（一）压实第一责任人职责。县政府常务会议每年听取法治政府建设汇报。（县政府办公室牵头）",
                  "（二）深入学习宣传习近平法治思想。组织领导干部专题培训。（县司法局牵头）",
                  "二、严格规范公正文明执法", "（三）全面落实行政执法“三项制度”。开展案卷评查。（县司法局牵头）"]
    plan = parse_plan(Document(path="plan.docx", format="docx", blocks=tuple(paragraphs)))
    assert plan.title == "金川县2025年法治政府建设工作要点"
    assert [t.section for t in plan.tasks] == ["一、加强党对法治政府建设的领导"] * 2 + ["二、严格规范公正文明执法"]


def test_a_plan_written_as_articles_gives_one_task_per_article_with_the_units_in_its_sentence():
    # 宝珠区分局 (tests/corpus/unseen-baozhu-2025): 第一章 … 第一条 …, the units inside each article's sentence
    # (由法规科负责，各自然资源所配合); the 附则's articles assign no work, so they are no tasks.
    paragraphs = ["宝珠区分局2025年依法行政工作安排", "第一章 强化法治思维和制度保障",
                  "第一条 深入学习贯彻习近平法治思想，定期开展专题学法，由法规科负责，各自然资源所配合组织新提任科级干部"
                  "参加任前法律知识考试。",
                  "第二条 加强行政规范性文件管理，由法规科负责，规划管理科配合，于2025年9月底前完成集中清理。",
                  "第二章 严格规范公正文明执法",
                  "第三条 加强违法用地动态巡查，由执法监察大队负责，各自然资源所配合，全年开展执法巡查不少于24次。",
                  "第三章 附则", "第四条 本安排由法规科负责解释。", "第五条 本安排自印发之日起施行。"]
    plan = parse_plan(Document(path="plan.txt", format="txt", blocks=tuple(paragraphs)))
    assert [t.no for t in plan.tasks] == ["第一条", "第二条", "第三条"]
    assert [t.lead_units for t in plan.tasks] == [("法规科",), ("法规科",), ("执法监察大队",)]
    assert plan.tasks[1].units == ("规划管理科",) and plan.tasks[1].deadline == "2025年9月底前"
    assert plan.tasks[0].section == "第一章强化法治思维和制度保障"


def test_numbered_items_run_on_in_one_paragraph_are_tasks_when_a_unit_line_gives_each_its_units():
    # 松岗县市场监管局 (tests/corpus/unseen-songgang-scjgj-2025): each part is one paragraph （1）…；（2）…；（3）…,
    # then 责任科室：（1）X；（2）Y、Z; read as three tasks of the part's heading, it had 3 tasks instead of 11.
    paragraphs = ["松岗县市场监督管理局2025年法治建设工作计划", "一、健全依法行政制度机制",
                  "（1）深入学习贯彻习近平法治思想。将习近平法治思想纳入局党组理论学习中心组年度学习重点内容；"
                  "（2）加强规范性文件合法性审核。6月底前完成现行有效规范性文件全面清理；"
                  "（3）落实公平竞争审查制度。对新制定的政策措施严格开展公平竞争审查，探索引入第三方评估。",
                  "责任科室：（1）法规科；（2）法规科（牵头）、登记注册科；（3）登记注册科",
                  "二、严格规范公正文明执法",
                  "（1）全面落实行政执法“三项制度”。行政处罚案件法制审核率达到100%；（2）深化“双随机、一公开”监管。"
                  "全年开展联合抽查不少于20次。",
                  "责任科室：（1）法规科、执法稽查大队；（2）执法稽查大队"]
    plan = parse_plan(Document(path="plan.txt", format="txt", blocks=tuple(paragraphs)))
    assert [t.title for t in plan.tasks] == ["深入学习贯彻习近平法治思想", "加强规范性文件合法性审核",
                                             "落实公平竞争审查制度", "全面落实行政执法“三项制度”",
                                             "深化“双随机、一公开”监管"]
    assert [t.no for t in plan.tasks] == ["（1）", "（2）", "（3）", "（1）", "（2）"]
    assert plan.tasks[1].lead_units == ("法规科",) and plan.tasks[1].units == ("登记注册科",)
    assert plan.tasks[4].lead_units == ("执法稽查大队",) and plan.tasks[3].targets[0].value == 100
    assert [t.deadline for t in plan.tasks][:3] == ["", "6月底前", ""]


def test_a_run_of_measures_closed_by_the_task_units_stays_one_task():
    # The same run under a title, with one unit clause for all of it, is one task's measures (柳塘区, 青榆区).
    paragraphs = ["一、加强党的领导", "1.压实第一责任人职责",
                  "（1）县政府常务会议每年听取法治政府建设汇报；（2）开展年度述法；（3）落实学法制度。"
                  "（责任科室：办公室）", "2.深化普法", "（1）落实普法责任制；（2）开展宪法宣传周活动。（责任科室：法规科）"]
    plan = parse_plan(Document(path="plan.txt", format="txt", blocks=tuple(paragraphs)))
    assert [t.title for t in plan.tasks] == ["压实第一责任人职责", "深化普法"]


def test_a_column_of_work_goals_is_the_task_text_and_its_targets_are_read():
    # 枫林县司法局 (tests/corpus/unseen-fenglin-sfj-2025): 序号 | 任务名称 | 工作目标 | 责任科室 | 时间节点, where
    # 工作目标 says in sentences what is to be done. Read as a column of target figures, it left each task its
    # title alone where it gave no figure (加强人民调解组织建设 was then 已落实 on any 人民调解 count).
    header = ("序号", "任务名称", "工作目标", "责任科室", "时间节点")
    rows = (("1", "加强人民调解组织建设", "新建行业性专业性人民调解委员会，开展人民调解员全员轮训。",
             "人民参与和促进法治科", "全年"),
            ("2", "深化行政复议体制改革", "畅通行政复议申请渠道，行政复议案件按期办结率达到100%。", "行政复议与应诉科",
             "6月底前"))
    plan = parse_plan(Document(path="p.docx", format="docx", blocks=("枫林县司法局2025年法治政府建设重点任务清单",
                                                                     Table(rows=(header, *rows)))))
    assert plan.tasks[0].title == "加强人民调解组织建设" and "行业性专业性人民调解委员会" in plan.tasks[0].text
    assert [t.value for t in plan.tasks[1].targets] == [100] and plan.tasks[1].deadline == "6月底前"


def test_numbered_tasks_under_group_headings_share_the_unit_line_that_closes_their_group():
    # 杉溪县 (tests/corpus/unseen-shanxi-2025, a Word 97 .doc): 一、 / （一） group / 1. 2. tasks, each opening with its
    # own title sentence; one 责任单位 line after each group's last task holds for the whole group. Read as the
    # groups' measures, the plan had 6 tasks instead of 12.
    paragraphs = ["杉溪县2025年法治政府建设工作要点", "一、坚持党的领导，健全依法行政制度体系", "（一）压紧压实法治建设责任",
                  "1. 深入学习贯彻习近平法治思想。将习近平法治思想作为县政府常务会议会前学法的必学内容，全年会前学法不少于10次。",
                  "2. 落实法治建设第一责任人职责。组织县政府各部门、各乡镇主要负责人开展年度述法，结果纳入年度绩效考核。",
                  "责任单位：县委依法治县办、县司法局牵头，县政府各部门按职责分工负责。", "（二）提升制度建设质量",
                  "1. 加强行政规范性文件监督管理。严格落实合法性审核和备案审查制度，2025年6月底前完成集中清理并公布目录。",
                  "2. 严格落实重大行政决策程序。编制并公布年度重大行政决策事项目录，严格履行公众参与、专家论证等法定程序。",
                  "责任单位：县政府办公室牵头，县政府各部门按职责分工负责。"]
    plan = parse_plan(Document(path="plan.doc", format="doc", blocks=tuple(paragraphs)))
    assert [t.title for t in plan.tasks] == ["深入学习贯彻习近平法治思想", "落实法治建设第一责任人职责",
                                             "加强行政规范性文件监督管理", "严格落实重大行政决策程序"]
    assert [t.lead_units for t in plan.tasks] == [("县委依法治县办", "县司法局")] * 2 + [("县政府办公室",)] * 2
    assert plan.tasks[0].section == "一、坚持党的领导，健全依法行政制度体系"


def test_one_sentence_measures_under_a_heading_closed_by_one_unit_line_are_the_heading_task():
    # The same frame with one-sentence measures (1.将…纳入年度学习计划。) is one task, the heading's.
    paragraphs = ["一、坚持党的领导", "（一）深化习近平法治思想学习宣传贯彻",
                  "1. 将习近平法治思想纳入县政府常务会议会前学法内容。", "2. 组织领导干部参加法治专题培训。",
                  "责任单位：县司法局牵头，县政府各部门按职责分工负责。", "（二）提升制度建设质量",
                  "1. 完成现行有效行政规范性文件集中清理。", "2. 编制并公布年度重大行政决策事项目录。",
                  "责任单位：县政府办公室牵头。"]
    plan = parse_plan(Document(path="plan.doc", format="doc", blocks=tuple(paragraphs)))
    assert [t.title for t in plan.tasks] == ["深化习近平法治思想学习宣传贯彻", "提升制度建设质量"]


def test_units_in_brackets_right_after_a_task_title_are_its_units():
    # 柘林区住建局 (tests/corpus/unseen-zhelin-zjj-2025): （三）加强…管理。（法规科牵头，房地产市场监管科、物业管理科
    # 配合）起草出台…: the bracket stands after the title sentence, the measures and deadline after it.
    paragraphs = ["柘林区住房和城乡建设局2025年法治建设工作要点", "一、健全依法行政制度体系",
                  "（一）加强住建领域制度建设和规范性文件管理。（法规科牵头，房地产市场监管科、物业管理科配合）起草出台"
                  "《柘林区住房租赁管理办法》；对现行有效的规范性文件开展全面清理，10月底前完成清理。",
                  "（二）全面落实行政执法“三项制度”。（法规科牵头，城建监察大队配合）行政处罚案件法制审核率达到100%。"
                  "（三）推进文明执法（试行）。坚持处罚与教育相结合。（城建监察大队负责）"]
    plan = parse_plan(Document(path="plan.docx", format="docx", blocks=tuple(paragraphs)))
    first = plan.tasks[0]
    assert (first.lead_units, first.units, first.deadline) == (("法规科",), ("房地产市场监管科", "物业管理科"), "10月底前")
    assert "法规科牵头" not in first.text and "起草出台" in first.text


def test_a_lead_unit_merged_down_a_printed_table_holds_for_the_rows_below_it():
    # 南屏区 (tests/corpus/unseen-nanping-2025, a PDF): 区司法局 merged over tasks 1–3 is printed beside task 1 alone.
    header = ("序号", "重点任务", "具体举措", "牵头单位", "配合单位", "完成时限")
    rows = (("1", "推动领导干部带头尊法学法守法用法", "1.举办专题培训班。", "区司法局", "区委组织部", "12月底前"),
            ("2", "加强行政规范性文件监督管理", "1.开展集中清理。", "", "区政府办公室", "6月底前"),
            ("3", "深化“高效办成一件事”改革", "1.拓展集成服务场景。", "区政务服务中心", "区政府各部门", "12月底前"))
    blocks = ("南屏区2025年法治政府建设重点任务清单", Table(rows=(header, *rows)))
    printed = parse_plan(Document(path="plan.pdf", format="pdf", blocks=blocks))
    assert [t.lead_units for t in printed.tasks] == [("区司法局",), ("区司法局",), ("区政务服务中心",)]
    # A Word or Excel table repeats a merged cell in every row: a blank there is a blank.
    typed = parse_plan(Document(path="plan.docx", format="docx", blocks=blocks))
    assert "区司法局" not in typed.tasks[1].lead_units


def test_a_title_followed_by_a_qualifier_in_brackets_is_the_plan_title():
    # 桃江县教育局 (tests/corpus/unseen-taojiang-jyj-2025): each sheet's title row ends with the sheet's name,
    # …任务分解表（局机关）; the plan had been named after its file.
    from tracker.plan import plan_title

    assert plan_title(["桃江县教育局2025年依法治教工作任务分解表（局机关）"], [], "p.xlsx") == \
        "桃江县教育局2025年依法治教工作任务分解表"
    assert plan_title(["某县2025年法治政府建设工作要点（征求意见稿）"], [], "p.docx") == "某县2025年法治政府建设工作要点"


def test_a_gbk_plan_numbered_past_ten_goes_on_in_parenthesised_numbers():
    # 青石镇 (tests/corpus/unseen-qingshi-zhen-2025, GBK text): GBK has no ⑪, so task 11 is ⑾, which reads as （11）;
    # after ⑩ it is the eleventh task, not a numbered measure of the tenth.
    lines = [f"{chr(ord('①') + n)}落实第{n + 1}项工作：全年开展专项活动，推进各项制度落地。" for n in range(10)]
    paragraphs = ["青石镇2025年法治政府建设工作计划", *[x for line in lines for x in (line, "牵头：党政办　配合：司法所")],
                  "⑾深化法治乡村建设：开展“民主法治示范村”创建。", "牵头：司法所　配合：各村（社区）"]
    plan = parse_plan(Document(path="plan.txt", format="txt", blocks=tuple(paragraphs)))
    assert len(plan.tasks) == 11 and plan.tasks[-1].title == "深化法治乡村建设"
    assert plan.tasks[-1].lead_units == ("司法所",)


def test_units_given_by_task_numbers_count_through_a_plan_numbered_anew_in_each_part():
    # 河湾县医保局 (tests/corpus/unseen-hewan-ybj-2025): tasks 1. 2. under 一、 and 1. 2. 3. under 二、; the closing
    # 任务分工：第1、2项由办公室负责；第3至5项由基金监管股负责… counts them 1–5 through the plan. The label 任务分工：
    # had hidden the first clause, and the numbers had been read as each part's own.
    paragraphs = ["河湾县医疗保障局2025年法治建设工作计划", "一、压实法治建设责任",
                  "1. 落实法治建设第一责任人职责。局主要负责人履行第一责任人职责，年内专题研究法治建设工作不少于2次。",
                  "2. 健全干部学法用法制度。落实局务会会前学法制度，组织干部参加年度网上学法考试。",
                  "二、加强医保基金监管", "1. 开展医保基金使用专项整治。聚焦重点领域开展专项整治，追回违规资金。",
                  "2. 规范医保行政执法行为。落实行政执法“三项制度”，规范执法记录仪使用。",
                  "3. 健全医保基金社会监督机制。选聘社会监督员，落实举报奖励制度。",
                  "任务分工：第1、2项由办公室负责；第3至5项由基金监管股负责，医保中心配合。"]
    plan = parse_plan(Document(path="plan.docx", format="docx", blocks=tuple(paragraphs)))
    assert [t.lead_units for t in plan.tasks] == [("办公室",)] * 2 + [("基金监管股",)] * 3
    assert plan.tasks[2].units == ("医保中心",)


def test_a_plan_whose_tasks_are_named_ordinals_with_a_units_line_of_full_width_spaces():
    # 苍山县 (tests/corpus/unseen-cangshan-2025, the final look of stop 22): 专项一：… 专项十：… headings, then
    # 工作目标：… and 主要措施：①…, and 牵头：X　协同：Y、Z　时限：2025年12月. No task was found (专项 was not a
    # named ordinal), and 时限 ran into the last unit's name.
    paragraphs = ["苍山县2025年法治政府建设工作方案", "专项一：深入学习贯彻习近平法治思想",
                  "工作目标：推动领导干部带头尊法学法守法用法。", "主要措施：①落实县政府常务会议会前学法制度；②举办专题培训班。",
                  "牵头：县司法局　协同：县委组织部、县政府办公室　时限：2025年12月", "专项二：提升政务服务便利化水平",
                  "工作目标：全程网办率达到95%以上。", "主要措施：①推进“高效办成一件事”；②规范帮办代办。",
                  "牵头：县政务服务中心　协同：县市场监管局　时限：2025年11月"]
    plan = parse_plan(Document(path="plan.docx", format="docx", blocks=tuple(paragraphs)))
    assert [t.no for t in plan.tasks] == ["专项一", "专项二"]
    first = plan.tasks[0]
    assert (first.lead_units, first.units, first.deadline) == (("县司法局",), ("县委组织部", "县政府办公室"), "2025年12月")
    assert plan.tasks[1].targets[0].value == 95


def test_a_named_ordinal_in_a_report_is_no_task_label():
    # 东坡区 and 玉泉县 reports open paragraphs with 问题一：… and 案例一：…: in a report they stay what they were.
    from tracker.numbering import match_label

    assert match_label("问题一：重大行政决策事项目录化管理不到位。") is None


def test_a_title_merged_down_over_rows_that_are_tasks_of_their_own_names_their_group():
    # 水月县 (tests/corpus/unseen-shuiyue-2025): 重点工作 | 具体任务 | 责任单位 | 完成时限, each 重点工作 merged down
    # over two or three 具体任务 rows with their own units and deadlines: ten tasks in four groups.
    plan = load_plan(Path(__file__).parent / "corpus" / "unseen-shuiyue-2025" / "unseen-shuiyue-2025-plan.docx")
    assert len(plan.tasks) == 10
    assert {t.section for t in plan.tasks[:3]} == {"加强党对法治政府建设的领导"}
    assert plan.tasks[2].title.startswith("组织开展法治政府建设示范创建")
    assert not plan.tasks[2].text.startswith("加强党对法治政府建设的领导")
    assert plan.tasks[3].targets[0].value == 95.0


def test_a_task_written_as_a_record_of_fields_is_titled_by_its_name_field_and_keeps_its_target(tmp_path):
    # 青岚市政数局 (tests/corpus/unseen-qinglan-zwj-2025): each task a block of one field a line, as a table row laid
    # down the page; every task was titled 任务名称, and the 量化指标 after the units was dropped as a closing remark.
    lines = ["青岚市政务服务和数据管理局2025年法治建设工作任务清单", "各责任科室要对照清单细化措施、压实责任。"]
    records = (("一", "深入学习贯彻习近平法治思想", "坚持局务会会前学法制度，组织全局干部参加年度学法用法考试。", ""),
               ("二", "提升政务服务全程网办水平", "推动高频依申请事项由“网上可办”向“全程网办”转变。",
                "量化指标：政务服务事项全程网办率≥92%"))
    for no, name, work, target in records:
        lines += [f"任务{no}", f"任务名称：{name}", f"工作内容：{work}", "责任科室：电子政务科（牵头）、政务服务科",
                  "完成时限：2025年12月底前"] + ([target] if target else [])
    plan = load_plan(write_docx_paragraphs(lines, tmp_path / "清单.docx"))
    assert [t.title for t in plan.tasks] == ["深入学习贯彻习近平法治思想", "提升政务服务全程网办水平"]
    assert [t.text for t in plan.tasks[1].targets] == ["政务服务事项全程网办率≥92%"]
    assert list(plan.tasks[1].lead_units) == ["电子政务科"]


def test_a_unit_matrix_marks_each_tasks_units_and_its_legend_tells_which_mark_leads():
    # 朝阳旗's 任务分工矩阵 (tests/corpus/unseen-zhaoyang-2025): one column per unit, ● 牵头 and ○ 配合 in the cells,
    # the legend in a row above the header.
    plan = load_plan(CORPUS / "unseen-zhaoyang-2025" / "unseen-zhaoyang-2025-plan.xlsx")
    assert len(plan.tasks) == 16
    first, _, _, _, fifth = plan.tasks[:5]
    assert first.lead_units == ("旗司法局", "旗政府办") and first.units == ("各苏木镇",)
    assert fifth.lead_units == ("旗市场监管局",) and fifth.units == ("旗司法局", "旗发改委", "旗财政局")
    # 责任单位 merged over a second header row of units, and no legend: the filled mark leads, the hollow one helps.
    rows = (("序号", "工作任务", "完成时限", "责任单位", "责任单位", "责任单位"),
            ("序号", "工作任务", "完成时限", "县司法局", "县财政局", "各乡镇"),
            ("1", "开展行政规范性文件集中清理，公布保留目录。", "2025年9月底前", "★", "", "☆"),
            ("2", "规范涉企行政检查，公布检查事项清单。", "2025年6月底前", "☆", "★", ""))
    first, second = parse_plan(Document(path="p.docx", format="docx", blocks=(Table(rows=rows),))).tasks
    assert first.title.startswith("开展行政规范性文件集中清理")
    assert first.lead_units == ("县司法局",) and first.units == ("各乡镇",)
    assert second.lead_units == ("县财政局",) and second.units == ("县司法局",)


def test_a_note_that_the_unit_named_first_leads_gives_each_task_its_lead():
    # 霞林县's 工作台账 (tests/corpus/unseen-xialin-2025): 注：责任单位中排在第一位的为牵头单位 under its table.
    plan = load_plan(CORPUS / "unseen-xialin-2025" / "unseen-xialin-2025-plan.docx")
    task = plan.tasks[5]
    assert task.title == "落实公平竞争审查制度"
    assert task.lead_units == ("县市场监管局",) and task.units == ("县发改局", "县司法局")
    # A plan by quarter is due in the last quarter that holds one of the task's milestones.
    assert plan.tasks[6].deadline == "四季度"
    paragraphs = ["某县2025年法治政府建设工作计划",
                  "（一）落实公平竞争审查制度。开展存量政策措施清理。（责任单位：县市场监管局、县发改局）",
                  "（二）规范涉企行政检查。公布检查事项清单。（责任单位：县司法局、各执法部门）"]
    plain = parse_plan(Document(path="p.txt", format="txt", blocks=tuple(paragraphs))).tasks
    assert all(not t.lead_units for t in plain)  # without the note, no unit leads
    noted = parse_plan(Document(path="p.txt", format="txt", blocks=(*paragraphs, "注：排名第一的单位为牵头单位。"))).tasks
    assert [t.lead_units for t in noted] == [("县市场监管局",), ("县司法局",)]


def test_a_table_of_measures_keyed_by_task_number_gives_each_task_its_measures():
    # 东城区人社局 (tests/corpus/unseen-dongcheng-rsj-2025): a sheet 重点任务 (序号 | 重点任务 | 牵头科室) and a sheet
    # 任务分解 (编号 | 具体措施 | 责任科室 | 完成时限 | 量化指标) with rows 1-1, 1-2, 2-1 ….
    plan = load_plan(CORPUS / "unseen-dongcheng-rsj-2025" / "unseen-dongcheng-rsj-2025-plan.xlsx")
    fourth = plan.tasks[3]
    assert fourth.title == "落实就业优先政策，规范人力资源市场秩序" and fourth.lead_units == ("就业促进科",)
    assert "免申即享" in fourth.text and fourth.units == ("政策法规科", "劳动保障监察大队")
    assert [t.text for t in fourth.targets] == ["检查人力资源服务机构不少于60家"]
    tasks = Table(rows=(("序号", "重点任务", "牵头单位"), ("1", "规范涉企行政检查", "县司法局"),
                        ("2", "加强行政规范性文件管理", "县政府办")))
    measures = Table(rows=(("编号", "具体措施", "责任单位", "完成时限"),
                           ("1-1", "公布涉企行政检查事项清单", "县司法局", "2025年6月底前"),
                           ("2-1", "开展规范性文件集中清理", "县司法局", "2025年9月底前")))
    first, second = parse_plan(Document(path="p.docx", format="docx", blocks=(tasks, measures))).tasks
    assert "公布涉企行政检查事项清单" in first.text and "集中清理" in second.text and second.deadline == "2025年9月底前"
    # Without the task numbers' keys, the same table is the plan's task table of its own.
    alone = parse_plan(Document(path="p.docx", format="docx", blocks=(measures,))).tasks
    assert [t.title for t in alone] == ["公布涉企行政检查事项清单", "开展规范性文件集中清理"]


def test_a_goal_column_before_a_measures_column_names_the_task():
    # 临川县退役军人事务局 (tests/corpus/unseen-tuijun-2025): 序号 | 工作目标 | 工作措施 | 责任股室 | 完成时限, the goal a
    # short name, the measures numbered lines; the two had been read as one text, the title running into measure 1.
    rows = (("序号", "工作目标", "工作措施", "责任股室", "完成时限"),
            ("5", "推进优抚对象信息数据核查", "1.开展抚恤补助资金发放数据比对。\n2.建立动态核查台账。", "优抚安置股",
             "2025年9月底前"))
    [task] = parse_plan(Document(path="p.docx", format="docx", blocks=(Table(rows=rows),))).tasks
    assert task.title == "推进优抚对象信息数据核查" and "1.开展抚恤补助资金发放数据比对" in task.text


def test_a_task_merged_down_over_its_measure_rows_is_one_task():
    # 龙源县财政局 (tests/corpus/unseen-longyuan-czj-2025): 重点任务 | 具体措施 | 责任股室 | 完成时限, each task's cell
    # merged down over two to four measure rows, each with its own office and deadline.
    rows = (("加强行政规范性文件管理", "制发的行政规范性文件全部经法规股合法性审核", "法规股"),
            ("加强行政规范性文件管理", "对现行有效的规范性文件开展全面清理", "法规股、预算股"),
            ("健全重大财政决策程序", "编制年度重大行政决策事项目录并向社会公布", "法规股"))
    table = Table(rows=(("重点任务", "具体措施", "责任股室"), *rows))
    first, second = parse_plan(Document(path="p.docx", format="docx", blocks=(table,))).tasks
    assert first.title == "加强行政规范性文件管理" and "全面清理" in first.text and first.units == ("法规股", "预算股")
    assert second.title == "健全重大财政决策程序"
    # Rows of tasks of their own (具体任务) under one shared title stay tasks, the title their group.
    table = Table(rows=(("重点工作", "具体任务", "责任单位"), *rows))
    tasks = parse_plan(Document(path="p.docx", format="docx", blocks=(table,))).tasks
    assert len(tasks) == 3 and tasks[0].section == "加强行政规范性文件管理"


def test_bulleted_one_sentence_tasks_each_closed_by_a_unit_line():
    # 红庙乡 (tests/corpus/unseen-hongmiao-xiang-2025): ★ key and ☆ regular tasks, no numbers, each one sentence and
    # followed by 责任：X（牵头）、Y；时间：… — the part's tasks, not one task of the part.
    paragraphs = ["红庙乡2025年法治政府建设工作安排", "★为重点任务、☆为常规任务", "一、强化法治建设组织保障",
                  "★落实党政主要负责人履行推进法治建设第一责任人职责，乡党委会议每季度研究1次法治建设。",
                  "责任：党政办（牵头）、司法所；时间：全年",
                  "☆深化领导干部学法用法，全年集体学法不少于4次。", "责任：党政办（牵头）、司法所；时间：2025年6月底前"]
    first, second = parse_plan(Document(path="p.txt", format="txt", blocks=tuple(paragraphs))).tasks
    assert first.title.startswith("落实党政主要负责人履行推进法治建设第一责任人职责") and first.units == ("司法所",)
    assert second.lead_units == ("党政办",) and second.deadline == "2025年6月底前"


def test_an_annex_table_of_the_tasks_takes_their_words_from_the_text_though_the_text_numbers_more():
    # 绿洲县's 实施方案 (tests/corpus/unseen-lvzhou-2025): 二、重点任务 （一）…（十四） without units, 三、保障措施 with its own
    # （一）（二）（三）, then 附件：重点任务分工表 repeating the fourteen titles with their units.
    plan = load_plan(CORPUS / "unseen-lvzhou-2025" / "unseen-lvzhou-2025-plan.docx")
    assert len(plan.tasks) == 14 and all(t.section == "二、重点任务" for t in plan.tasks)
    assert "中心组年度学习计划" in plan.tasks[0].text and plan.tasks[0].lead_units == ("县委依法治县办", "县司法局")


def test_decimal_tasks_count_under_their_part_number_and_roman_numerals_head_parts():
    # 湘江街道 (tests/corpus/unseen-xiangjiang-jd-2025): parts Ⅰ、Ⅱ、Ⅲ、 and tasks 1.1 … 2.1 … restarting in each
    # part; the 2.1 after 1.3 had been taken for a line cut by the PDF wrap.
    paragraphs = ["湘江街道2025年法治建设工作要点", "Ⅰ、坚持党的领导，压实法治建设责任",
                  "1.1压实党政主要负责人履行推进法治建设第一责任人职责。党工委会议专题研究法治建设不少于4次。",
                  "1.2深入学习宣传习近平法治思想。专题学习不少于2次。", "Ⅱ、规范基层执法，提升依法行政水平",
                  "2.1全面落实行政执法“三项制度”。执法记录仪配备使用到位。", "2.2加强执法人员法治培训。每人每年不少于40学时。"]
    tasks = parse_plan(Document(path="p.txt", format="txt", blocks=tuple(paragraphs))).tasks
    assert [t.no for t in tasks] == ["1.1", "1.2", "2.1", "2.2"]
    assert tasks[2].section == "Ⅱ、规范基层执法，提升依法行政水平" and tasks[2].title == "全面落实行政执法“三项制度”"


def test_a_plan_without_parts_opens_at_task_headings_over_numbered_measures():
    # 金松县司法局 (tests/corpus/unseen-jinsong-sfj-2025): （一）…（十二） title lines, each over measures 1. 2. 3. that
    # close with their own office, then 完成时限：…; with no part above them, the （一） lines are still the tasks.
    paragraphs = ["金松县司法局2025年法治政府建设工作计划", "（一）深入学习贯彻习近平法治思想",
                  "1.将习近平法治思想纳入局党组理论学习中心组年度学习重点，全年开展专题学习不少于4次。（责任股室：办公室）",
                  "2.举办全局干部职工习近平法治思想专题培训班。（责任股室：政治处）", "完成时限：2025年12月底前",
                  "（二）加强行政规范性文件合法性审核和备案监督",
                  "1.对拟出台的行政规范性文件严格开展合法性审核，审核率达到100%。（责任股室：行政执法协调监督股）",
                  "2.落实行政规范性文件备案审查制度。（责任股室：行政执法协调监督股）", "完成时限：2025年11月底前"]
    first, second = parse_plan(Document(path="p.txt", format="txt", blocks=tuple(paragraphs))).tasks
    assert first.title == "深入学习贯彻习近平法治思想" and "专题培训班" in first.text
    assert set(first.units) == {"办公室", "政治处"} and second.deadline == "2025年11月底前"


def test_a_list_of_tasks_by_unit_joins_each_tasks_rows_and_their_units():
    # 墨溪县 (tests/corpus/unseen-moxi-2025): a table per unit under 县司法局（牵头任务5项，配合任务3项）, each task coded
    # MX-01 … and repeated as “…（配合）” under each unit that helps.
    header = ("任务编号", "任务名称", "工作要求", "时间节点")
    blocks = ("墨溪县2025年法治政府建设重点任务责任清单", "县司法局（牵头任务2项）",
              Table(rows=(header, ("MX-04", "加强行政规范性文件合法性审核", "审核率达到100%。", "全年"),
                          ("MX-02", "推行重大行政决策目录化管理（配合）", "编制并公布决策事项目录。", "2025年3月底前"))),
              "县政府办公室（牵头任务1项，配合任务1项）",
              Table(rows=(header, ("MX-02", "推行重大行政决策目录化管理", "编制并公布决策事项目录。", "2025年3月底前"),)))
    tasks = parse_plan(Document(path="p.docx", format="docx", blocks=blocks)).tasks
    assert [(t.no, t.title) for t in tasks] == [("MX-02", "推行重大行政决策目录化管理"),
                                                ("MX-04", "加强行政规范性文件合法性审核")]
    assert tasks[0].lead_units == ("县政府办公室",) and tasks[0].units == ("县司法局",)
    assert tasks[1].lead_units == ("县司法局",)
    plan = load_plan(CORPUS / "unseen-moxi-2025" / "unseen-moxi-2025-plan.docx")
    assert [t.no for t in plan.tasks] == [f"MX-{n:02d}" for n in range(1, 15)]
