import re

import pytest

from tracker.errors import InputError
from tracker.text import clean_pages, clean_text, decode, normalize, sentences


def test_rejoins_lines_cut_mid_sentence_and_across_page_breaks(seeds_dir):
    raw = (seeds_dir / "dalate-2022-plan.txt").read_text(encoding="utf-8")
    paragraphs = [normalize(p) for p in clean_text(raw)]
    task2 = next(p for p in paragraphs if p.startswith("2.推行政务服务"))
    # The paragraph ran over a page break ("让市场主体" / blank lines / "和群众办事便利").
    assert task2.endswith("让市场主体和群众办事便利、快捷。")
    assert "达拉特旗2022年法治政府建设工作计划" in paragraphs
    assert sum(1 for p in paragraphs if re.match(r"\d+\.", p)) == 30


def test_headings_stay_apart_from_the_text_after_them():
    lines = clean_text("2024年乌拉特中旗法治政府建设工作报告\n\n现将我旗2024年度法治政府建设工作情况报告如下：\n一、深化学习")
    assert lines == ["2024年乌拉特中旗法治政府建设工作报告", "现将我旗2024年度法治政府建设工作情况报告如下：", "一、深化学习"]


def test_unit_label_cut_in_two_is_joined():
    text = "    （一）加强行政执法规范化建设。严格执行有关规定。（牵头单\n位：旗司法局；责任单位：旗政府有关部门）\n"
    joined = "（一）加强行政执法规范化建设。严格执行有关规定。（牵头单位：旗司法局；责任单位：旗政府有关部门）"
    assert clean_text(text) == [joined]


def test_a_wrap_just_before_a_measure_number_is_no_new_paragraph():
    # Hard-wrapped text whose paragraphs open indented (a PDF's text layer, or text copied out of one).
    body = ["　　（一）推进生态环境领域地方立法。1.配合市人大常委会开展《云禾",
            "市扬尘污染防治条例》立法调研和草案起草工作；一并听取意见；",
            "2.开展《云禾市饮用水水源地保护条例》立法后评估，形成评估报告；",
            "3.设立生态环境立法基层联系点。责任处室：法规与标准处（牵头）。",
            "　　（二）加强行政规范性文件监督管理。1.严格落实行政规范性文件合",
            "法性审核机制，未经合法性审核的不得提交局务会议审议，做到应审尽",
            "审；2.规范性文件印发后按规定报市司法局备案，做到有件必备、有备",
            "必审；3.开展规范性文件专项清理，及时公布现行有效规范性文件目录。",
            "　　（三）严格落实重大行政决策程序。1.编制并公布年度重大行政决策",
            "事项目录。责任处室：办公室（牵头）。"]
    paragraphs = clean_text("\n".join(body))
    assert [p[:4] for p in paragraphs] == ["（一）推", "（二）加", "（三）严"]
    assert "起草工作；一并听取意见；2.开展《云禾市饮用水水源地保护条例》" in paragraphs[0]
    # A flush-left heading after a paragraph's last full line that ends a sentence stays a heading.
    lines = body[:8] + ["二、严格规范公正文明执法"] + body[8:]
    assert [p[:4] for p in clean_text("\n".join(lines))] == ["（一）推", "（二）加", "二、严格", "（三）严"]
    # So does one after a sentence closed by its unit clause (tests/plans/forms-a/a2.pdf: （三） had joined the
    # measure before it, and its task was lost).
    lines = ["　　2. 严格履行依法作出的政策承诺和依法签订的各类合同，不得以政府换届、",
             "领导人员更替等理由违约毁约。（责任单位：县发展改革局、县司法局）",
             "（三）规范涉企行政检查",
             "　　1. 各行政执法部门制定并公布本部门年度行政检查计划。（责任单位：县司法局）"]
    assert [p[:4] for p in clean_text("\n".join(body + lines))][-3:] == ["2. 严", "（三）规", "1. 各"]


def test_markdown_marks_bookmarks_and_mongolian_banner_are_removed(seeds_dir):
    raw = (seeds_dir / "keyouzhong-2024-report.txt").read_text(encoding="utf-8")
    lines = clean_text(raw)
    assert lines[0] == "科右中旗人民政府公报"
    assert not any("**" in line or line.startswith("#") for line in lines)
    report = clean_text((seeds_dir / "wulatezhong-2024-report.txt").read_text(encoding="utf-8"))
    assert not any("bookmark" in line for line in report)
    assert report[3].startswith("乌拉特中旗将习近平法治思想作为行动指南")


def test_page_numbers_and_running_headers_are_dropped():
    pages = [f"某某旗人民政府文件\n第{i}段文字。\n- {i} -" for i in range(1, 5)]
    assert clean_pages(pages) == [f"第{i}段文字。" for i in range(1, 5)]


def test_a_web_page_printed_from_a_browser_loses_its_address_and_stamp():
    # 雨花县 (tests/corpus/unseen-yuhua-2025): each page ends with the address and i/4; the article opens with
    # 发布时间/来源/浏览次数 and the page's buttons, which no paragraph takes in.
    url = "https://www.yuhua.gov.cn/zwgk/fzzf/202601/t20260120_118.html"
    pages = ["2026/1/22 09:41 雨花县人民政府关于2025年度法治政府建设情况的报告\n发布时间：\n"
             "2026-01-20 来源：县司法局 浏览次数：1325 【字体：大 中 小】 【打印】 【关闭】\n"
             "2025年，雨花县全面推进依法行政。\n" + url + " 1/3",
             "2026/1/22 09:41 雨花县人民政府关于2025年度法治政府建设情况的报告\n全年审核规范性文件16件，平均办理时限压缩42%。\n"
             + url + " 2/3",
             "2026/1/22 09:41 雨花县人民政府关于2025年度法治政府建设情况的报告\n雨花县人民政府\n" + url + " 3/3"]
    assert clean_pages(pages) == ["2025年，雨花县全面推进依法行政。", "全年审核规范性文件16件，平均办理时限压缩42%。",
                                  "雨花县人民政府"]


def test_normalize_unifies_widths_brackets_colons_and_stray_spaces():
    assert normalize("(1) 出庭应诉率达到 ９８％ ,牵头单位:旗司法局") == "（1）出庭应诉率达到98%，牵头单位：旗司法局"
    assert normalize("时间 12:30，金额 2,500 元") == "时间12:30，金额2,500元"
    assert normalize("⑴ 第一项") == "（1）第一项"
    # Circled digits in dingbat styles (玉河乡's ❶【…】 items, tests/corpus/unseen-yuhe-xiang-2025) count as ① ….
    assert normalize("❶❿➀➊⓵⓫") == "①⑩①①①⑪"


def test_decode_detects_gb18030_and_utf8_bom():
    text = "（一）推进政府机构职能优化协同高效。"
    assert decode(text.encode("gb18030"), "a.txt") == text
    assert decode(text.encode("gbk"), "a.txt") == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "a.txt") == text


def test_decode_refuses_binary_and_unknown_encodings():
    with pytest.raises(InputError, match="不是文本文件"):
        decode(b"\x00\x01\x02binary", "a.txt")
    with pytest.raises(InputError, match="编码"):
        decode(bytes(range(0x80, 0x100)) * 20, "a.txt")


def test_sentences_keep_their_punctuation():
    assert sentences("加强领导。完善机制；推进落实！") == ["加强领导。", "完善机制；", "推进落实！"]


def test_a_wrapped_figure_is_no_label_and_a_year_heading_is_one():
    from pathlib import Path

    from tracker.ingest import read_document
    from tracker.numbering import match_label

    assert match_label("三、2026年工作思路")[:2] == ("cn", "三、")
    assert match_label("1.37亿元；县教育局落实依法治校要求") is None
    pdf = Path(__file__).parent / "corpus" / "anping-2025" / "anping-2025-report-gov.pdf"
    paragraphs = read_document(pdf).paragraphs()
    assert any("全年发放各类救助资金1.37亿元；县教育局" in p for p in paragraphs)  # the PDF wrapped before 1.37
    assert "三、2026年工作思路" in paragraphs


def test_an_indented_first_line_reaches_as_far_as_a_full_line():
    # 青岚市政数局 (tests/corpus/unseen-qinglan-zwj-2025): the first line of a paragraph, indented by two characters,
    # stopped without punctuation at 18.6万 and was taken for a heading; its sentence went on 件，对超时未办结工单….
    body = ["　　二、聚焦群众诉求，政务服务便捷高效",
            "　　推行“一件事一次办”，做到一次告知、一表申请、一套材",
            "料、一次办结”，在市民服务中心设立“一件事”综合受理窗",
            "口，群众平均跑动次数由1.8次降至0.4次。推进网上办事大",
            "厅迭代升级，依申请政务服务事项全程网办率达到89.6%，",
            "较年初提高4.1个百分点。组建帮办代办专员队伍36人，全",
            "年为重点项目提供帮办代办服务1240件次；在全市14个乡",
            "镇（街道）便民服务中心推行“就近办”，下沉高频事项58",
            "项。",
            "　　12345政务服务便民热线全年受理群众诉求18.6万",
            "件，对超时未办结工单实行每月督办通报，全年印发通报6",
            "期。落实政务服务“好差评”制度，全年收集评价数据41.2万",
            "条，好评率99.7%，将“好差评”结果纳入窗口科室年度考",
            "核，健全差评回访整改工作机制。"]
    paragraphs = clean_text("\n".join(body))
    assert any(p.startswith("12345政务服务便民热线全年受理群众诉求18.6万件，对超时未办结工单") for p in paragraphs)


def test_half_width_full_stops_and_quotes_of_a_carelessly_typed_text_are_read_as_chinese():
    # 红星街道 (tests/corpus/unseen-hongxing-jd-2025): a plan typed with . and "…": a task's title ran on into its
    # measures (落实法治建设第一责任人职责.街道党工委…), the whole paragraph taken for its title.
    typed = "落实法治建设第一责任人职责. 街道党工委每年专题研究2次."
    assert normalize(typed) == "落实法治建设第一责任人职责。街道党工委每年专题研究2次。"
    assert normalize('深化便民服务"一窗通办".推动') == "深化便民服务“一窗通办”。推动"
    # Outline labels, decimals, numbered items and addresses keep their point.
    for kept in ("一.主要工作", "（三）.加强", "率达到98.5", "1.推进工作", "www.gov.cn", "见附件2.《通知》"):
        assert normalize(kept) == kept
