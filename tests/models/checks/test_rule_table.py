"""Every field rule: a wrong example it finds (with the exact excerpts), a right example it
leaves alone, and — where it offers a fix — the fix turns the wrong example into the right one."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from models.checks import FAMILIES, RULES, RULES_BY_ID, apply_all, run_checks
from models.report import PARAGRAPH, POINT, SECTION, Node, Report, ReportMeta
from tests.seed_report import with_ids

MEASURES_TITLE = "2023年法治政府建设工作情况"
PLANS_TITLE = "2024年法治政府建设工作安排"


@dataclass(frozen=True)
class Case:
    rule: str
    wrong: str
    excerpts: tuple[str, ...]
    right: str
    fixes: bool = True  # the rule fixes this example, and the fix gives ``right``
    field: str = "text"  # "text", "title", "part.title" or "meta.<name>"
    kind: str = PARAGRAPH
    companion: str = ""  # the node's other field (text of a heading under test)
    part_title: str = MEASURES_TITLE
    edition: str = "submit"
    right_companion: str | None = None  # the companion for the right example, when it differs


def _case_id(case: Case) -> str:
    return f"{case.rule}:{case.wrong[:12]}"


CASES = [
    # --- punctuation ---
    Case("punct.ascii", "依法行政,推进法治建设。", (",",), "依法行政，推进法治建设。"),
    Case("punct.ascii", "工作措施:一是加强学习。", (":",), "工作措施：一是加强学习。"),
    Case("punct.ascii", "区委、区政府:", (":",), "区委、区政府：", field="meta.recipients"),
    Case(
        "punct.ascii-brackets",
        "按照《法治中国建设规划(2020—2025年)》执行。",
        ("(2020—2025年)",),
        "按照《法治中国建设规划（2020—2025年）》执行。",
    ),
    Case(
        "punct.ascii-brackets",
        "三级行政权力事项(市、区县(含开发区)、乡镇)共163项。",
        ("(市、区县(含开发区)、乡镇)",),
        "三级行政权力事项（市、区县（含开发区）、乡镇）共163项。",
    ),
    Case("punct.ascii-quotes", '全面落实"谁执法谁普法"责任制。', ('"谁执法谁普法"',), "全面落实“谁执法谁普法”责任制。"),
    Case("punct.unpaired", "深入学习《信访工作条例。", ("《",), "深入学习《信访工作条例》。", fixes=False),
    Case("punct.unpaired", "落实“谁执法谁普法责任制。", ("“",), "落实“谁执法谁普法”责任制。", fixes=False),
    Case("punct.unpaired", "行政负责人出庭率达100%）。", ("）",), "行政负责人出庭率达100%。", fixes=False),
    Case(
        "punct.nested-book-title",
        "转发《关于印发《城市管理执法办法》的通知》。",
        ("《城市管理执法办法》",),
        "转发《关于印发〈城市管理执法办法〉的通知》。",
    ),
    Case(
        "punct.serial-comma-titles",
        "学习《宪法》、《行政处罚法》等法律。",
        ("》、《",),
        "学习《宪法》《行政处罚法》等法律。",
    ),
    Case(
        "punct.serial-comma-titles", "开展“城管进社区”、“马路普法”活动。", ("”、“",), "开展“城管进社区”“马路普法”活动。"
    ),
    Case(
        "punct.serial-comma-titles",
        "落实《通知》（渝城管局〔2023〕83号）、《要点》的要求。",
        (),
        "落实《通知》（渝城管局〔2023〕83号）、《要点》的要求。",
    ),
    Case("punct.time-range", "《规划（2021-2025年）》", ("2021-2025",), "《规划（2021—2025年）》"),
    Case(
        "punct.time-range", "法治社会建设实施纲要（20202025年）", ("20202025",), "法治社会建设实施纲要（2020—2025年）"
    ),
    Case("punct.time-range", "在2020年~2025年期间完成。", ("2020年~2025",), "在2020—2025年期间完成。"),
    Case("punct.time-range", "在2021～2025年期间完成。", (), "在2021～2025年期间完成。"),
    Case("punct.percent-range", "处置时间压缩20~30%。", ("20~30%",), "处置时间压缩20%～30%。"),
    Case("punct.ellipsis", "开展普法、调解、复议等工作...", ("...",), "开展普法、调解、复议等工作……"),
    Case("punct.ellipsis", "开展普法、调解等工作。。。", ("。。。",), "开展普法、调解等工作……"),
    Case("punct.dash", "一个目标--建设法治政府。", ("--",), "一个目标——建设法治政府。"),
    Case("punct.doubled", "取得明显成效，，群众满意度提高。", ("，，",), "取得明显成效，群众满意度提高。"),
    Case("punct.doubled", "取得明显成效，。群众满意度提高。", ("，。",), "取得明显成效。群众满意度提高。", fixes=False),
    Case(
        "punct.final",
        "全年共受理各类信访2691件，及时办理率和办结率均为100%",
        ("结率均为100%",),
        "全年共受理各类信访2691件，及时办理率和办结率均为100%。",
    ),
    Case(
        "punct.final",
        "全年共受理各类信访2691件，办结率均为100%，",
        ("，",),
        "全年共受理各类信访2691件，办结率均为100%。",
    ),
    Case(
        "punct.final",
        "开展专项行动3次。\n整改问题井盖723座",
        ("问题井盖723座",),
        "开展专项行动3次。\n整改问题井盖723座。",
    ),
    Case("punct.final", "九龙坡区城市管理局\n2024年3月6日", (), "九龙坡区城市管理局\n2024年3月6日"),
    Case("punct.final", "全年办结案件56件,办结率为100%.", (".",), "全年办结案件56件,办结率为100%。"),
    Case("punct.final", "全年办结案件56件;", (";",), "全年办结案件56件。"),
    Case(
        "punct.final",
        "基层执法队伍建设还需要进一步加强",
        ("还需要进一步加强",),
        "基层执法队伍建设还需要进一步加强。",
        field="title",
        kind=POINT,
    ),
    Case("punct.heading-bare", "加强组织领导。", ("。",), "加强组织领导", field="title", kind=SECTION),
    Case(
        "punct.heading-runin",
        "加强组织领导",
        ("加强组织领导",),
        "加强组织领导。",
        field="title",
        kind=SECTION,
        companion="由局长担任领导小组组长。",
    ),
    Case(
        "punct.heading-runin",
        "多形式开展学习，",
        ("，",),
        "多形式开展学习。",
        field="title",
        kind=POINT,
        companion="通过中心组学习等形式传达学习。",
    ),
    Case(
        "punct.title",
        "某局关于2023年度法治政府建设情况的报告。",
        ("。",),
        "某局关于2023年度法治政府建设情况的报告",
        field="meta.title",
    ),
    Case(
        "punct.title",
        "某局关于2023年度法治政府建设情况,的报告",
        (",",),
        "某局关于2023年度法治政府建设情况的报告",
        field="meta.title",
        fixes=False,
    ),
    Case("punct.cjk-space", "推进法治 政府建设。", (" ",), "推进法治政府建设。"),
    Case("punct.cjk-space", "推进法治\u3000\u3000政府建设。", ("\u3000\u3000",), "推进法治政府建设。"),
    # --- numbering ---
    Case("numbering.typed-marker", "一、加强组织领导", ("一、",), "加强组织领导", field="title", kind=SECTION),
    Case(
        "numbering.typed-marker",
        "(一) 加强组织领导。",
        ("(一) ",),
        "加强组织领导。",
        field="title",
        kind=SECTION,
        companion="由局长担任组长。",
    ),
    Case("numbering.typed-marker", "1、开展培训3次。", ("1、",), "开展培训3次。"),
    Case("numbering.typed-marker", "一是多形式开展学习。", ("一是",), "多形式开展学习。", field="title", kind=POINT),
    Case("numbering.typed-marker", "1.9万余处“牛皮癣”已清理。", (), "1.9万余处“牛皮癣”已清理。"),
    Case("numbering.marker-form", "主要做法如下。\n1、加强学习。", ("1、",), "主要做法如下。\n1.加强学习。"),
    Case("numbering.marker-form", "主要做法如下。\n(二)、加强学习。", ("(二)、",), "主要做法如下。\n（二）加强学习。"),
    Case("numbering.marker-form", "主要做法如下。\n一，加强学习。", ("一，",), "主要做法如下。\n一、加强学习。"),
    Case(
        "numbering.run-in",
        "一是加强学习。三是完善制度。四是强化监督。",
        ("三是", "四是"),
        "一是加强学习。二是完善制度。三是强化监督。",
    ),
    Case(
        "numbering.run-in",
        "一是加强学习；二是完善制度。坚持统一是前提。",
        (),
        "一是加强学习；二是完善制度。坚持统一是前提。",
    ),
    Case("numbering.run-in", "三是完善制度。四是强化监督。", ("三是", "四是"), "一是完善制度。二是强化监督。"),
    Case(
        "numbering.run-in",
        "一是加强学习，培训4次二是完善制度。四是强化监督。",
        ("四是",),
        "一是加强学习，培训4次二是完善制度。三是强化监督。",
    ),
    Case(
        "numbering.run-in-stop",
        "一是加强学习，全年培训4次二是完善制度。三是强化监督。",
        ("次二是",),
        "一是加强学习，全年培训4次。二是完善制度。三是强化监督。",
    ),
    Case(
        "numbering.run-in-stop",
        "一是开展“城管进社区”活动二是完善制度。",
        ("动二是",),
        "一是开展“城管进社区”活动。二是完善制度。",
    ),
    Case(
        "numbering.run-in-stop",
        "究其原因，一是认识不到位；二是投入不足。",
        (),
        "究其原因，一是认识不到位；二是投入不足。",
    ),
    Case("numbering.run-in-stop", "坚持统一是前提，二是基础。", (), "坚持统一是前提，二是基础。"),
    Case("numbering.run-in-stop", "一是加强学习。坚持唯一是标准。", (), "一是加强学习。坚持唯一是标准。"),
    Case("numbering.ordinal-comma", "第一、加强学习。", ("第一、",), "第一，加强学习。"),
    Case("numbering.ordinal-comma", "第一、二季度完成整改。", (), "第一、二季度完成整改。"),
    # --- numbers and dates ---
    Case("number.date-leading-zero", "于2024年03月06日印发。", ("03", "06"), "于2024年3月6日印发。"),
    Case("number.date-form", "于2024-03-06印发。", ("2024-03-06",), "于2024年3月6日印发。"),
    Case(
        "number.date-form",
        "九龙坡区城市管理局\n二〇二四年三月六日",
        ("二〇二四年三月六日",),
        "九龙坡区城市管理局\n2024年3月6日",
    ),
    Case("number.date-form", "开展“3.19”主题宣传周活动。", (), "开展“3.19”主题宣传周活动。"),
    # the 成文日期 / 印发日期 as the source typed them (ReportMeta.date_typed): the fix forgets the form
    Case("number.date-leading-zero", "2024年03月06日", ("2024年03月06日",), "", field="meta.date_typed"),
    Case("number.date-leading-zero", "2024年3月06日", ("2024年3月06日",), "", field="meta.printed_on_typed"),
    Case("number.date-leading-zero", "二〇二四年三月六日", (), "", field="meta.date_typed"),
    Case("number.date-form", "二〇二四年三月六日", ("二〇二四年三月六日",), "", field="meta.date_typed"),
    Case("number.date-form", "2024.3.6", ("2024.3.6",), "", field="meta.printed_on_typed"),
    Case("number.date-form", "2024年03月06日", (), "", field="meta.date_typed"),
    Case("number.short-year", "23年底前完成整改。", ("23年",), "2023年底前完成整改。"),
    Case("number.short-year", "从事执法工作13年。", (), "从事执法工作13年。"),
    Case("number.hao-for-ri", "4月1号前向社会公开。", ("4月1号",), "4月1日前向社会公开。"),
    Case(
        "number.fullwidth", "办理行政审批１２３件，占比９５％。", ("１２３", "９５％"), "办理行政审批123件，占比95%。"
    ),
    Case("number.rate-over-100", "及时办结率达120%。", ("120%",), "及时办结率达100%。", fixes=False),
    Case("number.rate-over-100", "案件数量增长率达150%。", (), "案件数量增长率达150%。", fixes=False),
    Case("number.qian-bai", "减免费用3千万元。", ("3千",), "减免费用3000万元。"),
    Case("number.qian-bai", "减免费用1.5千万元。", ("1.5千",), "减免费用1500万元。"),
    Case("number.short-year", "24年，区城市管理局继续推进。", ("24年",), "2024年，区城市管理局继续推进。"),
    Case("number.short-year", "于23年全年开展专项整治。", ("23年",), "于2023年全年开展专项整治。"),
    Case("number.short-year", "自21年以来累计办理案件300件。", ("21年",), "自2021年以来累计办理案件300件。"),
    Case("number.short-year", "保存期限由5年延长到10年，逐步完善。", (), "保存期限由5年延长到10年，逐步完善。"),
    Case("number.mixed-units", "出动执法人员5千9百余人次。", ("5千9百",), "出动执法人员5900余人次。"),
    Case("number.mixed-units", "发放宣传资料3千余份、2百多册。", ("3千", "2百"), "发放宣传资料3000余份、200多册。"),
    Case("number.mixed-units", "减免费用3千万元，测量1千米。", (), "减免费用3千万元，测量1千米。", fixes=False),
    Case(
        "number.event-dot",
        "开展“3.15”消费者权益日和“12.4”国家宪法日宣传。",
        ("3.15", "12.4"),
        "开展“3·15”消费者权益日和“12·4”国家宪法日宣传。",
    ),
    Case("number.event-dot", "增长率为“3.5”个百分点，完成“13.2”万件。", (), "增长率为“3.5”个百分点，完成“13.2”万件。"),
    # --- years ---
    Case(
        "year.title",
        "某局关于2022年度法治政府建设情况的报告",
        ("2022",),
        "某局关于2023年度法治政府建设情况的报告",
        field="meta.title",
    ),
    Case("year.title", "2022年法治政府建设工作情况", ("2022",), "2023年法治政府建设工作情况", field="part.title"),
    Case(
        "year.title",
        "2023年法治政府建设工作安排",
        ("2023",),
        "2024年法治政府建设工作安排",
        field="part.title",
        part_title=PLANS_TITLE,
    ),
    Case(
        "year.measures-text",
        "2024年完成执法队伍建设。",
        ("2024",),
        "2023年完成执法队伍建设，较2022年增长10%。",
        fixes=False,
    ),
    Case(
        "year.plans-text",
        "2022年，区城市管理局将继续推进。",
        ("2022",),
        "2024年，区城市管理局将继续推进。",
        fixes=False,
        part_title=PLANS_TITLE,
    ),
    Case(
        "year.plans-text",
        "2023年，区城市管理局将继续推进。",
        ("2023",),
        "在2023年工作基础上继续推进。",
        fixes=False,
        part_title=PLANS_TITLE,
    ),
    # --- citations ---
    Case("citation.doc-number", "印发《通知》（国发[2023]5号）。", ("[2023]5号",), "印发《通知》（国发〔2023〕5号）。"),
    Case("citation.doc-number", "国发(2023)5号", ("(2023)5号",), "国发〔2023〕5号", field="meta.doc_number"),
    Case("citation.doc-number", "国发【2023】5号", ("【2023】5号",), "国发〔2023〕5号", field="meta.doc_number"),
    Case("citation.doc-number", "国发〔23〕5号", ("〔23〕5号",), "国发〔2023〕5号", field="meta.doc_number"),
    Case("citation.doc-number", "国发〔2023〕第5号", ("〔2023〕第5号",), "国发〔2023〕5号", field="meta.doc_number"),
    Case("citation.doc-number", "国发〔2023〕005号", ("〔2023〕005号",), "国发〔2023〕5号", field="meta.doc_number"),
    Case("citation.doc-number-scrape", "(渝城管局〔202383号)", ("〔202383号",), "(渝城管局〔2023〕83号)"),
    Case(
        "citation.order",
        "根据渝城管局〔2023〕83号《关于印发工作要点的通知》部署。",
        ("〔2023〕83号《",),
        "根据《关于印发工作要点的通知》（渝城管局〔2023〕83号）部署。",
        fixes=False,
    ),
    Case(
        "citation.canonical",
        "贯彻法治政府建设实施纲要(2021-2025)。",
        ("法治政府建设实施纲要(2021-2025)",),
        "贯彻《法治政府建设实施纲要（2021—2025年）》。",
    ),
    Case(
        "citation.canonical",
        "对照《法治政府建设与责任落实督查工作规定》。",
        ("《法治政府建设与责任落实督查工作规定》",),
        "对照《法治政府建设与责任落实督察工作规定》。",
    ),
    Case(
        "citation.canonical",
        "《国务院关于印发法治政府建设实施纲要(2021-2025年)的通知》",
        ("法治政府建设实施纲要(2021-2025年)",),
        "《国务院关于印发法治政府建设实施纲要（2021—2025年）的通知》",
    ),
    Case(
        "citation.number-brackets",
        "根据《关于印发工作要点的通知》渝城管局〔2023〕83号部署。",
        ("渝城管局〔2023〕83号",),
        "根据《关于印发工作要点的通知》（渝城管局〔2023〕83号）部署。",
    ),
    Case(
        "citation.repealed",
        "依照《国家行政机关公文处理办法》办理。",
        ("《国家行政机关公文处理办法》",),
        "依照《党政机关公文处理工作条例》办理。",
        fixes=False,
    ),
    Case(
        "citation.bare-title",
        "根据行政复议法办理，严格落实政府信息公开条例。",
        ("行政复议法", "政府信息公开条例"),
        "根据《行政复议法》办理，严格落实《政府信息公开条例》。",
    ),
    Case(
        "citation.bare-title",
        "依据中华人民共和国行政复议法和重大行政决策程序暂行条例。",
        ("中华人民共和国行政复议法", "重大行政决策程序暂行条例"),
        "依据《中华人民共和国行政复议法》和《重大行政决策程序暂行条例》。",
    ),
    Case(
        "citation.bare-title",
        "遵守安全生产法律法规，坚持行政处罚法定原则，开展宪法宣传周和“学习贯彻安全生产法”活动。",
        (),
        "遵守安全生产法律法规，坚持行政处罚法定原则，开展宪法宣传周和“学习贯彻安全生产法”活动。",
    ),
    Case(
        "citation.bare-title",
        "依照行政复议法规定办理，落实重庆市优化营商环境条例。",
        ("行政复议法",),
        "依照《行政复议法》规定办理，落实重庆市优化营商环境条例。",
    ),
    Case(
        "citation.bare-title",
        "落实国务院办公厅关于加强和改进行政应诉工作的意见。",
        ("国务院办公厅关于加强和改进行政应诉工作的意见",),
        "落实《国务院办公厅关于加强和改进行政应诉工作的意见》。",
    ),
    Case(
        "citation.short-title",
        "深入学习新修订的《行政复议法》。",
        ("《行政复议法》",),
        "深入学习新修订的《中华人民共和国行政复议法》。",
    ),
    Case(
        "citation.short-title",
        "学习《民法典》和《政府信息公开条例》。",
        ("《民法典》", "《政府信息公开条例》"),
        "学习《中华人民共和国民法典》和《中华人民共和国政府信息公开条例》。",
    ),
    Case(
        "citation.short-title",
        "落实《中华人民共和国行政复议法》（以下简称《行政复议法》），《行政复议法》施行后案件增加。",
        (),
        "落实《中华人民共和国行政复议法》（以下简称《行政复议法》），《行政复议法》施行后案件增加。",
    ),
    Case(
        "citation.period-years",
        "贯彻《法治政府建设实施纲要（2020—2025年）》。",
        ("法治政府建设实施纲要（2020—2025年）",),
        "贯彻《法治政府建设实施纲要（2021—2025年）》。",
    ),
    Case(
        "citation.period-years",
        "对照《法治中国建设规划(2021-2025年)》。",
        ("法治中国建设规划(2021-2025年)",),
        "对照《法治中国建设规划（2020—2025年）》。",
    ),
    Case(
        "citation.period-years",
        "《法治政府建设实施纲要（2015—2020年）》已完成。",
        (),
        "《法治政府建设实施纲要（2015—2020年）》已完成。",
    ),
    Case(
        "citation.period-years",
        "印发《贯彻落实〈法治政府建设实施纲要（2016—2020年）〉实施方案》。",
        (),
        "印发《贯彻落实〈法治政府建设实施纲要（2016—2020年）〉实施方案》。",
    ),
    Case(
        "citation.period-years",
        "落实《静海区法治政府建设实施纲要（2016—2020年）》和市法治政府建设实施纲要（2017—2020年）。",
        (),
        "落实《静海区法治政府建设实施纲要（2016—2020年）》和市法治政府建设实施纲要（2017—2020年）。",
    ),
    # --- genre ---
    Case("genre.request", "以上报告，妥否，请批示。", ("妥否", "请批示"), "以上报告。", fixes=False),
    Case("genre.request", "以上报告，请审定。", ("请审定",), "以上报告，请审阅。", fixes=False),
    Case(
        "genre.request", "当否，请批复。", ("当否", "请批复"), "方案已报请区政府批准，经申请批准后实施。", fixes=False
    ),
    Case(
        "genre.request",
        "如无不妥，请批转各部门执行。",
        ("请批转各部门执行",),
        "方案已提请区政府常务会议审定。",
        fixes=False,
    ),
    Case(
        "genre.request-support",
        "恳请市局在经费上给予支持。",
        ("恳请市局在经费上给予支持",),
        "在区财政的支持下，经费得到保障。",
        fixes=False,
    ),
    Case(
        "genre.request-support",
        "请市政府予以解决。",
        ("请市政府予以解决",),
        "已提请上级协调解决，群众请求协调解决的问题已办结。",
        fixes=False,
    ),
    # --- title, characters, typos ---
    Case("title.missing", "", ("",), "某局关于2023年度法治政府建设情况的报告", fixes=False, field="meta.title"),
    Case(
        "title.genre",
        "某局关于2023年度法治政府建设情况",
        ("某局关于2023年度法治政府建设情况",),
        "某局关于2023年度法治政府建设情况的报告",
        field="meta.title",
    ),
    Case(
        "title.genre",
        "某局2023年度法治政府建设工作总结",
        ("某局2023年度法治政府建设工作总结",),
        "某局关于2023年度法治政府建设情况的报告",
        field="meta.title",
        fixes=False,
    ),
    Case(
        "title.year",
        "某局关于法治政府建设情况的报告",
        ("某局关于法治政府建设情况的报告",),
        "某局关于2023年度法治政府建设情况的报告",
        field="meta.title",
    ),
    Case(
        "title.year",
        "某局关于二〇二三年度法治政府建设情况的报告",
        ("某局关于二〇二三年度法治政府建设情况的报告",),
        "某局关于2023年度法治政府建设情况的报告",
        field="meta.title",
        fixes=False,
    ),
    Case(
        "text.traditional",
        "全面推進依法行政，嚴格執法。\n加強學習。",
        ("進依法行政，嚴格執", "強學習"),
        "全面推进依法行政，严格执法。\n加强学习。",
    ),
    Case(
        "text.watermark",
        "扛牢第一秘书之家—全网资源每日更新www.mishuzj.com责任人职责。",
        ("秘书之家—全网资源每日更新www.mishuzj.com",),
        "扛牢第一责任人职责。",
    ),
    Case(
        "text.watermark",
        "来源：www.fanwen.com.cn/doc/1.html。",
        ("www.fanwen.com.cn/doc/1.html",),
        "在区政府网站（www.cqjlp.gov.cn）公开，邮箱abc@163.com。",
        fixes=False,
    ),
    Case(
        "text.typo",
        "认真布署，按排专人，做为重点，其它事项同步推进。",
        ("布署", "按排", "做为", "其它"),
        "认真部署，安排专人，作为重点，其他事项同步推进。",
    ),
    Case(
        "text.typo",
        "建立执法台帐，防犯化解风险，重蹈复辙。",
        ("台帐", "防犯", "重蹈复辙"),
        "建立执法台账，防范化解风险，重蹈覆辙。",
    ),
    Case(
        "text.typo",
        "应当做好预防犯罪工作，按排名顺序推进，规定单位、法定婚龄、互联接入。",
        (),
        "应当做好预防犯罪工作，按排名顺序推进，规定单位、法定婚龄、互联接入。",
    ),
    Case("genre.jiezhi", "截止2023年底，共办理案件56件。", ("截止",), "截至2023年底，共办理案件56件。"),
    Case("genre.jiezhi", "报名截止日期为3月1日。", (), "报名截止日期为3月1日。"),
    # --- content ---
    Case("content.placeholder", "全年共办理案件××件。", ("××",), "全年共办理案件56件。", fixes=False),
    Case(
        "content.placeholder",
        "{year}年，某局深入推进法治政府建设。",
        ("{year}",),
        "2023年，某局深入推进法治政府建设。",
        fixes=False,
    ),
    Case(
        "content.placeholder",
        "写本年度做了什么、做成了什么。每个小标题用一句话概括一方面的工作，下面用“一是、二是”分条写具体做法。",
        ("写本年度做了什么、做成了什么。", "每个小标题用一句话概括一方面的工作，下面用“一是、二是”分条写具体做法。"),
        "全年开展专项整治3次。",
        fixes=False,
    ),
    Case(
        "data.missing-value",
        "全年共收到行政复议申请{{ledger:recon_received}}。",
        ("【待填：收到行政复议申请】",),
        "全年共收到行政复议申请35件。",
        fixes=False,
    ),
    Case(
        "content.placeholder",
        "2023年，某局深入贯彻习近平法治思想，……现将有关情况报告如下。",
        ("……",),
        "2023年，某局深入贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下。",
        fixes=False,
    ),
    Case(
        "content.empty-section",
        "加强组织领导",
        ("加强组织领导",),
        "加强组织领导",
        field="title",
        kind=SECTION,
        fixes=False,
        right_companion="由局长担任领导小组组长。",
    ),
    # --- privacy (公开版 only) ---
    Case("privacy.mobile", "联系电话13812345678。", ("13812345678",), "服务热线12319。", fixes=False, edition="public"),
    Case(
        "privacy.mobile",
        "联系手机138-1234-5678。",
        ("138-1234-5678",),
        "办公电话023-68881234。",
        fixes=False,
        edition="public",
    ),
    Case(
        "privacy.id-number",
        "当事人身份证号11010519491231002X。",
        ("11010519491231002X",),
        "案卷编号110105194912310021。",
        fixes=False,
        edition="public",
    ),
    Case(
        "privacy.contact-name",
        "联系人：张明，电话：023-68881234。",
        ("联系人：张明",),
        "咨询电话：023-68881234。",
        fixes=False,
        edition="public",
    ),
    Case(
        "privacy.classified-words",
        "该事项属于内部资料。",
        ("内部资料",),
        "该事项已向社会公开。",
        fixes=False,
        edition="public",
    ),
    Case(
        "privacy.mobile",
        "联系人：张明，联系电话：13812345678",
        ("13812345678",),
        "联系单位：区司法局办公室，电话：023-68881234",
        fixes=False,
        edition="public",
        field="meta.note",
    ),
    Case(
        "privacy.contact-name",
        "联系人：张明，电话：023-68881234",
        ("联系人：张明",),
        "电话：023-68881234",
        fixes=False,
        edition="public",
        field="meta.note",
    ),
]


def build(case: Case, value: str, companion: str | None = None) -> tuple[Report, str, int | None]:
    """A report with ``value`` in the field under test; returns (report, field, node id)."""
    node = Node(case.kind)
    part = Node(SECTION, title=case.part_title, children=[node])
    meta = ReportMeta(year=2023, title="某局关于2023年度法治政府建设情况的报告")
    report = with_ids(Report(meta=meta, body=[part]))
    if case.field.startswith("meta."):
        setattr(report.meta, case.field.removeprefix("meta."), value)
        return report, case.field, None
    if case.field == "part.title":
        part.title = value
        return report, "title", part.id
    setattr(node, case.field, value)
    companion = case.companion if companion is None else companion
    if companion:
        setattr(node, "text" if case.field == "title" else "title", companion)
    return report, case.field, node.id


def findings_of(case: Case, value: str, companion: str | None = None):
    report, field, node_id = build(case, value, companion)
    others = {r.id for r in RULES} - {case.rule}
    found = run_checks(report, edition=case.edition, disabled=others)
    assert all(f.rule == case.rule for f in found)
    return report, [f for f in found if f.field == field and f.node_id == node_id]


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_wrong_example_is_found_with_its_excerpt(case: Case) -> None:
    _, found = findings_of(case, case.wrong)
    # several hits in one paragraph are one finding: its places are the excerpts
    assert tuple(p.excerpt for f in found for p in (f.places or (f,))) == case.excerpts


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_right_example_is_left_alone(case: Case) -> None:
    _, found = findings_of(case, case.right, case.right_companion)
    assert found == []


@pytest.mark.parametrize("case", [c for c in CASES if c.excerpts], ids=_case_id)
def test_fix_turns_wrong_into_right(case: Case) -> None:
    report, found = findings_of(case, case.wrong)
    if not case.fixes:
        assert all(f.fix is None for f in found)
        return
    assert all(f.fix is not None for f in found)
    fixed = apply_all(report, found)
    _, field, node_id = build(case, case.right)
    value = getattr(fixed.meta, field.removeprefix("meta.")) if node_id is None else getattr(fixed.find(node_id), field)
    assert value == case.right


def test_every_field_rule_has_a_case() -> None:
    field_rules = {r.id for r in RULES if r.scope == "field"}
    covered = {c.rule for c in CASES}
    assert field_rules - covered == set()


def test_every_fixable_rule_has_a_fix_case() -> None:
    fixable = {r.id for r in RULES if r.fixable and r.scope == "field"}
    assert fixable - {c.rule for c in CASES if c.fixes} == set()


def test_rules_are_well_formed() -> None:
    for rule in RULES:
        assert rule.severity in ("错误", "建议"), rule.id
        assert rule.source, rule.id
        assert rule.explanation, rule.id
        assert rule.family in FAMILIES
        assert RULES_BY_ID[rule.id] is rule


def test_privacy_rules_stay_quiet_in_the_submitted_edition() -> None:
    for case in (c for c in CASES if c.edition == "public"):
        report, _, _ = build(case, case.wrong)
        assert [f for f in run_checks(report, edition="submit") if f.family == "privacy"] == []
