"""Safety-walk findings as GeoJSON for the municipality's map service (RFC 7946).

Built as data first (a FeatureCollection of Points, ``[longitude, latitude]`` in WGS84 as the
RFC says), then written by the caller with the safe-output rules (``check_output`` /
``write_atomically``). Each feature carries what a map shows about a finding: its text, place,
status in Swedish, the walk's date, the date it was dealt with, the owner organisation and the
reason it was declined. Never the walk's participants or anyone's name: a map is published.
Findings without coordinates cannot be placed: they are counted, so the caller can say how many
were left out, not exported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from promises_app.domain.vocabulary import swedish
from promises_app.services.records import SafetyWalkRecord, WalkFindingRecord

#: The property names, in the order each feature lists them (ASCII, as map services like them).
PROPERTIES = ("fynd", "plats", "status", "status_kod", "vandringsdatum", "hanterad_datum", "agare", "skal")


@dataclass(frozen=True)
class FindingMap:
    """The GeoJSON document, with how many findings it holds and how many had no coordinates."""

    document: dict[str, Any]
    exported: int
    without_coordinates: int

    def to_bytes(self) -> bytes:
        """UTF-8 JSON (RFC 7946 requires UTF-8; Swedish letters are kept as they are)."""
        return (json.dumps(self.document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def finding_feature(walk: SafetyWalkRecord, finding: WalkFindingRecord) -> dict[str, Any]:
    """One finding as a GeoJSON Point feature (the finding must have coordinates)."""
    assert finding.latitude is not None and finding.longitude is not None
    values = (
        finding.text,
        finding.place or walk.place,
        swedish(finding.status),
        finding.status.value,
        walk.walked_on.isoformat(),
        finding.dealt_on.isoformat() if finding.dealt_on is not None else None,
        finding.owner_name or None,
        finding.reason or None,
    )
    return {
        "type": "Feature",
        "id": finding.id,
        "geometry": {"type": "Point", "coordinates": [finding.longitude, finding.latitude]},
        "properties": dict(zip(PROPERTIES, values, strict=True)),
    }


def finding_map(walks: list[SafetyWalkRecord]) -> FindingMap:
    """The findings of ``walks`` that have coordinates, as one FeatureCollection, walk by walk."""
    features = []
    without = 0
    for walk in walks:
        for finding in walk.findings:
            if finding.has_coordinates:
                features.append(finding_feature(walk, finding))
            else:
                without += 1
    return FindingMap(
        document={"type": "FeatureCollection", "features": features},
        exported=len(features),
        without_coordinates=without,
    )
