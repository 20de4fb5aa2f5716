<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="168"/>
        <source>No users exist yet. Run “kaiji init” to create the first administrator.</source>
        <translation>利用者がまだ登録されていません。「kaiji init」を実行して最初の管理者を作成してください。</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <location filename="../../ui/case_detail.ui" line="17"/>
        <source>Select a case in the list.</source>
        <translation>一覧から案件を選んでください。</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="92"/>
        <source>Deadline</source>
        <translation>回答期限</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="104"/>
        <source>Due:</source>
        <translation>期限日:</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="141"/>
        <source>Days left:</source>
        <translation>残り日数:</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="155"/>
        <source>State:</source>
        <translation>状況:</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="169"/>
        <source>Registered mail:</source>
        <translation>書留番号:</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="213"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="219"/>
        <source>Mo&amp;ve to:</source>
        <translation>変更先(&amp;V):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="288"/>
        <source>F&amp;urigana:</source>
        <translation>フリガナ(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="487"/>
        <source>Pos&amp;tmark:</source>
        <translation>消印日(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="573"/>
        <source>Mone&amp;y order issued:</source>
        <translation>小為替の発行日(&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="730"/>
        <source>Undo chan&amp;ges</source>
        <translation>変更を取り消す(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="236"/>
        <source>C&amp;hange status</source>
        <translation>状態を変更(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="121"/>
        <source>Extension reason:</source>
        <translation>延長理由:</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="188"/>
        <source>&amp;Extend deadline…</source>
        <translation>期限を延長(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="259"/>
        <source>Sender</source>
        <translation>差出人</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="271"/>
        <source>Sender &amp;name:</source>
        <translation>差出人氏名(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="305"/>
        <source>Postal co&amp;de:</source>
        <translation>郵便番号(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="342"/>
        <source>&amp;Address:</source>
        <translation>住所(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="359"/>
        <source>&amp;Birth date:</source>
        <translation>生年月日(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="389"/>
        <source>Re&amp;quester:</source>
        <translation>請求者(&amp;Q):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="425"/>
        <source>Envelope and fee</source>
        <translation>郵便物・手数料</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="437"/>
        <source>&amp;Received on:</source>
        <translation>受付日(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="517"/>
        <source>Envelope &amp;marked “開示等請求書在中”</source>
        <translation>封筒に「開示等請求書在中」の表示あり(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="524"/>
        <source>&amp;Fee:</source>
        <translation>手数料(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="603"/>
        <source>Return &amp;postage enclosed</source>
        <translation>返信用切手の同封あり(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="613"/>
        <source>Requests</source>
        <translation>請求の種類</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="670"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="737"/>
        <source>&amp;Save changes</source>
        <translation>変更を保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="190"/>
        <source>Repeats an earlier case (%1).</source>
        <translation>過去の案件 %1 と同一請求者として関連付けられています。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="203"/>
        <source>Closed and withdrawn cases cannot be edited.</source>
        <translation>完了・取下げの案件は編集できません。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="205"/>
        <source>Your role cannot edit cases.</source>
        <translation>この権限では案件を編集できません。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="226"/>
        <source>Answered (the deadline no longer runs)</source>
        <translation>回答済み（期限の対象外）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="259"/>
        <source>%1 (reason needed)</source>
        <translation>%1（理由の入力が必要）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="263"/>
        <source>(no further status)</source>
        <translation>（変更できる状態はありません）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="353"/>
        <source>Save or revert your changes first.</source>
        <translation>先に変更を保存するか取り消してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="394"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="422"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="423"/>
        <source>Why does %1 go from “%2” to “%3”?</source>
        <translation>%1 を「%2」から「%3」に戻す理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="434"/>
        <source>A reason is needed to move a case back. Nothing was changed.</source>
        <translation>状態を戻すには理由が必要です。状態は変更していません。</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../desktop/gui/case_table_model.py" line="106"/>
        <source>This column cannot be sorted</source>
        <translation>この列では並べ替えできません</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_table_model.py" line="111"/>
        <source>Reference</source>
        <translation>受付番号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_table_model.py" line="112"/>
        <source>Received</source>
        <translation>受付日</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_table_model.py" line="113"/>
        <source>Sender</source>
        <translation>差出人</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_table_model.py" line="114"/>
        <source>Requests</source>
        <translation>請求の種類</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_table_model.py" line="115"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_table_model.py" line="116"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_table_model.py" line="117"/>
        <source>Days left</source>
        <translation>残り日数</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_table_model.py" line="118"/>
        <source>Registered mail no.</source>
        <translation>書留番号</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desktop/gui/errors.py" line="74"/>
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/errors.py" line="77"/>
        <source>An unexpected error occurred. Your last change may not have been saved.
Please copy the report below and send it to your administrator.</source>
        <translation>予期しないエラーが発生しました。直前の操作は保存されていない可能性があります。
下の報告をコピーして、システム管理者に送ってください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/errors.py" line="89"/>
        <source>&amp;Copy report</source>
        <translation>報告をコピー(&amp;C)</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <location filename="../../desktop/gui/date_input.py" line="36"/>
        <source>e.g. S60.1.1 or 1985/1/1</source>
        <translation>例: 昭和60年1月1日、S60.1.1、1985/1/1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/date_input.py" line="86"/>
        <source>Not a date</source>
        <translation>日付として読み取れません</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <location filename="../../desktop/gui/display.py" line="58"/>
        <source>On time</source>
        <translation>期限内</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/display.py" line="59"/>
        <source>Due soon</source>
        <translation>期限間近</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/display.py" line="60"/>
        <source>Overdue</source>
        <translation>期限超過</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/display.py" line="61"/>
        <source>Paused (awaiting documents)</source>
        <translation>停止中（補正待ち）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/display.py" line="69"/>
        <source>Due today</source>
        <translation>本日期限</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/display.py" line="71"/>
        <source>1 day over</source>
        <translation>1日超過</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/display.py" line="73"/>
        <source>%1 days over</source>
        <translation>%1日超過</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/display.py" line="75"/>
        <source>1 day</source>
        <translation>残り1日</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/display.py" line="76"/>
        <source>%1 days</source>
        <translation>残り%1日</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <location filename="../../desktop/gui/extension_dialog.py" line="89"/>
        <source>%1 allows %2 more, up to %3.</source>
        <translation>%1では最長%2、%3まで延長できます。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extension_dialog.py" line="94"/>
        <source>Required; it is told to the requester.</source>
        <translation>必須です。請求者に通知されます。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extension_dialog.py" line="96"/>
        <source>E&amp;xtend</source>
        <translation>延長する(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extension_dialog.py" line="111"/>
        <source>%1 days</source>
        <translation>%1日</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extension_dialog.py" line="112"/>
        <source>%1 business days</source>
        <translation>%1営業日</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extension_dialog.py" line="113"/>
        <source>%1 months</source>
        <translation>%1か月</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extension_dialog.py" line="150"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location filename="../../ui/extension_dialog.ui" line="14"/>
        <source>Extend deadline</source>
        <translation>期限の延長</translation>
    </message>
    <message>
        <location filename="../../ui/extension_dialog.ui" line="28"/>
        <source>Case:</source>
        <translation>案件:</translation>
    </message>
    <message>
        <location filename="../../ui/extension_dialog.ui" line="45"/>
        <source>Current due date:</source>
        <translation>現在の期限日:</translation>
    </message>
    <message>
        <location filename="../../ui/extension_dialog.ui" line="62"/>
        <source>&amp;New due date:</source>
        <translation>延長後の期限日(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/extension_dialog.ui" line="125"/>
        <source>&amp;Reason:</source>
        <translation>延長理由(&amp;R):</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="116"/>
        <source>Log envelope (Ctrl+Enter)</source>
        <translation>受付登録 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="123"/>
        <source>Earlier cases of the same requester (last %1 days)</source>
        <translation>過去%1日の同一請求者の案件</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="173"/>
        <source>registered / simple registered mail</source>
        <translation>書留・簡易書留・特定記録</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="174"/>
        <source>Yu-Pack / Letter Pack</source>
        <translation>ゆうパック・レターパック</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="175"/>
        <source>international mail</source>
        <translation>国際郵便</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="198"/>
        <source>11 or 12 digits, or an international number like RR123456785JP</source>
        <translation>11桁・12桁の番号、または RR123456785JP のような国際郵便の番号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="209"/>
        <source>Impossible number: registered mail has 11 digits (123-45-67890-1), parcels 12, international mail looks like RR123456785JP.</source>
        <translation>番号の形式が正しくありません。書留は11桁（123-45-67890-1）、ゆうパック等は12桁、国際郵便は RR123456785JP の形式です。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="216"/>
        <source>Please check the number again (the check digit does not match).</source>
        <translation>番号をもう一度ご確認ください（チェックデジット不一致）。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="261"/>
        <source>name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="262"/>
        <source>birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="263"/>
        <source>address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="264"/>
        <source>furigana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="278"/>
        <source>same %1</source>
        <translation>%1が一致</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="289"/>
        <source>Tick the case this request repeats to link them.</source>
        <translation>同じ請求者の案件であればチェックを付けて関連付けてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="291"/>
        <source>None found (name together with birth date or address).</source>
        <translation>該当なし（氏名と、生年月日または住所で照合）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="334"/>
        <source>Enter the registered-mail number.</source>
        <translation>書留番号を入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="337"/>
        <source>Enter the sender&apos;s name.</source>
        <translation>差出人の氏名を入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="349"/>
        <source>Tick at least one kind of request.</source>
        <translation>請求の種類を一つ以上選んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="389"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="399"/>
        <source>Logged as case %1.</source>
        <translation>受付番号 %1 で登録しました。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="410"/>
        <source>Open that case?</source>
        <translation>その案件を開きますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="411"/>
        <source>Open case %1</source>
        <translation>案件 %1 を開く</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="412"/>
        <source>Back to the form</source>
        <translation>入力に戻る</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="14"/>
        <source>Log an envelope</source>
        <translation>受付登録</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="27"/>
        <source>Envelope</source>
        <translation>郵便物</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="39"/>
        <source>Registered mail &amp;no.:</source>
        <translation>書留番号(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="69"/>
        <source>&amp;Received on:</source>
        <translation>受付日(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="152"/>
        <source>Sender</source>
        <translation>差出人</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="198"/>
        <source>Postal co&amp;de:</source>
        <translation>郵便番号(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="238"/>
        <source>&amp;Address:</source>
        <translation>住所(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="255"/>
        <source>&amp;Birth date:</source>
        <translation>生年月日(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="305"/>
        <source>Requests</source>
        <translation>請求の種類</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="119"/>
        <source>Pos&amp;tmark:</source>
        <translation>消印日(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="164"/>
        <source>&amp;Sender name:</source>
        <translation>差出人氏名(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="181"/>
        <source>F&amp;urigana:</source>
        <translation>フリガナ(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="317"/>
        <source>&amp;1 Notification of purpose of use</source>
        <translation>利用目的の通知(&amp;1)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="324"/>
        <source>&amp;2 Disclosure</source>
        <translation>開示(&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="331"/>
        <source>&amp;3 Disclosure of third-party records</source>
        <translation>第三者提供記録の開示(&amp;3)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="338"/>
        <source>&amp;4 Correction, addition or deletion</source>
        <translation>訂正・追加・削除(&amp;4)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="345"/>
        <source>&amp;5 Suspension of use or erasure</source>
        <translation>利用停止・消去(&amp;5)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="352"/>
        <source>&amp;6 Suspension of third-party provision</source>
        <translation>第三者提供の停止(&amp;6)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="362"/>
        <source>Requester</source>
        <translation>請求者</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="368"/>
        <source>Pr&amp;incipal</source>
        <translation>本人(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="378"/>
        <source>&amp;Legal representative</source>
        <translation>法定代理人(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="385"/>
        <source>Appointed a&amp;gent</source>
        <translation>任意代理人(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="408"/>
        <source>Fee and enclosures</source>
        <translation>手数料・同封物</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="476"/>
        <source>Mone&amp;y order issued:</source>
        <translation>小為替の発行日(&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="427"/>
        <source>&amp;Fee:</source>
        <translation>手数料(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="420"/>
        <source>Envelope &amp;marked “開示等請求書在中”</source>
        <translation>封筒に「開示等請求書在中」の表示あり(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="506"/>
        <source>Return &amp;postage enclosed</source>
        <translation>返信用切手の同封あり(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="513"/>
        <source>N&amp;ote:</source>
        <translation>メモ(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="556"/>
        <source>Earlier cases of the same requester (last 365 days)</source>
        <translation>過去365日の同一請求者の案件</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/gui/login_dialog.py" line="82"/>
        <source>Log &amp;in</source>
        <translation>ログイン(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login_dialog.py" line="107"/>
        <source>Enter your user name.</source>
        <translation>利用者名を入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login_dialog.py" line="111"/>
        <source>Enter your password.</source>
        <translation>パスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/login_dialog.py" line="120"/>
        <source>Checking the password…</source>
        <translation>パスワードを確認しています…</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.ui" line="9"/>
        <source>Kaiji Desk — Log in</source>
        <translation>開示デスク — ログイン</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.ui" line="19"/>
        <source>Kaiji Desk</source>
        <translation>開示デスク</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.ui" line="25"/>
        <source>Requests for disclosure of personal data</source>
        <translation>保有個人データの開示等請求 受付・管理</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.ui" line="36"/>
        <source>&amp;User name:</source>
        <translation>利用者名(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.ui" line="47"/>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.ui" line="58"/>
        <source>&amp;Language:</source>
        <translation>表示言語(&amp;L):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="74"/>
        <source>Kaiji Desk — requests for disclosure</source>
        <translation>開示デスク — 開示等請求の受付・管理</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="127"/>
        <source>&amp;Log envelope…</source>
        <translation>受付(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="128"/>
        <source>Log envelope</source>
        <translation>受付</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="130"/>
        <source>Log a newly arrived envelope (Ctrl+N)</source>
        <translation>届いた郵便物を受け付けます (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="132"/>
        <source>&amp;Reload</source>
        <translation>再読込(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="133"/>
        <source>Reload</source>
        <translation>再読込</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="135"/>
        <source>Reload the list from the database (F5)</source>
        <translation>データベースから一覧を読み直します (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="137"/>
        <source>&amp;Find</source>
        <translation>検索(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="140"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="143"/>
        <source>&amp;User management…</source>
        <translation>利用者管理(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="145"/>
        <source>&amp;About Kaiji Desk</source>
        <translation>開示デスクについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="163"/>
        <source>Search reference, name, address, mail no. (Ctrl+F)</source>
        <translation>受付番号・氏名・住所・書留番号で検索 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="174"/>
        <source>All statuses</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="175"/>
        <source>Pending (not answered)</source>
        <translation>未完了（未回答）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="178"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="180"/>
        <source>All requests</source>
        <translation>すべての請求</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="183"/>
        <source>Kind of request</source>
        <translation>請求の種類</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="184"/>
        <source>&amp;Overdue only</source>
        <translation>期限超過のみ(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="186"/>
        <source>Overdue only</source>
        <translation>期限超過のみ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="188"/>
        <source>&amp;Due within %1 days</source>
        <translation>%1日以内に期限(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="195"/>
        <source>Due within %1 days</source>
        <translation>%1日以内に期限</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="211"/>
        <source>&amp;Cases</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="219"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="222"/>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="223"/>
        <source>&amp;Language</source>
        <translation>表示言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="227"/>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="229"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="232"/>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="284"/>
        <source>Not logged in</source>
        <translation>ログインしていません</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="287"/>
        <source>Logged in: %1 (%2)</source>
        <translation>ログイン中: %1（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="293"/>
        <source>Database: %1</source>
        <translation>データベース: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="436"/>
        <source>This column cannot be sorted.</source>
        <translation>この列では並べ替えできません。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="448"/>
        <source>%1 cases</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="560"/>
        <source>The display language changes the next time Kaiji Desk starts.</source>
        <translation>表示言語は次回の起動から切り替わります。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="568"/>
        <source>About Kaiji Desk</source>
        <translation>開示デスクについて</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="570"/>
        <source>&lt;h3&gt;Kaiji Desk %1&lt;/h3&gt;&lt;p&gt;Intake, verification and response of requests for disclosure of personal data (APPI) received by registered mail.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;開示デスク %1&lt;/h3&gt;&lt;p&gt;書留郵便で届く保有個人データの開示等請求（個人情報保護法）の受付・確認・回答を管理します。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/gui/messages.py" line="51"/>
        <source>Kaiji Desk</source>
        <translation>開示デスク</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="77"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="81"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>UserAdminDialog</name>
    <message>
        <location filename="../../desktop/gui/user_admin_dialog.py" line="90"/>
        <source>User name</source>
        <translation>利用者名</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/user_admin_dialog.py" line="90"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/user_admin_dialog.py" line="90"/>
        <source>Role</source>
        <translation>権限</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/user_admin_dialog.py" line="90"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/user_admin_dialog.py" line="116"/>
        <source>Inactive</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/user_admin_dialog.py" line="119"/>
        <source>Locked until %1</source>
        <translation>%1 までロック中</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/user_admin_dialog.py" line="120"/>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/user_admin_dialog.py" line="165"/>
        <location filename="../../ui/user_admin_dialog.ui" line="116"/>
        <source>&amp;Deactivate</source>
        <translation>無効にする(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/user_admin_dialog.py" line="165"/>
        <source>Reac&amp;tivate</source>
        <translation>有効に戻す(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/user_admin_dialog.py" line="221"/>
        <source>Reset password</source>
        <translation>パスワードの再設定</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/user_admin_dialog.py" line="222"/>
        <source>New password for %1 (at least 8 characters):</source>
        <translation>%1 の新しいパスワード（8文字以上）:</translation>
    </message>
    <message>
        <location filename="../../ui/user_admin_dialog.ui" line="14"/>
        <source>User management</source>
        <translation>利用者管理</translation>
    </message>
    <message>
        <location filename="../../ui/user_admin_dialog.ui" line="43"/>
        <source>&amp;Add user…</source>
        <translation>利用者を追加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/user_admin_dialog.ui" line="66"/>
        <source>&amp;Role:</source>
        <translation>権限(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/user_admin_dialog.ui" line="79"/>
        <source>&amp;Change role</source>
        <translation>権限を変更(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/user_admin_dialog.ui" line="102"/>
        <source>&amp;Unlock</source>
        <translation>ロック解除(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/user_admin_dialog.ui" line="109"/>
        <source>Reset &amp;password…</source>
        <translation>パスワード再設定(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>UserFormDialog</name>
    <message>
        <location filename="../../desktop/gui/user_admin_dialog.py" line="40"/>
        <source>The two passwords differ.</source>
        <translation>2つのパスワードが一致しません。</translation>
    </message>
    <message>
        <location filename="../../ui/user_form_dialog.ui" line="14"/>
        <source>Add user</source>
        <translation>利用者の追加</translation>
    </message>
    <message>
        <location filename="../../ui/user_form_dialog.ui" line="28"/>
        <source>&amp;User name:</source>
        <translation>利用者名(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../ui/user_form_dialog.ui" line="45"/>
        <source>&amp;Name:</source>
        <translation>氏名(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/user_form_dialog.ui" line="62"/>
        <source>&amp;Role:</source>
        <translation>権限(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/user_form_dialog.ui" line="75"/>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/user_form_dialog.ui" line="92"/>
        <source>Password a&amp;gain:</source>
        <translation>パスワード（確認）(&amp;G):</translation>
    </message>
</context>
<context>
    <name>WorkloadBar</name>
    <message>
        <location filename="../../desktop/gui/workload_bar.py" line="86"/>
        <source>Pending</source>
        <translation>未完了</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/workload_bar.py" line="87"/>
        <source>Overdue</source>
        <translation>期限超過</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/workload_bar.py" line="88"/>
        <source>Due within %1 days</source>
        <translation>%1日以内に期限</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/workload_bar.py" line="91"/>
        <source>Awaiting approval</source>
        <translation>承認待ち</translation>
    </message>
</context>
</TS>
