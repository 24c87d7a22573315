"""Whole reports in other words: does the record follow? (issue 8: fit the genre, not the file)

    python bench/reword.py                     # 12 rewordings of each shared report (.txt)
    python bench/reword.py --rewords 40 --seed 3 --show
    python bench/reword.py --moves             # each rewording also moved (bench/transplant.py) to another
                                               # county and other years
    python bench/reword.py --by-wording        # per field, which wordings lose it

bench/transplant.py moves the three shared reports (``corpus/samples``) to other places, years, programmes and
bodies, but never changes their *wording*, and the devset's holdout misses lie in wording.  This bench rewrites,
in each shared report, the sentences and cells that state the record's fields in **other real wordings of the
genre**, drawn from the table ``ALTERNATIVES`` below (data: each wording with a comment naming a dev-half devset
item — ``tests/devset/texts``, host crc32 even — where it occurs):

* how the total and the grade are stated (综合得分为…分 / 总得分…分，绩效等级：良 / 评定等次为“优” …);
* how the tier scores are stated, in prose per section and in the score table's header;
* the title line's shape (关于…的绩效评价报告 / …年度…绩效评价报告 / …绩效自评报告);
* the commissioning sentence (受…委托 / …接受…委托 / 按照…要求);
* the report date line (2024年2月21日 / 二○二四年二月二十一日 / 2024 年 2 月 21 日 / 报告日期：…);
* the signature line (报告单位：… / …（盖章）).

Each rewording is one random choice (seeded) per field per report.  The values do not change, so the expected
record is the gold record (``tests/gold``) — except the title, which is the new title line as printed, and a
grade the new wording states where the report had only derived it (then ``grade_source`` is ``stated``).  The
table gives, per field, the share of reworded reports whose field equals the gold (list fields: mean F1, as
``bench/transplant.py`` counts them).  A field that drops is read from the three reports' own words.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import transplant  # noqa: E402
from transplant import GOLD, SAMPLES, field_scores, move_text, moved_gold, places  # noqa: E402

from jixiao.extractor import parse  # noqa: E402
from jixiao.extractor.record import build_record  # noqa: E402

#: The genre's wordings of each field, as templates over the report's own values ({total}, {grade}, …).  Each
#: comment names a dev-half devset item (tests/devset/texts/…) printing that wording; "the sample" marks the
#: shared report's own.  A title wording is the line as printed; the expected title is that line, whitespace
#: removed, without an 附件N label.
ALTERNATIVES: dict[str, list[str]] = {
    # The total stated with its grade (a report that states both).
    "total_grade": [
        "绩效评价得分{total}分，评价等级为“{grade}”",  # the sample; shandong-linyi-2018-air-quality-eco-compensation
        "综合得分为{total}分，结果为“{grade_long}”",  # zhejiang-haining-2023-childcare-expansion-evaluation-report
        "评价总得分{total}分，绩效评价等级为{grade_long}",  # henan-lankao-2016-school-improvement-ex-post-…-news-spun
        "评定结果得分为{total}分，评定等次为“{grade}”",  # ningxia-helanshan-2021-wine-industry-evaluation
        "总体得分为{total}分，评级为“{grade}”",  # gansu-wushan-2024-fire-rescue-brigade-rectification
        "评价分值：{total}分，评价等级：{grade}",  # guizhou-huangguoshu-2023-village-cadre-pay-third-party-summary
        # hubei-unnamed-2021-university-student-aid-self-result (综合评价得分为 99.8分), with the sample's grade clause
        "综合评价得分为 {total}分，绩效等级为“{grade}”",
        "得分{total}，综合评价结果为：{grade}",  # sichuan-dazhou-2021-intangible-heritage-transfer-self-report
        "绩效评价得分{total}分，评价结果为{grade_long}",  # fujian-fengze-2019-key-evaluation-results-disclosure
    ],
    # The total of a self-evaluation that states no grade (优 then derived), or states it after the score.
    "total": [
        "自评分为{total}分",  # the sample; yunnan-jingdong-2022-rural-minimum-living-reevaluation-notice
        "自评得分为{total}分",  # anhui-luan-2021-public-culture-system-self-table-with-summary (项目绩效自评得分为95分)
        "综合评价得分为 {total}分",  # hubei-unnamed-2021-university-student-aid-self-result
        "评价得分为{total}分",  # anhui-unnamed-2021-flood-drought-funds-third-party
        "自评总分：{total}",  # hubei-guangshui-2021-rural-road-maintenance-self-table-pdf (自评总分: 95)
        "综合得分{total}分",  # anhui-suzhou-2020-small-rural-school-smart-school-self-report-tiers
        "项目绩效自评得分为{total}分",  # anhui-luan-2021-public-culture-system-self-table-with-summary
        "自评得分{total}分，评价等级为“{grade}”",  # shandong-linyi-2018-air-quality-eco-compensation (grade stated)
        "自评得分{total}，综合评价结果为：{grade}",  # sichuan-dazhou-2021-intangible-heritage-transfer-self-report
        "自评得分{total}分，绩效自评结果为{grade}",  # anhui-luan-2023-petition-bureau-project-self-report
    ],
    # A tier's score in the prose of its section ({name}: 决策 …; {weight}, {score}, {rate}).
    "tier_prose": [
        "此项评价满分为 {weight} 分，绩效评价得分 {score} 分，得分率 {rate}",  # the sample
        "满分{weight}分，得{score}分，得分率{rate}",  # shandong-linyi-2018-air-quality-eco-compensation (满分20分,得15.5分)
        # fujian-ningde-2020-earthquake-bureau-department-self-table (本指标满分6分); shandong-linyi-2018-… (投入指标。满分)
        "{name}指标满分{weight}分，得分{score}分，得分率{rate}",
        "{name}（分值{weight}分，自评得{score}分，得分率{rate}）",  # anhui-yuan-2020-vagrant-relief-self-report
    ],
    # The tier table's header row (tab-separated cells, as the .txt renders a table).
    "tier_header": [
        "一级指标\t指标分值\t评价得分\t得分率",  # the sample
        "一级指标\t分值\t得分\t得分率",  # shandong-wucheng-undated-sewage-concession-ex-ante-assessment
        "一级指标\t权重\t得分\t得分率",  # sichuan-unnamed-undated-inclusive-finance-fund-table (一级指标…权重得分)
        # hainan-masked-undated-solar-water-heating-demo-third-party (评价准则 分值 实际得分)
        "一级指标\t分值\t实际得分\t得分率",
    ],
    # How the tier table's rows are laid out in the text ({cells}: the row's cells; the header as its own kind
    # rewords it): as the .txt gives a table's cells, with spaces as a PDF's text layer prints them, or with bars
    # as a web page's table is copied.
    "tier_table_layout": [
        "{tab}",  # the sample
        "{space}",  # shandong-wucheng-undated-sewage-concession-ex-ante-assessment (一级指标 分值 得分 得分率)
        "| {bar} |",  # hubei-huangshi-2022-library-sharing-project-self-table (产出指标(40分) | 数量指标 | …)
    ],
    # A report's title line ({place}{year}{prog}: a fund or project report evaluated by a third party).
    "title_fund": [
        "{place} {year} 年{prog} 绩效评价报告",  # the sample
        "关于{place}{year}年{prog}的绩效评价报告",  # hunan-jinshi-2018-preschool-education-fund-third-party
        "{place}{year}年度{prog}绩效评价报告",  # guangdong-guangzhou-2022-private-economy-sme-funds
        "{year}年度{place}{prog}绩效评价报告",  # anhui-panji-2024-opera-to-villages-evaluation
        "{place}{prog}{year}年度绩效评价报告",  # anhui-jinghu-2023-disabled-federation-central-transfer-self-report
        "{place}{prog}绩效评价报告\n({year}年度)",  # anhui-xuancheng-2021-earthquake-prevention-project-self-table
    ],
    # A project's self-evaluation title ({label}: the 附件 label printed before it).
    "title_project": [
        "{label}{prog}项目支出绩效评价报告",  # the sample
        "{label}{prog}项目支出绩效自评报告",  # anhui-luan-2018-supply-marketing-new-network-project-self-report
        "{label}{year}年度{prog}项目绩效自评报告",  # anhui-ningguo-2023-provincial-intangible-heritage-…-self-report
        "{label}关于{prog}项目支出的绩效评价报告",  # hunan-jinshi-2018-preschool-education-fund-third-party
        "{label}{prog}项目支出绩效自评报告\n({year}年度)",  # anhui-huoshan-2024-special-education-table (year line)
    ],
    # A department's self-evaluation title ({unit}: the department's short name).
    "title_department": [
        "{year}年{unit}\n部门整体支出绩效评价报告",  # the sample
        "{year}年度{unit}部门整体支出绩效评价报告",  # anhui-nanling-2023-bus-subsidy-department-evaluation
        "{unit}{year}年度部门整体支出绩效自评报告",  # anhui-jinghu-2023-disabled-federation-…-self-report (年度…自评)
    ],
    # Who commissioned the third party ({evaluator}, {client}), the clause before 于…对…开展绩效评价.
    "commission": [
        "{evaluator}接受{client}委托，",  # the sample; guizhou-guizhou-2017-2019-ethnic-affairs-…-third-party
        "{evaluator}受{client}委托，",  # henan-tongxu-2023-rural-dilapidated-housing-third-party
        "{evaluator}接受{client}的委托，",  # hunan-shaoshan-undated-seventh-census-third-party-evaluation-wenku
        "受{client}委托，{evaluator}（以下简称“我所”）",  # hunan-jinshi-2018-preschool-education-fund-third-party
        # (the client first: jiangxi-jiangxi-2020-new-countryside-special-fund-commissioned-evaluation-news,
        # 省财政厅委托了…有限公司,对…; sichuan-guangyuan-2016-business-loan-subsidy-news, 委托第三方中介机构…公司,对…)
        "{client}委托{evaluator}，",
        "{client}委托第三方中介机构{evaluator}，",
    ],
    # What a self-evaluation was done under ({notice}: the notice's name in 《》, {client}: who issued it).
    "self_basis": [
        "根据{client}《{notice}》文件要求，",  # the sample
        "按照{client}《{notice}》要求，",  # yunnan-pingbian-2021-rural-revitalization-bureau-project-self-report
        "根据{client}《{notice}》的统一安排，",  # hubei-hubei-2018-disability-fund-self-report (根据…统一安排)
    ],
    # The signature block: the signing unit's line, then the date line ({unit}; {y}{m}{d} and {cy}{cm}{cd}).
    "signature": [
        "{unit}\n{y}年{m}月{d}日",  # the sample; gansu-tianshui-2021-key-evaluation-disclosure
        "{unit}\n{cy}年{cm}月{cd}日",  # hainan-danzhou-2017-justice-bureau-department-third-party (二○一八年九月六日)
        "{unit}\n{y} 年 {m} 月 {d} 日",  # jiangxi-quannan-2021-geohazard-monitoring-funds-report
        "{unit}\n{y}年{m:02d}月{d:02d}日",  # hubei-xianning-2021-central-air-pollution-fund-transfer-target-self-table
        "报告单位：{unit}\n报告日期：{y}年{m}月{d}日",  # hainan-danzhou-2017-…-third-party; hunan-hunan-2022-…-cover
        "评价单位（盖章）：{unit}\n{y}年{m}月{d}日",  # hainan-hainan-undated-forest-ecological-compensation-…-cover
        "{unit}\n填报日期：{y}.{m}.{d}",  # hubei-huangshi-2022-library-sharing-project-self-table (填报日期:2023.6.28)
        # the month alone (the record's date is then the year and month)
        "{unit}\n{y}年{m}月",  # gansu-maiji-undated-unstable-slope-treatment-cover; henan-tongxu-2023-…-third-party
        "{unit}\n{cy}年{cm}月",  # hunan-huitong-2022-bamboo-shoot-base-third-party (二○二三年九月二十八日, less the day)
    ],
}


@dataclass
class Site:
    """Where a sample states a field: the exact text as printed (each occurrence is rewritten), the wording kind,
    and the values the templates are filled with."""

    kind: str
    printed: str
    values: dict[str, Any] = field(default_factory=dict)
    title: bool = False  # the line is the report's title: the expected title becomes the new line


_YUNNAN_TIERS = [
    ("决策", 10, "7.06", "70.60%", "此项评价满分为 10 分，绩效评价得分 7.06 分，得分率 70.60%"),
    ("过程", 25, "16.35", "65.40%", "此项评价满分为 25 分，绩效评价得分 16.35 分，得分率 65.40%"),
    ("产出", 30, "27.09", "90.30%", "此项评价满分为 30 分，绩效评价得分 27.09 分，得分率 90.30%"),
    ("效益", 35, "30.64", "87.54%", "此项评价满分为 35 分，绩效评价得分\n\n30.64分，得分率87.54%"),
]
_CHINESE_DIGITS = "○一二三四五六七八九"


def _chinese_number(n: int) -> str:
    """A month's or day's number in characters (2 → 二, 10 → 十, 21 → 二十一)."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" if tens else "") + (
        _CHINESE_DIGITS[ones] if ones else ""
    )


def _date(y: int, m: int, d: int) -> dict[str, Any]:
    return dict(
        y=y, m=m, d=d, cy="".join(_CHINESE_DIGITS[int(c)] for c in str(y)), cm=_chinese_number(m), cd=_chinese_number(d)
    )


SITES: dict[str, list[Site]] = {
    "yunnan-2021-resident-pension": [
        Site("total_grade", "绩效评价得分81.14分，评价等级为“良”", dict(total="81.14", grade="良", grade_long="良好")),
        Site(
            "total_grade", "绩效评价得分 81.14 分，评价等级为“良”", dict(total="81.14", grade="良", grade_long="良好")
        ),
        *(Site("tier_prose", p, dict(name=n, weight=w, score=s, rate=r)) for n, w, s, r, p in _YUNNAN_TIERS),
        Site("tier_header", "一级指标\t指标分值\t评价得分\t得分率"),
        # (after the header's own rewording: the table's lines, from the header to its 合计 row)
        Site("tier_table_layout", "表 2：绩效评价得分情况表\n\n", dict(last="合计")),
        Site(
            "title_fund",
            "云南省 2021 年城乡居民基本养老保险 绩效评价报告",
            dict(place="云南省", year=2021, prog="城乡居民基本养老保险"),
            title=True,
        ),
        Site(
            "commission",
            "云南银信鼎立会计师事务所有限公司接受云南省财政厅绩效评价中心委托，",
            dict(evaluator="云南银信鼎立会计师事务所有限公司", client="云南省财政厅绩效评价中心"),
        ),
    ],
    "dongchuan-2019-poverty-pension": [
        Site("total", "自评分为97分", dict(total="97", grade="优")),
        Site(
            "title_project",
            "附件3：建档立卡贫困人员参加城乡居民社会养老保险区级配套项目支出绩效评价报告",
            dict(label="附件3：", prog="建档立卡贫困人员参加城乡居民社会养老保险区级配套", year=2019),
            title=True,
        ),
    ],
    "chenggong-2023-department": [
        Site(
            "title_department",
            "2023年呈贡区城乡居民社会养老保险局\n部门整体支出绩效评价报告",
            dict(year=2023, unit="呈贡区城乡居民社会养老保险局"),
            title=True,
        ),
        Site(
            "self_basis",
            "根据呈贡区财政局《关于开展2023年度区级预算支出绩效自评工作的通知》文件要求，",
            dict(client="呈贡区财政局", notice="关于开展2023年度区级预算支出绩效自评工作的通知"),
        ),
        Site(
            "signature",
            "昆明市呈贡区城乡居民社会养老保险局\n2024年2月21日",
            dict(unit="昆明市呈贡区城乡居民社会养老保险局", **_date(2024, 2, 21)),
        ),
    ],
}


def _lay_out(text: str, caption: str, last: str, template: str) -> str:
    """The table under ``caption`` (its lines up to the one opening with ``last``) with each line's tab-separated
    cells laid out as ``template`` says."""
    head = text.index(caption) + len(caption)
    end = text.index("\n", text.index("\n" + last, head) + 1)
    lines = [
        template.format(tab=line, space=line.replace("\t", " "), bar=line.replace("\t", " | "))
        for line in text[head:end].split("\n")
    ]
    return text[:head] + "\n".join(lines) + text[end:]


def reword(
    stem: str, text: str, rng: random.Random, choose: dict[str, int] | None = None, shift: int = 0
) -> tuple[str, dict[str, Any], dict[str, int]]:
    """``text`` (the sample ``stem``) with each wording kind it has redrawn once from ALTERNATIVES (or as
    ``choose`` says: kind → index); the gold record as it reads after (the title the new line); and which
    alternative each kind took.  ``shift``: the years the text will be moved by (bench/transplant.py shifts digits,
    so a year written in characters is written shifted here)."""
    gold = copy.deepcopy(json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8")))
    chosen = {kind: rng.randrange(len(ALTERNATIVES[kind])) for kind in dict.fromkeys(s.kind for s in SITES[stem])}
    chosen.update(choose or {})
    for site in SITES[stem]:
        template = ALTERNATIVES[site.kind][chosen[site.kind]]
        if site.kind == "tier_table_layout":
            text = _lay_out(text, site.printed, site.values["last"], template)
            continue
        values = dict(site.values)
        if shift and "cy" in values:
            values["cy"] = _date(values["y"] + shift, values["m"], values["d"])["cy"]
        new = template.format(**values)
        if site.printed not in text:
            raise ValueError(f"{stem}: {site.printed!r} is not printed in the sample")
        text = text.replace(site.printed, new)
        if site.title:
            gold["title"] = "".join(new.removeprefix(site.values.get("label", "")).split())
        if "{grade" in template and gold["score"].get("grade_source") == "derived":
            # a grade stated where it had been derived: stated, and checked against the total
            gold["score"]["grade_source"] = "stated"
            gold["checks"].append({"rule": "grade_threshold", "ok": True, "subject": gold["score"]["grade"]})
        if site.kind == "signature" and "{d" not in template and "{cd" not in template:
            gold["report_date"] = "{y}-{m:02d}".format(**site.values)
    return text, gold, chosen


def run(
    rewords: int, seed: int, moves: bool = False, show: bool = False, only: str = ""
) -> tuple[dict[str, list[float]], dict[tuple[str, str, int], list[float]]]:
    rng = random.Random(seed)
    pool = places() if moves else []
    scores: dict[str, list[float]] = {}
    by_wording: dict[tuple[str, str, int], list[float]] = defaultdict(list)  # (field, kind, alternative)
    with tempfile.TemporaryDirectory() as tmp:
        for sample in sorted(SAMPLES.glob("*.txt")):
            if sample.stem not in SITES or not sample.stem.startswith(only):
                continue
            source = sample.read_text(encoding="utf-8")
            for k in range(rewords):
                county, shift = (rng.choice(pool), rng.choice([-5, -3, -2, -1, 1, 2])) if moves else (None, 0)
                text, want, chosen = reword(sample.stem, source, rng, shift=shift)
                if county:
                    text, want = move_text(text, county, shift), moved_gold(want, county, shift)
                path = Path(tmp) / f"{sample.stem}-{k}.txt"
                path.write_text(text, encoding="utf-8")
                record = build_record(parse(path), path).to_dict()
                got = field_scores(record, want)
                for f, v in got.items():
                    scores.setdefault(f, []).append(v)
                    for kind, i in chosen.items():
                        by_wording[(f, kind, i)].append(v)
                if show:
                    for f in (f for f, v in got.items() if v < 1):
                        if f in transplant.SCALAR_FIELDS:
                            shown, wanted = record.get(f), want.get(f)
                        else:
                            have = transplant.list_keys(f, record.get(f, []))
                            need = transplant.list_keys(f, want.get(f, []))
                            shown, wanted = sorted((have - need).elements()), sorted((need - have).elements())
                        print(f"{sample.stem} {chosen}: {f}: got {shown!r} want {wanted!r}")
    return scores, by_wording


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rewords", type=int, default=12, help="rewordings of each sample report")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--moves", action="store_true", help="also move each rewording (bench/transplant.py)")
    ap.add_argument("--show", action="store_true", help="print every field that does not follow")
    ap.add_argument("--only", default="", help="only the sample whose name starts so (yunnan, dongchuan …)")
    ap.add_argument("--by-wording", action="store_true", help="per field below 1, the wordings that lose it")
    args = ap.parse_args()
    scores, by_wording = run(args.rewords, args.seed, args.moves, args.show, args.only)
    n = len(next(iter(scores.values())))
    print(f"\n{n} reworded .txt reports ({args.rewords} of each sample, seed {args.seed}, moves: {args.moves})")
    for f, vals in scores.items():
        print(f"{f:<18}{sum(vals) / len(vals):.3f}  ({len(vals)})")
    if args.by_wording:
        for (f, kind, i), vals in sorted(by_wording.items()):
            if sum(vals) < len(vals):
                wording = ALTERNATIVES[kind][i].replace("\n", "⏎")
                print(f"{f:<12}{kind:<17}{sum(vals) / len(vals):.2f} ({len(vals)})  {wording}")


if __name__ == "__main__":
    main()
