"""Read a document file of any supported format into raw text lines plus the tables it holds as grids.

Plain text keeps its lines exactly as written (the plan's own path); PDF text is extracted page by page
with running headers and footers dropped; DOCX, HTML, Markdown and ruled PDF tables come out as header +
rows, standing in the text as `⟦GRID:n⟧` lines so the outline can place them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.ingest.pages import Pages, pdf_pages, text_pages

SUPPORTED = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
GRID = re.compile(r"^⟦GRID:(\d+)⟧$")
MIN_TEXT_CHARS = 20
MAX_CAPTION_CHARS = 40
_CJK = re.compile(r"[\u4e00-\u9fff]")


class CorpusError(ValueError):
    """The corpus folder or a document in it cannot be read."""


@dataclass(frozen=True)
class Grid:
    """A table read from the document's structure: its caption, header cells and data rows."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass
class RawDocument:
    """A document's text before repair, and the tables its format kept as structure."""

    text: str
    grids: list[Grid] = field(default_factory=list)
    # Each line is a whole paragraph (a web page's blocks), not a line a layout may have wrapped (PDF, and
    # DOCX converted from one, which keeps the PDF's lines as paragraphs).
    paragraphs: bool = False
    meta: dict[str, str] = field(default_factory=dict)  # what the file format states: a web page's title, date
    pages: Pages | None = None  # for page numbers in citations, when the format has pages


def read_raw(path: Path) -> RawDocument:
    """The raw text of a .txt/.md/.html/.docx/.pdf file; CorpusError names what is wrong with it."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise CorpusError(f"不支持的文件格式“{suffix or '无扩展名'}”：{path.name}（支持 {'、'.join(SUPPORTED)}）")
    if not path.is_file():
        raise CorpusError(f"文件不存在：{path}")
    if path.stat().st_size == 0:
        raise CorpusError(f"文档为空：{path}")
    try:
        if suffix == ".pdf":
            raw = _read_pdf(path)
        elif suffix == ".docx":
            raw = _read_docx(path)
        elif suffix in (".html", ".htm"):
            raw = _read_html(path.read_text(encoding="utf-8", errors="replace"))
        elif suffix == ".md":
            raw = _read_markdown(path.read_text(encoding="utf-8"))
        else:
            text = path.read_text(encoding="utf-8")
            raw = RawDocument(text, pages=text_pages(text))
    except CorpusError:
        raise
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"无法读取文档 {path}：{exc}") from exc
    except Exception as exc:  # each format library raises its own errors for damaged files
        raise CorpusError(f"文档已损坏或格式不正确：{path.name}（{type(exc).__name__}: {exc}）") from exc
    if not raw.text.strip():
        raise CorpusError(f"文档为空：{path}")
    return raw


# -- PDF ----------------------------------------------------------------------------------------------
def _read_pdf(path: Path) -> RawDocument:
    """Text by pypdf (its CID-font mapping keeps glyphs pdfminer drops, such as ·); pages holding ruled
    tables by pdfplumber, the tables as grids."""
    from pypdf import PdfReader

    from rag.ingest.pdf_tables import join_tables, marked_table, pages_with_paths, read_tables

    reader = PdfReader(path)
    if reader.is_encrypted and not reader.decrypt(""):
        raise CorpusError(f"PDF 已加密，无法读取：{path.name}（请提供未加密的文件）")
    pages = [(page.extract_text() or "").splitlines() for page in reader.pages]
    if sum(len(_CJK.findall("".join(lines))) for lines in pages) < MIN_TEXT_CHARS:
        raise CorpusError(f"PDF 中没有可提取的文字（可能是扫描图片）：{path.name}（请提供文字版 PDF 或先做 OCR）")
    ruled = pages_with_paths(reader.pages)
    flows, tables = read_tables(path, ruled) if ruled else ({}, [])
    located = pdf_pages(pages)  # pypdf's text keeps the table cells on their page
    pages = [flows.get(n, lines) for n, lines in enumerate(pages)]
    marked, rows = join_tables(drop_running_lines(pages), tables)
    lines: list[str] = []
    grids: list[Grid] = []
    for line in marked:
        table = marked_table(line)
        if table is None:
            lines.append(line)
        else:
            _add_grid(lines, grids, rows[table])
    return RawDocument("\n".join(lines), grids, pages=located)


def drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop headers and footers: lines repeated at the top or bottom of most pages."""
    if len(pages) < 3:
        return pages
    edges: Counter[str] = Counter()
    for lines in pages:
        stripped = [s for s in (x.strip() for x in lines) if s]
        edges.update(set(stripped[:2] + stripped[-2:]))
    running = {line for line, n in edges.items() if n >= max(3, len(pages) // 2)}
    return [[x for x in lines if x.strip() not in running] for lines in pages]


# -- DOCX ---------------------------------------------------------------------------------------------
def _read_docx(path: Path) -> RawDocument:
    from docx import Document
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    lines: list[str] = []
    grids: list[Grid] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.extend(block.text.splitlines())
        elif isinstance(block, DocxTable):
            rows = [tuple(cell.text.strip() for cell in row.cells) for row in block.rows]
            _add_grid(lines, grids, rows)
    return RawDocument("\n".join(lines), grids)


def _add_grid(lines: list[str], grids: list[Grid], rows: list[tuple[str, ...]]) -> None:
    """A table's first row is its header; a caption line (表N … / …表) just before it is its title."""
    rows = [r for r in rows if any(r)]
    if len(rows) < 2:
        lines.extend(" ".join(r) for r in rows)
        return
    title = ""
    if lines and _is_caption(lines[-1].strip()):
        title = lines.pop().strip()
    lines.append(f"⟦GRID:{len(grids)}⟧")
    header, body = _merged_header(rows)
    grids.append(Grid(title, header, tuple(body)))


def _merged_header(rows: list[tuple[str, ...]]) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """A header of two rows, as a Word table with merged cells repeats them (人才类别 | 租房补贴 | 租房补贴 over
    人才类别 | 每月标准 | 最长享受期限): one header whose cells join the spanning cell and the one under it
    (租房补贴每月标准). A second row is a header row only when it repeats the first in some column and differs
    only under cells that span."""
    header, body = list(rows[0]), list(rows[1:])
    while len(body) > 1 and len(body[0]) == len(header):
        below = body[0]
        spans = {i for i, h in enumerate(header) if h and ((i > 0 and header[i - 1] == h) or (i + 1 < len(header) and header[i + 1] == h))}
        differs = {i for i, (h, b) in enumerate(zip(header, below, strict=True)) if h != b}
        if not differs or not spans or differs - spans or len(differs) == len(header):
            break
        header = [h if i not in differs else f"{h}{below[i]}" for i, h in enumerate(header)]
        body = body[1:]
    return tuple(header), body


def _is_caption(line: str) -> bool:
    """A table's caption: 表N …/…表, or a short title line with no sentence punctuation (…标准, …一览)."""
    from rag.ingest.outline import heading_level

    if not line or len(line) > MAX_CAPTION_CHARS or GRID.match(line):
        return False
    if line.startswith("表") or line.endswith("表"):
        return True
    return len(line) <= MAX_CAPTION_CHARS * 3 // 4 and not re.search(r"[，。；：:！？、]", line) and heading_level(line) is None


# -- HTML and Markdown --------------------------------------------------------------------------------
def _read_html(markup: str) -> RawDocument:
    """A saved web page's main content (trafilatura drops the site's navigation, breadcrumb, related
    links, share bar and footer), its blocks as paragraphs and its tables as grids; the page's own
    title and date as metadata. A page trafilatura finds no article in is read whole."""
    main = _main_content(markup)
    return main if main is not None else _read_whole_html(markup)


def _main_content(markup: str) -> RawDocument | None:
    import trafilatura
    from bs4 import BeautifulSoup
    from lxml import etree

    xml = trafilatura.extract(markup, output_format="xml", include_tables=True, include_comments=False,
                              include_links=False, favor_recall=True, with_metadata=True, deduplicate=False)
    if not xml:
        return None
    root = etree.fromstring(xml.encode("utf-8"))
    body = root.find("main")
    if body is None:
        return None
    soup = BeautifulSoup(markup, "html.parser")
    captions = _captions(soup)  # trafilatura drops <caption>: found again by the table's header row
    lines: list[str] = []
    grids: list[Grid] = []
    for block in body:
        if block.tag == "table":
            rows = [tuple(" ".join("".join(c.itertext()).split()) for c in row.findall("cell")) for row in block.findall("row")]
            rows = [r for r in rows if any(r)]
            while rows and sum(1 for c in rows[0] if c) == 1 and len(rows) > 2:  # a caption spanning the table
                lines.append(next(c for c in rows[0] if c))
                rows = rows[1:]
            if rows and rows[0] in captions:
                lines.append(captions[rows[0]])
            _add_grid(lines, grids, rows)
        elif block.tag == "list":
            lines.extend(" ".join("".join(i.itertext()).split()) for i in block.findall("item"))
        else:
            lines.append(" ".join("".join(block.itertext()).split()))
    if sum(len(_CJK.findall(x)) for x in lines) < MIN_TEXT_CHARS:
        return None
    number = _page_number(soup)
    if number and not any(number in x for x in lines):
        lines.insert(0, f"文号：{number}")  # the page's info box states it, outside the article: a line to cite
    for label, date in _page_dates(soup):  # and when it was published (发布日期), which the article never says
        if not any(label in x for x in lines):
            lines.insert(0, f"{label}：{date}")
    text = "\n".join(x for x in lines if x)
    meta = {k: v for k, v in (("title", root.get("title", "")), ("issued", _page_date(soup))) if v}
    return RawDocument(text, grids, paragraphs=True, meta=meta)


def _captions(soup: Any) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for table in soup.find_all("table"):
        caption, first = table.find("caption"), table.find("tr")
        if caption is not None and first is not None:
            header = tuple(" ".join(c.get_text(" ").split()) for c in first.find_all(["th", "td"]))
            out[header] = caption.get_text(strip=True)
    return out


_LABELED_NUMBER = re.compile(r"(?:文\s*号|发文字号|文件编号)\s*[：:]?\s*([\u4e00-\u9fff]{1,12}[〔\[［（(【]\s*\d{4}\s*[〕\]］）)】]\s*\d{1,4}\s*号)")


def _page_number(soup: Any) -> str:
    """The 文号 the page labels as its own (an info box's "文　号 | 通财购〔2025〕6号"), if any."""
    m = _LABELED_NUMBER.search(soup.get_text(" "))
    return re.sub(r"\s+", "", m.group(1)) if m else ""


_LABELED_DATE = re.compile(r"(发布日期|发布时间|成文日期|印发日期)\s*[：:]?\s*(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})")


def _page_dates(soup: Any) -> list[tuple[str, str]]:
    """The dates the page labels (an info box's "发布日期 | 2025年8月15日", "发布时间：2025-08-15 16:30"), as
    (label, 2025年8月15日), the first of each label; 发布时间 is read as 发布日期."""
    found: dict[str, str] = {}
    for m in _LABELED_DATE.finditer(soup.get_text(" ")):
        label = "发布日期" if m.group(1) == "发布时间" else m.group(1)
        found.setdefault(label, f"{m.group(2)}年{int(m.group(3))}月{int(m.group(4))}日")
    return list(found.items())


def _page_date(soup: Any) -> str:
    """The date the page's own <meta> gives (PubDate, publishdate, article:published_time …), if any."""
    for tag in soup.find_all("meta"):
        name = str(tag.get("name") or tag.get("property") or "").lower()
        if "date" in name or "published" in name:
            m = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", str(tag.get("content", "")))
            if m:
                return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return ""


def _read_whole_html(markup: str) -> RawDocument:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "nav", "header", "footer"]):
        tag.decompose()
    grids: list[Grid] = []
    for n, table in enumerate(soup.find_all("table")):
        rows = [tuple(c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])) for tr in table.find_all("tr")]
        rows = [r for r in rows if any(r)]
        caption = table.find("caption")
        title = caption.get_text(strip=True) if caption else ""
        grids.append(Grid(title, rows[0] if rows else (), tuple(rows[1:])))
        table.replace_with(soup.new_string(f"\n⟦GRID:{n}⟧\n"))
    text = soup.get_text("\n")
    heading = soup.find("h1") or soup.find("title")
    named = heading.get_text(strip=True) if heading else ""
    return RawDocument(text, grids, meta={"title": named} if named else {})


_MD_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def _read_markdown(text: str) -> RawDocument:
    """Headings, quotes and bullets lose their markup; pipe tables become grids."""
    lines: list[str] = []
    grids: list[Grid] = []
    table: list[tuple[str, ...]] = []
    for line in [*text.splitlines(), ""]:
        if line.strip().startswith("|"):
            if not _MD_RULE.match(line):
                table.append(tuple(c.strip() for c in line.strip().strip("|").split("|")))
            continue
        if table:
            _add_grid(lines, grids, table)
            table = []
        lines.append(_MD_MARKUP.sub("", line).replace("**", "").replace("__", ""))
    return RawDocument("\n".join(lines), grids)
