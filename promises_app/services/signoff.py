"""Sign-off, revisions and the hand-signed copy (docs/reliability.md, P9–P11).

Signing turns the agreement's draft into *signed revision N*: its content is frozen as a
canonical snapshot (domain/snapshot.py) with its SHA-256, and the agreement PDF rendered
from that snapshot is hashed too. The snapshot row is never changed again (the guard in
storage/signed_guard.py, and triggers against raw SQL). While the agreement is signed its
plan cannot be edited; ``new_revision`` makes it a draft again (revision N+1), follow-up
goes on, and the last signed snapshot stays the baseline to compare with.

The PDF is rendered by the caller's ``render_pdf`` (the reports package): the services do not
depend on ReportLab, and the PDF is made in the same transaction as the signature it belongs to.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, undefer

from promises_app.domain import snapshot as snap
from promises_app.domain.enums import AgreementState
from promises_app.domain.errors import SnapshotFormatError
from promises_app.domain.log_anchor import LogAnchor
from promises_app.domain.signed_drift import describe, drift
from promises_app.domain.snapshot_diff import Difference, differences
from promises_app.domain.validation import (
    INTEGER_MAX,
    INTEGER_MIN,
    Checker,
    FieldError,
    ValidationError,
    shorten,
)
from promises_app.domain.vocabulary import swedish
from promises_app.services.base import Service, check_version, get_row
from promises_app.services.errors import ServiceError, SignedRecordError
from promises_app.services.plan import drop_owner_from_participants
from promises_app.services.records import PrintableAgreement, SignedCopyRecord, SignedRevisionRecord
from promises_app.services.snapshots import build_snapshot
from promises_app.storage import models as m
from promises_app.storage.changelog import check_anchor, current_account, current_anchor, utc_timestamp
from promises_app.storage.signed_guard import LOCKED_STATES

#: Makes the agreement PDF of a snapshot, carrying the change log's head (domain/log_anchor.py).
PdfRenderer = Callable[[snap.AgreementSnapshot, LogAnchor | None], bytes]

#: A scanned, signed agreement of a few pages is a few MB; 50 MB leaves room for colour scans.
MAX_COPY_BYTES = 50 * 1024 * 1024
#: No signing before this day: samverkansöverenskommelser and medborgarlöften are from the
#: 2000s and 2010s, so an earlier date (1900-01-01, a slip of the year) is a typing error.
EARLIEST_SIGNING = date(2000, 1, 1)
PLACE_MAX = 200
SOURCE_SIGNED = "signed"
SOURCE_IMPORTED = "imported"


class SignOffService(Service):
    # --- reading ---------------------------------------------------------------------------
    def current_snapshot(self, agreement_id: int) -> snap.AgreementSnapshot:
        """The agreement's content as it stands now (a draft's content, or the signed one's)."""
        with self.db.read() as s:
            return build_snapshot(s, get_row(s, m.Agreement, agreement_id, "Överenskommelsen"))

    def printable(self, agreement_id: int, *, revision: int | None = None) -> PrintableAgreement:
        """What to print for the agreement, read in one transaction.

        ``revision`` given: that signed revision, frozen, with the log head it was signed with.
        Otherwise the agreement as it stands: while it is signed (or closed) its newest signed
        revision exactly as signed; a draft's live content with the log's head now.
        """
        with self.db.read() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            if revision is None and agreement.state is not AgreementState.DRAFT:
                latest = _latest(s, agreement_id)
                if latest is not None and latest.revision == agreement.revision:
                    revision = agreement.revision
            if revision is not None:
                row = _revision_row(s, agreement_id, revision)
                kept = _signed_pdf(row)
                return PrintableAgreement(snap.from_json(row.content), _anchor_of(s, row), revision, kept,
                                          legacy=kept is None and row.pdf_sha256 is not None)
            return PrintableAgreement(build_snapshot(s, agreement), current_anchor(s.connection()), None)

    def list_revisions(self, agreement_id: int) -> list[SignedRevisionRecord]:
        """The agreement's signed revisions, oldest first."""
        with self.db.read() as s:
            get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            rows = s.scalars(
                select(m.SignedRevision)
                .where(m.SignedRevision.agreement_id == agreement_id)
                .order_by(m.SignedRevision.revision)
            ).all()
            return [_record(s, row) for row in rows]

    def get_revision(self, agreement_id: int, revision: int) -> SignedRevisionRecord:
        with self.db.read() as s:
            return _record(s, _revision_row(s, agreement_id, revision))

    def revision_snapshot(self, agreement_id: int, revision: int) -> snap.AgreementSnapshot:
        """The frozen content of a signed revision, read back from its stored text."""
        with self.db.read() as s:
            return snap.from_json(_revision_row(s, agreement_id, revision).content)

    def baseline(self, agreement_id: int) -> snap.AgreementSnapshot | None:
        """The newest signed revision's content ("planned at signing"), or None if never signed."""
        with self.db.read() as s:
            row = _latest(s, agreement_id)
            return None if row is None else snap.from_json(row.content)

    def changes_since_signing(self, agreement_id: int) -> list[Difference]:
        """What differs, field by field, between the newest signed revision and the agreement now."""
        with self.db.read() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            row = _latest(s, agreement_id)
            if row is None:
                return []
            return differences(snap.from_json(row.content), build_snapshot(s, agreement))

    def find_by_content_hash(self, content_sha256: str) -> SignedRevisionRecord | None:
        with self.db.read() as s:
            row = s.scalar(select(m.SignedRevision).where(m.SignedRevision.content_sha256 == content_sha256))
            return None if row is None else _record(s, row)

    def find_copy_by_hash(self, sha256: str) -> tuple[SignedRevisionRecord, SignedCopyRecord] | None:
        """The signed revision and attached copy whose bytes have this SHA-256, if any."""
        with self.db.read() as s:
            copy = s.scalar(select(m.SignedCopy).where(m.SignedCopy.sha256 == sha256).limit(1))
            if copy is None:
                return None
            revision = _record(s, s.get_one(m.SignedRevision, copy.signed_revision_id))
            return revision, _copy_record(copy)

    def signed_copy_data(self, copy_id: int) -> bytes:
        with self.db.read() as s:
            return get_row(s, m.SignedCopy, copy_id, "Den inskannade kopian").data

    # --- signing ---------------------------------------------------------------------------
    def sign(
        self,
        agreement_id: int,
        *,
        place: str,
        signed_on: date | str,
        render_pdf: PdfRenderer,
        signatory_ids: Collection[int] | None = None,
        expected_version: int | None = None,
        today: date | None = None,
    ) -> SignedRevisionRecord:
        """Record the signing of the agreement's draft: it becomes signed revision N.

        ``signatory_ids`` are the signatories present (Signatory ids; None: all of them);
        every party needs at least one. Raises ValidationError naming the field for a
        missing place, a bad or future date, a party nobody signs for; ServiceError when the
        agreement is not a draft.
        """
        self.db.require_intact("Undertecknandet")
        with self.db.write() as s:
            # Locked before its state is checked: an edit of the plan that is saving waits until the
            # signature is committed (and is then refused), or is signed with the plan it is part of.
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen", lock=True)
            check_version(agreement, expected_version, "Överenskommelsen")
            if agreement.state is not AgreementState.DRAFT:
                raise ServiceError(
                    f"«{agreement.title}» är redan undertecknad (revision {agreement.revision}). "
                    "Starta en ny revision om något ska ändras och undertecknas på nytt."
                )
            check = Checker()
            place = check.text("place", place, label="Ort", max_length=PLACE_MAX, required=True)
            day = check.date_value("signed_on", signed_on, label="Datum för undertecknande", required=True)
            if day is not None and day > (today or date.today()):
                check.add("signed_on", f"Datum för undertecknande ({day.isoformat()}) ligger i framtiden.")
            if day is not None and day < earliest_signing(agreement.start_date):
                check.add("signed_on", f"Datum för undertecknande ({day.isoformat()}) är för tidigt: en "
                          f"överenskommelse som gäller från {agreement.start_date.isoformat()} undertecknas "
                          f"tidigast {earliest_signing(agreement.start_date).isoformat()}.")
            present = _check_signatories(check, agreement, signatory_ids)
            check.raise_if_any()
            agreement.state = AgreementState.SIGNED
            agreement.signing_place = place
            agreement.signing_date = day
            s.flush()
            content = build_snapshot(s, agreement, signatory_ids=present)
            anchor = current_anchor(s.connection())  # printed in the PDF, kept with the revision
            pdf = render_pdf(content, anchor)
            row = _freeze(s, agreement, content, SOURCE_SIGNED, pdf=pdf, anchor=anchor)
            return _record(s, row)

    def new_revision(self, agreement_id: int, *, expected_version: int | None = None) -> SignedRevisionRecord:
        """Make the signed agreement a draft again as revision N+1; returns the signed revision N it starts from."""
        self.db.require_intact("Den nya revisionen")
        with self.db.write() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen", lock=True)
            check_version(agreement, expected_version, "Överenskommelsen")
            if agreement.state is not AgreementState.SIGNED:
                raise ServiceError(
                    f"«{agreement.title}» är {'ett utkast' if agreement.state is AgreementState.DRAFT else 'avslutad'}"
                    "; en ny revision kan bara startas från en undertecknad överenskommelse."
                )
            latest = _latest(s, agreement_id)
            if latest is None:  # signed before this program kept revisions: freeze it first
                latest = freeze_imported(s, agreement)
            agreement.state = AgreementState.DRAFT
            agreement.revision = latest.revision + 1
            agreement.signing_date = None
            s.flush()
            drop_owner_from_participants(s, agreement_id)
            return _record(s, latest)

    # --- the hand-signed copy ---------------------------------------------------------------
    def attach_signed_copy(
        self, agreement_id: int, revision: int, *, file_name: str, data: bytes
    ) -> SignedCopyRecord:
        """Keep the scanned, hand-signed PDF of a signed revision, with its SHA-256."""
        data = bytes(data)
        check = Checker()
        name = check.text("file_name", file_name, label="Filnamn", max_length=255, required=True)
        if not data:
            check.add("file", "Filen är tom.")
        elif len(data) > MAX_COPY_BYTES:
            check.add("file", f"Filen är för stor ({len(data) // (1024 * 1024)} MB; högst 50 MB).")
        elif not data.lstrip(b"\x00\t\n\r ")[:5] == b"%PDF-":
            check.add("file", "Filen är inte en PDF. Skanna det undertecknade dokumentet till PDF och försök igen.")
        check.raise_if_any()
        with self.db.write() as s:
            row = _revision_row(s, agreement_id, revision)
            digest = hashlib.sha256(data).hexdigest()
            if any(copy.sha256 == digest for copy in _copies(s, row.id)):
                raise ValidationError([FieldError("file", "Den här filen är redan bifogad till revisionen.")])
            copy = m.SignedCopy(
                signed_revision_id=row.id, file_name=name, sha256=digest, size=len(data), data=data,
                attached_at=utc_timestamp(), attached_by=current_account(s.connection()),
            )
            s.add(copy)
            s.flush()
            return _copy_record(copy)

    # --- checking -----------------------------------------------------------------------------
    def verify_revisions(self) -> list[str]:
        """Problems with the stored signed revisions (see ``revision_problems``)."""
        with self.db.read() as s:
            return revision_problems(s)

    def verify_signed_plans(self) -> list[str]:
        """Differences between each signed agreement's live plan and its newest signed revision."""
        with self.db.read() as s:
            return plan_problems(s)

    def count_revisions(self) -> int:
        with self.db.read() as s:
            return int(s.scalar(select(func.count()).select_from(m.SignedRevision)) or 0)

    def check_pdfs(self, render_pdf: PdfRenderer) -> list[str]:
        """Revisions signed before schema 7 whose PDF, made again from the snapshot by ``render_pdf``
        (the renderer of that time), differs from the one signed.

        Those signed since keep their PDF's bytes: ``revision_problems`` checks them against their
        hash, and what a newer engine would make of the snapshot does not matter.
        """
        found = []
        with self.db.read() as s:
            rows = [
                (row.content, row.revision, row.pdf_sha256, _anchor_of(s, row))
                for row in s.scalars(
                    select(m.SignedRevision)
                    .where(m.SignedRevision.pdf_sha256.is_not(None), m.SignedRevision.pdf.is_(None))
                    .order_by(m.SignedRevision.id)
                )
            ]
        for content_text, revision, pdf_sha256, anchor in rows:
            content = snap.from_json(content_text)
            if hashlib.sha256(render_pdf(content, anchor)).hexdigest() != pdf_sha256:
                found.append(
                    f"PDF:en för undertecknad revision {revision} av «{_cut(content.title)}» blir inte längre byte "
                    "för byte densamma som vid undertecknandet (en annan version av programmet?). Innehållet "
                    "stämmer med sin kontrollsumma och med ändringsloggen; spara den PDF som skrevs ut vid "
                    "undertecknandet."
                )
        return found


def revision_problems(session: Session) -> list[str]:
    """What is wrong with the signed revisions: content that no longer matches its hash, a copy
    that no longer matches its hash, a revision number missing or out of step with the
    agreement's state, and a log head frozen at signing that the change log no longer holds."""
    problems: list[str] = []
    titles = {row.id: row.title for row in session.execute(select(m.Agreement.id, m.Agreement.title))}
    numbers: dict[int, list[int]] = {}
    # The kept PDFs with the rows (a deferred column): one query, not one per revision.
    for row in session.scalars(
        select(m.SignedRevision).options(undefer(m.SignedRevision.pdf)).order_by(m.SignedRevision.id)
    ):
        numbers.setdefault(row.agreement_id, []).append(row.revision)
        where = f"Undertecknad revision {row.revision} av «{_cut(titles.get(row.agreement_id, str(row.agreement_id)))}»"
        if snap.sha256_text(row.content) != row.content_sha256:
            problems.append(
                f"{where}: innehållet stämmer inte med den sparade kontrollsumman "
                "(ändrat i efterhand, eller kontrollsumman ändrad)."
            )
            continue
        try:
            content = snap.from_json(row.content)
        except SnapshotFormatError as error:
            problems.append(f"{where}: {error}")
            continue
        if content.agreement_id != row.agreement_id or content.revision != row.revision:
            problems.append(f"{where}: innehållet hör till en annan överenskommelse eller revision.")
        if row.pdf is not None and hashlib.sha256(row.pdf).hexdigest() != row.pdf_sha256:
            problems.append(f"{where}: den sparade PDF:en stämmer inte med sin kontrollsumma.")
        anchor = _anchor_of(session, row)
        if anchor is not None and (reason := check_anchor(session.connection(), anchor)) is not None:
            problems.append(
                f"{where}: när den undertecknades hade ändringsloggen {anchor.entries} poster, men {reason}."
            )
    for agreement in session.scalars(select(m.Agreement).order_by(m.Agreement.id)):
        problems += _numbering_problems(agreement, sorted(numbers.get(agreement.id, [])))
    for copy in session.execute(
        select(m.SignedCopy.id, m.SignedCopy.file_name, m.SignedCopy.sha256, m.SignedCopy.data)
    ):
        if hashlib.sha256(copy.data).hexdigest() != copy.sha256:
            problems.append(
                f"Den inskannade kopian «{_cut(copy.file_name)}» (id {copy.id}) stämmer inte med sin kontrollsumma."
            )
    return problems


def _numbering_problems(agreement: m.Agreement, signed: list[int]) -> list[str]:
    """Signed revisions run without a gap up to the agreement's revision (or the one before, for a draft)."""
    where = f"«{_cut(agreement.title)}»"
    if not signed:
        return []  # never signed here (or signed before revisions were kept); the log says if one went
    problems = []
    missing = sorted(set(range(signed[0], signed[-1] + 1)) - set(signed))
    if missing:
        listed = ", ".join(str(n) for n in missing)
        problems.append(f"{where}: undertecknad revision {listed} saknas (revision {', '.join(map(str, signed))} "
                        "finns); den har tagits bort ur databasen.")
    if agreement.state in LOCKED_STATES and signed[-1] != agreement.revision:
        problems.append(f"{where} står som {swedish(agreement.state).lower()} revision {agreement.revision}, men den "
                        f"senaste undertecknade revisionen är {signed[-1]}.")
    if agreement.state is AgreementState.DRAFT and signed[-1] >= agreement.revision:
        problems.append(f"{where} står som utkast till revision {agreement.revision}, men revision {signed[-1]} är "
                        "redan undertecknad: statusen har ändrats utanför programmet.")
    elif agreement.state is AgreementState.DRAFT and signed[-1] < agreement.revision - 1:
        problems.append(f"{where} står som utkast till revision {agreement.revision}, men den senaste "
                        f"undertecknade revisionen är {signed[-1]}.")
    return problems


def plan_problems(session: Session) -> list[str]:
    """Each signed or closed agreement's live plan against its newest signed revision, field by field."""
    problems: list[str] = []
    for agreement in session.scalars(
        select(m.Agreement).where(m.Agreement.state.in_(LOCKED_STATES)).order_by(m.Agreement.id)
    ):
        latest = _latest(session, agreement.id)
        if latest is None or latest.revision != agreement.revision:
            continue  # revision_problems names that
        try:
            signed = snap.from_json(latest.content)
        except SnapshotFormatError:
            continue  # revision_problems names that too
        where = f"«{_cut(signed.title)}» (undertecknad revision {latest.revision})"
        problems += [f"{where}: {describe(d)}" for d in drift(signed, build_snapshot(session, agreement))]
        if (agreement.signing_place, agreement.signing_date) != (latest.signed_place, latest.signed_on):
            problems.append(
                f"{where}: ort och datum för undertecknandet är nu «{_cut(agreement.signing_place)} "
                f"{agreement.signing_date or ''}», men undertecknades som «{_cut(latest.signed_place)} "
                f"{latest.signed_on or ''}»."
            )
    return problems


def _cut(text: str) -> str:
    return shorten(text)  # the one quoting helper (domain/validation): ~80 characters, escaped


def earliest_signing(start: date) -> date:
    """The earliest day an agreement valid from ``start`` can have been signed: a year before it
    starts (agreements are signed in the months before their period, or during it), and never
    before :data:`EARLIEST_SIGNING`."""
    try:
        a_year_before = start.replace(year=start.year - 1)
    except ValueError:  # 29 February
        a_year_before = start.replace(year=start.year - 1, day=28)
    return max(EARLIEST_SIGNING, a_year_before)


def freeze_imported(session: Session, agreement: m.Agreement) -> m.SignedRevision:
    """Freeze a signed agreement as it stands, with no PDF of ours (inside the caller's transaction).

    For an agreement imported as signed (or closed): the file says it was signed, so its
    content is kept as that signed revision from the moment it enters the database.
    """
    return _freeze(session, agreement, build_snapshot(session, agreement), SOURCE_IMPORTED, pdf=None,
                   anchor=current_anchor(session.connection()))


# --- helpers ------------------------------------------------------------------------------------
def _check_signatories(
    check: Checker, agreement: m.Agreement, signatory_ids: Collection[int] | None
) -> set[int]:
    all_ids = {sig.id for party in agreement.parties for sig in party.signatories}
    present = set(all_ids if signatory_ids is None else signatory_ids)
    strangers = present - all_ids
    if strangers:
        check.add("signatories", f"Undertecknare {sorted(strangers)} hör inte till överenskommelsen.")
    if not agreement.parties:
        check.add("parties", "Överenskommelsen har inga parter att underteckna för.")
    for party in agreement.parties:
        if not any(sig.id in present for sig in party.signatories):
            check.add(
                "signatories",
                f"Ingen undertecknare för {party.organisation.name} är markerad som närvarande."
                if party.signatories
                else f"{party.organisation.name} har ingen undertecknare. Lägg till en under Parter och undertecknare.",
            )
    return present


def _freeze(
    session: Session, agreement: m.Agreement, content: snap.AgreementSnapshot, source: str, *, pdf: bytes | None,
    anchor: LogAnchor,
) -> m.SignedRevision:
    text = snap.to_json(content)
    row = m.SignedRevision(
        agreement_id=agreement.id,
        revision=agreement.revision,
        signed_place=agreement.signing_place,
        signed_on=agreement.signing_date,
        content=text,
        content_sha256=snap.sha256_text(text),
        pdf_sha256=None if pdf is None else hashlib.sha256(pdf).hexdigest(),
        pdf_size=None if pdf is None else len(pdf),
        pdf=pdf,
        source=source,
        recorded_at=utc_timestamp(),
        recorded_by=current_account(session.connection()),
        log_entries=anchor.entries,
        log_head=anchor.head,
    )
    session.add(row)
    session.flush()
    return row


def _signed_pdf(row: m.SignedRevision) -> bytes | None:
    """The revision's PDF as signed, checked against the SHA-256 kept with it; None when none was kept."""
    if row.pdf is None:
        return None
    if hashlib.sha256(row.pdf).hexdigest() != row.pdf_sha256:
        raise SignedRecordError(
            f"Den sparade PDF:en för revision {row.revision} stämmer inte med sin kontrollsumma: den har "
            "ändrats efter undertecknandet. Kör «Kontrollera databasen» (verify-db) och återställ en säkerhetskopia."
        )
    return bytes(row.pdf)


def _revision_row(session: Session, agreement_id: int, revision: int) -> m.SignedRevision:
    agreement = get_row(session, m.Agreement, agreement_id, "Överenskommelsen")
    row = session.scalar(
        select(m.SignedRevision).where(
            m.SignedRevision.agreement_id == agreement_id, m.SignedRevision.revision == revision
        )
    ) if INTEGER_MIN <= revision <= INTEGER_MAX else None  # 2**63 cannot be asked of SQLite, nor be there
    if row is None:
        signed = session.scalars(
            select(m.SignedRevision.revision).where(m.SignedRevision.agreement_id == agreement_id)
        ).all()
        known = ", ".join(str(n) for n in signed) or "inga"
        raise ServiceError(
            f"«{agreement.title}» har ingen undertecknad revision {shorten(revision)} "
            f"(undertecknade revisioner: {known})."
        )
    return row


def _latest(session: Session, agreement_id: int) -> m.SignedRevision | None:
    return session.scalar(
        select(m.SignedRevision)
        .where(m.SignedRevision.agreement_id == agreement_id)
        .order_by(m.SignedRevision.revision.desc())
        .limit(1)
    )


def _copies(session: Session, revision_id: int) -> list[m.SignedCopy]:
    return list(
        session.scalars(
            select(m.SignedCopy).where(m.SignedCopy.signed_revision_id == revision_id).order_by(m.SignedCopy.id)
        )
    )


def _record(session: Session, row: m.SignedRevision) -> SignedRevisionRecord:
    content = snap.from_json(row.content)
    return SignedRevisionRecord(
        id=row.id,
        agreement_id=row.agreement_id,
        revision=row.revision,
        signed_place=row.signed_place,
        signed_on=row.signed_on,
        source=row.source,
        content_sha256=row.content_sha256,
        pdf_sha256=row.pdf_sha256,
        pdf_size=row.pdf_size,
        recorded_at=row.recorded_at,
        recorded_by=row.recorded_by,
        signatories=tuple(
            (party.organisation.name, tuple((sig.name, sig.title) for sig in party.signatories))
            for party in content.parties
        ),
        copies=tuple(_copy_record(copy) for copy in _copies(session, row.id)),
        log_anchor=_anchor_of(session, row),
    )


def _anchor_of(session: Session, row: m.SignedRevision) -> LogAnchor | None:
    """The log head a revision was frozen with (None for revisions frozen before schema 6)."""
    if row.log_entries is None or row.log_head is None:
        return None
    database_id = session.scalar(select(m.DatabaseIdentity.database_id)) or ""
    return LogAnchor(entries=row.log_entries, head=row.log_head, database_id=database_id)


def _copy_record(row: m.SignedCopy) -> SignedCopyRecord:
    return SignedCopyRecord(
        id=row.id, signed_revision_id=row.signed_revision_id, file_name=row.file_name, sha256=row.sha256,
        size=row.size, attached_at=row.attached_at, attached_by=row.attached_by,
    )
