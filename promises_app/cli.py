"""The command line: the same services as the window.

``promises-app`` with no subcommand starts the desktop app. Every error ends with a clear
message on stderr and a non-zero exit; nothing is half-written (exports go to a temporary
file that is renamed into place, imports are one transaction).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL

from promises_app import __version__, logging_setup, os_errors
from promises_app.argparse_sv import swedish_argparse
from promises_app.domain.enums import AgreementState
from promises_app.domain.errors import SnapshotFormatError
from promises_app.domain.validation import INTEGER_MAX, quoted, shorten, shown_path
from promises_app.services import Services, default_database_path, open_services
from promises_app.services.agreement_list import AgreementSummary
from promises_app.services.errors import (
    BackupError,
    DatabaseOpenError,
    PasswordRequiredError,
    ServiceError,
    SignedRecordError,
    StorageFailure,
    ValidationError,
)

if TYPE_CHECKING:
    from datetime import date

    from promises_app.domain.log_anchor import LogAnchor
    from promises_app.services.records import OrganisationRecord

# Modules only some commands need are imported in them: the window's start-up goes through this
# module and should not pay for them (docs/performance.md, start-up).

PROG = "promises-app"
#: Where `--certificate` looks for the certificate file's password before asking.
PASSWORD_VARIABLE = "MEDBORGARLOFTEN_CERT_PASSWORD"
EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
#: Exit status after Ctrl+C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130
#: The longest line of an error message printed (a last guard: values are quoted shortened).
MESSAGE_LINE_MAX = 1000
#: The most bytes a command reads of a PDF or certificate it is given (a scanned copy is at
#: most 50 MB, see services/signoff.MAX_COPY_BYTES): /dev/zero is refused, not read to the end.
MAX_INPUT_BYTES = 64 * 1024 * 1024

_log = logging.getLogger(__name__)

#: What ``--db`` names: a database file, or a shared database's URL (docs/shared-database.md).
#: A URL prints without its password (``str(URL)`` hides it), so messages may name it as they are.
DatabaseTarget = Path | URL


class CommandError(Exception):
    """A problem the user can fix; printed without a traceback."""


class OutputWriteError(OSError):
    """An output file could not be written (disk full, no permission); nothing was written.
    ``filename`` is the file the person gave."""


class _SwedishHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix or "Användning: ")


def whole_number(label: str, *, minimum: int = 1, maximum: int = INTEGER_MAX) -> Callable[[str], int]:
    """An argparse ``type`` for a whole number from ``minimum`` to ``maximum`` (default: any id the
    database can hold), refused in Swedish (exit 2) before anything is opened: ``2**63`` or a
    23-digit number would otherwise overflow SQLite's 64-bit integers deep in a query."""

    def parse(text: str) -> int:
        digits = text.strip()
        sign = digits[:1] if digits[:1] in "+-" else ""
        if not (digits[len(sign):].isascii() and digits[len(sign):].isdigit()):
            raise argparse.ArgumentTypeError(f"{label} ska vara ett heltal, inte {quoted(text)}")
        if len(digits.lstrip("+-0")) > len(str(maximum)) or not minimum <= int(digits) <= maximum:
            raise argparse.ArgumentTypeError(
                f"{label} ska vara ett heltal från {minimum} till {maximum}, inte {quoted(text)}"
            )
        return int(digits)

    parse.__name__ = label
    return parse


def database_argument(text: str) -> DatabaseTarget:
    """``--db``: a file path, or a shared database's URL (``postgresql://anna@db.kommun.se/loften``).

    A ``password=`` in the URL's query is moved into the URL's password, which never prints."""
    from promises_app.services.shared_database import is_server_address

    if not is_server_address(text):
        return Path(text)
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except (ArgumentError, ValueError):
        raise argparse.ArgumentTypeError("ogiltig databasadress (skriv t.ex. postgresql://namn@server/databas)") \
            from None
    password = url.query.get("password")
    if isinstance(password, str):
        url = url.set(password=password).difference_update_query(["password"])
    return url


def _db_option(*, default: object) -> argparse.ArgumentParser:
    holder = argparse.ArgumentParser(add_help=False)
    holder.add_argument(
        "--db",
        metavar="FIL|URL",
        type=database_argument,
        default=default,
        help=f"databasfilen att använda (standard: {default_database_path()}), eller den delade databasens "
        "adress, t.ex. postgresql://namn@server/databas (lösenordet i ~/.pgpass eller en tjänstefil; "
        "docs/shared-database.md)",
    )
    return holder


def _database_file(db_path: DatabaseTarget | None) -> Path | None:
    """The database file an output must never replace; None for a shared database (no file here)."""
    return db_path if isinstance(db_path, Path) else None


def _refuse_on_a_server(db_path: DatabaseTarget) -> Path:
    """The database file, for the commands about its backups; a shared database's are the server's."""
    from promises_app.services.shared_database import BACKUPS_ON_A_SERVER

    if not isinstance(db_path, Path):
        raise CommandError(f"{db_path} är en delad databas. {BACKUPS_ON_A_SERVER}")
    return db_path


def _parser() -> argparse.ArgumentParser:
    # `--db` is accepted before and after the subcommand; after it, SUPPRESS keeps the
    # subcommand's absent option from overwriting a value given before it.
    common = _db_option(default=argparse.SUPPRESS)

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Medborgarlöften: planera, följ upp och rapportera medborgarlöften.\n"
        "Utan kommando startar programmet i ett fönster.",
        formatter_class=_SwedishHelpFormatter,
        parents=[_db_option(default=None)],
        add_help=False,
    )
    _add_help(parser)
    parser.add_argument("--smoke", action="store_true",
                        help="öppna fönstret, skriv ut vad det visar och avsluta (för test)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help="visa programmets version och avsluta")
    parser._positionals.title = "kommandon"
    parser._optionals.title = "flaggor"
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO")

    def command(name: str, summary: str, handler: Callable[..., int]) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name, prog=f"{PROG} {name}", help=summary, description=summary, parents=[common],
            add_help=False,
            formatter_class=_SwedishHelpFormatter,
        )
        _add_help(sub)
        sub._positionals.title = "argument"
        sub._optionals.title = "flaggor"
        sub.set_defaults(handler=handler)
        return sub

    command("demo", "fyll databasen med demodata (Solna 2022 och Helsingborg 2018–2022)", _cmd_demo)
    sub = command("import", "importera en överenskommelse från en JSON-fil (allt eller inget)", _cmd_import)
    sub.add_argument("file", metavar="FIL.json", type=Path, help="filen att importera")
    sub = command("import-indicators", "importera indikatorvärden från en CSV- eller XLSX-fil (allt eller inget)",
                  _cmd_import_indicators)
    sub.add_argument("file", metavar="FIL", type=Path, help="CSV-filen (UTF-8) eller Excel-filen (.xlsx)")
    sub.add_argument("--dry-run", action="store_true",
                     help="kontrollera filen och visa vad som skulle importeras, utan att skriva något")
    sub = command("owner-packs", "skriv rapportunderlag (Excel) för en period: ett per ansvarig organisation "
                  "eller kontaktperson", _cmd_owner_packs)
    sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
    sub.add_argument("--period", metavar="PERIOD", required=True, help="uppföljningsperioden, t.ex. 2022-T2")
    sub.add_argument("-o", "--output", metavar="MAPP", type=Path, required=True,
                     help="mappen att skriva underlagen i (skapas om den saknas)")
    sub.add_argument("--per", choices=("organisation", "person"), default="organisation",
                     help="ett underlag per ansvarig organisation (standard) eller per kontaktperson")
    sub = command("import-owner-report", "läs in ifyllda rapportunderlag (allt eller inget)", _cmd_import_owner_report)
    sub.add_argument("files", metavar="FIL", type=Path, nargs="+",
                     help="ifyllda underlag (.xlsx), eller en mapp med sådana")
    sub.add_argument("--dry-run", action="store_true",
                     help="kontrollera underlagen och visa ändringarna, utan att skriva något")
    settle = sub.add_mutually_exclusive_group()
    settle.add_argument("--take-pack", action="store_true",
                        help="vid konflikt: rapportens värden gäller (annars vägras inläsningen)")
    settle.add_argument("--keep-database", action="store_true",
                        help="vid konflikt: databasens värden behålls (annars vägras inläsningen)")
    sub = command("export-json", "exportera en överenskommelse med allt under den till JSON", _cmd_export)
    sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
    sub.add_argument("-o", "--output", metavar="FIL.json", type=Path, required=True, help="filen att skriva")
    sub = command("export-csv", "exportera åtgärder och uppföljning per period som CSV (för Excel)",
                  _cmd_export_csv)
    sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
    sub.add_argument("-o", "--output", metavar="FIL.csv", type=Path, required=True, help="filen att skriva")
    sub = command("export-xlsx", "exportera åtgärder och uppföljning per period som Excel-fil (XLSX)",
                  _cmd_export_xlsx)
    sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
    sub.add_argument("-o", "--output", metavar="FIL.xlsx", type=Path, required=True, help="filen att skriva")
    sub = command("findings-geojson", "exportera fynden från trygghetsvandringarna som GeoJSON (för kommunens "
                  "kartverktyg); fynd utan koordinater räknas men exporteras inte", _cmd_findings_geojson)
    sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
    sub.add_argument("-o", "--output", metavar="FIL.geojson", type=Path, required=True, help="filen att skriva")
    sub = command("reminders", "skriv påminnelser för en period: ett färdigt e-postmeddelande (.eml) per "
                  "kontaktperson och en kalenderfil (.ics); ingenting skickas", _cmd_reminders)
    sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
    sub.add_argument("--period", metavar="PERIOD", required=True, help="uppföljningsperioden, t.ex. 2022-T2")
    sub.add_argument("-o", "--output", metavar="MAPP", type=Path, required=True,
                     help="mappen att skriva filerna i (skapas om den saknas)")
    sub.add_argument("--days", metavar="N", type=whole_number("--days", minimum=0, maximum=366), default=None,
                     help="ta med åtgärder vars sista dag är inom N dagar (standard: 14)")
    sub.add_argument("--reply-by", metavar="ÅÅÅÅ-MM-DD", type=_report_day, default=None,
                     help="dagen rapporten ska vara inne (standard: en vecka efter periodens sista dag, "
                     "och minst en vecka från i dag)")
    sub.add_argument("--today", metavar="ÅÅÅÅ-MM-DD", type=_report_day, default=None,
                     help="dagen påminnelserna görs per (standard: i dag)")
    report = command("report", "skriv ut ett dokument som PDF (först: överenskommelsen)", _cmd_report_missing)
    kinds = report.add_subparsers(dest="report_kind", metavar="DOKUMENT")
    sub = kinds.add_parser(
        "agreement", prog=f"{PROG} report agreement", parents=[common], add_help=False,
        help="överenskommelsen med löften, åtgärder och underskrifter (PDF)",
        description="Skriv ut överenskommelsen med löften, åtgärder och underskrifter som PDF.",
        formatter_class=_SwedishHelpFormatter,
    )
    _add_help(sub)
    sub._positionals.title = "argument"
    sub._optionals.title = "flaggor"
    sub.set_defaults(handler=_cmd_report_agreement)
    sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
    sub.add_argument("-o", "--output", metavar="FIL.pdf", type=Path, required=True, help="filen att skriva")
    sub.add_argument("--no-appendix", action="store_true",
                     help="utan bilagan med handlingsplanen (bara för utkast)")
    sub.add_argument("--revision", metavar="N", type=whole_number("revisionen"),
                     help="en undertecknad revision, precis som den undertecknades (standard: den gällande)")
    _certificate_options(sub)
    _add_followup_report_commands(kinds, common)
    sub = command("publish", "publicera uppföljningen för medborgarna: en tillgänglig webbsida, uppföljningsrapporten "
                  "(PDF) och öppna data (CSV, JSON) i en mapp att lägga på webbplatsen", _cmd_publish)
    sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
    sub.add_argument("--period", metavar="PERIOD", required=True, help="uppföljningsperioden, t.ex. 2022-T2")
    sub.add_argument("-o", "--output", metavar="MAPP", type=Path, required=True,
                     help="mappen att skriva index.html, PDF:en, data.csv, data.json och schema.json i (skapas om den "
                     "saknas; filer med samma namn ersätts)")
    sub.add_argument("--today", metavar="ÅÅÅÅ-MM-DD", type=_report_day, default=None,
                     help="rapportdatum: dagen uppgifterna gäller per (standard: i dag)")
    sub.add_argument("--next-steps", metavar="TEXT", default=None,
                     help="texten under rubriken Nästa steg (standard: den text som sparats för perioden)")
    sub = command("sign", "registrera undertecknandet: utkastet blir undertecknad revision N", _cmd_sign)
    sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
    sub.add_argument("--place", metavar="ORT", required=True, help="orten där den undertecknades")
    sub.add_argument("--date", metavar="ÅÅÅÅ-MM-DD", required=True, help="dagen den undertecknades")
    sub.add_argument("--signatory", metavar="NAMN", action="append", default=None,
                     help="en undertecknare som skrev under (kan upprepas; standard: alla)")
    sub.add_argument("-o", "--output", metavar="FIL.pdf", type=Path,
                     help="skriv också den undertecknade revisionens PDF hit")
    _certificate_options(sub)
    sub = command("new-revision", "starta en ny revision (utkast) av en undertecknad överenskommelse",
                  _cmd_new_revision)
    sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
    sub = command("versions", "lista undertecknade revisioner och vad som ändrats sedan den senaste",
                  _cmd_versions)
    sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
    sub = command("attach-signed", "bifoga den inskannade, undertecknade PDF:en till en revision",
                  _cmd_attach_signed)
    sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
    sub.add_argument("file", metavar="FIL.pdf", type=Path, help="den inskannade kopian")
    sub.add_argument("--revision", metavar="N", type=whole_number("revisionen"),
                     help="revisionen (standard: den senaste undertecknade)")
    _add_adoption_commands(command)
    sub = command("verify", "kontrollera att en PDF är en orörd undertecknad revision eller fastställd uppföljning, "
                  "och av vilken", _cmd_verify)
    sub.add_argument("file", metavar="FIL.pdf", type=Path, help="PDF-filen att kontrollera")
    sub.add_argument("--trust", metavar="CERT", type=Path, action="append", default=[],
                     help="ett betrott utfärdarcertifikat (PEM eller DER) att pröva signaturen mot")
    command("list", "lista överenskommelserna (id, titel, period, status)", _cmd_list)
    command("check", "kontrollera databasens integritet", _cmd_check)
    sub = command(
        "verify-db",
        "kontrollera att databasen är den som programmet skrev: ändringsloggens kedja, de undertecknade "
        "revisionerna, de undertecknade planerna och varje rad mot ändringsloggen",
        _cmd_verify_db,
    )
    sub.add_argument(
        "--against", metavar="PDF|LOGG", action="append", default=[],
        help="en PDF som programmet skrivit (eller loggvärdet i dess sidfot, t.ex. 1234:9f2c1a0b7e3d): "
        "pröva att databasen fortfarande har ändringsloggen som den var då (kan upprepas)",
    )
    sub = command("copy", "flytta in en lokal databasfil med hela dess historik i en delad databas (PostgreSQL) "
                  "och kontrollera resultatet som verify-db", _cmd_copy)
    sub.add_argument("--from", dest="source", metavar="FIL.sqlite", type=Path, required=True,
                     help="databasfilen att kopiera (den ändras inte)")
    sub.add_argument("--to", dest="target", metavar="URL", required=True,
                     help="den delade databasen, t.ex. postgresql://användare@server/databas (tom: inga "
                     "överenskommelser eller ändringar ännu)")
    command("backup", "gör en kontrollerad säkerhetskopia nu", _cmd_backup)
    command("people", "lista personregistret (id, namn, titel, organisation)", _cmd_people)
    command("organisations", "lista organisationerna (id, namn, slag, om de har en logotyp)", _cmd_organisations)
    sub = command("logo", "ge en organisation en logotyp (i sidhuvudet på varje dokument), eller ta bort den",
                  _cmd_logo)
    sub.add_argument("organisation", metavar="ORGANISATION", help="id eller namn (se `organisations`)")
    which = sub.add_mutually_exclusive_group(required=True)
    which.add_argument("file", metavar="BILD", type=Path, nargs="?",
                       help="bildfilen (PNG, JPEG, GIF, BMP eller WebP); den kontrolleras och sparas som PNG")
    which.add_argument("--remove", action="store_true", help="ta bort organisationens logotyp")
    sub = command("person-export", "exportera allt databasen har om en person (JSON)", _cmd_person_export)
    sub.add_argument("person", metavar="PERSON-ID", type=whole_number("personens id"),
                     help="personens id (se `people`)")
    sub.add_argument("-o", "--output", metavar="FIL.json", type=Path, required=True, help="filen att skriva")
    sub = command(
        "person-erase",
        "radera en person (eller pseudonymisera med --pseudonymise); inte den som undertecknat "
        "en undertecknad överenskommelse",
        _cmd_person_erase,
    )
    sub.add_argument("person", metavar="PERSON-ID", type=whole_number("personens id"),
                     help="personens id (se `people`)")
    sub.add_argument("--pseudonymise", action="store_true",
                     help="ersätt namnet med en pseudonym och töm titel, e-post och telefon i stället")
    sub = command("server-init", "förbered en delad databas (PostgreSQL) en gång: tabellerna och rollerna för att "
                  "läsa, ändra och underteckna, som IT sedan ger personer; körs av databasens ägare", _cmd_server_init)
    sub.add_argument("url", metavar="URL", help="databasens adress, t.ex. postgresql://ägare@server/medborgarloften")
    sub.add_argument("--prefix", metavar="NAMN", default=None,
                     help="början på rollernas namn (standard: medborgarloften); ett eget prefix per databas om "
                     "flera databaser delar server")
    sub = command("restore", "lista säkerhetskopiorna, eller återställ en av dem", _cmd_restore)
    sub.add_argument("backup", metavar="KOPIA", nargs="?",
                     help="numret i listan (1 = nyaste) eller sökvägen till en säkerhetskopia")
    return parser


def _add_help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                        help="visa den här hjälpen och avsluta")


def _cmd_copy(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    """Moving in (services/moving_in.py): one transaction on the server, then verify-db's checks there."""
    from promises_app.reports.agreement_document import render_legacy_snapshot_pdf
    from promises_app.services.moving_in import move_in
    from promises_app.services.shared_database import is_server_address, shown_address

    source: Path = args.source.expanduser()
    if not source.is_file():
        raise CommandError(f"Databasfilen {shown_path(source)} finns inte. Ingenting har kopierats.")
    target = shown_address(args.target) if is_server_address(args.target) else args.target
    result = move_in(source, args.target, render_pdf=render_legacy_snapshot_pdf)
    rows = result.copied.rows
    print(f"Kopierade {shown_path(source)} till {target}: {rows.get('agreements', 0)} överenskommelser, "
          f"{rows.get('measures', 0)} åtgärder, {rows.get('follow_ups', 0)} uppföljningar, "
          f"{rows.get('signed_revisions', 0)} undertecknade revisioner, {rows.get('change_log', 0)} poster i "
          f"ändringsloggen ({sum(rows.values())} rader i allt). Databasens id {result.copied.database_id} följde med, "
          "så utskrifter gjorda från filen kan prövas mot den delade databasen.")
    check = result.verification
    if not check.ok:
        print(f"Kontrollen av {target} efter kopieringen hittade fel (de fanns redan i filen; kör "
              f"`{PROG} verify-db --db {shown_path(source)}`). Första felet först:", file=sys.stderr)
        for problem in check.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_ERROR
    print(f"Kontroll (verify-db) av {target}:")
    print(f"  Ändringsloggen är obruten ({check.entries} poster, alla kontrollsummor stämmer, och den slutar där "
          "den ska).")
    print(f"  De undertecknade revisionerna är oförändrade ({check.revisions} st, alla kontrollsummor stämmer).")
    if check.adopted:
        print(f"  De fastställda uppföljningarna är oförändrade ({check.adopted} st, alla kontrollsummor stämmer).")
    print(f"  Planen i de {check.signed_agreements} undertecknade eller avslutade överenskommelserna är den som "
          "undertecknades.")
    print("  Varje rad stämmer med ändringsloggen.")
    for warning in check.warnings:
        print(f"  Obs: {warning}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit status. Usage errors exit with status 2 (argparse, in Swedish).

    Whatever goes wrong ends as a short Swedish message on stderr, never a traceback: the errors
    a person can act on name the field or file, and anything unexpected is logged with its
    traceback in the program's log file, which the message names (exit 1).
    """
    with swedish_argparse():
        args = _parser().parse_args(argv)
    db_path: DatabaseTarget = args.db if isinstance(args.db, URL) else (args.db or default_database_path()).expanduser()
    if args.command is None:
        # The window's start-up allocates what it keeps (modules, widgets): collecting garbage
        # meanwhile is wasted time. run_desktop collects again once the pages are built.
        gc.disable()
        try:
            from promises_app.ui.shell.app import run_desktop

            return run_desktop(db_path, first_run_demo=args.db is None, smoke=args.smoke)
        finally:
            gc.enable()

    try:
        return int(args.handler(args, db_path))
    except (
        CommandError, ServiceError, ValidationError, SignedRecordError, DatabaseOpenError, StorageFailure,
        BackupError,
    ) as error:
        _print_error(str(error))
    except SnapshotFormatError as error:  # a signed revision edited in the file itself
        _print_error(f"{error} Kör `{PROG} verify-db` för att se vad som ändrats.")
    except OutputWriteError as error:
        _print_error(f"{os_errors.describe(error, error.filename)} Ingenting har skrivits.")
    except OSError as error:
        _print_error(os_errors.describe(error, error.filename or str(db_path), doing="läsas eller skrivas"))
    except KeyboardInterrupt:
        _print_error("Avbrutet. En ändring sparas helt eller inte alls, så ingenting är halvgjort.")
        return EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 - the last line of defence: a message, not a traceback
        _print_error(_unexpected(error, args.command))
    return EXIT_ERROR


def _print_error(message: str) -> None:
    lines = [line if len(line) <= MESSAGE_LINE_MAX else line[: MESSAGE_LINE_MAX - 1] + "…"
             for line in message.splitlines() or [""]]
    print(f"{PROG}: fel: " + "\n".join(lines), file=sys.stderr)


def _unexpected(error: Exception, command: str) -> str:
    """Log ``error`` with its traceback in the program's log file; the short message about it."""
    handler = logging_setup.configure(default_database_path().parent)
    try:
        _log.error("Oväntat fel i kommandot %s", command, exc_info=(type(error), error, error.__traceback__))
    finally:
        logging_setup.shutdown()
    where = (f"Detaljerna finns i loggfilen {logging_setup.log_file(default_database_path().parent)}."
             if handler is not None else "Loggfilen kunde inte skrivas.")
    return (f"Ett oväntat fel inträffade ({type(error).__name__}) och kommandot avbröts. En ändring sparas "
            f"helt eller inte alls, så ingenting är halvgjort. {where}")


@contextlib.contextmanager
def _services(db_path: DatabaseTarget, *, create: bool, exclusive: bool = False) -> Iterator[Services]:
    """The services over ``db_path`` for one command; the database is closed afterwards.

    Commands that write take the one-writer lock (``exclusive``), so they are refused, naming
    who has it, while the window has the database open. A shared database whose server wants a
    password libpq did not find (``~/.pgpass``, a service file) asks for it on the terminal, and
    only there: without one (a script, a pipe) the command fails saying where to put it.
    """
    try:
        services = open_services(db_path, create=create, exclusive=exclusive)
    except PasswordRequiredError as error:
        if error.rejected or not sys.stdin.isatty():
            raise
        import getpass

        password = getpass.getpass(f"Lösenord för {db_path}: ")
        services = open_services(db_path, create=create, exclusive=exclusive, password=password)
    try:
        yield services
    finally:
        services.db.close()


def _cmd_demo(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    with _services(db_path, create=True, exclusive=True) as services:
        existing = {a.title for a in services.agreements.list_agreements()}
        results = services.maintenance.load_demo(skip_titles=existing)
        if not results:
            raise CommandError(f"Demodata finns redan i {db_path}.")
        count = sum(len(r.agreement_ids) for r in results)
        print(f"Demodata inläst i {db_path}: {count} överenskommelser.")
        return EXIT_OK


def _cmd_import(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    from promises_app.services.exchange import read_file

    data = read_file(args.file)  # at most the size limit + 1 bytes: /dev/zero is refused at once
    with _services(db_path, create=True, exclusive=True) as services:
        result = services.exchange.import_json(data)
        titles = [services.agreements.get_agreement(i).title for i in result.agreement_ids]
        print(f"Importerade {len(titles)} överenskommelse(r) till {db_path}:")
        for agreement_id, title in zip(result.agreement_ids, titles, strict=True):
            print(f"  {agreement_id}\t{title}")
        return EXIT_OK


def _cmd_import_indicators(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    """Check the whole file first; errors (line, column) go to stderr and nothing is written."""
    from promises_app.services.indicator_import import MAX_FILE_BYTES

    data = read_input(args.file, limit=MAX_FILE_BYTES, advice="Dela upp den i flera filer.")
    with _services(db_path, create=not args.dry_run, exclusive=not args.dry_run) as services:
        preview = services.indicator_import.preview(data, args.file.name)
        if not preview.ok:
            print(f"{PROG}: fel: {args.file} kan inte importeras ({preview.error_count} fel). "
                  "Ingenting har ändrats i databasen.", file=sys.stderr)
            for line in preview.error_lines():
                print(f"  {line}", file=sys.stderr)
            return EXIT_ERROR
        for line in preview.summary_lines():
            print(line)
        if args.dry_run:
            print("Ingenting har skrivits (--dry-run).")
            return EXIT_OK
        result = services.indicator_import.commit(preview)
    print(f"Importerade till {db_path}: {result.values_inserted} nya värden, {result.values_replaced} ersatta, "
          f"{result.values_unchanged} oförändrade; {result.indicators_created} nya indikatorer.")
    if result.backup is not None:
        print(f"Säkerhetskopia från före importen: {result.backup}")
    return EXIT_OK


def _cmd_owner_packs(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    """One workbook per owner into the folder (made if missing); each replaced only atomically."""
    from promises_app.services.owner_packs import PackOwner

    folder: Path = args.output.expanduser()
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{args.output} är ingen mapp. Ange en mapp med -o. Ingenting har skrivits.")
    with _services(db_path, create=False) as services:
        agreement = _resolve(services, args.agreement)
        result = services.owner_packs.packs(agreement.id, args.period, per=PackOwner(args.per))
    if not result.packs:
        raise CommandError(f"Ingen åtgärd i \"{agreement.title}\" har någon "
                           f"{'ansvarig organisation' if args.per == 'organisation' else 'kontaktperson'}: "
                           "inga underlag att skriva.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputWriteError(error.errno, error.strerror, str(args.output)) from error
    for pack in result.packs:  # every name checked before the first file is written
        check_output(folder / pack.file_name, db_path)
    for pack in result.packs:
        target = folder / pack.file_name
        write_atomically(target, pack.content, db_path)
        print(f"{target}\t{pack.owner_name}: {len(pack.measure_ids)} åtgärder")
    print(f"Skrev {len(result.packs)} rapportunderlag för perioden {args.period} i {folder}.")
    if result.without_owner:
        who = "ansvarig organisation" if args.per == "organisation" else "kontaktperson"
        print(f"Utan {who} (inget underlag): " + ", ".join(m.title for m in result.without_owner))
    return EXIT_OK


def _cmd_import_owner_report(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    """Check every pack first; errors and unsettled conflicts go to stderr and nothing is written."""
    from promises_app.services.indicator_import import MAX_FILE_BYTES
    from promises_app.services.owner_reports import Resolution, pack_files

    paths = list(pack_files(args.files))
    if not paths:
        raise CommandError("Mappen har inga .xlsx-filer att läsa in.")
    files = [(path.name, read_input(path, limit=MAX_FILE_BYTES, advice="Dela upp den i flera filer."))
             for path in paths]
    settle = Resolution.PACK if args.take_pack else Resolution.DATABASE if args.keep_database else None
    with _services(db_path, create=False, exclusive=not args.dry_run) as services:
        preview = services.owner_reports.preview(files)
        if not preview.ok:
            print(f"{PROG}: fel: underlagen kan inte läsas in ({preview.error_count} fel). "
                  "Ingenting har ändrats i databasen.", file=sys.stderr)
            for line in preview.error_lines():
                print(f"  {line}", file=sys.stderr)
            return EXIT_ERROR
        for line in preview.summary_lines() + preview.change_lines():
            print(line)
        if preview.conflicts and settle is None:
            print(f"{PROG}: fel: {len(preview.conflicts)} uppföljningar har ändrats i databasen efter att "
                  "underlaget skapades (KONFLIKT ovan). Välj --take-pack (rapportens värden gäller) eller "
                  "--keep-database (databasens behålls). Ingenting har ändrats i databasen.", file=sys.stderr)
            return EXIT_ERROR
        if args.dry_run:
            print("Ingenting har skrivits (--dry-run).")
            return EXIT_OK
        result = services.owner_reports.commit(preview, default=settle)
    print(f"Läste in till {db_path}: {len(result.written)} uppföljningar sparade"
          + (f", {result.kept} konflikter där databasens värden behölls" if result.kept else "") + ".")
    if result.backup is not None:
        print(f"Säkerhetskopia från före inläsningen: {result.backup}")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    check_output(args.output, db_path)
    with _services(db_path, create=False) as services:
        agreement = _resolve(services, args.agreement)
        write_atomically(args.output, services.exchange.export_json(agreement.id), db_path)
        print(f"Exporterade \"{agreement.title}\" till {args.output}.")
        return EXIT_OK


def _cmd_export_csv(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    return _export_sheet(args, db_path, "csv")


def _cmd_export_xlsx(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    return _export_sheet(args, db_path, "xlsx")


def _export_sheet(args: argparse.Namespace, db_path: DatabaseTarget, kind: str) -> int:
    """One row per measure and reporting period, as CSV (Swedish Excel) or XLSX (P14-safe)."""
    from promises_app.reports.spreadsheets import measure_rows, write_csv, write_xlsx

    check_output(args.output, db_path)
    with _services(db_path, create=False) as services:
        agreement = _resolve(services, args.agreement)
        sheet = measure_rows(services, agreement.id)
    write_atomically(args.output, write_csv(sheet) if kind == "csv" else write_xlsx(sheet), db_path)
    print(f"Exporterade åtgärder och uppföljning för \"{agreement.title}\" till {args.output} "
          f"({len(sheet.rows)} rader).")
    return EXIT_OK


def _cmd_findings_geojson(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    """The findings with coordinates as an RFC 7946 FeatureCollection; no participants, no persons."""
    check_output(args.output, db_path)
    with _services(db_path, create=False) as services:
        agreement = _resolve(services, args.agreement)
        mapped = services.walks.finding_map(agreement.id)
    write_atomically(args.output, mapped.to_bytes(), db_path)
    print(f"Exporterade {mapped.exported} fynd från trygghetsvandringarna för \"{agreement.title}\" "
          f"till {args.output}.")
    if mapped.without_coordinates:
        print(f"{mapped.without_coordinates} fynd saknar koordinater och kom inte med.")
    return 0


def _cmd_reminders(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    """The reminders as files in ``-o``: what each contact person gets, and who gets nothing."""
    from datetime import UTC, datetime
    from datetime import date as date_type

    from promises_app.services.reminder_files import pack_attachments, reminder_files
    from promises_app.services.reminders import DEFAULT_DAYS, DueKind

    folder = args.output.expanduser()
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{shown_path(args.output)} är en fil, inte en mapp. Ingenting har skrivits.")
    today = args.today or date_type.today()
    with _services(db_path, create=False) as services:
        agreement = _resolve(services, args.agreement)
        plan = services.reminders.plan(
            agreement.id, args.period, today=today,
            days=DEFAULT_DAYS if args.days is None else args.days, reply_by=args.reply_by,
        )
        attachments = pack_attachments(services, agreement.id, plan.period.label,
                                        [r.person_id for r in plan.recipients])
    files = reminder_files(plan, attachments, stamp=datetime.now(UTC).replace(microsecond=0))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputWriteError(error.errno, error.strerror, str(args.output)) from error
    for file in files:
        check_output(folder / file.file_name, db_path)
    for file in files:
        write_atomically(folder / file.file_name, file.content, db_path)

    print(f"Påminnelser för \"{agreement.title}\", {plan.period.label}: rapporten önskas senast "
          f"{plan.reply_by.isoformat()}.")
    recipients = {r.person_id: r for r in plan.recipients}
    for file in files:
        recipient = recipients.get(file.person_id) if file.person_id is not None else None
        if recipient is None:
            deadlines = sum(1 for item in plan.measures if item.deadline is not None)
            print(f"  {file.file_name}: kalender med rapportdagen och {deadlines} sista dagar")
            continue
        counts = ", ".join(f"{kind.short}: {recipient.count(kind)}" for kind in DueKind if recipient.count(kind))
        to = recipient.contact.usable_email or "SAKNAR E-POSTADRESS: fyll i mottagaren själv"
        attached = f"; bifogat: {file.attached}" if file.attached else ""
        print(f"  {file.file_name}: till {shorten(recipient.contact.name)} <{to}>: {counts}{attached}")
    if not plan.recipients:
        print("  Ingen kontaktperson har något att rapportera för perioden.")
    if plan.without_contact:
        print(f"Utan kontaktperson ({len(plan.without_contact)} åtgärder, ingen påminnelse skrivs):")
        for item in plan.without_contact:
            owner = f" ({shorten(item.responsible_name)})" if item.responsible_name else ""
            print(f"  {shorten(item.title, 200)}{owner}")
    print(f"Filerna finns i {folder}. Ingenting har skickats: öppna varje .eml i e-postprogrammet och skicka.")
    return EXIT_OK


def _cmd_report_missing(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    raise CommandError(f"Ange vilket dokument som ska skrivas ut, t.ex. `{PROG} report agreement`.")


def _cmd_report_agreement(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    from promises_app.domain.snapshot import content_sha256
    from promises_app.reports.agreement_document import agreement_pdf

    check_output(args.output, db_path, inputs=[args.certificate])
    with _services(db_path, create=False) as services:
        agreement = _resolve(services, args.agreement)
        if args.no_appendix and (args.revision is not None or agreement.state is not AgreementState.DRAFT):
            raise CommandError(
                "--no-appendix gäller bara utkast: en undertecknad revision skrivs ut precis som den undertecknades."
            )
        pdf, content = agreement_pdf(services, agreement.id, revision=args.revision, appendix=not args.no_appendix)
    pdf = _certified(pdf, args, place=content.signing_place)
    write_atomically(args.output, pdf, db_path)

    state = "undertecknad" if content.state is not AgreementState.DRAFT else "utkast"
    print(f"Skrev \"{agreement.title}\" (revision {content.revision}, {state}, fingeravtryck "
          f"{content_sha256(content)[:12]}) till {args.output}.")
    return EXIT_OK


# --- report followup / report annual ----------------------------------------------------------
def _add_followup_report_commands(
    kinds: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """`report followup` (one reporting period) and `report annual` (every period side by side)."""

    def report_kind(name: str, summary: str, handler: Callable[..., int]) -> argparse.ArgumentParser:
        sub = kinds.add_parser(
            name, prog=f"{PROG} report {name}", parents=[common], add_help=False, help=summary,
            description=f"Skriv ut {summary}.", formatter_class=_SwedishHelpFormatter,
        )
        _add_help(sub)
        sub._positionals.title = "argument"
        sub._optionals.title = "flaggor"
        sub.set_defaults(handler=handler)
        sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
        sub.add_argument("-o", "--output", metavar="FIL.pdf", type=Path, required=True, help="filen att skriva")
        sub.add_argument("--today", metavar="ÅÅÅÅ-MM-DD", type=_report_day, default=None,
                         help="rapportdatum: dagen rapporten görs per (standard: i dag)")
        sub.add_argument("--no-logos", action="store_true", help="utan parternas logotyper i sidhuvudet")
        sub.add_argument("--next-steps", metavar="TEXT", default=None,
                         help="texten under rubriken Nästa steg (uppföljningsrapporten: standard är den text som "
                         "sparats för perioden)")
        return sub

    sub = report_kind("followup", "uppföljningsrapporten för en period: status, trafikljus och kommentar "
                      "per åtgärd (PDF)", _cmd_report_followup)
    sub.add_argument("--period", metavar="PERIOD", required=True, help="uppföljningsperioden, t.ex. 2022-T2")
    sub.add_argument("--landscape", action="store_true", help="liggande sidor (standard: stående)")
    sub.add_argument("--by-focus-area", action="store_true",
                     help="åtgärderna grupperade per fokusområde (standard: per löfte)")
    sub.add_argument("--adopted-version", metavar="N", type=whole_number("--adopted-version"),
                     help="en fastställd version av periodens uppföljning, precis som den fastställdes "
                     f"(se `{PROG} adopted`)")
    sub = report_kind("annual", "årsrapporten (slutrapporten): årets perioder (eller alla) sida vid sida, det "
                      "som är genomfört och det som förs över (PDF)", _cmd_report_annual)
    sub.add_argument("--portrait", action="store_true", help="stående sidor (standard: liggande)")
    sub.add_argument("--year", metavar="ÅR", type=whole_number("--year", minimum=1900, maximum=9999), default=None,
                     help="kalenderåret rapporten gäller, t.ex. 2023 (standard: rapportdagens år medan "
                     "överenskommelsen pågår, hela överenskommelsen när den har upphört)")


def _report_day(text: str) -> date:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ogiltigt datum {quoted(text)} (skriv ÅÅÅÅ-MM-DD)") from None


if TYPE_CHECKING:  # what the follow-up report's and the adoption's commands are typed with
    from promises_app.reports.report_options import FollowUpOptions
    from promises_app.services.records import AdoptedReportRecord


def _next_steps(args: argparse.Namespace, services: Services, agreement_id: int) -> str:
    """``--next-steps`` if given, else the text stored with the period's follow-up (the window's)."""
    if args.next_steps is not None:
        return str(args.next_steps)
    return services.period_follow_ups.next_steps(agreement_id, args.period)


def _followup_options(args: argparse.Namespace, report_date: date | None, next_steps: str) -> FollowUpOptions:
    from promises_app.reports.report_options import FollowUpOptions, Grouping, Orientation

    return FollowUpOptions(
        orientation=Orientation.LANDSCAPE if args.landscape else Orientation.PORTRAIT,
        logos=not args.no_logos,
        report_date=report_date,
        next_steps=next_steps,
        group_by=Grouping.FOCUS_AREA if args.by_focus_area else Grouping.PROMISE,
    )


def _cmd_report_followup(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    from datetime import date

    from promises_app.reports.adopted_document import state_of
    from promises_app.reports.followup_content import build_followup_content
    from promises_app.reports.followup_pdf import render_followup_pdf

    check_output(args.output, db_path)
    if args.adopted_version is not None:
        return _print_adopted(args, db_path)
    with _services(db_path, create=False) as services:
        agreement = _resolve(services, args.agreement)
        options = _followup_options(args, args.today, _next_steps(args, services, agreement.id))
        content = build_followup_content(services, agreement.id, args.period, today=date.today(), options=options)
        adopted = services.adoptions.list_adopted(agreement.id, content.period_label)
        # An adopted period: is this print still what was adopted? (The adopted one is made with its own choices.)
        state = state_of(services, services.reports.source(agreement.id), adopted[-1], tuple(adopted[:-1])) \
            if adopted else None
    write_atomically(args.output, render_followup_pdf(content, options), db_path)
    print(f"Skrev {content.heading} för \"{agreement.title}\" (fingeravtryck {content.fingerprint}) "
          f"till {args.output}.")
    if state is not None:
        latest = state.record
        print(f"Obs: {content.period_label} är fastställd (version {latest.report_version}, "
              f"{_adoption_words(latest)}). Det här är en arbetsutskrift, inte den fastställda rapporten; "
              f"den fastställda skrivs ut med --adopted-version {latest.report_version}.")
        if state.matches is False:
            print(f"Uppgifterna har ändrats sedan version {latest.report_version} fastställdes. Fastställ en ny "
                  f"version för att publicera rättelsen: `{PROG} adopt`.")
    return EXIT_OK


def _cmd_publish(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    """The publication's folder (docs/publication.md): every file checked first, made from one read, then
    each written atomically, the page last."""
    from datetime import date

    from promises_app.reports.publication import PublicationOptions, build_publication, file_names
    from promises_app.services.output_paths import OutputPathRefused, check_output_path

    folder: Path = args.output.expanduser()
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{shown_path(args.output)} är en fil, inte en mapp; ange mappen att publicera i. "
                           "Ingenting har skrivits.")
    try:  # before anything is read or made: the folder may not exist yet, so check_output would refuse it
        for name in file_names(args.period):
            check_output_path(folder / name, _database_file(db_path))
    except OutputPathRefused as error:
        raise CommandError(str(error)) from None
    with _services(db_path, create=False) as services:
        agreement = _resolve(services, args.agreement)
        options = PublicationOptions(args.period, report_date=args.today,
                                     next_steps=_next_steps(args, services, agreement.id))
        publication = build_publication(services, agreement.id, options, today=date.today())
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputWriteError(error.errno, error.strerror, str(args.output)) from error
    for name, data in publication.files:
        write_atomically(folder / name, data, db_path)
    content = publication.content
    print(f"Publicerade \"{agreement.title}\", {content.period_name} ({content.total} åtgärder), i {args.output}: "
          + ", ".join(name for name, _data in publication.files) + ".")
    print(f"Lägg mappens filer på webbplatsen som de är; sidan är {args.output / 'index.html'}.")
    return EXIT_OK


def _print_adopted(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    """`report followup --adopted-version N`: the bytes kept at the adoption, nothing made again."""
    from promises_app.reports.adopted_document import adopted_pdf

    given = [flag for flag, value in (("--today", args.today), ("--landscape", args.landscape),
                                      ("--by-focus-area", args.by_focus_area), ("--no-logos", args.no_logos),
                                      ("--next-steps", args.next_steps)) if value]
    if given:
        raise CommandError(f"{', '.join(given)} gäller inte en fastställd version: den skrivs ut precis som den "
                           "fastställdes. Ingenting har skrivits.")
    with _services(db_path, create=False) as services:
        agreement = _resolve(services, args.agreement)
        kept = adopted_pdf(services, agreement.id, args.period, args.adopted_version)
    write_atomically(args.output, kept.pdf, db_path)
    record = kept.record
    print(f"Skrev den fastställda uppföljningen {record.period} version {record.report_version} för "
          f"\"{agreement.title}\" ({_adoption_words(record)}; fingeravtryck {record.fingerprint}) till {args.output}.")
    if not record.latest:
        print(f"Obs: det finns en senare fastställd version av {record.period} (se `{PROG} adopted`).")
    return EXIT_OK


# --- adopt / adopted ----------------------------------------------------------------------------
#: The command line's flag for each field the adoption checks (the messages name it).
ADOPTION_FLAGS = {"period": "--period", "adopted_by": "--by", "adopted_on": "--date", "paragraph": "--paragraph",
                  "case_number": "--case", "report_date": "--report-date", "options": "--next-steps"}


def _add_adoption_commands(command: Callable[[str, str, Callable[..., int]], argparse.ArgumentParser]) -> None:
    sub = command("adopt", "registrera att en periods uppföljning har fastställts och spara rapporten (PDF/A) "
                  "som periodens nästa version", _cmd_adopt)
    sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
    sub.add_argument("--period", metavar="PERIOD", required=True, help="uppföljningsperioden, t.ex. 2022-T2")
    sub.add_argument("--by", metavar="ORGAN", required=True,
                     help="vem som fastställde den, t.ex. Kommunstyrelsen eller Trygghetsrådet")
    sub.add_argument("--date", metavar="ÅÅÅÅ-MM-DD", required=True, help="dagen den fastställdes (mötets datum)")
    sub.add_argument("--paragraph", metavar="§", required=True, help="protokollets paragraf, t.ex. \"§ 45\" eller 45")
    sub.add_argument("--case", metavar="DNR", default="", help="diarienumret, t.ex. \"KS 2022/123\" (om det finns)")
    sub.add_argument("--report-date", metavar="ÅÅÅÅ-MM-DD", default=None,
                     help="rapportdatum: dagen rapporten gjordes per (standard: dagen den fastställdes)")
    sub.add_argument("--landscape", action="store_true", help="liggande sidor (standard: stående)")
    sub.add_argument("--by-focus-area", action="store_true",
                     help="åtgärderna grupperade per fokusområde (standard: per löfte)")
    sub.add_argument("--no-logos", action="store_true", help="utan parternas logotyper i sidhuvudet")
    sub.add_argument("--next-steps", metavar="TEXT", default=None,
                     help="texten under rubriken Nästa steg (standard: den text som sparats för perioden)")
    sub.add_argument("-o", "--output", metavar="FIL.pdf", type=Path,
                     help="skriv också den fastställda rapportens PDF hit")
    sub = command("adopted", "lista de fastställda uppföljningarna och om de stämmer med uppgifterna nu",
                  _cmd_adopted)
    sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
    sub.add_argument("--period", metavar="PERIOD", help="bara den här perioden, t.ex. 2022-T2")


def _adoption_words(record: AdoptedReportRecord) -> str:
    """"fastställd av Kommunstyrelsen 12 oktober 2022, § 45, dnr KS 2022/123"."""
    from promises_app.reports.adopted_document import adoption_text

    return "fastställd av " + adoption_text(record.adopted_by, record.adopted_on, record.paragraph,
                                            record.case_number)


def _cmd_adopt(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    from promises_app.reports.adopted_document import adopt_followup, adopted_pdf, differences

    if args.output:
        # Before adopting: a refused -o must not leave the adoption recorded and the PDF unwritten.
        check_output(args.output, db_path)
    with _services(db_path, create=False, exclusive=True) as services:
        agreement = _resolve(services, args.agreement)
        options = _followup_options(args, None, _next_steps(args, services, agreement.id))
        try:
            record = adopt_followup(
                services, agreement.id, args.period, adopted_by=args.by, adopted_on=args.date,
                paragraph=args.paragraph, case_number=args.case, report_date=args.report_date, options=options,
            )
        except ValidationError as error:
            raise CommandError("\n".join(f"{ADOPTION_FLAGS.get(e.field, e.field)}: {e.message}"
                                          for e in error.errors) + "\nIngenting har sparats.") from None
        versions = services.adoptions.list_adopted(agreement.id, record.period)
        same = None
        if len(versions) > 1:
            before = services.adoptions.content_text(versions[-2].id)
            same = not differences(before, services.adoptions.content_text(record.id))
        pdf = adopted_pdf(services, agreement.id, record.period, record.report_version).pdf if args.output else b""
    print(f"Uppföljningen {record.period} för \"{agreement.title}\" är fastställd som version "
          f"{record.report_version} ({_adoption_words(record)}).")
    print(f"  Rapportdatum: {record.report_date.isoformat()}, fingeravtryck {record.fingerprint}")
    print(f"  Innehållets SHA-256: {record.content_sha256}")
    print(f"  PDF:ens SHA-256:     {record.pdf_sha256} ({record.pdf_size} byte, PDF/A-2a)")
    if same:
        print(f"Obs: uppgifterna är desamma som i version {versions[-2].report_version}; bara fastställandet skiljer.")
    if args.output:
        write_atomically(args.output, pdf, db_path)
        print(f"Skrev den fastställda rapportens PDF till {args.output}.")
    return EXIT_OK


def _cmd_adopted(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    from promises_app.reports.adopted_document import compare_with_data

    with _services(db_path, create=False) as services:
        agreement = _resolve(services, args.agreement)
        records = services.adoptions.list_adopted(agreement.id)
        states = compare_with_data(services, agreement.id)
    if args.period is not None:
        wanted = args.period.strip().upper()
        records = [record for record in records if record.period.upper() == wanted]
    if not records:
        which = f" för {args.period.strip()}" if args.period is not None else ""
        print(f"\"{agreement.title}\" har ingen fastställd uppföljning{which} ännu.")
        return EXIT_OK
    print(f"Fastställda uppföljningar för \"{agreement.title}\":")
    for record in records:
        print(f"{record.period} version {record.report_version}: {_adoption_words(record)}")
        print(f"  Rapportdatum {record.report_date.isoformat()}, fingeravtryck {record.fingerprint}, "
              f"PDF {record.pdf_size} byte (SHA-256 {record.pdf_sha256})")
        if not record.latest:
            print("  Ersatt av en senare version.")
            continue
        state = states.get(record.period)
        if state is None or state.matches is None:
            reason = state.problem if state is not None else ""
            print(f"  Kan inte jämföras med uppgifterna nu. {reason}".rstrip())
        elif state.matches:
            print("  Stämmer med uppgifterna nu.")
        else:
            print("  STÄMMER INTE längre med uppgifterna: uppföljningen har ändrats sedan den fastställdes.")
            for line in state.differences:
                print(f"    {line}")
            print(f"  Den fastställda versionen är oförändrad. Fastställ en ny version för att publicera rättelsen: "
                  f"{PROG} adopt {agreement.id} --period {record.period} --by … --date … --paragraph …")
    return EXIT_OK


def _cmd_report_annual(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    from datetime import date

    from promises_app.reports.annual_content import build_annual_content
    from promises_app.reports.annual_pdf import render_annual_pdf
    from promises_app.reports.report_options import AnnualOptions, Orientation

    check_output(args.output, db_path)
    options = AnnualOptions(
        orientation=Orientation.PORTRAIT if args.portrait else Orientation.LANDSCAPE,
        logos=not args.no_logos,
        report_date=args.today,
        next_steps=args.next_steps or "",
        year=args.year,
    )
    with _services(db_path, create=False) as services:
        agreement = _resolve(services, args.agreement)
        content = build_annual_content(services, agreement.id, today=date.today(), options=options)
    write_atomically(args.output, render_annual_pdf(content, options), db_path)
    print(f"Skrev {content.heading} för \"{agreement.title}\" (fingeravtryck {content.fingerprint}) "
          f"till {args.output}.")
    return EXIT_OK


def _certificate_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--certificate", metavar="FIL.p12", type=Path,
        help="signera PDF:en digitalt (PAdES) med certifikatet i filen; lösenordet läses från "
        f"miljövariabeln {PASSWORD_VARIABLE} eller frågas efter",
    )


def _certified(pdf: bytes, args: argparse.Namespace, *, place: str) -> bytes:
    """``pdf`` with a PAdES certification signature when --certificate was given."""
    if getattr(args, "certificate", None) is None:
        return pdf
    from promises_app.reports.pdf_signature import SignatureError, certify_pdf, load_credentials

    p12 = read_input(args.certificate, what="Certifikatfilen")
    passphrase = os.environ.get(PASSWORD_VARIABLE)
    if passphrase is None and sys.stdin.isatty():
        import getpass

        passphrase = getpass.getpass(f"Lösenord för {args.certificate}: ")
    try:
        credentials = load_credentials(p12, passphrase)
        return certify_pdf(pdf, credentials, reason="Undertecknad överenskommelse", location=place)
    except SignatureError as error:
        raise CommandError(f"{args.certificate}: {error}") from None


def _cmd_sign(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    from promises_app.reports.agreement_document import agreement_pdf, sign_agreement

    if args.output:
        # Before signing: a refused -o must not leave the draft signed and the PDF unwritten.
        check_output(args.output, db_path, inputs=[args.certificate])
    with _services(db_path, create=False, exclusive=True) as services:
        agreement = _resolve(services, args.agreement)
        signatory_ids = None
        if args.signatory:
            signatory_ids = _signatory_ids(services, agreement.id, args.signatory)
        record = sign_agreement(services, agreement.id, place=args.place, signed_on=args.date,
                                signatory_ids=signatory_ids)
        pdf = agreement_pdf(services, agreement.id, revision=record.revision)[0] if args.output else b""
    print(f"\"{agreement.title}\" är undertecknad som revision {record.revision} "
          f"({record.signed_place} {record.signed_on}).")
    for party, people in record.signatories:
        print(f"  {party}: {', '.join(name for name, _title in people)}")
    print(f"  Innehållets SHA-256: {record.content_sha256}")
    print(f"  PDF:ens SHA-256:     {record.pdf_sha256}")
    if args.output:
        write_atomically(args.output, _certified(pdf, args, place=record.signed_place), db_path)
        print(f"Skrev revisionens PDF till {args.output}.")
    return EXIT_OK


def _signatory_ids(services: Services, agreement_id: int, names: Sequence[str]) -> list[int]:
    signatories = [s for p in services.agreements.list_parties(agreement_id) for s in p.signatories]
    chosen: list[int] = []
    for name in names:
        matches = [s for s in signatories if s.name.casefold() == name.strip().casefold()]
        if not matches:
            known = ", ".join(s.name for s in signatories) or "inga"
            raise CommandError(f"Ingen undertecknare heter \"{name}\" (undertecknare: {known}).")
        chosen.extend(s.id for s in matches)
    return chosen


def _cmd_new_revision(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    with _services(db_path, create=False, exclusive=True) as services:
        agreement = _resolve(services, args.agreement)
        base = services.signoff.new_revision(agreement.id)
    print(f"\"{agreement.title}\" är nu ett utkast till revision {base.revision + 1}. "
          f"Undertecknad revision {base.revision} finns kvar som den var.")
    return EXIT_OK


def _cmd_versions(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    from promises_app.domain.snapshot_diff import ChangeKind
    from promises_app.domain.vocabulary import ENTITY_WORDS, FIELD_WORDS, swedish

    with _services(db_path, create=False) as services:
        agreement = _resolve(services, args.agreement)
        current = services.agreements.get_agreement(agreement.id)
        revisions = services.signoff.list_revisions(agreement.id)
        changes = services.signoff.changes_since_signing(agreement.id)
    print(f"{current.title}: revision {current.revision}, {swedish(current.state).lower()}.")
    if not revisions:
        print("Ingen revision är undertecknad ännu.")
        return EXIT_OK
    for revision in revisions:
        source = "inläst från fil" if revision.source == "imported" else "undertecknad här"
        day = revision.signed_on.isoformat() if revision.signed_on else "datum saknas"
        print(f"Revision {revision.revision}: {revision.signed_place or 'ort saknas'} {day} ({source})")
        for party, people in revision.signatories:
            print(f"  {party}: {', '.join(f'{name} ({title})' if title else name for name, title in people)}")
        print(f"  Innehållets SHA-256: {revision.content_sha256}")
        for copy in revision.copies:
            print(f"  Inskannad kopia: {copy.file_name}, SHA-256 {copy.sha256}")
    latest = revisions[-1].revision
    if not changes:
        print(f"Inga ändringar sedan revision {latest}.")
        return EXIT_OK
    print(f"{len(changes)} ändring(ar) sedan revision {latest}:")
    for change in changes:
        what = f"{ENTITY_WORDS[change.entity]} «{change.label}»" if change.label else ENTITY_WORDS[change.entity]
        if change.change is ChangeKind.ADDED:
            print(f"  + {what}: tillagd")
        elif change.change is ChangeKind.REMOVED:
            print(f"  - {what}: borttagen")
        elif change.change is ChangeKind.REORDERED:
            print(f"  ~ {what}: ny ordning ({change.new})")
        else:
            print(f"  ~ {what}, {FIELD_WORDS.get(change.field or '', change.field)}: "
                  f"{quoted(change.old)} → {quoted(change.new)}")
    return EXIT_OK


def _cmd_attach_signed(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    data = read_input(args.file)
    with _services(db_path, create=False, exclusive=True) as services:
        agreement = _resolve(services, args.agreement)
        revision = args.revision
        if revision is None:
            revisions = services.signoff.list_revisions(agreement.id)
            if not revisions:
                raise CommandError(f"\"{agreement.title}\" har ingen undertecknad revision att bifoga kopian till.")
            revision = revisions[-1].revision
        copy = services.signoff.attach_signed_copy(agreement.id, revision, file_name=args.file.name, data=data)
    print(f"Bifogade {copy.file_name} till revision {revision} av \"{agreement.title}\" "
          f"(SHA-256 {copy.sha256}).")
    return EXIT_OK


def _cmd_verify(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    from promises_app.reports.verification import verify_pdf

    data = read_input(args.file)
    roots = [read_input(path) for path in args.trust]
    with _services(db_path, create=False) as services:
        result = verify_pdf(services, data, trust_roots=roots)
    stream = sys.stdout if result.ok else sys.stderr
    if not result.ok:
        print(f"{args.file}: STÄMMER INTE.", file=stream)
    for finding in result.findings:
        print(finding, file=stream)
    return EXIT_OK if result.ok else EXIT_ERROR


def _cmd_list(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    from promises_app.domain.vocabulary import swedish
    with _services(db_path, create=False) as services:
        agreements = services.agreements.list_agreements()
        if not agreements:
            print("Databasen har inga överenskommelser ännu.")
            return EXIT_OK
        rows = [("ID", "TITEL", "PERIOD", "UPPFÖLJNING", "STATUS")]
        for agreement in agreements:
            indent = "  " if agreement.parent_id is not None else ""
            rows.append(
                (
                    str(agreement.id),
                    indent + agreement.title,
                    f"{agreement.start_date.isoformat()} – {agreement.end_date.isoformat()}",
                    _scheme_text(agreement),
                    f"{swedish(agreement.state)} (rev. {agreement.revision})",
                )
            )
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
        for row in rows:
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1])
        return EXIT_OK


def _cmd_check(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    with _services(db_path, create=False) as services:
        result = services.maintenance.check()
        summary = (f"{result.agreements} överenskommelser, {result.measures} åtgärder, "
                   f"{result.follow_ups} uppföljningar")
        if result.ok:
            print(f"Databasen {db_path} är hel ({summary}).")
            return EXIT_OK
        for problem in result.problems:
            print(problem, file=sys.stderr)
        raise CommandError(f"Databasen {db_path} har fel (se ovan). Ändra inget förrän den har återställts.")


def _cmd_verify_db(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    from promises_app.reports.agreement_document import render_legacy_snapshot_pdf

    anchors = [_anchor_argument(value) for value in args.against]
    with _services(db_path, create=False) as services:
        this_database = services.maintenance.log_anchor().database_id
        for label, anchor in anchors:
            if anchor.database_id and anchor.database_id != this_database:
                raise CommandError(f"{label} kommer från en annan databas (id {anchor.database_id}; {db_path} har id "
                                   f"{this_database}) och kan inte pröva den här. Välj en utskrift från den här "
                                   "databasen.")
        # Revisions signed before schema 7 kept only their PDF's hash: made again by the renderer of that time.
        result = services.maintenance.verify_database(render_pdf=render_legacy_snapshot_pdf, anchors=anchors)
    if result.ok:
        print(f"Ändringsloggen i {db_path} är obruten ({result.entries} poster, alla kontrollsummor stämmer, "
              "och den slutar där den ska).")
        print(f"De undertecknade revisionerna är oförändrade ({result.revisions} st, alla kontrollsummor stämmer).")
        if result.adopted:
            print(f"De fastställda uppföljningarna är oförändrade ({result.adopted} st, alla kontrollsummor stämmer).")
        print(f"Planen i de {result.signed_agreements} undertecknade eller avslutade överenskommelserna är "
              "den som undertecknades.")
        print("Varje rad stämmer med ändringsloggen.")
        for label, _reason in result.anchors:
            print(f"{label}: databasen har kvar ändringsloggen som den var när den skrevs.")
        for warning in result.warnings:
            print(f"Obs: {warning}")
        return EXIT_OK
    print(f"Databasen {db_path} har ändrats utanför programmet. Första felet först:", file=sys.stderr)
    for problem in result.problems:
        print(f"  {problem}", file=sys.stderr)
    return EXIT_ERROR


def _anchor_argument(value: str) -> tuple[str, LogAnchor]:
    """``--against``: a PDF the program wrote, or the log head typed from its footer."""
    from promises_app.domain.log_anchor import parse_typed

    path = Path(value).expanduser()
    if path.is_file():
        from promises_app.reports.pdf_anchor import anchor_of_pdf

        found = anchor_of_pdf(path.read_bytes())
        if found is None:
            raise CommandError(f"{shown_path(path)} bär inget värde för ändringsloggen (den är inte skriven av "
                               "Medborgarlöften, eller av en äldre version).")
        return shown_path(path), found
    typed = parse_typed(value)
    if typed is None:
        raise CommandError(f"--against {quoted(value)}: ingen sådan fil, och inte heller ett loggvärde som "
                           "1234:9f2c1a0b7e3d (det står sist i sidfoten på utskrifterna).")
    return f"Loggvärdet {typed.short()}", typed


def _cmd_backup(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    _refuse_on_a_server(db_path)
    with _services(db_path, create=False) as services:
        backup = services.backups.backup_now()
    print(f"Säkerhetskopia gjord och kontrollerad: {backup.path}")
    print(f"  {backup.describe()}")
    return EXIT_OK


def _cmd_server_init(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    """The shared database's roles (storage/server_init.py): what was done, then the GRANT lines for IT."""
    from promises_app.domain.permissions import DEFAULT_ROLE_PREFIX
    from promises_app.services.server_roles import is_server_address, prepare_server, shown_address

    if not is_server_address(args.url):
        raise CommandError(f"{quoted(args.url)} är ingen adress till en PostgreSQL-databas (postgresql://…). "
                           "server-init behövs bara för en delad databas; en databasfil behöver inga roller.")
    report = prepare_server(args.url, args.prefix or DEFAULT_ROLE_PREFIX)
    address = shown_address(args.url)
    if report.done:
        print(f"Den delade databasen {address} är förberedd:")
        for line in report.done:
            print(f"  {line}")
    else:
        print(f"Ingenting behövde ändras: {address} har redan tabellerna, rollerna och deras rättigheter.")
    print("Ge varje person ett eget inloggningskonto och en av rollerna, t.ex.:")
    for line in report.grant_lines():
        print(f"  {line}")
    print(f"Kör `{PROG} server-init` igen efter varje uppgradering av programmet (nya tabeller får då sina "
          "rättigheter).")
    return EXIT_OK


def _cmd_people(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    with _services(db_path, create=False) as services:
        people = services.register.list_people()
    if not people:
        print("Personregistret är tomt.")
        return EXIT_OK
    for person in people:
        details = ", ".join(filter(None, [person.title, person.organisation_name, person.email]))
        print(f"{person.id:>4}  {person.name}" + (f" ({details})" if details else ""))
    return EXIT_OK


def _cmd_organisations(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    from promises_app.domain.vocabulary import swedish

    with _services(db_path, create=False) as services:
        rows = [(o, services.logos.get_logo(o.id) is not None) for o in services.register.list_organisations()]
    if not rows:
        print("Det finns inga organisationer.")
        return EXIT_OK
    for organisation, has_logo in rows:
        logo = " · logotyp" if has_logo else ""
        print(f"{organisation.id:>4}  {organisation.name} ({swedish(organisation.kind)}){logo}")
    return EXIT_OK


def _cmd_logo(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    from promises_app.services.logos import MAX_FILE_BYTES

    data = None if args.remove else read_input(args.file, what="Bildfilen", limit=MAX_FILE_BYTES)
    with _services(db_path, create=False, exclusive=True) as services:
        organisation = _organisation(services, args.organisation)
        if data is None:
            services.logos.remove_logo(organisation.id, expected_version=organisation.version)
            print(f"{organisation.name} har inte längre någon logotyp.")
        else:
            services.logos.set_logo(organisation.id, data, expected_version=organisation.version)
            print(f"{organisation.name} har fått logotypen från {shown_path(args.file)}.")
    return EXIT_OK


def _organisation(services: Services, reference: str) -> OrganisationRecord:
    """The organisation ``reference`` names: its id, its whole name, or a part of only one name."""
    organisations = services.register.list_organisations()
    if reference.strip().isdigit():
        matches = [o for o in organisations if o.id == int(reference)]
    else:
        wanted = reference.strip().casefold()
        matches = [o for o in organisations if o.name.casefold() == wanted] or [
            o for o in organisations if wanted in o.name.casefold()
        ]
    if not matches:
        raise CommandError(f"Ingen organisation matchar {quoted(reference)}. Se `{PROG} organisations`.")
    if len(matches) > 1:
        listed = "\n".join(f"  {o.id}\t{o.name}" for o in matches)
        raise CommandError(f"{quoted(reference)} matchar flera organisationer; ange id:\n{listed}")
    return matches[0]


def _cmd_person_export(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    check_output(args.output, db_path)
    with _services(db_path, create=False) as services:
        text = services.privacy.export_person_json(args.person)
    write_atomically(args.output, text, db_path)
    print(f"Allt om person {args.person} är exporterat till {args.output}.")
    return EXIT_OK


def _cmd_person_erase(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    with _services(db_path, create=False, exclusive=True) as services:
        if services.db.keeps_backups:
            services.backups.backup_now()  # erasing is final: keep the way back in the backups
        else:
            print("Den delade databasen säkerhetskopieras av servern; programmet gör ingen egen kopia först.")
        if args.pseudonymise:
            record = services.privacy.pseudonymise_person(args.person)
            print(f"Person {args.person} är pseudonymiserad som \"{record.name}\".")
        else:
            services.privacy.erase_person(args.person)
            print(f"Person {args.person} är raderad.")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace, db_path: DatabaseTarget) -> int:
    """Without an argument: list. With a number or a file: restore it (the database must be closed)."""
    from promises_app.services.backups import backups_of, restore_database
    db_path = _refuse_on_a_server(db_path)
    available = backups_of(db_path)
    if args.backup is None:
        if not available:
            print(f"Det finns inga säkerhetskopior av {db_path}.")
            return EXIT_OK
        print(f"Säkerhetskopior av {db_path} (nyaste först):")
        for number, backup in enumerate(available, start=1):
            titles = "; ".join(backup.newest_titles)
            print(f"  {number:>2}. {backup.describe()}")
            if titles:
                print(f"      senast tillagda: {titles}")
        print(f"Återställ med: {PROG} --db {db_path} restore NUMMER")
        return EXIT_OK
    if args.backup.isascii() and args.backup.isdigit():
        number = int(args.backup) if len(args.backup) <= 6 else len(available) + 1
        if not 1 <= number <= len(available):
            raise CommandError(f"Det finns ingen säkerhetskopia nummer {number} (det finns {len(available)}).")
        source = available[number - 1].path
    else:
        source = Path(args.backup).expanduser()
        if not source.is_file():
            raise CommandError(f"Filen {shown_path(source)} finns inte.")
    kept = restore_database(db_path, source)
    print(f"Databasen {db_path} är återställd från {source}.")
    if kept is not None:
        print(f"Den tidigare databasen finns kvar som {kept}.")
    return EXIT_OK


def _scheme_text(agreement: AgreementSummary) -> str:
    from promises_app.domain.periods import describe, periods_for
    from promises_app.domain.vocabulary import swedish

    periods = periods_for(agreement.start_date, agreement.end_date, agreement.reporting_scheme)
    return f"{swedish(agreement.reporting_scheme)}, {len(periods)} st" if len(periods) > 1 else describe(periods[0])


def _resolve(services: Services, reference: str) -> AgreementSummary:
    matches = services.agreements.find_agreements(reference)
    if not matches:
        raise CommandError(f"Ingen överenskommelse matchar {quoted(reference)}. Se `{PROG} list`.")
    if len(matches) > 1:
        listed = "\n".join(f"  {a.id}\t{a.title}" for a in matches)
        raise CommandError(f"{quoted(reference)} matchar flera överenskommelser; ange id:\n{listed}")
    return matches[0]


def read_input(path: Path, *, what: str = "Filen", limit: int = MAX_INPUT_BYTES, advice: str = "") -> bytes:
    """The bytes of a file the command reads (a PDF, a certificate, an indicator file): never
    more than ``limit`` + 1 are read, so ``/dev/zero`` or a pipe that never ends is refused at
    once. A missing, unreadable or too big file is a CommandError naming it."""
    from promises_app.input_files import read_at_most
    try:
        data = read_at_most(path, limit)
    except FileNotFoundError:
        raise CommandError(f"{what} {shown_path(path)} finns inte.") from None
    except OSError as error:
        raise CommandError(os_errors.describe(error, path, doing="läsas")) from None
    if len(data) > limit:
        too_big = f"{what} {shown_path(path)} är för stor (mer än {limit // 1_048_576} MB)."
        raise CommandError(f"{too_big} {advice}".strip())
    return data


def check_output(path: Path, db_path: DatabaseTarget | None, *, inputs: Sequence[Path | None] = ()) -> Path:
    """Refuse an output path before any work is done (CommandError, Swedish); the real file to write.

    Never the open database or what belongs to it, never another Medborgarlöften database, a
    read-only file or a folder (services/output_paths.py), never a folder that does not exist,
    and never one of the command's own ``inputs`` (the certificate file, say). A shared
    database (a URL) has no file here to protect; the other refusals still hold.
    """
    from promises_app.services.output_paths import OutputPathRefused, check_output_path
    try:
        final = check_output_path(path, _database_file(db_path))
    except OutputPathRefused as error:
        raise CommandError(str(error)) from None
    if not final.parent.is_dir():
        raise CommandError(f"Mappen {final.parent} finns inte. Ingenting har skrivits.")
    for source in filter(None, inputs):
        with contextlib.suppress(OSError):
            if os.path.samefile(final, source.expanduser()):
                raise CommandError(f"{path} är samma fil som {source}, som kommandot läser; välj ett annat "
                                   "filnamn. Ingenting har skrivits.")
    return final


def write_atomically(path: Path, data: str | bytes, db_path: DatabaseTarget | None = None) -> None:
    """Write an output atomically and owner-only (promises_app/files.py), checked again as it is written.

    ``db_path`` is the database the command opened (every command passes it); the file is never
    that database or anything that belongs to it.
    """
    from promises_app import files
    from promises_app.services.output_paths import OutputPathRefused
    check_output(path, db_path)
    try:
        files.write_atomically(path.expanduser(), data, database=_database_file(db_path))
    except OutputPathRefused as error:
        raise CommandError(str(error)) from None
    except OSError as error:  # named as the person gave it (files.py), never the hidden temporary file
        raise OutputWriteError(error.errno, error.strerror, str(path)) from error


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
