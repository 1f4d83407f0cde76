"""Source clauses cited by the rules. Only 第二十四条 of the 督察规定 is verified in
``reference/format-and-rules.md`` §2; the other article numbers are marked 待核 there, so the
citations below name the requirement and say so instead of asserting a number."""

from __future__ import annotations

DUCHA = "《法治政府建设与责任落实督察工作规定》"
DUCHA_CONTENT = f"{DUCHA}（报告内容五项，条号待核）"
DUCHA_SUBMIT = f"{DUCHA}（每年3月1日前报告，条号待核）"
DUCHA_PUBLISH = f"{DUCHA}第二十四条"
GANGYAO = "《法治政府建设实施纲要（2021—2025年）》"
GBT9704 = "GB/T 9704—2012"
GBT15834 = "GB/T 15834—2011"
GBT15835 = "GB/T 15835—2011"
TIAOLI = "《党政机关公文处理工作条例》"
XXGK = "《中华人民共和国政府信息公开条例》第十五条"
