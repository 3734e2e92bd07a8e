"""Agreements made through the services for the report tests (and the visual check)."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw

from promises_app.services import Services

if TYPE_CHECKING:
    from promises_app.reports.agreement_content import AgreementContent
    from promises_app.services.signoff import PdfRenderer


@dataclass(frozen=True)
class FourParty:
    agreement_id: int
    organisation_ids: dict[str, int]  # "municipality", "police", "housing", "owners"


PARTIES = (
    # key, name, kind, short name, signatories (name, title)
    ("municipality", "Ängelholms kommun", "municipality", "",
     (("Åsa Östberg", "Kommunstyrelsens ordförande"), ("Örjan Ärlig", "Kommundirektör"))),
    ("police", "Lokalpolisområde Ängelholm", "police", "LPO Ängelholm",
     (("Kjell Sjöström", "Lokalpolisområdeschef"), ("Märta Brå", "Kommunpolis"))),
    ("housing", "AB Ängelholmshem", "housing_company", "Ängelholmshem",
     (("Göran Bostadsson", "Vd"), ("Ylva Hyresgäst", "Trygghetsansvarig"))),
    ("owners", "Fastighetsägarna Nordvästra Skåne", "property_owners", "Fastighetsägarna",
     (("Per Fastighet", "Regionchef"), ("Lena Nyckel", "Handläggare"))),
)


def make_four_party(services: Services, *, title: str = "Ängelholm – medborgarlöften 2023–2024") -> FourParty:
    """A signed-looking draft with four parties, two signatories each, and promises by every kind of group."""
    agreement = services.agreements.create_agreement(
        kind="citizen_promise",
        title=title,
        start_date="2023-01-01",
        end_date="2024-12-31",
        reporting_scheme="tertial",
        municipality="Ängelholms kommun",
        police_area="Lokalpolisområde Ängelholm",
        case_number="KS 2022/1234",
        signing_place="Ängelholm",
        signing_date="2023-02-14",
        introduction="Kommunen, polisen, Ängelholmshem och Fastighetsägarna ger gemensamma löften.\n\n"
        "De bygger på lägesbilden för 2022.",
        situation="Otryggheten är störst kring resecentrum och i Skäldervikens centrum.",
        intended_effects="Fler ska känna sig trygga i sitt bostadsområde.",
        follow_up_text="Löftena följs upp per tertial och redovisas för trygghetsrådet.",
        goals=["Ökad trygghet i bostadsområdena.", "Färre bostadsinbrott."],
    )
    ids: dict[str, int] = {}
    for key, name, kind, short_name, signatories in PARTIES:
        organisation = services.register.create_organisation(name=name, kind=kind, short_name=short_name)
        ids[key] = organisation.id
        party = services.agreements.add_party(agreement.id, organisation_id=organisation.id)
        for person_name, person_title in signatories:
            person = services.register.create_person(
                name=person_name, title=person_title, organisation_id=organisation.id
            )
            services.agreements.add_signatory(party.id, person_id=person.id)
    focus = services.plan.create_focus_area(agreement.id, name="Resecentrum", description="Kvällar och helger.")
    services.plan.create_focus_area(agreement.id, name="Skälderviken")

    def promise(text: str, makers: list[str]) -> int:
        return services.plan.create_promise(agreement.id, text=text, maker_ids=[ids[k] for k in makers]).id

    police_only = promise("vara synliga vid resecentrum på kvällar och helger", ["police"])
    services.plan.create_measure(
        promise_id=police_only, title="Fotpatrullering vid resecentrum", responsible_id=ids["police"],
        deadline="2024-12-31", target_count=40, target_unit="patrulleringar", focus_area_id=focus.id,
        cause="Många känner sig otrygga vid resecentrum kvällstid.",
    )
    municipality_only = promise("förbättra belysningen längs gång- och cykelvägar", ["municipality"])
    services.plan.create_measure(
        promise_id=municipality_only, title="Byta armaturer i Skälderviken", responsible_id=ids["municipality"],
        start_date="2023-03-01", deadline="2023-10-31", cause="Mörka gångvägar.",
    )
    both = promise("genomföra trygghetsvandringar tillsammans med de boende", ["municipality", "police"])
    services.plan.create_measure(
        promise_id=both, title="Trygghetsvandringar i kombination med medborgardialoger",
        description="Var och en av vandringarna kombineras med en medborgardialog.",
        responsible_id=ids["municipality"], participant_ids=[ids["police"]],
        deadline="2023-11-30", target_count=4, target_unit="trygghetsvandringar",
    )
    housing = promise("arbeta mot bostadsinbrott i hyreshusen", ["police", "housing"])
    services.plan.create_measure(
        promise_id=housing, title="Informationsträffar om grannsamverkan", responsible_id=ids["housing"],
        participant_ids=[ids["police"]], deadline="2024-06-30", target_count=6, target_unit="träffar",
    )
    everyone = promise("samla fastighetsägarna kring en gemensam trygghetsplan",
                       ["municipality", "police", "housing", "owners"])
    services.plan.create_measure(
        promise_id=everyone, title="Gemensam trygghetsplan för centrum", responsible_id=ids["owners"],
        participant_ids=[ids["municipality"], ids["police"], ids["housing"]], deadline="2024-12-31",
    )
    return FourParty(agreement.id, ids)


@dataclass(frozen=True)
class Norrstad:
    agreement_id: int
    organisation_ids: dict[str, int]  # "municipality", "police", "parking", "customs"


NORRSTAD_TITLE = "Norrstad – medborgarlöften 2025"
#: The promises of Norrstad as written: (text, as written?, makers, a measure's title).
NORRSTAD_PROMISES = (
    ("synlig närvaro vid stationen på helgkvällar", True, ["police"], "Patrullering vid stationen fredag och lördag"),
    ("öka kontrollerna av mopedtrafiken i centrum", False, ["police"], "Mopedkontroller i centrum"),
    ("göra parkeringshusen ljusare och tryggare", False, ["parking", "municipality"], "Ny belysning i P-huset Torget"),
    ("genomföra trygghetsvandringar med de boende", False, ["municipality", "police"], "Trygghetsvandringar i Norr"),
    ("gemensamma kontroller i hamnen varje månad", True, ["customs", "police"], "Kontroller i hamnen"),
)


def make_norrstad(services: Services) -> Norrstad:
    """The agreement of issue 13's two wording findings: a state agency (Tullverket) and a
    municipal company (Norrstads parkeringsbolag) among the parties, and promises written as the
    police wrote them ("synlig närvaro vid stationen på helgkvällar") beside ones continuing
    "… lovar att"."""
    agreement = services.agreements.create_agreement(
        kind="citizen_promise", title=NORRSTAD_TITLE, start_date="2025-01-01", end_date="2025-12-31",
        reporting_scheme="tertial", municipality="Norrstads kommun", police_area="Lokalpolisområde Norrstad",
        signing_place="Norrstad", signing_date="2025-02-03",
    )
    ids: dict[str, int] = {}
    for key, name, kind, short_name in (
        ("municipality", "Norrstads kommun", "municipality", ""),
        ("police", "Lokalpolisområde Norrstad", "police", "LPO Norrstad"),
        ("parking", "Norrstads parkeringsbolag", "municipal_company", "Parkeringsbolaget"),
        ("customs", "Tullverket", "state_agency", ""),
    ):
        ids[key] = services.register.create_organisation(name=name, kind=kind, short_name=short_name).id
        services.agreements.add_party(agreement.id, organisation_id=ids[key])
    for text, as_written, makers, measure in NORRSTAD_PROMISES:
        promise = services.plan.create_promise(
            agreement.id, text=text, maker_ids=[ids[k] for k in makers], as_written=as_written
        )
        services.plan.create_measure(
            promise_id=promise.id, title=measure, responsible_id=ids[makers[0]], deadline="2025-12-31",
        )
    return Norrstad(agreement.id, ids)


def logo_png(color: str, size: tuple[int, int]) -> bytes:
    """A small stand-in logo: a coloured rectangle with a white bar."""
    image = Image.new("RGB", size, color)
    ImageDraw.Draw(image).rectangle((size[0] // 8, size[1] // 3, size[0] * 7 // 8, size[1] * 2 // 3), fill="white")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def sample_content() -> AgreementContent:
    """A small agreement made directly as content (no database): for pure renderer tests."""
    from promises_app.reports.agreement_content import (
        ActionPlanRow,
        AgreementContent,
        FocusAreaItem,
        MeasureItem,
        PromiseGroup,
        PromiseItem,
        SignatoryLine,
        SignatureBlock,
        with_fingerprint,
    )

    return with_fingerprint(
        AgreementContent(
            agreement_id=1,
            title="Exempelby – medborgarlöften 2024",
            kind="Medborgarlöfte",
            state="Utkast",
            revision=1,
            introduction="Inledande text.",
            situation="Lägesbilden i korthet.",
            goals=("Ökad trygghet.",),
            focus_areas=(FocusAreaItem("Centrum", ""),),
            promise_groups=(
                PromiseGroup(
                    "Polisen lovar att …",
                    (PromiseItem("synas", "", (MeasureItem("Patrullera", "", ("Mål: 4 patrulleringar",)),)),),
                ),
            ),
            intended_effects="Tryggare centrum.",
            follow_up_text="Följs upp per tertial.",
            validity="1 januari – 31 december 2024",
            case_number="",
            place_and_date="Ort och datum: ________",
            signature_blocks=(SignatureBlock("Exempelby kommun", (SignatoryLine("Anna Andersson", "Ordförande"),)),),
            action_plan=(ActionPlanRow("Otrygghet", "Patrullera", "4 patrulleringar", "senast 31 december 2024", "Polisen"),),
            party_organisation_ids=(1,),
        )
    )


def sign_as_before_schema_7(
    services: Services, agreement_id: int, *, place: str, day: date, render: PdfRenderer | None = None
) -> None:
    """Sign the draft the way the program before schema 7 did (its ``sign``, step by step): the
    PDF made by ``render`` (ReportLab: agreement_pdf_legacy), its SHA-256 and size kept with the
    revision, not its bytes."""
    from promises_app.domain import snapshot as snap
    from promises_app.domain.enums import AgreementState
    from promises_app.reports.agreement_document import render_legacy_snapshot_pdf
    from promises_app.services.signoff import SOURCE_SIGNED
    from promises_app.services.snapshots import build_snapshot
    from promises_app.storage import models as m
    from promises_app.storage.changelog import current_account, current_anchor, utc_timestamp

    with services.db.write() as s:
        agreement = s.get_one(m.Agreement, agreement_id)
        agreement.state = AgreementState.SIGNED
        agreement.signing_place = place
        agreement.signing_date = day
        s.flush()
        content = build_snapshot(s, agreement)
        anchor = current_anchor(s.connection())
        pdf = (render or render_legacy_snapshot_pdf)(content, anchor)
        text = snap.to_json(content)
        s.add(m.SignedRevision(
            agreement_id=agreement.id, revision=agreement.revision, signed_place=place, signed_on=day,
            content=text, content_sha256=snap.sha256_text(text), pdf_sha256=hashlib.sha256(pdf).hexdigest(),
            pdf_size=len(pdf), source=SOURCE_SIGNED, recorded_at=utc_timestamp(), recorded_by=current_account(),
            log_entries=anchor.entries, log_head=anchor.head,
        ))
