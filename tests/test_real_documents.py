"""Documents as the knowledge-base team adds them: a government web page with its site chrome, a DOCX notice
with a red-header letterhead, questions about the document itself, a row named by a value or a tier, and
the document a question names by its title. Files are built here (python-docx, HTML written out)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from rag.answering.facts import DocumentFacts
from rag.answering.ranges import amounts, label_relation, labels, ranges, relation, stated_amounts
from rag.core.types import Chunk
from rag.engine import Engine
from rag.index.substrings import Containing
from rag.ingest.documents import DocumentLibrary
from rag.ingest.loader import DocInfo, parse_document
from rag.retrieval.naming import DocumentNames
from tests.builders import write_docx
from tests.conftest import Ingested, copy_corpus, copy_home, settings_for

# A page as saved from a city government site: navigation, breadcrumb, a metadata box, related links, a share
# bar and a footer with the site's own phone and ICP number around the article.
PORTAL_PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>关于印发《临川市科技型企业贷款贴息办法》的通知_政策文件_临川市人民政府</title>
<meta name="ArticleTitle" content="关于印发《临川市科技型企业贷款贴息办法》的通知">
<meta name="PubDate" content="2024-03-12 09:30">
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<style>.nav{color:red}</style></head><body>
<div class="top"><div class="logo">临川市人民政府</div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bs/">办事服务</a></li>
<li><a href="/hd/">互动交流</a></li></ul></div>
<div class="main"><div class="side"><h3>相关文件</h3><ul><li><a href="/a.html">临川市人才公寓管理办法</a></li>
<li><a href="/b.html">关于做好2024年高校毕业生就业工作的通知</a></li></ul></div>
<div class="article"><div class="crumb">当前位置：<a href="/">首页</a>&gt;<a href="/zwgk/">政务公开</a>&gt;政策文件</div>
<h1>关于印发《临川市科技型企业贷款贴息办法》的通知</h1>
<div class="info">发布时间：2024-03-12 来源：临川市科学技术局 浏览次数：-- 字号：大 中 小</div>
<div class="content">
<p>临科发〔2024〕7号</p>
<p>各县区科技局，各有关企业：</p>
<p>现将《临川市科技型企业贷款贴息办法》印发给你们，请认真贯彻执行。</p>
<p>临川市科学技术局　临川市财政局</p>
<p>2024年3月8日</p>
<p>临川市科技型企业贷款贴息办法</p>
<p>第一条 为缓解科技型企业融资难题，制定本办法。</p>
<p>第二条 贴息比例按贷款金额分档确定，具体标准如下：</p>
<table><caption>临川市科技型企业贷款贴息标准</caption>
<tr><th>档次</th><th>贷款金额</th><th>贴息比例</th><th>最高贴息额</th></tr>
<tr><td>第一档</td><td>300万元以下</td><td>50%</td><td>8万元</td></tr>
<tr><td>第二档</td><td>300万元（含）—1000万元</td><td>40%</td><td>25万元</td></tr>
<tr><td>第三档</td><td>1000万元（含）以上</td><td>30%</td><td>40万元</td></tr>
</table>
<p>第三条 以虚构贷款等方式骗取贴息资金的，由市财政局追回资金，3年内不得申报。</p>
<p>第四条 本办法自2024年4月1日起施行，有效期3年。</p>
<p>政策咨询电话：0794-8216530（市科技局成果科）</p>
</div>
<div class="share">分享到：微信 微博 QQ空间 【打印本页】【关闭窗口】</div></div></div>
<div class="footer">网站地图 | 联系我们 | 版权所有：临川市人民政府办公室 主办单位：临川市人民政府 联系电话：0794-8888888
<br>赣ICP备05001234号 赣公网安备36100202000123号</div>
</body></html>"""

CHROME = ("网站地图", "版权所有", "主办单位", "ICP", "0794-8888888", "当前位置", "分享到", "浏览次数", "相关文件",
          "人才公寓", "统计代码", "办事服务")
LETTERHEAD = [
    "长宁市科学技术局　长宁市财政局",
    "长科发〔2024〕15号",
    "长宁市科学技术局　长宁市财政局关于印发《长宁市企业研发后补助办法》的通知",
    "各县区科技局、财政局，各有关企业：",
    "为鼓励企业加大研发投入，经市政府同意，现将《长宁市企业研发后补助办法》印发给你们，请认真贯彻执行。",
    "长宁市企业研发后补助办法",
    "第一条 本办法所称研发后补助，是指对企业上一年度研究开发费用给予的事后补助。",
    "第二条 补助按上一年度研究开发费用分档核定：",
    ["补助档次", "上年度研究开发费用", "补助比例", "单户最高额度"],
    ["A类", "2000万元（含）以上", "5%", "200万元"],
    ["B类", "500万元（含）—2000万元", "8%", "100万元"],
    ["C类", "100万元（含）—500万元", "10%", "30万元"],
    "第三条 本办法自2024年5月1日起施行，有效期3年。",
    "政策咨询电话：0731-22334455（市科技局）",
]


def _parse(path: Path, doc: str) -> tuple[list[Chunk], dict[str, str]]:
    return parse_document(DocInfo(doc, doc, path, {}))


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pages") / "linchuan-loan.html"
    path.write_text(PORTAL_PAGE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def notice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docx(LETTERHEAD, tmp_path_factory.mktemp("docx") / "changning-rd.docx")  # type: ignore[arg-type]


# -- web pages -------------------------------------------------------------------------------------------
def test_a_saved_government_page_keeps_its_article_and_drops_the_site(page: Path) -> None:
    chunks, meta = _parse(page, "loan")
    text = "\n".join(c.text for c in chunks)
    assert not [w for w in CHROME if w in text], "site chrome indexed as policy text"
    assert meta["title"] == "关于印发《临川市科技型企业贷款贴息办法》的通知" and meta["number"] == "临科发〔2024〕7号"
    assert meta["validity"] == "本办法自2024年4月1日起施行，有效期3年。" and meta["issued"] == "2024-03-08"  # as signed
    sections = {c.section for c in chunks}
    assert {"第一条", "第三条", "第四条"} <= sections  # 第X条 kept as the outline
    rows = [c for c in chunks if c.kind == "table-row"]
    assert [r.meta["fields"]["最高贴息额"] for r in rows] == ["8万元", "25万元", "40万元"]
    assert all(r.section.endswith("临川市科技型企业贷款贴息标准") for r in rows)  # the <caption> names the table
    assert "临川市科学技术局临川市财政局" in text.replace("　", "")  # the signature, a line of its own


def test_a_page_whose_number_stands_only_in_its_info_box_is_read_with_it(tmp_path: Path) -> None:
    """The 文号 in the info box, not the article, is the page's; a cited document's number in the article is not."""
    info = '<table class="info"><tr><th>发文机关</th><td>临川市财政局</td><th>文　　号</th><td>临财购〔2025〕6号</td></tr></table>'
    markup = (PORTAL_PAGE.replace("<p>临科发〔2024〕7号</p>", "")
              .replace('<div class="content">', f'{info}<div class="content">')
              .replace("<p>各县区科技局，各有关企业：</p>",
                       "<p>各县区科技局，各有关企业：</p><p>为贯彻落实《政府采购促进中小企业发展管理办法》（财库〔2020〕46号），现将办法印发。</p>"))
    path = tmp_path / "info-box.html"
    path.write_text(markup, encoding="utf-8")
    chunks, meta = _parse(path, "loan")
    assert meta["number"] == "临财购〔2025〕6号"
    assert any("文号：临财购〔2025〕6号" in c.text for c in chunks)  # a line to cite when asked for the 文号
    # Labelled 发文字号, in cells of their own.
    path.write_text(markup.replace("文　　号", "发文字号"), encoding="utf-8")
    assert _parse(path, "loan")[1]["number"] == "临财购〔2025〕6号"


def test_when_a_document_was_signed_and_published_is_answered_from_lines_it_keeps(tmp_path: Path, page: Path) -> None:
    """The dropped signature's date stays as a line; a page's info box adds the date it went online; a
    question asking when the document was issued cites both, and no other question is answered with them."""
    info = '<table class="info"><tr><th>成文日期</th><td>2024年3月8日</td><th>发布日期</th><td>2024年3月12日</td></tr></table>'
    path = tmp_path / "dated.html"
    path.write_text(page.read_text(encoding="utf-8").replace('<div class="content">', f'{info}<div class="content">'), encoding="utf-8")
    chunks, meta = _parse(path, "loan")
    assert meta["issued"] == "2024-03-08"
    facts = DocumentFacts(chunks)
    cited = [c.quote for c in facts.answer("这个贴息办法是哪天在网上发布的？", "loan")]
    assert cited == ["2024年3月8日", "发布日期：2024年3月12日"]  # the signature's line; the info box's 成文日期 is that day
    assert facts.asked("贴息比例是多少？") == []
    # The page as saved: its signature stands above the table (kept, its date line cited) and the info line
    # "发布时间：2024-03-12" is read as the date it was published.
    plain, _ = _parse(page, "loan")
    assert [c.quote for c in DocumentFacts(plain).answer("临川贷款贴息办法的落款日期是哪天？", "loan")] == ["2024年3月8日", "发布日期：2024年3月12日"]
    # A notice signed at its end: the signature is dropped, its date kept as a line of its own.
    signed = write_docx([*LETTERHEAD, "长宁市科学技术局　长宁市财政局", "2024年4月2日"], tmp_path / "signed.docx")  # type: ignore[arg-type]
    chunks, meta = _parse(signed, "rd")
    assert meta["issued"] == "2024-04-02" and not any(c.text.endswith("2024年4月2日") for c in chunks if "成文日期" not in c.text)
    assert [c.quote for c in DocumentFacts(chunks).answer("研发后补助办法是什么时候发的？", "rd")] == ["成文日期：2024年4月2日"]
    # Signed in Chinese numerals: the date is read, and the line cited as written.
    numerals = write_docx([*LETTERHEAD, "长宁市科学技术局　长宁市财政局", "二〇二四年四月二十日"], tmp_path / "numerals.docx")  # type: ignore[arg-type]
    chunks, meta = _parse(numerals, "rd")
    assert meta["issued"] == "2024-04-20"
    quotes = [c.quote for c in DocumentFacts(chunks).answer("研发后补助办法是哪天印发的？", "rd")]
    assert len(quotes) == 1 and "二〇二四年四月二十日" in quotes[0]


def test_a_docx_letterhead_stays_line_by_line(notice: Path) -> None:
    chunks, meta = _parse(notice, "rd")
    opening = chunks[0].text.split("\n")
    assert opening[:3] == ["长宁市科学技术局长宁市财政局", "长科发〔2024〕15号",
                           "长宁市科学技术局长宁市财政局关于印发《长宁市企业研发后补助办法》的通知"]
    assert meta["number"] == "长科发〔2024〕15号" and meta["validity"] == "本办法自2024年5月1日起施行，有效期3年。"


# -- questions about the document itself --------------------------------------------------------------------
@pytest.mark.parametrize(("question", "quoted"), [
    ("长宁研发后补助这个文件的文号是多少？", "长科发〔2024〕15号"),
    ("这个补助办法啥时候开始执行？能管几年？", "本办法自2024年5月1日起施行，有效期3年"),
    ("研发后补助有问题打什么电话？", "0731-22334455"),
])
def test_a_question_about_the_document_quotes_the_line_that_states_it(notice: Path, question: str, quoted: str) -> None:
    chunks, _ = _parse(notice, "rd")
    cited = DocumentFacts(chunks).answer(question, "rd")
    assert cited and quoted in cited[0].quote and quoted in cited[0].chunk.text


def test_a_question_about_a_measure_is_not_taken_for_one_about_the_document(notice: Path) -> None:
    facts = DocumentFacts(_parse(notice, "rd")[0])
    assert facts.asked("B类企业补助比例是多少？") == []
    assert facts.asked("高企资格有效期几年？") == []  # 有效期 of something else: no word names a document


# -- a row named by a value or a tier -----------------------------------------------------------------------
def test_amounts_ranges_and_tiers_are_read_the_way_tables_and_people_write_them() -> None:
    assert amounts("我们去年研发费用950万，营收6个亿") == [("money", 9_500_000.0), ("money", 600_000_000.0)]
    assert amounts("贷款不到500万的")[0][1] < 5_000_000 < amounts("贷款超过500万的")[0][1]
    assert ranges("上年度研究开发费用：500万元（含）—2000万元") == [("money", 5_000_000.0, 20_000_000.0)]
    assert ranges("2000万元（含）以上") == [("money", 20_000_000.0, float("inf"))]
    assert ranges("年龄原则上不超过35周岁") == [("age", 0.0, 35.0)]
    # Another currency is its own family: 5000万美元 falls in a 美元 range and is never compared with 元.
    assert amounts("进出口额5000万美元") == [("usd", 50_000_000.0)]
    assert ranges("进出口额3000万美元（含）—1亿美元") == [("usd", 30_000_000.0, 100_000_000.0)]
    assert relation(amounts("进出口额5000万美元"), "3000万美元（含）—1亿美元") == (1.0, 0.0)
    assert relation(amounts("进出口额5000万美元"), "3000万元（含）—1亿元") == (0.0, 0.0)
    # Tiers drawn by other quantities: an area, a power, a head count, each its own kind (120千瓦 is no 12万元).
    assert amounts("展览面积4万平方米的展会") == [("area", 40_000.0)]
    assert relation(amounts("展览面积4万平方米的展会"), "展览面积3万平方米（含）以上") == (1.0, 0.0)
    assert relation(amounts("展览面积4万平方米的展会"), "展览面积1万平方米（含）—3万平方米") == (0.0, 1.0)
    assert ranges("单桩功率60千瓦（含）—120千瓦") == [("power", 60.0, 120.0)]
    assert relation(amounts("建了120千瓦的桩"), "补助12万元以下") == (0.0, 0.0)
    assert amounts("参会1500人，贷款100万人民币") == [("people", 1500.0), ("money", 1_000_000.0)]
    row_b, row_a = "B类：500万元（含）—2000万元，8%", "A类：2000万元（含）以上，5%"
    assert relation(amounts("研发费用950万"), row_b) == (1.0, 0.0)
    assert relation(amounts("研发费用950万"), row_a) == (0.0, 1.0)
    assert relation([], row_a) == (0.0, 0.0)
    # Of two amounts, the one whose words name what a range measures is read against it (营收 is not 贷款).
    asked = stated_amounts("我们营收3个亿，新贷了800万")
    figures, words = [(f, v) for f, v, _ in asked], [w for _, _, w in asked]
    assert relation(figures, "单户贷款超过5000万元的部分不予贴息", words) == (0.0, 1.0)
    assert relation(figures, "单户贷款超过5000万元的部分不予贴息") == (1.0, 0.0)  # read without the words: 3亿 > 5000万
    assert relation(figures, "上年度营业收入不超过4亿元", words) == (1.0, 0.0)
    assert labels("洛阳贷款贴息第三档") == {"三档"} == labels("档次：三档")
    assert label_relation(labels("B类企业按几个点补"), row_b) == (1.0, 0.0)
    assert label_relation(labels("B类企业按几个点补"), row_a) == (0.0, 1.0)


# -- which document a question names ------------------------------------------------------------------------
def _titled(doc: str, title: str) -> Chunk:
    return Chunk(f"{doc}-1", doc, "正文", "body", "……", {"doc_title": title})


def test_the_document_a_question_names_by_its_title() -> None:
    from rag.answering.evidence import load_generic
    from rag.core.zh import Tokenizer

    words = Tokenizer().words
    names = DocumentNames([_titled("plan", "长宁市“十四五”科技创新发展规划"),
                           _titled("loan", "关于印发《临川市科技型企业贷款贴息办法》的通知"),
                           _titled("rd", "长宁市企业研发后补助办法")], lambda t: words(t, fine=False), load_generic())
    assert names.named("临川贷款贴息办法是哪个部门发的？") == "loan"
    assert names.named("长宁研发后补助的文号是多少？") == "rd"
    assert names.named("高企要达到多少家？") == ""  # names no document
    assert names.named("长宁的规划和补助办法有什么关系？") == ""  # names two as much: no choice
    # Two words of a long title, one of them its own (no other title names 临川): that document.
    names = DocumentNames([_titled("loan", "临川市中小微企业贷款贴息实施细则"),
                           _titled("tech", "长宁市科技型中小企业贷款贴息实施办法")], lambda t: words(t, fine=False), load_generic())
    assert names.named("临川贴息政策的咨询电话是多少？") == "loan"
    assert names.named("贷款贴息的咨询电话是多少？") == ""  # words both titles have
    # A title whose place the tokenizer cuts into another word (长宁/市政府/采购) still names its place.
    names = DocumentNames([_titled("buy", "长宁市政府采购支持中小企业若干措施"),
                           _titled("buy2", "临川市关于发挥政府采购政策功能支持中小企业发展的若干措施")],
                          lambda t: words(t, fine=False), load_generic())
    assert names.named("长宁政府采购支持中小企业的文号是什么？") == "buy"
    assert names.named("长宁政府采购的中小企业预留份额是多少？") == "buy"  # ties 临川's title on the topic; its place decides
    assert names.named("政府采购的中小企业预留份额是多少？") == ""
    # 市政府 opening one title and 政府采购 inside the other are one topic: a question naming it ties both.
    names = DocumentNames([_titled("buy", "长宁市政府采购支持中小企业若干措施"),
                           _titled("buy2", "临川市关于发挥政府采购政策功能支持中小企业发展的若干措施"),
                           _titled("plan", "长宁市科技创新发展规划")], lambda t: words(t, fine=False), load_generic())
    assert names.tied("政府采购中小企业政策的咨询电话是多少？") == ["buy", "buy2"]
    # Two cities' notices on one topic beside a plan, a question naming the topic but no city: both answer.
    names = DocumentNames([_titled("a", "临川市人才安居补贴办法"), _titled("b", "长宁市人才安居补贴办法"),
                           _titled("plan", "长宁市科技创新发展规划")], lambda t: words(t, fine=False), load_generic())
    assert names.tied("人才安居补贴的咨询电话是多少？") == ["a", "b"]
    assert names.tied("长宁人才安居补贴的咨询电话是多少？") == []  # a place tells them apart
    assert names.tied("高企要达到多少家？") == []
    # One city's two notices beside another city's: a question naming that city is about one of its two (the
    # engine answers from them); naming the city with one notice is about that notice, whatever its topic.
    names = DocumentNames([_titled("a", "临川市人才安居补贴办法"), _titled("b", "长宁市人才安居补贴办法"),
                           _titled("c", "长宁市专精特新企业培育奖励办法")], lambda t: words(t, fine=False), load_generic())
    assert names.city("长宁的人才公寓每月租金是多少？") == ["b", "c"]
    assert names.named("长宁专精特新企业培育奖励办法的咨询电话是多少？") == "c"
    assert names.named("临川有专精特新奖励吗？") == "a" and names.city("临川有专精特新奖励吗？") == []
    assert names.city("临川和长宁的人才补贴有什么不同？") == []  # two cities: neither narrows
    # A title word inside a longer word of the question (出口 in 进出口) is not named by it; a word only one
    # title has (稳岗) names that title when nothing ties it.
    names = DocumentNames([_titled("jobs", "临川市外贸企业稳岗扩岗补贴实施办法"), _titled("ins", "长宁市外贸企业出口信用保险保费补贴实施细则"),
                           _titled("plan", "长宁市科技创新发展规划")], lambda t: words(t, fine=False), load_generic())
    assert names.named("小微外贸企业进出口不到500万美元，稳岗补贴封顶多少？") == "jobs"
    assert names.named("外贸企业出口信用保险保费补贴比例是多少？") == "ins"
    assert names.named("外贸企业补贴有哪些？") == ""
    # A title word the other documents' text uses (研发 in the plan) does not name that title on its own.
    names = DocumentNames([_titled("rd", "株洲市企业研发投入后补助管理办法"),
                           Chunk("plan-1", "plan", "正文", "body", "全社会研发投入强度达到2%。", {"doc_title": "长宁市科技创新发展规划"})],
                          lambda t: words(t, fine=False), load_generic())
    assert names.named("研发投入强度2025年目标多少？") == ""


def test_answers_from_two_documents_join_with_their_markers_numbered_on() -> None:
    from rag.core.types import Answer, Citation
    from rag.engine import joined

    a, b = _titled("a", "甲"), _titled("b", "乙")
    both = joined([Answer("根据《甲》，电话1[1]。", True, (Citation(a, "电话1", 1.0),), "v"),
                   Answer("根据《乙》，电话2[1]；地址[2]。", True, (Citation(b, "电话2", 1.0), Citation(b, "地址", 0.5)), "v")])
    assert both.answer == "根据《甲》，电话1[1]。\n根据《乙》，电话2[2]；地址[3]。"
    assert [c.chunk.doc for c in both.citations] == ["a", "b", "b"]


def test_an_added_notice_answers_its_own_document_questions(page: Path, ingested: Ingested, tmp_path: Path) -> None:
    """Through the engine: the page added beside the plan answers who issued it and when it takes effect from
    its own lines, and the plan's own question is still answered from the plan."""
    home, corpus = copy_home(ingested.home, tmp_path / "home"), copy_corpus(tmp_path / "corpus")
    engine = Engine(settings_for(home, corpus))
    engine.ensure_ready()
    DocumentLibrary(engine).add(page, doc_id="loan")
    issuer = engine.ask("临川科技型企业贷款贴息办法是哪个部门发的？")
    assert issuer.answerable and issuer.citations[0].chunk.doc == "loan" and "临川市财政局" in issuer.answer
    start = engine.ask("临川贷款贴息办法从哪天开始施行？")
    assert start.answerable and "2024年4月1日" in start.answer and start.citations[0].chunk.doc == "loan"
    # A value inside one row's range picks that row, not the neighbours that share all its words.
    tier = engine.ask("我们在临川贷了600万，贴息比例是多少？")
    assert tier.answerable and "40%" in tier.answer and "50%" not in tier.answer and "30%" not in tier.answer
    # The document's own title quoted in full says which document; its words do not pull in the title's lines.
    titled = engine.ask("按《临川市科技型企业贷款贴息办法》，企业虚构贷款骗取贴息会怎么处理？")
    assert titled.answerable and "追回资金" in titled.answer and titled.citations[0].chunk.doc == "loan"
    scoped = engine.scoped(["loan"])[1]
    assert scoped.without_own_titles("按《临川市科技型企业贷款贴息办法》，企业虚构贷款会怎么处理？") == "企业虚构贷款会怎么处理？"
    assert "《遵义" in scoped.without_own_titles("《遵义市科研诚信实施细则》是哪年出台的？")  # another document's title stays
    plan = engine.ask("高企到2025年要达到多少家？")
    assert plan.answerable and plan.citations[0].chunk.doc == ingested.engine.chunks()[0].doc


def test_a_question_naming_no_city_is_answered_by_each_city_that_answers_it(ingested: Ingested, tmp_path: Path) -> None:
    """Two cities' procurement notices state the same rule: a question naming neither gets both, each under its
    own title; naming one city keeps to that city's notice."""
    home, corpus = copy_home(ingested.home, tmp_path / "home"), copy_corpus(tmp_path / "corpus")
    engine = Engine(settings_for(home, corpus))
    engine.ensure_ready()
    for doc, city, days in (("lc", "临川", "10"), ("cn", "长宁", "15")):
        lines: list[str | list[str]] = [
            f"{city}市政府采购支持中小企业若干措施",
            "第一条 为发挥政府采购政策功能，支持中小企业发展，制定本措施。",
            "第二条 采购人、采购代理机构不得向供应商收取投标保证金。",
            f"第三条 采购人应当自收到发票后{days}个工作日内将资金支付到供应商账户。",
        ]
        DocumentLibrary(engine).add(write_docx(lines, tmp_path / f"{doc}.docx"), doc_id=doc)
    both = engine.ask("现在投标还要交投标保证金吗？")
    assert both.answerable and {c.chunk.doc for c in both.citations} == {"lc", "cn"}
    assert "临川市政府采购" in both.answer and "长宁市政府采购" in both.answer
    one = engine.ask("长宁政府采购收到发票后几天内付款？")
    assert one.answerable and {c.chunk.doc for c in one.citations} == {"cn"} and "15个工作日" in one.answer


# -- the matcher's substring index ---------------------------------------------------------------------------
def test_the_substring_index_finds_exactly_what_a_scan_finds() -> None:
    rng = random.Random(7)
    alphabet = "辣椒精深加工技术茶叶酒中药材ab"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(400)]
    index = Containing(texts)
    words = ["辣椒", "辣椒精", "技术", "茶", "a", "ab", "酒中药", "不存在", ""]
    words += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(200)]
    for word in words:
        assert index.find(word) == tuple(n for n, t in enumerate(texts) if word and word in t), word
