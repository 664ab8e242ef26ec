"""Report segmentation on the seed reports: headings, sections, kinds of text."""

from pathlib import Path

import pytest

from tracker.ingest import read_document
from tracker.models import ACHIEVEMENT, OTHER, PLAN, PROBLEM, Document, Table
from tracker.segment import sentence_kind, split_report, split_sentences


def report(seeds_dir, name):
    return split_report(read_document(seeds_dir / name))


def kinds_of(passages, fragment):
    return {p.kind for p in passages if fragment in p.text}


def test_wulatezhong_report_sections_and_kinds(seeds_dir):
    r = report(seeds_dir, "wulatezhong-2024-report.txt")
    assert r.title == "2024年乌拉特中旗法治政府建设工作报告" and r.region == "乌拉特中旗" and r.year == 2024
    assert kinds_of(r.passages, "行政机关负责人出庭应诉率100%") == {ACHIEVEMENT}
    assert kinds_of(r.passages, "法治人才短缺") == {PROBLEM}
    assert kinds_of(r.passages, "下一步，乌拉特中旗将") == {PLAN}
    quote = next(p for p in r.passages if "出庭应诉率100%" in p.text)
    assert quote.section == "二、深入扎实推进法治建设工作 › （三）强化制约监督，推动行政权力规范透明运行"
    assert (quote.paragraph, quote.sentence) == (9, 6)


def test_cover_letter_and_next_year_section(seeds_dir):
    r = report(seeds_dir, "etuokeqian-2023-report.txt")
    assert r.title == "鄂托克前旗2023年法治政府建设情况工作总结"
    assert kinds_of(r.passages, "请予以备案") == {OTHER}
    assert kinds_of(r.passages, "行政执法人员素质层次不齐") == {PROBLEM}
    assert kinds_of(r.passages, "办理行政复议案件 7 件") == {ACHIEVEMENT}
    # 拟聘请 is planned, not done.
    assert kinds_of(r.passages, "拟聘请 100 名") == {PLAN}


def test_a_cover_letters_list_of_attachments_is_no_heading_of_the_report():
    # tests/reports/forms-r/r3.docx: 附件：1.…大事记 / 2.主要指标完成情况表 in the letter sending the report were taken
    # for the report's first numbered headings; its own title came after them, and all its work was read as annex.
    lines = ["岚城市自然资源和规划局", "关于报送2025年度法治政府建设情况的报告", "市委全面依法治市委员会办公室：",
             "根据《关于做好2025年度法治政府建设年度报告工作的通知》要求，我局对全年法治政府建设情况进行了认真梳理总结，"
             "形成了《岚城市自然资源和规划局2025年度法治政府建设情况报告》，现予报送，并附大事记和主要指标完成情况表。",
             "附件：1.2025年法治政府建设大事记", "2.主要指标完成情况表", "岚城市自然资源和规划局", "2026年1月16日",
             "2025年度法治政府建设情况报告", "一、2025年主要工作",
             "（一）强化法治建设组织保障。局党组全年专题研究法治工作4次，建立局领导班子会前学法制度。",
             "二、存在的问题", "一是基层自然资源所执法力量与点多面广的监管任务不相适应，卫片图斑核查处置压力较大；",
             "二是个别历史遗留用地问题成因复杂，依法处置进度偏慢，行政争议时有发生。"]
    r = split_report(Document("r.docx", "docx", tuple(lines)))
    assert r.title == "2025年度法治政府建设情况报告"
    assert kinds_of(r.passages, "建立局领导班子会前学法制度") == {ACHIEVEMENT}
    assert kinds_of(r.passages, "现予报送") == {OTHER}
    assert kinds_of(r.passages, "执法力量与点多面广") == {PROBLEM}


def test_gazette_contents_problems_plans_and_chronicle(seeds_dir):
    r = report(seeds_dir, "keyouzhong-2024-report.txt")
    assert r.title == "科右中旗2024年度法治政府建设工作汇报"
    assert kinds_of(r.passages, "科右中旗人民政府大事记（1 月 1 日") == {OTHER}  # table of contents
    assert kinds_of(r.passages, "法律业务知识储备不足") == {PROBLEM}
    assert kinds_of(r.passages, "有件必备、有备必审") == {PLAN}
    assert kinds_of(r.passages, "召开2025年第1次常务会议") == {OTHER}  # 大事记
    assert kinds_of(r.passages, "制发检察建议 179 条") == {ACHIEVEMENT}
    headings = [p for p in r.passages if p.heading and p.kind == ACHIEVEMENT]
    assert any(p.text == "一是建立权责清单动态调整制度。" for p in headings)


def test_sentences_are_verbatim(seeds_dir):
    raw = (seeds_dir / "etuokeqian-2023-report.txt").read_text(encoding="utf-8").replace("**", "")
    for passage in report(seeds_dir, "etuokeqian-2023-report.txt").passages:
        assert "".join(passage.text.split()) in "".join(raw.split())


def test_sentence_about_the_future_inside_achievements_is_not_evidence():
    paragraphs = ("一、主要工作", "（一）加强复议。受理行政复议案件12件。下一步，将继续推进行政复议规范化建设。"
                  "行政复议委员会尚未成立。未经法制审核的决定不得提交会议讨论。")
    r = split_report(Document(path="r.txt", format="txt", blocks=paragraphs))
    assert kinds_of(r.passages, "受理行政复议案件12件") == {ACHIEVEMENT}
    assert kinds_of(r.passages, "下一步") == {PLAN}
    assert kinds_of(r.passages, "尚未成立") == {PROBLEM}  # what was not done is no evidence
    assert kinds_of(r.passages, "未经法制审核") == {ACHIEVEMENT}
    assert {sentence_kind(s, ACHIEVEMENT) for s in ("拟定了《机构改革实施方案》。", "拟于明年出台实施办法。")} == {
        ACHIEVEMENT, PLAN}
    # 拟 before a noun it qualifies (拟作出较大数额罚款的案件, cases where a fine was proposed) is no intention
    # (汝阳县医保局, tests/corpus/unseen-ruyang-ybj-2025).
    assert sentence_kind("拟作出较大数额罚款的案件，一律经合法性把关后再提交集体讨论。", ACHIEVEMENT) == ACHIEVEMENT
    # An action not taken is no evidence either; something that did not happen may be an achievement.
    assert sentence_kind("2025年，本局未制定出台行政规范性文件；", ACHIEVEMENT) == PROBLEM
    assert sentence_kind("全年未发生因行政行为违法引发的重大群体性事件。", ACHIEVEMENT) == ACHIEVEMENT
    # Work put off to a later part of the year is planned (石鼓县人社局, tests/corpus/unseen-shigu-rsj-2025); a plan
    # of this year's work is what was done.
    assert sentence_kind("《管理办法》正在起草，相关工作已列入下半年计划。", ACHIEVEMENT) == PLAN
    assert sentence_kind("将法治培训列入年度干部教育培训计划，全年培训3期。", ACHIEVEMENT) == ACHIEVEMENT


def test_an_intention_is_no_evidence_and_a_requirement_or_a_measure_taken_is():
    # 东坡县's 整改 report (tests/corpus/unseen-dongpo-2025): 整改措施 say what will be done, 整改成效 what was.
    intentions = ("要严格规范涉企行政检查，推行“扫码入企”，检查计划统一报备、统一公示；",
                  "将对县本级现行涉及经营主体经济活动的政策措施开展一次全面公平竞争审查，拟引入第三方机构开展评估。",
                  "县司法局将于10月底前完成文件清理。", "年底前将启动局门户网站政府信息公开专栏改版。")
    done = ("要求各乡镇于6月底前完成自查。", "将法治建设纳入年度考核，全年考核单位52个。",
            "县司法局会同县市场监管局上线涉企行政检查“扫码入企”系统，全县23个行政执法主体全部纳入平台管理。")
    assert {sentence_kind(s, ACHIEVEMENT) for s in intentions} == {PLAN}
    assert {sentence_kind(s, ACHIEVEMENT) for s in done} == {ACHIEVEMENT}


def test_talking_points_count_what_was_done_and_their_labels_say_about_what(tmp_path):
    # 西关街道's 汇报提纲 (tests/corpus/unseen-xiguan-jd-2025): bullet fragments without a full stop.
    outline = tmp_path / "汇报提纲.md"
    outline.write_text("# 西关街道2025年法治建设工作汇报提纲\n\n## 一、深化习近平法治思想学习宣传\n\n"
                       "- 法律顾问：覆盖 9 个社区，审核合同 17 份\n  - 参与重大事项研究 5 次、信访疑难件研判 11 次\n"
                       "- 执法队伍：在编执法人员 22 人，全部持证上岗\n  - 人均法律知识培训 52 学时（2024 年 36 学时）\n"
                       "\n## 三、存在问题\n\n- 执法力量：法律专业背景仅 3 人\n", encoding="utf-8")
    passages = split_report(read_document(outline)).passages
    counted = [p for p in passages if p.text.startswith(("参与重大事项研究", "人均法律知识培训"))]
    assert [(p.kind, p.heading) for p in counted] == [(ACHIEVEMENT, False)] * 2  # a count is no heading
    first = next(p for p in passages if p.text.startswith("覆盖 9 个社区"))
    assert first.topic == "法律顾问" and first.section == "一、深化习近平法治思想学习宣传"
    assert kinds_of(passages, "法律专业背景") == {PROBLEM}


def test_word_heading_styles_without_numbers_name_the_section(tmp_path):
    from docx import Document as WordDocument

    word = WordDocument()
    word.add_heading("乌拉特中旗司法局2024年法治政府建设工作报告", 0)
    word.add_paragraph("旗委依法治旗办：现将我局2024年法治政府建设工作情况报告如下。")
    word.add_heading("主要工作成效", 1)
    word.add_heading("充分发挥行政复议化解行政争议主渠道作用", 2)
    word.add_paragraph("全年受理行政复议案件42件，审结39件。成立旗行政复议委员会，召开会议3次。")
    word.add_paragraph("发出行政复议意见书5份。")  # a short paragraph with a figure is content, not a heading
    word.add_paragraph("加强和规范行政应诉工作。")  # without one it only names a topic
    word.add_heading("存在的不足", 1)
    word.add_paragraph("行政应诉仍有短板，行政机关负责人出庭应诉率有待提高。")
    word.add_heading("下一步工作打算", 1)
    word.add_paragraph("推动行政机关负责人出庭应诉率达到100%。")
    word.add_paragraph("乌拉特中旗司法局")
    word.add_paragraph("2025年1月10日")
    word.save(tmp_path / "report.docx")
    passages = split_report(read_document(tmp_path / "report.docx")).passages
    cases = next(p for p in passages if "42件" in p.text)
    assert cases.kind == ACHIEVEMENT and cases.section == "充分发挥行政复议化解行政争议主渠道作用"
    assert cases.location.startswith("充分发挥行政复议化解行政争议主渠道作用，全文第")
    opinions = next(p for p in passages if "意见书5份" in p.text)
    assert opinions.kind == ACHIEVEMENT and not opinions.heading and opinions.section == cases.section
    assert next(p for p in passages if p.text == "加强和规范行政应诉工作。").heading
    assert kinds_of(passages, "有待提高") == {PROBLEM}
    assert kinds_of(passages, "达到100%") == {PLAN}
    assert kinds_of(passages, "报告如下") == {OTHER}  # the cover letter is no evidence


def test_an_indicator_table_gives_this_years_figure_only(tmp_path):
    # 附表：主要指标完成情况 with last year's figure beside this year's: only 2025's counts, and as a fact.
    import docx

    from tracker.ingest import read_document
    from tracker.segment import split_report

    document = docx.Document()
    document.add_paragraph("某县司法局2025年法治政府建设工作总结")
    document.add_paragraph("一、主要工作")
    document.add_paragraph("全年办理行政复议案件65件。")
    document.add_paragraph("附表：2025年主要指标完成情况")
    table = document.add_table(rows=3, cols=4)
    for row, values in zip(table.rows, [("指标", "2024年", "2025年", "目标值"),
                                        ("行政复议案件按期办结率", "100%", "96.5%", "≥98%"),
                                        ("法律援助案件办理数", "412件", "455件", "—")], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.save(str(tmp_path / "report.docx"))
    report = split_report(read_document(tmp_path / "report.docx"))
    rows = [p for p in report.passages if p.section.startswith("表格")]
    assert [p.text for p in rows] == ["行政复议案件按期办结率96.5%。", "法律援助案件办理数455件。"]
    assert all(p.kind == "achievement" and not p.heading for p in rows)


def passages_of(*lines: str):
    """The passages of a report given as its lines."""
    return split_report(Document("r.txt", "txt", lines)).passages


def kinds_of_lines(*lines: str) -> dict[str, str]:
    """The kind of each passage of a report given as its lines."""
    return {p.text: p.kind for p in passages_of(*lines)}


@pytest.mark.parametrize("this, next_", [("2025年", "2026年重点工作"), ("二〇二五年", "二〇二六年重点工作"),
                                         ("2025年", "下阶段工作谋划")])
def test_a_heading_of_a_later_year_introduces_plans(this, next_):
    # Formal documents may write their years in Chinese numerals, or speak of the next stage without a year.
    kinds = kinds_of_lines(f"某县{this}法治政府建设工作报告", "一、主要成效", "全年受理行政复议案件61件，审结58件。",
                           f"二、{next_}", "全面推进法治乡村建设，创建民主法治示范村5个。")
    assert kinds["全年受理行政复议案件61件，审结58件。"] == ACHIEVEMENT
    assert kinds["全面推进法治乡村建设，创建民主法治示范村5个。"] == PLAN


def test_an_annex_is_named_by_its_own_title_not_by_a_list_the_work_made():
    # 目录 and 附件 head a contents page or an annex; inside a sentence they name something the work produced.
    kinds = kinds_of_lines("某县自然资源局2025年法治建设工作情况的报告", "一、亮点工作", "公示行政处罚决定46件。",
                           "二、下一步打算", "（一）加大违法用地查处力度。",
                           "（二）全面推进政务公开，及时更新本局主动公开事项目录，做好政策解读。",
                           "附件：2025年法治建设大事记", "3月，召开全局法治建设工作会议。")
    assert kinds["（二）全面推进政务公开，及时更新本局主动公开事项目录，做好政策解读。"] == PLAN
    assert kinds["3月，召开全局法治建设工作会议。"] == OTHER


def test_a_title_wrapped_onto_a_second_line_is_read_whole():
    # A PDF's centred title breaks where the line is full; a document number or a date above it is not part of it.
    report = split_report(Document("r.pdf", "pdf", (
        "柳自然资〔2026〕2号", "柳川县自然资源局关于2025年度法治建设工", "作情况的报告", "县委依法治县办：",
        "一、亮点工作", "公示行政处罚决定46件。")))
    assert report.title == "柳川县自然资源局关于2025年度法治建设工作情况的报告"
    report = split_report(Document("r.pdf", "pdf", ("2026年1月16日", "安平县人民政府2025年法治政府建设情况报告",
                                                    "一、主要成效", "公示行政处罚决定46件。")))
    assert report.title == "安平县人民政府2025年法治政府建设情况报告"


@pytest.mark.parametrize("heading", ["二、工作中遇到的困难", "二、需要改进的地方", "二、问题与挑战"])
def test_shortfalls_under_a_heading_in_other_words_are_no_evidence(heading):
    kinds = kinds_of_lines("某县2025年法治政府建设工作报告", "一、主要成效", "全年受理行政复议案件61件。", heading,
                           "部分乡镇法律顾问作用发挥不充分，公职律师数量偏少。")
    assert kinds["部分乡镇法律顾问作用发挥不充分，公职律师数量偏少。"] == PROBLEM


def test_a_heading_naming_a_list_the_work_made_is_no_contents_page():
    # 澧水县 (tests/corpus/unseen-lishui-2025): a news item titled …事项目录 is work; 目录 alone, a 大事记 are not.
    kinds = kinds_of_lines("澧水县2025年法治政府建设工作动态汇编", "县政府公布2025年度重大行政决策事项目录",
                           "3月5日，《澧水县人民政府2025年度重大行政决策事项目录》在县政府门户网站向社会公布。",
                           "县司法局开展行政执法案卷评查", "3月12日，县司法局对8个部门的行政处罚案卷开展集中评查。",
                           "澧水县2025年法治建设大事记", "12月4日，举办宪法宣传周活动。")
    assert kinds["3月5日，《澧水县人民政府2025年度重大行政决策事项目录》在县政府门户网站向社会公布。"] == ACHIEVEMENT
    assert kinds["3月12日，县司法局对8个部门的行政处罚案卷开展集中评查。"] == ACHIEVEMENT
    assert kinds["12月4日，举办宪法宣传周活动。"] == OTHER
    assert kinds_of_lines("某县2025年法治政府建设情况报告", "目录", "一、主要成效……1")["一、主要成效……1"] == OTHER


def test_a_bulletins_list_of_its_items_is_a_table_of_contents():
    # 龙门区 (tests/corpus/unseen-longmen-qu-2025): 【本期导读】 names the bulletin's items; an item's title echoing a
    # task (区发改局加强政务诚信建设) had stood there as a sentence of evidence, its own text being about other work.
    kinds = kinds_of_lines("法治建设工作简报",
                           "【本期导读】区司法局推动行政复议提质增效；区发改局加强政务诚信建设　护航企业发展。",
                           "区司法局推动行政复议提质增效", "全年以调解和解方式结案41件。",
                           "区发改局加强政务诚信建设　护航企业发展", "全年兑现各类奖补资金3860万元。")
    assert kinds["区发改局加强政务诚信建设　护航企业发展。"] == OTHER
    assert kinds["全年兑现各类奖补资金3860万元。"] == ACHIEVEMENT
    # A summary sentence that only one title repeats is content.
    kinds = kinds_of_lines("某县2025年法治政府建设工作报告", "全年复议工作提质增效；行政应诉能力持续提升。",
                           "行政应诉能力持续提升", "全年出庭应诉率100%。")
    assert kinds["全年复议工作提质增效；"] == ACHIEVEMENT


def test_a_tasks_title_quoted_after_its_label_is_a_heading():
    # 西山县司法局 (tests/corpus/unseen-xishan-sfj-2025): 任务五：「开展行政执法案卷评查」 then 完成情况：… about training;
    # the quoted title had stood as a sentence of evidence for the task it echoes.
    report = passages_of("某县司法局2025年任务完成情况对照报告", "一、重点任务完成情况", "任务五：「开展行政执法案卷评查」",
                         "完成情况：全年组织行政执法人员培训2轮，参训1120人次。")
    heads = {p.text: p.heading for p in report}
    assert heads["「开展行政执法案卷评查」"] and not heads["全年组织行政执法人员培训2轮，参训1120人次。"]


def test_what_a_meeting_required_is_no_work_done():
    # 澧水县 (tests/corpus/unseen-lishui-2025): a 部署会's requirements; a unit's own 要求 and a goal's 要点 are work.
    kinds = kinds_of_lines("澧水县2025年法治政府建设工作动态汇编", "县委政法委召开矛盾纠纷排查化解动员部署会",
                           "会议要求，各乡镇要加快建设县、乡、村三级矛盾纠纷调处化解平台；县人民法院要会同县司法局深化诉调对接。",
                           "县司法局开展行政执法案卷评查", "县司法局按照年度考核要求，评查案卷120卷，印发《评查工作要点》。")
    assert kinds["会议要求，各乡镇要加快建设县、乡、村三级矛盾纠纷调处化解平台；"] == PLAN
    assert kinds["县人民法院要会同县司法局深化诉调对接。"] == PLAN
    assert kinds["县司法局按照年度考核要求，评查案卷120卷，印发《评查工作要点》。"] == ACHIEVEMENT
    # 芦塘镇 (tests/corpus/unseen-lutang-zhen-2025): what a meeting deployed for a later month is announced, not done.
    kinds = kinds_of_lines("芦塘镇法治建设工作简报", "芦塘镇召开法治政府建设调度会",
                           "会议部署，镇党政综合办公室将于7月起征集年度重大行政决策事项建议，拟于9月底前编制形成事项目录。",
                           "6月，镇司法所审核镇政府合同9份，提出修改意见14条。")
    assert kinds["会议部署，镇党政综合办公室将于7月起征集年度重大行政决策事项建议，拟于9月底前编制形成事项目录。"] == PLAN
    assert kinds["6月，镇司法所审核镇政府合同9份，提出修改意见14条。"] == ACHIEVEMENT


def test_a_summary_announced_like_a_report_is_no_evidence():
    # 松原县司法局 (tests/corpus/unseen-songyuan-2025): 现将全年工作情况总结如下, as 报告如下 and 汇报如下.
    kinds = kinds_of_lines("松原县司法局2025年法治政府建设工作总结", "现将全年工作情况总结如下。", "一、主要工作及成效",
                           "全年组织县直部门主要负责人现场述法27人。")
    assert kinds["现将全年工作情况总结如下。"] == OTHER
    assert kinds["全年组织县直部门主要负责人现场述法27人。"] == ACHIEVEMENT


FIELD_TEXT = "区政府主要负责同志认真履行推进法治建设第一责任人职责，全年4次主持召开区政府常务会议专题听取法治政府建设工作汇报。"


def test_a_report_typed_into_a_form_reads_its_fields_as_headings():
    # 陵水区 (tests/corpus/unseen-lingshui-2025): 报送单位 | …; 重点任务落实情况 | …; 存在的问题和不足 | …;
    # 2026年工作打算 | …. The 2026 plans beside their field name are plans, not work done.
    form = Table(rows=(("报送单位", "陵水区市场监督管理局"), ("重点任务落实情况", "1.推进执法规范化建设。\n" + FIELD_TEXT),
                       ("存在的问题和不足", "基层执法人员中具有法律专业背景的仅占17%。"),
                       ("2026年工作打算", "一是全面落实“谁执法谁普法”普法责任制，编制本局年度普法责任清单。")))
    document = Document("表.docx", "docx", ("2025年度法治政府建设工作情况报告表", form))
    kinds = {p.text: p.kind for p in split_report(document).passages}
    assert kinds[FIELD_TEXT] == ACHIEVEMENT
    assert kinds["基层执法人员中具有法律专业背景的仅占17%。"] == PROBLEM
    assert kinds["一是全面落实“谁执法谁普法”普法责任制，编制本局年度普法责任清单。"] == PLAN


def test_a_page_laid_out_with_a_table_reads_as_headings_and_paragraphs():
    # 墨岭区 (tests/corpus/unseen-moling-2025): a borderless table, headings left and their text right; a table of
    # tasks and their progress under a header row stays bound to its tasks.
    shortfall = "一是政务公开标准目录动态更新不够及时，部分部门政策解读形式单一，回应社会关切不够主动。"
    layout = Table(rows=(("一、主要工作", ""), ("（一）坚持党的领导", FIELD_TEXT + "\n组织年终述法，述法对象实现全覆盖。"),
                         ("二、存在问题", shortfall)))
    report = split_report(Document("r.docx", "docx", ("墨岭区2025年法治政府建设情况报告", layout)))
    heading = next(p for p in report.passages if p.text == "（一）坚持党的领导")
    assert heading.heading and next(p for p in report.passages if p.text == FIELD_TEXT).section.endswith("（一）坚持党的领导")
    assert {p.kind for p in report.passages if p.text.startswith("一是政务公开")} == {PROBLEM}
    progress = Table(rows=(("重点任务", "落实情况"), ("1.压实法治建设第一责任人职责", FIELD_TEXT),
                           ("2.推进领导干部学法用法", "全年会前学法12次，组织专题讲座3场，参训干部480人次，合格率100%。")))
    rows = split_report(Document("r.docx", "docx", ("某区2025年法治政府建设情况报告", progress))).passages
    assert next(p for p in rows if p.text == FIELD_TEXT).row_task == "1.压实法治建设第一责任人职责"


def test_a_self_assessment_table_reads_each_rows_label_as_a_heading_over_its_text():
    # 翠微区 (tests/corpus/unseen-cuiwei-2025): 考核项目 | 考核内容 | 分值 | 自评分 | 自评依据; the 考核内容 cell may
    # repeat a task's title while the text beside it is about other work (a heading echo, not evidence).
    echo = "全年办理人大代表建议52件、政协委员提案67件，按期办结率100%，代表委员满意率98.2%。"
    reviewed = "全年审核区政府及部门行政规范性文件23件，合法性审核率100%。"
    table = Table(rows=(("考核项目", "考核内容", "分值", "自评分", "自评依据及佐证材料"),
                        ("制度建设", "行政规范性文件管理", "8", "6", reviewed),
                        ("制度建设", "严格落实重大行政决策程序", "8", "6", echo)))
    passages = split_report(Document("r.docx", "docx", ("翠微区2025年度法治政府建设考核自查报告", table))).passages
    heading = next(p for p in passages if p.text == "严格落实重大行政决策程序")
    text = next(p for p in passages if p.text == echo)
    assert heading.heading and not text.heading and text.kind == ACHIEVEMENT
    assert text.section.endswith("严格落实重大行政决策程序")
    assert not any("重大行政决策" in p.text and "人大代表" in p.text for p in passages)


def test_a_table_of_figures_reads_each_row_with_its_header():
    # 云香县行政审批服务局 (tests/corpus/unseen-yunxiang-xzsp-2025): 类别 | 办件量（件） | 即办件（件） | 占比. The row
    # 合计　72648　37975　52.3% said nothing of what its figures count, and 即办件占比 went unchecked.
    table = Table(rows=(("类别", "办件量（件）", "即办件（件）", "占比"), ("社会事务类", "41352", "23563", "57.0%"),
                        ("合计", "72648", "37975", "52.3%")))
    passages = split_report(Document("r.docx", "docx", ("云香县行政审批服务局2025年度工作报告", table))).passages
    assert "合计，办件量（件）72648，即办件（件）37975，占比52.3%。" in [p.text for p in passages]
    # A table whose rows open with figures (a year's row of metrics) is not read so.
    years = Table(rows=(("好评率（%）", "办件量（万件）", "年度"), ("99.62", "21.3", "2024年"), ("99.81", "24.8", "2025年")))
    texts = [p.text for p in split_report(Document("r.docx", "docx", ("某局报告", years))).passages]
    assert not any("，" in text for text in texts)


def test_a_numbered_item_that_tells_its_work_is_evidence_not_a_heading():
    # 明溪县卫健委执法大队 (tests/corpus/unseen-mingxi-wsj-2025): 一是执法信息及时公开，…公示；二是…全程佩戴执法记录仪…；
    # an item of two clauses tells the work; a one-clause item (一是强化组织领导。) names its topic.
    r = split_report(Document("r.txt", "txt", ("某大队2025年工作总结", "一、执法行为进一步规范",
                                              "一是执法信息及时公开，行政处罚结果在县政府门户网站公示；二是现场检查全程佩戴执法记录仪；"
                                              "三是强化组织领导。")))
    headings = {p.text: p.heading for p in r.passages}
    assert headings["一是执法信息及时公开，行政处罚结果在县政府门户网站公示；"] is False
    assert headings["三是强化组织领导。"] is True


def test_sentences_ended_by_an_english_period_are_told_apart():
    assert split_sentences("2.案件查办.全年立案186件,罚没款93.6万元.移送公安机关3件.") == [
        "2.案件查办.", "全年立案186件,罚没款93.6万元.", "移送公安机关3件."]


def test_a_task_quoted_before_its_progress_is_the_plans_text_not_evidence():
    kinds = kinds_of_lines("石岩县司法局关于工作要点落实情况的报告", "一、压紧压实法治建设责任", "【任务】",
                           "县政府常务会议定期专题研究法治政府建设重大问题；", "【落实情况】",
                           "12月上旬组织27个县直部门主要负责人开展年度述法评议。")
    assert kinds["县政府常务会议定期专题研究法治政府建设重大问题；"] == OTHER
    assert kinds["12月上旬组织27个县直部门主要负责人开展年度述法评议。"] == ACHIEVEMENT


def test_work_done_and_a_shortfall_in_one_sentence_are_told_apart():
    kinds = kinds_of_lines("东湖街道司法所2025年工作总结", "一、主要工作",
                           "我所已完成调委会调解员轮训2期，但网格调解员队伍尚未配齐。")
    assert kinds["我所已完成调委会调解员轮训2期，"] == ACHIEVEMENT
    assert kinds["但网格调解员队伍尚未配齐。"] == PROBLEM
    # 金河县财政局 (tests/corpus/unseen-jinhe-czj-2025): the shortfall in the last clause only, without 但.
    kinds = kinds_of_lines("金河县财政局2025年工作总结", "一、主要工作",
                           "全县95家县直预算单位中92家按时公开，公开率为96.8%，另有3家因机构调整未能按期公开。")
    assert kinds["全县95家县直预算单位中92家按时公开，公开率为96.8%，"] == ACHIEVEMENT
    assert kinds["另有3家因机构调整未能按期公开。"] == PROBLEM


def test_a_date_under_the_title_is_no_heading_of_next_years_plans():
    # A web page's stamp (桂川发布 2026年1月26日 18:02) names a day of the next year, not its work.
    kinds = kinds_of_lines("桂川县人民政府关于2025年度法治政府建设情况的报告", "桂川发布　2026年1月26日 18:02",
                           "来源：桂川县人民政府办公室", "2025年，桂川县全年受理行政复议案件61件，审结58件。",
                           "一、主要工作及成效", "全年审核规范性文件16件。", "二、2026年工作打算",
                           "全面推进政务公开，强化政策解读。")
    assert kinds["2025年，桂川县全年受理行政复议案件61件，审结58件。"] == ACHIEVEMENT
    assert kinds["全年审核规范性文件16件。"] == ACHIEVEMENT
    assert kinds["全面推进政务公开，强化政策解读。"] == PLAN


def test_a_tab_table_pasted_into_a_text_report_gives_this_years_figures(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text("某区2025年法治政府建设工作报告\n一、主要成效\n主要指标完成情况如下：\n指标\t2024年\t2025年\t目标值\n"
                    "行政机关负责人出庭应诉率\t96.3%\t91.2%\t95%\n新收行政复议申请（件）\t64\t83\t—\n", encoding="utf-8")
    rows = [p.text for p in split_report(read_document(path)).passages if p.section.startswith("表格")]
    assert rows == ["行政机关负责人出庭应诉率91.2%。", "新收行政复议申请83件。"]


def test_a_pipe_table_in_a_text_report_gives_this_years_figures(tmp_path):
    from tracker.ingest import read_document
    from tracker.segment import indicator_sentence

    path = tmp_path / "报告.txt"
    path.write_text("某局2025年度法治建设工作总结\n一、主要做法和成效\n全年开展执法培训6期。\n"
                    "指标 | 2024年 | 2025年\n立案查处案件（件） | 1,184 | 1,372\n执法人员人均培训学时 | 28 | 32\n"
                    "二、存在的不足\n培训学时与目标仍有差距。\n", encoding="utf-8")
    r = split_report(read_document(path))
    facts = [p.text for p in r.passages if p.location.startswith("表格")]
    assert facts == ["立案查处案件1372件。", "执法人员人均培训学时32学时。"]
    assert indicator_sentence("按期办结率", "96.5%") == "按期办结率96.5%。"


def test_a_statistics_table_names_its_metric_unit_and_remark_and_a_zero_shows_nothing_done():
    # 乌兰苏木's report is mostly this table (tests/corpus/unseen-wulan-sumu-2025): 序号 first, units apart.
    table = Table(rows=(("序号", "工作事项", "单位", "2025年", "2024年", "备注"),
                        ("1", "草原执法巡查", "次", "126", "98", "含夜间巡查31次"),
                        ("2", "嘎查两委成员法治专题培训", "人次", "0", "86", "2025年未单独组织"),
                        ("3", "民主法治示范嘎查创建", "个", "—", "1", "未组织申报"),
                        ("4", "行政诉讼败诉", "件", "0", "1", "")))
    report = split_report(Document(path="总结.docx", format="docx", blocks=("乌兰苏木2025年法治建设工作总结", table)))
    facts = [p.text for p in report.passages if p.location.startswith("表格")]
    assert facts == ["草原执法巡查126次（含夜间巡查31次）。", "行政诉讼败诉0件。"]


def test_a_cover_page_and_a_table_of_contents_stay_outside_the_body():
    paragraphs = ("松林区人民政府关于2025年法治政府建设情况的报告", "松林区人民政府", "2026年1月20日", "目  录",
                  "一、主要举措和成效…………………………3", "（一）坚持高位推动……………3", "二、存在的主要问题……………10",
                  "三、2026年工作打算…………………11",
                  "一、主要举措和成效", "（一）坚持高位推动", "组织区直38个部门主要负责人年终述法。",
                  "二、存在的主要问题", "个别部门述法质量不高，查摆问题不够具体，整改措施针对性不强。", "三、2026年工作打算",
                  "推动述法向街道延伸，组织街道党政主要负责人在区委依法治区委员会会议上现场述法。")
    r = split_report(Document(path="r.docx", format="docx", blocks=paragraphs))
    # The cover's date names 2026 but opens no section of plans; the contents' lines are no headings.
    assert kinds_of(r.passages, "年终述法") == {ACHIEVEMENT}
    assert kinds_of(r.passages, "述法质量不高") == {PROBLEM}
    assert kinds_of(r.passages, "向街道延伸") == {PLAN}
    assert kinds_of(r.passages, "……3") == {OTHER}


def test_items_announced_as_plans_or_problems_follow_their_announcement():
    paragraphs = ("一、主要工作", "全年办理行政复议案件42件，调解率38%。",
                  "下一步，街道将针对薄弱环节，重点做好以下工作：一是推动赋权事项承接评估；二是推进行政执法协调监督"
                  "工作体系建设，明确街道职责；三是抓好普法责任清单制定。")
    r = split_report(Document(path="r.txt", format="txt", blocks=paragraphs))
    assert kinds_of(r.passages, "调解率38%") == {ACHIEVEMENT}
    assert kinds_of(r.passages, "二是推进行政执法协调监督") == {PLAN}
    assert kinds_of(r.passages, "三是抓好普法责任清单") == {PLAN}


def test_a_report_typed_into_one_bordered_cell_reads_as_paragraphs(tmp_path):
    # A township frames its whole report in a 1×1 table: its headings stay headings, its plans stay plans.
    import docx

    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "城关镇2025年法治政府建设工作情况报告"
    for line in ("一、主要工作开展情况", "●用好法律顾问。", "全年审查各类合同协议14份。",
                 "二、2026年工作打算", "●推动更多政务服务事项全程网办，完善帮办代办服务。"):
        cell.add_paragraph(line)
    document.save(tmp_path / "镇报告.docx")
    report = split_report(read_document(tmp_path / "镇报告.docx"))
    assert report.title == "城关镇2025年法治政府建设工作情况报告"
    kinds = {p.text: p.kind for p in report.passages}
    assert kinds["全年审查各类合同协议14份。"] == ACHIEVEMENT
    assert kinds["●推动更多政务服务事项全程网办，完善帮办代办服务。"] == PLAN


@pytest.mark.parametrize("header, rows", [
    # 序号 | 指标 | 目标值 | 完成值 | 完成情况: the figures are in 完成值, not in 序号, 目标值 or 完成情况 (未完成).
    (("序号", "指标", "目标值", "完成值", "完成情况"),
     [("1", "行政机关负责人出庭应诉率", "100%", "80%", "未完成"), ("2", "矛盾纠纷调解成功率", "98%", "98.3%", "完成")]),
    # 指标 | 目标 | 完成 | 完成率: 完成, not the share of the target reached.
    (("指标", "目标", "完成", "完成率"),
     [("行政机关负责人出庭应诉率", "100%", "80%", "80%"), ("矛盾纠纷调解成功率", "98%", "98.3%", "100.3%")]),
])
def test_an_indicator_table_of_targets_and_results_gives_the_results(tmp_path, header, rows):
    import docx

    document = docx.Document()
    for line in ("某镇2025年法治建设工作情况报告", "一、主要成效", "全年调解矛盾纠纷412件。", "附件：主要指标完成情况表"):
        document.add_paragraph(line)
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for row, values in zip(table.rows, [header, *rows], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.save(str(tmp_path / "report.docx"))
    passages = split_report(read_document(tmp_path / "report.docx")).passages
    assert [p.text for p in passages if p.section.startswith("表格")] == [
        "行政机关负责人出庭应诉率80%。", "矛盾纠纷调解成功率98.3%。"]


def test_an_indicator_table_with_years_under_a_merged_header_row_gives_this_years_figures():
    # 指标 | 目标值 | 完成情况 (merged over two columns), then 2024年 | 2025年 on the row below (锦溪县).
    from pathlib import Path

    path = Path(__file__).parent / "corpus" / "jinxi-2025" / "jinxi-2025-report.docx"
    rows = [p.text for p in split_report(read_document(path)).passages if p.section.startswith("表格")]
    assert "行政机关负责人出庭应诉率88.9%。" in rows and not any("96.8%" in r for r in rows)


def test_a_paragraph_led_by_a_phrase_and_a_colon_takes_the_kind_the_phrase_names():
    # 南溪县: no numbered headings, each paragraph opened by a bold phrase and a colon (强化领导：…, 下步打算：…).
    kinds = kinds_of_lines(
        "南溪县人民政府关于2025年法治政府建设情况的报告",
        "强化领导：县长带头履行第一责任人职责，全年主持召开常务会议专题研究法治政府建设工作5次。",
        "存在问题：一是部分部门重视不够。二是乡镇综合行政执法改革还需深化，赋权清单调整不及时。",
        "下步打算：2026年，县政府将持续推进法治政府建设。推动县直部门和乡镇法律顾问全覆盖，建立工作台账。")
    assert kinds["县长带头履行第一责任人职责，全年主持召开常务会议专题研究法治政府建设工作5次。"] == ACHIEVEMENT
    assert kinds["二是乡镇综合行政执法改革还需深化，赋权清单调整不及时。"] == PROBLEM
    assert kinds["推动县直部门和乡镇法律顾问全覆盖，建立工作台账。"] == PLAN
    # 芦塘镇 (tests/corpus/unseen-lutang-zhen-2025): the phrase may name the year (2026年打算：…；…).
    kinds = kinds_of_lines("芦塘镇法治建设工作简报", "芦塘镇2025年法治建设工作回顾",
                           "全年审核合同17份。",
                           "2026年打算：严格落实重大行政决策程序规定，编制公布年度重大行政决策事项目录；配齐公职律师。")
    assert kinds["严格落实重大行政决策程序规定，编制公布年度重大行政决策事项目录；"] == PLAN
    assert kinds["配齐公职律师。"] == PLAN


def test_a_heading_of_two_phrases_names_its_section_and_a_line_cut_short_does_not():
    # 苍岩旗 (tests/corpus/unseen-canyan-2025): unnumbered headings of two phrases, one 一是… paragraph under each.
    passages = passages_of("苍岩旗人民政府关于2025年法治政府建设情况的报告",
                           "深化苏木镇综合行政执法改革，执法质效稳步提升",
                           "一是严格执法程序。全旗32个行政执法主体公示执法信息1.3万余条。",
                           "深入贯彻新修订的《中华人民共和国行政复议法》，统一",
                           "全年办理行政复议案件58件。")
    heading = next(p for p in passages if p.text.startswith("深化苏木镇"))
    assert heading.heading and heading.kind == OTHER
    assert next(p for p in passages if "1.3万余条" in p.text).section == heading.text
    cut = next(p for p in passages if p.text.startswith("深入贯彻"))
    assert not cut.heading


def test_a_short_first_sentence_naming_the_part_speaks_for_its_paragraph():
    # 柳湾县交通运输局 (tests/corpus/unseen-liuwan-jtj-2025): no numbers, each paragraph opened by a bold sentence.
    kinds = kinds_of_lines(
        "柳湾县交通运输局2025年度法治政府建设工作报告",
        "强化执法案卷评查。组织开展执法案卷集中评查两轮，共抽查案卷135卷。",
        "下一步工作安排。2026年，我局将继续深入学习贯彻习近平法治思想；在交通运输领域全面推行轻微违法行为免罚清单；"
        "加强执法人员培训和资格管理，组织开展全员轮训。")
    assert kinds["组织开展执法案卷集中评查两轮，共抽查案卷135卷。"] == ACHIEVEMENT
    assert kinds["在交通运输领域全面推行轻微违法行为免罚清单；"] == PLAN
    assert kinds["加强执法人员培训和资格管理，组织开展全员轮训。"] == PLAN
    # 松原县 (tests/corpus/unseen-songyuan-2025): a shortfall told first and overcome next is no heading of problems.
    kinds = kinds_of_lines("松原县司法局2025年法治政府建设工作报告",
                           "年初受班子成员调整影响，年度任务分解工作有所滞后。4月，经局党组会议专题研究，印发任务分工方案。")
    assert kinds["4月，经局党组会议专题研究，印发任务分工方案。"] == ACHIEVEMENT


def test_a_report_typed_on_one_line_of_a_web_form_is_read_by_its_parts(tmp_path):
    # 西山区云岭街道: the whole report on one line, its parts inline (…化解率98.5%。二、存在的不足一是…).
    from pathlib import Path

    path = Path(__file__).parent / "corpus" / "xishan-2025" / "xishan-2025-report-jd.txt"
    passages = split_report(read_document(path)).passages
    assert kinds_of(passages, "制定年度普法责任清单") == {PLAN}
    assert kinds_of(passages, "执法水平有待提高") == {PROBLEM}
    assert kinds_of(passages, "全年调解各类纠纷386件") == {ACHIEVEMENT}


def test_a_report_answered_point_by_point_under_restated_titles():
    # 乌源县司法局's 答复: 关于“…”的落实情况 over 完成情况：… and sometimes 存在问题：… for each task. The restated
    # titles head sections (the report's title is the letter's own); a 存在问题： label and a sentence standing alone as
    # a line (…尚未开展。) speak only for the task they stand under.
    from pathlib import Path

    path = Path(__file__).parent / "corpus" / "wuyuan-2025" / "wuyuan-2025-report-wenda.docx"
    report = split_report(read_document(path))
    assert report.title.endswith("落实情况的答复")
    assert kinds_of(report.passages, "在12个乡镇设立行政复议咨询受理点") == {ACHIEVEMENT}
    assert ACHIEVEMENT not in kinds_of(report.passages, "下放事项承接情况评估尚未开展")
    assert kinds_of(report.passages, "受理政府信息公开申请38件") == {ACHIEVEMENT}


def test_items_after_a_sentence_announcing_shortfalls_are_shortfalls():
    # 同时也要看到，我县…还有不小差距。一是…；二是…；三是… in one paragraph of a speech (乌源县).
    kinds = kinds_of_lines(
        "在全县法治政府建设工作会议上的讲话",
        "一、2025年工作回顾",
        "全年办理行政复议案件65件。同时也要看到，我县法治政府建设与上级要求相比还有不小差距。"
        "一是法律顾问作用发挥不够充分，全县公职律师仅有11名；二是个别领导干部运用法治思维的能力还不强。")
    assert kinds["一是法律顾问作用发挥不够充分，全县公职律师仅有11名；"] == PROBLEM
    assert kinds["全年办理行政复议案件65件。"] == ACHIEVEMENT


def test_marks_and_bars_before_a_heading_number():
    # Articles on WeChat accounts number parts 01丨… and set marks before headings (▶ 三、…).
    paragraphs = ("某区2025年法治政府建设情况", "01丨压实责任把牢方向", "全年召开常务会议专题研究法治建设4次。",
                  "▶ 三、2026年工作打算", "开展法治督察2次。")
    passages = passages_of(*paragraphs)
    assert kinds_of(passages, "专题研究") == {ACHIEVEMENT}
    assert next(p.section for p in passages if p.text.startswith("全年召开")) == "01丨压实责任把牢方向"
    assert kinds_of(passages, "开展法治督察") == {PLAN}


def test_a_sentence_about_last_year_is_no_evidence_for_this_one():
    # 川北县's 2024—2025 report (tests/corpus/unseen-chuanbei-2025) and last year's figures beside this year's.
    paragraphs = ("川北县人民政府关于川北县2024—2025年法治政府建设工作情况的报告", "一、主要工作",
                  "2024年，全面完成县、乡两级政府部门权责清单动态调整；2025年，新推出集成服务13项。",
                  "2024年我局执法人员人均参训42学时；",
                  "2024年度法治政府建设情况报告于3月底前向社会公开。", "2024年以来，累计培训执法人员800人次。")
    passages = passages_of(*paragraphs)
    assert kinds_of(passages, "权责清单") == kinds_of(passages, "人均参训") == {OTHER}
    assert kinds_of(passages, "集成服务") == kinds_of(passages, "向社会公开") == kinds_of(passages, "累计培训") == {ACHIEVEMENT}


def test_a_self_evaluation_heading_with_its_scores_is_a_heading_not_a_figure():
    # 龙溪县's 自评报告 (tests/corpus/unseen-longxi-2025): each heading gives the indicator's score.
    paragraphs = ("龙溪县法治政府建设示范创建自评报告", "二、指标完成情况",
                  "（五）社会矛盾纠纷依法有效化解（满分14分，自评14分）",
                  "全年县行政复议机构新收行政复议申请57件，依法受理52件。",
                  "（六）法治政府建设组织保障（满分10分）", "年内组织全县382名科级以上干部参加法律知识闭卷测试。")
    passages = passages_of(*paragraphs)
    heading = next(p for p in passages if p.text.startswith("（五）"))
    assert heading.heading
    below = next(p for p in passages if p.text.startswith("全年县行政复议"))
    assert below.section.endswith("（五）社会矛盾纠纷依法有效化解（满分14分，自评14分）")
    assert next(p for p in passages if p.text.startswith("（六）")).heading


def test_what_a_meeting_requires_is_work_asked_for_not_done():
    # 石桥镇's 会议纪要 (tests/corpus/unseen-shiqiao-zhen-2025) stands as the town's report.
    paragraphs = ("石桥镇2025年度法治政府建设工作推进会会议纪要", "会议听取了镇司法所关于矛盾纠纷化解情况的汇报。",
                  "全年排查化解矛盾纠纷312件，调解成功率为95.6%。", "会议要求：", "一是补齐制度短板。",
                  "司法所要在明年一季度前完成镇政府常年法律顾问续聘工作，推动14个村（社区）法律顾问服务全覆盖。",
                  "自然资源所督促剩余3宗图斑于明年2月底前整改到位。")
    passages = passages_of(*paragraphs)
    assert kinds_of(passages, "调解成功率") == {ACHIEVEMENT}
    assert kinds_of(passages, "法律顾问续聘") == kinds_of(passages, "整改到位") == {PLAN}
    assert sentence_kind("综合行政执法队要在明年6月底前为5名新调入队员办理执法证件。", ACHIEVEMENT) == PLAN


def test_the_closing_rows_of_an_indicator_table_name_the_kind_of_their_text():
    # 骊山县统计局's 执法检查台账 (tests/corpus/unseen-lishan-tjj-2025): the 汇总 sheet ends with 存在问题 and
    # 2026年工作打算 rows under its 项目 | 2025年 | 2024年 | 备注 header.
    table = Table(rows=(("项目", "2025年", "2024年", "备注"), ("统计违法案件查处率", "90.0%", "100%", ""),
                        ("存在问题", "个别部门存在未经审批擅自开展统计调查的情况；部分企业依法统计意识不强。", "", ""),
                        ("2026年工作打算", "结合“12·4”国家宪法日开展统计法治宣传进企业活动，开展统计法律法规培训3期。", "", "")))
    passages = split_report(Document(path="r.xlsx", format="xlsx", blocks=(table,))).passages
    assert kinds_of(passages, "查处率90.0%") == {ACHIEVEMENT}
    assert kinds_of(passages, "擅自开展统计调查") == {PROBLEM}
    assert kinds_of(passages, "统计法治宣传") == {PLAN}


def test_a_ledger_names_itself_as_a_report_does():
    # A 法规股's 统计执法检查工作台账 (tests/corpus/unseen-lishan-tjj-2025) is a report whose title says 台账.
    paragraphs = ("骊山县统计局法规股（执法监督股）2025年统计执法检查工作台账", "一、执法检查",
                  "对12家企业开展“双随机”抽查，立案查处统计违法案件9起。")
    report = split_report(Document(path="r.txt", format="txt", blocks=paragraphs))
    assert report.title.endswith("工作台账")
    assert kinds_of(report.passages, "统计执法检查工作台账") == {OTHER}


def test_what_a_head_says_he_asked_of_others_and_a_long_cover_line_are_no_work_done():
    # 桃花乡's 乡长述法报告 (tests/corpus/unseen-taohua-xiang-2025).
    asked = "针对群众反映较多的村务不透明问题，我在乡长办公会议上要求党政综合办公室对照基层政务公开标准目录逐项梳理。"
    assert sentence_kind(asked, ACHIEVEMENT) == PLAN
    cover = ("根据青梧县委全面依法治县委员会办公室《关于做好2025年度党政主要负责人述法工作的通知》要求，现将本人2025年度"
             "学法用法、履行推进法治建设第一责任人职责、依法决策和依法行政等情况报告如下，请予评议。")
    assert sentence_kind(cover, ACHIEVEMENT) == OTHER
    # 定山县人防执法大队's 说明 (tests/corpus/unseen-dingshan-rfb-2025): 现将…说明如下 is a cover line too; it had given
    # 党组 and 法治建设 to a task on the 党组's duties.
    assert sentence_kind("按照办党组关于报送年度法治建设情况的通知要求，现将县人防执法大队2025年度有关情况说明如下：",
                         ACHIEVEMENT) == OTHER
    # 金丰县林业局 (tests/corpus/unseen-jinfeng-2025): a line that says the tasks are not the unit's names them and
    # proves none; it had made three of them 部分落实.
    disclaimer = "《要点》所列任务中，政务服务、营商环境、行政复议等多数事项不属于我局职责范围，我局未承担相关工作。"
    assert sentence_kind(disclaimer, ACHIEVEMENT) == OTHER
    assert sentence_kind("全年我主持召开乡长办公会议，专题听取司法所法治政府建设工作汇报2次。", ACHIEVEMENT) == ACHIEVEMENT
    # 东溪县县长述法报告 (tests/corpus/unseen-dongxi-2025): what the head stressed is asked of others too.
    stressed = "本人多次强调，信访工作必须在法治轨道上运行，要求县信访局严格落实“诉访分离”，推动初信初访就地化解。"
    assert sentence_kind(stressed, ACHIEVEMENT) == PLAN
    # 南陵区区长's speech at the year's meeting (tests/corpus/unseen-nanling-qu-2025): what it sets for the year it is
    # given in (今年要…; 二是要…) is asked, not done; it had made a task 已落实 that only this part named.
    assert sentence_kind("今年要开展拖欠企业账款专项清理，建立政务失信记录归集和通报机制。", ACHIEVEMENT) == PLAN
    assert sentence_kind("五是要加大行政复议调解和解力度，把更多行政争议化解在诉讼之前。", ACHIEVEMENT) == PLAN
    # 主要, 需要 and 重要 hold a 要 that asks nothing.
    assert sentence_kind("二是组织32个旗直部门主要负责人在年终述职中专题述法。", ACHIEVEMENT) == ACHIEVEMENT
    assert sentence_kind("今年重要政策解读材料全部随文发布，解读率达到100%。", ACHIEVEMENT) == ACHIEVEMENT


def test_parts_led_by_bold_sentences_are_the_body_and_an_annex_tables_caption_is_not_the_title():
    # 鹤鸣县 (tests/corpus/unseen-heming-2025): no numbered heading, each part opens with a bold sentence, and an
    # annex table's caption (…指标完成情况表) comes last. The title is the report's, and its parts are evidence.
    paragraphs = ("鹤鸣县人民政府关于2025年度法治政府建设情况的报告", "市人民政府：",
                  "坚持依法决策，重大行政决策质量不断提升。",
                  "县政府编制并向社会公布《鹤鸣县2025年度重大行政决策事项目录》，将4项事项纳入目录管理。",
                  "对照新时代法治政府建设要求，我县工作仍存在一些不足。",
                  "部分县直部门尚未聘请法律顾问，公职律师参与合同审查较少。",
                  "附件：", "2025年度法治政府建设主要指标完成情况表")
    r = split_report(Document(path="r.docx", format="docx", blocks=paragraphs))
    assert r.title == "鹤鸣县人民政府关于2025年度法治政府建设情况的报告" and r.year == 2025
    assert kinds_of(r.passages, "重大行政决策事项目录") == {ACHIEVEMENT}
    assert kinds_of(r.passages, "尚未聘请法律顾问") == {PROBLEM}


def test_a_ledgers_own_caption_stays_its_title():
    paragraphs = ("青禾镇2025年法治政府建设工作任务完成情况统计表", "一、执法检查",
                  "对12家企业开展“双随机”抽查，立案查处违法案件9起。")
    r = split_report(Document(path="r.txt", format="txt", blocks=paragraphs))
    assert r.title == "青禾镇2025年法治政府建设工作任务完成情况统计表"


def test_a_heading_that_only_says_qingkuang_after_the_preamble_is_no_title_but_a_reports_after_its_letter_is():
    # 北湖区交通运输局 (tests/corpus/unseen-beihu-jtj-2025): headings in Word styles without numbers; the one before the
    # statistics table, 年度主要指标完成情况, is a part of the body, not the title.
    preamble = ("2025年，北湖区交通运输局坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
                "全面贯彻党的二十大和二十届历次全会精神，推动交通运输法治建设取得新成效。现将有关情况总结如下。")
    paragraphs = ("北湖区交通运输局2025年法治政府建设工作总结", preamble, "聚焦执法规范化",
                  "对35件重大执法决定开展法制审核，审核覆盖率100%。", "年度主要指标完成情况",
                  "2025年全局主要法治指标完成情况如下表。")
    r = split_report(Document(path="r.docx", format="docx", blocks=paragraphs))
    assert r.title == "北湖区交通运输局2025年法治政府建设工作总结"
    assert kinds_of(r.passages, "法制审核") == {ACHIEVEMENT}
    # A cover letter, then the report it sends: the report's title names a kind of document.
    letter = ("安平县人民政府关于报送2025年法治政府建设情况的报告", "市人民政府：",
              "根据《法治政府建设与责任落实督察工作规定》要求，现将我县2025年法治政府建设情况报送你们，请审阅。"
              "我县将以此次报告为契机，认真总结经验，查找不足，推动法治政府建设各项任务落地见效，为全县高质量发展提供法治保障。",
              "安平县人民政府", "2026年1月15日", "安平县人民政府2025年法治政府建设情况报告", "一、主要工作",
              "组织全县38个部门主要负责人年终述法。")
    r = split_report(Document(path="r.docx", format="docx", blocks=letter))
    assert r.title == "安平县人民政府2025年法治政府建设情况报告"
    # … also where a PDF wraps its last character onto a line of its own.
    wrapped = (*letter[:5], "安平县人民政府2025年法治政府建设情况报", "告", *letter[6:])
    r = split_report(Document(path="r.pdf", format="pdf", blocks=wrapped))
    assert r.title == "安平县人民政府2025年法治政府建设情况报告"


def test_bulleted_talking_points_are_each_content_never_a_heading(tmp_path):
    # A briefing of bullets under numbered parts (西营区's report, tests/corpus/unseen-xiying-2025): each ● line is
    # one fact, however short; glued together they mixed facts, and a short one was taken for a heading.
    path = tmp_path / "报告.txt"
    path.write_text("2025年法治政府建设情况汇报\n七、“三项制度”全面落地\n● 执法信息公示4200余条\n"
                    "● 执法记录仪配备320台 音像记录全覆盖\n● 执法文书格式全区统一\n● 重大执法决定法制审核176件\n",
                    encoding="utf-8")
    passages = [p for p in split_report(read_document(path)).passages if p.text.startswith("●")]
    assert [p.text for p in passages] == ["● 执法信息公示4200余条", "● 执法记录仪配备320台 音像记录全覆盖",
                                          "● 执法文书格式全区统一", "● 重大执法决定法制审核176件"]
    assert all(not p.heading and p.kind == ACHIEVEMENT and p.section == "七、“三项制度”全面落地" for p in passages)


def test_a_task_title_quoted_before_a_colon_is_the_paragraph_heading():
    # 荷塘镇 (tests/corpus/unseen-hetang-zhen-2025): each part opens 关于“…”：, quoting a task's title, and one such
    # title heads unrelated work (帮办代办 under 加强镇政府合同管理). The quote is a heading, as a bold 【…】 lead-in
    # is: it may echo a task and proves nothing; the sentences after it are the evidence.
    passages = passages_of("荷塘镇2025年法治政府建设工作情况报告",
                           "关于“加强镇政府合同管理”：围绕优化营商环境，镇便民服务中心推行帮办代办服务，全年代办事项1260余件。")
    first, rest = passages[-2], passages[-1]
    assert (first.text, first.heading) == ("关于“加强镇政府合同管理”：", True)
    assert not rest.heading and "合同" not in rest.text and not rest.topic


def test_a_numbered_items_bracketed_lead_in_is_its_heading():
    # 玉河乡 (tests/corpus/unseen-yuhe-xiang-2025): ❶【严格落实重大行政决策程序】 over work on 政务公开: the lead-in
    # after the item's number echoes a task and proves nothing, as a bare 【…】 lead-in does.
    for number in ("❶", "1.", "（一）"):
        passages = passages_of("玉河乡2025年法治政府建设工作总结", "一、主要工作",
                               f"{number}【严格落实重大行政决策程序】依托乡政务公开栏，全年主动公开政府信息136条。")
        first, rest = passages[-2], passages[-1]
        assert (first.text, first.heading) == ("【严格落实重大行政决策程序】", True)
        assert not rest.heading and rest.text.startswith("依托乡政务公开栏")


@pytest.mark.parametrize("heading", ["【问题】", "问题：", "四、困难"])
def test_a_heading_that_is_the_word_problem_alone_opens_the_problems(heading):
    # 柘林区住建局 (tests/corpus/unseen-zhelin-zjj-2025): a terse summary under 【执法】【普法】【问题】【明年】; the
    # lines under 【问题】 that do not say 未/尚未 (物业投诉办结时效偏低) had counted as work done.
    kinds = kinds_of_lines("区住建局2025年法治建设工作总结", "【执法】", "•双随机抽查 14 次，覆盖企业 86 家", heading,
                           "•物业投诉办结时效偏低，小区物业服务质量投诉反复")
    assert kinds["•物业投诉办结时效偏低，小区物业服务质量投诉反复"] == PROBLEM
    assert kinds["•双随机抽查 14 次，覆盖企业 86 家"] == ACHIEVEMENT


def test_a_heading_that_names_problems_as_its_object_is_no_problem_section():
    kinds = kinds_of_lines("区住建局2025年法治建设工作总结", "（三）聚焦群众反映强烈的问题",
                           "全年办结物业投诉1260件，办结率98%。")
    assert kinds["全年办结物业投诉1260件，办结率98%。"] == ACHIEVEMENT


def test_a_paragraph_that_opens_with_next_year_is_its_plan_throughout():
    # 青石镇 (tests/corpus/unseen-qingshi-zhen-2025): the last paragraph opens “2026年，我镇将…” and goes on without
    # 将 (从人大代表中选聘特邀行政执法监督员，常态化开展执法案卷评查): next year's plan, not this year's work.
    kinds = kinds_of_lines("青石镇2025年法治政府建设工作总结", "全年办理行政复议案件12件。",
                           "2026年，我镇将坚持以习近平法治思想为引领，持续补短板、强弱项。从人大代表、群众代表中选聘特邀"
                           "行政执法监督员，常态化开展执法案卷评查。")
    assert kinds["从人大代表、群众代表中选聘特邀行政执法监督员，常态化开展执法案卷评查。"] == PLAN
    assert kinds["全年办理行政复议案件12件。"] == ACHIEVEMENT


def test_the_first_of_a_run_of_clauses_is_no_heading():
    # 龙门分局 (tests/corpus/unseen-baishi-sthj-2025): a paragraph of clauses closed by ；, the first of them short and
    # without figures (我大队严格执行执法全过程记录制度，现场检查一律佩戴执法记录仪，音像资料每月集中整理归档；), had been
    # taken for the paragraph's topic sentence, which proves nothing.
    passages = passages_of("龙门分局执法大队2025年工作总结",
                           "我大队严格执行执法全过程记录制度，现场检查一律佩戴执法记录仪，音像资料每月集中整理归档；"
                           "行政处罚决定信息在作出之日起7个工作日内通过分局门户网站公示。")
    first = next(p for p in passages if p.text.startswith("我大队"))
    assert not first.heading and first.kind == ACHIEVEMENT
    topic = passages_of("某县2025年工作总结", "坚持依法科学民主决策。制定《重大行政决策程序规定》，全年决策12项。")
    assert next(p for p in topic if p.text.startswith("坚持")).heading


def test_a_sentence_announcing_shortcomings_with_a_colon_speaks_for_its_paragraph():
    # tests/reports/forms-r/r2.pdf: no heading for the problems, only a paragraph opening 同时也要看到，…还存在一定差距：
    # whose second clause (…文书说理不够充分等问题) was read as work done.
    kinds = kinds_of_lines(
        "枫澜区市场监督管理局2025年法治政府建设工作总结", "一、主要工作",
        "全年办理行政处罚案件326件，罚没款412万元。",
        "同时也要看到，我局法治政府建设与上级要求和群众期待相比还存在一定差距：基层市场监管所执法人员数量偏少，"
        "专业能力仍显不足；部分执法案卷存在证据收集不够规范、文书说理不够充分等问题。")
    assert kinds["部分执法案卷存在证据收集不够规范、文书说理不够充分等问题。"] == PROBLEM
    assert kinds["全年办理行政处罚案件326件，罚没款412万元。"] == ACHIEVEMENT


def test_reports_written_to_be_read_are_read():
    # tests/reports: reports in forms written blind, with probe phrases of each kind of text (python -m tools.reports).
    from tools.reports import forms, kinds, read_right

    for path, probes in forms():
        found = kinds(path, probes)
        wrong = [(p["phrase"], p["kind"], k) for p, k in zip(probes, found, strict=True) if not read_right(p, k)]
        # u2.pdf: the lines of a boxed 专栏 narrower than the page are not joined, and footnotes read as the body's.
        assert len(wrong) <= (4 if path.name == "u2.pdf" else 0), (path.name, wrong)


def test_a_date_with_the_month_in_words_is_no_plan_and_a_part_on_putting_problems_right_is_work():
    # tests/reports/forms-t: 二〇二六年一月 on a cover page was read as a heading of 2026's plans, and the whole
    # report after it as plans (t1); 二、上年度…存在问题的整改情况 tells work done this year (t5).
    kinds = kinds_of_lines(
        "澄岭县2025年度法治政府建设情况报告", "二〇二六年一月", "一、主要工作及成效",
        "县政府全年主持召开常务会议专题研究法治政府建设工作4次，带头开展会前学法12次。",
        "二、上年度法治政府建设存在问题的整改情况",
        "针对上年度执法监督力量薄弱的问题，组建由12名特邀行政执法监督员组成的监督队伍，相关问题均已整改完毕。",
        "三、存在的不足", "基层执法人员法律素养仍需提升，部分案卷说理不够充分。")
    assert kinds["县政府全年主持召开常务会议专题研究法治政府建设工作4次，带头开展会前学法12次。"] == ACHIEVEMENT
    remedied = "针对上年度执法监督力量薄弱的问题，组建由12名特邀行政执法监督员组成的监督队伍，相关问题均已整改完毕。"
    assert kinds[remedied] == ACHIEVEMENT
    assert kinds["基层执法人员法律素养仍需提升，部分案卷说理不够充分。"] == PROBLEM


def test_an_annex_of_cases_tells_the_years_work():
    # tests/reports/forms-u/u5.docx: 附件2 / 典型案例 with two stories of cases handled this year, read as annex.
    kinds = kinds_of_lines(
        "柘阳县2025年法治政府建设情况报告", "一、主要工作", "全年办理行政复议案件63件，调解和解17件。",
        "附件1：2025年法治政府建设大事记", "3月  召开全县法治政府建设工作会议。", "附件2", "典型案例",
        "案例一：一起征地补偿纠纷通过行政复议调解实质性化解",
        "2025年5月，某村12户村民对县自然资源局作出的征地补偿安置决定不服，向县政府申请行政复议。")
    assert kinds["2025年5月，某村12户村民对县自然资源局作出的征地补偿安置决定不服，向县政府申请行政复议。"] == ACHIEVEMENT
    assert kinds["3月  召开全县法治政府建设工作会议。"] == OTHER


def test_the_closing_formula_after_the_plans_is_no_plan():
    # tests/reports/forms-v/v1.docx (the final look): 以上汇报，不妥之处请批评指正。 closed the 下一步打算 part and was
    # read as a plan; a closing formula is no statement of work wherever it stands.
    kinds = kinds_of_lines(
        "滨川经济技术开发区2025年法治建设工作情况汇报", "第一部分　主要工作", "一是全年办结行政处罚案件326件。",
        "第三部分　下一步打算", "一是健全重大行政决策合法性审查机制，扩大法律顾问参与范围。", "以上汇报，不妥之处请批评指正。")
    assert kinds["以上汇报，不妥之处请批评指正。"] == OTHER
    assert kinds["一是健全重大行政决策合法性审查机制，扩大法律顾问参与范围。"] == PLAN


def test_the_characters_a_sentence_pattern_can_start_with():
    from tracker.segment import _first_characters

    assert _first_characters("(?:尚未|仍未)|(?:存在|仍有)[^。]{0,16}(?:问题|不足)|扣\\d+分") == "仍存尚扣"
    assert _first_characters("(?:下一步)?将") == "下将"  # an optional opening lets the next character start it
    assert _first_characters("[\\u4e00-\\u9fff]{0,8}将") == ""  # a class of thousands: any may start it


def test_sheets_titled_alike_but_for_their_quarter_are_parts_of_one_report():
    # 良川县粮食执法监督大队 (tests/corpus/unseen-liangchu-lsj-2025): a workbook of four sheets, each titled …进展台账
    # （一季度）…（四季度）. The last title was taken for the report's and the first three sheets for its cover.
    path = Path(__file__).parent / "corpus" / "unseen-liangchu-lsj-2025" / "unseen-liangchu-lsj-2025-report-zfdd.xlsx"
    passages = split_report(read_document(path)).passages
    first = next(p for p in passages if p.text.startswith("大队全体执法人员参加局机关会前学法3次"))
    assert first.kind == ACHIEVEMENT and not first.heading
    quarters = [p for p in passages if p.text.startswith("县粮食执法监督大队2025年法治工作进展台账")]
    assert len(quarters) == 4 and all(p.heading and p.kind != ACHIEVEMENT for p in quarters)


def test_a_rectification_reports_problems_one_by_one_are_problems_and_its_remedies_work_done():
    # 烟波县文旅局 (tests/corpus/unseen-yanbo-wlj-2025): 问题二：重大行政决策程序执行不严格… / 整改情况：… . The
    # problem the inspectors found, under 问题二：, had been read as work done and made its task 已落实.
    r = split_report(Document("r.txt", "txt", ("某局关于法治督察反馈问题整改情况的报告", "一、反馈问题整改落实情况", "问题二：",
                                              "重大行政决策程序执行不严格，公众参与、专家论证环节不够充分，年度决策事项目录未按时公布。",
                                              "整改情况：", "对本年度签订的合同17份全部进行法律审查，提出修改意见43条。")))
    kinds = {p.text: p.kind for p in r.passages}
    assert kinds["重大行政决策程序执行不严格，公众参与、专家论证环节不够充分，年度决策事项目录未按时公布。"] == PROBLEM
    assert kinds["对本年度签订的合同17份全部进行法律审查，提出修改意见43条。"] == ACHIEVEMENT
