"""Pages of official sites, mobile scrapes, public accounts and Taiwan/Hong Kong outlets: the
article's headline, date and outlet under their chrome."""

from __future__ import annotations

from datetime import date

from tests.stages.test_chrome import split


def test_a_wire_story_is_published_on_the_day_the_page_prints():
    doc = split("示例法院发布典型案例\n2022-03-15 09:20 来源：示例日报\n"
                "新华社北京3月14日电（记者 张华）最高人民法院14日发布一批典型案例。\n法院表示，将继续依法审判。\n")
    (article,) = doc.articles
    assert article.dateline == "新华社北京3月14日电"
    assert article.published == date(2022, 3, 15) == doc.published


def test_an_undated_page_gives_a_wire_story_no_date():
    doc = split("示例法院发布典型案例\n新华社北京3月14日电（记者 张华）最高人民法院14日发布一批典型案例。\n")
    assert doc.articles[0].published is None
