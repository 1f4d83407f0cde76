"""Genre: a 报告 carries no request, and a few easily confused words."""

from __future__ import annotations

import re

from models.checks.model import ADVICE, ERROR, NODE_FIELDS, Rule
from models.checks.patterns import regex_hits
from models.checks.sources import TIAOLI

# 提请/报请/呈请/申请批准 tell what was done; only a bare 请… asks the reader to act.
_REQUEST = re.compile(
    "(?<![提报呈申])(?:请批示|请予批示|请予批准|请批准|请审批|请予审批|请予批复|请批复|请审定"
    "|请批转[^。；！\n]{0,20}?执行)|请示为盼|妥否|当否|批准为盼|特此请示"
)
# 恳请上级给予支持 / 请予以解决: asking the superior to act, which a 报告 does not do.
_ASKING = re.compile(
    "恳请[^。；！\n]{0,30}?(?:给予|予以)[^。；！\n]{0,6}?(?:支持|解决|帮助|倾斜)"
    "|(?<![提报呈申])请(?!求)[^。；！，\n]{0,12}?(?:予以|协调)解决"
)
_JIEZHI = re.compile(r"截止(?=\d|目前|今年|本月|年底|当前|去年)")

RULES = (
    Rule(
        "genre.request",
        "genre",
        ERROR,
        f"{TIAOLI}第十五条（报告不得夹带请示事项）",
        "报告不得夹带请示事项：删除“请批示”“妥否”等请示用语，需要请示的事项另行行文。",
        lambda text, where: regex_hits(_REQUEST, text),
        fields=NODE_FIELDS,
    ),
    Rule(
        "genre.request-support",
        "genre",
        ADVICE,
        f"{TIAOLI}第十五条（报告不得夹带请示事项）",
        "报告是向上级汇报工作，请求上级支持、解决问题属于请示事项，应另行请示。",
        lambda text, where: regex_hits(_ASKING, text) if "请" in text else (),
        fields=NODE_FIELDS,
    ),
    Rule(
        "genre.jiezhi",
        "genre",
        ADVICE,
        "实务（“截至”与“截止”）",
        "表示“到某时为止”用“截至”，如“截至2023年底”；“截止”用于“截止日期”“报名截止”。",
        lambda text, where: regex_hits(_JIEZHI, text),
        fields=NODE_FIELDS,
        fix=lambda e: "截至",
    ),
)
