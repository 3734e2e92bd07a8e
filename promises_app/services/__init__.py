"""Use cases. Each public method is one user action: one transaction, plain records out.

``Services(db)`` bundles them so the window and the command line share one entry point.
"""

from __future__ import annotations

from promises_app.services.agreements import AgreementService
from promises_app.services.exchange import ExchangeService
from promises_app.services.followups import FollowUpService
from promises_app.services.maintenance import MaintenanceService
from promises_app.services.plan import PlanService
from promises_app.services.register import RegisterService
from promises_app.storage.database import Database


class Services:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.register = RegisterService(db)
        self.agreements = AgreementService(db)
        self.plan = PlanService(db)
        self.follow_ups = FollowUpService(db)
        self.exchange = ExchangeService(db)
        self.maintenance = MaintenanceService(db)
