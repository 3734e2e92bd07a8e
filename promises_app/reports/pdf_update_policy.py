"""What may be added to an agreement PDF after it was printed: signatures, and nothing that is shown.

A signed agreement PDF may legitimately grow by incremental updates: our own certification
signature, then the approval signatures of the municipality's e-signing service, perhaps with
validation data (a PDF document security store, DSS) or a document timestamp. Everything else
an update can do (new page content, changed pages, annotations, form fields, a visible
signature whose appearance draws on the page, changed document information) can change what
a reader sees, and is refused.

The judging is pyHanko's difference analysis (:class:`StandardDiffPolicy`): each object an
update writes must be explained by a whitelisting rule. The rules here are pyHanko's default
ones, narrowed:

* no changes to other form fields than signature fields (pyHanko's default allows filling
  in any form field; the agreement PDF has none, and filling one in would be shown);
* the XMP metadata (which a signed agreement, PDF/A, has) may be rewritten only as every
  signing tool of a PDF/A file rewrites it: the same properties with the same values, but for
  the modification and metadata dates, the producer and the instance id; none may be added
  to a file without it, nor taken away (pyHanko's default allows any well-formed XMP). The
  document information (``/Info``) likewise keeps every entry except the modification date
  and the producer;
* every update must add a signature or document timestamp, or add validation data (DSS):
  an update that does neither is refused even if it changes nothing visible;
* no signature field an update adds or fills may be visible (a widget with an area draws its
  appearance stream on the page, and that stream can draw anything).

:class:`Refusal` carries a Swedish sentence for the user; pyHanko's own refusals are
English and technical, and :func:`describe_changes` says in Swedish what an update changed.
No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from xml.etree import ElementTree

from pyhanko.pdf_utils import generic, misc
from pyhanko.pdf_utils.decode_limits import DecodePurpose
from pyhanko.pdf_utils.reader import HistoricalResolver, RawPdfPath
from pyhanko.sign.diff_analysis import (
    ModificationLevel,
    StandardDiffPolicy,
    SuspiciousModification,
)
from pyhanko.sign.diff_analysis.commons import compare_key_refs, qualify_transforming
from pyhanko.sign.diff_analysis.constants import (
    ACROFORM_EXEMPT_STRICT_COMPARISON,
    ROOT_EXEMPT_STRICT_COMPARISON,
)
from pyhanko.sign.diff_analysis.form_rules_api import (
    FieldComparisonContext,
    FormUpdate,
    FormUpdatingRule,
    _list_fields,
)
from pyhanko.sign.diff_analysis.rules.file_structure_rules import (
    CatalogModificationRule,
    ObjectStreamRule,
    XrefStreamRule,
)
from pyhanko.sign.diff_analysis.rules.form_field_rules import (
    DSSCompareRule,
    SigFieldCreationRule,
    SigFieldModificationRule,
    is_field_visible,
)
from pyhanko.sign.diff_analysis.rules.metadata_rules import DocInfoRule, MetadataUpdateRule
from pyhanko.sign.diff_analysis.rules_api import Context, ReferenceUpdate, WhitelistRule

__all__ = [
    "CERTIFYING_POLICY",
    "SIGNATURES_ONLY_POLICY",
    "Refusal",
    "describe_changes",
    "info_dictionary",
    "xmp_properties",
]

#: /Info entries a signing tool may rewrite; all others must stay as printed.
INFO_MAY_CHANGE = frozenset({"/ModDate", "/Producer"})

_INFO_WORDS = {
    "/Title": "titeln",
    "/Author": "författaren",
    "/Subject": "ämnet",
    "/Keywords": "nyckelorden (med innehållets kontrollsumma)",
    "/Creator": "programmet som skapade den",
    "/CreationDate": "datumet den skapades",
    "/Trapped": "överfyllnadsangivelsen",
}

_CATALOG_WORDS = {
    "/Metadata": "dokumentets metadata (XMP)",
    "/OpenAction": "vad som händer när filen öppnas",
    "/AA": "vad som händer när filen öppnas eller stängs",
    "/Names": "filens namnträd (bilagor, JavaScript, sidmallar)",
    "/Outlines": "bokmärkena",
    "/OCProperties": "lagren (som kan visa eller dölja innehåll)",
    "/ViewerPreferences": "visningsinställningarna",
    "/PageLabels": "sidnumreringen",
    "/Perms": "behörigheterna (certifieringen)",
}


class Refusal(SuspiciousModification):
    """A change the policy refuses; ``swedish`` says what it is, for the user."""

    def __init__(self, swedish: str) -> None:
        super().__init__(swedish)
        self.swedish = swedish


def info_dictionary(resolver: HistoricalResolver) -> dict[str, str]:
    """The document information of one revision, as text (empty when there is none).

    Resolved through ``resolver``: the trailer view's own references would resolve in the
    newest revision, not in this one.
    """
    raw = resolver.trailer_view.raw_get("/Info") if "/Info" in resolver.trailer_view else None
    if raw is None:
        return {}
    info = resolver(raw.reference) if isinstance(raw, generic.IndirectObject) else raw
    if not isinstance(info, generic.DictionaryObject):
        return {}
    return {str(key): str(info.raw_get(key)) for key in info}


def info_changes(old: HistoricalResolver, new: HistoricalResolver) -> list[str]:
    """The /Info keys whose value differs, leaving out those a signing tool may rewrite."""
    before, after = info_dictionary(old), info_dictionary(new)
    keys = (set(before) | set(after)) - INFO_MAY_CHANGE
    return sorted(key for key in keys if before.get(key) != after.get(key))


def _info_sentence(keys: Iterable[str]) -> str:
    words = [_INFO_WORDS.get(key, key.lstrip("/")) for key in keys]
    return "dokumentinformationen har ändrats (" + ", ".join(words) + ")"


class _DocInfoRule(DocInfoRule):
    """pyHanko's /Info rule, refusing changes of anything but the modification date and producer."""

    def apply(self, old: HistoricalResolver, new: HistoricalResolver) -> Iterable[ReferenceUpdate]:
        changed = info_changes(old, new)
        if changed:
            raise Refusal(_info_sentence(changed))
        return super().apply(old, new)


#: XMP properties a signing tool may rewrite (the XMP twins of /ModDate and /Producer, the
#: date the metadata itself was written, and the id of this incarnation of the file).
XMP_MAY_CHANGE = frozenset({
    "{http://ns.adobe.com/xap/1.0/}ModifyDate",
    "{http://ns.adobe.com/xap/1.0/}MetadataDate",
    "{http://ns.adobe.com/pdf/1.3/}Producer",
    "{http://ns.adobe.com/xap/1.0/mm/}InstanceID",
})
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XMP_WORDS = {
    "{http://purl.org/dc/elements/1.1/}title": "titeln",
    "{http://purl.org/dc/elements/1.1/}description": "ämnet",
    "{http://purl.org/dc/elements/1.1/}creator": "författaren",
    "{http://ns.adobe.com/pdf/1.3/}Keywords": "nyckelorden (med innehållets kontrollsumma)",
    "{http://www.aiim.org/pdfa/ns/id/}part": "PDF/A-nivån",
    "{http://www.aiim.org/pdfa/ns/id/}conformance": "PDF/A-nivån",
    "{http://www.aiim.org/pdfua/ns/id/}part": "PDF/UA-angivelsen",
}
XmpValue = str | tuple[object, ...]


def _xmp_value(element: ElementTree.Element) -> XmpValue:
    """One property's value, written the same whichever of RDF's equivalent forms it has."""
    if element.get(f"{_RDF}resource") is not None:  # a URI, written as a resource instead of as text
        return element.get(f"{_RDF}resource", "")
    children = list(element)
    if element.get(f"{_RDF}parseType") == "Resource":
        return ("struct", _xmp_struct(element))
    if not children:
        return (element.text or "").strip()
    (child,) = children[:1]
    if child.tag in (f"{_RDF}Seq", f"{_RDF}Alt", f"{_RDF}Bag"):
        items = tuple((item.get(_XML_LANG, ""), _xmp_value(item)) for item in child if item.tag == f"{_RDF}li")
        return (child.tag, tuple(sorted(items, key=repr)) if child.tag == f"{_RDF}Bag" else items)
    if child.tag == f"{_RDF}Description":
        return ("struct", _xmp_struct(child))
    raise ValueError(f"unexpected XMP value <{child.tag}>")


def _xmp_struct(description: ElementTree.Element) -> tuple[tuple[str, XmpValue], ...]:
    """The properties of an rdf:Description (or a parseType="Resource" element), from its
    attributes and its child elements alike, in a fixed order."""
    found: dict[str, XmpValue] = {}
    for name, value in description.attrib.items():
        if not str(name).startswith(_RDF) and name != _XML_LANG:
            found[str(name)] = value
    for child in description:
        found[child.tag] = _xmp_value(child)
    return tuple(sorted(found.items()))


def xmp_properties(xml: bytes) -> dict[str, XmpValue]:
    """The properties an XMP packet states, by qualified name, however they are serialised.

    RDF writes the same statement as an attribute or as an element, a URI as text or as a
    resource, a structure inline or as a nested description: pyHanko rewrites a file's XMP in
    other forms than Typst wrote it. Raises ValueError if the packet is not XMP as expected.
    """
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:  # XMP has neither; entities could hide or blow up text
        raise ValueError("XMP with a document type or entities")
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise ValueError(str(error)) from error
    found: dict[str, XmpValue] = {}
    for rdf in root.iter(f"{_RDF}RDF"):
        for description in rdf:
            if description.tag != f"{_RDF}Description":
                raise ValueError(f"unexpected <{description.tag}> in rdf:RDF")
            for name, value in _xmp_struct(description):
                if name in found and found[name] != value:
                    raise ValueError(f"{name} is stated twice")
                found[name] = value
    return found


def _metadata(resolver: HistoricalResolver) -> dict[str, XmpValue] | None:
    """The XMP properties of one revision (None without XMP); ValueError if unreadable."""
    if "/Metadata" not in resolver.root:
        return None
    raw = resolver.root.raw_get("/Metadata")
    if not isinstance(raw, generic.IndirectObject):
        raise ValueError("/Metadata is not an indirect object")
    # Read from the file as of this revision, not through the resolver: pyHanko keeps the XMP it
    # parsed for its own writer in the reader's shared cache, and the resolver cannot adopt that.
    stream = resolver.reader.get_object(raw.reference, revision=resolver.revision, transparent_decrypt=False)
    if not isinstance(stream, generic.StreamObject):
        raise ValueError("/Metadata is not a stream")
    return xmp_properties(stream.read_data(DecodePurpose.XMP_METADATA))


def xmp_changes(old: HistoricalResolver, new: HistoricalResolver) -> list[str]:
    """The XMP properties whose value differs, leaving out those a signing tool may rewrite.

    ``["/Metadata"]`` when XMP was added or taken away; ValueError when either is unreadable.
    """
    before, after = _metadata(old), _metadata(new)
    if before is None or after is None:
        return [] if before is None and after is None else ["/Metadata"]
    keys = (set(before) | set(after)) - XMP_MAY_CHANGE
    return sorted(key for key in keys if before.get(key) != after.get(key))


def _xmp_sentence(keys: Iterable[str]) -> str:
    if list(keys) == ["/Metadata"]:
        return "dokumentets metadata (XMP) har lagts till eller tagits bort"
    words = sorted({_XMP_WORDS.get(key, key.rpartition("}")[2]) for key in keys})
    return "dokumentets metadata (XMP) har ändrats (" + ", ".join(words) + ")"


class _MetadataRule(MetadataUpdateRule):
    """pyHanko's XMP rule, refusing any change but the dates, producer and instance id."""

    def apply(self, old: HistoricalResolver, new: HistoricalResolver) -> Iterable[ReferenceUpdate]:
        try:
            changed = xmp_changes(old, new)
        except ValueError as error:
            raise Refusal("dokumentets metadata (XMP) går inte att läsa") from error
        if changed:
            raise Refusal(_xmp_sentence(changed))
        return super().apply(old, new)


def _is_signature_value(resolver: HistoricalResolver, ref: generic.Reference) -> bool:
    try:
        obj = resolver(ref)
    except Exception:  # noqa: BLE001 - an unreadable object explains nothing; the policy judges it later
        return False
    return isinstance(obj, generic.DictionaryObject) and "/ByteRange" in obj and "/Contents" in obj


def _touches_dss(old: HistoricalResolver, new: HistoricalResolver, written: set[generic.Reference]) -> bool:
    if "/DSS" not in new.root:
        return False
    raw = new.root.raw_get("/DSS")
    if isinstance(raw, generic.IndirectObject):
        return raw.reference in written or "/DSS" not in old.root
    return new.root_ref in written


def signature_fields(resolver: HistoricalResolver) -> Iterator[tuple[str, generic.DictionaryObject, bool]]:
    """(name, field, filled) of every top-level signature field in one revision."""
    try:
        fields = resolver.root["/AcroForm"]["/Fields"]
    except (KeyError, TypeError):
        return
    for raw in fields:
        field = raw.get_object()
        if isinstance(field, generic.DictionaryObject) and field.get("/FT") == "/Sig":
            yield str(field.get("/T", "")), field, "/V" in field


class _OnlySignaturesRule(WhitelistRule):
    """Approves nothing itself; refuses an update that signs nothing, or puts a signature field on a page.

    pyHanko refuses new visible signature fields only after a certification signature; an
    approval signature's appearance can draw just as much, so it is refused here always.
    """

    def apply(self, old: HistoricalResolver, new: HistoricalResolver) -> Iterable[ReferenceUpdate]:
        written = set(new.explicit_refs_in_revision())
        if not any(_is_signature_value(new, ref) for ref in written) and not _touches_dss(old, new, written):
            raise Refusal("den lägger inte till någon signatur")
        before = {name: filled for name, _field, filled in signature_fields(old)}
        for name, field, filled in signature_fields(new):
            added_or_filled = name not in before or (filled and not before[name])
            if added_or_filled and is_field_visible(field):
                raise Refusal(
                    f"signaturen i fältet «{name[:80]}» är synlig: den ritar på sidan och kan ändra det som visas"
                )
        return ()


class _FormUpdatingRule(FormUpdatingRule):
    """pyHanko's form rule, also for the first signature of a file that had no form before.

    pyHanko judges what follows a signed revision, which always has a form (the signature
    field). Here the base is the printed PDF, which has none: the first update creates
    ``/AcroForm``. It is judged as if the printed PDF had an empty form: the new form may hold
    the keys a signature needs, and its fields go through the same field rules (signature
    fields only). ``_list_fields`` is pyHanko's own field lister (not public API; the tests
    of this module would fail if it changed).
    """

    _NEW_FORM_KEYS = ACROFORM_EXEMPT_STRICT_COMPARISON | {"/SigFlags"}

    def apply(self, old: HistoricalResolver, new: HistoricalResolver) -> Iterator[tuple[ModificationLevel, FormUpdate]]:
        if "/AcroForm" in old.root:
            yield from super().apply(old, new)
            return
        if "/AcroForm" not in new.root:
            return
        form_path = RawPdfPath("/Root", "/AcroForm")
        _, new_form = yield from qualify_transforming(
            ModificationLevel.LTA_UPDATES,
            compare_key_refs("/AcroForm", old, old.root, new.root),
            transform=FormUpdate.curry_ref(field_name=None, context_checked=Context.from_absolute(old, form_path)),
        )
        if not isinstance(new_form, generic.DictionaryObject) or isinstance(new_form, generic.StreamObject):
            raise SuspiciousModification("The new /AcroForm is not a dictionary.")
        unexpected = set(new_form) - self._NEW_FORM_KEYS
        if unexpected:
            raise SuspiciousModification(f"The new /AcroForm has unexpected keys {sorted(unexpected)}.")
        empty = generic.DictionaryObject({generic.pdf_name("/Fields"): generic.ArrayObject()})
        fields_path = RawPdfPath("/Root", "/AcroForm", "/Fields")
        _, new_fields = yield from qualify_transforming(
            ModificationLevel.LTA_UPDATES,
            compare_key_refs("/Fields", old, empty, new_form),
            transform=FormUpdate.curry_ref(field_name=None, context_checked=Context.from_absolute(old, fields_path)),
        )
        _, new_resources = yield from qualify_transforming(
            ModificationLevel.FORM_FILLING,
            compare_key_refs("/DR", old, empty, new_form),
            transform=FormUpdate.curry_ref(field_name=None),
        )
        if new_resources is not None:
            yield from qualify_transforming(
                ModificationLevel.FORM_FILLING,
                misc._as_gen(new.collect_dependencies(new_resources, since_revision=old.revision + 1)),
                transform=FormUpdate.curry_ref(field_name=None),
            )
        context = FieldComparisonContext(
            field_specs=dict(_list_fields(generic.ArrayObject(), new_fields, old_path=fields_path)),
            old=old,
            new=new,
        )
        for rule in self.field_rules:
            yield from rule.apply(context)


def _policy(*, catalog_may_change: frozenset[str]) -> StandardDiffPolicy:
    return StandardDiffPolicy(
        global_rules=[
            _OnlySignaturesRule().as_qualified(ModificationLevel.LTA_UPDATES),
            CatalogModificationRule(ignored_keys=catalog_may_change),
            _DocInfoRule().as_qualified(ModificationLevel.LTA_UPDATES),
            _MetadataRule().as_qualified(ModificationLevel.LTA_UPDATES),
            XrefStreamRule().as_qualified(ModificationLevel.LTA_UPDATES),
            ObjectStreamRule().as_qualified(ModificationLevel.LTA_UPDATES),
            DSSCompareRule().as_qualified(ModificationLevel.LTA_UPDATES),
        ],
        form_rule=_FormUpdatingRule(field_rules=[SigFieldCreationRule(), SigFieldModificationRule()]),
    )


#: /Metadata among them: ``_MetadataRule`` judges it.
_CATALOG_MAY_CHANGE = ROOT_EXEMPT_STRICT_COMPARISON

SIGNATURES_ONLY_POLICY = _policy(catalog_may_change=_CATALOG_MAY_CHANGE)
"""Every update adds signatures, timestamps or validation data, and nothing else."""

CERTIFYING_POLICY = _policy(catalog_may_change=_CATALOG_MAY_CHANGE | {"/Perms"})
"""The same, for the one update that certifies the document: it also adds ``/Perms /DocMDP``
(the caller checks that this is all it adds to ``/Perms``)."""


# --------------------------------------------------------------------------- describing a change


def _pages(resolver: HistoricalResolver) -> list[tuple[generic.Reference | None, generic.DictionaryObject]]:
    """The page dictionaries of one revision, in order (depth-first through /Kids)."""
    found: list[tuple[generic.Reference | None, generic.DictionaryObject]] = []

    def walk(raw: generic.PdfObject, depth: int) -> None:
        node = raw.get_object()
        if depth > 64 or not isinstance(node, generic.DictionaryObject):
            return
        if node.get("/Type") == "/Pages" or "/Kids" in node:
            for kid in node.get("/Kids", ()):
                walk(kid, depth + 1)
            return
        found.append((raw.reference if isinstance(raw, generic.IndirectObject) else None, node))

    try:
        walk(resolver.root.raw_get("/Pages"), 0)
    except Exception:  # noqa: BLE001 - a damaged page tree: the caller says something changed anyway
        return found
    return found


def _refs_in(raw: generic.PdfObject) -> set[generic.Reference]:
    if isinstance(raw, generic.IndirectObject):
        refs = {raw.reference}
        target = raw.get_object()
        if isinstance(target, generic.ArrayObject):
            refs |= {item.reference for item in target if isinstance(item, generic.IndirectObject)}
        return refs
    if isinstance(raw, generic.ArrayObject):
        return {item.reference for item in raw if isinstance(item, generic.IndirectObject)}
    return set()


def _entry_changed(old_page: generic.DictionaryObject, new_page: generic.DictionaryObject, key: str,
                   written: set[generic.Reference]) -> bool:
    old_raw = old_page.raw_get(key) if key in old_page else None
    new_raw = new_page.raw_get(key) if key in new_page else None
    if (old_raw is None) != (new_raw is None):
        return True
    if new_raw is None:
        return False
    return old_raw != new_raw or bool(_refs_in(new_raw) & written)


def _annotations(page: generic.DictionaryObject) -> set[generic.Reference]:
    """The page's annotations other than signature widgets (those are judged as signatures)."""
    found: set[generic.Reference] = set()
    annots = page.get("/Annots", generic.ArrayObject())
    for raw in annots if isinstance(annots, generic.ArrayObject) else ():
        annotation = raw.get_object()
        is_signature = isinstance(annotation, generic.DictionaryObject) and (
            annotation.get("/FT") == "/Sig" or annotation.get("/Parent", {}).get("/FT") == "/Sig"
        )
        if not is_signature:
            found.add(raw.reference if isinstance(raw, generic.IndirectObject) else generic.Reference(-1))
    return found


def describe_changes(old: HistoricalResolver, new: HistoricalResolver) -> list[str]:
    """What an update changed that can be seen, as Swedish phrases (best effort, never raises)."""
    try:
        return _describe(old, new)
    except Exception:  # noqa: BLE001 - the description is a courtesy; the verdict stands without it
        return []


def _describe(old: HistoricalResolver, new: HistoricalResolver) -> list[str]:
    written = set(new.explicit_refs_in_revision())
    found: list[str] = []
    old_pages, new_pages = _pages(old), _pages(new)
    if len(old_pages) != len(new_pages):
        found.append(f"antalet sidor har ändrats från {len(old_pages)} till {len(new_pages)}")
    for number, ((_, old_page), (_, new_page)) in enumerate(zip(old_pages, new_pages, strict=False), start=1):
        if _entry_changed(old_page, new_page, "/Contents", written):
            found.append(f"sidan {number} har fått nytt eller ändrat innehåll")
        elif _entry_changed(old_page, new_page, "/Resources", written):
            found.append(f"sidan {number} har fått ändrade resurser (typsnitt, bilder)")
        if _annotations(old_page) != _annotations(new_page) or _annotations(new_page) & written:
            found.append(f"sidan {number} har fått nya eller ändrade anteckningar eller fält")
        other = [key for key in set(old_page) | set(new_page)
                 if key not in {"/Contents", "/Resources", "/Annots", "/Parent"}
                 and old_page.get(key) != new_page.get(key)]
        if other:
            found.append(f"sidan {number} har ändrats ({', '.join(sorted(k.lstrip('/') for k in other))})")
    changed_info = info_changes(old, new)
    if changed_info:
        found.append(_info_sentence(changed_info))
    try:
        changed_xmp = xmp_changes(old, new)
    except ValueError:
        changed_xmp = ["/Metadata"]
    if changed_xmp:
        found.append(_xmp_sentence(changed_xmp))
    for key, words in _CATALOG_WORDS.items():
        if key == "/Metadata":
            continue  # by its content, above: a signing tool rewrites it
        old_raw = old.root.raw_get(key) if key in old.root else None
        new_raw = new.root.raw_get(key) if key in new.root else None
        if old_raw != new_raw or (new_raw is not None and bool(_refs_in(new_raw) & written)):
            found.append(f"{words} har ändrats")
    return found
