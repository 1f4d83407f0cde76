"""A returned text applied onto the stored one: only what the file changed is changed."""

from __future__ import annotations

import pytest

from models.ledger.refs import shown_value
from models.roundtrip.patching import patched

STORED = "  学习{{ledger:recon_resp_cases}}。\n\n  举办培训2期，参训120人次。\n\t完善制度2项。"
FIGURE = shown_value(None, "recon_resp_cases")  # no sheet: the 待填 mark the file shows


@pytest.mark.parametrize(
    ("theirs", "expected"),
    [
        (  # one figure changed in the second paragraph: everything else byte-identical
            f"学习{FIGURE}。\n举办培训3期，参训120人次。\n完善制度2项。",
            "  学习{{ledger:recon_resp_cases}}。\n\n  举办培训3期，参训120人次。\n\t完善制度2项。",
        ),
        (  # a paragraph added at the start and at the end
            f"开头。\n学习{FIGURE}。\n举办培训2期，参训120人次。\n完善制度2项。\n结尾。",
            "开头。\n  学习{{ledger:recon_resp_cases}}。\n\n  举办培训2期，参训120人次。\n\t完善制度2项。\n结尾。",
        ),
        (  # the first paragraph deleted: no blank line left opening the text
            "举办培训2期，参训120人次。\n完善制度2项。",
            "  举办培训2期，参训120人次。\n\t完善制度2项。",
        ),
        (  # a line rewritten beyond recognition is the file's line; the rest stays as typed
            "学习7件。\n举办培训2期，参训120人次。\n完善制度2项。",
            "学习7件。\n\n  举办培训2期，参训120人次。\n\t完善制度2项。",
        ),
        (  # a word changed inside a line with a reference: the reference stays live
            f"学习{FIGURE}，效果好。\n举办培训2期，参训120人次。\n完善制度2项。",
            "  学习{{ledger:recon_resp_cases}}，效果好。\n\n  举办培训2期，参训120人次。\n\t完善制度2项。",
        ),
        ("", ""),
    ],
)
def test_only_the_changed_stretches_change(theirs: str, expected: str) -> None:
    assert patched(STORED, theirs, None) == expected


def test_an_empty_part_takes_the_file_text() -> None:
    assert patched("\n\n", "新写的一段。", None) == "新写的一段。"
