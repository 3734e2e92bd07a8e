"""The process the crash-atomicity harness kills (docs/reliability.md, P1).

    python -m tests.reliability.kill_worker DB_PATH SEED

Opens the database through the product's own ``open_services`` and then saves forever, the
way a person would, one service call (one transaction) per action, chosen pseudo-randomly
from SEED:

* ``follow_up``    record a follow-up of a demo measure for one of its periods (comment names the tag)
* ``import``       import a whole agreement (parties, a focus area, a promise, 5 measures with
                   their participants, occurrences and follow-ups: ~40 rows) in one transaction
* ``update_title`` rename a measure of an agreement this worker imported
* ``delete``       delete an agreement this worker imported, with everything under it

Every line on stdout is one whole, flushed line:

    DO <n> <kind> <json>     action n is about to start: the save in flight if we are killed now
    ACK <n> <kind> <json>    action n returned, so its transaction committed
    READY <json>             set-up done: journal mode in use, template counts, which code runs

Action 0 (kind ``demo``) loads the demo agreements when any of them is missing (a new file).
Every tag is ``<SEED>.<n>``, so tags stay unique across the many runs on one file as long as
each run gets its own SEED.

Environment:

* ``MEDBORGARLOFTEN_JOURNAL_MODE`` (``WAL`` or ``DELETE``, default WAL): the journal mode the
  worker's connections use. If the product's open function takes no ``journal_mode`` yet,
  the file is opened (created, migrated) once with ``open_database`` and then reopened with
  the product's own ``create_database_engine(url, journal_mode=...)``.
* ``P1_WAIT_FOR_GO=1``: after importing everything, wait for a ``GO`` line on stdin before
  touching the database (lets the harness pay Python's start-up while it checks the
  previous kill). End of input instead of ``GO`` means: exit without opening anything.
"""

from __future__ import annotations

import copy
import inspect
import json
import os
import random
import re
import sys
from pathlib import Path
from typing import Any

import promises_app
from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.paths import resource
from promises_app.services import Services, open_services
from promises_app.services.exchange import parse
from promises_app.services.maintenance import DEMO_FILES
from promises_app.storage.database import Database, open_database
from promises_app.storage.engine import create_database_engine
from promises_app.storage.sqlite_file import SqliteFile

JOURNAL_MODE_ENV = "MEDBORGARLOFTEN_JOURNAL_MODE"
WAIT_FOR_GO_ENV = "P1_WAIT_FOR_GO"

#: Every agreement the worker imports has a title starting with this (and its unique tag).
TITLE_PREFIX = "P1 "
#: How many measures the imported agreement keeps from the demo promise.
TEMPLATE_MEASURES = 5

#: The tables an imported agreement writes to, in the order the counts are reported.
COUNTED_TABLES = (
    "agreements",
    "goals",
    "parties",
    "signatories",
    "focus_areas",
    "promises",
    "promise_makers",
    "measures",
    "measure_participants",
    "occurrences",
    "follow_ups",
)


def demo_documents() -> list[dict[str, Any]]:
    return [parse(resource("demo", name).read_bytes()) for name in DEMO_FILES]


def template_source_title() -> str:
    """The demo's Solna promise (a citizen promise under the Solna cooperation agreement)."""
    solna = next(d for d in demo_documents() if d["agreement"]["title"].startswith("Samverkansöverenskommelse mellan Solna"))
    return solna["agreement"]["documents"][0]["title"]


def document_counts(document: dict[str, Any]) -> dict[str, int]:
    """The rows an import of ``document`` writes per table (organisations and people are reused)."""
    counts = dict.fromkeys(COUNTED_TABLES, 0)

    def walk(agreement: dict[str, Any]) -> None:
        counts["agreements"] += 1
        counts["goals"] += len(agreement["goals"])
        counts["parties"] += len(agreement["parties"])
        counts["signatories"] += sum(len(p["signatories"]) for p in agreement["parties"])
        counts["focus_areas"] += len(agreement["focus_areas"])
        for promise in agreement["promises"]:
            counts["promises"] += 1
            counts["promise_makers"] += len(promise["made_by"])
            for measure in promise["measures"]:
                counts["measures"] += 1
                counts["measure_participants"] += len(measure["participants"])
                counts["occurrences"] += len(measure["occurrences"])
                counts["follow_ups"] += len(measure["follow_ups"])
        for child in agreement["documents"]:
            walk(child)

    walk(document["agreement"])
    return counts


def open_with_journal_mode(path: Path, mode: str) -> Services:
    """The product's services on ``path``, every connection in journal ``mode``."""
    for opener in (open_services, open_database):
        if "journal_mode" in inspect.signature(opener).parameters:
            opened = opener(path, journal_mode=mode)
            return opened if isinstance(opened, Services) else Services(opened)
    if mode == "WAL":
        return open_services(path)
    # The product cannot be asked for another mode yet: let it create, check and migrate the
    # file, then reopen it with the product's own engine factory in the mode asked for.
    open_database(path).close()
    return Services(Database(create_database_engine(f"sqlite:///{path}", journal_mode=mode), SqliteFile(path)))


class Worker:
    def __init__(self, services: Services, seed: int) -> None:
        self.services = services
        self.seed = seed
        self.rng = random.Random(seed)
        self.n = 0

    # --- the protocol --------------------------------------------------------------------
    @staticmethod
    def emit(*parts: str) -> None:
        sys.stdout.write(" ".join(parts) + "\n")
        sys.stdout.flush()

    def announce(self, word: str, kind: str, details: dict[str, Any]) -> None:
        self.emit(word, str(self.n), kind, json.dumps(details, sort_keys=True))

    def tag(self) -> str:
        return f"{self.seed}.{self.n}"

    # --- set-up --------------------------------------------------------------------------
    def ensure_demo(self) -> None:
        present = {a.title for a in self.services.agreements.list_agreements()}
        missing = [d["agreement"]["title"] for d in demo_documents() if d["agreement"]["title"] not in present]
        if not missing:
            return
        details = {"tag": self.tag(), "titles": missing}
        self.announce("DO", "demo", details)
        results = self.services.maintenance.load_demo(skip_titles=present)
        details["agreement_ids"] = [i for r in results for i in r.agreement_ids]
        self.announce("ACK", "demo", details)

    def build_template(self) -> dict[str, Any]:
        """Export the demo's Solna promise once and cut it to one focus area, one promise, 5 measures."""
        source = self.find_agreement(template_source_title())
        document = self.services.exchange.export_document(source)
        agreement = document["agreement"]
        focus = agreement["focus_areas"][0]
        agreement["focus_areas"] = [focus]
        promise = agreement["promises"][0]
        agreement["promises"] = [promise]
        promise["measures"] = promise["measures"][:TEMPLATE_MEASURES]
        for measure in promise["measures"]:
            measure["focus_area"] = focus["key"]
        agreement["documents"] = []
        # The demo's safety walks point at measures cut away here: the template has none (a 1.1 document).
        agreement.pop("safety_walks", None)
        document["format_minor_version"] = 1
        agreement["state"] = "draft"  # a draft can be renamed and deleted, a signed one cannot
        agreement["revision"] = 1
        return document

    def find_agreement(self, title: str) -> int:
        return next(a.id for a in self.services.agreements.list_agreements() if a.title == title)

    def follow_up_targets(self) -> list[tuple[int, list[str]]]:
        """Measures of the demo agreements other than the template's source, with their periods."""
        source_title = template_source_title()
        targets = []
        for summary in self.services.agreements.list_agreements():
            if summary.title.startswith(TITLE_PREFIX) or summary.title == source_title:
                continue
            periods = [p.label for p in self.services.agreements.periods(summary.id)]
            targets.extend((x.id, periods) for x in self.services.plan.list_measures(summary.id))
        return targets

    # --- the actions ---------------------------------------------------------------------
    def record_follow_up(self, targets: list[tuple[int, list[str]]]) -> None:
        measure_id, periods = self.rng.choice(targets)
        details = {
            "tag": self.tag(),
            "measure_id": measure_id,
            "period": self.rng.choice(periods),
            "status": self.rng.choice(list(FollowUpStatus)).value,
            "comment": f"P1 uppföljning {self.tag()}: genomgång med ansvarig part.",
        }
        self.announce("DO", "follow_up", details)
        self.services.follow_ups.record(
            measure_id,
            period=details["period"],
            status=details["status"],
            light=self.rng.choice(list(TrafficLight)),
            comment=details["comment"],
        )
        self.announce("ACK", "follow_up", details)

    def import_agreement(self, template: dict[str, Any], counts: dict[str, int]) -> None:
        document = copy.deepcopy(template)
        agreement = document["agreement"]
        agreement["title"] = f"{TITLE_PREFIX}{self.tag()} – {agreement['title']}"[:300]
        agreement["case_number"] = f"P1-{self.tag()}"
        agreement["sections"]["introduction"] = f"Importerad av kill_worker ({self.tag()}).\n\n" + agreement["sections"]["introduction"]
        agreement["promises"][0]["description"] = f"Löfte ur import {self.tag()}."
        details = {"tag": self.tag(), "title": agreement["title"], "counts": counts}
        self.announce("DO", "import", details)
        result = self.services.exchange.import_document(document)
        details["agreement_id"] = result.agreement_ids[0]
        self.announce("ACK", "import", details)

    def update_title(self, agreement_id: int, agreement_title: str) -> None:
        measure = self.rng.choice(self.services.plan.list_measures(agreement_id))
        base = re.sub(r" \[P1 [^\]]*\]$", "", measure.title)
        details = {
            "tag": self.tag(),
            "measure_id": measure.id,
            "agreement_id": agreement_id,
            "agreement_title": agreement_title,
            "title": f"{base} [P1 {self.tag()}]"[-300:],
        }
        self.announce("DO", "update_title", details)
        self.services.plan.update_measure(measure.id, title=details["title"], allow_outside_agreement=True)
        self.announce("ACK", "update_title", details)

    def delete_agreement(self, agreement_id: int, title: str) -> None:
        details = {"tag": self.tag(), "agreement_id": agreement_id, "title": title}
        self.announce("DO", "delete", details)
        self.services.agreements.delete_agreement(agreement_id)
        self.announce("ACK", "delete", details)

    def imported(self) -> list[tuple[int, str]]:
        return [
            (a.id, a.title) for a in self.services.agreements.list_agreements() if a.title.startswith(TITLE_PREFIX)
        ]

    def run(self) -> None:
        self.ensure_demo()
        template = self.build_template()
        counts = document_counts(template)
        targets = self.follow_up_targets()
        with self.services.db.read() as session:
            journal_mode = session.connection().exec_driver_sql("PRAGMA journal_mode").scalar()
        self.emit("READY", json.dumps({
            "pid": os.getpid(),
            "journal_mode": journal_mode,
            "template_counts": counts,
            "follow_up_targets": len(targets),
            "promises_app": str(Path(promises_app.__file__).parent),
        }, sort_keys=True))
        while True:
            self.n += 1
            imported = self.imported()
            kind = self.rng.choices(
                ("follow_up", "import", "update_title", "delete"),
                weights=(35, 25, 25, 15 if len(imported) < 20 else 35),
            )[0]
            if kind in {"update_title", "delete"} and not imported:
                kind = "import"
            if kind == "follow_up":
                self.record_follow_up(targets)
            elif kind == "import":
                self.import_agreement(template, counts)
            elif kind == "update_title":
                self.update_title(*self.rng.choice(imported))
            else:
                self.delete_agreement(*self.rng.choice(imported))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write("usage: python -m tests.reliability.kill_worker DB_PATH SEED\n")
        return 2
    path, seed = Path(argv[0]).absolute(), int(argv[1])
    if os.environ.get(WAIT_FOR_GO_ENV) == "1" and sys.stdin.readline().strip() != "GO":
        return 0
    mode = os.environ.get(JOURNAL_MODE_ENV, "WAL").upper()
    Worker(open_with_journal_mode(path, mode), seed).run()
    return 0  # not reached: the harness kills the worker


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
