"""What kind of document a page is, from the words printed on it.

Each kind has title words that decide it alone (運転免許証, 在留カード …) and supporting words that
only add up (公安委員会, 個人番号, 保険者番号 …). OCR drops or misreads characters, so a title also
counts when most of its characters appear in order (e.g. 住民要の写し for 住民票の写し).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from desktop.domain.documents import DocumentKind

__all__ = ["classify"]

_K = DocumentKind
# (kind, title words, supporting words); a title weighs 3 at the top of the page, 1.5 lower down
# (a power of attorney asks for a 印鑑登録証明書 in its notes), supporting words 1.
_SIGNS: tuple[tuple[DocumentKind, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        _K.DRIVERS_LICENSE,
        ("運転免許証",),
        # Not 交付, 種類 or 有効 alone: a residence card prints them all.
        ("公安委員会", "免許の条件", "まで有効", "免許", "二・小・原", "交付"),
    ),
    (_K.MYNUMBER_BACK, ("個人番号",), ("INDIVIDUALNUMBER", "MyNumber")),
    (
        _K.MYNUMBER_FRONT,
        ("個人番号カード", "マイナンバーカード"),
        ("性別", "まで有効", "電子証明書", "臓器提供"),
    ),
    (
        _K.HEALTH_INSURANCE,
        ("健康保険被保険者証", "被保険者証", "資格確認書", "保険証"),
        ("保険者番号", "記号", "被保険者", "保険者名称", "交付年月日", "保険者所在地", "本人"),
    ),
    (_K.PASSPORT, ("PASSPORT", "旅券"), ("JPN", "JAPAN", "Surname", "Givenname", "P<JPN")),
    (
        _K.RESIDENCE_CARD,
        ("在留カード", "RESIDENCECARD", "特別永住者証明書"),
        ("在留資格", "在留期間", "国籍", "就労制限", "法務大臣", "住居地", "NATIONALITY", "就労"),
    ),
    (
        _K.RESIDENCE_CERTIFICATE,
        ("住民票の写し", "住民票"),
        ("世帯主", "住民となった日", "前住所", "続柄", "住民票コード", "原本と相違"),
    ),
    (
        _K.SEAL_CERTIFICATE,
        ("印鑑登録証明書",),
        ("印鑑登録", "登録番号", "印影", "登録されている印鑑"),
    ),
    (
        _K.POWER_OF_ATTORNEY,
        ("委任状",),
        ("代理人", "委任者", "委任します", "受任者", "権限", "代理人と定め"),
    ),
    (
        _K.FAMILY_REGISTER,
        ("全部事項証明書", "戸籍謄本", "戸籍抄本", "個人事項証明書"),
        ("本籍", "戸籍", "筆頭者", "身分事項", "出生"),
    ),
    (
        _K.APPLICATION_FORM,
        ("開示等請求書", "開示請求書", "開示等の請求書"),
        ("請求者", "開示方法", "請求の種類", "利用停止", "訂正", "同封書類"),
    ),
)
_SPACE = re.compile(r"\s+")
_LICENCE_NUMBER = re.compile(r"第\s*\d{12}(?!\d)")


def _found(word: str, text: str) -> float:
    """1.0 when `word` is in `text`; a partial credit when most of it is (OCR slips)."""
    if word in text:
        return 1.0
    if len(word) < 4:
        return 0.0
    score = fuzz.partial_ratio(word, text)
    return 0.8 if score >= 80 else 0.0


def classify(
    text: str, layout: dict[DocumentKind, float] | None = None
) -> tuple[DocumentKind, float]:
    """The kind of the page whose OCR text is `text`, and a confidence between 0 and 1.

    `layout` adds what the page's layout says (layout.py): a vertical title, the card's shape."""
    flat = _SPACE.sub("", text)
    head = _SPACE.sub("", "".join(text.strip().splitlines()[:3]))
    scores: dict[DocumentKind, float] = {}
    for kind, titles, supports in _SIGNS:
        title = max((max(3 * _found(t, head), 1.5 * _found(t, flat)) for t in titles), default=0.0)
        support = sum(_found(s, flat) for s in supports)
        scores[kind] = title + support
    # The card front's title 個人番号カード holds the back's label 個人番号.
    if "個人番号カード" in flat or "マイナンバーカード" in flat:
        scores[_K.MYNUMBER_BACK] -= 3
    # A licence number is printed 第 + 12 digits + 号: the licence's own layout, in any light.
    if _LICENCE_NUMBER.search(text):
        scores[_K.DRIVERS_LICENSE] += 2
    for kind, bonus in (layout or {}).items():
        scores[kind] = scores.get(kind, 0.0) + bonus
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < 2:
        return _K.OTHER, 0.5 if top == 0 else 0.3
    confidence = min(1.0, 0.5 + 0.1 * top) * (1 - 0.5 * second / top)
    return best, round(max(0.05, confidence), 3)
