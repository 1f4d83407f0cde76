"""``typeset(report, options)``: the report laid out on GB/T 9704 pages as its .docx prints."""

from __future__ import annotations

from dataclasses import dataclass

import models.export.layout as L
from models.export.docx_writer import build_body
from models.export.options import ExportOptions
from models.report import Report
from models.typeset.compose import Fonts, compose
from models.typeset.fonts import DEFAULT_RESOLVER, FontResolver
from models.typeset.linebreak import LIBREOFFICE, BreakRules
from models.typeset.model import Pages
from models.typeset.paginate import TEXT_WIDTH, SetPara, SetTable, paginate
from models.typeset.paragraphs import FootTable, Para, read_body


@dataclass(frozen=True)
class TypesetSettings:
    """How to lay out: whose line breaking to follow and where fonts come from."""

    rules: BreakRules = LIBREOFFICE
    resolver: FontResolver = DEFAULT_RESOLVER


def typeset(report: Report, options: ExportOptions | None = None, settings: TypesetSettings | None = None) -> Pages:
    """Lay out the very paragraphs :func:`models.export.docx_writer.build_body` writes."""
    options = options or ExportOptions()
    settings = settings or TypesetSettings()
    fonts = Fonts(settings.resolver)
    elements = read_body(build_body(report, options), L.SIZE_BODY / 2)
    set_elements = [_set(element, fonts, settings.rules) for element in elements]
    return Pages(paginate(set_elements, fonts), settings.rules.name)


def _set(element: Para | FootTable, fonts: Fonts, rules: BreakRules) -> SetPara | SetTable:
    if isinstance(element, FootTable):
        rows = []
        for row in element.rows:
            lines = compose(row.para, TEXT_WIDTH, fonts, rules)  # a long 抄送 wraps inside its row
            # Each cell holds half of the rules above and below it (measured in LibreOffice's PDF).
            height = sum(line.height for line in lines) + (row.top_rule + row.bottom_rule) / 2
            rows.append((lines, max(row.height, height), row.top_rule, row.bottom_rule))
        return SetTable(rows)
    return SetPara(compose(element, TEXT_WIDTH, fonts, rules), element.before, element.keep_next, element.border_bottom)
