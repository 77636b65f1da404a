"""A synthetic corpus of N documents for scale benchmarks: the seed plan, plus N-1 variants of it with the
city's name and the figures changed (other cities, other numbers), as the knowledge base will grow."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

CITIES = ("安顺", "六盘水", "毕节", "铜仁", "黔南", "黔东南", "黔西南", "贵阳", "曲靖", "玉溪", "昭通", "泸州", "宜宾",
          "乐山", "南充", "达州", "绵阳", "德阳", "自贡", "内江", "广元", "遂宁", "眉山", "雅安", "巴中", "资阳", "怀化",
          "常德", "株洲", "湘潭", "衡阳", "邵阳", "岳阳", "益阳", "郴州", "永州", "娄底", "柳州", "桂林", "梧州")
# Figures, not numbering: 专栏5-3, 表3.1 and 第1项 keep their numbers, so every variant has the plan's outline.
_FIGURE = re.compile(r"(?<![\d.\-栏表第])(\d+(?:\.\d+)?)(?![\d.\-])")


def home_city(region: str) -> str:
    """The seed document's city, from its manifest region ("贵州省XX市" → "XX")."""
    return re.sub(r"^.*?省", "", region).removesuffix("市")


def variant(text: str, own: str, city: str, seed: int) -> str:
    """The plan as another city's: its name swapped in and every figure (but years) moved a little."""
    rng = random.Random(seed)

    def move(m: re.Match[str]) -> str:
        value = m.group(1)
        # Years, and small integers (list and table numbering, which the PDF table repair reads), stay.
        if re.fullmatch(r"(19|20)\d{2}", value) or ("." not in value and int(value) < 30):
            return value
        number = float(value) * rng.uniform(0.6, 1.6)
        return f"{number:.{len(value.split('.')[1])}f}" if "." in value else str(max(1, round(number)))

    return _FIGURE.sub(move, text.replace(own, city))


def build(seed_corpus: Path, out: Path, documents: int) -> Path:
    """Write `documents` documents (the seed plan first) and their manifest to `out`; returns `out`."""
    manifest = json.loads((seed_corpus / "manifest.json").read_text(encoding="utf-8"))
    plan = manifest["documents"][0]
    text = (seed_corpus / plan["file"]).read_text(encoding="utf-8")
    own = home_city(plan.get("region", ""))
    if not own or own not in text:
        raise ValueError("the seed document's manifest needs its region (…省…市) to vary the city name")
    out.mkdir(parents=True, exist_ok=True)
    (out / plan["file"]).write_text(text, encoding="utf-8")
    entries = [plan]
    for n in range(1, documents):
        city = CITIES[(n - 1) % len(CITIES)] + ("" if n <= len(CITIES) else str((n - 1) // len(CITIES) + 1))
        name = f"variant-{n:03d}.txt"
        (out / name).write_text(variant(text, own, city, n), encoding="utf-8")
        entries.append({"file": name, "id": f"variant-{n:03d}", "title": plan["title"].replace(own, city),
                        "region": plan.get("region", "").replace(own, city), "period": plan.get("period", "")})
    (out / "manifest.json").write_text(json.dumps({"documents": entries}, ensure_ascii=False, indent=2), encoding="utf-8")
    return out
