"""A promise's text as written (issue 13): kept by every action on a promise, frozen with a signed
revision without changing what older revisions hash to, listed among the changes since signing,
and carried into next year's agreement."""

from __future__ import annotations

from datetime import date

import pytest

from promises_app.domain import snapshot as snap
from promises_app.domain.snapshot_diff import differences
from promises_app.domain.validation import ValidationError
from promises_app.services import Services
from promises_app.storage.errors import SignedRecordError
from tests.services.test_signoff import fake_render

SOLNA = "Solna – medborgarlöften 2022"


def _solna(services: Services) -> int:
    return services.agreements.find_agreements(SOLNA)[0].id


def _police(services: Services, agreement_id: int) -> int:
    return next(p.organisation_id for p in services.agreements.list_parties(agreement_id)
                if p.organisation_kind.value == "police")


def test_create_change_delete_and_restore_keep_it(demo_services: Services) -> None:
    agreement_id = _solna(demo_services)
    demo_services.signoff.new_revision(agreement_id)
    plan = demo_services.plan
    made = plan.create_promise(agreement_id, text="synlig närvaro vid stationen på helgkvällar",
                               maker_ids=[_police(demo_services, agreement_id)], as_written=True)
    assert made.as_written is True
    changed = plan.update_promise(made.id, expected_version=made.version, as_written=False)
    assert changed.as_written is False and changed.version == made.version + 1
    changed = plan.update_promise(changed.id, as_written=True)
    backup = plan.delete_promise(changed.id)
    restored, _ids = plan.restore_promise(backup)
    assert (restored.text, restored.as_written) == ("synlig närvaro vid stationen på helgkvällar", True)
    assert [p.as_written for p in plan.list_promises(agreement_id)] == [False, True]


def test_only_true_or_false_is_taken(demo_services: Services) -> None:
    agreement_id = _solna(demo_services)
    demo_services.signoff.new_revision(agreement_id)
    (promise,) = demo_services.plan.list_promises(agreement_id)
    with pytest.raises(ValidationError) as caught:
        demo_services.plan.update_promise(promise.id, as_written="ja")
    assert [e.field for e in caught.value.errors] == ["as_written"]
    assert demo_services.plan.list_promises(agreement_id)[0].as_written is False


def test_a_signed_agreements_promise_keeps_its_wording(demo_services: Services) -> None:
    (promise,) = demo_services.plan.list_promises(_solna(demo_services))
    with pytest.raises(SignedRecordError):
        demo_services.plan.update_promise(promise.id, as_written=True)


def test_the_snapshot_writes_it_only_when_set(demo_services: Services) -> None:
    """A promise that continues "… lovar att" is frozen as before the member existed (the same
    text, the same hash); one written as a whole says so, and reads back so."""
    agreement_id = _solna(demo_services)
    signed = demo_services.signoff.revision_snapshot(agreement_id, 1)
    assert '"as_written"' not in snap.to_json(signed)
    assert snap.content_sha256(signed) == demo_services.signoff.get_revision(agreement_id, 1).content_sha256

    demo_services.signoff.new_revision(agreement_id)
    (promise,) = demo_services.plan.list_promises(agreement_id)
    demo_services.plan.update_promise(promise.id, as_written=True)
    now = demo_services.signoff.current_snapshot(agreement_id)
    assert '"as_written":true' in snap.to_json(now)
    assert snap.from_json(snap.to_json(now)) == now
    (change,) = [d for d in differences(signed, now) if d.field == "as_written"]
    assert (change.entity, change.old, change.new) == ("promise", "efter ”… lovar att”", "som den står")

    record = demo_services.signoff.sign(agreement_id, place="Solna", signed_on="2023-01-20", render_pdf=fake_render)
    frozen = demo_services.signoff.revision_snapshot(agreement_id, record.revision)
    assert frozen.promises[0].as_written is True
    assert demo_services.maintenance.verify_database().ok


def test_next_years_agreement_carries_it_over(demo_services: Services) -> None:
    agreement_id = _solna(demo_services)
    demo_services.signoff.new_revision(agreement_id)
    (promise,) = demo_services.plan.list_promises(agreement_id)
    demo_services.plan.update_promise(promise.id, as_written=True)
    new = demo_services.carry_over.create_from(
        agreement_id, title="Solna – medborgarlöften 2023", start=date(2023, 1, 1), end=date(2023, 12, 31),
        reporting_scheme="tertial",
    )
    assert [p.as_written for p in demo_services.plan.list_promises(new.id)] == [True]
