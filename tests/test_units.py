from tracker.units import canonical_units, core, inherit_prefix, is_group, same_unit, short_spellings, split_units


def test_split_on_punctuation_and_on_joining_words_between_units():
    assert split_units("旗发改委、司法局，政数局；工商联") == ["旗发改委", "司法局", "政数局", "工商联"]
    assert split_units("旗司法局及政府其他部门") == ["旗司法局", "政府其他部门"]
    assert split_units("市生态环境局河西分局等区各行政执法部门") == ["市生态环境局河西分局", "区各行政执法部门"]
    # 和 inside a name (人力资源和社会保障局) or before a bare 政府 does not split.
    assert split_units("人力资源和社会保障局") == ["人力资源和社会保障局"]
    assert split_units("各苏木镇党委和政府") == ["各苏木镇党委和政府"]
    assert split_units("县中等职业学校") == ["县中等职业学校"]


def test_units_run_together_are_split_where_the_next_begins_with_a_level_or_with_each():
    # A PDF cell of one unit per line loses its line breaks where the lines are names alone.
    assert split_units("区委组织部区司法局区委党校") == ["区委组织部", "区司法局", "区委党校"]
    assert split_units("区政务服务中心区直各部门各街道办事处") == ["区政务服务中心", "区直各部门", "各街道办事处"]
    # … but the members of a unit are one group with it, and a name holding a level inside stays whole.
    assert split_units("县政府各部门") == ["县政府各部门"] and split_units("县政府各行政执法部门") == ["县政府各行政执法部门"]
    assert split_units("局机关各科室") == ["局机关各科室"] and split_units("区委依法治区办") == ["区委依法治区办"]
    # A name with a joiner inside is one name: 基层政权和社区建设股 had been cut into 基层政权和社 and 区建设股
    # (tests/corpus/unseen-ningyuan-mzj-2025).
    assert split_units("基层政权和社区建设股") == ["基层政权和社区建设股"]


def test_level_prefix_is_inherited_but_not_into_names_with_their_own_place():
    names = ["旗纪委监委机关", "人民法院", "市监局", "中国人民银行乌拉特中旗支行", "各苏木镇政府"]
    assert inherit_prefix(names) == ["旗纪委监委机关", "旗人民法院", "旗市监局", "中国人民银行乌拉特中旗支行", "各苏木镇政府"]


def test_groups_are_recognised():
    assert is_group("旗政府各部门") and is_group("各苏木镇政府") and is_group("旗政府有关部门")
    assert is_group("各行政执法部门")
    assert not is_group("旗司法局") and not is_group("旗委政法委")


def test_abbreviations_and_party_prefix_resolve_to_one_unit():
    assert core("旗政数局", "旗") == core("旗政务服务和数据管理局", "旗") == "政务服务和数据管理局"
    assert core("旗委编办", "旗") == core("旗编办", "旗")
    assert core("旗委办", "旗") == "党委办公室"
    assert same_unit("旗市监局", "市场监督管理局", "旗")
    assert not same_unit("旗司法局", "旗财政局", "旗")


def test_canonical_names_prefer_the_most_used_spelling():
    mapping, units = canonical_units(["旗委编办", "旗委编办", "旗编办", "旗司法局", "旗政府各部门"])
    assert mapping["旗编办"] == "旗委编办"
    assert [(u.name, u.group) for u in units] == [("旗委编办", False), ("旗司法局", False), ("旗政府各部门", True)]


def test_a_departments_internal_offices_take_no_level_and_a_city_government_keeps_its_own():
    # 县教育督导室、政策法规股: the 股 is the bureau's own office, not a 县-level unit.
    assert inherit_prefix(["县教育执法大队", "政策法规股", "办公室", "政府办公室"]) == \
        ["县教育执法大队", "政策法规股", "办公室", "县政府办公室"]
    mapping, _ = canonical_units(["市司法局", "市政府办公室", "市政务服务管理局", "法规科", "市政工程科"])
    assert mapping["市政府办公室"] == "市政府办公室" and mapping["市政务服务管理局"] == "市政务服务管理局"
    assert mapping["法规科"] == "法规科"


def test_a_unit_of_another_level_keeps_its_own():
    # Seven corpus plans (tests/corpus/qingshi-2025 among them) named 市生态环境局青石分局 among a 县's bureaus: it
    # is the city bureau's branch, not a 县市生态环境局; 市场监管局 is no 市-level name and takes the 县.
    mapping, _ = canonical_units(["县司法局", "市场监管局", "市生态环境局青石分局", "县交通运输局"])
    assert mapping["市生态环境局青石分局"] == "市生态环境局青石分局" and mapping["市场监管局"] == "县市场监管局"


def test_brackets_and_quotes_inside_a_name_stay_with_it():
    assert split_units("司法所（牵头），各村（社区）") == ["司法所", "各村（社区）"]
    assert split_units("（旗司法局、旗公安局）") == ["旗司法局", "旗公安局"]
    assert split_units("区市场监管局、“双随机、一公开”监管工作联席会议成员单位") == [
        "区市场监管局", "“双随机、一公开”监管工作联席会议成员单位"]


def test_a_placeholder_cell_names_no_unit():
    assert split_units("—") == split_units("／") == split_units("无") == []
    assert split_units("基金监管股、—") == ["基金监管股"]


def test_a_list_inside_brackets_is_part_of_one_name():
    # 泾禾市's plan (tests/corpus/unseen-jinghe-2025): the counties, cities and districts under it are one group.
    assert split_units("市直各部门、各县（市、区）人民政府") == ["市直各部门", "各县（市、区）人民政府"]
    assert split_units("县司法局、各乡镇（街道）、县公安局") == ["县司法局", "各乡镇（街道）", "县公安局"]


def test_a_streets_own_offices_keep_no_level_beside_the_districts_bureaus():
    # 东湾街道 (tests/corpus/unseen-dongwan-jd-2025): its offices (党政办, 综合执法队, 司法所) work with district
    # bureaus (区司法局, 区市场监管局); a reminder to 区党政办 would name an office that does not exist.
    from tracker.meta import township_of

    mentions = ["党政办", "综合执法队", "司法所", "区司法局", "区市场监管局", "区民政局", "区城管局"]
    assert township_of("东湾街道2025年法治政府建设重点任务清单") == "东湾街道"
    assert not township_of("东湾区2025年法治政府建设重点任务清单")
    mapping, _ = canonical_units(mentions, township=True)
    assert [mapping[m] for m in mentions[:3]] == ["党政办", "综合执法队", "司法所"]
    assert mapping["区司法局"] == "区司法局"
    # In the district's own plan a bare 信访办 is the district's.
    assert canonical_units(["信访办", "区司法局", "区民政局"])[0]["信访办"] == "区信访办"


def test_the_kind_of_units_after_a_list_names_no_other_unit():
    # 白泉县 (tests/corpus/unseen-baiquan-2025): …县生态环境分局等行政执法部门 says what the units listed are; a
    # 县行政执法部门 appeared among the units that sent no report. A group after 等 (有关部门) is still a group.
    assert split_units("县市场监管局、县应急管理局、县生态环境分局等行政执法部门") == ["县市场监管局", "县应急管理局",
                                                                         "县生态环境分局"]
    assert split_units("县司法局等有关部门") == ["县司法局", "有关部门"]


def test_a_unit_has_the_short_spellings_of_the_abbreviation_table():
    assert "县人社局" in short_spellings("县人力资源和社会保障局")
    assert "镇综合执法队" in short_spellings("镇综合行政执法队")
    assert short_spellings("镇司法所") == set()
