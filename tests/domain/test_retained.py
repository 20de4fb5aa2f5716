"""The retained data item by item: what is disclosed, what is withheld, and what must be named."""

from __future__ import annotations

import pytest

from desktop.domain.errors import InvalidInput
from desktop.domain.retained import (
    Snapshot,
    Withholding,
    check_against,
    check_withholdings,
    disclosed,
    is_raw_name,
    source_of,
    withheld_items,
    withheld_values,
)

REGISTRY = source_of(
    "registry",
    "顧客台帳",
    ["氏名", "cust_seg_cd", "社内メモ", "FAX"],
    [["山田 太郎", "G1", "注意", ""]],
    {"cust_seg_cd": "会員区分"},
)
ORDERS = source_of(
    "extract-1", "受注", ["日付", "商品", "空"], [["2026-01-01", "品A", ""], ["", "", ""]], {}
)
SNAPSHOT = Snapshot((REGISTRY, ORDERS))


def test_labels_replace_system_names_and_plain_words_stay() -> None:
    assert [c.label for c in REGISTRY.columns] == ["氏名", "会員区分", "社内メモ", "FAX"]
    assert is_raw_name("cust_seg_cd")
    assert is_raw_name("custseg")
    assert is_raw_name("CRDT2")
    assert not is_raw_name("FAX")
    assert not is_raw_name("Email")
    assert not is_raw_name("与信ランク")


def test_withheld_columns_and_empty_items_are_left_out() -> None:
    withheld = [Withholding("registry/社内メモ", "r")]
    registry, orders = disclosed(SNAPSHOT, withheld)
    assert [c.label for c in registry.columns] == ["氏名", "会員区分"]
    assert registry.rows == (("山田 太郎", "G1"),)
    assert [c.label for c in orders.columns] == ["日付", "商品"]
    assert orders.rows == (("2026-01-01", "品A"),)
    assert withheld_values(SNAPSHOT, withheld) == {"注意"}
    [item] = withheld_items(SNAPSHOT, withheld)
    assert item.item.display == "社内メモ（顧客台帳）"


def test_a_whole_source_can_be_withheld() -> None:
    withheld = [Withholding("extract-1/*", "r")]
    assert [s.title for s in disclosed(SNAPSHOT, withheld)] == ["顧客台帳"]
    assert withheld_values(SNAPSHOT, withheld) == {"2026-01-01", "品A"}
    assert withheld_items(SNAPSHOT, withheld)[0].item.display == "受注"


def test_only_a_partial_answer_withholds_on_its_own_reasons() -> None:
    item = Withholding("registry/社内メモ", "harm")
    check_withholdings([item], ["harm"], True, "開示")
    with pytest.raises(InvalidInput, match="partial"):
        check_withholdings([item], ["harm"], False, "開示")
    with pytest.raises(InvalidInput, match="ground"):
        check_withholdings([item], ["other"], True, "開示")
    with pytest.raises(InvalidInput, match="twice"):
        check_withholdings([item, item], ["harm"], True, "開示")


def test_the_snapshot_checks_items_exist_and_columns_are_named() -> None:
    check_against(SNAPSHOT, [Withholding("registry/社内メモ", "r")], True)
    with pytest.raises(InvalidInput, match="not in the retained data"):
        check_against(SNAPSHOT, [Withholding("registry/nothing", "r")], True)
    with pytest.raises(InvalidInput, match="at least one"):
        check_against(SNAPSHOT, [], True)
    raw = Snapshot((source_of("registry", "顧客台帳", ["crdt_rank"], [["A"]], {}),))
    with pytest.raises(InvalidInput, match="crdt_rank"):
        check_against(raw, [], False)
    empty = Snapshot((source_of("registry", "顧客台帳", ["crdt_rank"], [[""]], {}),))
    check_against(empty, [], False)  # an empty column is never printed: no label needed


def test_a_snapshot_round_trips_through_json() -> None:
    assert Snapshot.from_json(SNAPSHOT.to_json()) == SNAPSHOT
