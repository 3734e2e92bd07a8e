"""`promises-app reminders`: the .eml files and the calendar written to a folder, and what is printed."""

from __future__ import annotations

import email
import email.policy
import io
from pathlib import Path

import icalendar
import openpyxl
import pytest

from promises_app.services import Services, open_services
from tests.cli_support import run_cli

SOLNA = "Solna – medborgarlöften"


def _person(services: Services, name: str) -> int:
    return next(p.id for p in services.register.list_people() if p.name == name)


def _reminders(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    return run_cli(capsys, "--db", str(db), "reminders", *args)


def test_writes_one_eml_per_contact_person_and_a_calendar(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ut" / "påminnelser"  # made, parents and all
    code, out, err = _reminders(capsys, demo_db, SOLNA, "--period", "2022-T3", "-o", str(folder),
                                "--today", "2022-09-01")
    assert code == 0, err
    written = sorted(p.name for p in folder.iterdir())
    assert written == [
        "Påminnelse 2022-T3 Erik Exempelsson.eml", "Påminnelse 2022-T3 Jonas Exempelsson.eml",
        "Påminnelse 2022-T3 Lina Exempeldotter.eml", "Påminnelse 2022-T3 Maria Exempeldotter.eml",
        "Påminnelse 2022-T3 Sara Exempeldotter.eml", "Rapportdatum och sista dagar 2022-T3.ics",
    ]
    assert "rapporten önskas senast 2023-01-07" in out  # a week after T3 ends
    assert ("Påminnelse 2022-T3 Sara Exempeldotter.eml: till Sara Exempeldotter "
            "<sara.exempeldotter@solna.example>: uppföljning saknas: 1, försenade: 1") in out
    assert f"Filerna finns i {folder}" in out and "Ingenting har skickats" in out

    message = email.message_from_bytes((folder / written[4]).read_bytes(), policy=email.policy.default)
    assert message["To"] == "Sara Exempeldotter <sara.exempeldotter@solna.example>"
    assert message["X-Unsent"] == "1" and message.get_content_type() == "multipart/mixed"
    body = message.get_body(preferencelist=("plain",))
    assert body is not None and "Skicka din rapport senast 7 januari 2023." in body.get_content()

    calendar = icalendar.Calendar.from_ical((folder / written[5]).read_bytes())
    summaries = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert summaries[0] == "Rapport om tertial 3 2022 senast i dag: Solna – medborgarlöften 2022"
    assert len(summaries) == 1 + 5  # the report day and the five measures' deadlines
    assert oct(folder.joinpath(written[0]).stat().st_mode & 0o777) == "0o600"  # owner-only, as every export

    # Sara's own report pack rides along: the workbook owner-packs writes for her, her measures in it.
    attached = [part for part in message.iter_attachments()]
    assert len(attached) == 1 and attached[0].get_filename().endswith(".xlsx")
    assert "bifogat: " + attached[0].get_filename() in out
    workbook = openpyxl.load_workbook(io.BytesIO(attached[0].get_content()))
    titles = {str(cell.value) for row in workbook.active.iter_rows() for cell in row if cell.value}
    services = open_services(demo_db, create=False)
    try:
        agreement = next(a for a in services.agreements.list_agreements() if a.title.startswith(SOLNA))
        pack = services.owner_packs.pack_for_person(agreement.id, "2022-T3", _person(services, "Sara Exempeldotter"))
        mine = [m.title for m in services.plan.list_measures(agreement.id) if m.id in pack.measure_ids]
    finally:
        services.db.close()
    assert attached[0].get_content() and mine and all(title in titles for title in mine)
    assert attached[0].get_filename() == pack.file_name


def test_running_again_replaces_the_files(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ut"
    args = (SOLNA, "--period", "2022-T3", "-o", str(folder), "--today", "2022-09-01")
    assert _reminders(capsys, demo_db, *args)[0] == 0
    code, out, err = _reminders(capsys, demo_db, *args, "--reply-by", "2022-12-20", "--days", "200")
    assert code == 0, err
    assert len(list(folder.iterdir())) == 6  # replaced, no second copy and no temporary file left
    text = (folder / "Påminnelse 2022-T3 Erik Exempelsson.eml").read_bytes()
    body = email.message_from_bytes(text, policy=email.policy.default).get_body(preferencelist=("plain",))
    assert body is not None and "senast 20 december 2022" in body.get_content()
    assert "sista dag snart" in out  # 200 days reach the deadlines at the end of the year


def test_measures_without_contact_person_and_people_without_address_are_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "egen.sqlite"
    services = open_services(db)
    try:
        town = services.register.create_organisation(name="Exempelstads kommun", kind="municipality")
        agreement = services.agreements.create_agreement(
            kind="citizen_promise", title="Exempelstad 2022", start_date="2022-01-01", end_date="2022-12-31",
            reporting_scheme="tertial")
        services.agreements.add_party(agreement.id, organisation_id=town.id)
        promise = services.plan.create_promise(agreement.id, text="öka tryggheten", maker_ids=[town.id])
        ulla = services.register.create_person(name="Ulla Utanpost", organisation_id=town.id)
        services.plan.create_measure(promise_id=promise.id, title="Belysning i parken", responsible_id=town.id,
                                     contact_id=ulla.id, deadline="2022-06-29")
        services.plan.create_measure(promise_id=promise.id, title="Ingen har den", responsible_id=town.id,
                                     deadline="2022-05-31")
    finally:
        services.db.close()
    folder = tmp_path / "ut"
    code, out, err = _reminders(capsys, db, "Exempelstad", "--period", "2022-T2", "-o", str(folder),
                                "--today", "2022-06-15")
    assert code == 0, err
    assert ("Påminnelse 2022-T2 Ulla Utanpost.eml: till Ulla Utanpost <SAKNAR E-POSTADRESS: fyll i mottagaren "
            "själv>: uppföljning saknas: 1, sista dag snart: 1") in out
    assert "Utan kontaktperson (1 åtgärder, ingen påminnelse skrivs):\n  Ingen har den (Exempelstads kommun)" in out
    message = email.message_from_bytes((folder / "Påminnelse 2022-T2 Ulla Utanpost.eml").read_bytes(),
                                       policy=email.policy.default)
    assert "To" not in message


def test_a_bad_period_is_refused_and_nothing_is_written(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ut"
    code, out, err = _reminders(capsys, demo_db, SOLNA, "--period", "2022-T7", "-o", str(folder))
    assert code == 1 and out == ""
    assert err.startswith("promises-app: fel: Period:")
    assert not folder.exists()


def test_a_reply_day_in_the_past_is_refused(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _reminders(capsys, demo_db, SOLNA, "--period", "2022-T3", "-o", str(tmp_path / "ut"),
                                 "--today", "2022-09-01", "--reply-by", "2022-08-01")
    assert code == 1 and "Rapporten önskas senast: 1 augusti 2022 har redan passerat." in err


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--days", "-1", "--days ska vara ett heltal från 0 till 366"),
    ("--days", "fjorton", "--days ska vara ett heltal, inte 'fjorton'"),
    ("--reply-by", "31/12", "ogiltigt datum '31/12' (skriv ÅÅÅÅ-MM-DD)"),
])
def test_bad_options_are_usage_errors(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        _reminders(capsys, demo_db, SOLNA, "--period", "2022-T3", "-o", str(tmp_path / "ut"), option, value)
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


def test_the_output_must_be_a_folder_and_never_the_database(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = demo_db.read_bytes()
    code, _out, err = _reminders(capsys, demo_db, SOLNA, "--period", "2022-T3", "-o", str(demo_db))
    assert code == 1 and "är en fil, inte en mapp" in err
    backups = Path(f"{demo_db}-backups")
    code, _out, err = _reminders(capsys, demo_db, SOLNA, "--period", "2022-T3", "-o", str(backups))
    assert code == 1 and "Ingenting har skrivits" in err
    assert not any(p.suffix == ".eml" for p in backups.glob("*")) if backups.exists() else True
    assert demo_db.read_bytes() == before
