"""`policy-rag docs list|add|replace|remove`: manage the knowledge base's documents."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rag.core.progress import Progress
from rag.engine import Engine, IngestReport
from rag.ingest.documents import Change, DocumentInfo, DocumentLibrary

META_OPTIONS = {"title": "标题", "issuer": "发文机关", "number": "文号", "issued": "发文日期（如 2024-04-10）",
                "validity": "有效期", "region": "适用地区"}


def add_parser(sub: Any) -> None:
    """The `docs` subcommand and its four actions."""
    docs = sub.add_parser("docs", help="文档管理：列出、添加、替换、删除").add_subparsers(dest="action", required=True)
    docs.add_parser("list", help="列出知识库中的文档")
    add = docs.add_parser("add", help="添加文档（.pdf/.docx/.html/.md/.txt）")
    add.add_argument("path", type=Path)
    add.add_argument("--id", dest="doc_id", default="", help="文档编号（默认取文件名）")
    rep = docs.add_parser("replace", help="用新文件替换文档（失败时旧版本继续服务）")
    rep.add_argument("doc_id")
    rep.add_argument("path", type=Path)
    for action in (add, rep):
        for name, label in META_OPTIONS.items():
            action.add_argument(f"--{name}", default="", help=f"{label}（覆盖文档中读出的值）")
        action.add_argument("--quiet", action="store_true", help="不显示进度")
    rem = docs.add_parser("remove", help="删除文档")
    rem.add_argument("doc_id")


def run(engine: Engine, args: argparse.Namespace, *, progress: Progress | None = None) -> int:
    """Run one `docs` action; `progress` (add and replace) is told how parsing and embedding advance."""
    library = DocumentLibrary(engine)
    if args.action == "list":
        for doc in library.documents():
            _write(_describe(doc))
        return 0
    if args.action == "remove":
        _write(f"已删除 {args.doc_id}。" + _summary(library.remove(args.doc_id)))
        return 0
    meta = {name: getattr(args, name) for name in META_OPTIONS}
    if args.action == "add":
        change: Change = library.add(args.path, doc_id=args.doc_id, meta=meta, progress=progress)
    else:
        change = library.replace(args.doc_id, args.path, meta=meta, progress=progress)
    _write(("已添加 " if args.action == "add" else "已替换 ") + _describe(change.doc) + _summary(change.report))
    return 0


def _describe(doc: DocumentInfo) -> str:
    m = doc.meta
    parts = [m.get("title", doc.id), m.get("number", ""), m.get("issuer", ""), m.get("issued", ""), m.get("source", "")]
    return f"{doc.id}\t" + "\t".join(p for p in parts if p) + f"\t{doc.chunks} 个片段"


def _summary(report: IngestReport) -> str:
    return f"\n索引版本 {report.kb_version}，共 {report.chunks} 个片段，新向量化 {report.embedded} 个，删除 {report.removed} 个。"


def _write(text: str) -> None:
    sys.stdout.write(text + "\n")
