"""`promises-app findings-geojson`: the findings with coordinates as GeoJSON for a map service."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from promises_app.services import Services
from promises_app.storage.database import open_database
from tests.cli_support import run_cli

SOLNA = "Solna – medborgarlöften 2022"
#: The demo's cooperation agreement above Solna's promise: it has no safety walks of its own.
SOLNA_COOPERATION = "Samverkansöverenskommelse mellan Solna stad och lokalpolisområde Solna 2022–2024"
#: The demo's own findings with coordinates in Solna's promise (resources/demo/solna-2022.json).
DEMO_FINDINGS = 6


def _walk_with_findings(db_path: Path) -> None:
    database = open_database(db_path, create=False)
    try:
        services = Services(database)
        (solna,) = [a for a in services.agreements.list_agreements() if a.title == SOLNA]
        walk = services.walks.create_walk(solna.id, walked_on="2021-10-05", place="Hagalund",
                                          participants="Anna Andersson (boende)")
        services.walks.add_finding(walk.id, text="Mörk gångväg", place="Hagalundsparken",
                                   latitude=59.3612, longitude=18.0101)
        services.walks.add_finding(walk.id, text="Klotter", status="dealt_with", dealt_on="2021-11-02",
                                   latitude=59.36, longitude=18.02)
        services.walks.add_finding(walk.id, text="Saknar koordinater")
    finally:
        database.close()


def test_findings_geojson_writes_lon_lat_points_and_counts_the_rest(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _walk_with_findings(demo_db)
    target = tmp_path / "fynd.geojson"
    code, out, err = run_cli(capsys, "--db", str(demo_db), "findings-geojson", SOLNA, "-o", str(target))
    assert code == 0, err
    assert f"Exporterade {DEMO_FINDINGS + 2} fynd" in out and "1 fynd saknar koordinater och kom inte med." in out
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["type"] == "FeatureCollection"
    added = [f for f in document["features"] if f["properties"]["fynd"] in ("Mörk gångväg", "Klotter")]
    assert [f["geometry"]["coordinates"] for f in added] == [[18.0101, 59.3612], [18.02, 59.36]]
    assert [f["properties"]["status"] for f in added] == ["Öppen", "Åtgärdad"]
    assert "Anna" not in target.read_text(encoding="utf-8")


def test_findings_geojson_of_an_agreement_without_findings_is_an_empty_collection(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tom.geojson"
    code, out, err = run_cli(capsys, "--db", str(demo_db), "findings-geojson", SOLNA_COOPERATION, "-o", str(target))
    assert code == 0, err
    assert "Exporterade 0 fynd" in out and "saknar koordinater" not in out
    assert json.loads(target.read_bytes()) == {"type": "FeatureCollection", "features": []}


def test_findings_geojson_of_an_unknown_agreement_writes_nothing(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "x.geojson"
    code, _, err = run_cli(capsys, "--db", str(demo_db), "findings-geojson", "Finns inte", "-o", str(target))
    assert code == 1 and "Finns inte" in err
    assert not target.exists()
