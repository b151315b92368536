"""Tagged PDF/UA-1 documents for publication, rendered from the accessible HTML twins.

UK public bodies must publish accessible documents (PSBAR 2018, WCAG 2.2 AA). WeasyPrint lays
the HTML out with a print stylesheet (running header and footer, "page x of y", contents page
numbers, tables kept whole) and tags the structure; a short pass with pikepdf then completes
what its table tagging leaves out (the Scope of header cells) and asks viewers to show the
document's title rather than its file name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def write_tagged_pdf(html: str, path: Path, print_css: str = "") -> Path:
    """Render ``html`` (a complete document with lang and title) to a PDF/UA-1 file."""
    from weasyprint import CSS, HTML

    partial = path.with_name(f".{path.name}.partial")
    try:
        stylesheets = [CSS(string=print_css)] if print_css else []
        HTML(string=html).write_pdf(
            str(partial), stylesheets=stylesheets, pdf_variant="pdf/ua-1", uncompressed_pdf=False
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
        pdf.save(path)


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
