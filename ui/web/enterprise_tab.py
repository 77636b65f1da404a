"""The enterprise tab: a company profile in, the plan's matching directions and support measures out."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import gradio as gr

from rag.core.types import Citation
from rag.engine import Engine
from rag.matching.match import MatchResult, Profile
from ui.web.render import highlight, path_html

STAGES = ["初创期", "成长期", "规模以上"]
TAGS = ["高新技术企业", "科技型中小企业", "专精特新企业", "孵化器/众创空间运营", "新型研发机构", "农业龙头企业"]
EXAMPLES = [
    "我们是做辣椒酱和油辣椒的食品企业，在新蒲，想上自动化灌装线",
    "公司做冻干水果和果蔬脆片，准备扩大真空冷冻干燥产能",
    "我们运营城区的新能源汽车充电桩，也做光伏储能项目",
    "我们开了几家连锁理发店",
]
_SPLIT = re.compile(r"[、，,；;\s]+")


def profile_of(description: str, industry: str, products: str, stage: str, tags: Sequence[str], place: str) -> Profile:
    """The form's fields as the matcher's profile (stage and status go with the tags)."""
    text = description.strip() + (f"（企业位于{place.strip()}）" if place and place.strip() else "")
    return Profile(
        description=text,
        industry=(industry or "").strip(),
        products=tuple(p for p in _SPLIT.split(products or "") if p),
        tags=tuple(t for t in [*(tags or []), stage or ""] if t),
    )


def match_html(result: MatchResult) -> str:
    """Ranked directions with their quoted items, reasons and citations, then the support measures."""
    tag = "" if result.directions else "<b class='notice-tag'>无具体对应方向</b>"
    parts = [f"<div class='match-summary{'' if result.directions else ' notice'}'><p>{tag}{html.escape(result.message)}</p></div>"]
    for rank, d in enumerate(result.directions, start=1):
        items = "".join(f"<li>{html.escape(c.quote)}</li>" for c in d.items)
        parts.append(
            f"<div class='card match-card'><div class='match-title'><span class='card-n'>{rank}</span>{html.escape(d.title)}"
            f"<span class='match-score'>匹配度 {d.score:.2f}</span></div>"
            f"<div class='card-path'>{path_html(d.section)}</div>"
            f"<div class='match-reason'>匹配依据：{html.escape(d.reason)}</div><ul class='match-items'>{items}</ul>"
            f"{_sources(d.items, '查看原文（条目已标出）')}</div>"
        )
    if result.measures:
        rows = "".join(
            f"<tr><td>{html.escape(m.name)}</td><td>{html.escape(m.condition)}</td>"
            f"<td>{''.join(_measure_cite(c) for c in m.citations)}</td></tr>"
            for m in result.measures
        )
        parts.append(
            "<h3 class='measures-title'>可申请或关注的支持措施</h3><table class='plan-table measures'>"
            f"<thead><tr><th>措施</th><th>《规划》所述条件</th><th>原文出处</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    parts.append(f"<p class='muted'>知识库版本 {html.escape(result.kb_version)}</p>")
    return f"<div class='answer match'>{''.join(parts)}</div>"


def _measure_cite(c: Citation) -> str:
    return f"<div class='measure-cite'>“{html.escape(c.quote)}”{_sources([c], '出处：' + c.chunk.title)}</div>"


def _sources(items: Sequence[Citation], label: str) -> str:
    """The passages the items were quoted from, each once, with every quoted item marked."""
    chunks = {c.chunk.id: c.chunk for c in items}
    body = "".join(
        f"<div class='card-path'>{path_html(chunk.section)}</div>"
        f"<p>{highlight(chunk.text, *[c.quote for c in items if c.chunk.id == cid])}</p>"
        for cid, chunk in chunks.items()
    )
    return f"<details class='card-context'><summary>{html.escape(label)}</summary><div class='ctx-body'>{body}</div></details>"


def build_enterprise_tab(engine: Engine) -> None:
    """The tab's form, examples and result; call inside a `gr.Tab` context."""

    def run(description: str, industry: str, products: str, stage: str, tags: list[str], place: str) -> str:
        if not (description or "").strip():
            gr.Warning("请先用一两句话描述企业的主营业务。", title="注意")
            return gr.skip()
        return match_html(engine.match(profile_of(description, industry, products, stage, tags, place)))

    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=320):
            description = gr.Textbox(label="企业情况", lines=4, elem_id="ent-description",
                                     placeholder="用平常的话描述企业：做什么产品、用什么技术、有什么打算。")
            industry = gr.Textbox(label="所属行业（可选）", elem_id="ent-industry")
            products = gr.Textbox(label="主要产品或技术（可选，多个用顿号分隔）", elem_id="ent-products")
            with gr.Row():
                stage = gr.Dropdown(STAGES, label="发展阶段（可选）", value=None, elem_id="ent-stage")
                place = gr.Textbox(label="所在区（县、市）（可选）", elem_id="ent-place")
            tags = gr.CheckboxGroup(TAGS, label="企业资质（可选）", elem_id="ent-tags")
            submit = gr.Button("查找适用的规划方向与支持措施", variant="primary", elem_id="ent-submit")
            gr.Examples([[e] for e in EXAMPLES], inputs=[description], label="示例企业（点击填入）")
        with gr.Column(scale=3, min_width=400):
            result = gr.HTML("<p class='muted'>填写左侧企业情况后点击查找，结果将列出《规划》中相关的重点方向（专栏）、原文条目、匹配依据和支持措施。</p>",
                             elem_id="ent-result", js_on_load=None)
    inputs = [description, industry, products, stage, tags, place]
    submit.click(run, inputs, result)
