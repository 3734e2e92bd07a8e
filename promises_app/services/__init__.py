"""Use cases. Each public method is one user action: one transaction, plain records out.

``Services(db)`` bundles them so the window and the command line share one entry point.
"""

from __future__ import annotations

from pathlib import Path

from promises_app.services.agreements import AgreementService
from promises_app.services.backups import BackupService
from promises_app.services.carry_over import CarryOverService
from promises_app.services.exchange import ExchangeService
from promises_app.services.followups import FollowUpService
from promises_app.services.indicator_import import IndicatorImportService
from promises_app.services.indicators import IndicatorService
from promises_app.services.logos import LogoService
from promises_app.services.maintenance import MaintenanceService
from promises_app.services.overview import OverviewService
from promises_app.services.plan import PlanService
from promises_app.services.privacy import PrivacyService
from promises_app.services.register import RegisterService
from promises_app.services.signoff import SignOffService
from promises_app.services.walks import WalkService
from promises_app.storage.database import Database, open_database
from promises_app.storage.locations import default_database_path

__all__ = ["Services", "default_database_path", "open_services"]


class Services:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.register = RegisterService(db)
        self.agreements = AgreementService(db)
        self.plan = PlanService(db)
        self.follow_ups = FollowUpService(db)
        self.exchange = ExchangeService(db)
        self.maintenance = MaintenanceService(db)
        self.logos = LogoService(db)
        self.privacy = PrivacyService(db)
        self.backups = BackupService(db)
        self.signoff = SignOffService(db)
        self.indicators = IndicatorService(db)
        self.indicator_import = IndicatorImportService(db)
        self.walks = WalkService(db)
        self.carry_over = CarryOverService(db)
        self.overview = OverviewService(db)


def open_services(
    path: Path | str, *, create: bool = True, exclusive: bool = False, allow_read_only: bool = False
) -> Services:
    """Open (or create) the database file at ``path`` and the services over it.

    Raises ``services.errors.DatabaseOpenError`` (naming the path) for a file that is not
    ours, is newer, damaged, missing with ``create=False``, or (``exclusive``, for the window
    and commands that write) held by another running copy; the file is then left untouched.
    A file that cannot be written opens for reading only where that will do (see
    storage/database.open_database): ``services.db.read_only`` then says why.
    """
    return Services(open_database(path, create=create, exclusive=exclusive, allow_read_only=allow_read_only))
