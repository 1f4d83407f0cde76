"""Edit a .docx the way Word does, with python-docx and lxml (test helper).

Word keeps a bookmark's start where it is when the text after it is retyped, writes tracked
changes as ``w:ins``/``w:del`` runs with an author and date, and comments as a range plus a
reference run; these helpers do the same to a file on disk.
"""

from __future__ import annotations

import copy
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from models.roundtrip.anchors import parse

DATE = "2025-01-10T09:00:00Z"


@contextmanager
def editing(path: Path) -> Iterator[Document]:
    document = docx.Document(str(path))
    yield document
    document.save(str(path))


def anchored_paragraph(document: Document, node_id: int, role: str) -> Paragraph:
    """The paragraph holding the bookmark of this node's area."""
    for start in document.element.body.iter(qn("w:bookmarkStart")):
        anchor = parse(start.get(qn("w:name")))
        if anchor is not None and anchor.key == (node_id, role):
            return Paragraph(start.getparent(), document._body)
    raise AssertionError(f"no anchor for {(node_id, role)}")


def runs_after_anchor(paragraph: Paragraph, node_id: int, role: str) -> list[etree._Element]:
    """The runs of ``paragraph`` after this area's bookmark start, up to the next of our bookmarks."""
    found, inside = [], False
    for child in paragraph._p:
        if child.tag == qn("w:bookmarkStart"):
            anchor = parse(child.get(qn("w:name")))
            if anchor is not None:
                if inside:
                    break
                inside = anchor.key == (node_id, role)
        elif child.tag == qn("w:r") and inside:
            found.append(child)
    return found


def retype(paragraph: Paragraph, text: str, runs: list[etree._Element] | None = None) -> None:
    """Select the paragraph's text (or these runs) and type ``text`` over it: the first run keeps
    its formatting and gets the text, the others go; bookmarks stay where they were."""
    runs = runs if runs is not None else paragraph._p.findall(qn("w:r"))
    if not runs:
        paragraph.add_run(text)
        return
    first, *rest = runs
    for t in first.findall(qn("w:t")):
        first.remove(t)
    new_t = etree.SubElement(first, qn("w:t"))
    new_t.text = text
    for run in rest:
        run.getparent().remove(run)


def type_into_empty(paragraph: Paragraph, text: str) -> None:
    """Type into an empty paragraph: the run goes after any bookmark in it, as in Word."""
    paragraph.add_run(text)


def add_paragraph_after(paragraph: Paragraph, text: str) -> Paragraph:
    """Enter at the end of ``paragraph`` and type: the new paragraph copies its properties."""
    new_p = copy.deepcopy(paragraph._p)
    for child in list(new_p):
        if child.tag != qn("w:pPr"):
            new_p.remove(child)
    paragraph._p.addnext(new_p)
    added = Paragraph(new_p, paragraph._parent)
    added.add_run(text)
    return added


def tracked_insert(
    paragraph: Paragraph, text: str, after: etree._Element | None = None, author: str = "李局长"
) -> None:
    """Insert ``text`` with 修订 on: a ``w:ins`` holding a run, after ``after`` (else at the end)."""
    ins = etree.Element(qn("w:ins"), {qn("w:id"): "901", qn("w:author"): author, qn("w:date"): DATE})
    run = etree.SubElement(ins, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = text
    if after is None:
        paragraph._p.append(ins)
    else:
        after.addnext(ins)


def tracked_delete(run: etree._Element, author: str = "李局长") -> None:
    """Delete a whole run with 修订 on: it moves into a ``w:del`` and its text becomes ``w:delText``."""
    deleted = etree.Element(qn("w:del"), {qn("w:id"): "902", qn("w:author"): author, qn("w:date"): DATE})
    run.addprevious(deleted)
    deleted.append(run)
    for t in run.findall(qn("w:t")):
        t.tag = qn("w:delText")


def split_run(run: etree._Element, at: int) -> tuple[etree._Element, etree._Element]:
    """Split a run's text at ``at`` characters into two runs with the same formatting."""
    t = run.find(qn("w:t"))
    text = t.text or ""
    second = copy.deepcopy(run)
    t.text = text[:at]
    second.find(qn("w:t")).text = text[at:]
    for element in (t, second.find(qn("w:t"))):
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.addnext(second)
    return run, second


def delete_paragraph_mark_tracked(paragraph: Paragraph, author: str = "李局长") -> None:
    """With 修订 on, delete the mark at the end of ``paragraph``: accepting joins it with the next."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.SubElement(ppr, qn("w:rPr"))
    etree.SubElement(rpr, qn("w:del"), {qn("w:id"): "903", qn("w:author"): author, qn("w:date"): DATE})


def remove_our_bookmarks(document: Document, node_id: int | None = None, role: str | None = None) -> int:
    """Delete our bookmarks (all, one node's, or one area's), as when their text is cut and retyped."""
    body = document.element.body
    removed = 0
    ids = set()
    for start in list(body.iter(qn("w:bookmarkStart"))):
        anchor = parse(start.get(qn("w:name")))
        if anchor is not None and node_id in (None, anchor.node_id) and role in (None, anchor.role):
            ids.add(start.get(qn("w:id")))
            start.getparent().remove(start)
            removed += 1
    for end in list(body.iter(qn("w:bookmarkEnd"))):
        if end.get(qn("w:id")) in ids:
            end.getparent().remove(end)
    return removed


def mark_comments_resolved(path: Path) -> None:
    """Mark every comment 已解决 as Word 2013+ does: a ``w14:paraId`` on the comment's paragraph and
    ``w15:done="1"`` for it in ``word/commentsExtended.xml`` (python-docx writes neither)."""
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    with zipfile.ZipFile(path) as source:
        parts = {item.filename: source.read(item) for item in source.infolist()}
    comments = etree.fromstring(parts["word/comments.xml"])
    done = []
    for index, comment in enumerate(comments.iter(qn("w:comment"))):
        paragraph = comment.findall(qn("w:p"))[-1]
        para_id = f"{0x1A2B3C00 + index:08X}"
        paragraph.set(f"{{{w14}}}paraId", para_id)
        done.append(f'<w15:commentEx w15:paraId="{para_id}" w15:done="1"/>')
    parts["word/comments.xml"] = etree.tostring(comments, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["word/commentsExtended.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        + "".join(done)
        + "</w15:commentsEx>"
    ).encode()
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdDone" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended"'
        b' Target="commentsExtended.xml"/></Relationships>',
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/commentsExtended.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
