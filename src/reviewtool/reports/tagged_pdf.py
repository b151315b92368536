"""Tagged PDF/UA-1 documents for publication, rendered from the accessible HTML twins.

UK public bodies must publish accessible documents (PSBAR 2018, WCAG 2.2 AA). WeasyPrint lays
the HTML out with a print stylesheet (running header and footer, "page x of y", contents page
numbers, tables kept whole) and tags the structure; a short pass with pikepdf then completes
what its tagging leaves out: the Scope of header cells, an IDTree for elements with IDs, and
page furniture (running header and footer) that it marks as content of structure elements
never attached to the tree, which becomes an Artifact; and it asks viewers to show the
document's title rather than its file name.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any


def write_tagged_pdf(html: str, path: Path, print_css: str = "") -> Path:
    """Render ``html`` (a complete document with lang and title) to a PDF/UA-1 file."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from reviewtool.reports.web_fonts import shipped_fonts

    html, font_faces = shipped_fonts(html)
    partial = path.with_name(f".{path.name}.partial")
    try:
        fonts = FontConfiguration()
        stylesheets = [CSS(string=font_faces, font_config=fonts)]
        if print_css:
            stylesheets.append(CSS(string=print_css, font_config=fonts))
        HTML(string=html).write_pdf(
            str(partial),
            stylesheets=stylesheets,
            font_config=fonts,
            pdf_variant="pdf/ua-1",
            uncompressed_pdf=False,
        )
        _complete_tagging(partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _complete_tagging(path: Path) -> None:
    import pikepdf

    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        root = pdf.Root
        preferences = root.get("/ViewerPreferences") or pikepdf.Dictionary()
        preferences.DisplayDocTitle = True
        root.ViewerPreferences = preferences
        tree = root.get("/StructTreeRoot")
        if tree is not None:
            _scope_header_cells(tree, None)
            elements = list(_elements(tree))
            _furniture_as_artifacts(pdf, tree, {element.objgen for element in elements})
            _id_tree(pdf, tree, elements)
        pdf.save(path)


def _kids(element: Any) -> list[Any]:
    import pikepdf

    children = element.get("/K")
    if children is None:
        return []
    return list(children) if isinstance(children, pikepdf.Array) else [children]


def _elements(parent: Any) -> Iterator[Any]:
    """The structure elements reachable from ``parent``, depth first."""
    import pikepdf

    for child in _kids(parent):
        if isinstance(child, pikepdf.Dictionary) and "/S" in child:
            yield child
            yield from _elements(child)


def _furniture_as_artifacts(pdf: Any, tree: Any, attached: set[tuple[int, int]]) -> None:
    """Marked content whose structure element is not in the tree (WeasyPrint's page margin
    boxes: running header, footer, "Page x of y") is neither tagged nor an Artifact, which
    PDF/UA forbids; it is page furniture, so it becomes an Artifact."""
    import pikepdf

    parent_tree = tree.get("/ParentTree")
    if parent_tree is None:
        return
    numbers = pikepdf.NumberTree(parent_tree)
    for page in pdf.pages:
        key = page.obj.get("/StructParents")
        if key is None or int(key) not in numbers:
            continue
        owners = numbers[int(key)]
        if not isinstance(owners, pikepdf.Array):
            continue
        loose = {
            mcid
            for mcid, owner in enumerate(owners)
            if isinstance(owner, pikepdf.Dictionary) and owner.objgen not in attached
        }
        if not loose:
            continue
        operations: list[Any] = []
        for instruction in pikepdf.parse_content_stream(page):
            operands, operator = instruction.operands, instruction.operator
            if str(operator) == "BDC" and _mcid(operands) in loose:
                instruction = pikepdf.ContentStreamInstruction(
                    [pikepdf.Name.Artifact], pikepdf.Operator("BMC")
                )
            operations.append(instruction)
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(operations))
        for mcid in loose:
            owners[mcid] = None


def _mcid(operands: Any) -> int | None:
    import pikepdf

    if len(operands) > 1 and isinstance(operands[1], pikepdf.Dictionary):
        mcid = operands[1].get("/MCID")
        return int(mcid) if mcid is not None else None
    return None


def _id_tree(pdf: Any, tree: Any, elements: list[Any]) -> None:
    """Structure elements with an ID (for table Headers, links) need the tree's IDTree."""
    import pikepdf

    named = sorted(
        ((bytes(element.ID), element) for element in elements if "/ID" in element),
        key=lambda pair: pair[0],
    )
    if not named:
        return
    names = pikepdf.Array()
    for identifier, element in named:
        names.append(pikepdf.String(identifier))
        names.append(element if element.is_indirect else pdf.make_indirect(element))
    tree.IDTree = pikepdf.Dictionary(Names=names)


_NO_HEADER_CELLS_INSIDE = frozenset(
    ["/TD", "/TH", "/P", "/Span", "/Link", "/Caption", "/Lbl", "/LBody", "/Figure"]
    + [f"/H{level}" for level in range(1, 7)]
)
"""Structure elements whose content is text: the walk for header cells need not go into
them (our documents put no table inside a cell, a paragraph or a heading). A long table's
cells and their text are most of the tree."""


def _scope_header_cells(element: Any, section: str | None) -> None:
    """Give each TH a Scope: Column in a table head, Row in a table body."""
    import pikepdf

    if not isinstance(element, pikepdf.Dictionary):
        return
    kind = str(element.get("/S", ""))
    if kind in ("/THead", "/TBody", "/TFoot"):
        section = kind
    if kind == "/TH":
        scope = pikepdf.Name("/Column" if section in ("/THead", None) else "/Row")
        attributes = element.get("/A")
        if isinstance(attributes, pikepdf.Dictionary) and attributes.get("/O") == "/Table":
            if "/Scope" not in attributes:
                attributes.Scope = scope
        else:
            table = pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=scope)
            element.A = (
                pikepdf.Array([*attributes, table])
                if isinstance(attributes, pikepdf.Array)
                else pikepdf.Array([attributes, table])
                if attributes is not None
                else table
            )
    children = element.get("/K") if kind not in _NO_HEADER_CELLS_INSIDE else None
    if children is None:
        return
    for child in children if isinstance(children, pikepdf.Array) else [children]:
        _scope_header_cells(child, section)
