"""Genre: a 报告 carries no request, and a few easily confused words."""

from __future__ import annotations

import re

from models.checks.model import ADVICE, ERROR, NODE_FIELDS, Rule
from models.checks.patterns import regex_hits
from models.checks.sources import TIAOLI

_REQUEST = re.compile("请批示|请示为盼|妥否|当否|请予批准|请批准|请审批|请予审批|请予批复|请批复")
_JIEZHI = re.compile(r"截止(?=\d|目前|今年|本月|年底|当前|去年)")

RULES = (
    Rule("genre.request", "genre", ERROR, f"{TIAOLI}第十五条（报告不得夹带请示事项）",
         "报告不得夹带请示事项：删除“请批示”“妥否”等请示用语，需要请示的事项另行行文。",
         lambda text, where: regex_hits(_REQUEST, text), fields=NODE_FIELDS),
    Rule("genre.jiezhi", "genre", ADVICE, "实务（“截至”与“截止”）",
         "表示“到某时为止”用“截至”，如“截至2023年底”；“截止”用于“截止日期”“报名截止”。",
         lambda text, where: regex_hits(_JIEZHI, text), fields=NODE_FIELDS, fix=lambda e: "截至"),
)
