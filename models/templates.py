"""Report templates: data files in ``resources/templates/*.toml``.

A template lists the report's parts (with the statutory item each one satisfies, its
guidance text and optional sub-topics) and named variants that reorder the parts. Adding a
template is adding a file; no code changes.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from models.errors import TemplateError
from models.fileio import text_format_fault
from models.paths import resource_dir
from models.report import PARAGRAPH, SECTION, Node, Report, ReportMeta, valid_year

log = logging.getLogger(__name__)

DEFAULT_TEMPLATE = "fzzf-annual"


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    guidance: str = ""
    statutory: int = 0
    required: bool = False
    children: tuple[Part, ...] = ()


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    title: str
    description: str = ""
    recipients: str = ""
    preamble: str = ""
    preamble_guidance: str = ""
    statutory_items: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()
    variants: dict[str, tuple[str, ...]] = field(default_factory=dict)
    variant_names: dict[str, str] = field(default_factory=dict)

    def part(self, key: str) -> Part | None:
        for top in self.parts:
            for candidate in (top, *top.children):
                if candidate.key == key:
                    return candidate
        return None


def template_dir() -> Path:
    return resource_dir() / "templates"


def available_templates(folder: Path | None = None) -> list[Template]:
    folder = folder or template_dir()
    return [load_template_file(path) for path in sorted(folder.glob("*.toml"))]


@lru_cache(maxsize=16)
def load_template(template_id: str, folder: Path | None = None) -> Template:
    path = (folder or template_dir()) / f"{template_id}.toml"
    if not path.is_file():
        raise TemplateError(f"找不到模板“{template_id}”（应在 {path}）。")
    return load_template_file(path)


def load_template_file(path: Path) -> Template:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return _template_from_dict(data, path.stem)
    except KeyError as exc:  # str(KeyError) is just the quoted name
        raise TemplateError(f"模板文件 {path.name} 格式有误：缺少字段“{exc.args[0]}”。") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:  # the parser's English goes to the log
        log.warning("template %s: %s", path, exc)
        raise TemplateError(f"模板文件 {path.name} 格式有误：{text_format_fault(exc)}。") from exc
    except (TypeError, ValueError) as exc:
        raise TemplateError(f"模板文件 {path.name} 格式有误：{exc}") from exc


def _part_from_dict(data: dict) -> Part:
    return Part(
        key=str(data["key"]),
        title=str(data["title"]),
        guidance=str(data.get("guidance", "")).strip(),
        statutory=int(data.get("statutory", 0)),
        required=bool(data.get("required", False)),
        children=tuple(_part_from_dict(c) for c in data.get("children", [])),
    )


def _template_from_dict(data: dict, stem: str) -> Template:
    parts = tuple(_part_from_dict(p) for p in data["parts"])
    keys = [p.key for p in parts]
    variants: dict[str, tuple[str, ...]] = {}
    names: dict[str, str] = {}
    for variant in data.get("variants", []):
        order = tuple(variant["order"])
        if sorted(order) != sorted(keys):
            raise ValueError(f"变体 {variant['id']} 的顺序必须恰好列出全部部分")
        variants[variant["id"]] = order
        names[variant["id"]] = str(variant.get("name", variant["id"]))
    return Template(
        id=str(data.get("id", stem)),
        name=str(data["name"]),
        title=str(data["title"]),
        description=str(data.get("description", "")),
        recipients=str(data.get("recipients", "")),
        preamble=str(data.get("preamble", "")),
        preamble_guidance=str(data.get("preamble_guidance", "")).strip(),
        statutory_items=tuple(data.get("statutory_items", ())),
        parts=parts,
        variants=variants,
        variant_names=names,
    )


def fill(text: str, year: int, issuer: str) -> str:
    """Substitute the template placeholders."""
    return text.replace("{year}", str(year)).replace("{next_year}", str(year + 1)).replace("{issuer}", issuer)


def new_report(template: Template, year: int, issuer: str, variant: str | None = None) -> Report:
    """A report with the template's whole skeleton."""
    if not valid_year(year):  # the range the interchange format (and roll-forward) accept
        raise TemplateError(f"年度应为四位年份，而不是 {year}。")
    if variant is not None and variant not in template.variants:
        raise TemplateError(f"模板“{template.name}”没有名为“{variant}”的结构。")
    order = template.variants[variant] if variant else tuple(p.key for p in template.parts)
    by_key = {p.key: p for p in template.parts}
    meta = ReportMeta(
        template=template.id,
        year=year,
        issuer=issuer,
        title=fill(template.title, year, issuer),
        recipients=template.recipients,
        signature=issuer,
    )
    body = [Node(PARAGRAPH, text="", key="preamble")] if template.preamble else []
    body += [_node_from_part(by_key[key], year, issuer) for key in order]
    return Report(meta=meta, body=body)


def _node_from_part(part: Part, year: int, issuer: str) -> Node:
    children = [_node_from_part(child, year, issuer) for child in part.children]
    return Node(SECTION, title=fill(part.title, year, issuer), key=part.key, children=children)


def untouched_parts(report: Report) -> set[int]:
    """The sections that are still template placeholders the clerk never touched, as ``id(node)``.

    A section is an untouched placeholder when all of these hold:

    - its ``key`` names a part or sub-topic of the report's own template (``meta.template``);
    - its title is that part's title as :func:`new_report` fills it for the report's year and
      issuer (spaces at either end aside): a retitled part is the clerk's;
    - it has no body text; and
    - every child is an untouched placeholder too: a child the clerk added, or text anywhere
      below, makes the part content.

    Nothing is a placeholder when the template cannot be loaded, and paragraphs and points never
    are (an empty one simply has nothing to show). The reference text (last year's) does not count.
    """
    try:
        template = load_template(report.meta.template)
    except TemplateError:
        return set()
    year, issuer = report.meta.year, report.meta.issuer
    found: set[int] = set()

    def visit(node: Node) -> bool:
        children = [visit(child) for child in node.children]  # every child, so nested ones are found too
        part = template.part(node.key) if node.kind == SECTION and node.key else None
        untouched = (
            part is not None
            and node.title.strip() == fill(part.title, year, issuer).strip()
            and not node.text.strip()
            and all(children)
        )
        if untouched:
            found.add(id(node))
        return untouched

    for node in report.body:
        visit(node)
    return found


def writing_points(report: Report, node: Node) -> str:
    """The 写作要点 for ``node``: its template part's guidance, else the nearest enclosing part's
    ("" when the template is missing or no enclosing part is the template's). The same rule as the
    editor's guidance panel."""
    try:
        template = load_template(report.meta.template)
    except TemplateError:
        return ""
    year, issuer = report.meta.year, report.meta.issuer
    candidate: Node | None = node
    while candidate is not None:
        if candidate.key == "preamble":
            return fill(template.preamble_guidance, year, issuer)
        part = template.part(candidate.key) if candidate.key else None
        if part is not None:
            return fill(part.guidance, year, issuer)
        candidate = report.parent_of(candidate)
    return ""
