"""Read an exported .docx's XML parts for assertions (test helper)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def attr(element: etree._Element, name: str) -> str | None:
    return element.get(f"{{{W}}}{name}")


@dataclass
class DocxParts:
    document: etree._Element
    styles: etree._Element
    settings: etree._Element
    footers: dict[str, etree._Element]  # by footer type: "default", "even"

    def paragraphs(self) -> list[etree._Element]:
        return self.document.findall("w:body/w:p", NS)

    def paragraph_text(self, paragraph: etree._Element) -> str:
        parts = []
        for node in paragraph.xpath("w:r/w:t | w:r/w:br | w:r/w:tab", namespaces=NS):
            parts.append(node.text or "" if node.tag.endswith("}t") else ("\n" if node.tag.endswith("}br") else "\t"))
        return "".join(parts)

    def find_paragraph(self, startswith: str) -> etree._Element:
        for paragraph in self.document.iter(f"{{{W}}}p"):
            if self.paragraph_text(paragraph).startswith(startswith):
                return paragraph
        raise AssertionError(f"no paragraph starts with {startswith!r}")

    def exact_paragraph(self, text: str) -> etree._Element:
        matches = [p for p in self.document.iter(f"{{{W}}}p") if self.paragraph_text(p) == text]
        assert len(matches) == 1, f"{len(matches)} paragraphs read {text!r}"
        return matches[0]

    def runs_with(self, text: str) -> list[etree._Element]:
        return [r for r in self.document.iter(f"{{{W}}}r") if text in "".join(r.xpath("w:t/text()", namespaces=NS))]

    def body_text(self) -> str:
        return "\n".join(self.paragraph_text(p) for p in self.document.iter(f"{{{W}}}p"))


def read_parts(data: bytes) -> DocxParts:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
        styles = etree.fromstring(archive.read("word/styles.xml"))
        settings = etree.fromstring(archive.read("word/settings.xml"))
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        footers = {}
        for ref in document.iter(f"{{{W}}}footerReference"):
            rid = ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            footers[attr(ref, "type")] = etree.fromstring(archive.read("word/" + targets[rid]))
    return DocxParts(document, styles, settings, footers)


def run_font(run: etree._Element) -> dict[str, str | None]:
    fonts = run.find("w:rPr/w:rFonts", NS)
    assert fonts is not None, "run without w:rFonts"
    return {k: attr(fonts, k) for k in ("ascii", "hAnsi", "eastAsia", "hint")}


def run_value(run: etree._Element, tag: str) -> str | None:
    element = run.find(f"w:rPr/w:{tag}", NS)
    return None if element is None else attr(element, "val")


def ppr_value(paragraph: etree._Element, tag: str, name: str = "val") -> str | None:
    element = paragraph.find(f"w:pPr/w:{tag}", NS)
    return None if element is None else attr(element, name)
