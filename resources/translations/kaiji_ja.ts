<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AgentFields</name>
    <message>
        <location filename="../../desktop/gui/agent_fields.py" line="17"/>
        <source>Agent (from the request form)</source>
        <translation>代理人（請求書の代理人欄）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/agent_fields.py" line="17"/>
        <source>e.g. parent (mother), lawyer</source>
        <translation>例：親権者（母）、任意代理人（弁護士）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/agent_fields.py" line="17"/>
        <source>Agent's name</source>
        <translation>代理人の氏名</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/agent_fields.py" line="17"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/agent_fields.py" line="17"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/agent_fields.py" line="17"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/agent_fields.py" line="17"/>
        <source>Relationship</source>
        <translation>ご本人との関係</translation>
    </message>
</context>
<context>
    <name>AddresseeDialog</name>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="78"/>
        <source>Change addressee</source>
        <translation>送付先の変更</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="86"/>
        <source>&amp;Change addressee</source>
        <translation>送付先を変更(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="96"/>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="98"/>
        <source>Letters go to</source>
        <translation>現在の送付先</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="111"/>
        <source>Required; kept in the audit log.</source>
        <translation>必須。監査ログに記録されます。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="113"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="114"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="115"/>
        <source>Building</source>
        <translation>建物名</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="116"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="117"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="118"/>
        <source>New addressee</source>
        <translation>新しい送付先</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="123"/>
        <source>Supervisor&apos;s approval</source>
        <translation>責任者の承認</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="128"/>
        <source>You approve this change as %1.</source>
        <translation>%1 として承認します。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="132"/>
        <source>A supervisor enters their user name and password to approve.</source>
        <translation>承認する責任者が利用者名とパスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="133"/>
        <source>Supervisor&apos;s user name</source>
        <translation>責任者の利用者名</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="134"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="183"/>
        <source>Enter why the letters go elsewhere.</source>
        <translation>送付先を変更する理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="191"/>
        <source>A supervisor must enter their user name and password.</source>
        <translation>責任者の利用者名とパスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/addressee_dialog.py" line="206"/>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
</context>
<context>
    <name>AnnualReportDialog</name>
    <message>
        <location filename="../../desktop/gui/annual_report_dialog.py" line="69"/>
        <source>Annual report on requests</source>
        <translation>開示等の請求の運用状況</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/annual_report_dialog.py" line="75"/>
        <source>Fiscal year (April to March)</source>
        <translation>年度（4月〜翌3月）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/annual_report_dialog.py" line="88"/>
        <source>Annual report</source>
        <translation>運用状況</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/annual_report_dialog.py" line="94"/>
        <source>Save &amp;CSV…</source>
        <translation>CSVで保存(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/annual_report_dialog.py" line="96"/>
        <source>Save &amp;PDF…</source>
        <translation>PDFで保存(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/annual_report_dialog.py" line="98"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/annual_report_dialog.py" line="101"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/annual_report_dialog.py" line="141"/>
        <source>Counting the year&apos;s requests…</source>
        <translation>1年分の請求を集計しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/annual_report_dialog.py" line="173"/>
        <source>%1 to %2</source>
        <translation>%1〜%2</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/annual_report_dialog.py" line="207"/>
        <source>Save the annual report as CSV</source>
        <translation>運用状況をCSVで保存</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/annual_report_dialog.py" line="220"/>
        <source>The file could not be saved: %1</source>
        <translation>ファイルを保存できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/annual_report_dialog.py" line="229"/>
        <source>Preparing the PDF…</source>
        <translation>PDFを作成しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/annual_report_dialog.py" line="233"/>
        <source>Save the annual report as PDF</source>
        <translation>運用状況をPDFで保存</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="179"/>
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
        <location filename="../../ui/case_detail.ui" line="102"/>
        <source>Deadline</source>
        <translation>回答期限</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="114"/>
        <source>Due:</source>
        <translation>期限日:</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="151"/>
        <source>Days left:</source>
        <translation>残り日数:</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="165"/>
        <source>State:</source>
        <translation>状況:</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="179"/>
        <source>Registered mail:</source>
        <translation>書留番号:</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="223"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="229"/>
        <source>Mo&amp;ve to:</source>
        <translation>変更先(&amp;V):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="298"/>
        <source>F&amp;urigana:</source>
        <translation>フリガナ(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="497"/>
        <source>Pos&amp;tmark:</source>
        <translation>消印日(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="583"/>
        <source>Mone&amp;y order issued:</source>
        <translation>小為替の発行日(&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="698"/>
        <source>Undo chan&amp;ges</source>
        <translation>変更を取り消す(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="246"/>
        <source>C&amp;hange status</source>
        <translation>状態を変更(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="80"/>
        <source>&amp;Documents and verification…</source>
        <translation>書類・本人確認(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="83"/>
        <source>Scanned pages, the fields read from them and the verification checklist (Ctrl+D)</source>
        <translation>取り込んだ書類、読み取った項目、本人確認チェックリスト（Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="131"/>
        <source>Extension reason:</source>
        <translation>延長理由:</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="198"/>
        <source>&amp;Extend deadline…</source>
        <translation>期限を延長(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="269"/>
        <source>Sender</source>
        <translation>差出人</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="281"/>
        <source>Sender &amp;name:</source>
        <translation>差出人氏名(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="315"/>
        <source>P&amp;ostal code:</source>
        <translation>郵便番号(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="352"/>
        <source>&amp;Address:</source>
        <translation>住所(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="369"/>
        <source>&amp;Birth date:</source>
        <translation>生年月日(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="399"/>
        <source>Re&amp;quester:</source>
        <translation>請求者(&amp;Q):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="435"/>
        <source>Envelope and fee</source>
        <translation>郵便物・手数料</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="447"/>
        <source>&amp;Received on:</source>
        <translation>受付日(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="527"/>
        <source>Envelope &amp;marked “開示等請求書在中”</source>
        <translation>封筒に「開示等請求書在中」の表示あり(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="534"/>
        <source>&amp;Fee:</source>
        <translation>手数料(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="613"/>
        <source>Return &amp;postage enclosed</source>
        <translation>返信用切手の同封あり(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="623"/>
        <source>Requests</source>
        <translation>請求の種類</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="638"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.ui" line="705"/>
        <source>&amp;Save changes</source>
        <translation>変更を保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="160"/>
        <source>Submitted documents destroyed on %1</source>
        <translation>提出書類は %1 に廃棄済みです</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="165"/>
        <source>Legal hold: documents are kept until it is lifted</source>
        <translation>訴訟ホールド中: 解除されるまで書類を保存します</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="213"/>
        <source>Repeats an earlier case (%1).</source>
        <translation>過去の案件 %1 と同一請求者として関連付けられています。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="226"/>
        <source>Closed and withdrawn cases cannot be edited.</source>
        <translation>完了・取下げの案件は編集できません。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="228"/>
        <source>Your role cannot edit cases.</source>
        <translation>この権限では案件を編集できません。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="249"/>
        <source>Answered (the deadline no longer runs)</source>
        <translation>回答済み（期限の対象外）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="276"/>
        <source>%1 (reason needed)</source>
        <translation>%1（理由の入力が必要）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="280"/>
        <source>(no further status)</source>
        <translation>（変更できる状態はありません）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="373"/>
        <source>Save or revert your changes first.</source>
        <translation>先に変更を保存するか取り消してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="415"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="570"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="571"/>
        <source>Why does %1 go from “%2” to “%3”?</source>
        <translation>%1 を「%2」から「%3」に戻す理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="582"/>
        <source>A reason is needed to move a case back. Nothing was changed.</source>
        <translation>状態を戻すには理由が必要です。状態は変更していません。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="442"/>
        <source>Name</source>
        <translation>差出人氏名</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="271"/>
        <source>(choose…)</source>
        <translation>（選んでください）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="443"/>
        <source>Furigana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="444"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="445"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="446"/>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="447"/>
        <source>Requester</source>
        <translation>請求者</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="448"/>
        <source>Received on</source>
        <translation>受付日</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="449"/>
        <source>Postmark</source>
        <translation>消印日</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="450"/>
        <source>Envelope marked</source>
        <translation>封筒の「開示等請求書在中」表示</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="451"/>
        <source>Fee</source>
        <translation>手数料</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="452"/>
        <source>Paid as</source>
        <translation>支払方法</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="453"/>
        <source>Money order issued on</source>
        <translation>小為替の発行日</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="454"/>
        <source>Return postage enclosed</source>
        <translation>返信用切手の同封</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="455"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="462"/>
        <source>yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="462"/>
        <source>no</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="475"/>
        <source>%1: saved “%2”, yours “%3”</source>
        <translation>%1：保存済み「%2」／入力した値「%3」</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="485"/>
        <source>Requests: saved “%1”, yours “%2”</source>
        <translation>請求の種類：保存済み「%1」／入力した値「%2」</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="494"/>
        <source>The newest version is shown. What you typed:
%1
Enter your values again?</source>
        <translation>最新の内容を表示しました。あなたが入力した値：
%1
入力した値をもう一度入れますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="496"/>
        <source>Enter my values again</source>
        <translation>入力した値を戻す</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="497"/>
        <source>Keep the saved values</source>
        <translation>保存済みの値のままにする</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_detail_panel.py" line="548"/>
        <source>Case %1</source>
        <translation>案件 %1</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <location filename="../../desktop/gui/case_filters.py" line="34"/>
        <source>Search reference, name, address, mail no. (Ctrl+F)</source>
        <translation>受付番号・氏名・住所・書留番号で検索 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_filters.py" line="45"/>
        <source>All statuses</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_filters.py" line="46"/>
        <source>Pending (not answered)</source>
        <translation>未完了（未回答）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_filters.py" line="49"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_filters.py" line="51"/>
        <source>All requests</source>
        <translation>すべての請求</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_filters.py" line="54"/>
        <source>Kind of request</source>
        <translation>請求の種類</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_filters.py" line="55"/>
        <source>&amp;Overdue only</source>
        <translation>期限超過のみ(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_filters.py" line="57"/>
        <source>Overdue only</source>
        <translation>期限超過のみ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_filters.py" line="59"/>
        <source>&amp;Due within %1 days</source>
        <translation>%1日以内に期限(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_filters.py" line="63"/>
        <source>Due within %1 days</source>
        <translation>%1日以内に期限</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <location filename="../../desktop/gui/case_header.py" line="71"/>
        <source>Next step:</source>
        <translation>次の作業:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_header.py" line="98"/>
        <source>Due %1 (%2)</source>
        <translation>期限 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_header.py" line="105"/>
        <source>Answered (the deadline no longer runs)</source>
        <translation>回答済み（期限の計算は終了）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_header.py" line="114"/>
        <source>Customer: %1 %2</source>
        <translation>顧客: %1 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_header.py" line="119"/>
        <source>Customer: no retained data</source>
        <translation>顧客: 保有データなし</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_header.py" line="120"/>
        <source>Customer: not linked yet (Ctrl+K)</source>
        <translation>顧客: 未紐付け（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_header.py" line="126"/>
        <source>None: the case is finished.</source>
        <translation>なし（案件は終了しています）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_header.py" line="139"/>
        <source>This step is taken by someone else: %1</source>
        <translation>この作業は他の担当者が行います: %1</translation>
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
    <name>CaseWorkspace</name>
    <message>
        <location filename="../../desktop/gui/case_workspace.py" line="87"/>
        <source>%1 — documents and verification</source>
        <translation>%1 — 書類と本人確認</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_workspace.py" line="95"/>
        <source>&amp;Documents</source>
        <translation>書類(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_workspace.py" line="96"/>
        <source>&amp;Verification</source>
        <translation>本人確認(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_workspace.py" line="97"/>
        <source>D&amp;ecision</source>
        <translation>決定(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_workspace.py" line="98"/>
        <source>&amp;Letters</source>
        <translation>通知書(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_workspace.py" line="112"/>
        <source>Find the registered customer… (Ctrl+K)</source>
        <translation>登録顧客を検索…（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/case_workspace.py" line="189"/>
        <source>Decisions are entered once verification has started (next step: %1).</source>
        <translation>決定は本人確認を始めてから入力できます（次の作業: %1）。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desktop/gui/crash_reporting.py" line="74"/>
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/crash_reporting.py" line="77"/>
        <source>An unexpected error occurred. Your last change may not have been saved.
Please copy the report below and send it to your administrator.</source>
        <translation>予期しないエラーが発生しました。直前の操作は保存されていない可能性があります。
下の報告をコピーして、システム管理者に送ってください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/crash_reporting.py" line="89"/>
        <source>&amp;Copy report</source>
        <translation>報告をコピー(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CustomerImportDialog</name>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="143"/>
        <source>Customer registry</source>
        <translation>顧客台帳</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="143"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSVファイル (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="78"/>
        <source>Only an administrator may import the registry.</source>
        <translation>顧客台帳の取込みは管理者だけが行えます。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="88"/>
        <source>Detect (UTF-8 or Shift_JIS)</source>
        <translation>自動判別（UTF-8 または Shift_JIS）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="97"/>
        <source>Customer no. (required)</source>
        <translation>顧客番号（必須）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="98"/>
        <source>Name (required)</source>
        <translation>氏名（必須）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="99"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="100"/>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="101"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="102"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="103"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="110"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="110"/>
        <source>CSV column</source>
        <translation>CSVの列</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="121"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="121"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="207"/>
        <source>Read as %1.</source>
        <translation>%1 として読み込みました。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="229"/>
        <source>(not in the file)</source>
        <translation>（ファイルにない）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="263"/>
        <source>Importing…</source>
        <translation>取込み中…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="293"/>
        <source>Stopping after the current batch…</source>
        <translation>処理中の分を書き込んでから中止します…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="309"/>
        <source>%1 added, %2 updated, %3 rejected.</source>
        <translation>追加 %1 件、更新 %2 件、取込み不可 %3 件。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_import_dialog.py" line="313"/>
        <source>The import was stopped; the rows before it are imported.</source>
        <translation>取込みを中止しました。中止までの行は取り込まれています。</translation>
    </message>
    <message>
        <location filename="../../ui/customer_import_dialog.ui" line="14"/>
        <source>Import the customer registry</source>
        <translation>顧客台帳の取込み</translation>
    </message>
    <message>
        <location filename="../../ui/customer_import_dialog.ui" line="22"/>
        <source>CSV &amp;file:</source>
        <translation>CSVファイル(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/customer_import_dialog.ui" line="37"/>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/customer_import_dialog.ui" line="46"/>
        <source>&amp;Encoding:</source>
        <translation>文字コード(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/customer_import_dialog.ui" line="59"/>
        <source>&amp;Source system:</source>
        <translation>取込元(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/customer_import_dialog.ui" line="78"/>
        <source>Columns: which CSV column holds each item</source>
        <translation>列の対応（各項目が入っているCSVの列）</translation>
    </message>
    <message>
        <location filename="../../ui/customer_import_dialog.ui" line="94"/>
        <source>First rows of the file</source>
        <translation>ファイルの先頭行</translation>
    </message>
    <message>
        <location filename="../../ui/customer_import_dialog.ui" line="143"/>
        <source>&amp;Import</source>
        <translation>取込み(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/customer_import_dialog.ui" line="150"/>
        <source>&amp;Stop import</source>
        <translation>取込みを中止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/customer_import_dialog.ui" line="157"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>CustomerLinkDialog</name>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="114"/>
        <source>Score</source>
        <translation>一致度</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="115"/>
        <source>Customer no.</source>
        <translation>顧客番号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="116"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="117"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="118"/>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="119"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="120"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="121"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="164"/>
        <source>linked to %1 %2</source>
        <translation>%1 %2 に紐付け済み</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="167"/>
        <source>no retained personal data recorded</source>
        <translation>保有個人データなしとして記録済み</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="169"/>
        <source>no customer linked yet</source>
        <translation>顧客は未特定</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="184"/>
        <source>Searching…</source>
        <translation>検索中…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="207"/>
        <source>%1 candidates</source>
        <translation>候補 %1 件</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="211"/>
        <source>No customer fits the search.</source>
        <translation>該当する顧客はいません。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="275"/>
        <source>Record that no personal data of this requester is retained?</source>
        <translation>この請求者の保有個人データはないものとして記録しますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/customer_link_dialog.py" line="299"/>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <location filename="../../ui/customer_link_dialog.ui" line="14"/>
        <source>Find the customer</source>
        <translation>本人の特定（顧客検索）</translation>
    </message>
    <message>
        <location filename="../../ui/customer_link_dialog.ui" line="27"/>
        <source>Search by (as written on the request)</source>
        <translation>検索条件（請求書の記載どおり）</translation>
    </message>
    <message>
        <location filename="../../ui/customer_link_dialog.ui" line="33"/>
        <source>&amp;Name:</source>
        <translation>氏名(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/customer_link_dialog.ui" line="50"/>
        <source>&amp;Kana:</source>
        <translation>フリガナ(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../ui/customer_link_dialog.ui" line="67"/>
        <source>&amp;Birth date:</source>
        <translation>生年月日(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/customer_link_dialog.ui" line="84"/>
        <source>&amp;Phone:</source>
        <translation>電話番号(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/customer_link_dialog.ui" line="101"/>
        <source>P&amp;ostal code:</source>
        <translation>郵便番号(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../ui/customer_link_dialog.ui" line="118"/>
        <source>A&amp;ddress:</source>
        <translation>住所(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/customer_link_dialog.ui" line="142"/>
        <source>&amp;Search (Enter)</source>
        <translation>検索(&amp;S)（Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/customer_link_dialog.ui" line="174"/>
        <source>&amp;Link selected customer</source>
        <translation>選択した顧客に紐付け(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/customer_link_dialog.ui" line="181"/>
        <source>No retained personal data</source>
        <translation>保有個人データなし</translation>
    </message>
    <message>
        <location filename="../../ui/customer_link_dialog.ui" line="188"/>
        <source>&amp;Undo link</source>
        <translation>紐付けを解除(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/customer_link_dialog.ui" line="202"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <location filename="../../desktop/gui/dashboard.py" line="88"/>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/dashboard.py" line="93"/>
        <source>Overdue</source>
        <translation>期限超過</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/dashboard.py" line="96"/>
        <source>Needs attention</source>
        <translation>要対応</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/dashboard.py" line="101"/>
        <source>Cases by status</source>
        <translation>状態別の案件数</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/dashboard.py" line="113"/>
        <source>Click a bar to list those cases</source>
        <translation>棒をクリックすると該当する案件を一覧表示します</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/dashboard.py" line="115"/>
        <source>Received and closed per week</source>
        <translation>週ごとの受付・完了件数</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/dashboard.py" line="118"/>
        <source>&amp;Annual report…</source>
        <translation>運用状況(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/dashboard.py" line="120"/>
        <source>&amp;Reload</source>
        <translation>再読込(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/dashboard.py" line="122"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/dashboard.py" line="162"/>
        <source>As of %1</source>
        <translation>%1 現在</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/dashboard.py" line="165"/>
        <source>Due within %1 days</source>
        <translation>期限まで%1日以内</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/dashboard.py" line="171"/>
        <source>Awaiting documents over %1 days</source>
        <translation>補正待ち%1日超</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/dashboard.py" line="182"/>
        <source>Received</source>
        <translation>受付</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/dashboard.py" line="187"/>
        <source>Closed</source>
        <translation>完了</translation>
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
    <name>DecisionPanel</name>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="290"/>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="290"/>
        <source>Reviewer</source>
        <translation>承認者</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="290"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="290"/>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="296"/>
        <location filename="../../desktop/gui/decision_panel.py" line="311"/>
        <source>Review history</source>
        <translation>承認履歴</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="297"/>
        <source>&amp;Save decision</source>
        <translation>決定を保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="300"/>
        <source>Submit for &amp;review</source>
        <translation>承認を依頼(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="365"/>
        <source>Status: %1</source>
        <translation>状態: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="367"/>
        <source>decided by %1 on %2</source>
        <translation>%2 %1 決定</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="374"/>
        <source>Returned by %1: %2</source>
        <translation>%1 さんから差戻し: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="425"/>
        <source>The decision</source>
        <translation>決定</translation>
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
    <name>DocumentViewer</name>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="115"/>
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="120"/>
        <source>Add pages from files… (Ctrl+O)</source>
        <translation>ファイルから追加…（Ctrl+O）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="122"/>
        <source>Read again (F5)</source>
        <translation>再読取（F5）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="129"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>縮小（Ctrl+-）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="130"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>拡大（Ctrl++）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="131"/>
        <source>Fit to window (Ctrl+0)</source>
        <translation>全体を表示（Ctrl+0）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="132"/>
        <source>Rotate left (Ctrl+L)</source>
        <translation>左に回転（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="133"/>
        <source>Rotate right (Ctrl+R)</source>
        <translation>右に回転（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="166"/>
        <source>Principal</source>
        <translation>本人</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="167"/>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="170"/>
        <source>Document</source>
        <translation>書類の種類</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="171"/>
        <source>Belongs to</source>
        <translation>提出者</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="305"/>
        <source>Corrected by a clerk; read as: %1</source>
        <translation>担当者が修正しました。読取結果: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="321"/>
        <source>No pages yet. Add scans from files or drop them here.</source>
        <translation>書類はまだありません。ファイルから追加するか、ここにドロップしてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="323"/>
        <source>Source: %1, page %2</source>
        <translation>元ファイル: %1（%2ページ目）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="330"/>
        <source>My Number found and blacked out before storing. A card back should not have been sent.</source>
        <translation>個人番号を検出し、保存前に黒塗りしました。マイナンバーカードの裏面は本来送付不要の書類です。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="335"/>
        <source>Health-insurance numbers blacked out before storing.</source>
        <translation>保険者番号・記号・番号を保存前に黒塗りしました。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="337"/>
        <source>Passport machine-readable zone: a check digit does not match.</source>
        <translation>旅券の機械読取欄のチェックディジットが一致しません。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="339"/>
        <source>The image was destroyed at the end of the retention period.</source>
        <translation>保存期間の満了により画像は廃棄済みです。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="416"/>
        <source>Reading the page again</source>
        <translation>ページを再読取しています</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="430"/>
        <source>Add scanned pages</source>
        <translation>書類を追加</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="430"/>
        <source>Scans (%1)</source>
        <translation>スキャン画像（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="441"/>
        <source>Reading scanned pages</source>
        <translation>書類を読み取っています</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="448"/>
        <source>Cancelled. No page was added.</source>
        <translation>キャンセルしました。書類は追加されていません。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/document_viewer.py" line="453"/>
        <source>%1 page(s) added. Numbers that must not be kept were blacked out on %2 page(s) before storing.</source>
        <translation>%1ページを追加しました。保存してはならない番号を%2ページで保存前に黒塗りしました。</translation>
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
    <name>GuideDialog</name>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="33"/>
        <source>Kaiji Desk user guide</source>
        <translation>Kaiji Desk 利用ガイド</translation>
    </message>
</context>
<context>
    <name>InboxDialog</name>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="186"/>
        <source>Inbox — pages without a case</source>
        <translation>受信箱 — 案件未割当の書類</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="193"/>
        <source>Case reference, e.g. KD2026-000123</source>
        <translation>案件番号（例: KD2026-000123）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="194"/>
        <source>Move selected pages to this case</source>
        <translation>選択した書類をこの案件に移す</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="197"/>
        <source>The inbox is empty.</source>
        <translation>受信箱は空です。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="199"/>
        <source>Case:</source>
        <translation>案件:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="243"/>
        <source>Select pages and type the case reference they belong to.</source>
        <translation>書類を選び、移動先の案件番号を入力してください。</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="124"/>
        <source>Log envelope (Ctrl+Enter)</source>
        <translation>受付登録 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="131"/>
        <source>Earlier cases of the same requester (last %1 days)</source>
        <translation>過去%1日の同一請求者の案件</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="181"/>
        <source>registered / simple registered mail</source>
        <translation>書留・簡易書留・特定記録</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="182"/>
        <source>Yu-Pack / Letter Pack</source>
        <translation>ゆうパック・レターパック</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="183"/>
        <source>international mail</source>
        <translation>国際郵便</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="206"/>
        <source>11 or 12 digits, or an international number like RR123456785JP</source>
        <translation>11桁・12桁の番号、または RR123456785JP のような国際郵便の番号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="217"/>
        <source>Impossible number: registered mail has 11 digits (123-45-67890-1), parcels 12, international mail looks like RR123456785JP.</source>
        <translation>番号の形式が正しくありません。書留は11桁（123-45-67890-1）、ゆうパック等は12桁、国際郵便は RR123456785JP の形式です。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="224"/>
        <source>Please check the number again (the check digit does not match).</source>
        <translation>番号をもう一度ご確認ください（チェックデジット不一致）。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="269"/>
        <source>name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="270"/>
        <source>birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="271"/>
        <source>address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="272"/>
        <source>furigana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="286"/>
        <source>same %1</source>
        <translation>%1が一致</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="297"/>
        <source>Tick the case this request repeats to link them.</source>
        <translation>同じ請求者の案件であればチェックを付けて関連付けてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="299"/>
        <source>None found (name together with birth date or address).</source>
        <translation>該当なし（氏名と、生年月日または住所で照合）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="342"/>
        <source>Enter the registered-mail number.</source>
        <translation>書留番号を入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="345"/>
        <source>Enter the sender&apos;s name.</source>
        <translation>差出人の氏名を入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="358"/>
        <source>Tick at least one kind of request.</source>
        <translation>請求の種類を一つ以上選んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="400"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="413"/>
        <source>Logged as case %1.
Print its cover sheet now? Put it on top of the case&apos;s pages when you scan them, and the pages go to this case by themselves.</source>
        <translation>案件 %1 として受け付けました。
カバーシートを印刷しますか？ スキャンするときに書類の先頭に置くと、書類が自動でこの案件に振り分けられます。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="416"/>
        <source>Print cover sheet</source>
        <translation>カバーシートを印刷</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="417"/>
        <source>Not now</source>
        <translation>今はしない</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="451"/>
        <source>Open that case?</source>
        <translation>その案件を開きますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="452"/>
        <source>Open case %1</source>
        <translation>案件 %1 を開く</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="453"/>
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
        <location filename="../../ui/intake_dialog.ui" line="320"/>
        <source>Requester</source>
        <translation>請求者</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="326"/>
        <source>Pr&amp;incipal</source>
        <translation>本人(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="336"/>
        <source>&amp;Legal representative</source>
        <translation>法定代理人(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="343"/>
        <source>Appointed a&amp;gent</source>
        <translation>任意代理人(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="366"/>
        <source>Fee and enclosures</source>
        <translation>手数料・同封物</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="434"/>
        <source>Mone&amp;y order issued:</source>
        <translation>小為替の発行日(&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="385"/>
        <source>&amp;Fee:</source>
        <translation>手数料(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="378"/>
        <source>Envelope &amp;marked “開示等請求書在中”</source>
        <translation>封筒に「開示等請求書在中」の表示あり(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="464"/>
        <source>Return &amp;postage enclosed</source>
        <translation>返信用切手の同封あり(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="471"/>
        <source>N&amp;ote:</source>
        <translation>メモ(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.ui" line="514"/>
        <source>Earlier cases of the same requester (last 365 days)</source>
        <translation>過去365日の同一請求者の案件</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/intake_dialog.py" line="429"/>
        <source>The new envelope</source>
        <translation>受付中の郵便物</translation>
    </message>
</context>
<context>
    <name>KindDecisionEditor</name>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="108"/>
        <location filename="../../desktop/gui/decision_panel.py" line="126"/>
        <source>Letter wording</source>
        <translation>通知書の文言</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="111"/>
        <source>What exactly is disclosed, withheld or asked</source>
        <translation>開示する範囲・開示しない部分・求める書類など</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="117"/>
        <source>The requested method is impossible (the letter says so)</source>
        <translation>請求された方法での開示が困難（通知書に記載）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="124"/>
        <source>Outcome</source>
        <translation>決定</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="125"/>
        <location filename="../../desktop/gui/decision_panel.py" line="146"/>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="127"/>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="132"/>
        <source>Response method</source>
        <translation>開示の方法</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="136"/>
        <source>Fee</source>
        <translation>手数料</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="191"/>
        <source>(no reason is needed when complying in full)</source>
        <translation>（全部に応じる場合、理由は不要です）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="195"/>
        <source>(choose at least one reason)</source>
        <translation>（理由を一つ以上選んでください）</translation>
    </message>
</context>
<context>
    <name>LegalHoldButton</name>
    <message>
        <location filename="../../desktop/gui/legal_hold.py" line="58"/>
        <source>A case on legal hold keeps its documents past the retention period.</source>
        <translation>訴訟ホールド中の案件は保存期間を過ぎても書類を保管します。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/legal_hold.py" line="77"/>
        <source>Legal hold…</source>
        <translation>訴訟ホールド…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/legal_hold.py" line="79"/>
        <source>Legal hold: on</source>
        <translation>訴訟ホールド：設定中</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/legal_hold.py" line="79"/>
        <source>Legal hold: off</source>
        <translation>訴訟ホールド：なし</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/legal_hold.py" line="86"/>
        <source>Lift legal hold</source>
        <translation>訴訟ホールドの解除</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/legal_hold.py" line="86"/>
        <source>Why is the hold lifted?</source>
        <translation>訴訟ホールドを解除する理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/legal_hold.py" line="88"/>
        <source>Place legal hold</source>
        <translation>訴訟ホールドの設定</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/legal_hold.py" line="88"/>
        <source>Why is the case put on hold?</source>
        <translation>訴訟ホールドを設定する理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/legal_hold.py" line="93"/>
        <source>A legal hold needs a reason.</source>
        <translation>訴訟ホールドには理由が必要です。</translation>
    </message>
</context>
<context>
    <name>LettersPanel</name>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="165"/>
        <source>Previe&amp;w</source>
        <translation>プレビュー(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="167"/>
        <source>&amp;Issue letter</source>
        <translation>通知書を発行(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="169"/>
        <source>New letter</source>
        <translation>新しい通知書</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="171"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="185"/>
        <source>Letter</source>
        <translation>通知書</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="186"/>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="187"/>
        <source>Template</source>
        <translation>文面の版</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="188"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="189"/>
        <source>By</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="190"/>
        <source>At</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="191"/>
        <source>Printer / reason</source>
        <translation>プリンター／理由</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="201"/>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="203"/>
        <source>&amp;Save as PDF…</source>
        <translation>PDFとして保存(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="205"/>
        <source>C&amp;orrect (new version)…</source>
        <translation>訂正（新しい版）(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="263"/>
        <source>Export encrypted P&amp;DF…</source>
        <translation>暗号化PDFを書き出す(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="209"/>
        <source>Print password s&amp;heet</source>
        <translation>パスワード通知書を印刷(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="211"/>
        <source>Issued letters</source>
        <translation>発行済みの通知書</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="227"/>
        <source>&amp;Record sending…</source>
        <translation>発送を記録(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="229"/>
        <source>Close c&amp;ase</source>
        <translation>案件を完了(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="231"/>
        <source>Mail</source>
        <translation>郵送</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="234"/>
        <source>Chan&amp;ge addressee…</source>
        <translation>送付先の変更(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="258"/>
        <source>The decisions call for: %1</source>
        <translation>決定に必要な通知書: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="260"/>
        <source>No decision calls for a letter yet.</source>
        <translation>通知書が必要な決定はまだありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="299"/>
        <source>Reprinted</source>
        <translation>再印刷</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="299"/>
        <source>Printed</source>
        <translation>印刷</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="326"/>
        <source>%1 — why: %2</source>
        <translation>%1 — 理由: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="331"/>
        <source>replaced by a newer version</source>
        <translation>新しい版に置き換え済み</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="333"/>
        <source>correction: %1</source>
        <translation>訂正: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="335"/>
        <source>not printed yet</source>
        <translation>未印刷</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="341"/>
        <source>Sent. Close the case once nothing comes back.</source>
        <translation>発送済みです。返戻がなければ案件を完了してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="343"/>
        <source>The letter came back. Check the address and send it again.</source>
        <translation>通知書が返戻されました。宛先を確認して再発送してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="345"/>
        <source>Printed. Record the registered-mail number when it is mailed.</source>
        <translation>印刷済みです。発送したら書留番号を記録してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="347"/>
        <source>Closed.</source>
        <translation>完了しました。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="349"/>
        <source>Approved: issue the answer letter and print it.</source>
        <translation>承認済みです。回答の通知書を発行して印刷してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="351"/>
        <source>The answer letter is issued once the decision is approved.</source>
        <translation>回答の通知書は決定の承認後に発行できます。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="422"/>
        <source>Preparing the preview…</source>
        <translation>プレビューを準備しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="434"/>
        <source>This letter has been issued already. Select it and use “Correct (new version)…” to change it.</source>
        <translation>この通知書は発行済みです。変更するには一覧で選び「訂正（新しい版）…」を使ってください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="446"/>
        <source>Correct the letter</source>
        <translation>通知書の訂正</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="447"/>
        <source>Why does the letter need a new version? (recorded in the audit log)</source>
        <translation>新しい版が必要な理由を入力してください（監査ログに記録されます）。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="463"/>
        <source>Issuing the letter…</source>
        <translation>通知書を発行しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="482"/>
        <source>Nothing was done: a reason is required.</source>
        <translation>理由の入力が必要なため、何も行いませんでした。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="493"/>
        <source>Print again</source>
        <translation>再印刷</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="494"/>
        <source>This letter has been printed before. Why is it printed again?</source>
        <translation>この通知書は印刷済みです。再印刷の理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="511"/>
        <source>Printing failed: %1</source>
        <translation>印刷できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="535"/>
        <source>Save the letter as PDF</source>
        <translation>通知書をPDFとして保存</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="613"/>
        <source>Preparing the encrypted PDF…</source>
        <translation>暗号化PDFを作成しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="620"/>
        <source>Export the disclosure as an encrypted PDF</source>
        <translation>開示データを暗号化PDFで書き出す</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="574"/>
        <source>Could not save %1: %2</source>
        <translation>%1 を保存できませんでした: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="585"/>
        <source>Saved %1. Print the password sheet now and send it separately from the data.</source>
        <translation>%1 を保存しました。パスワード通知書を今すぐ印刷し、データとは別に送付してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="594"/>
        <source>Password sheet</source>
        <translation>パスワード通知書</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/letters_panel.py" line="634"/>
        <source>Close case %1? The retention period of its documents starts now.</source>
        <translation>案件 %1 を完了しますか？提出書類の保存期間がここから始まります。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/gui/login_dialog.py" line="130"/>
        <source>Opening the database…</source>
        <translation>データベースを開いています…</translation>
    </message>
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
    <name>MailDialogs</name>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="178"/>
        <source>Registered-mail &amp;number</source>
        <translation>書留番号(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="220"/>
        <source>The check digit of %1 does not match. Record this number anyway?</source>
        <translation>%1 のチェックディジットが一致しません。この番号で記録しますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="224"/>
        <source>Record anyway</source>
        <translation>このまま記録する</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="225"/>
        <source>Check the number</source>
        <translation>番号を確認する</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="99"/>
        <source>Kaiji Desk — requests for disclosure</source>
        <translation>開示デスク — 開示等請求の受付・管理</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="162"/>
        <source>No matching cases.</source>
        <translation>該当する案件はありません</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="171"/>
        <source>&amp;Log envelope…</source>
        <translation>受付(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="172"/>
        <source>Log envelope</source>
        <translation>受付</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="174"/>
        <source>Log a newly arrived envelope (Ctrl+N)</source>
        <translation>届いた郵便物を受け付けます (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="176"/>
        <source>&amp;Reload</source>
        <translation>再読込(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="177"/>
        <source>Reload</source>
        <translation>再読込</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="179"/>
        <source>Reload the list from the database (F5)</source>
        <translation>データベースから一覧を読み直します (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="187"/>
        <source>&amp;Find</source>
        <translation>検索(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="190"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="193"/>
        <source>&amp;User management…</source>
        <translation>利用者管理(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="195"/>
        <source>&amp;Reason catalog…</source>
        <translation>理由の管理(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="197"/>
        <source>Dash&amp;board…</source>
        <translation>ダッシュボード(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="200"/>
        <source>&amp;Review queue…</source>
        <translation>承認待ち一覧(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="203"/>
        <source>&amp;Import customer registry…</source>
        <translation>顧客台帳の取込(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="205"/>
        <source>&amp;About Kaiji Desk</source>
        <translation>開示デスクについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="207"/>
        <source>User &amp;guide</source>
        <translation>利用ガイド(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="210"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="226"/>
        <source>&amp;Cases</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="236"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="244"/>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="245"/>
        <source>&amp;Language</source>
        <translation>表示言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="249"/>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="253"/>
        <source>Sca&amp;ns</source>
        <translation>書類取込(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="255"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="261"/>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="310"/>
        <source>Not logged in</source>
        <translation>ログインしていません</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="313"/>
        <source>Logged in: %1 (%2)</source>
        <translation>ログイン中: %1（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="319"/>
        <source>Database: %1</source>
        <translation>データベース: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="403"/>
        <source>This column cannot be sorted.</source>
        <translation>この列では並べ替えできません。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="411"/>
        <source>%1 cases</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="550"/>
        <source>Case cover sheet</source>
        <translation>案件カバーシート</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="554"/>
        <source>&amp;Print queue…</source>
        <translation>印刷待ち(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="557"/>
        <source>Re&amp;turned mail…</source>
        <translation>返戻郵便(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="630"/>
        <source>The display language changes the next time Kaiji Desk starts.</source>
        <translation>表示言語は次回の起動から切り替わります。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="652"/>
        <source>About Kaiji Desk</source>
        <translation>開示デスクについて</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="654"/>
        <source>&lt;h3&gt;Kaiji Desk %1&lt;/h3&gt;&lt;p&gt;Intake, verification and response of requests for disclosure of personal data (APPI) received by registered mail.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;開示デスク %1&lt;/h3&gt;&lt;p&gt;書留郵便で届く保有個人データの開示等請求（個人情報保護法）の受付・確認・回答を管理します。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="181"/>
        <source>&amp;Open case window…</source>
        <translation>案件ウィンドウを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="232"/>
        <source>Reprint &amp;cover sheet</source>
        <translation>カバーシートを再印刷(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="234"/>
        <source>Print the chosen case&apos;s cover sheet again, to scan its pages into it</source>
        <translation>選択中の案件のカバーシートをもう一度印刷します（書類をこの案件へスキャンするため）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="184"/>
        <source>The chosen case&apos;s documents, verification, decision and letters (Ctrl+D)</source>
        <translation>選んだ案件の書類・本人確認・決定・通知書（Ctrl+D）</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/gui/messages.py" line="73"/>
        <source>Kaiji Desk</source>
        <translation>開示デスク</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="99"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="103"/>
        <location filename="../../desktop/gui/messages.py" line="147"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="140"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="143"/>
        <source>&amp;Discard</source>
        <translation>破棄(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="167"/>
        <source>Required: the dialog closes once it is filled.</source>
        <translation>必須です。入力すると閉じられます。</translation>
    </message>
</context>
<context>
    <name>NewScansBar</name>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="91"/>
        <source>Add to the selected case</source>
        <translation>選択中の案件に追加</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="92"/>
        <source>Route by cover sheets</source>
        <translation>カバーシートで振り分け</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="93"/>
        <source>Ignore</source>
        <translation>無視</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="106"/>
        <source>The scanner saved %1 new file(s): %2</source>
        <translation>スキャナーが新しいファイルを%1件保存しました: %2</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../desktop/gui/operations.py" line="293"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/operations.py" line="276"/>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/operations.py" line="323"/>
        <source>{label} ({done} / {total})</source>
        <translation>{label}（{done} / {total}）</translation>
    </message>
</context>
<context>
    <name>OutgoingMailDialog</name>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="271"/>
        <source>Record sending — %1</source>
        <translation>発送の記録 — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="275"/>
        <source>Sent &amp;on</source>
        <translation>発送日(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="277"/>
        <source>&amp;Method</source>
        <translation>発送方法(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="278"/>
        <source>&amp;Record sending</source>
        <translation>発送を記録(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="282"/>
        <source>Case %1: scan the barcode on the receipt of the letter you mailed, or type its number.</source>
        <translation>案件 %1: 発送した郵便物の受領証のバーコードを読み取るか、番号を入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="305"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../desktop/gui/override_dialog.py" line="22"/>
        <source>Change the result of a check</source>
        <translation>確認結果の判定を変更</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/override_dialog.py" line="27"/>
        <source>Back to the computed result</source>
        <translation>自動判定に戻す</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/override_dialog.py" line="31"/>
        <source>Why? (required; kept in the audit log)</source>
        <translation>理由（必須・監査ログに記録されます）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/override_dialog.py" line="39"/>
        <source>Check</source>
        <translation>確認項目</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/override_dialog.py" line="40"/>
        <source>Computed result</source>
        <translation>自動判定</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/override_dialog.py" line="41"/>
        <source>New result</source>
        <translation>変更後の判定</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/override_dialog.py" line="42"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>PrintQueueDialog</name>
    <message>
        <source>&amp;Sealing check…</source>
        <translation>封入照合(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="126"/>
        <source>Print queue</source>
        <translation>印刷待ち</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="82"/>
        <source>Reference</source>
        <translation>案件番号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="83"/>
        <source>Addressee</source>
        <translation>宛名</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="84"/>
        <source>Letter</source>
        <translation>通知書</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="85"/>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="86"/>
        <source>Issued</source>
        <translation>発行日時</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="98"/>
        <source>Select &amp;all</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="100"/>
        <source>&amp;Print selected…</source>
        <translation>選択分を印刷(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="102"/>
        <source>Print address &amp;labels…</source>
        <translation>宛名ラベルを印刷(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="115"/>
        <source>Issued letters of approved cases that have not been printed. Tick the ones to print; each is printed exactly as it was issued.</source>
        <translation>承認済み案件の発行済みで未印刷の通知書です。印刷するものにチェックを付けてください。発行したとおりの内容で印刷されます。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="181"/>
        <source>%1 of %2 letters selected</source>
        <translation>%2通中%1通を選択</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="197"/>
        <source>Preparing the letters…</source>
        <translation>通知書を準備しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="204"/>
        <source>Printing failed: %1</source>
        <translation>印刷できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="209"/>
        <source>Letters</source>
        <translation>通知書</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="225"/>
        <source>%1 letters printed and recorded. Not recorded:</source>
        <translation>%1通を印刷・記録しました。記録できなかったもの:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/print_queue.py" line="245"/>
        <source>Address labels</source>
        <translation>宛名ラベル</translation>
    </message>
</context>
<context>
    <name>ReasonsDialog</name>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="44"/>
        <source>Reason catalog</source>
        <translation>理由の管理</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="59"/>
        <source>Request cannot be processed</source>
        <translation>請求を処理できない</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="60"/>
        <source>No retained data</source>
        <translation>保有個人データなし</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="61"/>
        <source>Ground for non-disclosure</source>
        <translation>不開示事由</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="62"/>
        <source>Other law</source>
        <translation>他の法令</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="63"/>
        <source>No notice of the purpose of use</source>
        <translation>利用目的を通知しない事由（第32条第2項）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="63"/>
        <source>No correction</source>
        <translation>訂正等を行わない事由（第34条）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="63"/>
        <source>No suspension of use or erasure</source>
        <translation>利用停止等を行わない事由（第35条第1項）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="63"/>
        <source>No suspension of provision to third parties</source>
        <translation>第三者提供を停止しない事由（第35条第3項）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="69"/>
        <location filename="../../desktop/gui/reasons_dialog.py" line="119"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="70"/>
        <location filename="../../desktop/gui/reasons_dialog.py" line="123"/>
        <source>Title (Japanese)</source>
        <translation>名称（日本語）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="71"/>
        <source>Legal basis</source>
        <translation>根拠条文</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="72"/>
        <location filename="../../desktop/gui/reasons_dialog.py" line="120"/>
        <source>Ground</source>
        <translation>根拠の種類</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="73"/>
        <location filename="../../desktop/gui/reasons_dialog.py" line="156"/>
        <source>Retired</source>
        <translation>使用終了</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="84"/>
        <source>&amp;Retire…</source>
        <translation>使用を終了(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="89"/>
        <source>Reasons are never deleted: retired ones stay for letters already sent.</source>
        <translation>理由は削除されません。使用を終了した理由も送付済みの通知書のために残ります。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="94"/>
        <source>Reasons</source>
        <translation>理由一覧</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="102"/>
        <source>lowercase letters, digits and _</source>
        <translation>英小文字・数字・下線</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="115"/>
        <source>&amp;Add reason</source>
        <translation>理由を追加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="121"/>
        <source>Legal basis (Japanese)</source>
        <translation>根拠条文（日本語）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="122"/>
        <source>Legal basis (English)</source>
        <translation>根拠条文（英語）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="124"/>
        <source>Title (English)</source>
        <translation>名称（英語）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="125"/>
        <source>Letter wording (Japanese)</source>
        <translation>通知書の文面（日本語）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="126"/>
        <source>Letter wording (English)</source>
        <translation>通知書の文面（英語）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="130"/>
        <source>Add a reason (all fields required)</source>
        <translation>理由の追加（全項目必須）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="182"/>
        <source>Retire the reason “%1”? New decisions will no longer offer it; letters already sent keep citing it. It cannot be deleted.</source>
        <translation>理由「%1」の使用を終了しますか？今後の決定では選べなくなりますが、送付済みの通知書には残ります。削除はできません。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/reasons_dialog.py" line="185"/>
        <source>Retire</source>
        <translation>使用を終了</translation>
    </message>
</context>
<context>
    <name>ReturnedMailDialog</name>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="326"/>
        <source>Returned mail</source>
        <translation>返戻郵便</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="334"/>
        <source>Returned &amp;on</source>
        <translation>返戻日(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="336"/>
        <source>Rea&amp;son</source>
        <translation>返戻理由(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="338"/>
        <source>&amp;Record return</source>
        <translation>返戻を記録(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="339"/>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="343"/>
        <source>Scan the barcode on the returned envelope. The case goes back to the clerk to send the letter again.</source>
        <translation>返戻された封筒のバーコードを読み取ってください。案件は再発送のため担当者に戻ります。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="373"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="381"/>
        <source>%1 came back: case %2 is open again (%3).</source>
        <translation>%1 が返戻されました: 案件 %2 を再開しました（%3）。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="329"/>
        <source>Choose why it came back</source>
        <translation>返戻の理由を選んでください</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="356"/>
        <source>Choose why the letter came back.</source>
        <translation>返戻の理由を選んでください。</translation>
    </message>
</context>
<context>
    <name>ReviewQueueDialog</name>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="44"/>
        <source>Review queue</source>
        <translation>承認待ち一覧</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="51"/>
        <source>Reference</source>
        <translation>受付番号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="52"/>
        <source>Received</source>
        <translation>受付日</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="53"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="54"/>
        <source>Days left</source>
        <translation>残り日数</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="55"/>
        <source>Requester</source>
        <translation>請求者</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="56"/>
        <source>Requests</source>
        <translation>請求の種類</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="57"/>
        <source>Outcomes</source>
        <translation>決定内容</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="58"/>
        <source>Decided by</source>
        <translation>決定者</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="69"/>
        <source>&amp;Open case (Enter)</source>
        <translation>案件を開く(&amp;O)（Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="71"/>
        <source>&amp;Return…</source>
        <translation>差戻し(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="73"/>
        <source>&amp;Approve (Ctrl+Enter)</source>
        <translation>承認(&amp;A)（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="76"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="115"/>
        <source>%1 cases waiting for approval</source>
        <translation>承認待ち %1 件</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="150"/>
        <source>%1 days over</source>
        <translation>%1日超過</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="152"/>
        <source>Due today</source>
        <translation>本日期限</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="153"/>
        <source>%1 days</source>
        <translation>残り%1日</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="188"/>
        <source>Approve the decision on %1 (%2)?
%3</source>
        <translation>%1（%2）の決定を承認しますか？
%3</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="192"/>
        <source>Approve</source>
        <translation>承認する</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="193"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="200"/>
        <source>%1 approved.</source>
        <translation>%1 を承認しました。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="213"/>
        <source>Return for rework</source>
        <translation>差戻し</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="214"/>
        <source>What should %1 change? (required)</source>
        <translation>%1 さんへの差戻しコメント（必須）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="221"/>
        <source>Returning a case needs a comment.</source>
        <translation>差し戻すにはコメントが必要です。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_queue.py" line="231"/>
        <source>%1 returned to %2.</source>
        <translation>%1 を %2 さんに差し戻しました。</translation>
    </message>
</context>
<context>
    <name>ScanController</name>
    <message>
        <location filename="../../desktop/gui/scan_controller.py" line="53"/>
        <source>Read a &amp;batch with cover sheets…</source>
        <translation>カバーシート付きの一括読取(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_controller.py" line="56"/>
        <source>Scan from the &amp;scanner</source>
        <translation>スキャナーから読み取る(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_controller.py" line="60"/>
        <source>&amp;Inbox (pages without a case)…</source>
        <translation>受信箱（案件未割当の書類）(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_controller.py" line="107"/>
        <source>Select the case the pages belong to first.</source>
        <translation>先に書類を追加する案件を選んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_controller.py" line="125"/>
        <source>Reading scanned pages</source>
        <translation>書類を読み取っています</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_controller.py" line="171"/>
        <source>Scanning</source>
        <translation>スキャンしています</translation>
    </message>
</context>
<context>
    <name>ScanIntake</name>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="135"/>
        <source>Cancelled. No page was stored.</source>
        <translation>キャンセルしました。書類は保存されていません。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="139"/>
        <source>%1: %2 page(s)</source>
        <translation>%1: %2ページ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="146"/>
        <source>Inbox (no cover sheet): %1 page(s)</source>
        <translation>受信箱（カバーシートなし）: %1ページ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="151"/>
        <source>Cover sheets: %1, blank pages left out: %2</source>
        <translation>カバーシート: %1枚、除外した白紙: %2ページ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="162"/>
        <source>Reading the scanned batch</source>
        <translation>一括読取しています</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="171"/>
        <source>Scanned batch with cover sheets</source>
        <translation>カバーシート付きのスキャン</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/scan_intake.py" line="172"/>
        <source>Scans (%1)</source>
        <translation>スキャン画像（%1）</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="50"/>
        <source>Log a newly arrived envelope</source>
        <translation>届いた郵便物を受け付ける</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="51"/>
        <source>Search the case list</source>
        <translation>案件一覧を検索</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="54"/>
        <source>Reload the list (in the case window: re-read the page)</source>
        <translation>一覧を再読込（案件ウィンドウでは書類を再読取）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="60"/>
        <source>Open the chosen case&apos;s window</source>
        <translation>選んだ案件のウィンドウを開く</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="62"/>
        <source>Case window: take the next step</source>
        <translation>案件ウィンドウ: 次の作業へ進む</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="65"/>
        <source>Case window: find the registered customer</source>
        <translation>案件ウィンドウ: 登録顧客を検索</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="67"/>
        <source>Case window: add pages from files</source>
        <translation>案件ウィンドウ: ファイルから書類を追加</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="70"/>
        <source>Save in mail dialogs; approve in the review queue</source>
        <translation>郵便の画面で保存／承認一覧で承認</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="74"/>
        <source>Review queue</source>
        <translation>承認一覧</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="75"/>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="76"/>
        <source>Print queue</source>
        <translation>印刷待ち</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="79"/>
        <source>Close a window (unsaved changes are asked about first)</source>
        <translation>ウィンドウを閉じる（未保存の変更は確認します）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="83"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="84"/>
        <source>User guide</source>
        <translation>利用ガイド</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="91"/>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="94"/>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/help_dialog.py" line="94"/>
        <source>What they do</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>TrackingNumberField</name>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="57"/>
        <source>Scan the barcode or type the number</source>
        <translation>バーコードを読み取るか番号を入力</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="92"/>
        <source>11 digits for registered mail (123-45-67890-1)</source>
        <translation>書留は11桁です（123-45-67890-1）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="103"/>
        <source>Impossible number: registered mail has 11 digits (123-45-67890-1), parcels 12, international e.g. RR123456785JP.</source>
        <translation>ありえない番号です: 書留は11桁（123-45-67890-1）、ゆうパックは12桁、国際郵便は RR123456785JP の形式です。</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/mail_dialogs.py" line="110"/>
        <source>Please check the number again (the check digit does not match).</source>
        <translation>番号をもう一度確認してください（チェックディジットが一致しません）。</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <location filename="../../desktop/gui/unsaved.py" line="51"/>
        <source>%1 has unsaved changes.
Save them before going on?</source>
        <translation>%1 に保存していない変更があります。
保存しますか？</translation>
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
    <name>VerificationPanel</name>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="74"/>
        <location filename="../../desktop/gui/verification_panel.py" line="136"/>
        <source>Request form</source>
        <translation>請求書</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="74"/>
        <source>ID document</source>
        <translation>本人確認書類</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="74"/>
        <source>Registered record</source>
        <translation>登録情報</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="87"/>
        <location filename="../../desktop/gui/verification_panel.py" line="93"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="89"/>
        <location filename="../../desktop/gui/verification_panel.py" line="94"/>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="77"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="78"/>
        <source>Prefecture</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="79"/>
        <source>City / ward</source>
        <translation>市区町村</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="80"/>
        <source>Town</source>
        <translation>町域</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="81"/>
        <source>Chōme</source>
        <translation>丁目</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="82"/>
        <source>Block (番)</source>
        <translation>番（番地）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="83"/>
        <source>Lot (号)</source>
        <translation>号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="84"/>
        <source>Building</source>
        <translation>建物</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="85"/>
        <source>Room</source>
        <translation>部屋番号</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="88"/>
        <source>Furigana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="90"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="100"/>
        <source>Particulars compared</source>
        <translation>記載事項の照合</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="104"/>
        <source>Result</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="104"/>
        <source>Check</source>
        <translation>確認項目</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="104"/>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="114"/>
        <source>Checklist</source>
        <translation>チェックリスト</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="117"/>
        <source>Show evidence (Enter)</source>
        <translation>根拠を表示（Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="119"/>
        <source>Change result…</source>
        <translation>判定を変更…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="137"/>
        <source>Signed / sealed</source>
        <translation>署名・押印あり</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="138"/>
        <source>Every required item filled in</source>
        <translation>必要事項の記入漏れなし</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="140"/>
        <source>Missing items, if any</source>
        <translation>記入漏れの項目（あれば）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="141"/>
        <source>Save form check</source>
        <translation>請求書の確認を保存</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="150"/>
        <source>Seal on the power of attorney vs seal certificate</source>
        <translation>委任状の印影と印鑑登録証明書の照合</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="151"/>
        <location filename="../../desktop/gui/verification_panel.py" line="152"/>
        <source>(not loaded)</source>
        <translation>（未表示）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="157"/>
        <source>Show seals</source>
        <translation>印影を表示</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="163"/>
        <source>Matches</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="164"/>
        <source>Does not match</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="165"/>
        <source>Cannot tell</source>
        <translation>判別できない</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="178"/>
        <source>Power of attorney</source>
        <translation>委任状</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="179"/>
        <source>Seal certificate</source>
        <translation>印鑑登録証明書</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="207"/>
        <source>Hide the seals</source>
        <translation>印影を隠す</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="207"/>
        <source>Compare the seals</source>
        <translation>印影を照合</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="238"/>
        <source>Verification: %1</source>
        <translation>本人確認: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="252"/>
        <source>Judged: %1</source>
        <translation>判定: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="254"/>
        <source>Not judged yet</source>
        <translation>未判定</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="289"/>
        <source> (changed from %1)</source>
        <translation>（%1から変更）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="303"/>
        <source>Changed by %1: %2</source>
        <translation>%1が変更: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="413"/>
        <source>Finding the seals…</source>
        <translation>印影を探しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/verification_panel.py" line="421"/>
        <source>No seal found</source>
        <translation>印影が見つかりません</translation>
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
<context>
    <name>SealingStationDialog</name>
    <message>
        <source>Sealing check</source>
        <translation>封入照合</translation>
    </message>
    <message>
        <source>Scan the code of a page, then the label or slip</source>
        <translation>各ページのコード、次に宛名ラベルか書留の控えを読み取ってください</translation>
    </message>
    <message>
        <source>&amp;Start the envelope again</source>
        <translation>この封筒をやり直す(&amp;S)</translation>
    </message>
    <message>
        <source>Scan the code in the bottom-right corner of every page going into the envelope, then the address label or the registered-mail slip. The envelope may be sealed only when the check says so.</source>
        <translation>封筒に入れる各ページの右下のコードを読み取り、最後に宛名ラベルまたは書留の控えを読み取ってください。照合で「封入OK」と出たときだけ封をしてください。</translation>
    </message>
    <message>
        <source>Not a page code, address label or mail number: %1</source>
        <translation>ページのコード・宛名ラベル・書留番号のいずれでもありません: %1</translation>
    </message>
    <message>
        <source>Scan the pages first, then the label.</source>
        <translation>先にページを読み取り、最後にラベルを読み取ってください。</translation>
    </message>
    <message>
        <source>%1 pages scanned. Scan the next page or the label.</source>
        <translation>%1 ページ読み取りました。次のページか宛名ラベルを読み取ってください。</translation>
    </message>
    <message>
        <source>OK: seal the envelope of %1.</source>
        <translation>封入OK: %1 の封筒に封をしてください。</translation>
    </message>
    <message>
        <source>Refused: do not seal this envelope.</source>
        <translation>照合NG: この封筒は封をしないでください。</translation>
    </message>
    <message>
        <source>Do not seal this envelope.</source>
        <translation>この封筒は封をしないでください。</translation>
    </message>
</context>
<context>
    <name>ExtractDialog</name>
    <message>
        <location filename="../../desktop/gui/extract_dialog.py" line="1"/>
        <source>%1 (%2 rows)</source>
        <translation>%1（%2行）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extract_dialog.py" line="1"/>
        <source>&amp;System</source>
        <translation>システム名(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extract_dialog.py" line="1"/>
        <source>(no file chosen)</source>
        <translation>（ファイル未選択）</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extract_dialog.py" line="1"/>
        <source>Attach an extract</source>
        <translation>抽出データの添付</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extract_dialog.py" line="1"/>
        <source>C&amp;hoose file…</source>
        <translation>ファイルを選ぶ(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extract_dialog.py" line="1"/>
        <source>Choose an extract</source>
        <translation>抽出データのファイルを選択</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extract_dialog.py" line="1"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extract_dialog.py" line="1"/>
        <source>Reading the file…</source>
        <translation>ファイルを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extract_dialog.py" line="1"/>
        <source>e.g. the credit management system</source>
        <translation>例：与信管理システム</translation>
    </message>
</context>
<context>
    <name>LabelTable</name>
    <message>
        <location filename="../../desktop/gui/extract_dialog.py" line="1"/>
        <source>Column in the file</source>
        <translation>ファイルの列名</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extract_dialog.py" line="1"/>
        <source>Label printed</source>
        <translation>印字する表示名</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/extract_dialog.py" line="1"/>
        <source>Labels of the columns</source>
        <translation>列の表示名</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <location filename="../../desktop/gui/extract_dialog.py" line="1"/>
        <source>Labels of the columns</source>
        <translation>列の表示名</translation>
    </message>
</context>
<context>
    <name>RetainedBox</name>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="1"/>
        <source>Attach e&amp;xtract…</source>
        <translation>抽出データを添付(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="1"/>
        <source>Columns without a readable label: %1</source>
        <translation>表示名のない列：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="1"/>
        <source>Ground</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="1"/>
        <source>Ground for the items ticked</source>
        <translation>チェックした項目の理由</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="1"/>
        <source>Items of the retained data</source>
        <translation>保有データの項目</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="1"/>
        <source>Registry &amp;labels…</source>
        <translation>顧客台帳の表示名(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="1"/>
        <source>Retained data: items withheld</source>
        <translation>保有個人データ：開示しない項目</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/decision_panel.py" line="1"/>
        <source>Sources: registry record%1</source>
        <translation>対象：顧客台帳%1</translation>
    </message>
</context>
</TS>
