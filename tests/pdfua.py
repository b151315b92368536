"""A PDF/UA-1 (ISO 14289-1) check of the machine-checkable Matterhorn Protocol conditions that
matter for the program's tagged documents. No PDF/UA validator (veraPDF) installs from the
package registries this project uses, so the conditions are checked here with pikepdf.

Covered (Matterhorn failure condition, ISO 14289-1 clause):
- 01-003, 01-004, 01-005 (7.1): every text-showing operator, every painted path or shading
  and every image drawn on a page (also inside form XObjects) lies in marked content that is
  either tagged (an MCID that a structure element reachable from the StructTreeRoot claims for
  that page) or an Artifact, never one inside the other;
- 06-001, 06-002, 06-003 (7.1, 5): XMP metadata with the pdfuaid:part 1 identifier and dc:title;
- 07-001, 07-002 (7.1): ViewerPreferences DisplayDocTitle true;
- 7.1: catalog MarkInfo Marked true, a StructTreeRoot with a ParentTree;
- 11-006 (7.2): the document language (catalog Lang), which must be en-GB here;
- 09-004 (7.2): tables are Table > [Caption] [THead] TBody [TFoot] > TR > TH | TD (or TR
  straight under Table);
- 13-004 (7.3): every Figure has Alt (or ActualText);
- 14-002, 14-003 (7.4.2): the first numbered heading is H1 and no level is skipped;
- 15-003 (7.5): every TH has a Scope (or the table's cells use Headers);
- 28-008/28-009 (7.18.3): a page with annotations has Tabs /S;
- 28-011, 28-012 (7.18.5): every Link annotation is claimed by a Link structure element (an
  OBJR) and has Contents;
- 31 (7.21.4.1): every font used on a page is embedded;
- ISO 32000-1 14.7.2: an IDTree whenever a structure element has an ID.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
PAINT_OPERATORS = {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh"}
TABLE_PARTS = {"/THead", "/TBody", "/TFoot"}
CELLS = {"/TH", "/TD"}


def pdfua_problems(path: Path, language: str = "en-GB") -> list[str]:
    """Every failed condition, each naming what and where; an empty list means it passes."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        problems = _catalog_problems(pdf, language)
        tree = pdf.Root.get("/StructTreeRoot")
        if tree is None:
            return problems
        elements = list(_walk(tree))
        tagged = _claimed_content(elements)
        problems += _structure_problems(tree, elements)
        for number, page in enumerate(pdf.pages, start=1):
            problems += _content_problems(page, number, tagged)
            problems += _annotation_problems(page, number, elements)
            problems += _font_problems(page.obj, number)
    return problems


def _catalog_problems(pdf: Any, language: str) -> list[str]:
    import pikepdf

    root, problems = pdf.Root, []
    mark_info = root.get("/MarkInfo")
    if not isinstance(mark_info, pikepdf.Dictionary) or not bool(mark_info.get("/Marked")):
        problems.append("catalog: MarkInfo Marked is not true")
    tree = root.get("/StructTreeRoot")
    if tree is None:
        problems.append("catalog: no StructTreeRoot (the document is not tagged)")
    elif "/ParentTree" not in tree:
        problems.append("StructTreeRoot: no ParentTree")
    if str(root.get("/Lang", "")) != language:
        problems.append(f"catalog: Lang is {root.get('/Lang')!s}, not {language}")
    preferences = root.get("/ViewerPreferences")
    if preferences is None or not bool(preferences.get("/DisplayDocTitle")):
        problems.append("catalog: ViewerPreferences DisplayDocTitle is not true")
    if "/Metadata" not in root:
        problems.append("catalog: no XMP metadata")
        return problems
    metadata = pdf.open_metadata()
    if str(metadata.get("pdfuaid:part", "")) != "1":
        problems.append("XMP: no PDF/UA identifier (pdfuaid:part 1)")
    if not str(metadata.get("dc:title", "")).strip():
        problems.append("XMP: no dc:title")
    return problems


def _children(element: Any) -> list[Any]:
    import pikepdf

    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _is_element(item: Any) -> bool:
    import pikepdf

    return isinstance(item, pikepdf.Dictionary) and "/S" in item and item.get("/Type") != "/OBJR"


def _walk(element: Any) -> Iterator[Any]:
    """Structure elements in reading (depth-first) order."""
    for child in _children(element):
        if _is_element(child):
            yield child
            yield from _walk(child)


def _page_key(page: Any) -> tuple[int, int]:
    return page.objgen if hasattr(page, "objgen") else (0, 0)


def _claimed_content(elements: list[Any]) -> set[tuple[tuple[int, int], int]]:
    """(page, MCID) pairs that structure elements claim: the tagged content."""
    import pikepdf

    claimed: set[tuple[tuple[int, int], int]] = set()
    for element in elements:
        page = element.get("/Pg")
        for kid in _children(element):
            if isinstance(kid, int):
                if page is not None:
                    claimed.add((_page_key(page), int(kid)))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                owner = kid.get("/Pg", page)
                if owner is not None and "/MCID" in kid:
                    claimed.add((_page_key(owner), int(kid.MCID)))
    return claimed


def _structure_problems(tree: Any, elements: list[Any]) -> list[str]:
    problems: list[str] = []
    levels: list[int] = []
    for element in elements:
        kind = str(element.S)
        if kind == "/Figure" and "/Alt" not in element and "/ActualText" not in element:
            problems.append("Figure without Alt text")
        if kind == "/TH" and not _has_scope(element):
            problems.append(f"TH without Scope: {_text_of(element)[:40]!r}")
        if kind == "/Table":
            problems += _table_problems(element)
        if kind in {f"/H{n}" for n in range(1, 7)}:
            levels.append(int(kind[2:]))
    if levels and levels[0] != 1:
        problems.append(f"the first heading is H{levels[0]}, not H1")
    for before, after in pairwise(levels):
        if after > before + 1:
            problems.append(f"heading level skipped: H{before} then H{after}")
    if any("/ID" in element for element in elements) and "/IDTree" not in tree:
        problems.append("structure elements have IDs but StructTreeRoot has no IDTree")
    return problems


def _has_scope(element: Any) -> bool:
    import pikepdf

    attributes = element.get("/A")
    owned = (
        list(attributes)
        if isinstance(attributes, pikepdf.Array)
        else [attributes]
        if attributes is not None
        else []
    )
    for item in owned:
        is_table = isinstance(item, pikepdf.Dictionary) and item.get("/O") == "/Table"
        if is_table and ("/Scope" in item or "/Headers" in item):
            return True
    return False


def _table_problems(table: Any) -> list[str]:
    problems: list[str] = []
    for part in filter(_is_element, _children(table)):
        kind = str(part.S)
        if kind in TABLE_PARTS:
            rows = list(filter(_is_element, _children(part)))
        elif kind == "/TR":
            rows = [part]
        elif kind == "/Caption":
            continue
        else:
            problems.append(f"Table holds {kind[1:]}, not a row or table part")
            continue
        for row in rows:
            if str(row.S) != "/TR":
                problems.append(f"{kind[1:]} holds {str(row.S)[1:]}, not TR")
                continue
            for cell in filter(_is_element, _children(row)):
                if str(cell.S) not in CELLS:
                    problems.append(f"TR holds {str(cell.S)[1:]}, not TH or TD")
    return problems


def _text_of(element: Any) -> str:
    return str(element.get("/ActualText", element.get("/T", str(element.S))))


def _content_problems(
    page: Any, number: int, tagged: set[tuple[tuple[int, int], int]]
) -> list[str]:
    import pikepdf

    problems: list[str] = []
    key = _page_key(page.obj)

    def check(stream: Any, resources: Any, outer: list[str], depth: int) -> None:
        stack = list(outer)  # "tagged", "artifact" or "other" per open marked-content sequence
        for operands, operator in pikepdf.parse_content_stream(stream):
            name = str(operator)
            if name in ("BDC", "BMC"):
                stack.append(_marking(operands, name, key, tagged, stack, number, problems))
            elif name == "EMC":
                if stack[len(outer) :]:
                    stack.pop()
                else:
                    problems.append(f"page {number}: EMC without a marked-content start")
            elif name in TEXT_OPERATORS or name == "BI":
                _require_marked(stack, number, "text" if name != "BI" else "inline image", problems)
            elif name in PAINT_OPERATORS:
                _require_marked(stack, number, "a painted path", problems)
            elif name == "Do" and depth < 8:
                xobject = _xobject(resources, operands[0])
                if xobject is None:
                    continue
                if xobject.get("/Subtype") == "/Image":
                    _require_marked(stack, number, "image", problems)
                elif xobject.get("/Subtype") == "/Form":
                    check(xobject, xobject.get("/Resources", resources), stack, depth + 1)
        if len(stack) > len(outer):
            problems.append(f"page {number}: marked content left open")

    check(page, page.obj.get("/Resources"), [], 0)
    return problems


def _marking(
    operands: list[Any],
    operator: str,
    page: tuple[int, int],
    tagged: set[tuple[tuple[int, int], int]],
    stack: list[str],
    number: int,
    problems: list[str],
) -> str:
    import pikepdf

    tag = str(operands[0])
    properties = operands[1] if operator == "BDC" and len(operands) > 1 else None
    inside_artifact = "artifact" in stack
    if tag == "/Artifact":
        if "tagged" in stack:
            problems.append(f"page {number}: an Artifact inside tagged content")
        return "artifact"
    mcid = properties.get("/MCID") if isinstance(properties, pikepdf.Dictionary) else None
    if mcid is None:
        return "other"
    if inside_artifact:
        problems.append(f"page {number}: tagged content (MCID {mcid}) inside an Artifact")
    if (page, int(mcid)) not in tagged:
        problems.append(f"page {number}: MCID {mcid} belongs to no structure element")
        return "other"
    return "tagged"


def _require_marked(stack: list[str], number: int, what: str, problems: list[str]) -> None:
    if "tagged" not in stack and "artifact" not in stack:
        problems.append(f"page {number}: {what} neither tagged nor an Artifact")


def _xobject(resources: Any, name: Any) -> Any:
    if resources is None or "/XObject" not in resources:
        return None
    return resources.XObject.get(str(name))


def _annotation_problems(page: Any, number: int, elements: list[Any]) -> list[str]:
    annotations = page.obj.get("/Annots")
    if not annotations:
        return []
    problems: list[str] = []
    if page.obj.get("/Tabs") != "/S":
        problems.append(f"page {number}: has annotations but Tabs is not /S")
    linked = {
        kid.Obj.objgen
        for element in elements
        if str(element.S) == "/Link"
        for kid in _children(element)
        if hasattr(kid, "get") and kid.get("/Type") == "/OBJR" and "/Obj" in kid
    }
    for annotation in annotations:
        if annotation.get("/Subtype") != "/Link":
            continue
        if annotation.objgen not in linked:
            problems.append(f"page {number}: a link annotation outside a Link structure element")
        if not str(annotation.get("/Contents", "")).strip():
            problems.append(f"page {number}: a link annotation without Contents")
    return problems


def _font_problems(page: Any, number: int) -> list[str]:
    problems: list[str] = []
    for name, font in _fonts(page.get("/Resources"), 0):
        if font.get("/Subtype") == "/Type3":
            continue
        described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
        descriptor = described.get("/FontDescriptor")
        if descriptor is None or not any(
            key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
        ):
            problems.append(f"page {number}: font {font.get('/BaseFont', name)!s} not embedded")
    return problems


def _fonts(resources: Any, depth: int) -> Iterator[tuple[str, Any]]:
    if resources is None or depth > 8:
        return
    for name, font in (resources.get("/Font") or {}).items():
        yield str(name), font
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form":
            yield from _fonts(xobject.get("/Resources"), depth + 1)
