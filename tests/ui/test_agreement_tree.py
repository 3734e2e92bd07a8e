"""The agreement tree's cheap filling gives what the plain one gave (ui/agreements/agreement_tree_model.py)."""

from __future__ import annotations

import textwrap
from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from promises_app.domain.enums import AgreementKind, AgreementState, ReportingScheme
from promises_app.services.agreement_list import AgreementSummary
from promises_app.ui.agreements.agreement_tree_model import (
    AGREEMENT_ID_ROLE,
    SEARCH_ROLE,
    TITLE_LINE_LENGTH,
    AgreementTreeModel,
    wrapped_title,
)

WORDS = st.text(alphabet=st.sampled_from("abcåäö–-XYZ 0123456789\t"), min_size=0, max_size=60)


@given(st.one_of(WORDS, st.lists(st.text(min_size=1, max_size=45), max_size=8).map(" ".join)))
def test_the_wrapped_title_is_what_textwrap_gives(title: str) -> None:
    assert wrapped_title(title) == ("\n".join(textwrap.wrap(title, TITLE_LINE_LENGTH)) or title)


def test_a_thousand_agreements_each_with_its_texts_and_found_by_id(qapp, swedish_app) -> None:  # type: ignore[no-untyped-def]
    agreements = []
    for number in range(1, 1001):
        parent = None if number % 10 == 1 else number - (number - 1) % 10
        agreements.append(AgreementSummary(
            number, AgreementKind.COOPERATION_AGREEMENT if parent is None else AgreementKind.CITIZEN_PROMISE,
            parent, f"Område {number} – medborgarlöften för trygghet i stadsdelen {number}",
            date(2020 + number % 5, 1, 1), date(2021 + number % 5, 12, 31), ReportingScheme.TERTIAL,
            AgreementState.SIGNED if number % 3 else AgreementState.DRAFT, 1 + number % 4,
        ))
    model = AgreementTreeModel()
    model.set_agreements(agreements)
    assert model.rowCount() == 100
    for agreement in (agreements[0], agreements[1], agreements[998]):
        index = model.index_of(agreement.id)
        assert index.data(AGREEMENT_ID_ROLE) == agreement.id
        assert index.parent().data(AGREEMENT_ID_ROLE) == agreement.parent_id
        assert index.data() == "\n".join(textwrap.wrap(agreement.title, TITLE_LINE_LENGTH))
        state = "Undertecknad" if agreement.state is AgreementState.SIGNED else "Utkast"
        assert index.data(SEARCH_ROLE).endswith(f"{agreement.start_date.year} {agreement.end_date.year} {state}")
        assert index.data(Qt.ItemDataRole.ToolTipRole).endswith(f"{state}, revision {agreement.revision}")
        assert not index.flags() & Qt.ItemFlag.ItemIsEditable
    assert not model.index_of(5000).isValid()
