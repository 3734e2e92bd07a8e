"""Integrity checks and the demo data."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, text

from promises_app.domain.log_anchor import LogAnchor
from promises_app.paths import resource
from promises_app.services.adoptions import adopted_problems
from promises_app.services.base import Service
from promises_app.services.demo_situation import add_demo_situation
from promises_app.services.exchange import ExchangeService, ImportResult, check_document, parse
from promises_app.services.signoff import PdfRenderer, SignOffService, plan_problems, revision_problems
from promises_app.storage import models as m
from promises_app.storage.changelog import check_anchor, current_anchor, verify_chain
from promises_app.storage.log_audit import audit
from promises_app.storage.signed_guard import LOCKED_STATES

DEMO_FILES = ("solna-2022.json", "helsingborg-2018-2022.json")


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    problems: tuple[str, ...]
    agreements: int
    measures: int
    follow_ups: int


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    problems: tuple[str, ...]
    entries: int
    #: How many signed revisions were checked.
    revisions: int = 0
    #: Not tampering, but worth knowing: a signed revision's PDF no longer comes out byte for
    #: byte as at signing (another version of the program or of ReportLab).
    warnings: tuple[str, ...] = ()
    #: How many signed or closed agreements had their live plan compared with what was signed.
    signed_agreements: int = 0
    #: For each anchor checked (its label: a file name, or the head as typed): None when the
    #: database still holds it, else why not.
    anchors: tuple[tuple[str, str | None], ...] = ()
    #: How many adopted follow-up reports (every version) were checked.
    adopted: int = 0


class MaintenanceService(Service):
    def check(self) -> CheckResult:
        """The storage's full integrity and reference checks, with a short content summary."""
        problems = self.db.integrity_problems()
        with self.db.read() as s:
            counts = [
                s.scalar(select(text("count(*)")).select_from(table))
                for table in (m.Agreement.__table__, m.Measure.__table__, m.FollowUp.__table__)
            ]
        return CheckResult(not problems, tuple(problems), *(int(c or 0) for c in counts))

    def verify_database(
        self, *, render_pdf: PdfRenderer | None = None, anchors: Sequence[tuple[str, LogAnchor]] = ()
    ) -> VerifyResult:
        """Is the database what the program wrote? All of it read in one transaction.

        Problems come in order: the change log (its chain, first break first, and whether it
        ends where its head says); the signed revisions (their hashes, numbering, and the log
        head each was signed with); the adopted follow-up reports (the same, per period);
        each signed agreement's live plan against what was signed;
        every row against what the log says of it (storage/log_audit.py); then each of
        ``anchors`` (a log head printed in a PDF the program wrote): does the log still hold it?
        With ``render_pdf`` (the renderer of revisions signed before schema 7) and no problem
        found, each such revision's PDF, of which only the hash was kept, is also made again and
        compared with that hash (a mismatch is a warning).
        """
        with self.db.read() as s:
            connection = s.connection()
            problems = verify_chain(connection)
            entries = int(s.scalar(select(text("count(*)")).select_from(m.ChangeLogEntry.__table__)) or 0)
            problems += revision_problems(s)
            problems += adopted_problems(s)
            problems += plan_problems(s)
            problems += audit(connection)
            checked = tuple((label, check_anchor(connection, anchor)) for label, anchor in anchors)
            problems += [f"{label}: {reason}." for label, reason in checked if reason is not None]
            revisions = int(s.scalar(select(func.count()).select_from(m.SignedRevision)) or 0)
            adopted = int(s.scalar(select(func.count()).select_from(m.AdoptedReport)) or 0)
            signed_agreements = int(
                s.scalar(select(func.count()).select_from(m.Agreement).where(m.Agreement.state.in_(LOCKED_STATES)))
                or 0
            )
        signoff = SignOffService(self.db)
        warnings = signoff.check_pdfs(render_pdf) if render_pdf is not None and not problems else []
        return VerifyResult(
            ok=not problems, problems=tuple(problems), entries=entries, revisions=revisions,
            warnings=tuple(warnings), signed_agreements=signed_agreements, anchors=checked, adopted=adopted,
        )

    def log_anchor(self) -> LogAnchor:
        """The change log's head now, with the database's id: what a printed document carries."""
        with self.db.read() as s:
            return current_anchor(s.connection())

    def has_demo_data(self) -> bool:
        with self.db.read() as s:
            return s.scalar(select(m.Agreement.id).limit(1)) is not None

    def load_demo(self, *, skip_titles: Collection[str] = ()) -> list[ImportResult]:
        """Import the demo agreements (Solna 2022 under a cooperation agreement; Helsingborg 2018–2022)
        with their safety walks and findings, lägesbild sources and indicators.

        A demo agreement whose title is in ``skip_titles`` (already there) is not imported again.
        """
        documents = [check_document(parse(resource("demo", name).read_bytes())) for name in DEMO_FILES]
        wanted = [d for d in documents if d["agreement"]["title"] not in skip_titles]
        # One transaction for all of them, their lägesbild included (services/demo_situation.py):
        # a crash in the middle leaves no half demo behind.
        if not wanted:
            return []
        return ExchangeService(self.db).import_documents(wanted, backup=False, also=add_demo_situation)
