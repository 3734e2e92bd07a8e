"""A period's follow-up adopted and kept (fastställd uppföljning).

A council (trygghetsrådet) or the municipal board (kommunstyrelsen) adopts the follow-up
report of a reporting period at a meeting: ``adopt`` records who adopted it, the date, the
protocol's paragraph and the case number, and keeps the report as it was adopted as version N
of the period: its content as canonical JSON with its SHA-256, the choices it was made with,
and the PDF/A made then (bytes, SHA-256, size), all in one transaction with the read of the
data it shows. A row is never changed again (storage/signed_guard.py, and triggers against
raw SQL); every print of version N gives back exactly its bytes, checked against their hash.

Follow-ups of an adopted period can still be corrected. The adopted version does not follow:
a correction is published by adopting the period again, as version N+1, listed beside N
(reports/adopted_document.py compares an adopted version with the data now).

The report is made by the caller's ``render`` (the reports package): the services do not
depend on the document engine, and the PDF is made in the transaction that keeps it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, undefer

from promises_app.domain import periods as period_rules
from promises_app.domain.log_anchor import LogAnchor
from promises_app.domain.validation import INTEGER_MAX, INTEGER_MIN, Checker, shorten
from promises_app.services.base import Service, get_row
from promises_app.services.errors import ServiceError, SignedRecordError
from promises_app.services.records import AdoptedReportRecord
from promises_app.services.report_source import ReportSource, read_source
from promises_app.storage import models as m
from promises_app.storage.changelog import check_anchor, current_account, utc_timestamp

BODY_MAX = 200
PARAGRAPH_MAX = 40
CASE_NUMBER_MAX = 100
#: A report's choices as JSON are a few hundred characters ("Nästa steg" included).
OPTIONS_MAX = 20_000


@dataclass(frozen=True)
class Adoption:
    """The adoption as the report prints it: which version, by whom, when, § and dnr, and the versions before."""

    agreement_id: int
    period: str
    report_version: int
    adopted_by: str
    adopted_on: date
    paragraph: str
    case_number: str
    report_date: date
    #: The report's choices as JSON (made and read by reports/adopted_document.py).
    options: str
    #: The versions of the same period adopted before this one, oldest first.
    earlier: tuple[AdoptedReportRecord, ...] = ()

    @classmethod
    def of(cls, record: AdoptedReportRecord, earlier: tuple[AdoptedReportRecord, ...]) -> Adoption:
        """The adoption a kept version was made with (to make its content again from the data now)."""
        return cls(
            agreement_id=record.agreement_id, period=record.period, report_version=record.report_version,
            adopted_by=record.adopted_by, adopted_on=record.adopted_on, paragraph=record.paragraph,
            case_number=record.case_number, report_date=record.report_date, options=record.options,
            earlier=earlier,
        )


@dataclass(frozen=True)
class RenderedAdoption:
    """What the renderer makes of an adoption: the content as canonical JSON, and the PDF naming its hash."""

    content: str
    pdf: bytes


@dataclass(frozen=True)
class AdoptedPdf:
    record: AdoptedReportRecord
    #: The PDF exactly as adopted (checked against its SHA-256).
    pdf: bytes


#: Makes the adopted report from the data (read in the adoption's transaction) and the adoption.
AdoptedRenderer = Callable[[ReportSource, Adoption], RenderedAdoption]


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normal_paragraph(text: str) -> str:
    """"45", "§45" and "§ 45" are all written "§ 45"; anything else ("KS § 12 a") as typed."""
    text = " ".join(text.split())
    bare = re.fullmatch(r"§?\s*([0-9]+\s?[a-zA-Z]?)", text)
    return f"§ {bare.group(1)}" if bare else text


class AdoptionService(Service):
    # --- adopting -------------------------------------------------------------------------------
    def adopt(
        self,
        agreement_id: int,
        period: str,
        *,
        adopted_by: str,
        adopted_on: date | str,
        paragraph: str,
        case_number: str = "",
        report_date: date | str | None = None,
        options: str,
        render: AdoptedRenderer,
        today: date | None = None,
    ) -> AdoptedReportRecord:
        """Record that ``adopted_by`` adopted the follow-up of ``period`` and keep the report as version N.

        ``report_date`` is the day the report is made as of (None: the adoption's day); it cannot
        come after the adoption. Raises ValidationError naming the field: a period the agreement
        lacks, no body, a date that is no date, lies in the future or before the period began, no
        paragraph, a text too long.
        """
        self.db.require_intact("Fastställandet")
        with self.db.write() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            check = Checker()
            chosen: period_rules.Period | None = None
            try:
                chosen = period_rules.find_period(
                    agreement.start_date, agreement.end_date, agreement.reporting_scheme, period
                )
            except period_rules.PeriodLabelError as error:
                check.add("period", f"Period: {error}")
            body = check.text("adopted_by", adopted_by, label="Fastställd av", max_length=BODY_MAX, required=True)
            day = check.date_value("adopted_on", adopted_on, label="Datum för fastställandet", required=True)
            section = normal_paragraph(
                check.text("paragraph", paragraph, label="Paragraf", max_length=PARAGRAPH_MAX, required=True)
            )
            case = check.text("case_number", case_number, label="Diarienummer", max_length=CASE_NUMBER_MAX)
            as_of = check.date_value("report_date", report_date, label="Rapportdatum", required=False) or day
            if len(options) > OPTIONS_MAX:
                check.add("options", "Rapportens val är för långa (Nästa steg: högst några sidor text).")
            if day is not None:
                if day > (today or date.today()):
                    check.add("adopted_on", f"Datum för fastställandet ({day.isoformat()}) ligger i framtiden.")
                if chosen is not None and day < chosen.start:
                    check.add("adopted_on", f"Datum för fastställandet ({day.isoformat()}) ligger före perioden "
                              f"{chosen.label} (som börjar {chosen.start.isoformat()}): en uppföljning fastställs "
                              "tidigast när perioden har börjat.")
                if as_of is not None and as_of > day:
                    check.add("report_date", f"Rapportdatum ({as_of.isoformat()}) ligger efter fastställandet "
                              f"({day.isoformat()}): rapporten som fastställdes var skriven före mötet.")
            check.raise_if_any()
            assert chosen is not None and day is not None and as_of is not None  # checked above
            earlier = tuple(_record(row, s, latest=False) for row in _versions(s, agreement_id, chosen.label))
            adoption = Adoption(
                agreement_id=agreement_id, period=chosen.label, report_version=len(earlier) + 1,
                adopted_by=body, adopted_on=day, paragraph=section, case_number=case, report_date=as_of,
                options=options, earlier=earlier,
            )
            source = read_source(s, agreement_id)  # the data the report shows, in this transaction
            rendered = render(source, adoption)
            anchor = source.log_anchor
            row = m.AdoptedReport(
                agreement_id=agreement_id, period=adoption.period, report_version=adoption.report_version,
                adopted_by=body, adopted_on=day, paragraph=section, case_number=case, report_date=as_of,
                options=options, content=rendered.content, content_sha256=sha256_text(rendered.content),
                pdf=rendered.pdf, pdf_sha256=hashlib.sha256(rendered.pdf).hexdigest(), pdf_size=len(rendered.pdf),
                recorded_at=utc_timestamp(), recorded_by=current_account(s.connection()),
                log_entries=anchor.entries, log_head=anchor.head,
            )
            if s.scalar(select(m.AdoptedReport.id).where(m.AdoptedReport.content_sha256 == row.content_sha256)):
                raise ServiceError("Exakt samma rapport är redan fastställd och sparad.")  # the hash is unique
            s.add(row)
            s.flush()
            return _record(row, s, latest=True)

    # --- reading --------------------------------------------------------------------------------
    def list_adopted(self, agreement_id: int, period: str | None = None) -> list[AdoptedReportRecord]:
        """The agreement's adopted follow-ups (of ``period`` only, when given): by period, then version."""
        with self.db.read() as s:
            get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            query = select(m.AdoptedReport).where(m.AdoptedReport.agreement_id == agreement_id)
            if period is not None:
                query = query.where(m.AdoptedReport.period == period)
            rows = s.scalars(query.order_by(m.AdoptedReport.period, m.AdoptedReport.report_version)).all()
            anchor_id = _database_id(s)
            latest = {row.period: row.report_version for row in rows}
            return [_record(row, database_id=anchor_id, latest=latest[row.period] == row.report_version)
                    for row in rows]

    def printable(self, agreement_id: int, period: str, version: int | None = None) -> AdoptedPdf:
        """Version ``version`` (None: the latest) of the period's adopted report, with its PDF as adopted.

        Raises ServiceError naming the versions there are, and SignedRecordError when the kept
        PDF no longer matches its SHA-256 (changed behind the program's back).
        """
        with self.db.read() as s:
            row, versions = _version_row(s, agreement_id, period, version)
            pdf = bytes(row.pdf)
            if hashlib.sha256(pdf).hexdigest() != row.pdf_sha256 or len(pdf) != row.pdf_size:
                raise SignedRecordError(
                    f"Den sparade PDF:en för den fastställda uppföljningen {row.period} version {row.report_version} "
                    "stämmer inte med sin kontrollsumma: den har ändrats efter fastställandet. Kör «Kontrollera "
                    "databasen» (verify-db) och återställ en säkerhetskopia."
                )
            return AdoptedPdf(_record(row, s, latest=row is versions[-1]), pdf)

    def content_text(self, record_id: int) -> str:
        """The kept content (canonical JSON) of an adopted version."""
        with self.db.read() as s:
            return get_row(s, m.AdoptedReport, record_id, "Den fastställda uppföljningen").content

    def find_by_content_hash(self, content_sha256: str) -> AdoptedReportRecord | None:
        with self.db.read() as s:
            row = s.scalar(select(m.AdoptedReport).where(m.AdoptedReport.content_sha256 == content_sha256))
            return None if row is None else _record(row, s, latest=_is_latest(s, row))

    def find_by_pdf_hash(self, pdf_sha256: str) -> AdoptedReportRecord | None:
        with self.db.read() as s:
            row = s.scalar(select(m.AdoptedReport).where(m.AdoptedReport.pdf_sha256 == pdf_sha256).limit(1))
            return None if row is None else _record(row, s, latest=_is_latest(s, row))

    # --- checking -------------------------------------------------------------------------------
    def verify_adopted(self) -> list[str]:
        with self.db.read() as s:
            return adopted_problems(s)

    def count_adopted(self) -> int:
        with self.db.read() as s:
            return int(s.scalar(select(func.count()).select_from(m.AdoptedReport)) or 0)


def adopted_problems(session: Session) -> list[str]:
    """What is wrong with the kept adopted reports: content or PDF that no longer matches its hash,
    content of another agreement or period, a version missing, a log head the log no longer holds."""
    problems: list[str] = []
    titles = {row.id: row.title for row in session.execute(select(m.Agreement.id, m.Agreement.title))}
    numbers: dict[tuple[int, str], list[int]] = {}
    rows = session.scalars(
        select(m.AdoptedReport)
        .options(undefer(m.AdoptedReport.content), undefer(m.AdoptedReport.pdf))
        .order_by(m.AdoptedReport.id)
    )
    database_id = _database_id(session)
    for row in rows:
        numbers.setdefault((row.agreement_id, row.period), []).append(row.report_version)
        where = _where(row, titles)
        if sha256_text(row.content) != row.content_sha256:
            problems.append(f"{where}: innehållet stämmer inte med den sparade kontrollsumman "
                            "(ändrat i efterhand, eller kontrollsumman ändrad).")
        elif not _content_belongs(row):
            problems.append(f"{where}: innehållet hör till en annan överenskommelse eller period.")
        if hashlib.sha256(row.pdf).hexdigest() != row.pdf_sha256 or len(row.pdf) != row.pdf_size:
            problems.append(f"{where}: den sparade PDF:en stämmer inte med sin kontrollsumma.")
        anchor = LogAnchor(entries=row.log_entries, head=row.log_head, database_id=database_id)
        if (reason := check_anchor(session.connection(), anchor)) is not None:
            problems.append(f"{where}: när den fastställdes hade ändringsloggen {anchor.entries} poster, men {reason}.")
    for (agreement_id, period), versions in sorted(numbers.items()):
        missing = sorted(set(range(1, max(versions) + 1)) - set(versions))
        if missing:
            title = _cut(titles.get(agreement_id, str(agreement_id)))
            problems.append(
                f"«{title}», fastställd uppföljning {period}: version {', '.join(map(str, missing))} saknas "
                f"(version {', '.join(map(str, sorted(versions)))} finns); den har tagits bort ur databasen."
            )
    return problems


# --- helpers ------------------------------------------------------------------------------------
def _content_belongs(row: m.AdoptedReport) -> bool:
    """The kept content names the row's agreement and period (its canonical JSON's own fields)."""
    try:
        content = json.loads(row.content)
    except ValueError:
        return False
    return (isinstance(content, dict) and content.get("agreement_id") == row.agreement_id
            and content.get("period_label") == row.period)


def _where(row: m.AdoptedReport, titles: dict[int, str]) -> str:
    title = _cut(titles.get(row.agreement_id, str(row.agreement_id)))
    return f"Den fastställda uppföljningen {row.period} version {row.report_version} av «{title}»"


def _cut(text: str) -> str:
    return shorten(text)  # the one quoting helper (domain/validation): ~80 characters, escaped


def _versions(session: Session, agreement_id: int, period: str) -> list[m.AdoptedReport]:
    return list(session.scalars(
        select(m.AdoptedReport)
        .where(m.AdoptedReport.agreement_id == agreement_id, m.AdoptedReport.period == period)
        .order_by(m.AdoptedReport.report_version)
    ))


def _is_latest(session: Session, row: m.AdoptedReport) -> bool:
    newest = session.scalar(
        select(func.max(m.AdoptedReport.report_version))
        .where(m.AdoptedReport.agreement_id == row.agreement_id, m.AdoptedReport.period == row.period)
    )
    return newest == row.report_version


def _version_row(
    session: Session, agreement_id: int, period: str, version: int | None
) -> tuple[m.AdoptedReport, list[m.AdoptedReport]]:
    """Version ``version`` (None: the latest) of the period, and all the period's versions."""
    agreement = get_row(session, m.Agreement, agreement_id, "Överenskommelsen")
    label = period.strip()
    try:
        label = period_rules.find_period(agreement.start_date, agreement.end_date, agreement.reporting_scheme,
                                         period).label
    except period_rules.PeriodLabelError:
        pass  # a period the agreement no longer has may still have been adopted: looked up as given
    rows = _versions(session, agreement_id, label)
    if version is None and rows:
        return rows[-1], rows
    found = next((row for row in rows if row.report_version == version), None)
    if found is None or (version is not None and not INTEGER_MIN <= version <= INTEGER_MAX):
        known = ", ".join(str(row.report_version) for row in rows)
        which = "någon fastställd uppföljning" if version is None else f"någon fastställd version {shorten(version)}"
        raise ServiceError(
            f"«{agreement.title}» har inte {which} av perioden {shorten(label)}"
            + (f" (fastställda versioner: {known})." if known else " (ingen version är fastställd).")
        )
    return found, rows


def _database_id(session: Session) -> str:
    return session.scalar(select(m.DatabaseIdentity.database_id)) or ""


def _record(
    row: m.AdoptedReport, session: Session | None = None, *, database_id: str | None = None, latest: bool = True
) -> AdoptedReportRecord:
    if database_id is None:
        database_id = _database_id(session) if session is not None else ""
    return AdoptedReportRecord(
        id=row.id, agreement_id=row.agreement_id, period=row.period, report_version=row.report_version,
        adopted_by=row.adopted_by, adopted_on=row.adopted_on, paragraph=row.paragraph, case_number=row.case_number,
        report_date=row.report_date, options=row.options, content_sha256=row.content_sha256,
        pdf_sha256=row.pdf_sha256, pdf_size=row.pdf_size, recorded_at=row.recorded_at, recorded_by=row.recorded_by,
        log_anchor=LogAnchor(entries=row.log_entries, head=row.log_head, database_id=database_id),
        latest=latest,
    )
