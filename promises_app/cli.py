"""The command line: the same services as the window.

``promises-app`` with no subcommand starts the desktop app. Every error ends with a clear
message on stderr and a non-zero exit; nothing is half-written (exports go to a temporary
file that is renamed into place, imports are one transaction).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from promises_app import __version__
from promises_app.domain.periods import describe, periods_for
from promises_app.domain.vocabulary import swedish
from promises_app.services import Services, default_database_path, open_services
from promises_app.services.backups import backups_of, restore_database
from promises_app.services.errors import BackupError, DatabaseOpenError, ServiceError, StorageFailure
from promises_app.services.records import AgreementSummary

PROG = "promises-app"
EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A problem the user can fix; printed without a traceback."""


class _SwedishHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        return super().add_usage(usage, actions, groups, prefix or "Användning: ")


def _db_option(*, default: object) -> argparse.ArgumentParser:
    holder = argparse.ArgumentParser(add_help=False)
    holder.add_argument(
        "--db",
        metavar="FIL",
        type=Path,
        default=default,
        help=f"databasfilen att använda (standard: {default_database_path()})",
    )
    return holder


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
    sub = command("export-json", "exportera en överenskommelse med allt under den till JSON", _cmd_export)
    sub.add_argument("agreement", metavar="ÖVERENSKOMMELSE", help="id eller titel (eller del av titel)")
    sub.add_argument("-o", "--output", metavar="FIL.json", type=Path, required=True, help="filen att skriva")
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
    sub.add_argument("--no-appendix", action="store_true", help="utan bilagan med handlingsplanen")
    command("list", "lista överenskommelserna (id, titel, period, status)", _cmd_list)
    command("check", "kontrollera databasens integritet", _cmd_check)
    command("verify-db", "kontrollera ändringsloggens kedja av kontrollsummor (manipulering)", _cmd_verify_db)
    command("backup", "gör en kontrollerad säkerhetskopia nu", _cmd_backup)
    command("people", "lista personregistret (id, namn, titel, organisation)", _cmd_people)
    sub = command("person-export", "exportera allt databasen har om en person (JSON)", _cmd_person_export)
    sub.add_argument("person", metavar="PERSON-ID", type=int, help="personens id (se `people`)")
    sub.add_argument("-o", "--output", metavar="FIL.json", type=Path, required=True, help="filen att skriva")
    sub = command(
        "person-erase",
        "radera en person (eller pseudonymisera med --pseudonymise); inte den som undertecknat "
        "en undertecknad överenskommelse",
        _cmd_person_erase,
    )
    sub.add_argument("person", metavar="PERSON-ID", type=int, help="personens id (se `people`)")
    sub.add_argument("--pseudonymise", action="store_true",
                     help="ersätt namnet med en pseudonym och töm titel, e-post och telefon i stället")
    sub = command("restore", "lista säkerhetskopiorna, eller återställ en av dem", _cmd_restore)
    sub.add_argument("backup", metavar="KOPIA", nargs="?",
                     help="numret i listan (1 = nyaste) eller sökvägen till en säkerhetskopia")
    return parser


def _add_help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                        help="visa den här hjälpen och avsluta")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    db_path: Path = (args.db or default_database_path()).expanduser()
    if args.command is None:
        from promises_app.ui.app import run_desktop

        return run_desktop(db_path, first_run_demo=args.db is None, smoke=args.smoke)
    try:
        return int(args.handler(args, db_path))
    except (CommandError, ServiceError, DatabaseOpenError, StorageFailure, BackupError) as error:
        print(f"{PROG}: fel: {error}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        print(f"{PROG}: fel: {error.strerror or error} ({error.filename or ''})", file=sys.stderr)
        return EXIT_ERROR


@contextlib.contextmanager
def _services(db_path: Path, *, create: bool, exclusive: bool = False) -> Iterator[Services]:
    """The services over ``db_path`` for one command; the database is closed afterwards.

    Commands that write take the one-writer lock (``exclusive``), so they are refused, naming
    who has it, while the window has the database open.
    """
    services = open_services(db_path, create=create, exclusive=exclusive)
    try:
        yield services
    finally:
        services.db.close()


def _cmd_demo(args: argparse.Namespace, db_path: Path) -> int:
    with _services(db_path, create=True, exclusive=True) as services:
        existing = {a.title for a in services.agreements.list_agreements()}
        results = services.maintenance.load_demo(skip_titles=existing)
        if not results:
            raise CommandError(f"Demodata finns redan i {db_path}.")
        count = sum(len(r.agreement_ids) for r in results)
        print(f"Demodata inläst i {db_path}: {count} överenskommelser.")
        return EXIT_OK


def _cmd_import(args: argparse.Namespace, db_path: Path) -> int:
    try:
        data = args.file.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"Filen {args.file} finns inte.") from None
    with _services(db_path, create=True, exclusive=True) as services:
        result = services.exchange.import_json(data)
        titles = [services.agreements.get_agreement(i).title for i in result.agreement_ids]
        print(f"Importerade {len(titles)} överenskommelse(r) till {db_path}:")
        for agreement_id, title in zip(result.agreement_ids, titles, strict=True):
            print(f"  {agreement_id}\t{title}")
        return EXIT_OK


def _cmd_export(args: argparse.Namespace, db_path: Path) -> int:
    with _services(db_path, create=False) as services:
        agreement = _resolve(services, args.agreement)
        write_atomically(args.output, services.exchange.export_json(agreement.id))
        print(f"Exporterade \"{agreement.title}\" till {args.output}.")
        return EXIT_OK


def _cmd_report_missing(args: argparse.Namespace, db_path: Path) -> int:
    raise CommandError(f"Ange vilket dokument som ska skrivas ut, t.ex. `{PROG} report agreement`.")


def _cmd_report_agreement(args: argparse.Namespace, db_path: Path) -> int:
    from promises_app.reports.agreement_content import build_agreement_content, party_logos
    from promises_app.reports.agreement_pdf import render_agreement_pdf

    with _services(db_path, create=False) as services:
        agreement = _resolve(services, args.agreement)
        content = build_agreement_content(services, agreement.id)
        logos = party_logos(services, content)
    pdf = render_agreement_pdf(content, appendix=not args.no_appendix, logos=logos)
    write_atomically(args.output, pdf)
    print(f"Skrev \"{agreement.title}\" (revision {content.revision}, fingeravtryck "
          f"{content.fingerprint}) till {args.output}.")
    return EXIT_OK


def _cmd_list(args: argparse.Namespace, db_path: Path) -> int:
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


def _cmd_check(args: argparse.Namespace, db_path: Path) -> int:
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


def _cmd_verify_db(args: argparse.Namespace, db_path: Path) -> int:
    with _services(db_path, create=False) as services:
        result = services.maintenance.verify_database()
    if result.ok:
        print(f"Ändringsloggen i {db_path} är obruten ({result.entries} poster, alla kontrollsummor stämmer).")
        return EXIT_OK
    print(f"Ändringsloggen i {db_path} har ändrats i efterhand. Första felet först:", file=sys.stderr)
    for problem in result.problems:
        print(f"  {problem}", file=sys.stderr)
    return EXIT_ERROR


def _cmd_backup(args: argparse.Namespace, db_path: Path) -> int:
    with _services(db_path, create=False) as services:
        backup = services.backups.backup_now()
    print(f"Säkerhetskopia gjord och kontrollerad: {backup.path}")
    print(f"  {backup.describe()}")
    return EXIT_OK


def _cmd_people(args: argparse.Namespace, db_path: Path) -> int:
    with _services(db_path, create=False) as services:
        people = services.register.list_people()
    if not people:
        print("Personregistret är tomt.")
        return EXIT_OK
    for person in people:
        details = ", ".join(filter(None, [person.title, person.organisation_name, person.email]))
        print(f"{person.id:>4}  {person.name}" + (f" ({details})" if details else ""))
    return EXIT_OK


def _cmd_person_export(args: argparse.Namespace, db_path: Path) -> int:
    with _services(db_path, create=False) as services:
        text = services.privacy.export_person_json(args.person)
    write_atomically(args.output, text)
    print(f"Allt om person {args.person} är exporterat till {args.output}.")
    return EXIT_OK


def _cmd_person_erase(args: argparse.Namespace, db_path: Path) -> int:
    with _services(db_path, create=False, exclusive=True) as services:
        services.backups.backup_now()  # erasing is final: keep the way back in the backups
        if args.pseudonymise:
            record = services.privacy.pseudonymise_person(args.person)
            print(f"Person {args.person} är pseudonymiserad som \"{record.name}\".")
        else:
            services.privacy.erase_person(args.person)
            print(f"Person {args.person} är raderad.")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace, db_path: Path) -> int:
    """Without an argument: list. With a number or a file: restore it (the database must be closed)."""
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
    if args.backup.isdigit():
        number = int(args.backup)
        if not 1 <= number <= len(available):
            raise CommandError(f"Det finns ingen säkerhetskopia nummer {number} (det finns {len(available)}).")
        source = available[number - 1].path
    else:
        source = Path(args.backup).expanduser()
        if not source.is_file():
            raise CommandError(f"Filen {source} finns inte.")
    kept = restore_database(db_path, source)
    print(f"Databasen {db_path} är återställd från {source}.")
    if kept is not None:
        print(f"Den tidigare databasen finns kvar som {kept}.")
    return EXIT_OK


def _scheme_text(agreement: AgreementSummary) -> str:
    periods = periods_for(agreement.start_date, agreement.end_date, agreement.reporting_scheme)
    return f"{swedish(agreement.reporting_scheme)}, {len(periods)} st" if len(periods) > 1 else describe(periods[0])


def _resolve(services: Services, reference: str) -> AgreementSummary:
    matches = services.agreements.find_agreements(reference)
    if not matches:
        raise CommandError(f"Ingen överenskommelse matchar {reference!r}. Se `{PROG} list`.")
    if len(matches) > 1:
        listed = "\n".join(f"  {a.id}\t{a.title}" for a in matches)
        raise CommandError(f"{reference!r} matchar flera överenskommelser; ange id:\n{listed}")
    return matches[0]


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8, or bytes as they are) to a temporary file beside ``path``,
    flush it to disk, then rename it into place. The file is the owner's only (0600, from mkstemp)."""
    path = path.expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CommandError(f"Mappen {folder} finns inte.")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        if isinstance(data, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(data)
                binary.flush()
                os.fsync(binary.fileno())
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
