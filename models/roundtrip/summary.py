"""A merge plan and the 分工 as lines of Chinese text (the command line prints them)."""

from __future__ import annotations

from dataclasses import dataclass

from models.report import Node, Report
from models.roundtrip.diff import diff_lines
from models.roundtrip.merge import CONFLICT, MergePlan
from models.roundtrip.parts import part_labels, positions
from models.roundtrip.records import PACKAGE, SentFile

INDENT = "    "


def plan_lines(plan: MergePlan) -> list[str]:
    what = "填报文件" if plan.kind == PACKAGE else "审阅稿"
    made = f"，{plan.file.created[:10]} 生成" if plan.file else ""
    lines = [f"{what}（{plan.unit or '未注明科室'}{made}）与报告 {plan.report_id} 的比较："]
    for change in plan.changes:
        name = "标题" if change.field == "title" else "正文"
        if change.status == CONFLICT:
            lines.append(
                f"【冲突】{change.label} · {name}：文件发出后，年报助手中的这一部分也改过了，两边都保留，不自动合并。"
            )
            base = change.base if change.base is not None else change.ours
            lines.append(f"{INDENT}文件中的文字（相对发出时）：")
            lines += [INDENT * 2 + line for line in diff_lines(base, change.theirs) or ["（与年报助手中的现稿相同）"]]
            if change.base is not None:
                lines.append(f"{INDENT}年报助手中的文字（相对发出时）：")
                lines += [INDENT * 2 + line for line in diff_lines(change.base, change.ours)]
            continue
        lines.append(f"【将修改】{change.label} · {name}：")
        lines += [INDENT + line for line in diff_lines(change.ours, change.theirs)]
        if change.tracked:
            authors = "、".join(sorted({c.author for c in change.tracked if c.author})) or "未署名"
            lines.append(f"{INDENT}（其中 {len(change.tracked)} 处是修订，修订人：{authors}）")
        if change.untracked:
            lines.append(f"{INDENT}（有未打开“修订”时直接改的文字，已按发出时的文字比较出来）")
    for proposal in plan.proposals:
        lines.append(f"【建议】{proposal.label} · 正文（{proposal.reason}，加 --proposals 才会采用）：")
        lines += [INDENT + line for line in proposal.text.split("\n")]
    lines += [f"【提示】{problem}" for problem in plan.problems]
    for note in plan.notes:
        quote = f"（针对“{note.quote}”）" if note.quote else ""
        done = "（已解决）" if note.resolved else ""
        lines.append(f"【批注】{note.author or '未署名'}{quote}：{note.text}{done}")
    changed = sum(1 for c in plan.changes if c.status != CONFLICT)
    lines.append(
        f"共 {changed} 处修改、{len(plan.conflicts)} 处冲突、{len(plan.proposals)} 条建议、{len(plan.notes)} 条批注。"
    )
    return lines


@dataclass(frozen=True)
class Assignment:
    """One assigned part: where it is, its 科室 and due date, and how far its file has got."""

    node: Node
    position: str  # 2.3
    label: str  # 二、（三）标题
    state: str  # 未发出 / 已发出（date），未交回 / 已交回（date 合并）
    returned: bool
    sent: bool


def assignments(report: Report, files: list[SentFile]) -> list[Assignment]:
    """分工: each assigned part with its 科室, due date, and when its file went out and came back."""
    where = positions(report)
    labels = part_labels(report)
    sent: dict[int, SentFile] = {}
    for record in files:
        if record.kind == PACKAGE:
            for area in record.areas:
                sent[area.node_id] = record  # the latest file holding the part
    found = []
    for node in report.walk():
        if not node.unit or node.id is None:
            continue
        record = sent.get(node.id)
        if record is None:
            state = "未发出"
        elif record.merged:
            state = f"已交回（{record.merged[:10]} 合并）"
        else:
            state = f"已发出（{record.created[:10]}），未交回"
        returned = record is not None and bool(record.merged)
        found.append(Assignment(node, where.get(id(node), "-"), labels[node.id], state, returned, record is not None))
    return found


def assignment_lines(report: Report, files: list[SentFile]) -> list[str]:
    """分工 as the command line prints it, one part a line."""
    lines = []
    for item in assignments(report, files):
        due = f"\t{item.node.due} 前" if item.node.due else "\t未定期限"
        lines.append(f"{item.position}\t{item.label}\t{item.node.unit}{due}\t{item.state}")
    return lines
