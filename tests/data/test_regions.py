"""The region table's order and names, as every chart and table uses them."""

from __future__ import annotations

from nereport.data import regions


def test_order_is_the_provinces_with_their_prefectures_then_the_northeast_then_china() -> None:
    order = regions.order()
    main = [
        s
        for s in order
        if s in {"china", "liaoning", "jilin", "heilongjiang", "inner-mongolia", "northeast"}
    ]
    assert main == ["liaoning", "jilin", "heilongjiang", "inner-mongolia", "northeast", "china"]
    assert order[-1] == "china"
    # Prefectures follow their province, before the next province.
    assert order.index("liaoning") < order.index("shenyang") < order.index("jilin")
    assert order.index("heilongjiang") < order.index("harbin") < order.index("inner-mongolia")
    assert order.index("inner-mongolia") < order.index("hulunbuir") < order.index("northeast")
    assert sorted(order) == sorted(r["slug"] for r in regions.table())
    assert regions.rank()["liaoning"] == 0


def test_the_national_comparator_is_named_as_chinese_statistics_name_it() -> None:
    assert regions.names("zh")["china"] == "全国"
    assert regions.names("en")["china"] == "China"


def test_a_prefecture_belongs_to_its_province() -> None:
    assert regions.family("harbin") == "heilongjiang"
    assert regions.family("jilin") == "jilin"
    assert regions.family("northeast") == "northeast"
