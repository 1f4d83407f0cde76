"""What a returned 填报文件 or 审阅稿 would change, and the changes to apply.

For each anchored part three texts are compared: ``base`` (what the file showed when it was
made, kept in the library), ``theirs`` (the returned file, tracked changes accepted) and
``ours`` (the part in the library now). Only ``theirs != base`` is a change; if ``ours`` moved
on from ``base`` too, and differently, it is a conflict and neither side wins silently.

Nothing here writes: :func:`plan_merge` returns a :class:`MergePlan`, and
:func:`apply_plan` hands the chosen changes to :meth:`Library.apply_round_trip`, which saves
a revision first and applies them in one transaction.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from models.errors import NianbaoError
from models.ledger.refs import report_sheet, resolve_text, resolved_report
from models.numbering import number_report
from models.part_labels import NODE_FIELD_NAMES
from models.report import TABLE, Report
from models.roundtrip.anchors import Anchor, digest, shown_text
from models.roundtrip.diff import added_text, diff_lines
from models.roundtrip.parts import part_labels
from models.roundtrip.patching import patched
from models.roundtrip.reading import AreaText, ReturnedFile, TrackedChange, read_returned
from models.roundtrip.records import (
    GUIDANCE,
    HEADING,
    INSTRUCTIONS,
    PACKAGE,
    REVIEW,
    ROLE_NAMES,
    TABLE_CELLS,
    TEXT,
    Area,
    Note,
    SentFile,
)
from models.store import Library

CHANGED, CONFLICT, SAME = "changed", "conflict", "same"
SKIP, THEIRS, OURS = "skip", "theirs", "ours"
HEADING_MATCH = 0.85  # a paragraph this like a lost part's heading is taken for it
FIELD_NAMES = NODE_FIELD_NAMES  # 标题 / 正文, as the 体检 and find name them


class MergeError(NianbaoError):
    """A file that cannot be merged into this report at all; nothing was changed."""


@dataclass
class PartChange:
    node_id: int
    label: str
    field: str  # "title" or "text"
    base: str | None  # None: the library has no record of the file (judged by the anchor's hash)
    theirs: str
    ours: str
    status: str  # CHANGED, CONFLICT or SAME (both sides made the same change)
    tracked: list[TrackedChange] = field(default_factory=list)
    untracked: bool = False  # edited without 修订 (the file's text before its tracked changes ≠ base)
    written: str | None = None  # what taking it writes: theirs applied onto the stored text (None: theirs)

    @property
    def value(self) -> str:
        return self.theirs if self.written is None else self.written


@dataclass
class Proposal:
    """A best-effort guess for text that was not where it belonged; applied only when asked."""

    node_id: int
    label: str
    text: str  # the part's text if the proposal is taken, as the file shows it
    reason: str
    written: str | None = None  # ``text`` applied onto the stored text (None: ``text`` itself)


@dataclass
class MergePlan:
    report_id: int
    kind: str  # PACKAGE or REVIEW
    unit: str
    file: SentFile | None
    changes: list[PartChange] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def conflicts(self) -> list[PartChange]:
        return [c for c in self.changes if c.status == CONFLICT]

    def to_apply(
        self,
        conflicts: str = SKIP,
        proposals: bool | Collection[int] = False,
        only: Collection[tuple[int, str]] | None = None,
        resolved: Mapping[tuple[int, str], str] | None = None,
    ) -> list[tuple[int, str, str]]:
        """``(node_id, field, value)`` to write: the one rule for the command line and the window.

        A plain change is taken unless ``only`` (the ``(node_id, field)`` the clerk accepted one by
        one) leaves it out. A conflict is skipped unless ``resolved`` holds the text the clerk chose
        for it, or ``conflicts`` is THEIRS (the file wins; OURS keeps the library's text: nothing to
        write). ``proposals``: all (True), none (False) or the node ids whose proposal was ticked;
        a proposal never touches a conflict's part, whatever was chosen for the conflict."""
        resolved = resolved or {}
        chosen: dict[tuple[int, str], str] = {}
        for change in self.changes:
            key = (change.node_id, change.field)
            if key in resolved and change.status == CONFLICT:
                chosen[key] = resolved[key]
            elif (only is None or key in only) and (
                change.status == CHANGED or (change.status == CONFLICT and conflicts == THEIRS)
            ):
                chosen[key] = change.value
        conflicted = {(c.node_id, c.field) for c in self.conflicts}
        for proposal in self.proposals:  # a proposal already includes the part's returned text
            key = (proposal.node_id, "text")
            taken = proposals if isinstance(proposals, bool) else proposal.node_id in proposals
            if taken and key not in conflicted:
                chosen[key] = proposal.text if proposal.written is None else proposal.written
        return [(node_id, name, value) for (node_id, name), value in chosen.items()]

    def label(self, today: datetime.date | None = None) -> str:
        """The revision saved before applying: who sent the file back, and when."""
        day = (today or datetime.date.today()).isoformat()
        who = self.unit or ("审阅稿" if self.kind == REVIEW else "填报文件")
        return f"合并{'审阅稿' if self.kind == REVIEW else '填报文件'}前自动保存（{who}，{day}）"


def plan_merge(library: Library, report_id: int, path: Path) -> MergePlan:
    """What merging ``path`` into the report would do. Refuses (MergeError/ImportFileError, nothing
    changed) a file that is not a .docx, is damaged, or belongs to another report."""
    stored = library.load_report(report_id)
    report = resolved_report(stored)  # compared as the file printed it
    returned = read_returned(path)
    ours = [a for a in returned.anchors.values() if a.report_id == report_id]
    if not ours:
        return _without_anchors(library, report, returned, path)
    file_ids = {a.file_id for a in ours}
    record = library.sent_file(min(file_ids))
    if record is not None and record.report_id != report_id:
        record = None
    kind = record.kind if record else (PACKAGE if any(a.role in (GUIDANCE, INSTRUCTIONS) for a in ours) else REVIEW)
    plan = MergePlan(report_id, kind, record.unit if record else "", record)
    if len(file_ids) > 1:
        plan.problems.append("文件中混有几次生成的标记（可能从别的填报文件复制过内容），按最早的一次比较。")
    if record is None:
        plan.problems.append(
            "资料库中没有这个文件的生成记录（可能生成后恢复过备份），只能按文件内的校验值判断哪些部分被改过。"
        )
    _Planner(plan, report, returned, {a.key: a for a in ours if a.file_id == min(file_ids)}, stored).run()
    stored = {note.identity for note in library.notes(report_id)}
    plan.notes = [note for note in plan.notes if note.identity not in stored]
    if record is not None and record.merged:
        plan.problems.insert(
            0,
            f"此文件已于 {record.merged.replace('T', ' ')[:16]} 合并过；这里只列出还没有合并的修改，"
            "已收入的批注不再重复收入。",
        )
    if plan.kind == REVIEW and not plan.unit:  # who marked it up, for the revision's label
        plan.unit = "、".join(_reviewers(returned))
    return plan


def _reviewers(returned: ReturnedFile) -> list[str]:
    changes = [c for area in (*returned.areas.values(), returned.outside) for c in area.changes]
    names = [c.author for c in changes] + [c.author for c in returned.comments]
    return list(dict.fromkeys(name for name in names if name))[:3]


def apply_plan(
    library: Library,
    plan: MergePlan,
    conflicts: str = SKIP,
    proposals: bool = False,
    only: Collection[tuple[int, str]] | None = None,
) -> int | None:
    """Apply the plan as one step (a revision labelled with the 科室 and date is saved first).
    Returns the revision's id, or None when there was nothing to apply."""
    changes = plan.to_apply(conflicts, proposals, only)
    if not changes and not plan.notes:
        return None
    # A file counts as returned (分工: 已交回) once nothing of it is left over.
    settled = not (plan.conflicts and conflicts == SKIP) and only is None
    file_id = plan.file.id if plan.file and settled else None
    return library.apply_round_trip(plan.report_id, changes, plan.label(), file_id, plan.notes)


class _Planner:
    def __init__(
        self,
        plan: MergePlan,
        report: Report,
        returned: ReturnedFile,
        anchors: dict[tuple[int, str], Anchor],
        stored: Report,
    ) -> None:
        self.plan = plan
        self.stored = {node.id: node for node in stored.walk()}  # as kept: references, blank lines, indents
        self.sheet = report_sheet(stored)
        self.report = report
        self.returned = returned
        self.anchors = anchors
        self.nodes = {node.id: node for node in report.walk()}
        self.labels = part_labels(report)
        numbers = number_report(report)
        self.markers = {node.id: numbers[id(node)] for node in report.walk() if node.id is not None}
        record = plan.file
        self.base: dict[tuple[int, str], Area] = {a.key: a for a in record.areas} if record else {}

    def label(self, node_id: int) -> str:
        return self.labels.get(node_id) or f"（已删除的部分，编号 {node_id}）"

    def run(self) -> None:
        keys = list(self.base) if self.base else list(self.anchors)
        lost = self._lost_nodes(keys)
        loose: list[tuple[tuple[int, str], str]] = []
        for key in keys:
            node_id, role = key
            found = self.returned.areas.get(key)
            if role == TABLE_CELLS:
                self._table(node_id, found)
                continue
            if role == TEXT and node_id in self.nodes and self.nodes[node_id].kind == TABLE:
                continue  # a table has no text of its own; its cells are compared as a table
            if node_id in lost or role == INSTRUCTIONS:
                if role == INSTRUCTIONS and found is not None and found.accepted != self._base_text(key, found):
                    self.plan.problems.append("文件开头的填报说明被改动了；说明不会合并进报告。")
                continue
            if found is None:
                found = AreaText()  # an empty text area reads as nothing at all
            if role in (GUIDANCE,) or (role == HEADING and self.plan.kind == PACKAGE):
                self._protected(key, found, loose)
            elif role == HEADING:
                self._compare(node_id, "title", key, found)
            elif role == TEXT:
                loose.append((key, found.accepted))
        self._outside()
        self._assign_loose(loose, lost)
        self._notes()

    def _lost_nodes(self, keys: list[tuple[int, str]]) -> set[int]:
        """Parts none of whose anchors came back (bookmarks deleted with their text)."""
        node_ids = {node_id for node_id, role in keys if node_id and role != TABLE_CELLS}
        found = {node_id for node_id, role in self.returned.areas if node_id and role != TABLE_CELLS}
        found |= {k[0] for k in self.returned.anchors}
        lost = node_ids - found
        for node_id in sorted(lost, key=lambda n: keys.index((n, HEADING)) if (n, HEADING) in keys else 0):
            self.plan.problems.append(
                f"{self.label(node_id)}：文件中这一部分的隐藏标记被删除了，按标题文字查找它的正文。"
            )
        return lost

    def _table(self, index: int, found: AreaText | None) -> None:
        """Edits inside a table are shown to the clerk, never merged: a part's text cannot hold cells."""
        base = self.base.get((index, TABLE_CELLS))
        theirs = found.accepted if found is not None else ""
        if base is None or theirs == base.text:
            return
        owner = self.returned.table_owners.get(index)
        node = self.nodes.get(owner) if owner is not None else None
        where = f"表格“{node.title}”" if node is not None and node.kind == TABLE and node.title else ""
        where = where or f"第 {index + 1} 个表格" + (f"（{self.label(owner)}之后）" if node is not None else "")
        detail = (
            "；".join(line for line in diff_lines(base.text, theirs) if not line.startswith("（另有"))
            or f"改为“{_short(theirs)}”"
        )
        self.plan.problems.append(
            f"{where}中有修改，没有合并：表格中的修改请在年报助手中手动修改。{_short(detail, 200)}"
        )

    def _base_text(self, key: tuple[int, str], found: AreaText) -> str | None:
        area = self.base.get(key)
        if area is not None:
            return area.text
        anchor = self.anchors.get(key)
        if anchor is not None and digest(found.accepted) == anchor.digest:
            return found.accepted
        return None

    def _protected(self, key: tuple[int, str], found: AreaText, loose: list[tuple[tuple[int, str], str]]) -> None:
        """A heading or guidance area of a 填报文件: never merged; typed text there is proposed for the part."""
        node_id, role = key
        base = self._base_text(key, found)
        if base is None or found.accepted == base:
            return
        extra = added_text(base, found.accepted)
        what = ROLE_NAMES[role]
        self.plan.problems.append(
            f"{self.label(node_id)}：灰色的{what}被改动了（这里不应填写），改动没有合并。"
            + (f"多出的文字“{_short(extra)}”列为建议，供采用。" if extra else "")
        )
        if extra:
            loose.append(((node_id, "extra"), extra))

    def _compare(self, node_id: int, name: str, key: tuple[int, str], found: AreaText) -> None:
        node = self.nodes.get(node_id)
        theirs, base = found.accepted, self._base_text(key, found)
        original = found.original
        if name == "title":
            marker = self.base[key].marker if key in self.base else self.markers.get(node_id, "")
            theirs, original = _unmarked(theirs, marker), _unmarked(original, marker)
            base = None if base is None else _unmarked(base, marker)
        if node is None:
            if base is None or theirs != base:
                self.plan.problems.append(
                    f"文件中编号 {node_id} 的部分已在年报助手中删除，它的改动没有合并：“{_short(theirs)}”。"
                )
            return
        ours = shown_text(node.title if name == "title" else node.text)
        if base is None:  # no record: the anchor's hash says whether each side changed
            anchor = self.anchors.get(key)
            unchanged_file = anchor is not None and digest(found.accepted) == anchor.digest
            if unchanged_file:
                return
            shown_ours = f"{self.markers.get(node_id, '')}{ours}" if name == "title" else ours  # as the file shows it
            ours_unchanged = anchor is not None and digest(shown_ours) == anchor.digest
            status = CHANGED if ours_unchanged else (SAME if theirs == ours else CONFLICT)
        elif theirs == base:
            return
        elif ours == base:
            status = CHANGED
        else:
            status = SAME if theirs == ours else CONFLICT
        if status == SAME:
            return
        kept = self.stored[node_id].title if name == "title" else self.stored[node_id].text
        self.plan.changes.append(
            PartChange(
                node_id,
                self.label(node_id),
                name,
                base,
                theirs,
                ours,
                status,
                found.changes,
                untracked=base is not None and original != base,
                written=self._written(kept, theirs),
            )
        )

    def _outside(self) -> None:
        record = self.plan.file
        outside = self.returned.outside
        if record is None or outside.accepted == record.outside:
            return
        extra = added_text(record.outside, outside.accepted)
        where = "标题、主送、署名等正文以外的地方" if self.plan.kind == REVIEW else "各部分以外的地方"
        self.plan.problems.append(
            f"{where}有改动，没有合并，请对照文件手工处理" + (f"：新增“{_short(extra)}”。" if extra else "。")
        )

    def _assign_loose(self, loose: list[tuple[tuple[int, str], str]], lost: set[int]) -> None:
        """Text areas, and text typed where it should not be, split at the headings of parts whose
        anchors were lost: what follows such a heading is that part's (a proposal); the rest is
        the area's own text (compared as usual) or, typed into grey text, proposed for its part."""
        headings = {node_id: self._heading_line(node_id) for node_id in lost}
        found_lost: dict[int, list[str]] = {}
        extras: dict[int, list[str]] = {}
        for (node_id, role), text in loose:
            own, pieces = self._split(text, headings)
            for lost_id, lines in pieces.items():
                found_lost.setdefault(lost_id, []).extend(lines)
            if role == "extra":
                extras.setdefault(node_id, []).extend(own)
                continue
            area = self.returned.areas.get((node_id, role), AreaText())
            if pieces:  # the area swallowed a lost part: only its own lines are its text
                area = AreaText("\n".join(own), "\n".join(own), area.changes)
            self._compare(node_id, "text", (node_id, role), area)
        for node_id in sorted(lost):
            lines = found_lost.get(node_id)
            if not lines:
                self.plan.problems.append(
                    f"{self.label(node_id)}：按标题也没有找到这一部分的正文，请对照文件手工核对。"
                )
            elif node_id in self.nodes and "\n".join(lines) != shown_text(self.nodes[node_id].text):
                self._propose(node_id, "\n".join(lines), "按标题文字找到")
        for node_id, lines in extras.items():
            if node_id not in self.nodes or not lines:
                continue
            change = next((c for c in self.plan.changes if c.node_id == node_id and c.field == "text"), None)
            if change is not None and change.status == CONFLICT:  # no guess may override the clerk's choice
                self.plan.problems.append(
                    f"{self.label(node_id)}：这一部分有冲突，灰色文字里多出的“{_short(' '.join(lines))}”"
                    "没有列为建议；处理冲突时如需要，请手工加入。"
                )
                continue
            text = change.theirs if change else shown_text(self.nodes[node_id].text)
            self._propose(
                node_id, shown_text(text + "\n" + "\n".join(lines)), "正文之外（灰色文字里）多出的文字，接在正文后"
            )

    def _propose(self, node_id: int, text: str, reason: str) -> None:
        written = self._written(self.stored[node_id].text, text)
        self.plan.proposals.append(Proposal(node_id, self.label(node_id), text, reason, written))

    def _written(self, kept: str, theirs: str) -> str | None:
        """``theirs`` applied onto the stored text, or None when that would not read as ``theirs``."""
        written = patched(kept, theirs, self.sheet)
        return written if shown_text(resolve_text(written, self.sheet)) == theirs else None

    def _split(self, text: str, headings: dict[int, str]) -> tuple[list[str], dict[int, list[str]]]:
        own: list[str] = []
        pieces: dict[int, list[str]] = {}
        owner: int | None = None
        for line in text.split("\n") if text else []:
            match = _matching_heading(line, headings)
            if match is not None:
                owner = match
                pieces.setdefault(owner, [])
            elif owner is None:
                own.append(line)
            elif not self._known_guidance(line):
                pieces[owner].append(line)
        return own, pieces

    def _heading_line(self, node_id: int) -> str:
        area = self.base.get((node_id, HEADING))
        if area is not None:
            return area.text
        node = self.nodes.get(node_id)
        return self.label(node_id) if node is None else f"{self.markers.get(node_id, '')}{node.title}"

    def _known_guidance(self, line: str) -> bool:
        return any(
            line in area.text.split("\n") for area in self.base.values() if area.role in (GUIDANCE, INSTRUCTIONS)
        )

    def _notes(self) -> None:
        file_id = self.plan.file.id if self.plan.file else None
        for comment in self.returned.comments:
            area = comment.area
            if area and area[1] == TABLE_CELLS:  # a comment in a table: on the table (or what it follows)
                area = (self.returned.table_owners.get(area[0]) or 0, TEXT)
            node_id = area[0] if area and area[0] in self.nodes else None
            self.plan.notes.append(
                Note(
                    text=comment.text,
                    author=comment.author,
                    written=comment.date,
                    quote=comment.quote,
                    node_id=node_id,
                    file_id=file_id,
                    resolved=comment.done,
                )
            )


def _unmarked(text: str, marker: str) -> str:
    return text[len(marker) :].strip() if marker and text.startswith(marker) else text


def _matching_heading(line: str, headings: dict[int, str]) -> int | None:
    best, best_ratio = None, HEADING_MATCH
    for node_id, heading in headings.items():
        ratio = SequenceMatcher(None, line, heading, autojunk=False).ratio() if heading else 0.0
        if ratio >= best_ratio:
            best, best_ratio = node_id, ratio
    return best


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "……"


def _without_anchors(library: Library, report: Report, returned: ReturnedFile, path: Path) -> MergePlan:
    """A file without this report's anchors: another report's file, or the anchors were deleted."""
    others = sorted({a.report_id for a in returned.anchors.values()})
    if others:
        summaries = {s.id: s for s in library.list_reports(include_trashed=True)}
        names = "、".join(
            f"编号 {i}" + (f"“{summaries[i].title}”" if i in summaries and summaries[i].title else "") for i in others
        )
        raise MergeError(
            f"{path.name} 是为另一份报告（{names}）生成的，不是这份报告（编号 {report.id}）的。"
            "没有作任何改动；请选对报告后再合并。"
        )
    plan = MergePlan(report.id or 0, PACKAGE, "", None)
    plan.problems.append(
        f"{path.name} 中没有找到年报助手的隐藏标记：它不是年报助手生成的填报文件或审阅稿，或者标记在编辑时被删除了。"
        "下面按标题文字找到的内容只是建议，不会自动合并。"
    )
    headings = {node.id: title for node in report.walk() if node.id is not None and (title := shown_text(node.title))}
    current: int | None = None
    found: dict[int, list[str]] = {}
    for paragraph in returned.paragraphs:
        line = paragraph.strip()
        if not line:
            continue
        match = _matching_heading(_strip_number(line), headings)
        if match is not None:
            current = match
            found.setdefault(current, [])
        elif current is not None and not line.startswith(("写作要点：", "去年的内容（供参考）：", "↓ ")):
            found[current].append(line)
    labels = part_labels(report)
    nodes = {node.id: node for node in report.walk()}
    for node_id, lines in found.items():
        text = "\n".join(lines)
        if lines and text != shown_text(nodes[node_id].text):
            plan.proposals.append(Proposal(node_id, labels.get(node_id, ""), text, "按标题文字找到"))
    for comment in returned.comments:
        plan.notes.append(Note(text=comment.text, author=comment.author, written=comment.date, quote=comment.quote))
    return plan


def _strip_number(line: str) -> str:
    """A heading line without the numbers and marks a 填报文件 or export puts before and after it."""
    line = line.replace("（标题，请勿修改）", "")
    return re.sub(
        r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．]|（\d+）|[一二三四五六七八九十]+是)+",
        "",
        line,
    )
