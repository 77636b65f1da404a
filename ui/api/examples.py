"""Chinese examples for the OpenAPI page (/docs): real answers of the plan, trimmed; one per error status."""

from __future__ import annotations

from typing import Any

from ui.api.access import UNAUTHORIZED

KB = "1d191b94923f"
_RID = "3f2a9c0e5b7d4e1f8a6b2c9d0e1f2a3b"
_INDICATORS = "第二章 遵义市新时代科技创新发展新路径 › 三、发展目标与主要指标 › 主要指标表"
_PEPPER = "第三章 遵义市科技发展重点方向 › 一、现代农业科技重点发展方向 › 3.辣椒 › 专栏5-3：辣椒科技发展重点"
_POLICY = "第十二章 落实和完善创新政策 › 三、完善支持创新的普惠性政策体系"
_PEPPER_TEXT = "辣椒种质资源精准鉴定与评价……辣椒精深加工关键技术及新产品开发，食用辣椒制品机械化生产技术与设备提升……"
_POLICY_QUOTE = "加大研发费用加计扣除、高新技术企业税收优惠、固定资产加速折旧等政策的落实力度。"

ASK: dict[str, Any] = {
    "answer": "根据《规划》，高新技术企业：2020年为212家，2025年目标为400家[1]。",
    "answerable": True,
    "citations": [{
        "id": "1c907e885e4a9a3381ef", "doc": "zunyi-sti-plan", "section": _INDICATORS,
        "text": "主要指标第6项：高新技术企业（家），2020年基期值212，2025年目标值400。",
        "quote": "高新技术企业：2020年为212家，2025年目标为400家", "score": 0.1924,
    }],
    "kb_version": KB,
    "generated_by": "extractive",
}
ASK_NOT_FOUND: dict[str, Any] = {
    "answer": "《规划》中没有找到关于“遵义市科技局的办公电话是多少”的明确内容。下面是最接近的段落，供参考。",
    "answerable": False, "citations": [], "kb_version": KB, "generated_by": "extractive",
}
SEARCH: dict[str, Any] = {"results": [{
    "id": "ebfe7ad34c25e1bb335c", "doc": "zunyi-sti-plan", "section": _PEPPER, "text": _PEPPER_TEXT, "score": 0.2,
}]}
MATCH: dict[str, Any] = {
    "matches": [{
        "title": "专栏5-3：辣椒科技发展重点", "section": _PEPPER,
        "items": ["食用辣椒制品机械化生产技术与设备提升", "辣椒精深加工关键技术及新产品开发"],
        "reason": "描述中的“辣椒酱”“油辣椒”（规划用语：辣椒制品）、“灌装线”（规划用语：机械化生产）见于专栏5-3：辣椒科技发展重点；《规划》在该方向提到新蒲。",
        "score": 1.0773,
        "citations": [{"id": "ebfe7ad34c25e1bb335c", "section": _PEPPER, "text": _PEPPER_TEXT,
                       "quote": "食用辣椒制品机械化生产技术与设备提升；辣椒精深加工关键技术及新产品开发"}],
    }],
    "measures": [{
        "name": "研发费用加计扣除", "condition": "《规划》未明确具体条件、标准和申报程序",
        "citations": [{"id": "4c62d417a92db43a82fe", "section": _POLICY, "text": "……" + _POLICY_QUOTE + "……", "quote": _POLICY_QUOTE}],
    }],
    "kb_version": KB,
    "message": "根据《规划》，与贵单位相关的方向：专栏5-3：辣椒科技发展重点。",
}
HEALTH: dict[str, Any] = {"status": "ok", "kb_version": KB, "chunks": 140}
READY: dict[str, Any] = {"status": "ready", "index": True, "vector_store": "ok", "kb_version": KB}

ERRORS: dict[int, tuple[str, str]] = {
    400: ("invalid_json", "请求体不是合法的 JSON。"),
    401: ("unauthorized", UNAUTHORIZED),
    404: ("not_found", "接口不存在：/api/v1/asks"),
    413: ("too_large", "请求内容过大。"),
    422: ("empty_question", "字段 question 不能为空。"),
    429: ("rate_limited", "请求过于频繁，请 12 秒后重试。"),
    500: ("internal_error", "服务内部错误，请稍后重试。"),
    503: ("not_ready", "向量库不可达，问答暂以关键词检索降级提供。"),
}


def error_example(status: int) -> dict[str, str]:
    code, message = ERRORS[status]
    return {"code": code, "message": message, "request_id": _RID}


def json_example(value: dict[str, Any]) -> dict[str, Any]:
    """An OpenAPI `content` entry showing `value` as the JSON example."""
    return {"application/json": {"example": value}}
