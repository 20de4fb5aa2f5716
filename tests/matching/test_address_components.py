"""The address components are named once: every one is parsed, weighed and shown."""

from __future__ import annotations

from desktop.matching import addresses
from desktop.matching.addresses import ADDRESS_COMPONENTS, parse_address


def test_every_component_is_parsed_and_weighed() -> None:
    assert ADDRESS_COMPONENTS[:2] == ("postal_code", "prefecture")
    assert set(addresses._WEIGHTS) == set(ADDRESS_COMPONENTS)
    parsed = parse_address("〒160-0023 東京都新宿区西新宿二丁目8番1号 見本ハイツ305号室")
    assert all(getattr(parsed, name) is not None for name in ADDRESS_COMPONENTS)
