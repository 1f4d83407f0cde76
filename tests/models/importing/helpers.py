"""Shared helpers for the import tests: the no-text-lost check and .docx builders."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import docx

from bench.corpus_docx import add_list, number_paragraph
from models.importing import ImportResult
from models.report import Node, Report


def visible(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def tree_chars(report: Report) -> str:
    return "".join(
        visible(node.title) + visible(node.text) + (visible("".join(node.table.cell_texts())) if node.table else "")
        for node in report.walk()
    )


def is_subsequence(needle: str, haystack: str) -> bool:
    chars = iter(haystack)
    return all(ch in chars for ch in needle)


def assert_nothing_lost(source: str, result: ImportResult) -> None:
    """Every visible character of the source is in the tree, in order, or in ``removed``
    (markers, metadata lines, clutter) — and nothing else is missing or invented."""
    source_chars = visible(source)
    in_tree = tree_chars(result.report)
    set_aside = "".join(visible(piece) for piece in result.removed)
    assert is_subsequence(in_tree, source_chars), "the tree reorders or invents text"
    missing = Counter(source_chars) - Counter(in_tree) - Counter(set_aside)
    extra = Counter(in_tree) + Counter(set_aside) - Counter(source_chars)
    assert not missing, f"lost: {''.join(missing.elements())[:80]}"
    assert not extra, f"invented: {''.join(extra.elements())[:80]}"


def shape(nodes: list[Node]) -> list[tuple]:
    """A comparable picture of a tree: kind, title, text and children, recursively."""
    return [(n.kind, n.title, n.text, shape(n.children)) for n in nodes]


# --- .docx variants of a report ---


def _numbering_definition(document: docx.document.Document) -> str:
    """Add a four-level list (一、 / （一） / 1. / （1）) to the numbering part; return its numId."""
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）")]
    return add_list(document, "90", levels)


def write_structured_docx(report: Report, path: Path, mode: str) -> str:
    """Write ``report`` with headings as Word heading styles (mode "styles") or as automatically
    numbered paragraphs (mode "numpr"); points run into one body paragraph per section.
    Returns the text a reader of the file sees (without automatic numbers)."""
    document = docx.Document()
    num_id = _numbering_definition(document) if mode == "numpr" else ""
    seen: list[str] = []

    def add(text: str, level: int | None = None) -> None:
        if level is None or mode != "numpr":
            style = f"Heading {level}" if level is not None else None
            document.add_paragraph(text, style=style)
        else:
            number_paragraph(document.add_paragraph(text), num_id, level - 1)
        seen.append(text)

    document.add_paragraph(report.meta.title, style="Title")
    seen.append(report.meta.title)

    def visit(node: Node, depth: int) -> None:
        if node.kind == "section":
            add(node.title, depth)
            if node.text:
                for line in node.text.split("\n"):
                    add(line)
            run_in = "".join(
                f"{_point(i)}{c.title}{c.text}" for i, c in enumerate(node.children, 1) if c.kind == "point"
            )
            if run_in:
                add(run_in)
            for child in node.children:
                if child.kind != "point":
                    visit(child, depth + 1)
        elif node.kind == "paragraph":
            add(node.text)

    for node in report.body:
        visit(node, 1)
    document.save(str(path))
    return "\n".join(seen)


def _point(index: int) -> str:
    from models.numbering import point_marker

    return point_marker(index)


def write_single_paragraph_docx(text: str, path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))
