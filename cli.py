"""The command line (README.md, Command line). Imports no Qt; messages in Chinese; exit 1 on user error."""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from models import __version__, interchange
from models.edition import Edition
from models.errors import NianbaoError, NotFoundError
from models.paths import default_library_path
from models.store import Library

log = logging.getLogger(__name__)

COMMANDS = (
    "list",
    "new",
    "show",
    "import",
    "export",
    "check",
    "roll",
    "delete",
    "restore",
    "purge",
    "revisions",
    "snapshot",
    "backup",
    "ledger",
    "assign",
    "package",
    "merge",
    "notes",
)


class CliError(NianbaoError):
    pass


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse in Chinese: headings and --help in the help text, and each usage error as one
    Chinese line of our own (never argparse's English, whatever Python words it as)."""

    def __init__(self, *args, add_help: bool = True, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, exit_on_error=False, **kwargs)
        self._unchecked: list[argparse.Action] = []  # required arguments we check, during parsing
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="显示本帮助后退出")

    def parse_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def, override]
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            raise _usage_error(f"无法识别的参数 {' '.join(extras)}")
        return namespace

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def, override]
        # Required arguments are checked here, after parsing: argparse would report them in English.
        required = self._unchecked = [action for action in self._actions if action.required]
        for action in required:
            action.required = False
        try:
            namespace, extras = super().parse_known_args(args, namespace)
        except argparse.ArgumentError as exc:  # raised where no method of ours words it
            raise self._argument_error(exc) from None
        finally:
            for action in required:
                action.required = True
            self._unchecked = []
        missing = [action for action in required if getattr(namespace, action.dest, None) is None]
        if extras and missing:
            raise _usage_error(f"无法识别的参数 {' '.join(extras)}")
        for action in missing:
            if isinstance(action, argparse._SubParsersAction):
                raise _usage_error(f"缺少命令，可用的命令有 {'、'.join(COMMANDS)}")
            raise _usage_error(f"缺少参数 {_action_name(action)}")
        return namespace, extras

    def format_usage(self) -> str:
        with self._required_shown():
            return super().format_usage()

    def format_help(self) -> str:
        with self._required_shown():
            return super().format_help()

    @contextlib.contextmanager
    def _required_shown(self) -> Iterator[None]:
        """--help during parsing shows required arguments as required (without brackets)."""
        for action in self._unchecked:
            action.required = True
        try:
            yield
        finally:
            for action in self._unchecked:
                action.required = False

    def _argument_error(self, exc: argparse.ArgumentError) -> CliError:
        """``--json=yes`` is the one left in Python 3.11 (mutually exclusive options are not used)."""
        name = _argument_name(exc.argument_name)
        flags = [self._option_string_actions.get(option) for option in name.split("/")]
        if any(action is not None and action.nargs == 0 for action in flags):
            return _usage_error(f"{name} 不带取值")
        return _usage_error(f"{name} 的用法不对")

    def _get_value(self, action: argparse.Action, arg_string: str) -> object:
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError:
            kind = "整数" if action.type in (int, report_id) else "有效的取值"
            raise _usage_error(f"{_action_name(action)} 应为{kind}，而不是“{arg_string}”") from None

    def _check_value(self, action: argparse.Action, value: object) -> None:
        if action.choices is None or value in action.choices:
            return
        if isinstance(action, argparse._SubParsersAction):
            raise _usage_error(f"没有“{value}”这个命令，可用的命令有 {'、'.join(COMMANDS)}")
        raise _usage_error(
            f"{_action_name(action)} 的“{value}”不是可选的值，可选的有 {'、'.join(map(str, action.choices))}"
        )

    def _match_argument(self, action: argparse.Action, arg_strings_pattern: str) -> int:
        try:
            return super()._match_argument(action, arg_strings_pattern)
        except argparse.ArgumentError:
            raise _usage_error(f"{_action_name(action)} 后面缺少取值") from None

    def _get_option_tuples(self, option_string: str) -> list:  # type: ignore[type-arg]
        matches = super()._get_option_tuples(option_string)
        if len(matches) > 1:
            names = "、".join(match[1] for match in matches)
            raise _usage_error(f"{option_string} 可以是 {names} 中的任何一个，请写完整")
        return matches

    def error(self, message: str) -> NoReturn:  # type: ignore[override]
        # Only reached by a case the methods above do not word; argparse's English stays in the log.
        log.info("argparse error: %s", message)
        raise _usage_error("无法理解这些参数")


def _usage_error(reason: str) -> CliError:
    return CliError(f"命令行参数有误：{reason}。用 --help 查看用法。")


def _action_name(action: argparse.Action) -> str:
    return _argument_name(argparse._get_action_name(action))


def _argument_name(name: str | None) -> str:
    return "命令" if name in (None, "命令") else name.strip("{}")


REPORT_ID_MAX = 2**63 - 1  # SQLite's largest integer
FONT_FORMATS = (".docx", ".pdf")  # the formats that name fonts: export says which are missing here


def report_id(text: str) -> int:
    """A report id as typed: an integer (argparse's message otherwise) that SQLite can hold."""
    value = int(text)
    if not 1 <= value <= REPORT_ID_MAX:
        raise CliError(f"{text} 不是有效的报告编号：资料库中没有这份报告。")
    return value


def build_parser() -> argparse.ArgumentParser:
    db_help = "资料库文件路径（默认在用户数据文件夹中）"
    common = _Parser(add_help=False)
    # SUPPRESS: a subcommand's --db must not overwrite one given before the subcommand.
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
    parser = _Parser(prog="nianbao", description="年报助手：法治政府建设年度报告的起草、检查与导出。")
    parser.add_argument("--db", type=Path, default=None, help=db_help)
    parser.add_argument("--version", action="version", version=f"年报助手 {__version__}", help="显示版本号后退出")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="命令")

    sub.add_parser("list", parents=[common], help="列出资料库中的报告").add_argument(
        "--trash", action="store_true", help="同时列出回收站中的报告"
    )
    new = sub.add_parser("new", parents=[common], help="按模板新建报告，输出新报告编号")
    new.add_argument("--year", type=int, required=True, help="报告年度，如 2024")
    new.add_argument("--issuer", required=True, help="报告单位，如 重庆市某区某局")
    new.add_argument("--template", default="fzzf-annual", help="模板编号")
    new.add_argument("--variant", help="模板中的结构变体，如 leader-first")
    show = sub.add_parser("show", parents=[common], help="显示报告")
    show.add_argument("id", type=report_id)
    show.add_argument("--json", action="store_true", help="以交换格式 JSON 输出")
    imp = sub.add_parser("import", parents=[common], help="导入 .json/.docx/.txt 文件，输出新报告编号")
    imp.add_argument("file", type=Path)
    exp = sub.add_parser("export", parents=[common], help="导出报告")
    exp.add_argument("id", type=report_id)
    exp.add_argument("-o", "--output", type=Path, required=True, help="目标文件（.docx/.pdf/.html/.txt/.json）")
    exp.add_argument("--edition", choices=Edition.values(), default=Edition.SUBMIT.value, help="报送版或公开版")
    exp.add_argument("--no-header", action="store_true", help="报送版不加版头（发文机关标志、发文字号、签发人）")
    exp.add_argument("--unsealed", action="store_true", help="署名和日期按不加盖印章的格式排")
    exp.add_argument(
        "--points",
        choices=("inline", "separate"),
        default="inline",
        help="一是、二是……接排在段中（inline）或各自成段（separate）",
    )
    exp.add_argument("--fallback-fonts", action="store_true", help="用仿宋、楷体代替仿宋_GB2312、楷体_GB2312")
    exp.add_argument(
        "--ledger-table", action="store_true", help="把数据台账作为附件表格附在正文之后（.docx、.pdf、.html、.txt）"
    )
    exp.add_argument("--force", action="store_true", help="目标文件已存在时覆盖它（不加时拒绝导出）")
    exp.add_argument(
        "--review", action="store_true", help="导出审阅稿（.docx）：带隐藏标记，领导修订、批注后可用 merge 合并回来"
    )
    chk = sub.add_parser("check", parents=[common], help="体检：按督察规定和公文规范检查报告")
    chk.add_argument("id", type=report_id)
    chk.add_argument("--json", action="store_true", help="以 JSON 列表输出检查结果")
    chk.add_argument("--edition", choices=Edition.values(), default=Edition.SUBMIT.value, help="按报送版或公开版检查")
    chk.add_argument(
        "--fix", action="store_true", help="自动修正有确定改法的问题（先保存一个历史版本，可用 revisions 查看、恢复）"
    )
    chk.add_argument(
        "--rule", metavar="R", help="只检查、修正这一条规则（如 punct.ascii）或这一类规则（如 punctuation）"
    )
    chk.add_argument(
        "--review-docx",
        type=Path,
        metavar="FILE",
        help="另存审校稿（.docx）：每条检查结果作为 Word 批注标在原文处，按 --edition 的版本排版",
    )
    chk.add_argument("--force", action="store_true", help="审校稿文件已存在时覆盖它（不加时拒绝导出）")
    for name, helptext in (("delete", "移入回收站"), ("restore", "从回收站恢复"), ("purge", "从回收站彻底删除")):
        sub.add_parser(name, parents=[common], help=helptext).add_argument("id", type=report_id)
    sub.add_parser("revisions", parents=[common], help="列出历史版本").add_argument("id", type=report_id)
    snap = sub.add_parser("snapshot", parents=[common], help="保存一个历史版本")
    snap.add_argument("id", type=report_id)
    snap.add_argument("--label", default="", help="版本说明")
    backup = sub.add_parser("backup", parents=[common], help="备份整个资料库；或列出备份、用一个备份替换资料库")
    backup.add_argument("--list", action="store_true", help="列出备份：时间、大小、报告数、是否完好")
    backup.add_argument(
        "--restore",
        type=Path,
        metavar="FILE",
        help="用这个备份替换资料库（原来的资料库改名保留在同一文件夹）；可只写备份文件夹中的文件名",
    )
    roll = sub.add_parser("roll", parents=[common], help="以一份报告为基础新建下一年度报告，输出新报告编号")
    roll.add_argument("id", type=report_id)
    roll.add_argument("--year", type=int, required=True, help="新报告的年度，如 2024")
    ledger = sub.add_parser("ledger", parents=[common], help="数据台账：列出或修改报告的本年、上年数据")
    ledger.add_argument("id", type=report_id)
    ledger.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="填写本年数据，如 recon_received=35；VALUE 留空则清除；可多次使用",
    )
    ledger.add_argument(
        "--previous", action="append", default=[], metavar="KEY=VALUE", help="填写上年数据，用法同 --set"
    )
    ledger.add_argument("--kind", help="台账类型：department、township、county、city、province；空值按报告单位名称判断")
    ledger.add_argument(
        "--add",
        action="append",
        default=[],
        metavar="x_KEY=名称/单位",
        help="添加本单位自己的指标，如 x_river_patrols=河道巡查/次",
    )
    ledger.add_argument("--json", action="store_true", help="以 JSON 输出台账（含计算出的比率和同比）")
    _round_trip_parsers(sub, common)
    return parser


def _round_trip_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    part_help = "部分的位置：1 是“一、”，2.3 是“二、”下的“（三）”；可重复"
    assign = sub.add_parser(
        "assign", parents=[common], help="分工：指定部分由哪个科室填写、何时交回；不加 --part 时列出分工"
    )
    assign.add_argument("id", type=report_id)
    assign.add_argument("--part", action="append", default=[], help=part_help)
    assign.add_argument("--unit", help="科室，如 执法科")
    assign.add_argument("--due", default="", help="交回期限，如 2025-01-20")
    assign.add_argument("--clear", action="store_true", help="取消这些部分的分工")
    package = sub.add_parser("package", parents=[common], help="为一个科室生成填报文件（.docx）")
    package.add_argument("id", type=report_id)
    package.add_argument("--part", action="append", default=[], help=part_help + "；不加时取分给 --unit 的全部部分")
    package.add_argument("--unit", default="", help="科室，如 执法科")
    package.add_argument("-o", "--output", type=Path, required=True, help="目标文件（.docx）")
    package.add_argument("--force", action="store_true", help="目标文件已存在时覆盖它")
    merge = sub.add_parser("merge", parents=[common], help="比较交回的填报文件或审阅稿；加 --accept 才合并")
    merge.add_argument("id", type=report_id)
    merge.add_argument("file", type=Path)
    merge.add_argument("--accept", action="store_true", help="合并全部修改（先自动保存一个历史版本）")
    merge.add_argument("--theirs", action="store_true", help="有冲突的部分采用文件中的文字")
    merge.add_argument("--ours", action="store_true", help="有冲突的部分保留年报助手中的文字")
    merge.add_argument("--proposals", action="store_true", help="同时采用按标题文字找到的建议")
    notes = sub.add_parser("notes", parents=[common], help="列出审阅稿带回的批注；或把一条批注标为已解决")
    notes.add_argument("id", type=report_id)
    notes.add_argument("--resolve", type=int, metavar="N", help="把编号为 N 的批注标为已解决")
    notes.add_argument("--reopen", type=int, metavar="N", help="把编号为 N 的批注标为未解决")


def open_library(args: argparse.Namespace) -> Library:
    # A command waits a little for a program that is just saving; a window holding the
    # library for a whole session makes it fail with the holder's name instead.
    return Library(library_path(args), lock_wait=2.0)


def cmd_list(args: argparse.Namespace) -> None:
    with open_library(args) as lib:
        reports = lib.list_reports(include_trashed=args.trash)
    if not reports:
        print("资料库中还没有报告。用 new 新建，或用 import 导入。")
    for r in reports:
        mark = "  [回收站]" if r.trashed else ""
        print(f"{r.id}\t{r.year}\t{r.issuer}\t{r.title}\t{r.chars}字\t{r.modified.replace('T', ' ')}{mark}")


def cmd_new(args: argparse.Namespace) -> None:
    from models.templates import load_template, new_report

    report = new_report(load_template(args.template), args.year, args.issuer, args.variant)
    with open_library(args) as lib:
        print(lib.create_report(report))


def cmd_show(args: argparse.Namespace) -> None:
    with open_library(args) as lib:
        report = lib.load_report(args.id)
    if args.json:
        write_utf8(interchange.dumps(report))
        return
    from models.report_text import plain_text

    sys.stdout.write(plain_text(report))


def cmd_import(args: argparse.Namespace) -> None:
    from models.importing import import_file

    result = import_file(args.file)
    for note in result.notes:
        print(f"提示：{note}", file=sys.stderr)
    with open_library(args) as lib:
        print(lib.create_report(result.report))


def cmd_roll(args: argparse.Namespace) -> None:
    from models.importing.roll import roll_forward

    with open_library(args) as lib:
        report = roll_forward(lib.load_report(args.id), args.year)
        new_id = lib.create_report(report)
    if report.checklist:
        print(f"提示：已把上一年度的 {len(report.checklist)} 项工作打算列入落实清单。", file=sys.stderr)
    print(new_id)


def cmd_export(args: argparse.Namespace) -> None:
    from models.export import ExportOptions, export_report, left_out_notice, settle_layout

    if args.output.exists() and not args.force:
        raise CliError(f"目标文件已存在：{args.output}。要覆盖它，请加 --force。")
    if args.review and args.output.suffix.lower() != ".docx":
        raise CliError("审阅稿只能导出为 .docx 文件（领导要在 Word 或 WPS 中修订）。")
    if args.ledger_table and args.output.suffix.lower() == ".json":
        raise CliError("--ledger-table 只用于 .docx、.pdf、.html、.txt：.json 文件本身已含数据台账。")
    with open_library(args) as lib:
        report = lib.load_report(args.id)
        if args.output.suffix.lower() != ".json" and (notice := left_out_notice(report)):
            print(f"提示：{notice}", file=sys.stderr)  # said before the file is written
        options = ExportOptions(
            edition=args.edition,
            header=not args.no_header,
            sealed=not args.unsealed,
            points=args.points,
            fallback_fonts=args.fallback_fonts,
            ledger_table=args.ledger_table,
        )
        if args.review:
            from models.roundtrip.review import make_review

            make_review(lib, args.id, args.output, options)
            print(args.output)
            _font_notice(args)
            return
    options, tightened = settle_layout(report, args.output.suffix.lower(), options)
    print(export_report(report, args.output, options))
    if tightened:
        print(f"提示：{tightened}", file=sys.stderr)
    _font_notice(args)


def _font_notice(args: argparse.Namespace) -> None:
    """After a file that names fonts is written: the faces this machine lacks, in one line."""
    if args.output.suffix.lower() in FONT_FORMATS:
        from models.export.font_check import machine_notice

        if notice := machine_notice(args.fallback_fonts):
            print(f"提示：{notice}", file=sys.stderr)


def cmd_assign(args: argparse.Namespace) -> None:
    from models.roundtrip.parts import find_part
    from models.roundtrip.summary import assignment_lines

    with open_library(args) as lib:
        report = lib.load_report(args.id)
        if not args.part:
            if args.unit or args.due or args.clear:
                raise _usage_error("要指定分工，请用 --part 写明部分")
            lines = assignment_lines(report, lib.sent_files(args.id))
            print("\n".join(lines) if lines else "这份报告还没有分工。用 assign ID --part 2.3 --unit 执法科 指定。")
            return
        if not args.clear and not args.unit:
            raise _usage_error("请用 --unit 写明科室，或用 --clear 取消分工")
        nodes = [find_part(report, part) for part in args.part]
        for node in nodes:
            assert node.id is not None
            lib.set_assignment(node.id, "" if args.clear else args.unit, "" if args.clear else args.due)
    done = "已取消" if args.clear else f"已分给{args.unit}"
    print(f"{len(nodes)} 个部分{done}：{'、'.join(node.title for node in nodes)}")


def cmd_package(args: argparse.Namespace) -> None:
    from models.roundtrip.package import make_package
    from models.roundtrip.parts import find_part

    if args.output.suffix.lower() != ".docx":
        raise CliError("填报文件只能生成 .docx 文件（科室用 Word 或 WPS 填写）。")
    if args.output.exists() and not args.force:
        raise CliError(f"目标文件已存在：{args.output}。要覆盖它，请加 --force。")
    with open_library(args) as lib:
        report = lib.load_report(args.id)
        if args.part:
            parts = [find_part(report, part) for part in args.part]
        elif args.unit:
            parts = _assigned_parts(report, args.unit)
        else:
            raise _usage_error("请用 --part 写明部分，或用 --unit 取分给这个科室的部分")
        due = min((node.due for node in parts if node.due), default="")
        make_package(lib, args.id, parts, args.unit, args.output, due)
    print(args.output)


def _assigned_parts(report, unit: str) -> list:  # type: ignore[no-untyped-def, type-arg]
    """The outermost parts assigned to ``unit``; a CLI error when there are none."""
    from models.roundtrip.parts import assigned_parts

    found = assigned_parts(report, unit)
    if not found:
        raise CliError(
            f"没有分给“{unit}”的部分。先用 assign ID --part 2.3 --unit {unit} 分工，或用 --part 直接写明部分。"
        )
    return found


def cmd_merge(args: argparse.Namespace) -> None:
    from models.roundtrip.merge import OURS, SKIP, THEIRS, apply_plan, plan_merge
    from models.roundtrip.summary import plan_lines

    if args.theirs and args.ours:
        raise _usage_error("--theirs 和 --ours 不能同时使用")
    if (args.theirs or args.ours or args.proposals) and not args.accept:
        raise _usage_error("--theirs、--ours、--proposals 要和 --accept 一起用")
    conflicts = THEIRS if args.theirs else OURS if args.ours else SKIP
    with open_library(args) as lib:
        plan = plan_merge(lib, args.id, args.file)
        print("\n".join(plan_lines(plan)))
        if not args.accept:
            print("以上只是比较，报告没有任何改动。确认后加 --accept 合并。", file=sys.stderr)
            return
        revision = apply_plan(lib, plan, conflicts, args.proposals)
    if revision is None:
        print("没有需要合并的修改，报告没有改动。", file=sys.stderr)
    else:
        applied = len(plan.to_apply(conflicts, args.proposals))
        print(
            f"已合并 {applied} 处修改、{len(plan.notes)} 条批注；合并前的报告已保存为历史版本 {revision}（{plan.label()}）。",
            file=sys.stderr,
        )
    if plan.conflicts and conflicts == SKIP:
        print(
            f"有 {len(plan.conflicts)} 处冲突没有合并：要采用文件中的文字，加 --theirs；要保留年报助手中的文字，加 --ours。",
            file=sys.stderr,
        )


def cmd_notes(args: argparse.Namespace) -> None:
    from models.roundtrip.parts import part_labels

    with open_library(args) as lib:
        own = {note.id for note in lib.notes(args.id)}
        for note_id, resolved in ((args.resolve, True), (args.reopen, False)):
            if note_id is not None:
                if note_id not in own:
                    raise CliError(f"报告 {args.id} 没有编号为 {note_id} 的批注。用 notes {args.id} 查看批注编号。")
                lib.set_note_resolved(note_id, resolved)
                print(f"批注 {note_id} 已标为{'已解决' if resolved else '未解决'}。")
        labels = part_labels(lib.load_report(args.id))
        notes = lib.notes(args.id)
    if not notes:
        print("这份报告还没有批注。审阅稿交回后用 merge --accept 合并，批注会列在这里。")
    for note in notes:
        where = labels.get(note.node_id, "正文以外") if note.node_id else "正文以外"
        quote = f"“{note.quote}”" if note.quote else ""
        print(f"{note.id}\t{'已解决' if note.resolved else '未解决'}\t{where}\t{note.author}\t{quote}\t{note.text}")


def cmd_check(args: argparse.Namespace) -> None:
    import json

    from models.checks import run_checks
    from models.checks.ignores import load_disabled, load_ignored

    _check_review_target(args)
    with open_library(args) as lib:
        report = lib.load_report(args.id)
        disabled = set(load_disabled(lib)) | _rules_left_out(args.rule)
        ignored = load_ignored(lib, args.id)
        if args.fix:
            report = _fix_report(lib, args, report, disabled, ignored)
    findings = run_checks(report, edition=args.edition, disabled=disabled, ignored=ignored)
    if args.review_docx is not None:
        _write_review_docx(args, report, findings)
    if args.json:
        write_utf8(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1) + "\n")
        return
    _print_findings(report, findings)
    errors = sum(1 for f in findings if f.severity == "错误")
    summary = (
        f"共 {len(findings)} 条：错误 {errors} 条，建议 {len(findings) - errors} 条。" if findings else "未发现问题。"
    )
    print(("修正后还有" if args.fix and findings else "") + summary, file=sys.stderr)


def _check_review_target(args: argparse.Namespace) -> None:
    """Refused before anything is checked or fixed: a 审校稿 that is not .docx, or would overwrite a file."""
    target = args.review_docx
    if target is None:
        if args.force:
            raise _usage_error("--force 只与 --review-docx 一起使用（覆盖已有的审校稿）")
        return
    if target.suffix.lower() != ".docx":
        raise CliError("审校稿只能导出为 .docx 文件（批注要在 Word 或 WPS 中查看）。")
    if target.exists() and not args.force:
        raise CliError(f"目标文件已存在：{target}。要覆盖它，请加 --force。")


def _write_review_docx(args: argparse.Namespace, report, findings) -> None:  # type: ignore[no-untyped-def]
    """The 审校稿: the export in the checked edition, each finding a comment on its characters."""
    from models.export import ExportOptions, left_out_notice
    from models.export.annotated import export_annotated

    if notice := left_out_notice(report):
        print(f"提示：{notice}", file=sys.stderr)
    export_annotated(report, args.review_docx, findings, ExportOptions(edition=args.edition))
    print(f"已导出审校稿：{args.review_docx}（{len(findings)} 条批注）", file=sys.stderr)


def _rules_left_out(rule: str | None) -> set[str]:
    """Every rule but ``rule`` (a rule id, or a family such as punctuation); none without one."""
    from models.checks import FAMILIES, RULES

    if rule is None:
        return set()
    kept = {r.id for r in RULES if rule in (r.id, r.family)}
    if not kept:
        families = "、".join(FAMILIES)
        raise _usage_error(f"没有名为“{rule}”的检查规则。可写规则编号（如 punct.ascii）或类别：{families}")
    return {r.id for r in RULES} - kept


def _fix_report(lib: Library, args: argparse.Namespace, report, disabled: set[str], ignored):  # type: ignore[no-untyped-def]
    """Apply every fix 体检 is sure of, after saving the report as it was; return the fixed report."""
    from models.checks import changes_between, fix_all

    fixed = fix_all(report, edition=args.edition, disabled=disabled, ignored=ignored)
    changes = changes_between(report, fixed)
    if not changes:
        print("没有可以自动修正的问题，报告没有改动。", file=sys.stderr)
        return report
    label = "体检自动修正前" + (f"（{args.rule}）" if args.rule else "")
    revision = lib.apply_fixes(args.id, [(c.node_id, c.field, c.new) for c in changes], label)
    print(
        f"已先保存历史版本 {revision}（{label}），再修正了 {len(changes)} 处文字。"
        f"如需撤销：python main.py revisions {args.id} 查看，在程序中恢复该版本。",
        file=sys.stderr,
    )
    return lib.load_report(args.id)


_PLACES_SHOWN = 5  # places listed under a grouped finding; --json gives them all


def _print_findings(report, findings) -> None:  # type: ignore[no-untyped-def]
    """Findings by family (法定内容, 标点符号 …), each on one line; a grouped finding's places
    (the paragraphs, or the marks in one paragraph) indented below it."""
    from models.checks import FAMILIES
    from models.checks.labels import finding_line, location, node_labels
    from models.text_chars import shorten

    labels = node_labels(report)
    for family, name in FAMILIES.items():
        members = [f for f in findings if f.family == family]
        if not members:
            continue
        print(f"【{name}】{len(members)} 条")
        for finding in members:
            print(finding_line(finding, labels))
            for place in finding.places[:_PLACES_SHOWN]:
                where = location(place, labels)  # type: ignore[arg-type]
                count = f"{len(place.places)} 处 " if place.places else ""
                print(f"    · {where}：{count}「{shorten(place.excerpt, 30, one_line=True)}」")
            if len(finding.places) > _PLACES_SHOWN:
                print(f"    · ……另有 {len(finding.places) - _PLACES_SHOWN} 处（--json 列出全部）")


def cmd_ledger(args: argparse.Namespace) -> None:
    from models.ledger.editing import LedgerChanges, LedgerEditError, apply_changes, split_assignment, split_own
    from models.ledger.sheet import Sheet
    from models.ledger.values import CURRENT, PREVIOUS, format_value

    try:
        changes = LedgerChanges(kind=args.kind, own=[split_own(text) for text in args.add])
        for column, typed in ((CURRENT, args.set), (PREVIOUS, args.previous)):
            changes.figures += [(column, *split_assignment(text)) for text in typed]
    except LedgerEditError as exc:
        raise CliError(f"{exc}台账没有改动。") from exc
    with open_library(args) as lib:
        report = lib.load_report(args.id)
        ledger, issuer = report.ledger, report.meta.issuer
        if changes.kind is not None or changes.own or changes.figures:
            try:
                ledger, warnings = apply_changes(ledger, issuer, changes)
            except LedgerEditError as exc:
                raise CliError(f"{exc}台账没有改动。") from exc
            lib.save_ledger(args.id, ledger)
            for problem in warnings:
                print(f"提示：{problem.message}", file=sys.stderr)
    sheet = Sheet(ledger, issuer)
    if args.json:
        import json

        data = {"report": args.id, "year": report.meta.year, **sheet.as_dict()}
        write_utf8(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    for row in sheet.rows():
        i = row.indicator
        write_utf8(f"{i.key}\t{i.name}\t{i.unit}\t{format_value(row.current)}\t{format_value(row.previous)}\n")


def write_utf8(text: str) -> None:
    """JSON goes out as UTF-8 whatever the code page: a redirect on Chinese Windows gives Python a
    cp936 stdout, whose file ``import`` then refuses (and emoji would not encode at all)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    buffer.write(text.encode("utf-8"))  # a Windows console's buffer takes UTF-8 too
    buffer.flush()


def _tolerate_unencodable_output() -> None:
    """Text output to a cp936 pipe or file: a character it cannot hold (emoji) prints as "?",
    instead of failing the whole command."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def _simple(action: str, done: str) -> Callable[[argparse.Namespace], None]:
    def run(args: argparse.Namespace) -> None:
        with open_library(args) as lib:
            getattr(lib, action)(args.id)
        print(done.format(id=args.id))

    return run


def _in_trash(lib: Library, report_id: int) -> bool:
    for summary in lib.list_reports(include_trashed=True):
        if summary.id == report_id:
            return summary.trashed is not None
    raise NotFoundError(f"资料库中没有编号为 {report_id} 的报告。")


def cmd_delete(args: argparse.Namespace) -> None:
    with open_library(args) as lib:
        if _in_trash(lib, args.id):  # moving it again would only change the date it was deleted
            raise CliError(f"报告 {args.id} 已在回收站中，未作改动。要彻底删除，请用 purge。")
        lib.trash_report(args.id)
    print(f"已将报告 {args.id} 移入回收站。")


def cmd_restore(args: argparse.Namespace) -> None:
    with open_library(args) as lib:
        if not _in_trash(lib, args.id):
            raise CliError(f"报告 {args.id} 不在回收站中，无需恢复。")
        lib.restore_report(args.id)
    print(f"已从回收站恢复报告 {args.id}。")


def cmd_revisions(args: argparse.Namespace) -> None:
    with open_library(args) as lib:
        lib.load_report(args.id)  # a clear message for a missing report
        revisions = lib.list_revisions(args.id)
    if not revisions:
        print("这份报告还没有历史版本。")
    for rev in revisions:
        print(f"{rev.id}\t{rev.created.replace('T', ' ')}\t{rev.label}")


def cmd_snapshot(args: argparse.Namespace) -> None:
    with open_library(args) as lib:
        print(lib.create_revision(args.id, args.label))


def cmd_backup(args: argparse.Namespace) -> None:
    if args.list and args.restore is not None:
        raise _usage_error("--list 和 --restore 不能同时使用")
    if args.list:
        _list_backups(library_path(args))
    elif args.restore is not None:
        _restore_backup(library_path(args), args.restore)
    else:
        with open_library(args) as lib:
            print(lib.backup())


def library_path(args: argparse.Namespace) -> Path:
    return args.db or default_library_path()


def _list_backups(path: Path) -> None:
    from models.paths import backup_dir
    from models.store.backups import list_backups

    backups = list_backups(path, check=True)
    if not backups:
        print(f"备份文件夹 {backup_dir(path)} 中还没有备份。用 backup 备份整个资料库。")
    for b in backups:
        taken = b.taken.strftime("%Y-%m-%d %H:%M:%S") if b.taken else "时间不详"
        reports = f"{b.reports} 份报告" if b.reports is not None else "—"
        print(f"{taken}\t{_size(b.size)}\t{reports}\t{'完好' if b.intact else '已损坏'}\t{b.path.name}")


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _restore_backup(path: Path, name: Path) -> None:
    from models.store.backups import find_backup, restore_backup

    # A command waits a little for a program that is just closing, like open_library.
    result = restore_backup(path, find_backup(path, name), lock_wait=2.0)
    if result.replaced is not None:
        kept = f"原来的资料库已改名保留为 {result.replaced}" + (
            "（连同它旁边的日志文件）" if len(result.kept) > 1 else ""
        )
    elif result.kept:
        kept = f"原位置留下的日志文件已改名保留：{'、'.join(str(p) for p in result.kept)}"
    else:
        kept = "原位置没有资料库文件，没有移走任何文件"
    print(f"已恢复备份 {result.backup.name}（{result.reports} 份报告）到资料库 {result.library}；{kept}。")


HANDLERS: dict[str, Callable[[argparse.Namespace], None]] = {
    "list": cmd_list,
    "new": cmd_new,
    "show": cmd_show,
    "import": cmd_import,
    "export": cmd_export,
    "check": cmd_check,
    "delete": cmd_delete,
    "restore": cmd_restore,
    "purge": _simple("purge_report", "已彻底删除报告 {id}。"),
    "revisions": cmd_revisions,
    "snapshot": cmd_snapshot,
    "backup": cmd_backup,
    "roll": cmd_roll,
    "ledger": cmd_ledger,
    "assign": cmd_assign,
    "package": cmd_package,
    "merge": cmd_merge,
    "notes": cmd_notes,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _tolerate_unencodable_output()
    try:
        args = build_parser().parse_args(argv)
        HANDLERS[args.command](args)
    except NianbaoError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback on the command line; the log keeps it
        log.exception("unexpected error in command %s", argv)
        print(f"错误：程序内部出错（{type(exc).__name__}: {exc}）。详细信息已写入日志。", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
