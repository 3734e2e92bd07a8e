"""Safety-walk findings made for the report tests: "7 av 9 åtgärdade" at the end of Solna's tertial 2 2022."""

from __future__ import annotations

from datetime import date

from promises_app.services import Services

TODAY = date(2022, 9, 1)


def without_walks(services: Services, agreement_id: int) -> None:
    """The agreement without the demo's own safety walks (taken away through the services)."""
    for walk in services.walks.list_walks(agreement_id):
        services.walks.delete_walk(walk.id)


def nine_findings(services: Services, agreement_id: int) -> None:
    """In place of the demo's walks, nine findings by 31 August 2022: seven dealt with, one
    declined, one open; one more after."""
    without_walks(services, agreement_id)
    walk = services.walks.create_walk(agreement_id, walked_on="2021-10-05", place="Hagalund",
                                      participants="Anna Andersson")
    for n in range(7):
        services.walks.add_finding(walk.id, text=f"Fynd {n}", status="dealt_with", dealt_on="2022-03-01", today=TODAY)
    services.walks.add_finding(walk.id, text="Privat mark", status="declined", dealt_on="2022-03-02",
                               reason="Fastighetsägarens ansvar", today=TODAY)
    services.walks.add_finding(walk.id, text="Fortfarande öppet")
    # Dealt with after T2 ended: still open as T2's report counts it; a walk after T2 is not counted.
    later = services.walks.create_walk(agreement_id, walked_on="2022-09-01")
    services.walks.add_finding(later.id, text="Efter perioden")
