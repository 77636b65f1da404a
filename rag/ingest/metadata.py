"""A document's own statement of what it is: title, 发文机关, 文号, issue date, validity, region."""

from __future__ import annotations

import re

from rag.core.zh import digit_dates, normalize
from rag.ingest.formats import GRID

FIELDS = ("title", "issuer", "number", "issued", "validity", "region", "source")
HEAD_LINES = 12
_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［（(【]\s*\d{4}\s*[〕\]］）)】]\s*\d{1,4}\s*号")
_TITLE = re.compile(r"^(?P<issuer>[\u4e00-\u9fff“”（）]{2,40}?)关于.{2,60}的(?:通知|决定|意见|公告|通告|批复|函)$")
_TITLE_DOC = re.compile(r"^.{2,50}(?:办法|规定|细则|规划|方案|意见|通知|规则|条例|指南|纲要|措施|决定|公告|通告|计划|要点)(?:（试行）|（暂行）)?$")
_ISSUER = re.compile(r"^[\u4e00-\u9fff]{2,60}(?:人民政府|办公室|办公厅|委员会|局|厅|委|部|中心|管委会)$")
_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
SIGNED_LABEL = "成文日期："  # the line that keeps a dropped signature's date

_IN_FORCE = re.compile(r"自\S{0,20}起(?:施行|执行|实施)")
_TERM = re.compile(r"有效期(?!内)")  # 有效期内的认定文件 speaks of another document's validity
_ANNEX = re.compile(r"^附\s*件")
_REGION = re.compile(r"^([\u4e00-\u9fff]{1,6}?(?:省|自治区)?[\u4e00-\u9fff]{1,6}?(?:市|州|县|区))")


def read_metadata(lines: list[str]) -> dict[str, str]:
    """What the cleaned lines say about the document; fields it does not state are left out."""
    head = [normalize(x) for x in lines[:HEAD_LINES]]
    tail = [digit_dates(normalize(x)) for x in lines[-HEAD_LINES:]]  # 二〇二五年五月二十日 signs as a date too
    meta: dict[str, str] = {}
    # A number in brackets after a 《title》 is the cited document's (…办法》（财库〔2020〕46号）), not this one's.
    number = next((m.group(0) for x in head for m in _NUMBER.finditer(x) if not re.search(r"》\s*[（(]\s*$", x[: m.start()])), "")
    if number:
        meta["number"] = re.sub(r"\s+", "", number)
    title = next((x for x in head if _TITLE.match(x) or _TITLE_DOC.match(x)), "")
    if title:
        meta["title"] = title
    issuer = _issuer(title, tail, [normalize(x) for x in lines[: 3 * HEAD_LINES]])
    if issuer:
        meta["issuer"] = issuer
        region = _REGION.match(issuer)
        if region:
            meta["region"] = region.group(1)
    dates = [m.groups() for x in tail if (m := _DATE.match(x))]
    if dates:
        year, month, day = dates[-1]
        meta["issued"] = f"{year}-{int(month):02d}-{int(day):02d}"
    closing = "\n".join(normalize(x) for x in lines[-3 * HEAD_LINES :] if not GRID.match(x.strip()))  # table markers are not text
    validity = _validity(closing)
    if validity:
        meta["validity"] = validity
    return meta


def _validity(closing: str) -> str:
    """The closing sentence that says when the document takes effect (自…起施行) or how long it holds."""
    sentences = [x.strip() for x in re.split(r"(?<=[。；：\n])", closing) if x.strip()]
    sentences = [re.sub(r"^第[一二三四五六七八九十百]+条", "", x).strip() for x in sentences]
    found = [x for x in sentences if _IN_FORCE.search(x)] or [x for x in sentences if _TERM.search(x)]
    return found[-1] if found else ""


def _issuer(title: str, tail: list[str], lines: list[str]) -> str:
    """The body named before 关于 in the title, else the signature line above the date at the end."""
    named = _TITLE.match(title)
    if named:
        return named.group("issuer")
    signed = next((x for x in reversed(tail) if _ISSUER.match(x)), "")
    # A notice that prints its 办法 after the signature signs in the middle: an issuer line over a date line.
    return signed or next((x for x, after in zip(lines, lines[1:], strict=False) if _ISSUER.match(x) and _DATE.match(after)), "")


def drop_signature(lines: list[str], meta: dict[str, str]) -> list[str]:
    """Drop the closing signature (发文机关 and date lines at the end, or just before the 附件) that the
    document's metadata already holds. A signature with the text of the 办法 below it (a notice that
    prints what it issues after signing) stays: it is the line that says who issued it."""
    if "issued" not in meta:
        return lines
    start = max(0, len(lines) - HEAD_LINES)
    issuer = meta.get("issuer", "")

    def signs(n: int) -> bool:
        line = normalize(lines[n])  # a date in Chinese numerals stays: the line cited for it, as written
        return bool(_DATE.match(line)) or bool(issuer) and line == issuer

    closing: set[int] = set()
    for n in range(start, len(lines)):
        if not signs(n):
            continue
        after = next((m for m in range(n + 1, len(lines)) if not signs(m)), None)
        if after is None or _ANNEX.match(normalize(lines[after])):
            closing.add(n)
    return [line for n, line in enumerate(lines) if n not in closing]
