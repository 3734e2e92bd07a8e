"""Undo commands for the agreement itself, its parties and signatories, and the register's people.

Every command follows :class:`~promises_app.ui.common.undo_commands.DoneOnPush`: the edit is carried
out through the services first, then pushed already done; undo and redo call the services
again. Rows taken away by undo (or by a remove) come back under their old ids
(``recreate_agreement``, ``restore_party``, ``restore_signatory``, ``recreate_person``), so a
later command on the stack that names the row by id still finds it.

A refusal on undo or redo (the agreement was signed meanwhile, the person is now a signatory
elsewhere) is reported and the command leaves the stack.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from promises_app.services import Services
from promises_app.services.agreements import AGREEMENT_FIELDS
from promises_app.services.base import FieldValues
from promises_app.services.records import AgreementRecord, PartyRecord, PersonRecord, SignatoryRecord
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.undo_commands import DoneOnPush, Report

#: What an edit of the agreement's details sets (signing place and date belong to the sign-off).
EDITED_FIELDS = tuple(f for f in AGREEMENT_FIELDS if f not in ("signing_place", "signing_date"))


class PartiesCommand(DoneOnPush):
    """An edit of the agreement, its parties or signatories (a signed agreement refuses it: DoneOnPush says so)."""

    def __init__(self, text: str, services: Services, report: Report | None) -> None:
        super().__init__(text, report)
        self.services = services


def goal_texts(record: AgreementRecord) -> list[str]:
    return [g.text for g in sorted(record.goals, key=lambda g: g.position)]


def details_of(record: AgreementRecord) -> FieldValues:
    """The agreement's edited fields and goals, as ``update_agreement`` takes them."""
    return {field: getattr(record, field) for field in EDITED_FIELDS} | {"goals": goal_texts(record)}


# --- the agreement ---------------------------------------------------------------------------------
class CreateAgreementCommand(PartiesCommand):
    """Undo deletes the new agreement; redo puts it back under the same id, with its goals."""

    def __init__(self, services: Services, created: AgreementRecord, report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("AgreementCommands", "add agreement «%1»"), created.title),
            services, report,
        )
        self.record = created

    def revert(self) -> None:
        self.services.agreements.delete_agreement(self.record.id)

    def apply(self) -> None:
        self.record = self.services.agreements.recreate_agreement(self.record)


class UpdateAgreementCommand(PartiesCommand):
    """Undo puts the old details and goals back; redo the new ones (one transaction each)."""

    def __init__(self, services: Services, before: AgreementRecord, after: AgreementRecord,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("AgreementCommands", "change agreement «%1»"), after.title),
            services, report,
        )
        self.agreement_id = after.id
        self.before, self.after = details_of(before), details_of(after)

    def revert(self) -> None:
        self.services.agreements.update_agreement(self.agreement_id, **self.before)

    def apply(self) -> None:
        self.services.agreements.update_agreement(self.agreement_id, **self.after)


# --- parties -------------------------------------------------------------------------------------------
class AddPartyCommand(PartiesCommand):
    """Undo removes the party; redo puts it back under its id at its place."""

    def __init__(self, services: Services, created: PartyRecord, report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("AgreementCommands", "add party %1"), created.organisation_name),
            services, report,
        )
        self.record = created

    def revert(self) -> None:
        self.services.agreements.remove_party(self.record.id)

    def apply(self) -> None:
        self.services.agreements.restore_party(self.record)


class RemovePartyCommand(PartiesCommand):
    """Carried out with ``apply()`` before it is pushed; undo puts the party back with its signatories."""

    def __init__(self, services: Services, record: PartyRecord, report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("AgreementCommands", "remove party %1"), record.organisation_name),
            services, report,
        )
        self.record = record

    def apply(self) -> None:
        self.services.agreements.remove_party(self.record.id)

    def revert(self) -> None:
        self.services.agreements.restore_party(self.record)


class MovePartyCommand(PartiesCommand):
    """Carried out with ``apply()`` before it is pushed."""

    def __init__(self, services: Services, record: PartyRecord, new_index: int,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("AgreementCommands", "move party %1"), record.organisation_name),
            services, report,
        )
        self.party_id = record.id
        self.old_index, self.new_index = record.position, new_index

    def apply(self) -> None:
        self.services.agreements.move_party(self.party_id, self.new_index)

    def revert(self) -> None:
        self.services.agreements.move_party(self.party_id, self.old_index)


# --- signatories ---------------------------------------------------------------------------------------
class AddSignatoryCommand(PartiesCommand):
    """Undo removes the signatory; redo puts them back under the same id at their place."""

    def __init__(self, services: Services, created: SignatoryRecord, report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("AgreementCommands", "add signatory %1"), created.name),
            services, report,
        )
        self.record = created

    def revert(self) -> None:
        self.services.agreements.remove_signatory(self.record.id)

    def apply(self) -> None:
        self.services.agreements.restore_signatory(self.record)


class RemoveSignatoryCommand(PartiesCommand):
    """Carried out with ``apply()`` before it is pushed."""

    def __init__(self, services: Services, record: SignatoryRecord, report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("AgreementCommands", "remove signatory %1"), record.name),
            services, report,
        )
        self.record = record

    def apply(self) -> None:
        self.services.agreements.remove_signatory(self.record.id)

    def revert(self) -> None:
        self.services.agreements.restore_signatory(self.record)


class MoveSignatoryCommand(PartiesCommand):
    """Carried out with ``apply()`` before it is pushed."""

    def __init__(self, services: Services, record: SignatoryRecord, new_index: int,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("AgreementCommands", "move signatory %1"), record.name),
            services, report,
        )
        self.signatory_id = record.id
        self.old_index, self.new_index = record.position, new_index

    def apply(self) -> None:
        self.services.agreements.move_signatory(self.signatory_id, self.new_index)

    def revert(self) -> None:
        self.services.agreements.move_signatory(self.signatory_id, self.old_index)


# --- people ------------------------------------------------------------------------------------------------
class CreatePersonCommand(PartiesCommand):
    """Undo deletes the new person; redo puts them back under the same id."""

    def __init__(self, services: Services, created: PersonRecord, report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("AgreementCommands", "add person %1"), created.name),
            services, report,
        )
        self.record = created

    def revert(self) -> None:
        self.services.register.delete_person(self.record.id)

    def apply(self) -> None:
        self.record = self.services.register.recreate_person(self.record)


class UpdatePersonCommand(PartiesCommand):
    def __init__(self, services: Services, before: PersonRecord, after: PersonRecord,
                 report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("AgreementCommands", "change person %1"), after.name),
            services, report,
        )
        self.before, self.after = before, after

    def revert(self) -> None:
        self._set(self.before)

    def apply(self) -> None:
        self._set(self.after)

    def _set(self, values: PersonRecord) -> None:
        self.services.register.update_person(
            values.id, name=values.name, title=values.title, organisation_id=values.organisation_id,
            email=values.email, phone=values.phone,
        )


class DeletePersonCommand(PartiesCommand):
    """Carried out with ``apply()`` before it is pushed; undo puts the person back under the same id."""

    def __init__(self, services: Services, record: PersonRecord, report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("AgreementCommands", "delete person %1"), record.name),
            services, report,
        )
        self.record = record

    def apply(self) -> None:
        self.services.register.delete_person(self.record.id)

    def revert(self) -> None:
        self.record = self.services.register.recreate_person(self.record)
