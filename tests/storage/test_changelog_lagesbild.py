import sqlite3
from datetime import date

from promises_app.services import Services
from tests.storage._support import helsingborg_document


def test_deleting_a_draft_logs_its_lagesbild_rows(services: Services, db_path) -> None:
    document = helsingborg_document("Helsingborg, utkast")
    document["agreement"]["state"] = "draft"
    agreement_id = services.exchange.import_document(document, backup=False).agreement_ids[0]
    walk = services.walks.create_walk(agreement_id, walked_on=date(2022, 5, 1), place="Centrum")
    services.walks.add_finding(walk.id, text="Mörk gångväg")
    services.walks.add_source(agreement_id, text="Polisens trygghetsmätning 2021")
    indicator = services.indicators.create_indicator(name="Andel trygga")
    services.indicators.link_to_agreement(agreement_id, indicator.id)
    services.agreements.delete_agreement(agreement_id)
    with sqlite3.connect(db_path) as raw:
        deleted = {row[0] for row in raw.execute("SELECT entity FROM change_log WHERE action = 'delete'")}
        assert raw.execute("SELECT count(*) FROM safety_walks").fetchone()[0] == 0
    assert {"safety_walks", "walk_findings", "situation_sources", "agreement_indicators"} <= deleted
    assert services.maintenance.verify_database().ok
