"""A realistic, deterministic data generator for measuring the program at any size.

``generate(path, "city", seed=1)`` creates a new database file holding 120 citizen-promise
agreements for the districts of big Swedish cities (2016–2025), with parties, signatories,
focus areas, promises, exactly 10 000 measures and exactly 40 000 follow-ups, plus an
indicator register with yearly values. ``"stress"`` holds 100 000 measures; ``"small"`` is
the demo. A :class:`Size` gives any other size (the tests use a tiny one).

Why Core inserts and not the services: the services are one ORM transaction per user action
with a change-log entry per row, which is right for a person and far too slow for 100 000
measures. The rows here go in with ``session.execute(insert(table), rows)`` in a few large
write transactions. They do not pass the ORM's flush hook, so no change-log entries are
written and the (empty) chain still verifies; each flush records, per table, that its rows
up to the highest id were made without the log (``change_log_coverage``), which is what
``verify-db`` reads to tell them from rows added behind the program's back. Every agreement is a draft, so no signed
revision is needed; every CHECK, UNIQUE and foreign-key constraint is respected (positions
0..n-1, one follow-up per measure and period with the agreement's own period labels,
deadlines inside the agreement).

Deterministic: one ``random.Random(seed)``, ids assigned here, timestamps derived from the
reporting period (never the clock), so the same seed and size give the same bytes.

Command line::

    python -m promises_app.bench.generator --size city --seed 1 OUT.sqlite
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, insert, select, update

from promises_app.domain.enums import (
    AgreementKind,
    AgreementState,
    FollowUpStatus,
    OrganisationKind,
    ReportingScheme,
    TrafficLight,
)
from promises_app.domain.indicators import Direction, IndicatorSource, Sex
from promises_app.domain.periods import Period, periods_for
from promises_app.services import Services, open_services
from promises_app.storage import models as m

__all__ = ["SIZES", "SMALL", "GeneratedCounts", "Size", "generate", "main"]


@dataclass(frozen=True)
class Size:
    """How much to generate: totals that come out exactly (measures and follow-ups are spread)."""

    agreements: int
    measures: int
    follow_ups: int
    indicators: int = 0
    #: Indicator values are per year, for these years (the lägesbild's history).
    first_year: int = 2016
    years: int = 10


#: The demo (``maintenance.load_demo()``), not generated.
SMALL = "small"
SIZES: dict[str, Size] = {
    "city": Size(agreements=120, measures=10_000, follow_ups=40_000, indicators=30),
    "stress": Size(agreements=1_000, measures=100_000, follow_ups=400_000, indicators=60),
}
SIZE_NAMES = (SMALL, *SIZES)

#: Rows buffered before they are written (one write transaction per batch).
BATCH_FOLLOW_UPS = 50_000


@dataclass(frozen=True)
class GeneratedCounts:
    """Rows in the generated file, counted back from the database (not from the plan)."""

    organisations: int
    people: int
    agreements: int
    parties: int
    focus_areas: int
    promises: int
    measures: int
    follow_ups: int
    indicators: int
    indicator_values: int
    agreement_indicators: int

    def lines(self) -> list[str]:
        return [f"{f.name:<22}{getattr(self, f.name):>10}" for f in fields(self)]


_COUNTED: dict[str, Table] = {
    "organisations": m.table_of(m.Organisation),
    "people": m.table_of(m.Person),
    "agreements": m.table_of(m.Agreement),
    "parties": m.table_of(m.Party),
    "focus_areas": m.table_of(m.FocusArea),
    "promises": m.table_of(m.Promise),
    "measures": m.table_of(m.Measure),
    "follow_ups": m.table_of(m.FollowUp),
    "indicators": m.table_of(m.Indicator),
    "indicator_values": m.table_of(m.IndicatorValue),
    "agreement_indicators": m.table_of(m.AgreementIndicator),
}

#: Insert order: every row's foreign keys point at rows of an earlier table (or batch).
_TABLES: tuple[Table, ...] = (
    m.table_of(m.Organisation),
    m.table_of(m.Person),
    m.table_of(m.Indicator),
    m.table_of(m.IndicatorValue),
    m.table_of(m.Agreement),
    m.table_of(m.Party),
    m.table_of(m.Signatory),
    m.table_of(m.FocusArea),
    m.table_of(m.Promise),
    m.promise_makers,
    m.table_of(m.Measure),
    m.measure_participants,
    m.table_of(m.FollowUp),
    m.table_of(m.AgreementIndicator),
)


def generate(path: Path | str, size: str | Size, *, seed: int = 1) -> GeneratedCounts:
    """Create a NEW database file at ``path`` filled with data of ``size``; return its row counts.

    Raises FileExistsError when ``path`` exists (generated data never goes into a real file)
    and ValueError for an unknown size name or a size whose totals cannot be met (fewer
    measures than agreements, more follow-ups than the agreements have periods for).
    """
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} finns redan; genererade data skrivs bara till en ny fil.")
    spec = _resolve(size)
    plan = None if spec is None else _plan(spec, random.Random(seed))
    services = open_services(path, create=True)
    try:
        if plan is None:
            services.maintenance.load_demo()
        else:
            _Writer(services, plan, random.Random(seed + 1)).run()
        return count_rows(services)
    except BaseException:
        services.db.close()
        for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)
        raise
    finally:
        services.db.close()


def count_rows(services: Services) -> GeneratedCounts:
    with services.db.read() as s:
        return GeneratedCounts(
            **{name: int(s.scalar(select(func.count()).select_from(table)) or 0) for name, table in _COUNTED.items()}
        )


def _resolve(size: str | Size) -> Size | None:
    if isinstance(size, Size):
        return size
    if size == SMALL:
        return None
    if size not in SIZES:
        raise ValueError(f"okänd storlek {size!r}; välj {', '.join(SIZE_NAMES)} eller en Size")
    return SIZES[size]


# --- words -------------------------------------------------------------------------------

#: (city, municipality, districts, housing companies). Göteborg first: "city" is Göteborg's.
CITIES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Göteborg", "Göteborgs stad",
     ("Angered", "Bergsjön", "Hammarkullen", "Hjällbo", "Gårdsten", "Biskopsgården", "Tynnered",
      "Kortedala", "Lövgärdet", "Frölunda", "Majorna", "Backa"),
     ("Bostadsbolaget", "Familjebostäder i Göteborg", "Poseidon")),
    ("Malmö", "Malmö stad",
     ("Rosengård", "Seved", "Lindängen", "Holma", "Kroksbäck", "Hermodsdal", "Möllevången", "Fosie",
      "Södra Sofielund", "Oxie"),
     ("MKB Fastighets AB",)),
    ("Stockholm", "Stockholms stad",
     ("Rinkeby", "Tensta", "Husby", "Skärholmen", "Hässelby", "Farsta", "Rågsved", "Hagsätra", "Bredäng",
      "Älvsjö", "Södermalm", "Vårberg"),
     ("Svenska Bostäder", "Familjebostäder", "Stockholmshem")),
    ("Solna", "Solna stad", ("Hagalund", "Västra skogen", "Bergshamra", "Huvudsta", "Råsunda"), ("Signalisten",)),
    ("Uppsala", "Uppsala kommun", ("Gottsunda", "Valsätra", "Stenhagen", "Gränby", "Sävja", "Kvarngärdet"),
     ("Uppsalahem",)),
    ("Örebro", "Örebro kommun", ("Vivalla", "Oxhagen", "Varberga", "Baronbackarna", "Brickebacken"),
     ("Örebrobostäder",)),
    ("Västerås", "Västerås stad", ("Bäckby", "Råby", "Pettersberg", "Skultuna", "Malmaberg"), ("Mimer",)),
    ("Linköping", "Linköpings kommun", ("Skäggetorp", "Ryd", "Berga", "Ekholmen", "Lambohov"), ("Stångåstaden",)),
    ("Helsingborg", "Helsingborgs stad", ("Drottninghög", "Dalhem", "Planteringen", "Söder", "Husensjö"),
     ("Helsingborgshem",)),
    ("Norrköping", "Norrköpings kommun", ("Navestad", "Hageby", "Klockaretorpet", "Marielund", "Ljura"),
     ("Hyresbostäder i Norrköping",)),
    ("Borås", "Borås stad", ("Hässleholmen", "Norrby", "Sjöbo", "Hulta"), ("AB Bostäder i Borås",)),
    ("Södertälje", "Södertälje kommun", ("Ronna", "Hovsjö", "Geneta", "Fornhöjden", "Saltskog"), ("Telge Bostäder",)),
    ("Jönköping", "Jönköpings kommun", ("Råslätt", "Öxnehaga", "Österängen", "Huskvarna"), ("Vätterhem",)),
    ("Umeå", "Umeå kommun", ("Ålidhem", "Holmsund", "Teg", "Ersboda", "Mariehem"), ("Bostaden",)),
    ("Eskilstuna", "Eskilstuna kommun", ("Lagersberg", "Skiftinge", "Fröslunda", "Årby"), ("Kommunfastigheter",)),
    ("Gävle", "Gävle kommun", ("Sätra", "Andersberg", "Nordost", "Brynäs"), ("Gavlegårdarna",)),
    ("Sundsvall", "Sundsvalls kommun", ("Nacksta", "Skönsberg", "Bredsand", "Haga"), ("Mitthem",)),
)

FIRST_NAMES = (
    "Åsa", "Björn", "Göran", "Märta", "Sören", "Östen", "Åke", "Ingrid", "Jönsa", "Gösta", "Sofia", "Ylva",
    "Lena", "Hanna", "Mårten", "Anders", "Karin", "Birgitta", "Håkan", "Jörgen", "Fatima", "Ahmed", "Leila",
    "Mikael", "Sanna", "Tove", "Ängla", "Örjan", "Börje", "Elin", "Nour", "Dragan", "Maja", "Jenny",
)
LAST_NAMES = (
    "Åberg", "Öberg", "Söderström", "Ångström", "Lindqvist", "Jönsson", "Bäckström", "Hägglund", "Ståhl",
    "Nordström", "Wästberg", "Sjögren", "Källström", "Gärdin", "Löfgren", "Eriksson", "Karlsson", "Hussein",
    "Mäkinen", "Åström", "Persson", "Björk", "Holmgren", "Nyström", "Dahlén", "Lundén", "Kovačević",
)

THEMES = (
    ("Unga i riskzonen", "Tidiga insatser för barn och unga som riskerar att dras in i kriminalitet."),
    ("Trafiksäkerhet", "Hastighet och trafikbeteende kring skolor och bostadsområden."),
    ("Narkotikaförsäljning", "Öppen narkotikaförsäljning på och kring allmänna platser."),
    ("Trygghet i den offentliga miljön", "Belysning, skötsel och närvaro där många känner sig otrygga."),
    ("Klotter och skadegörelse", "Snabb sanering och förebyggande arbete mot skadegörelse."),
    ("Våld i nära relationer", "Att upptäcka, stödja och förebygga våld i nära relationer."),
    ("Bostadsinbrott", "Grannsamverkan och information för färre bostadsinbrott."),
)

#: Places within a district; {d} is the district.
PLACE_PATTERNS = (
    "{d} centrum", "torget i {d}", "stationsområdet i {d}", "parken vid {d}skolan", "idrottsplatsen i {d}",
    "gång- och cykelvägarna i {d}", "busshållplatserna i {d}", "garagen i norra {d}", "badplatsen i {d}",
    "fritidsgården i {d}", "skolgårdarna i {d}", "köpcentrumet i {d}",
)

PROMISE_AIMS = (
    "öka tryggheten i {p}", "minska narkotikaförsäljningen i {d}", "arbeta förebyggande med unga i {d}",
    "förbättra trafiksäkerheten kring skolorna i {d}", "minska skadegörelse och klotter i {p}",
    "öka närvaron kvällstid i {p}", "motverka bostadsinbrott i {d}", "stärka samverkan med föreningslivet i {d}",
)

#: (title, unit or "" for an uncounted measure, target range)
MEASURES: tuple[tuple[str, str, tuple[int, int]], ...] = (
    ("Genomföra trygghetsvandringar i {p}", "trygghetsvandringar", (2, 6)),
    ("Förbättra belysningen vid {p}", "", (0, 0)),
    ("Fotpatrullering vid {p}", "patrulleringar", (10, 60)),
    ("Genomföra medborgardialoger i {d}", "dialoger", (2, 8)),
    ("Trafikkontroller vid skolorna i {d}", "kontroller", (50, 200)),
    ("Sanera klotter inom 24 timmar i {p}", "", (0, 0)),
    ("Röja buskage och förbättra siktlinjer i {p}", "", (0, 0)),
    ("Ordna lovaktiviteter för unga i {d}", "aktiviteter", (4, 20)),
    ("Riktade insatser mot narkotikaförsäljning vid {p}", "insatser", (5, 30)),
    ("Informera om skydd mot bostadsinbrott i {d}", "informationsträffar", (2, 10)),
    ("Nattvandring med föräldrar i {d}", "nattvandringar", (6, 40)),
    ("Starta nya grupper för grannsamverkan i {d}", "grupper", (2, 12)),
    ("Öka polisens närvaro på skolorna i {d}", "skolbesök", (10, 50)),
    ("Utbilda personal i att upptäcka våld i nära relationer", "utbildningstillfällen", (2, 6)),
    ("Kartlägga otrygga platser tillsammans med boende i {d}", "", (0, 0)),
    ("Ta bort övergivna fordon och skräp vid {p}", "", (0, 0)),
    ("Hålla fältarbetare ute kvällstid vid {p}", "kvällar", (20, 100)),
    ("Gemensam lägesbild med veckovisa avstämningar för {d}", "avstämningar", (20, 50)),
)
DESCRIPTIONS = (
    "Insatsen planeras tillsammans med de boende och följs upp i trygghetsrådet.",
    "Genomförs i samverkan mellan parterna; ansvarig samordnar och rapporterar varje period.",
    "Bygger på synpunkter från trygghetsvandringar och medborgardialoger under förra året.",
    "Prioriteras under sommarhalvåret då många uppehåller sig utomhus sent på kvällen.",
    "",
)
CAUSES = (
    "Många uppger i Polisens trygghetsmätning att de känner sig otrygga vid {p} kvällstid.",
    "Anmälningarna om skadegörelse i {d} har ökat de senaste två åren.",
    "Boende har vid medborgardialoger pekat ut {p} som en otrygg plats.",
    "Öppen narkotikahandel har iakttagits vid {p}.",
    "Hastigheterna kring skolorna i {d} är höga enligt kommunens mätningar.",
    "Unga i {d} saknar meningsfull fritid under loven.",
    "",
)
COMMENTS: dict[FollowUpStatus, tuple[str, ...]] = {
    FollowUpStatus.NOT_STARTED: (
        "Planeringen pågår; start efter sommaren.", "Inväntar beslut i trygghetsrådet.",
        "Ej påbörjad på grund av personalbrist under perioden.", "",
    ),
    FollowUpStatus.IN_PROGRESS: (
        "Arbetet pågår enligt plan.", "Två trygghetsvandringar genomförda tillsammans med bostadsbolaget.",
        "Pågår; något försenat men väntas bli klart under nästa period.",
        "Belysningen är utbytt längs halva sträckan, resten återstår.",
        "Fältarbetarna har varit ute varje fredag och lördag.", "Goda erfarenheter hittills; fler boende vill delta.",
        "",
    ),
    FollowUpStatus.DONE: (
        "Genomförd enligt plan.", "Klar; åtgärden följs upp i nästa års lägesbild.",
        "Genomförd med fler tillfällen än planerat.", "Slutförd i samverkan med föreningslivet.",
    ),
    FollowUpStatus.PARTLY_DONE: (
        "Delvis genomförd; resterande del förs över till nästa års medborgarlöfte.",
        "Hälften av de planerade tillfällena genomförda.",
    ),
    FollowUpStatus.NOT_DONE: (
        "Ej genomförd på grund av omprioriteringar inom lokalpolisområdet.",
        "Kunde inte genomföras; förs över till nästa år.",
    ),
    FollowUpStatus.CANCELLED_OR_POSTPONED: (
        "Inställd efter beslut i trygghetsrådet; ersätts av riktade insatser.",
        "Framflyttad till hösten på grund av ombyggnaden av torget.",
    ),
}

#: (name, category, source, unit, direction, split by sex, typical value)
INDICATORS: tuple[tuple[str, str, IndicatorSource, str, Direction, bool, float], ...] = (
    ("Anmälda skadegörelsebrott", "Anmälda brott", IndicatorSource.REPORTED_CRIME, "antal",
     Direction.LOWER_IS_BETTER, False, 420.0),
    ("Anmälda stölder och tillgreppsbrott", "Anmälda brott", IndicatorSource.REPORTED_CRIME, "antal",
     Direction.LOWER_IS_BETTER, False, 900.0),
    ("Anmälda våldsbrott", "Anmälda brott", IndicatorSource.REPORTED_CRIME, "antal",
     Direction.LOWER_IS_BETTER, False, 260.0),
    ("Anmälda narkotikabrott", "Anmälda brott", IndicatorSource.REPORTED_CRIME, "antal",
     Direction.LOWER_IS_BETTER, False, 180.0),
    ("Anmälda bostadsinbrott", "Anmälda brott", IndicatorSource.REPORTED_CRIME, "antal",
     Direction.LOWER_IS_BETTER, False, 75.0),
    ("Andel som känner sig trygga utomhus kvällstid", "Trygghet", IndicatorSource.POLICE_SURVEY, "%",
     Direction.HIGHER_IS_BETTER, True, 58.0),
    ("Andel som oroar sig för brott i området", "Trygghet", IndicatorSource.MUNICIPAL_SURVEY, "%",
     Direction.LOWER_IS_BETTER, True, 34.0),
    ("Andel som avstått från aktivitet på grund av otrygghet", "Trygghet", IndicatorSource.NTU, "%",
     Direction.LOWER_IS_BETTER, True, 21.0),
    ("Antal genomförda trygghetsvandringar", "Aktiviteter", IndicatorSource.ACTIVITY_COUNT, "antal",
     Direction.HIGHER_IS_BETTER, False, 12.0),
    ("Antal medborgardialoger", "Aktiviteter", IndicatorSource.ACTIVITY_COUNT, "antal",
     Direction.HIGHER_IS_BETTER, False, 8.0),
)

#: (kind of period, reporting scheme, weight). Kinds: one calendar year, two or three years,
#: mid-year to mid-year. Tertials are the most common in Swedish municipalities.
_SHAPES: tuple[tuple[str, ReportingScheme, int], ...] = (
    ("year", ReportingScheme.TERTIAL, 5),
    ("year", ReportingScheme.QUARTER, 4),
    ("year", ReportingScheme.HALF_YEAR, 1),
    ("two_years", ReportingScheme.TERTIAL, 4),
    ("two_years", ReportingScheme.QUARTER, 2),
    ("mid_year", ReportingScheme.TERTIAL, 2),
    ("mid_year", ReportingScheme.QUARTER, 2),
    ("three_years", ReportingScheme.TERTIAL, 1),
)


def _dates(kind: str, year: int) -> tuple[date, date, str]:
    """First and last day and the title's period text ("2019", "2019–2020") of an agreement."""
    if kind == "year":
        return date(year, 1, 1), date(year, 12, 31), str(year)
    if kind == "mid_year":
        return date(year, 7, 1), date(year + 1, 6, 30), f"{year}/{year + 1}"
    last = year + (1 if kind == "two_years" else 2)
    return date(year, 1, 1), date(last, 12, 31), f"{year}\N{EN DASH}{last}"


# --- the plan: shapes, measures per agreement, follow-ups per measure ---------------------


@dataclass(frozen=True)
class _AgreementPlan:
    city: int  # index into CITIES
    district: str
    year: int
    start: date
    end: date
    period_text: str
    scheme: ReportingScheme
    periods: tuple[Period, ...]
    follow_ups: tuple[int, ...]  # per measure, in order: how many periods it is followed up for


@dataclass(frozen=True)
class _Plan:
    size: Size
    agreements: tuple[_AgreementPlan, ...]


def _plan(size: Size, rng: random.Random) -> _Plan:
    """Decide every agreement's place, period and scheme, and spread the totals exactly."""
    if size.agreements < 1 or size.measures < size.agreements:
        raise ValueError("en storlek behöver minst en överenskommelse och minst en åtgärd per överenskommelse")
    if size.follow_ups < 0 or size.indicators < 0:
        raise ValueError("antalen får inte vara negativa")
    # Measures per agreement: 0.75–1.25 of the mean, largest remainders to make the total exact.
    measure_counts = _spread(size.measures, [rng.uniform(0.75, 1.25) for _ in range(size.agreements)], minimum=1)
    # Every shape first; if those periods cannot hold the follow-ups, only shapes with enough periods.
    per_measure = math.ceil(size.follow_ups / size.measures)
    plans = _shaped(size, measure_counts, _SHAPES, rng)
    if sum(len(p.periods) * count for p, count in zip(plans, measure_counts, strict=True)) < size.follow_ups:
        shapes = tuple(shape for shape in _SHAPES if _period_count(shape) >= per_measure)
        if not shapes:
            raise ValueError(f"{size.follow_ups} uppföljningar går inte att fördela på {size.measures} åtgärder")
        plans = _shaped(size, measure_counts, shapes, rng)
    caps = [len(p.periods) for p, count in zip(plans, measure_counts, strict=True) for _ in range(count)]
    ks = _follow_up_counts(size.follow_ups, caps, rng)
    result, at = [], 0
    for agreement, count in zip(plans, measure_counts, strict=True):
        result.append(replace(agreement, follow_ups=tuple(ks[at:at + count])))
        at += count
    return _Plan(size, tuple(result))


def _period_count(shape: tuple[str, ReportingScheme, int]) -> int:
    kind, scheme, _weight = shape
    start, end, _text = _dates(kind, 2020)
    return len(periods_for(start, end, scheme))


def _shaped(
    size: Size, measure_counts: Sequence[int], shapes: Sequence[tuple[str, ReportingScheme, int]], rng: random.Random
) -> list[_AgreementPlan]:
    """Each agreement's district, year, dates and scheme (follow-ups not yet spread)."""
    districts = [(c, d) for c, (_city, _mun, ds, _h) in enumerate(CITIES) for d in ds]
    per_year = math.ceil(size.agreements / size.years)
    weights = [weight for *_shape, weight in shapes]
    plans = []
    for index in range(len(measure_counts)):
        city, district = districts[(index % per_year) % len(districts)]
        year = size.first_year + index // per_year
        kind, scheme, _weight = rng.choices(shapes, weights=weights)[0]
        start, end, text = _dates(kind, year)
        plans.append(_AgreementPlan(city, district, year, start, end, text, scheme,
                                    tuple(periods_for(start, end, scheme)), ()))
    return plans


def _spread(total: int, weights: Sequence[float], *, minimum: int) -> list[int]:
    """``total`` split in proportion to ``weights`` (each at least ``minimum``), summing exactly."""
    spare = total - minimum * len(weights)
    scale = spare / sum(weights)
    shares = [w * scale for w in weights]
    counts = [minimum + int(s) for s in shares]
    order = sorted(range(len(weights)), key=lambda i: (-(shares[i] - int(shares[i])), i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _follow_up_counts(total: int, caps: Sequence[int], rng: random.Random) -> list[int]:
    """How many periods each measure is followed up for: 1..its agreement's periods, summing to ``total``."""
    mean = total / len(caps)
    low = 1 if total >= len(caps) else 0
    ks = [max(low, min(cap, round(mean + rng.uniform(-1.5, 1.5)))) for cap in caps]
    order = list(range(len(caps)))
    while (diff := total - sum(ks)) != 0:
        rng.shuffle(order)
        step = 1 if diff > 0 else -1
        for i in order:
            if diff == 0:
                break
            if low <= ks[i] + step <= caps[i]:
                ks[i] += step
                diff -= step
    return ks


# --- writing -----------------------------------------------------------------------------


class _Writer:
    """Builds the rows agreement by agreement and writes them in large batches."""

    def __init__(self, services: Services, plan: _Plan, rng: random.Random) -> None:
        self.services = services
        self.plan = plan
        self.rng = rng
        self.rows: dict[Table, list[dict[str, Any]]] = {table: [] for table in _TABLES}
        self.next_id: dict[Table, int] = {table: 1 for table in _TABLES}
        self.organisations: dict[tuple[str, str], int] = {}
        #: organisation id → (signatory person ids, contact person ids)
        self.people: dict[int, tuple[list[int], list[int]]] = {}
        self.indicators_by_area: dict[str, list[int]] = {}

    def run(self) -> None:
        self._indicators()
        for agreement in self.plan.agreements:
            self._agreement(agreement)
            if len(self.rows[m.table_of(m.FollowUp)]) >= BATCH_FOLLOW_UPS:
                self._flush()
        self._flush()

    def _flush(self) -> None:
        """One write transaction for everything buffered, table by table in foreign-key order."""
        with self.services.db.write() as session:
            for table in _TABLES:
                rows = self.rows[table]
                if rows:
                    session.execute(insert(table), rows)
                    rows.clear()
                    coverage = m.table_of(m.ChangeLogCoverage)
                    session.execute(
                        update(coverage).where(coverage.c.table_name == table.name)
                        .values(unlogged_up_to=self.next_id[table] - 1)
                    )

    def _add(self, table: Table, **values: object) -> int:
        row_id = self.next_id[table]
        self.next_id[table] += 1
        self.rows[table].append({"id": row_id, "version": 1, **values})
        return row_id

    # --- register ------------------------------------------------------------------------
    def _person(self, organisation_id: int, title: str) -> int:
        name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
        slug = name.lower().replace(" ", ".")
        return self._add(
            m.table_of(m.Person), name=name, title=title, organisation_id=organisation_id,
            email=f"{slug}@exempel.example", phone=f"0{self.rng.randint(10, 99)}-{self.rng.randint(100, 999)} "
            f"{self.rng.randint(10, 99)} {self.rng.randint(10, 99)}",
        )

    def _organisation(self, name: str, kind: OrganisationKind, short_name: str = "") -> int:
        key = (name, kind.value)
        if key in self.organisations:
            return self.organisations[key]
        org_id = self._add(m.table_of(m.Organisation), name=name, kind=kind, short_name=short_name, logo_png=None)
        self.organisations[key] = org_id
        signers, contacts = {
            OrganisationKind.MUNICIPALITY: (
                ["Kommunstyrelsens ordförande", "Kommundirektör"],
                ["Trygghetssamordnare", "Brottsförebyggande samordnare", "Trafikplanerare",
                 "Enhetschef, fritid", "Projektledare, park och gata", "Fältsekreterare"],
            ),
            OrganisationKind.POLICE: (
                ["Lokalpolisområdeschef"], ["Kommunpolis", "Områdespolis", "Gruppchef, ingripande"],
            ),
            OrganisationKind.HOUSING_COMPANY: (["Vd"], ["Områdeschef", "Trygghetsvärd"]),
        }.get(kind, (["Ordförande"], ["Verksamhetsledare"]))
        self.people[org_id] = (
            [self._person(org_id, title) for title in signers],
            [self._person(org_id, title) for title in contacts],
        )
        return org_id

    def _indicators(self) -> None:
        size = self.plan.size
        areas = list(dict.fromkeys(["", *(plan.district for plan in self.plan.agreements)]))
        made = 0
        for area in areas:
            for name, category, source, unit, direction, split, typical in INDICATORS:
                if made >= size.indicators:
                    return
                made += 1
                full_name = f"{name} \N{EN DASH} {area}" if area else name
                scale = 1.0 if unit == "%" or not area else self.rng.uniform(0.08, 0.25)
                indicator_id = self._add(
                    m.table_of(m.Indicator), name=full_name, category=category, source=source, unit=unit,
                    direction=direction, area=area, split_by_sex=split,
                    description=f"{name} i {area or 'hela kommunen'} per år.",
                )
                self.indicators_by_area.setdefault(area, []).append(indicator_id)
                value = typical * scale * self.rng.uniform(0.8, 1.2)
                for year in range(size.first_year - 1, size.first_year + size.years):
                    value = max(0.0, value * self.rng.uniform(0.9, 1.1))
                    sexes = [(Sex.TOTAL, 0.0), (Sex.WOMEN, -6.0), (Sex.MEN, 5.0)] if split else [(Sex.TOTAL, 0.0)]
                    for sex, offset in sexes:
                        shown = min(100.0, max(0.0, round(value + offset, 1))) if unit == "%" else float(round(value))
                        self._add(m.table_of(m.IndicatorValue), indicator_id=indicator_id, period=str(year), sex=sex,
                                  value=shown)

    # --- one agreement -------------------------------------------------------------------
    def _agreement(self, plan: _AgreementPlan) -> None:
        rng = self.rng
        city, municipality, _districts, housing = CITIES[plan.city]
        district = plan.district
        municipality_id = self._organisation(municipality, OrganisationKind.MUNICIPALITY)
        police_id = self._organisation(f"Lokalpolisområde {district}", OrganisationKind.POLICE, f"LPO {district}")
        party_ids = [municipality_id, police_id]
        if rng.random() < 0.45:
            party_ids.append(self._organisation(rng.choice(housing), OrganisationKind.HOUSING_COMPANY))
        if rng.random() < 0.15:
            party_ids.append(self._organisation(f"Fastighetsägare i {district}", OrganisationKind.PROPERTY_OWNERS))
        places = [pattern.format(d=district) for pattern in rng.sample(PLACE_PATTERNS, 6)]
        signing_day = plan.start - timedelta(days=rng.randint(5, 40))
        agreement_id = self._add(
            m.table_of(m.Agreement), kind=AgreementKind.CITIZEN_PROMISE, parent_id=None,
            title=f"{city} \N{EN DASH} {district} \N{EN DASH} medborgarlöften {plan.period_text}",
            municipality=municipality, police_area=f"Lokalpolisområde {district}",
            start_date=plan.start, end_date=plan.end, reporting_scheme=plan.scheme,
            case_number=f"KS/{plan.year - 1}:{rng.randint(100, 1999):04d}", signing_place=city,
            signing_date=signing_day,
            introduction=(
                f"Polisen och {municipality} har kommit överens om medborgarlöften för {district} "
                f"{plan.period_text}. Målet är att öka tryggheten och minska brottsligheten i {district}."
            ),
            situation=(
                f"Lägesbilden bygger på anmälda brott, Polisens trygghetsmätning och medborgardialoger i "
                f"{district}. Många känner sig otrygga vid {places[0]} och {places[1]} kvällstid."
            ),
            intended_effects=f"Fler ska känna sig trygga i {district}, och skadegörelsen vid {places[2]} ska minska.",
            follow_up_text="Medborgarlöftena följs upp varje period i trygghetsrådet och publiceras på webben.",
            state=AgreementState.DRAFT, revision=1,
        )
        for position, org_id in enumerate(party_ids):
            party_id = self._add(m.table_of(m.Party), agreement_id=agreement_id, organisation_id=org_id,
                                 position=position)
            signers = self.people[org_id][0]
            signer = signers[1] if len(signers) > 1 and rng.random() < 0.2 else signers[0]
            self._add(m.table_of(m.Signatory), party_id=party_id, person_id=signer, position=0)
        focus_ids = []
        for position in range(rng.randint(3, 6)):
            if position < 2 or rng.random() < 0.4:
                name, description = places[position].capitalize(), f"En plats som lyfts i lägesbilden för {district}."
            else:
                name, description = rng.choice(THEMES)
            focus_ids.append(self._add(m.table_of(m.FocusArea), agreement_id=agreement_id, position=position,
                                       name=name, description=description))
        self._promises(plan, agreement_id, party_ids, focus_ids, places)
        links = self.indicators_by_area.get(district, []) + self.indicators_by_area.get("", [])
        for position, indicator_id in enumerate(rng.sample(links, min(3, len(links)))):
            target = rng.randint(5, 20)
            self._add(
                m.table_of(m.AgreementIndicator), agreement_id=agreement_id, indicator_id=indicator_id,
                position=position, baseline_period=str(plan.year - 1), baseline_value=None, target_value=None,
                target_text=f"en förbättring med minst {target} % jämfört med {plan.year - 1}",
            )

    def _promises(
        self, plan: _AgreementPlan, agreement_id: int, party_ids: list[int], focus_ids: list[int], places: list[str]
    ) -> None:
        rng = self.rng
        district = plan.district
        measure_total = len(plan.follow_ups)
        promise_count = min(rng.randint(4, 8), measure_total)
        # Every promise gets at least one measure; the rest fall at random.
        cuts = sorted(rng.sample(range(1, measure_total), promise_count - 1)) if promise_count > 1 else []
        sizes = [b - a for a, b in zip([0, *cuts], [*cuts, measure_total], strict=True)]
        makers_choices = ([party_ids[1]], [party_ids[0]], party_ids[:2], party_ids)
        maker_words = {party_ids[0]: "kommunen", party_ids[1]: "Polisen"}
        measure_index = 0
        for position, count in enumerate(sizes):
            makers = rng.choice(makers_choices)
            who = [maker_words.get(org, "bostadsbolaget") for org in makers]
            subject = who[0] if len(who) == 1 else ", ".join(who[:-1]) + " och " + who[-1]
            aim = rng.choice(PROMISE_AIMS).format(p=rng.choice(places), d=district)
            promise_id = self._add(
                m.table_of(m.Promise), agreement_id=agreement_id, position=position,
                # A whole sentence with its makers in it: printed as written, under "… lovar".
                text=f"{subject[0].upper()}{subject[1:]} lovar att {aim}.", description="", as_written=True,
            )
            for maker_position, org_id in enumerate(makers):
                self.rows[m.promise_makers].append(
                    {"promise_id": promise_id, "organisation_id": org_id, "position": maker_position}
                )
            for measure_position in range(count):
                self._measure(plan, promise_id, measure_position, makers, party_ids, focus_ids, places,
                              plan.follow_ups[measure_index])
                measure_index += 1

    def _measure(
        self, plan: _AgreementPlan, promise_id: int, position: int, makers: list[int], party_ids: list[int],
        focus_ids: list[int], places: list[str], follow_up_count: int,
    ) -> None:
        rng = self.rng
        district = plan.district
        template, unit, (low, high) = rng.choice(MEASURES)
        place = rng.choice(places)
        responsible = rng.choice(makers)
        span = (plan.end - plan.start).days
        start = plan.start if rng.random() < 0.6 else plan.start + timedelta(days=rng.randint(0, span // 2))
        deadline = plan.end if rng.random() < 0.5 else start + timedelta(days=rng.randint(30, (plan.end - start).days))
        deadline = min(deadline, plan.end)
        target = rng.randint(low, high) if unit else None
        measure_id = self._add(
            m.table_of(m.Measure), promise_id=promise_id, position=position,
            title=template.format(p=place, d=district), description=rng.choice(DESCRIPTIONS),
            cause=rng.choice(CAUSES).format(p=place, d=district), responsible_id=responsible,
            contact_id=rng.choice(self.people[responsible][1]), focus_area_id=rng.choice(focus_ids),
            start_date=start, deadline=deadline, target_count=target, target_unit=unit if target else "",
            previous_measure_id=None,
        )
        others = [p for p in party_ids if p != responsible]
        for participant_position, org_id in enumerate(rng.sample(others, rng.randint(0, min(2, len(others))))):
            self.rows[m.measure_participants].append(
                {"measure_id": measure_id, "organisation_id": org_id, "position": participant_position}
            )
        self._follow_ups(measure_id, plan.periods[:follow_up_count], target)

    def _follow_ups(self, measure_id: int, periods: Sequence[Period], target: int | None) -> None:
        """The measure's history: not started or under way, then how it ended (or still under way)."""
        rng = self.rng
        fate = rng.choices(
            list(COMMENTS),
            weights=[3, 15, 50, 14, 8, 10],
        )[0]
        finish_at = len(periods) - 1 if fate is not FollowUpStatus.DONE else rng.randint(len(periods) // 2,
                                                                                         len(periods) - 1)
        achieved = 0
        for index, period in enumerate(periods):
            if index < finish_at:
                started = not (index == 0 and rng.random() < 0.25)
                status = FollowUpStatus.IN_PROGRESS if started else FollowUpStatus.NOT_STARTED
            else:
                status = fate
            light = _light(status, rng)
            count = None
            if target is not None and status is not FollowUpStatus.NOT_STARTED:
                if status is FollowUpStatus.DONE:
                    achieved = max(achieved, target + rng.randint(0, 2))
                else:
                    achieved = min(target, achieved + max(0, round(target / len(periods) * rng.uniform(0.4, 1.3))))
                count = achieved
            comment = rng.choice(COMMENTS[status])
            if index > finish_at:  # done in an earlier period, and reported again
                comment = "Klar sedan tidigare period."
            reported = datetime.combine(
                period.end + timedelta(days=rng.randint(3, 25)), clock_time(rng.randint(8, 16), rng.randint(0, 59))
            )
            self._add(
                m.table_of(m.FollowUp), measure_id=measure_id, period=period.label, status=status, light=light,
                count_achieved=count, comment=comment, updated_at=reported,
            )


def _light(status: FollowUpStatus, rng: random.Random) -> TrafficLight:
    if status is FollowUpStatus.DONE:
        return TrafficLight.GREEN
    if status is FollowUpStatus.NOT_DONE:
        return TrafficLight.RED
    if status is FollowUpStatus.PARTLY_DONE:
        return TrafficLight.YELLOW
    if status is FollowUpStatus.IN_PROGRESS:
        return rng.choices((TrafficLight.GREEN, TrafficLight.YELLOW, TrafficLight.RED), weights=(6, 3, 1))[0]
    return rng.choice((TrafficLight.NOT_ASSESSED, TrafficLight.YELLOW))


# --- command line --------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m promises_app.bench.generator",
        description="Skapa en ny databas med realistiska, deterministiska testdata för prestandamätning.",
    )
    parser.add_argument("out", type=Path, help="den nya databasfilen (får inte finnas)")
    parser.add_argument("--size", choices=SIZE_NAMES, default="city")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        counts = generate(args.out, args.size, seed=args.seed)
    except (FileExistsError, ValueError) as error:
        print(error, file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    print(f"{args.out} ({args.size}, seed {args.seed})")
    print("\n".join(counts.lines()))
    print(f"{'time':<22}{seconds:>9.1f}s")
    print(f"{'file size':<22}{args.out.stat().st_size / 1_000_000:>8.1f}MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
