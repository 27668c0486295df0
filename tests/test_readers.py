"""HTML and WARC inputs, and JSONL metadata (url, title, lenient dates)."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from pipeline.io import Rejected, read_inputs
from pipeline.readers import lenient_date, suffix_of

PAGE = """<html><head><title>示例县法院调解一起劳务纠纷_示例网</title>
<meta property="og:site_name" content="示例网">
<link rel="canonical" href="https://news.example.org/a/1.html">
<meta name="pubdate" content="2022-08-05"></head>
<body><div class="nav">首页 &gt; 正文</div><article><h1>示例县法院调解一起劳务纠纷</h1>
<p>本报讯 记者甲乙丙 近日，示例县人民法院成功调解一起劳务合同纠纷，当事人当场履行了全部款项，双方握手言和。</p>
<p>法官表示，将继续发挥调解作用，减少当事人诉累，促进社会和谐稳定，这一做法得到群众好评。</p>
</article><footer>版权所有 示例网</footer></body></html>"""


def write_warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=str(path).endswith(".gz"))
        for uri, html, content_type in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.0")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(html.encode("utf-8")),
                                               http_headers=headers)
            writer.write_record(record)


def test_html_page_becomes_text_with_url_title_and_date(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = list(read_inputs([path]))
    assert "<" not in doc.raw and "近日，示例县人民法院" in doc.raw
    assert doc.meta["url"] == "https://news.example.org/a/1.html"
    assert doc.meta["title"] == "示例县法院调解一起劳务纠纷"
    assert doc.meta["site_name"] == "示例网"
    assert doc.published == date(2022, 8, 5)


def test_html_page_without_text_is_quarantined(tmp_path):
    path = tmp_path / "empty.htm"
    path.write_text("<html><body><script>var a = 1;</script></body></html>", encoding="utf-8")
    [item] = list(read_inputs([path]))
    assert isinstance(item, Rejected) and item.reason == "bad_html"


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_yields_one_document_per_html_response(tmp_path, name):
    path = tmp_path / name
    write_warc(path, [("https://news.example.org/a/1.html", PAGE, "text/html; charset=utf-8"),
                      ("https://news.example.org/logo.png", "not html", "image/png"),
                      ("https://news.example.org/a/2.html", PAGE.replace("劳务", "买卖"), "text/html")])
    docs = list(read_inputs([path]))
    assert [d.meta["url"] for d in docs] == ["https://news.example.org/a/1.html",
                                             "https://news.example.org/a/2.html"]
    assert docs[0].source == f"{path}#https://news.example.org/a/1.html"
    assert "买卖" in docs[1].raw and docs[0].doc_id != docs[1].doc_id
    assert len(docs[0].meta["fetched"]) == 10


def test_a_damaged_warc_is_quarantined(tmp_path):
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a record\r\n\r\n")
    items = list(read_inputs([path]))
    assert items and all(isinstance(i, Rejected) for i in items)


@pytest.mark.parametrize("value, expected", [
    ("2022-08-05", date(2022, 8, 5)), ("2022/08/05", date(2022, 8, 5)),
    ("2022年8月5日", date(2022, 8, 5)), ("2022-08-05T10:00:00Z", date(2022, 8, 5)),
    ("20220805", date(2022, 8, 5)), ("2019-03", None), ("2019", None), ("yesterday", None),
    ("2022-02-30", None), (None, None)])
def test_lenient_dates(value, expected):
    assert lenient_date(value) == expected


def test_jsonl_keeps_url_source_and_title_and_never_rejects_a_date(tmp_path):
    path = tmp_path / "pages.jsonl"
    records = [{"text": "正文第一句，内容完整。", "url": "https://example.org/1", "title": "给定标题", "date": "2022年8月5日"},
               {"text": "另一条正文，内容完整。", "source": "https://example.org/2", "date": "2019-03"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    docs = list(read_inputs([path]))
    assert [d.meta.get("url") for d in docs] == ["https://example.org/1", "https://example.org/2"]
    assert docs[0].published == date(2022, 8, 5) and docs[1].published is None
    assert docs[0].meta["title"] == "给定标题"


def test_suffixes():
    assert suffix_of("a.WARC.GZ") == ".warc.gz" and suffix_of("b.HTM") == ".htm"
    assert suffix_of("README") == ""


def test_time_element_does_not_glue_the_article_into_one_line(tmp_path):
    path = tmp_path / "hk.html"
    path.write_text("<html><head><title>海關檢獲冒牌手袋</title></head><body><article><h1>海關檢獲冒牌手袋</h1>"
                    "<time datetime=\"2021-11-19T06:00:00+08:00\">2021年11月19日 星期五</time>"
                    "<p>【示例日報報道】海關前日在貨櫃碼頭檢獲一批懷疑冒牌手袋及銀包，估計市值約二百萬元，並拘捕一名男子。</p>"
                    "<p>海關表示，會繼續打擊侵犯知識產權活動，市民如發現懷疑冒牌貨品，可致電海關熱線舉報。</p>"
                    "</article></body></html>", encoding="utf-8")
    [doc] = list(read_inputs([path]))
    assert doc.raw.splitlines()[:2] == ["海關檢獲冒牌手袋", "2021年11月19日 星期五"]
    assert doc.published == date(2021, 11, 19)


def test_table_laid_out_page_gives_one_line_a_cell(tmp_path):
    path = tmp_path / "gov.htm"
    path.write_text("<html><head><title>关于开展电动自行车登记工作的通告</title></head><body><table>"
                    "<tr><td>当前位置：首页 &gt;&gt; 通知公告</td></tr><tr><td><h2>关于开展电动自行车登记工作的通告</h2></td></tr>"
                    "<tr><td>发布日期：2021-04-16 信息来源：市公安局 浏览次数：4021</td></tr>"
                    "<tr><td><p>为加强电动自行车管理，保障道路交通安全，市公安局决定开展电动自行车集中登记工作，现通告如下。</p>"
                    "<p>车主可携带身份证、购车凭证等材料到就近登记点办理，登记不收取任何费用。</p></td></tr></table></body></html>",
                    encoding="utf-8")
    [doc] = list(read_inputs([path]))
    assert "|" not in doc.raw and "发布日期：2021-04-16 信息来源：市公安局 浏览次数：4021" in doc.raw.splitlines()


def test_a_date_made_up_from_a_year_alone_is_dropped():
    """htmldate gives 2023-01-01 for a page that prints only 2023年03月08日 in its text and
    a year: the reader drops it and the page's date line gives the date; a real 1 January stays."""
    from pipeline.readers import year_guess_dropped

    assert year_guess_dropped(date(2023, 1, 1), "<p>发布日期：2023年03月08日</p>") is None
    assert year_guess_dropped(date(2023, 1, 1), "<p>发布日期：2023年1月1日</p>") == date(2023, 1, 1)
    assert year_guess_dropped(date(2023, 3, 8), "<p>无</p>") == date(2023, 3, 8)


def test_a_date_line_the_extractor_dropped_is_put_back_under_the_headline():
    """<p class="meta">发布时间：2021-11-23 来源：示例平安网 作者：安然</p>: back under the title."""
    from pipeline.readers import with_date_line

    html = '<h1>老人被骗 警方追回损失</h1><p class="meta">发布时间：2021-11-23 来源：示例平安网 作者：安然</p>'
    text = "首页 | 警务\n老人被骗 警方追回损失\n七旬老人报警。"
    assert with_date_line(text, html, "老人被骗 警方追回损失").split("\n")[2] == "发布时间：2021-11-23 来源：示例平安网 作者：安然"
    kept = "老人被骗 警方追回损失\n发布时间：2021-11-23 来源：示例平安网 作者：安然\n七旬老人报警。"
    assert with_date_line(kept, html, "老人被骗 警方追回损失") == kept


def test_the_site_name_is_read_from_the_end_of_the_page_title():
    """<title>标题 - 示例平安网</title> → 示例平安网; a title without a site → None."""
    from pipeline.readers import site_of_title

    assert site_of_title("<title>老人被骗 警方追回损失 - 示例平安网</title>") == "示例平安网"
    assert site_of_title("<title>老人被骗 警方追回损失</title>") is None
