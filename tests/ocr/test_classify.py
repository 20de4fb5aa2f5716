"""Page kinds from the words printed on them, including OCR slips."""

from __future__ import annotations

import pytest

from desktop.domain.documents import DocumentKind
from desktop.ocr.classify import classify

K = DocumentKind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "氏名 山田 太郎\n2027年(令和09年)05月01日まで有効\n運転免許証 東京都公安委員会",
            K.DRIVERS_LICENSE,
        ),
        ("個人番号カード\n氏名 山田 太郎\n性別 男\n2033年10月11日まで有効", K.MYNUMBER_FRONT),
        ("個人番号 1234 5678 9018\n氏名 山田 太郎", K.MYNUMBER_BACK),
        ("健康保険被保険者証 本人\n記号 12 番号 34\n保険者番号 06123456", K.HEALTH_INSURANCE),
        ("在留カード 番号 AB12345678CD\n在留資格 永住者", K.RESIDENCE_CARD),
        ("住民票の写し\n世帯主 山田 太郎\n前住所 大阪府", K.RESIDENCE_CERTIFICATE),
        (
            "印鑑登録証明書\n登録番号 123\nこの写しは登録されている印影と相違ないことを証明します",
            K.SEAL_CERTIFICATE,
        ),
        (
            "委任状\n代理人 佐藤 花子\n私は上記の者を代理人と定め、次の権限を委任します。",
            K.POWER_OF_ATTORNEY,
        ),
        ("全部事項証明書\n本籍 東京都\n筆頭者 山田 太郎\n身分事項 出生", K.FAMILY_REGISTER),
        ("保有個人データ開示等請求書\n請求者 山田 太郎\n開示方法 書面", K.APPLICATION_FORM),
        ("旅券 PASSPORT\nP<JPNYAMADA<<TARO<<<<<<", K.PASSPORT),
    ],
)
def test_each_kind_is_recognised(text: str, kind: DocumentKind) -> None:
    assert classify(text)[0] is kind


def test_a_title_with_a_misread_character_still_counts() -> None:
    assert classify("住民要の写し\n世帯主 山田 太郎")[0] is K.RESIDENCE_CERTIFICATE


def test_a_page_without_known_words_is_other_with_low_confidence() -> None:
    kind, confidence = classify("お世話になっております。よろしくお願いいたします。")
    assert kind is K.OTHER
    assert confidence <= 0.5
