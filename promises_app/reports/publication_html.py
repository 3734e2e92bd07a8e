"""The publication's page (``index.html``) from its content, with Jinja2 (docs/publication.md).

One self-contained page: the style is inline, there is no script and nothing is fetched from
elsewhere; a Content-Security-Policy in the page says so to the browser (only the page's own
style, by its SHA-256, is allowed), so even a value that slipped through as markup could not run
or load anything. Every value goes through Jinja2's autoescape: a title of ``<script>`` shows as
that text, and ``{{ }}`` or ``{% %}`` typed into a comment is text too (values are never
templates).
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape
from markupsafe import Markup

from promises_app.paths import resource
from promises_app.reports.publication_content import NO_REASON, PublicationContent, parties_text

TEMPLATE = "index.html.j2"
STYLE = "page.css"


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(resource("publication")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _template() -> Template:
    return _environment().get_template(TEMPLATE)


def page_style() -> str:
    """The page's CSS as it is put in its <style> element (the text the policy's hash is of)."""
    return resource("publication", STYLE).read_text(encoding="utf-8")


def style_hash(css: str) -> str:
    """The Content-Security-Policy source that allows exactly this style element: 'sha256-…'."""
    return "sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")


def contact_text(content: PublicationContent) -> str:
    """Whom a reader asks: the municipality when the agreement names it, else the parties."""
    if content.municipality:
        return content.municipality
    names = list(content.parties)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " eller " + names[-1]


def render_page(content: PublicationContent) -> str:
    """``index.html`` as text (UTF-8 when written)."""
    css = page_style()
    return _template().render(
        c=content,
        css=Markup(css),  # our own stylesheet from resources/, never a value from the database
        style_hash=style_hash(css),
        parties=parties_text(content),
        contact=contact_text(content),
        no_reason=NO_REASON,
    )

