"""Use cases. Each public method is one user action: one transaction, plain records out.

``Services(db)`` bundles them so the window and the command line share one entry point. Each
service is made (and its module imported) when first used: the window shows its agreement
list (``agreement_list``) before the rest, and the ORM with them, have loaded.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from promises_app.services.agreement_list import AgreementListService
from promises_app.storage.database import Database, open_database
from promises_app.storage.locations import default_database_path
from promises_app.storage.startup_check import CheckState, StartupCheck

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from promises_app.services.adoptions import AdoptionService
    from promises_app.services.agreements import AgreementService
    from promises_app.services.backups import BackupService
    from promises_app.services.carry_over import CarryOverService
    from promises_app.services.exchange import ExchangeService
    from promises_app.services.followups import FollowUpService
    from promises_app.services.indicator_import import IndicatorImportService
    from promises_app.services.indicators import IndicatorService
    from promises_app.services.logos import LogoService
    from promises_app.services.maintenance import MaintenanceService
    from promises_app.services.measure_paste import MeasurePasteService
    from promises_app.services.overview import OverviewService
    from promises_app.services.owner_packs import OwnerPackService
    from promises_app.services.owner_reports import OwnerReportService
    from promises_app.services.period_follow_ups import PeriodFollowUpService
    from promises_app.services.plan import PlanService
    from promises_app.services.privacy import PrivacyService
    from promises_app.services.register import RegisterService
    from promises_app.services.reminders import ReminderService
    from promises_app.services.report_source import ReportSourceService
    from promises_app.services.row_now import RowNowService
    from promises_app.services.signoff import SignOffService
    from promises_app.services.starter_set import StarterSetService
    from promises_app.services.walks import WalkService

__all__ = ["CheckState", "Services", "StartupCheck", "default_database_path", "open_services"]


class Services:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.agreement_list = AgreementListService(db)

    @cached_property
    def register(self) -> RegisterService:
        from promises_app.services.register import RegisterService

        return RegisterService(self.db)

    @cached_property
    def agreements(self) -> AgreementService:
        from promises_app.services.agreements import AgreementService

        return AgreementService(self.db)

    @cached_property
    def plan(self) -> PlanService:
        from promises_app.services.plan import PlanService

        return PlanService(self.db)

    @cached_property
    def measure_paste(self) -> MeasurePasteService:
        from promises_app.services.measure_paste import MeasurePasteService

        return MeasurePasteService(self.db)

    @cached_property
    def follow_ups(self) -> FollowUpService:
        from promises_app.services.followups import FollowUpService

        return FollowUpService(self.db)

    @cached_property
    def exchange(self) -> ExchangeService:
        from promises_app.services.exchange import ExchangeService

        return ExchangeService(self.db)

    @cached_property
    def maintenance(self) -> MaintenanceService:
        from promises_app.services.maintenance import MaintenanceService

        return MaintenanceService(self.db)

    @cached_property
    def logos(self) -> LogoService:
        from promises_app.services.logos import LogoService

        return LogoService(self.db)

    @cached_property
    def privacy(self) -> PrivacyService:
        from promises_app.services.privacy import PrivacyService

        return PrivacyService(self.db)

    @cached_property
    def backups(self) -> BackupService:
        from promises_app.services.backups import BackupService

        return BackupService(self.db)

    @cached_property
    def period_follow_ups(self) -> PeriodFollowUpService:
        from promises_app.services.period_follow_ups import PeriodFollowUpService

        return PeriodFollowUpService(self.db)

    @cached_property
    def signoff(self) -> SignOffService:
        from promises_app.services.signoff import SignOffService

        return SignOffService(self.db)

    @cached_property
    def adoptions(self) -> AdoptionService:
        from promises_app.services.adoptions import AdoptionService

        return AdoptionService(self.db)

    @cached_property
    def indicators(self) -> IndicatorService:
        from promises_app.services.indicators import IndicatorService

        return IndicatorService(self.db)

    @cached_property
    def indicator_import(self) -> IndicatorImportService:
        from promises_app.services.indicator_import import IndicatorImportService

        return IndicatorImportService(self.db)

    @cached_property
    def starter_set(self) -> StarterSetService:
        from promises_app.services.starter_set import StarterSetService

        return StarterSetService(self.db)

    @cached_property
    def walks(self) -> WalkService:
        from promises_app.services.walks import WalkService

        return WalkService(self.db)

    @cached_property
    def carry_over(self) -> CarryOverService:
        from promises_app.services.carry_over import CarryOverService

        return CarryOverService(self.db)

    @cached_property
    def overview(self) -> OverviewService:
        from promises_app.services.overview import OverviewService

        return OverviewService(self.db)

    @cached_property
    def owner_packs(self) -> OwnerPackService:
        from promises_app.services.owner_packs import OwnerPackService

        return OwnerPackService(self.db)

    @cached_property
    def owner_reports(self) -> OwnerReportService:
        from promises_app.services.owner_reports import OwnerReportService

        return OwnerReportService(self.db)

    @cached_property
    def reminders(self) -> ReminderService:
        from promises_app.services.reminders import ReminderService

        return ReminderService(self.db)

    @cached_property
    def rows_now(self) -> RowNowService:
        from promises_app.services.row_now import RowNowService

        return RowNowService(self.db)

    @cached_property
    def reports(self) -> ReportSourceService:
        from promises_app.services.report_source import ReportSourceService

        return ReportSourceService(self.db)


def open_services(
    path: Path | str | URL,
    *,
    create: bool = True,
    exclusive: bool = False,
    allow_read_only: bool = False,
    check_later: bool = False,
    password: str | None = None,
) -> Services:
    """Open (or create) the database file at ``path`` and the services over it.

    Raises ``services.errors.DatabaseOpenError`` (naming the path) for a file that is not
    ours, is newer, damaged, missing with ``create=False``, or (``exclusive``, for the window
    and commands that write) held by another running copy; the file is then left untouched.
    A file that cannot be written opens for reading only where that will do (see
    storage/database.open_database): ``services.db.read_only`` then says why. ``check_later``
    (the window): the start-up check runs in the background and every write waits for it
    (``services.db.startup_check``, storage/startup_check.py). ``path`` may be a shared
    database's URL, and ``password`` one the person typed for it (storage/server.py).
    """
    return Services(
        open_database(
            path, create=create, exclusive=exclusive, allow_read_only=allow_read_only, check_later=check_later,
            password=password,
        )
    )
