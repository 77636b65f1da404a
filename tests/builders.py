"""Test fixtures written by the tests: the plan as PDF and DOCX, and two short notices in the style of real ones."""

from __future__ import annotations

from pathlib import Path

PLAN_PDF_HEADER = "遵义市“十四五”科技创新发展规划（征求意见稿）"

# Notice A: a 管理办法 issued by a bureau, 第X条 structure and a table (written as DOCX).
VOUCHER_LINES = [
    "遵义市科学技术局文件",
    "遵市科通〔2024〕12号",
    "遵义市科学技术局关于印发《遵义市科技创新券管理办法》的通知",
    "各县（市、区）科技局，各有关单位：",
    "现将《遵义市科技创新券管理办法》印发给你们，请认真贯彻执行。",
    "第一章 总则",
    "第一条 为降低中小微企业购买检验检测、研发设计等科技服务的成本，激发企业创新活力，制定本办法。",
    "第二条 本办法所称科技创新券，是指市科技局向中小微企业免费发放，用于购买科技服务的电子凭证。",
    "第二章 申领与使用",
    "第三条 在遵义市注册、具有独立法人资格的科技型中小企业可以申领创新券，每家企业每年最多申领一次。",
    "第四条 创新券只能用于向入库的科技服务机构购买检验检测、技术查新和研发设计服务，不得转让或兑换现金。",
    "第五条 创新券面额按企业类型确定，具体标准见下表。",
    "表1 创新券支持标准",
    ["企业类型", "单张面额", "年度上限"],
    ["科技型中小企业", "5000元", "2万元"],
    ["高新技术企业", "1万元", "5万元"],
    "第三章 附则",
    "第六条 本办法由遵义市科学技术局负责解释。",
    "第七条 本办法自2024年5月1日起施行，有效期三年。",
    "遵义市科学技术局",
    "2024年4月10日",
]

# Notice B: a 通知 from the government office, 一、/（一） numbering, a table and an 附件 (written as HTML).
SUBSIDY_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>通知</title></head><body>
<nav>首页 &gt; 政策文件</nav>
<p>遵府办发〔2023〕35号</p>
<h1>遵义市人民政府办公室关于开展企业研发投入后补助工作的通知</h1>
<p>各县（市、区）人民政府，市政府各部门：</p>
<p>为引导企业加大研发投入，经市人民政府同意，现就开展企业研发投入后补助工作通知如下。</p>
<h2>一、补助对象</h2>
<p>在遵义市依法登记、上年度研发费用加计扣除额超过100万元的规模以上工业企业。</p>
<h2>二、补助标准</h2>
<h3>（一）补助比例</h3>
<p>按企业上年度研发费用增量的10%给予后补助。</p>
<h3>（二）补助上限</h3>
<table><caption>表1 后补助额度上限</caption>
<tr><th>企业规模</th><th>单家补助上限</th></tr>
<tr><td>大型企业</td><td>200万元</td></tr>
<tr><td>中小型企业</td><td>80万元</td></tr>
</table>
<h2>三、申报程序</h2>
<p>企业于每年6月30日前通过遵义市科技管理信息系统提交申报材料，逾期不予受理。</p>
<p>本通知自印发之日起施行，有效期至2025年12月31日。</p>
<p>遵义市人民政府办公室</p>
<p>2023年9月1日</p>
<p>附件1</p>
<p>研发投入后补助申报材料清单：营业执照复印件、研发费用专项审计报告。</p>
<footer>遵义市人民政府网站</footer>
</body></html>
"""


def plan_lines(plan: Path) -> list[str]:
    return [line for line in plan.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_pdf(lines: list[str], out: Path, *, header: str = "", per_page: int = 40) -> Path:
    """Lines drawn page by page with a CJK CID font, a running header and a page number (— n —)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    # The Noto CJK .ttc files Debian ships have CFF outlines, which reportlab cannot embed; the Adobe
    # CID font is built in and pypdf extracts its text through the standard UniGB CMap.
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(out), pagesize=(1200, 60 + 16 * (per_page + 3)))
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    for number, page in enumerate(pages, start=1):
        pdf.setFont("STSong-Light", 10)
        top = 16 * (per_page + 3) + 30
        if header:
            pdf.drawString(30, top, header)
        for n, line in enumerate(page, start=2):
            pdf.drawString(30, top - 16 * n, line)
        pdf.drawString(560, 20, f"— {number} —")
        pdf.showPage()
    pdf.save()
    return out


def write_docx(lines: list[str | list[str]], out: Path) -> Path:
    """Paragraphs, with consecutive list items collected into one Word table (first row the header)."""
    from docx import Document

    document = Document()
    rows: list[list[str]] = []
    for item in [*lines, ""]:
        if isinstance(item, list):
            rows.append(item)
            continue
        if rows:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            rows = []
        if item:
            document.add_paragraph(item)
    document.save(str(out))
    return out


def write_notices(folder: Path) -> dict[str, Path]:
    """The two notices, as DOCX and HTML files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    voucher = write_docx(list(VOUCHER_LINES), folder / "voucher-rules.docx")
    subsidy = folder / "rd-subsidy.html"
    subsidy.write_text(SUBSIDY_HTML, encoding="utf-8")
    return {"voucher": voucher, "subsidy": subsidy}


# Notice C: a 实施细则 as a typeset PDF with ruled tables, the second long enough to run onto the next page.
TRANSFER_HEADER = "遵义市科学技术局规范性文件"
TRANSFER_BEFORE = [
    "遵义市科学技术局文件",
    "遵市科通〔2024〕18号",
    "遵义市科学技术局关于印发《遵义市科技成果转化奖补实施细则》的通知",
    "各县（市、区）科技局，各有关单位：",
    "现将《遵义市科技成果转化奖补实施细则》印发给你们，请结合实际认真贯彻执行。",
    "第一章 总则",
    "第一条 为促进高校、科研院所和企业的科技成果在本市转化落地，根据有关法律法规，结合本市实际，制定本细则。",
    "第二条 本细则所称科技成果转化奖补，是指对在本市登记并履行完毕的技术合同按合同类型给予的资金奖励。",
    "第二章 奖补标准",
    "第三条 奖补对象为在遵义市注册、具有独立法人资格的企业、高校和科研院所。",
    "第四条 同一技术合同只能享受一次奖补，已获得其他市级财政资金支持的不再重复奖补。",
    "第五条 技术合同奖补按合同类型确定，具体标准见下表。",
]
TRANSFER_TABLE = [
    ["合同类型", "奖补比例", "单项上限"],
    ["技术开发合同", "合同成交额的5%", "50万元"],
    ["技术转让合同（含专利权转让、专利实施许可）", "合同成交额的8%", "80万元"],
    ["技术服务合同", "合同成交额的3%", "20万元"],
]
TRANSFER_BETWEEN = [
    "奖补资金由市级科技专项资金列支，按年度统一拨付。",
    "第六条 申报单位对申报材料的真实性负责，弄虚作假的取消奖补资格并收回资金。",
    "第三章 申报与附则",
    "第七条 2024年度第一批拟奖补项目见下表。",
]
TRANSFER_AFTER = [
    "第八条 本细则由遵义市科学技术局负责解释。",
    "第九条 本细则自2024年7月1日起施行，有效期三年。",
    "遵义市科学技术局",
    "2024年6月3日",
]
_TOPICS = ["辣椒精深加工", "白酒酿造", "茶叶提质", "竹木新材料", "锰基材料", "航天电器", "中药材提取", "肉制品保鲜"]


def transfer_projects(count: int = 60) -> list[list[str]]:
    """The long table: header plus `count` projects, each with its own topic, unit and amount."""
    rows = [["序号", "项目名称", "承担单位", "奖补金额"]]
    for n in range(1, count + 1):
        topic = _TOPICS[n % len(_TOPICS)]
        rows.append([str(n), f"{topic}成果转化项目{n}", f"遵义{topic}科技有限公司", f"{10 + n}万元"])
    return rows


def write_pdf_notice(out: Path, *, repeat_header: bool = False, projects: int = 60) -> Path:
    """Notice C typeset with platypus: wrapped paragraphs, two GRID-ruled tables, running header and — n —."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=18, wordWrap="CJK", spaceAfter=4)
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=10, leading=13, wordWrap="CJK")
    grid = [("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)), ("FONT", (0, 0), (-1, -1), "STSong-Light", 10),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]

    def table(rows: list[list[str]], widths: list[float], repeat: int) -> Table:
        data = [[Paragraph(value, cell) for value in row] for row in rows]
        return Table(data, colWidths=widths, style=grid, repeatRows=repeat)

    def furniture(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, TRANSFER_HEADER)
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")

    story = [Paragraph(line, body) for line in TRANSFER_BEFORE]
    story += [Paragraph("表1 技术合同奖补标准", body), table(TRANSFER_TABLE, [120, 150, 90], 0)]
    story += [Paragraph(line, body) for line in TRANSFER_BETWEEN]
    story += [Paragraph("表2 2024年度第一批科技成果转化奖补项目", body)]
    story += [table(transfer_projects(projects), [40, 170, 170, 80], 1 if repeat_header else 0)]
    story += [Paragraph(line, body) for line in TRANSFER_AFTER]
    SimpleDocTemplate(str(out), pagesize=A4, topMargin=70, bottomMargin=60).build(
        story, onFirstPage=furniture, onLaterPages=furniture
    )
    return out


SPANNED_TABLE = [
    ["类别", "项目", "支持金额"],
    ["研发平台", "国家级重点实验室", "500万元"],
    ["", "省级重点实验室", "100万元"],
    ["人才团队", "省级创新人才团队", ""],
]


def write_pdf_spanned(out: Path) -> Path:
    """One page: an article, then a ruled table whose 类别 cell spans two rows and one cell left blank."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=18, wordWrap="CJK")
    style = [("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)), ("FONT", (0, 0), (-1, -1), "STSong-Light", 10),
             ("SPAN", (0, 1), (0, 2))]
    story = [Paragraph("第一条 市级科技计划对研发平台和人才团队给予支持，支持标准见下表。", body),
             Paragraph("表1 分类支持标准", body), Table(SPANNED_TABLE, colWidths=[90, 160, 90], style=style),
             Paragraph("第二条 本办法自印发之日起施行。", body)]
    SimpleDocTemplate(str(out)).build(story)
    return out
