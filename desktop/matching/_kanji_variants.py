"""The variant kanji table behind `desktop.matching.names` (異体字 → 通用字体).

Each group below is a string of two-character pairs "old new": the first character is folded
to the second when two names are compared. Chains are flattened (濵 → 濱 → 浜 is written 濵浜),
and no target is itself a source; `tests/matching/test_names.py` checks both. CJK
compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) are not listed here: `names.py`
folds them through their canonical decompositions in the Unicode Character Database (the
same pairs as Unihan kCompatibilityVariant), then through this table.

Sources:

- `_JOYO`: 常用漢字表 (平成22年内閣告示第2号, 2010), the 康熙字典体 printed in brackets
  beside 364 characters, less those that are compatibility ideographs. Cross-checked
  against the list shipped by kyujipy (MIT, from kyujitai.js). 弁 has three: 辨・瓣・辯.
  齊 is taken out (see `_SAI`).
- `_JINMEIYO`: 戸籍法施行規則 別表第二 (人名用漢字), the 異体字 of (二) and the pairs in it
  that are "同一の字種", from the Unicode Unihan database, field kJinmeiyoKanji
  (Unihan_OtherMappings.txt, Unicode 15.0). The direction is ours: the shinjitai / the form
  of JIS X 0208 is the target (槇 → 槙, 檜 → 桧).
- `_KYOYO`: the 許容字体 of the 常用漢字表 (Unihan kJoyoKanji): 剝・𠮟・塡・頰 fold to the
  forms of JIS X 0208 that legacy systems hold (剥・叱・填・頬).
- `_HYOGAI`: 表外漢字字体表 (国語審議会答申, 2000): 印刷標準字体 → 簡易慣用字体, i.e. the
  "extended shinjitai" of JIS X 0208 (鷗 → 鴎, 麴 → 麹, 蘆 → 芦 …). 籠 has been 常用 since
  2010, so there 篭 → 籠.
- `_SURNAMES`: 俗字 and 異体字 common in surnames and given names (髙, 﨑, 嵜, 邉, 濵, 𠮷,
  桒, 嶌, 舘, 栁, 槗, 剱/劔/釼, 圀, 渕 …). Confirmed, where they cover them, by Unihan
  kSemanticVariant / kSpoofingVariant (髙, 﨑, 嵜, 碕, 𠮷, 舘, 栁, 兔, 冲, 昻, 龝, 寳, 邨,
  鴈, 崗, 萊, 熈), by the 国税庁 JIS縮退マップ of the 法人番号 system (﨑, 濵, 桒, 栁, 靏,
  圡, 曻, 凞, 曺, 裵, 冝, 聦) and by the MJ縮退マップ of the 文字情報基盤 (法務省戸籍法関連
  通達: 髙, 𠮷, 昻); the others are the usual 俗字 given by the 大漢和辞典.
- `_JIS_SHRINK`: further pairs of the 国税庁 JIS縮退マップ (JIS X 0213 → JIS X 0208) whose
  target is a name kanji (喆 → 哲, 𡈽 → 土, 杦 → 杉, 柗 → 松 …). Only name-relevant pairs
  were taken: the map also folds simplified Chinese and radicals by shape, which would be
  wrong for names.
- `_SAI`: a decision for names. 齊 is really 斉 (and 斉 is a 常用 kanji of its own), but
  齋藤・齊藤・斎藤・斉藤 are treated as one surname in practice, so 齋 (in `_JOYO`), 齊, 斉
  and their JIS X 0213 variants all fold to 斎. Folding only ever gives the verdict
  "variant", never "match".
"""

_JOYO = (
    "亞亜 惡悪 壓圧 圍囲 醫医 爲為 壹壱 飮飲 隱隠 榮栄 營営 銳鋭 衞衛 驛駅 悅悦 閱閲 "
    "圓円 鹽塩 緣縁 艷艶 應応 歐欧 毆殴 櫻桜 奧奥 橫横 溫温 穩穏 假仮 價価 畫画 會会 "
    "繪絵 壞壊 懷懐 槪概 擴拡 殼殻 覺覚 學学 嶽岳 樂楽 渴渇 罐缶 卷巻 陷陥 勸勧 寬寛 "
    "關関 歡歓 觀観 顏顔 氣気 歸帰 龜亀 僞偽 戲戯 犧犠 舊旧 據拠 擧挙 虛虚 峽峡 挾挟 "
    "狹狭 敎教 鄕郷 曉暁 區区 驅駆 勳勲 薰薫 徑径 莖茎 惠恵 揭掲 溪渓 經経 螢蛍 輕軽 "
    "繼継 鷄鶏 藝芸 擊撃 缺欠 硏研 縣県 儉倹 劍剣 險険 圈圏 檢検 獻献 權権 顯顕 驗験 "
    "嚴厳 戶戸 吳呉 娛娯 廣広 效効 恆恒 黃黄 鑛鉱 號号 吿告 國国 黑黒 碎砕 濟済 齋斎 "
    "歲歳 劑剤 雜雑 參参 棧桟 蠶蚕 慘惨 產産 贊賛 殘残 絲糸 齒歯 兒児 辭辞 濕湿 實実 "
    "寫写 舍舎 釋釈 壽寿 收収 從従 澁渋 獸獣 縱縦 肅粛 處処 緖緒 敍叙 尙尚 將将 稱称 "
    "涉渉 燒焼 證証 奬奨 條条 狀状 乘乗 淨浄 剩剰 疊畳 繩縄 壤壌 孃嬢 讓譲 釀醸 觸触 "
    "囑嘱 眞真 寢寝 愼慎 盡尽 圖図 粹粋 醉酔 穗穂 隨随 髓髄 樞枢 數数 瀨瀬 聲声 靑青 "
    "淸清 靜静 稅税 竊窃 攝摂 說説 絕絶 專専 淺浅 戰戦 踐践 錢銭 潛潜 纖繊 禪禅 雙双 "
    "壯壮 爭争 莊荘 搜捜 插挿 巢巣 曾曽 瘦痩 裝装 總総 騷騒 增増 藏蔵 臟臓 卽即 屬属 "
    "續続 墮堕 對対 體体 帶帯 滯滞 臺台 瀧滝 擇択 澤沢 脫脱 擔担 單単 膽胆 團団 斷断 "
    "彈弾 遲遅 癡痴 蟲虫 晝昼 鑄鋳 廳庁 徵徴 聽聴 敕勅 鎭鎮 遞逓 鐵鉄 點点 轉転 傳伝 "
    "燈灯 當当 黨党 盜盗 稻稲 鬭闘 德徳 獨独 讀読 屆届 內内 貳弐 惱悩 腦脳 霸覇 拜拝 "
    "廢廃 賣売 麥麦 發発 髮髪 拔抜 晚晩 蠻蛮 祕秘 濱浜 甁瓶 拂払 佛仏 倂併 竝並 餠餅 "
    "邊辺 變変 步歩 舖舗 寶宝 豐豊 襃褒 沒没 飜翻 每毎 萬万 滿満 麵麺 默黙 彌弥 譯訳 "
    "藥薬 與与 豫予 餘余 譽誉 搖揺 樣様 謠謡 來来 賴頼 亂乱 覽覧 龍竜 兩両 獵猟 綠緑 "
    "淚涙 壘塁 禮礼 勵励 戾戻 靈霊 隸隷 齡齢 曆暦 歷歴 戀恋 鍊錬 爐炉 勞労 郞郎 樓楼 "
    "錄録 灣湾 辨弁 瓣弁 辯弁"
)

_JINMEIYO = (
    "冨富 凉涼 埜野 峯峰 嶋島 盃杯 薗園 駈駆 亙亘 凜凛 晄晃 萠萌 晉晋 堯尭 巖巌 彥彦 "
    "檜桧 槇槙 瑤瑶 禰祢 禱祷 祿禄 穰穣 簞箪 聰聡 遙遥 摑掴"
)

_KYOYO = "剝剥 𠮟叱 塡填 頰頬"

_HYOGAI = (
    "啞唖 噓嘘 穎頴 鷗鴎 軀躯 鶯鴬 攪撹 麴麹 鹼鹸 嚙噛 繡繍 蔣蒋 醬醤 搔掻 屛屏 幷并 "
    "蘆芦 蠟蝋 彎弯 焰焔 礦砿 讚讃 顚顛 巓巔 醱醗 潑溌 輛輌 繫繋 瀆涜 儘侭 藪薮 蠅蝿 "
    "驒騨 篭籠 壺壷 俠侠 俱倶 吞呑 鬥闘 鬪闘 鬬闘"
)

_SURNAMES = (
    "髙高 﨑崎 嵜崎 碕崎 邉辺 濵浜 𠮷吉 桒桑 嶌島 舘館 栁柳 槗橋 靏鶴 籔薮 兔兎 冲沖 "
    "圡土 曻昇 昻昂 煕熙 凞熙 熈熙 穐秋 龝秋 舩船 蘓蘇 剱剣 劔剣 釼剣 亰京 圀国 杤栃 "
    "桝枡 曺曹 裵裴 寳宝 楳梅 邨村 冝宜 鴈雁 諌諫 廐厩 廏厩 鐡鉄 銕鉄 崗岡 萊莱 靱靭 "
    "澀渋 聦聡 﨔欅 渕淵"
)

_JIS_SHRINK = (
    "㟢崎 𥔎崎 𥸮桑 桺柳 𣘺橋 靍鶴 靎鶴 𡈽土 焈熙 秌秋 𠝏剣 櫔栃 𣜜栃 槑梅 韌靭 㐂喜 "
    "歖喜 憘喜 杦杉 柗松 梥松 㮤松 漥窪 檟榎 筿篠 藡荻 𦿷荻 蕿萱 蘐萱 䕃蔭 𦹥蔭 𨼲蔭 "
    "綋紘 煇暉 暒晴 竫靖 芲花 蘤花 琹琴 珡琴 灮光 炗光 棃梨 喆哲 嚞哲 悊哲 啠哲 䧺雄 "
    "勈勇 恿勇 徤健 𢛳徳 𡌛野 𠀋丈 樑梁 毱鞠 朙明 皨星 暻景 凮風 冭太 㬜晋 兠兜 猨猿 "
    "雞鶏 𨿸鶏 𦣪塩 鍫鍬"
)

_SAI = "齊斎 斉斎 亝斎 斊斎"

_GROUPS = (_JOYO, _JINMEIYO, _KYOYO, _HYOGAI, _SURNAMES, _JIS_SHRINK, _SAI)


def variant_pairs() -> list[tuple[str, str]]:
    """Every (variant, common form) pair of the table, in source order (duplicates kept)."""
    return [(pair[0], pair[1:]) for group in _GROUPS for pair in group.split()]


VARIANT_KANJI: dict[str, str] = dict(variant_pairs())
