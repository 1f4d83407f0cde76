"""A layout of our own that equals the .docx: the report on GB/T 9704 pages, Qt-free.

``typeset(report, options) -> Pages``: pages → lines → runs, each run with its text, the x of
every character and the baseline in points from the page's top left, the size, and the font
file that prints it (found through fontconfig or the Windows font folders). The page view,
printing and the PDF draw from this one result.
"""

from models.typeset.fonts import FontFace, FontResolver
from models.typeset.linebreak import LIBREOFFICE, WORD, BreakRules
from models.typeset.model import MM, Box, Line, Page, Pages, Rule, Run
from models.typeset.typesetter import MIN_PITCH, TypesetSettings, settle, typeset, typeset_with_body

__all__ = [
    "LIBREOFFICE",
    "MIN_PITCH",
    "MM",
    "WORD",
    "Box",
    "BreakRules",
    "FontFace",
    "FontResolver",
    "Line",
    "Page",
    "Pages",
    "Rule",
    "Run",
    "TypesetSettings",
    "settle",
    "typeset",
    "typeset_with_body",
]
