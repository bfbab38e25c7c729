<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="44"/>
        <source>Giới thiệu Tổ Số</source>
        <translation>About Tổ Số</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="49"/>
        <source>&lt;h2&gt;Tổ Số {version}&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Tổ Số {version}&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="51"/>
        <source>Quản lý Tổ công nghệ số cộng đồng cấp xã: thôn, tổ, thành viên, hoạt động hỗ trợ và giấy tờ.</source>
        <translation>Community digital technology teams of a commune: villages, teams, members, support sessions and paperwork.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="63"/>
        <source>Phần mềm tự do theo Giấy phép Công cộng GNU, phiên bản 3 trở lên (&lt;a href=&quot;{gpl}&quot;&gt;GPL-3.0-or-later&lt;/a&gt;).&lt;br&gt;Phông chữ Liberation Serif trong tài liệu PDF: &lt;a href=&quot;{ofl}&quot;&gt;SIL OFL 1.1&lt;/a&gt; (Giấy phép Phông chữ Mở SIL).</source>
        <translation>Free software under the GNU General Public License, version 3 or later (&lt;a href=&quot;{gpl}&quot;&gt;GPL-3.0-or-later&lt;/a&gt;).&lt;br&gt;The Liberation Serif font in the PDF documents: &lt;a href=&quot;{ofl}&quot;&gt;SIL OFL 1.1&lt;/a&gt; (SIL Open Font License).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="73"/>
        <source>Thư mục dữ liệu:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="77"/>
        <source>Mở thư mục dữ liệu</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="85"/>
        <source>Qt {qt} · PySide6 {pyside} · Python {python}</source>
        <translation>Qt {qt} · PySide6 {pyside} · Python {python}</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="237"/>
        <source>{role} (từ {since})</source>
        <translation>{role} (since {since})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_dialogs.py" line="126"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_dialogs.py" line="224"/>
        <source>Đồng thời chuyển {name} (Tổ trưởng hiện tại)
thành Thành viên từ cùng ngày</source>
        <translation>Also make {name} (the current team leader)
an ordinary member from the same date</translation>
    </message>
</context>
<context>
    <name>AddMemberDialog</name>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="136"/>
        <location filename="../../desktop/ui/member_dialogs.py" line="198"/>
        <source>Thêm thành viên vào {team}</source>
        <translation>Add a member to {team}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="137"/>
        <source>Thêm vào tổ</source>
        <translation>Add to team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="139"/>
        <source>&amp;Người đã có trong danh sách</source>
        <translation>&amp;Existing person</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="140"/>
        <source>Người &amp;mới</source>
        <translation>&amp;New person</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="157"/>
        <source>Người:</source>
        <translation>Person:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="158"/>
        <location filename="../../desktop/ui/member_dialogs.py" line="170"/>
        <source>&amp;Tìm:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="161"/>
        <source>Chức danh trong Tổ:</source>
        <translation>Role in team:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="162"/>
        <source>Tham gia từ ngày:</source>
        <translation>Member from:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="170"/>
        <source>Người mới:</source>
        <translation>New person:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="191"/>
        <location filename="../../desktop/ui/member_dialogs.py" line="192"/>
        <source>Hãy chọn một người trong danh sách, hoặc chọn “Người mới”.</source>
        <translation>Choose a person from the list, or choose “New person”.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="45"/>
        <source>Tự động</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="46"/>
        <source>Sao lưu thủ công</source>
        <translation>Manual backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="47"/>
        <source>Trước khi khôi phục</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="48"/>
        <source>Trước khi nâng cấp</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="58"/>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="71"/>
        <location filename="../../desktop/ui/views/settings_backup.py" line="96"/>
        <source>Không sao lưu được</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="72"/>
        <source>Dữ liệu này không nằm trong thư mục nào để sao lưu.</source>
        <translation>This data is not kept in a folder, so it cannot be backed up.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="81"/>
        <source>Đã sao lưu vào {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="84"/>
        <source>Đã sao lưu</source>
        <translation>Backup complete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="85"/>
        <source>Đã sao lưu dữ liệu vào tệp:
{path}

Nên chép thư mục sao lưu ra USB hoặc máy khác định kỳ.</source>
        <translation>The data has been backed up to the file:
{path}

Copy the backup folder to a USB drive or another computer regularly.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="97"/>
        <source>Không sao lưu được dữ liệu: {error}
Hãy kiểm tra ổ đĩa còn trống và thử lại.</source>
        <translation>Could not back up the data: {error}
Check that the disk has free space and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="105"/>
        <source>Đang sao lưu dữ liệu…</source>
        <translation>Backing up data…</translation>
    </message>
</context>
<context>
    <name>BackupsPanel</name>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="122"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="122"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="122"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="122"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="135"/>
        <source>&amp;Các bản sao lưu trên máy này (mới nhất ở trên):</source>
        <translation>&amp;Backups on this computer (newest first):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="138"/>
        <source>Sao lưu &amp;ngay</source>
        <translation>Back up &amp;now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="139"/>
        <source>Chép toàn bộ dữ liệu vào thư mục sao lưu</source>
        <translation>Copy all data to the backup folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="140"/>
        <source>Khôi phục &amp;bản đang chọn…</source>
        <translation>&amp;Restore selected backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="141"/>
        <source>Thay dữ liệu hiện tại bằng bản sao lưu đang chọn (Enter)</source>
        <translation>Replace the current data with the selected backup (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="142"/>
        <source>Khôi phục từ tệp &amp;khác…</source>
        <translation>Restore from &amp;another file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="143"/>
        <source>Chọn một tệp sao lưu .sqlite3, ví dụ trên USB</source>
        <translation>Choose a .sqlite3 backup file, for example on a USB drive</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="144"/>
        <source>Mở thư mục sa&amp;o lưu</source>
        <translation>&amp;Open backup folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="149"/>
        <source>Sao lưu</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="156"/>
        <source>Phần mềm tự sao lưu khi mở (nhiều nhất một bản mỗi 12 giờ, giữ 10 bản tự động gần nhất). Khi khôi phục, dữ liệu hiện tại được giữ lại thành một bản “Trước khi khôi phục”, nên luôn có thể quay lại. Nên chép thư mục sao lưu ra USB định kỳ.</source>
        <translation>The app backs up automatically when it starts (at most once every 12 hours, keeping the 10 most recent automatic backups). When you restore, the current data is kept as a “Before restore” backup, so you can always go back. Copy the backup folder to a USB drive regularly.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="201"/>
        <source>{count} bản sao lưu</source>
        <translation>{count} backups</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="201"/>
        <source>Chưa có bản sao lưu nào.</source>
        <translation>No backups yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="230"/>
        <source>Chọn bản sao lưu</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="230"/>
        <source>Bản sao lưu Tổ Số (*.sqlite3);;Mọi tệp (*)</source>
        <translation>Tổ Số backups (*.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="247"/>
        <source>Bản sao lưu có {villages} thôn, {teams} tổ, {people} thành viên và {sessions} buổi hỗ trợ.</source>
        <translation>The backup holds {villages} villages, {teams} teams, {people} members and {sessions} support sessions.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="256"/>
        <source>Chú ý: bản sao lưu này của {unit} (mã {code}), không phải xã đang dùng.</source>
        <translation>Note: this backup belongs to {unit} (code {code}), not to the commune in use.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="263"/>
        <source>Khôi phục dữ liệu từ tệp “{name}”?

{holds}

Toàn bộ dữ liệu hiện tại sẽ được thay bằng dữ liệu của bản sao lưu. Dữ liệu hiện tại được giữ lại thành một bản sao lưu “Trước khi khôi phục”.</source>
        <translation>Restore the data from the file “{name}”?

{holds}

All current data will be replaced by the data in the backup. The current data is kept as a “Before restore” backup.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="267"/>
        <source>Khôi phục dữ liệu</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="267"/>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="278"/>
        <source>Đang khôi phục dữ liệu…</source>
        <translation>Restoring data…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="295"/>
        <source>Đã khôi phục</source>
        <translation>Restore complete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="296"/>
        <source>Đã khôi phục dữ liệu từ “{name}”.
Dữ liệu trước khi khôi phục được giữ tại:
{safety}</source>
        <translation>The data has been restored from “{name}”.
The data from before the restore is kept in:
{safety}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="303"/>
        <source>Lỗi không mong đợi: {error}</source>
        <translation>Unexpected error: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_backup.py" line="305"/>
        <source>Không khôi phục được</source>
        <translation>Restore failed</translation>
    </message>
</context>
<context>
    <name>CategoryTotalsModel</name>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="131"/>
        <source>{citizens} người dân, {sessions} buổi hỗ trợ</source>
        <translation>{citizens} citizens, {sessions} support sessions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="142"/>
        <source>Lĩnh vực</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="142"/>
        <source>Tháng này</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="142"/>
        <source>Năm nay</source>
        <translation>This year</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="245"/>
        <location filename="../../desktop/ui/member_dialogs.py" line="269"/>
        <source>Đổi chức danh của {name}</source>
        <translation>Change the role of {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="246"/>
        <source>Đổi chức danh</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="247"/>
        <source>Thành viên:</source>
        <translation>Member:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="248"/>
        <source>Tổ:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="249"/>
        <source>Chức danh hiện tại:</source>
        <translation>Current role:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="251"/>
        <source>Chức danh mới:</source>
        <translation>New role:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="252"/>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="264"/>
        <source>Chức danh mới giống chức danh hiện tại.</source>
        <translation>The new role is the same as the current one.</translation>
    </message>
</context>
<context>
    <name>CommunePage</name>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="62"/>
        <source>Xã của bạn</source>
        <translation>Your commune</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="64"/>
        <source>Chọn tỉnh, rồi chọn xã, phường hoặc đặc khu mà máy này phục vụ. Gõ để tìm, không cần gõ dấu.</source>
        <translation>Choose the province, then the commune, ward or special zone this computer serves. Type to search; there is no need to type diacritics.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="66"/>
        <source>Tỉnh, thành &amp;phố:</source>
        <translation>&amp;Province or city:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="66"/>
        <source>Ví dụ: lang son</source>
        <translation>e.g. lang son</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="68"/>
        <source>&amp;Xã, phường, đặc khu:</source>
        <translation>&amp;Commune, ward or special zone:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="68"/>
        <source>Ví dụ: tan thanh</source>
        <translation>e.g. tan thanh</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="88"/>
        <source>Không có tỉnh, thành phố nào khớp với “{text}”.</source>
        <translation>No province or city matches “{text}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="93"/>
        <source>Chọn tỉnh trước.</source>
        <translation>Choose the province first.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="97"/>
        <source>{unit} ({code})</source>
        <translation>{unit} ({code})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="100"/>
        <source>Không có đơn vị nào khớp với “{text}”.</source>
        <translation>No commune, ward or special zone matches “{text}”.</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="149"/>
        <source>Bước 4/4 · Xác nhận</source>
        <translation>Step 4/4 · Confirm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="150"/>
        <source>Bấm Nhập để ghi vào dữ liệu. Có thể hoàn tác toàn bộ bằng Ctrl+Z.</source>
        <translation>Click Import to write it to the data. The whole import can be undone with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="158"/>
        <source>Đang nhập… %v/%m</source>
        <translation>Importing… %v/%m</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="166"/>
        <source>{villages} thôn mới, {teams} tổ mới, {people} thành viên mới, {updated} cập nhật, {memberships} lượt tham gia tổ</source>
        <translation>{villages} new villages, {teams} new teams, {people} new members, {updated} updated, {memberships} team memberships</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="174"/>
        <source>&lt;p&gt;Sẽ nhập từ tệp &lt;b&gt;{name}&lt;/b&gt;:&lt;/p&gt;</source>
        <translation>&lt;p&gt;To be imported from the file &lt;b&gt;{name}&lt;/b&gt;:&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="179"/>
        <source>&lt;li&gt;Thôn mới: {names}&lt;/li&gt;</source>
        <translation>&lt;li&gt;New villages: {names}&lt;/li&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="181"/>
        <source>&lt;li&gt;Tổ mới: {names}&lt;/li&gt;</source>
        <translation>&lt;li&gt;New teams: {names}&lt;/li&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="184"/>
        <source>&lt;li&gt;Ngày bắt đầu tham gia tổ: {date}&lt;/li&gt;</source>
        <translation>&lt;li&gt;Membership start date: {date}&lt;/li&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="190"/>
        <source>&lt;p&gt;{count} dòng lỗi sẽ không được nhập (có thể lưu ra tệp ở bước trước để sửa).&lt;/p&gt;</source>
        <translation>&lt;p&gt;{count} rows with errors will not be imported (you can save them to a file in the previous step to fix them).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="51"/>
        <source>Cần xem lại</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="57"/>
        <source>Bản ghi</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="58"/>
        <source>Thông tin</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="59"/>
        <source>Giá trị bị ghi đè</source>
        <translation>Overwritten value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="60"/>
        <source>Giá trị đang dùng</source>
        <translation>Value in use</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="61"/>
        <source>Xử lý</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="73"/>
        <source>Các giá trị bị máy khác ghi đè khi đồng bộ</source>
        <translation>Values overwritten by another computer when syncing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="74"/>
        <source>Không có gì cần xem lại.</source>
        <translation>Nothing needs review.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="79"/>
        <source>Khi hai máy cùng sửa một thông tin, bản gửi lên máy chủ sau được giữ. Giá trị bị ghi đè nằm ở đây: bấm “Giữ giá trị này” để dùng lại nó, hoặc “Bỏ qua”.</source>
        <translation>When two computers change the same field, the one that reaches the server last is kept. The overwritten value is listed here: click “Keep this value” to use it again, or “Dismiss”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="94"/>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="99"/>
        <source>{value}
— {who}, {when}</source>
        <translation>{value}
— {who}, {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="96"/>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="101"/>
        <source>máy không rõ</source>
        <translation>unknown computer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="129"/>
        <source>Giữ giá trị này</source>
        <translation>Keep this value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="130"/>
        <source>Dùng lại giá trị bị ghi đè (một thay đổi mới, có thể hoàn tác)</source>
        <translation>Use the overwritten value again (a new change that can be undone)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="132"/>
        <source>Bỏ qua</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="133"/>
        <source>Giữ giá trị đang dùng và bỏ mục này khỏi danh sách</source>
        <translation>Keep the value in use and remove this entry from the list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="146"/>
        <source>(không có trên máy này)</source>
        <translation>(not on this computer)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="152"/>
        <source>Xóa/khôi phục</source>
        <translation>Delete/restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="161"/>
        <source>Đã xóa</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="161"/>
        <source>Đang dùng</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="166"/>
        <source>(để trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="175"/>
        <source>Giữ giá trị bị ghi đè</source>
        <translation>Keep the overwritten value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/conflicts_panel.py" line="179"/>
        <source>Không giữ được giá trị này</source>
        <translation>Could not keep this value</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="197"/>
        <source>Mỗi căn cứ pháp lý một dòng (Enter để xuống dòng)</source>
        <translation>One legal basis per line (Enter starts a new line)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="214"/>
        <source>{name} (đã giải thể)</source>
        <translation>{name} (dissolved)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="294"/>
        <source>Phó Chủ tịch</source>
        <translation>Phó Chủ tịch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="315"/>
        <source>Năm {year} đã có quyết định số {number} ({status}{date}). Hãy kiểm tra lại số.</source>
        <translation>Decision no. {number} already exists for {year} ({status}{date}). Check the number.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="319"/>
        <source>, ngày {date}</source>
        <translation>, dated {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="331"/>
        <source>Thêm quyết định số {number}</source>
        <translation>Add decision no. {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="336"/>
        <source>Sửa quyết định số {number}</source>
        <translation>Edit decision no. {number}</translation>
    </message>
</context>
<context>
    <name>DecisionTemplatesPanel</name>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="102"/>
        <source>Quyết định thành lập tổ</source>
        <translation>Decision founding a team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="103"/>
        <source>Quyết định kiện toàn tổ</source>
        <translation>Decision restructuring a team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="104"/>
        <source>Loại quyết định</source>
        <translation>Kind of decision</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="105"/>
        <source>Loại &amp;quyết định:</source>
        <translation>Kind of &amp;decision:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="113"/>
        <source>&amp;Thêm điều</source>
        <translation>&amp;Add article</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="114"/>
        <source>Thêm một điều vào cuối quyết định</source>
        <translation>Add an article at the end of the decision</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="115"/>
        <source>&amp;Bỏ điều cuối</source>
        <translation>Remove &amp;last article</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="116"/>
        <source>Bỏ điều cuối cùng của quyết định</source>
        <translation>Remove the last article of the decision</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="121"/>
        <source>Các điều của quyết định</source>
        <translation>Articles of the decision</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="127"/>
        <source>“Điều 1.”, “Điều 2.”… được thêm khi in. Mỗi dòng trong một điều được in thành một đoạn; dòng bắt đầu bằng “-” là một ý liệt kê.</source>
        <translation>“Điều 1.”, “Điều 2.”… are added when printing. Each line of an article is printed as a paragraph; a line starting with “-” is a list item.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="137"/>
        <source>Nơi nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="140"/>
        <source>&amp;Mỗi dòng một nơi nhận:</source>
        <translation>&amp;One recipient per line:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="142"/>
        <source>Nơi nhận (chung cho cả hai loại quyết định)</source>
        <translation>Recipients (shared by both kinds of decision)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="148"/>
        <source>Dấu “-” đầu dòng, dấu “;” và dấu “.” ở dòng cuối được thêm khi in.</source>
        <translation>The leading “-”, the “;” and the “.” on the last line are added when printing.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="152"/>
        <source>Chỗ điền tự động</source>
        <translation>Placeholders</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="156"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="157"/>
        <source>Lưu mẫu quyết định (Ctrl+S)</source>
        <translation>Save the decision templates (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="160"/>
        <source>Khôi phục &amp;mặc định</source>
        <translation>&amp;Restore defaults</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="161"/>
        <source>Dùng lại các điều và nơi nhận mặc định của Tổ Số</source>
        <translation>Use the articles and recipients Tổ Số ships with again</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="216"/>
        <source>Khi in, các chỗ điền sau được thay bằng nội dung của từng quyết định:</source>
        <translation>When printing, these placeholders are replaced with the details of each decision:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="217"/>
        <source>tên các tổ trong quyết định, ví dụ “Tổ công nghệ số cộng đồng thôn Nà Phái”;</source>
        <translation>the teams of the decision, for example “Tổ công nghệ số cộng đồng thôn Nà Phái”;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="219"/>
        <source>tên xã, ví dụ “{name}”;</source>
        <translation>the commune, for example “{name}”;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="220"/>
        <source>“xã”, “phường” hoặc “đặc khu”;</source>
        <translation>“xã”, “phường” or “đặc khu”;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="222"/>
        <source>công chức phụ trách chuyển đổi số, ví dụ “{title}”.</source>
        <translation>the official in charge of digital transformation, for example “{title}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="249"/>
        <source>Điều {number}.</source>
        <translation>Article {number}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="252"/>
        <source>Nội dung Điều {number}</source>
        <translation>Text of article {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="324"/>
        <source>Không có chỗ điền {unknown}; chỉ dùng được {known}.</source>
        <translation>There is no placeholder {unknown}; only {known} can be used.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="335"/>
        <source>Quyết định phải có ít nhất một điều.</source>
        <translation>A decision needs at least one article.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="361"/>
        <source>Quyết định phải có ít nhất một nơi nhận, ví dụ “Lưu: VT”.</source>
        <translation>A decision needs at least one recipient, for example “Lưu: VT”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="377"/>
        <source>Đã lưu. Các quyết định dự thảo sẽ in theo mẫu mới.</source>
        <translation>Saved. Draft decisions now print with the new templates.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="385"/>
        <source>Khôi phục mặc định</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="387"/>
        <source>Thay các điều của cả quyết định thành lập và quyết định kiện toàn, cùng danh sách nơi nhận, bằng mẫu mặc định của Tổ Số?</source>
        <translation>Replace the articles of both the founding and the restructuring decision, and the recipients, with the templates Tổ Số ships with?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="390"/>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings_templates.py" line="399"/>
        <source>Đã khôi phục mẫu mặc định.</source>
        <translation>The default templates are back.</translation>
    </message>
</context>
<context>
    <name>DecisionsModel</name>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="82"/>
        <source>Số quyết định</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="86"/>
        <source>Ngày ký</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="87"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="88"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="89"/>
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="90"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="91"/>
        <source>Các tổ</source>
        <translation>Teams</translation>
    </message>
</context>
<context>
    <name>DecisionsView</name>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="367"/>
        <source>quyết định</source>
        <translation>decisions</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/decisions.py" line="367"/>
        <source>%Ln quyết định</source>
        <translation>
            <numerusform>%Ln decision</numerusform>
            <numerusform>%Ln decisions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="369"/>
        <source>Danh sách quyết định</source>
        <translation>List of decisions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="370"/>
        <source>Soạn dự thảo quyết định mới (Ctrl+N)</source>
        <translation>Draft a new decision (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="371"/>
        <source>Sửa dự thảo đang chọn (F2 hoặc Enter)</source>
        <translation>Edit the selected draft (F2 or Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="372"/>
        <source>Xóa dự thảo đang chọn (Delete); có thể hoàn tác bằng Ctrl+Z</source>
        <translation>Delete the selected draft (Delete); can be undone with Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="378"/>
        <source>Chi tiết quyết định</source>
        <translation>Decision details</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="387"/>
        <source>Quyết định đã ban hành được giữ nguyên; muốn thay đổi, hãy soạn quyết định mới để thay thế.</source>
        <translation>Issued decisions are kept as they are; to change one, draft a new decision to replace it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="428"/>
        <source>Xem trước / In</source>
        <translation>Preview / Print</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="430"/>
        <source>Xem trước, in hoặc lưu quyết định ra PDF (Ctrl+P)</source>
        <translation>Preview, print or save the decision as a PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="434"/>
        <source>Ban hành…</source>
        <translation>Issue…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="436"/>
        <source>Ban hành dự thảo đang chọn; sau đó không sửa được (Ctrl+B)</source>
        <translation>Issue the selected draft; it cannot be edited afterwards (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="440"/>
        <source>Ban hành quyết định thay thế…</source>
        <translation>Issue a replacement decision…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="442"/>
        <source>Soạn dự thảo kiện toàn thay thế quyết định đã ban hành đang chọn (Ctrl+Shift+B)</source>
        <translation>Draft a restructuring decision to replace the selected issued decision (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="474"/>
        <source>Quyết định đã ban hành không thể sửa; hãy ban hành quyết định mới để thay thế.</source>
        <translation>An issued decision cannot be edited; issue a new decision to replace it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="499"/>
        <source>Chọn một quyết định để xem, hoặc nhấn Ctrl+N để soạn mới.</source>
        <translation>Select a decision to view it, or press Ctrl+N to draft a new one.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="511"/>
        <source>Quyết định số {number}</source>
        <translation>Decision no. {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="525"/>
        <source>Chưa chọn tổ nào.</source>
        <translation>No team chosen.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="548"/>
        <source>Không sửa được quyết định</source>
        <translation>Cannot edit the decision</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="573"/>
        <location filename="../../desktop/ui/views/decisions.py" line="586"/>
        <source>Không xóa được quyết định</source>
        <translation>Cannot delete the decision</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="574"/>
        <source>Quyết định số {number} đã ban hành nên được giữ lại trong hồ sơ.</source>
        <translation>Decision no. {number} has been issued, so it stays on record.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="582"/>
        <source>Xóa dự thảo quyết định số {number}</source>
        <translation>Delete draft decision no. {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="589"/>
        <source>Đã xóa dự thảo quyết định số {number}. Nhấn Ctrl+Z để hoàn tác.</source>
        <translation>Draft decision no. {number} deleted. Press Ctrl+Z to undo.</translation>
    </message>
</context>
<context>
    <name>DissolveTeamDialog</name>
    <message>
        <location filename="../../desktop/ui/team_dialogs.py" line="298"/>
        <location filename="../../desktop/ui/team_dialogs.py" line="314"/>
        <source>Giải thể {team}</source>
        <translation>Dissolve {team}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_dialogs.py" line="299"/>
        <source>&amp;Giải thể tổ</source>
        <translation>&amp;Dissolve team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_dialogs.py" line="302"/>
        <source>Tổ “{team}” sẽ chuyển sang trạng thái “Đã giải thể”; {count} thành viên đang tham gia sẽ kết thúc vào ngày giải thể. Danh sách thành viên, các buổi hỗ trợ và lịch sử của tổ vẫn được giữ lại.</source>
        <translation>The team “{team}” will be marked “Dissolved”; the memberships of its {count} current members will end on the dissolution date. The team’s member list, support sessions and history are kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_dialogs.py" line="306"/>
        <source>Ngày giải thể:</source>
        <translation>Dissolved on:</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="129"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="130"/>
        <source>In tài liệu ra giấy A4 (Ctrl+P)</source>
        <translation>Print the document on A4 paper (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="131"/>
        <source>Lưu thành…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="132"/>
        <source>Lưu tài liệu thành tệp PDF (Ctrl+S)</source>
        <translation>Save the document as a PDF file (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="134"/>
        <source>Trang trước</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="135"/>
        <source>Về trang trước (Ctrl+PgUp)</source>
        <translation>Go to the previous page (Ctrl+PgUp)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="140"/>
        <source>Trang sau</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="141"/>
        <source>Sang trang sau (Ctrl+PgDown)</source>
        <translation>Go to the next page (Ctrl+PgDown)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="144"/>
        <source>Thu nhỏ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="146"/>
        <source>Thu nhỏ trang (Ctrl+-)</source>
        <translation>Make the page smaller (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="148"/>
        <source>Phóng to</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="152"/>
        <source>Phóng to trang (Ctrl++)</source>
        <translation>Make the page larger (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="153"/>
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="154"/>
        <source>Trang vừa khít chiều rộng cửa sổ (Ctrl+0)</source>
        <translation>Fit the page to the width of the window (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="158"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="159"/>
        <source>Đóng cửa sổ xem trước (Esc)</source>
        <translation>Close the preview (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="226"/>
        <source>Trang {page} / {count}</source>
        <translation>Page {page} / {count}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="270"/>
        <source>In tài liệu</source>
        <translation>Print document</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="293"/>
        <source>Không in được</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="294"/>
        <source>Máy in không nhận lệnh in. Hãy kiểm tra máy in đã bật và đã kết nối, rồi thử lại.</source>
        <translation>The printer did not accept the job. Check that the printer is switched on and connected, then try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="299"/>
        <source>Đã gửi {count} trang tới máy in.</source>
        <translation>Sent {count} pages to the printer.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="311"/>
        <source>Lưu tài liệu thành tệp PDF</source>
        <translation>Save the document as a PDF file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="311"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="330"/>
        <source>Không lưu được tệp</source>
        <translation>Cannot save the file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="331"/>
        <source>Không ghi được {path}: {reason}</source>
        <translation>Cannot write {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_preview.py" line="336"/>
        <source>Đã lưu {path}</source>
        <translation>Saved {path}</translation>
    </message>
</context>
<context>
    <name>DocumentsMenu</name>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="91"/>
        <source>Quyết định số {number}</source>
        <translation>Decision no. {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="106"/>
        <source>Sổ theo dõi hoạt động — {team}</source>
        <translation>Activity sheet — {team}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="119"/>
        <source>Phiếu ghi chép — {team}</source>
        <translation>Field form — {team}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="131"/>
        <source>Báo cáo Tổ công nghệ số cộng đồng {start} – {end}</source>
        <translation>Community digital technology team report {start} – {end}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="145"/>
        <source>Danh sách thành viên các Tổ công nghệ số cộng đồng ngày {day}</source>
        <translation>Members of the community digital technology teams on {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="165"/>
        <source>Đang tạo tài liệu…</source>
        <translation>Preparing the document…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="186"/>
        <source>Lỗi không mong đợi; chi tiết đã ghi vào nhật ký.</source>
        <translation>Unexpected error; the details have been written to the log.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="187"/>
        <source>Không tạo được tài liệu</source>
        <translation>Cannot create the document</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="216"/>
        <source>Sau khi ban hành, quyết định không thể sửa hay xóa.

Ban hành quyết định số {number}?</source>
        <translation>Once issued, a decision cannot be edited or deleted.

Issue decision no. {number}?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="222"/>
        <source>Ban hành quyết định</source>
        <translation>Issue decision</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="224"/>
        <source>Ban hành</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="232"/>
        <source>Ban hành quyết định số {number}</source>
        <translation>Issue decision no. {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="239"/>
        <source>Không ban hành được quyết định</source>
        <translation>Cannot issue the decision</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="243"/>
        <source>Đã ban hành quyết định số {number}.</source>
        <translation>Decision no. {number} issued.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="259"/>
        <source>Soạn quyết định thay thế quyết định số {number}</source>
        <translation>Draft a decision to replace decision no. {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="269"/>
        <source>Không soạn được quyết định thay thế</source>
        <translation>Cannot draft the replacement decision</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="110"/>
        <source>Thành viên trùng lặp</source>
        <translation>Duplicate members</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="113"/>
        <source>Các nhóm có thể trùng</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="117"/>
        <source>&amp;Nhóm có thể trùng:</source>
        <translation>&amp;Groups of possible duplicates:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="122"/>
        <source>Chọn bản ghi cần giữ lại. Các bản ghi còn lại được gộp vào đó: quá trình tham gia tổ và các buổi hỗ trợ được chuyển sang, thông tin còn thiếu được bổ sung. Có thể hoàn tác (Ctrl+Z).</source>
        <translation>Choose the record to keep. The other records are merged into it: their team memberships and support sessions are moved over and missing details are filled in. This can be undone (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="131"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="132"/>
        <source>Năm sinh</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="133"/>
        <source>Số điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="134"/>
        <source>Tổ đang tham gia</source>
        <translation>Current team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="135"/>
        <source>Buổi hỗ trợ</source>
        <translation>Support sessions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="136"/>
        <source>Ngày tạo</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="139"/>
        <source>Các bản ghi của nhóm; dòng được chọn là bản ghi giữ lại</source>
        <translation>The records of the group; the selected row is the record to keep</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="153"/>
        <source>&amp;Gộp vào bản ghi đã chọn</source>
        <translation>&amp;Merge into the selected record</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="154"/>
        <source>Gộp các bản ghi còn lại vào bản ghi đang chọn (Alt+G hoặc Enter)</source>
        <translation>Merge the other records into the selected one (Alt+M or Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="157"/>
        <source>&amp;Bỏ qua nhóm này</source>
        <translation>&amp;Skip this group</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="158"/>
        <source>Đây là những người khác nhau: không hỏi lại trong lần này (Alt+B)</source>
        <translation>These are different people: do not ask again this time (Alt+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="160"/>
        <source>&amp;Hoàn tác</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="161"/>
        <source>Hoàn tác lần gộp vừa rồi (Ctrl+Z)</source>
        <translation>Undo the last merge (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="167"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="168"/>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="171"/>
        <source>Không có thành viên nào có vẻ bị nhập trùng.</source>
        <translation>No member seems to have been entered twice.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="231"/>
        <source>{name} — {count} bản ghi</source>
        <translation>{name} — {count} records</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="243"/>
        <source>Không tìm được thành viên trùng lặp</source>
        <translation>Could not look for duplicate members</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="259"/>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="302"/>
        <source>Gộp vào</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="302"/>
        <source>Giữ lại</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="309"/>
        <source>Giữ lại bản ghi {name} tạo lúc {created}; gộp {count} bản ghi còn lại vào đó.</source>
        <translation>Keep the record of {name} created on {created}; merge the other {count} records into it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="329"/>
        <source>Gộp thành viên trùng: {name}</source>
        <translation>Merge duplicate members: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="335"/>
        <source>Đang gộp…</source>
        <translation>Merging…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="340"/>
        <source>Đã gộp các bản ghi trùng vào {name}.</source>
        <translation>Duplicate records merged into {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/duplicates_dialog.py" line="345"/>
        <source>Không gộp được</source>
        <translation>Merge failed</translation>
    </message>
</context>
<context>
    <name>EndMembershipDialog</name>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="326"/>
        <source>{name} thôi tham gia tổ</source>
        <translation>{name} leaves the team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="327"/>
        <source>Thôi tham gia</source>
        <translation>End membership</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="328"/>
        <source>Thành viên:</source>
        <translation>Member:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="329"/>
        <source>Tổ:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="330"/>
        <source>Chức danh:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="331"/>
        <source>Thôi tham gia từ ngày:</source>
        <translation>Leaves on:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="332"/>
        <source>Người này vẫn được giữ trong danh sách thành viên trước đây của tổ.</source>
        <translation>This person stays in the team’s list of former members.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="334"/>
        <source>Từ ngày này tổ sẽ chưa có Tổ trưởng.</source>
        <translation>From this date the team will have no team leader.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="339"/>
        <source>{name} thôi tham gia {team}</source>
        <translation>{name} leaves {team}</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="66"/>
        <source>Bước 1/4 · Chọn tệp danh sách</source>
        <translation>Step 1/4 · Choose the list file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="68"/>
        <source>Tệp Excel (.xlsx) hoặc CSV có một dòng tiêu đề cột như “Họ và tên”, “Năm sinh”, “SĐT”.</source>
        <translation>An Excel (.xlsx) or CSV file with a row of column headings such as “Họ và tên”, “Năm sinh”, “SĐT”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="72"/>
        <source>Đường dẫn tới tệp, hoặc kéo thả tệp vào đây</source>
        <translation>Path to the file, or drag and drop the file here</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="73"/>
        <source>Tệp danh sách</source>
        <translation>List file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="75"/>
        <source>&amp;Chọn tệp…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="76"/>
        <source>Chọn tệp Excel hoặc CSV (Alt+C)</source>
        <translation>Choose an Excel or CSV file (Alt+C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="78"/>
        <source>Tr&amp;ang tính:</source>
        <translation>&amp;Worksheet:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="89"/>
        <source>Các dòng tiêu đề phía trên, dòng tên tổ (I, II…), dòng trống và dòng tổng cộng được nhận ra tự động. Chưa có gì được ghi vào dữ liệu cho tới bước cuối.</source>
        <translation>Title rows at the top, team name rows (I, II…), blank rows and total rows are recognised automatically. Nothing is written to the data until the last step.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="94"/>
        <source>Kéo thả tệp Excel hoặc CSV vào đây</source>
        <translation>Drag and drop an Excel or CSV file here</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="119"/>
        <source>Chọn tệp danh sách</source>
        <translation>Choose the list file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="121"/>
        <source>Bảng tính ({patterns});;Tất cả các tệp (*)</source>
        <translation>Spreadsheets ({patterns});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="135"/>
        <source>Đang đọc tệp…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="168"/>
        <source> từ trang “{sheet}”</source>
        <translation> from the sheet “{sheet}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="170"/>
        <source>Đã đọc {count} dòng{where}; dòng tiêu đề cột là dòng {number}.</source>
        <translation>Read {count} rows{where}; the column headings are in row {number}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="181"/>
        <source>Không đọc được tệp này: {error}</source>
        <translation>Cannot read this file: {error}</translation>
    </message>
</context>
<context>
    <name>GeneralPanel</name>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="60"/>
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="61"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="63"/>
        <source>&amp;Ngôn ngữ giao diện:</source>
        <translation>Interface &amp;language:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="67"/>
        <source>Cửa sổ được dựng lại ngay bằng ngôn ngữ mới; dữ liệu không thay đổi.</source>
        <translation>The window is rebuilt in the new language straight away; the data does not change.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="75"/>
        <source>Ví dụ: https://cds.langson.gov.vn</source>
        <translation>e.g. https://cds.langson.gov.vn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="79"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="80"/>
        <source>Lưu tên người ghi nhận và địa chỉ máy chủ (Ctrl+S)</source>
        <translation>Save the recorder’s name and the server address (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="83"/>
        <source>Người ghi nhận thay đổi</source>
        <translation>Who records changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="85"/>
        <source>&amp;Họ và tên:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="91"/>
        <source>Tên này được ghi vào lịch sử của mỗi thay đổi (ai sửa gì, khi nào). Bỏ trống thì dùng tên đăng nhập máy tính: {login}.</source>
        <translation>This name is written into the history of every change (who changed what, and when). If left blank, the computer login name is used: {login}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="96"/>
        <source>Máy chủ tỉnh</source>
        <translation>Provincial server</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="98"/>
        <source>Địa chỉ &amp;máy chủ:</source>
        <translation>Server &amp;address:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="107"/>
        <source>Do Sở hoặc Trung tâm chuyển đổi số của tỉnh cung cấp. Có thể bỏ trống.</source>
        <translation>Provided by the provincial department or digital transformation centre. Can be left blank.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="111"/>
        <source>Thư mục dữ liệu</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="116"/>
        <source>Mở thư mục &amp;dữ liệu</source>
        <translation>Open &amp;data folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="126"/>
        <source>Muốn dùng thư mục khác (ví dụ ổ D: hoặc USB), chạy “toso --data-dir D:\ToSo” hoặc đặt biến môi trường {env} rồi mở lại phần mềm. Sao chép cả thư mục này là sao chép toàn bộ dữ liệu và các bản sao lưu.</source>
        <translation>To use another folder (for example on drive D: or a USB drive), run “toso --data-dir D:\ToSo” or set the environment variable {env}, then restart the app. Copying this whole folder copies all the data and its backups.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="173"/>
        <source>Địa chỉ phải bắt đầu bằng http:// hoặc https://, ví dụ https://cds.langson.gov.vn</source>
        <translation>The address must start with http:// or https://, e.g. https://cds.langson.gov.vn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="194"/>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="44"/>
        <source>Tạo mới</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="45"/>
        <source>Sửa</source>
        <translation>Edited</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="46"/>
        <source>Xóa</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="47"/>
        <source>Khôi phục</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="128"/>
        <source>Lịch sử thay đổi — {name}</source>
        <translation>Change history — {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="138"/>
        <source>Không tìm thấy bản ghi này.</source>
        <translation>This record was not found.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="140"/>
        <source>{kind}: {name} (đã xóa)</source>
        <translation>{kind}: {name} (deleted)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="142"/>
        <source>{kind}: {name}</source>
        <translation>{kind}: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="146"/>
        <source>Thay đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="146"/>
        <source>Trước → sau</source>
        <translation>Before → after</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="147"/>
        <source>Các lần thay đổi</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="159"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="179"/>
        <source>không rõ người sửa</source>
        <translation>unknown editor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="182"/>
        <source>{author} (trên máy khác, mã …{device})</source>
        <translation>{author} (on another computer, ID …{device})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="186"/>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="198"/>
        <source>{when} — {operation} — {who}</source>
        <translation>{when} — {operation} — {who}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="217"/>
        <source>{count} lần thay đổi, mới nhất ở trên cùng.</source>
        <translation>{count} changes, newest at the top.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="219"/>
        <source>Chưa có thay đổi nào được ghi lại.</source>
        <translation>No changes recorded yet.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="57"/>
        <source>— Không nhập —</source>
        <translation>— Do not import —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="43"/>
        <source>Nhập danh sách từ Excel/CSV</source>
        <translation>Import a list from Excel/CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="47"/>
        <source>&lt; &amp;Quay lại</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="48"/>
        <source>&amp;Tiếp &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="49"/>
        <source>&amp;Nhập</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="50"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="76"/>
        <source>Nhập từ tệp {name}</source>
        <translation>Import from the file {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="103"/>
        <source>Đã nhập: {summary}</source>
        <translation>Imported: {summary}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="106"/>
        <source>Đã nhập xong</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="107"/>
        <source>Đã nhập: {summary}.
Có thể hoàn tác toàn bộ lần nhập này bằng Sửa → Hoàn tác (Ctrl+Z).</source>
        <translation>Imported: {summary}.
This whole import can be undone with Edit → Undo (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="117"/>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="117"/>
        <source>Đã hủy nhập; dữ liệu không thay đổi.</source>
        <translation>Import cancelled; the data has not changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="119"/>
        <location filename="../../desktop/ui/import_wizard.py" line="123"/>
        <source>Không nhập được</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="124"/>
        <source>Có lỗi bất ngờ khi ghi dữ liệu; chưa có gì được nhập. Chi tiết đã ghi vào tệp nhật ký.</source>
        <translation>An unexpected error occurred while writing the data; nothing has been imported. The details have been written to the log file.</translation>
    </message>
</context>
<context>
    <name>IndicatorsModel</name>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="159"/>
        <source>Tính đến ngày {day}</source>
        <translation>As of {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="174"/>
        <location filename="../../desktop/ui/views/reports.py" line="176"/>
        <source>Chỉ tiêu</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="174"/>
        <source>Kỳ này</source>
        <translation>This period</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="174"/>
        <source>Kỳ trước</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="174"/>
        <location filename="../../desktop/ui/views/reports.py" line="179"/>
        <source>Thay đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="177"/>
        <source>Kỳ này ({period})</source>
        <translation>This period ({period})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="178"/>
        <source>Kỳ trước ({period})</source>
        <translation>Previous period ({period})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="62"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="63"/>
        <source>Số hộ</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="66"/>
        <source>Số hộ đạt 5 kỹ năng số</source>
        <translation>Households with the 5 skills</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="72"/>
        <source>Tỷ lệ</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="77"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="175"/>
        <source>Hộ gia đình đạt 5 kỹ năng số cơ bản</source>
        <translation>Households with the 5 basic digital skills</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="200"/>
        <location filename="../../desktop/ui/village_indicators.py" line="215"/>
        <source>Thêm số liệu…</source>
        <translation>Add figures…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="202"/>
        <source>Ghi số hộ và số hộ đạt 5 kỹ năng số tại một ngày (Ctrl+Shift+N; Insert trong bảng)</source>
        <translation>Record the number of households and of households with the 5 digital skills on a given date (Ctrl+Shift+N; Insert in the table)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="206"/>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="206"/>
        <source>Sửa dòng số liệu đang chọn (F2 hoặc Enter)</source>
        <translation>Edit the selected figures (F2 or Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="209"/>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="211"/>
        <source>Xóa dòng số liệu đang chọn (Delete); có thể hoàn tác bằng Ctrl+Z</source>
        <translation>Delete the selected figures (Delete); can be undone with Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="216"/>
        <source>Thêm số &amp;liệu…</source>
        <translation>Add &amp;figures…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="217"/>
        <source>Sử&amp;a</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="218"/>
        <source>&amp;Xóa</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="230"/>
        <source>Chưa có số liệu. Bấm “Thêm số liệu…” để ghi lần đầu.</source>
        <translation>No figures yet. Click “Add figures…” to record the first ones.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="275"/>
        <source>Mới nhất ({date}): {skilled}/{households} hộ đạt 5 kỹ năng số — {share}</source>
        <translation>Latest ({date}): {skilled}/{households} households with the 5 digital skills — {share}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="323"/>
        <source>Sửa số liệu của {village}</source>
        <translation>Edit figures for {village}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="323"/>
        <source>Ghi số liệu của {village}</source>
        <translation>Record figures for {village}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="336"/>
        <source>Tỷ lệ hộ đạt 5 kỹ năng số: {share}</source>
        <translation>Share of households with the 5 digital skills: {share}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="368"/>
        <source>Xóa số liệu của thôn</source>
        <translation>Delete village figures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="372"/>
        <source>Không xóa được số liệu</source>
        <translation>Cannot delete the figures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/village_indicators.py" line="374"/>
        <source>Đã xóa dòng số liệu. Nhấn Ctrl+Z để hoàn tác.</source>
        <translation>Figures deleted. Press Ctrl+Z to undo.</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <location filename="../../desktop/ui/widgets/job_progress.py" line="31"/>
        <source>Đang xử lý</source>
        <translation>Working</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/job_progress.py" line="40"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LegalBasesPanel</name>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="265"/>
        <source>Các căn cứ pháp lý</source>
        <translation>Legal bases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="271"/>
        <source>&amp;Nội dung căn cứ đang chọn:</source>
        <translation>&amp;Text of the selected legal basis:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="273"/>
        <source>&amp;Căn cứ pháp lý mặc định của quyết định mới:</source>
        <translation>&amp;Default legal bases for new decisions:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="276"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="277"/>
        <source>Thêm một căn cứ (Ctrl+N)</source>
        <translation>Add a legal basis (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="278"/>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="279"/>
        <source>Xóa căn cứ đang chọn (Ctrl+Delete)</source>
        <translation>Delete the selected legal basis (Ctrl+Delete)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="280"/>
        <source>Lên</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="281"/>
        <source>Chuyển lên trên (Alt+Mũi tên lên)</source>
        <translation>Move up (Alt+Up arrow)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="282"/>
        <source>Xuống</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="283"/>
        <source>Chuyển xuống dưới (Alt+Mũi tên xuống)</source>
        <translation>Move down (Alt+Down arrow)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="284"/>
        <source>Khôi phục &amp;mặc định</source>
        <translation>&amp;Restore defaults</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="285"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="286"/>
        <source>Lưu danh sách căn cứ (Ctrl+S)</source>
        <translation>Save the list of legal bases (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="317"/>
        <source>Mỗi căn cứ là một đoạn, kết thúc bằng dấu “;” (căn cứ cuối cùng bằng dấu “.”). “{year}” được thay bằng năm ban hành quyết định.</source>
        <translation>Each legal basis is one paragraph ending in “;” (the last one ends in “.”). “{year}” is replaced by the year the decision is issued.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="397"/>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="404"/>
        <source>Khôi phục mặc định</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="405"/>
        <source>Thay danh sách căn cứ hiện tại bằng danh sách mặc định của Tổ Số?</source>
        <translation>Replace the current list of legal bases with the Tổ Số default list?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="406"/>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="411"/>
        <source>Đã khôi phục danh sách mặc định.</source>
        <translation>Default list restored.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="45"/>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="46"/>
        <source>Thôn/Tổ dân phố</source>
        <translation>Villages</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="47"/>
        <source>Tổ CNSCĐ</source>
        <translation>Teams</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="48"/>
        <source>Thành viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="49"/>
        <source>Hoạt động hỗ trợ</source>
        <translation>Support sessions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="50"/>
        <source>Quyết định</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="51"/>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="52"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="53"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="79"/>
        <source>Các mục</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="82"/>
        <source>{label} (Ctrl+{number})</source>
        <translation>{label} (Ctrl+{number})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="132"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="133"/>
        <source>&amp;Nhập từ Excel/CSV…</source>
        <translation>&amp;Import from Excel/CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="134"/>
        <source>&amp;Sao lưu ngay</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="136"/>
        <source>&amp;Thoát</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="138"/>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="139"/>
        <source>&amp;Hoàn tác</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="141"/>
        <source>&amp;Làm lại</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="146"/>
        <source>Đ&amp;i tới</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="153"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="154"/>
        <source>&amp;Giới thiệu</source>
        <translation>&amp;About Tổ Số</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="179"/>
        <source>Thay đổi chưa gửi: {count}</source>
        <translation>Pending changes: {count}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="189"/>
        <source>Đồng bộ lần cuối: {when}</source>
        <translation>Last sync: {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="189"/>
        <source>Chưa đồng bộ</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="183"/>
        <source>Dữ liệu: {folder}</source>
        <translation>Data: {folder}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="195"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="206"/>
        <source>Lỗi đồng bộ: {error}</source>
        <translation>Sync error: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="211"/>
        <source>chưa chọn xã</source>
        <translation>no commune chosen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="212"/>
        <source>Tổ Số — {place}</source>
        <translation>Tổ Số — {place}</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="218"/>
        <source>Bước 2/4 · Ghép cột</source>
        <translation>Step 2/4 · Match columns</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="220"/>
        <source>Chọn mỗi cột của tệp sẽ nhập vào đâu. Đã đoán sẵn theo tiêu đề cột; hãy kiểm tra lại.</source>
        <translation>Choose where each column of the file goes. A guess has been made from the column headings; please check it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="255"/>
        <source>Cột</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="255"/>
        <source>Tiêu đề trong tệp</source>
        <translation>Heading in the file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="255"/>
        <source>Nhập vào</source>
        <translation>Import as</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="259"/>
        <source>Ví dụ trong tệp</source>
        <translation>Example from the file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="266"/>
        <source>(không có tiêu đề)</source>
        <translation>(no heading)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_pages.py" line="271"/>
        <source>Cột {letter} nhập vào</source>
        <translation>Import column {letter} as</translation>
    </message>
</context>
<context>
    <name>MembershipsModel</name>
    <message>
        <location filename="../../desktop/ui/team_members.py" line="24"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_members.py" line="27"/>
        <source>Chức danh</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_members.py" line="31"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_members.py" line="32"/>
        <source>Đến ngày</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_members.py" line="34"/>
        <source>Số điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_members.py" line="36"/>
        <source>Chức vụ, đơn vị</source>
        <translation>Position, organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_members.py" line="37"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>MoveMemberDialog</name>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="282"/>
        <source>Chuyển {name} sang tổ khác</source>
        <translation>Move {name} to another team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="283"/>
        <source>Chuyển tổ</source>
        <translation>Move</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="284"/>
        <source>Thành viên:</source>
        <translation>Member:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="286"/>
        <source>Đang ở:</source>
        <translation>Now in:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="287"/>
        <source>{team} — {role}</source>
        <translation>{team} — {role}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="293"/>
        <source>Chuyển sang tổ:</source>
        <translation>Move to team:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="294"/>
        <source>Chức danh ở tổ mới:</source>
        <translation>Role in the new team:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="295"/>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="308"/>
        <source>Không có tổ nào khác đang hoạt động để chuyển sang.</source>
        <translation>There is no other active team to move to.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="313"/>
        <source>Chuyển {name} sang {team}</source>
        <translation>Move {name} to {team}</translation>
    </message>
</context>
<context>
    <name>OfficialsForm</name>
    <message>
        <location filename="../../desktop/ui/widgets/officials_form.py" line="30"/>
        <source>Ví dụ: Hoàng Văn Thắng</source>
        <translation>e.g. Hoàng Văn Thắng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/officials_form.py" line="32"/>
        <source>Chủ tịch</source>
        <translation>Chairman</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/officials_form.py" line="33"/>
        <source>Phó Chủ tịch</source>
        <translation>Vice-chairman</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/officials_form.py" line="34"/>
        <source>Khi chưa có Chủ tịch, chọn Phó Chủ tịch phụ trách</source>
        <translation>When there is no chairman, choose the vice-chairman in charge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/officials_form.py" line="35"/>
        <source>Ví dụ: Lục Thị Hà</source>
        <translation>e.g. Lục Thị Hà</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/officials_form.py" line="36"/>
        <source>Ví dụ: Nông Văn Hùng</source>
        <translation>e.g. Nông Văn Hùng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/officials_form.py" line="57"/>
        <source>&amp;Chủ tịch UBND xã:</source>
        <translation>&amp;Chairman of the commune People’s Committee:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/officials_form.py" line="58"/>
        <source>Chức &amp;danh người ký:</source>
        <translation>Signer’s &amp;title:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/officials_form.py" line="59"/>
        <source>&amp;Phó Chủ tịch UBND xã:</source>
        <translation>&amp;Vice-chairman of the commune People’s Committee:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/officials_form.py" line="60"/>
        <source>Cán bộ phụ t&amp;rách chuyển đổi số:</source>
        <translation>&amp;Digital transformation officer:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/officials_form.py" line="61"/>
        <source>Chức &amp;vụ của cán bộ phụ trách:</source>
        <translation>Officer’s &amp;position:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/officials_form.py" line="133"/>
        <source>Họ tên chỉ gồm chữ cái, không có số hay ký hiệu.</source>
        <translation>A name contains only letters, no digits or symbols.</translation>
    </message>
</context>
<context>
    <name>OfficialsPage</name>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="125"/>
        <source>Lãnh đạo và cán bộ phụ trách</source>
        <translation>Leaders and officer in charge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="128"/>
        <source>Tên người ký quyết định và cán bộ phụ trách chuyển đổi số. Có thể bỏ trống và bổ sung sau trong Cài đặt.</source>
        <translation>The names of the person who signs decisions and of the digital transformation officer. You can leave them blank and add them later in Settings.</translation>
    </message>
</context>
<context>
    <name>OfficialsPanel</name>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="215"/>
        <source>Cán bộ của xã</source>
        <translation>Commune officials</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="217"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="218"/>
        <source>Lưu thông tin cán bộ (Ctrl+S)</source>
        <translation>Save the officials’ details (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="221"/>
        <source>Dùng để điền người ký quyết định thành lập tổ và người lập báo cáo.</source>
        <translation>Used to fill in who signs team founding decisions and who prepares reports.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="250"/>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="61"/>
        <source>T{month}/{year}</source>
        <translation>{month}/{year}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="156"/>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="168"/>
        <source>Độ phủ</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="169"/>
        <source>Tổ đang hoạt động</source>
        <translation>Active teams</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="170"/>
        <source>Thành viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="171"/>
        <source>Buổi hỗ trợ tháng này</source>
        <translation>Support sessions this month</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="172"/>
        <source>Người dân được hỗ trợ tháng này</source>
        <translation>Citizens helped this month</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="173"/>
        <source>Hộ đạt 5 kỹ năng số</source>
        <translation>Households with the 5 digital skills</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="189"/>
        <source>Buổi hỗ trợ</source>
        <translation>Support sessions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="218"/>
        <source>Biểu đồ số buổi hỗ trợ 12 tháng gần đây</source>
        <translation>Chart of support sessions in the last 12 months</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="219"/>
        <source>Buổi hỗ trợ 12 tháng gần đây</source>
        <translation>Support sessions in the last 12 months</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="238"/>
        <location filename="../../desktop/ui/views/overview.py" line="239"/>
        <source>Người dân được hỗ trợ theo lĩnh vực</source>
        <translation>Citizens helped by category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="247"/>
        <location filename="../../desktop/ui/views/overview.py" line="250"/>
        <location filename="../../desktop/ui/views/overview.py" line="360"/>
        <location filename="../../desktop/ui/views/overview.py" line="410"/>
        <source>Cần chú ý</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="248"/>
        <source>Enter hoặc nhấp đúp vào một dòng để xem cách xử lý</source>
        <translation>Press Enter or double-click a row to see what to do</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="280"/>
        <source>Đang tính…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="311"/>
        <source>lỗi không mong đợi, đã ghi vào nhật ký</source>
        <translation>unexpected error, written to the log</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="313"/>
        <source>Không tính được số liệu ({reason}).</source>
        <translation>Could not calculate the figures ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="321"/>
        <source>Số liệu đến ngày {day}</source>
        <translation>Figures as of {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="325"/>
        <source>thôn có tổ ({percent})</source>
        <translation>villages with a team ({percent})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="327"/>
        <source>tổ công nghệ số cộng đồng</source>
        <translation>community digital technology teams</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="328"/>
        <source>người đang tham gia các tổ</source>
        <translation>people currently serving in teams</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="330"/>
        <location filename="../../desktop/ui/views/overview.py" line="333"/>
        <source>năm nay: {count}</source>
        <translation>this year: {count}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="338"/>
        <source>{part}/{whole} hộ</source>
        <translation>{part}/{whole} households</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="340"/>
        <source>chưa có số liệu khảo sát</source>
        <translation>no survey figures yet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="360"/>
        <source>Cần chú ý ({count})</source>
        <translation>Needs attention ({count})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="363"/>
        <source>Không có việc gì cần chú ý.</source>
        <translation>Nothing needs attention.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="380"/>
        <source>{name} chưa có Tổ trưởng.</source>
        <translation>{name} has no team leader.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="381"/>
        <source>Vào mục Tổ CNSCĐ, chọn tổ này và giao chức danh Tổ trưởng cho một thành viên.</source>
        <translation>Go to Teams, select this team and give one member the role of team leader.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="385"/>
        <source>{name} chưa có tổ công nghệ số cộng đồng.</source>
        <translation>{name} has no community digital technology team.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="386"/>
        <source>Vào mục Tổ CNSCĐ để thành lập tổ cho thôn này.</source>
        <translation>Go to Teams to establish a team for this village.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="390"/>
        <source>Quyết định số {number} năm {year} vẫn là dự thảo.</source>
        <translation>Decision no. {number} of {year} is still a draft.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="391"/>
        <source>Vào mục Quyết định để hoàn thiện và ban hành quyết định này.</source>
        <translation>Go to Decisions to finish and issue this decision.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="395"/>
        <source>Máy chủ tỉnh không nhận thay đổi của {noun} “{name}”.</source>
        <translation>The provincial server rejected the change to {noun} “{name}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="398"/>
        <source>Vào mục Đồng bộ để xem lý do, sửa lại rồi gửi lại.</source>
        <translation>Go to Sync to see why, correct it and send it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="401"/>
        <source>{noun} “{name}” được sửa khác nhau trên máy này và trên máy chủ tỉnh.</source>
        <translation>{noun} “{name}” was changed differently on this computer and on the provincial server.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview.py" line="404"/>
        <source>Vào mục Đồng bộ để chọn giữ bản nào.</source>
        <translation>Go to Sync to choose which version to keep.</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../desktop/ui/models.py" line="284"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="285"/>
        <source>Năm sinh</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="286"/>
        <source>Giới tính</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="287"/>
        <source>Số điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="288"/>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="289"/>
        <source>Tổ</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="290"/>
        <source>Chức danh trong Tổ</source>
        <translation>Role in team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="291"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="269"/>
        <source>thành viên</source>
        <translation>members</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/people.py" line="269"/>
        <source>%Ln thành viên</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="271"/>
        <source>Danh sách thành viên</source>
        <translation>List of members</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="280"/>
        <source>Lọc theo tổ</source>
        <translation>Filter by team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="284"/>
        <source>Lọc theo giới tính</source>
        <translation>Filter by gender</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="285"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="288"/>
        <source>T&amp;huộc tổ:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="290"/>
        <source>Giới tí&amp;nh:</source>
        <translation>&amp;Gender:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="304"/>
        <source>Trùng lặp…</source>
        <translation>Duplicates…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="306"/>
        <source>Tìm và gộp thành viên bị nhập trùng (Ctrl+D)</source>
        <translation>Find and merge members entered twice (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="309"/>
        <location filename="../../desktop/ui/views/people.py" line="431"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="318"/>
        <source>Tìm theo tên, số điện thoại, chức vụ, tổ (Ctrl+F)</source>
        <translation>Search by name, phone, position or team (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="384"/>
        <source>Tất cả các tổ</source>
        <translation>All teams</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="385"/>
        <source>Không thuộc tổ nào</source>
        <translation>In no team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="427"/>
        <source>Lưu thay đổi?</source>
        <translation>Save changes?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="428"/>
        <source>Thông tin của {name} đã sửa nhưng chưa lưu. Lưu lại trước khi chuyển sang người khác?</source>
        <translation>The details of {name} have been edited but not saved. Save them before moving to someone else?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="461"/>
        <source>Đã thêm {name}.</source>
        <translation>{name} added.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="474"/>
        <source>Xóa thành viên {name}</source>
        <translation>Delete member {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="480"/>
        <source>Không xóa được thành viên</source>
        <translation>Cannot delete the member</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="483"/>
        <source>Đã xóa {name}. Nhấn Ctrl+Z để hoàn tác.</source>
        <translation>{name} deleted. Press Ctrl+Z to undo.</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="293"/>
        <source>Theo &amp;tháng:</source>
        <translation>By &amp;month:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="294"/>
        <source>Từ &amp;ngày:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="299"/>
        <source>Tháng cần in, dạng tháng/năm</source>
        <translation>The month to print, as month/year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="302"/>
        <source>đến ngà&amp;y:</source>
        <translation>&amp;to:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="316"/>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="317"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_menu.py" line="364"/>
        <source>Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.</source>
        <translation>The start date must be on or before the end date.</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="82"/>
        <source>Chọn một thành viên trong danh sách để xem và sửa thông tin.</source>
        <translation>Select a member in the list to view and edit their details.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="95"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="96"/>
        <source>Lưu thay đổi (Ctrl+S); có thể hoàn tác bằng Ctrl+Z</source>
        <translation>Save changes (Ctrl+S); can be undone with Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="98"/>
        <source>Bỏ thay đổi</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="99"/>
        <source>Trả lại thông tin như trước khi sửa (Esc)</source>
        <translation>Put the details back as they were before editing (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="107"/>
        <location filename="../../desktop/ui/views/people.py" line="111"/>
        <source>Quá trình tham gia tổ</source>
        <translation>Team memberships</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="110"/>
        <source>Tổ</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="110"/>
        <source>Chức danh</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="110"/>
        <source>Thời gian</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="119"/>
        <source>Chưa tham gia tổ nào.</source>
        <translation>Not yet in any team.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="192"/>
        <source>{team} (đã giải thể)</source>
        <translation>{team} (dissolved)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="195"/>
        <source>{start} – nay</source>
        <translation>{start} – present</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="197"/>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/people.py" line="227"/>
        <source>Sửa thành viên {name}</source>
        <translation>Edit member {name}</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="67"/>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="68"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="69"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="70"/>
        <source>Năm sinh</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="71"/>
        <source>Giới tính</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="72"/>
        <source>Số điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="73"/>
        <source>Chức danh</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="74"/>
        <source>Tổ</source>
        <translation>Team</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="149"/>
        <source>Bước 3/4 · Xem trước</source>
        <translation>Step 3/4 · Preview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="150"/>
        <source>Kiểm tra từng dòng trước khi nhập. Dòng lỗi sẽ không được nhập.</source>
        <translation>Check each row before importing. Rows with errors will not be imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="151"/>
        <source>Ngày &amp;bắt đầu tham gia tổ:</source>
        <translation>Membership &amp;start date:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="157"/>
        <source>Ngày các thành viên bắt đầu tham gia tổ; mặc định là hôm nay (Alt+B)</source>
        <translation>The date the members join their teams; today by default (Alt+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="160"/>
        <source>Chỉ &amp;hiện dòng lỗi</source>
        <translation>Show only rows with &amp;errors</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="161"/>
        <source>Chỉ hiện các dòng có lỗi (Alt+H)</source>
        <translation>Show only the rows that have errors (Alt+E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="163"/>
        <source>&amp;Lưu các dòng lỗi ra tệp…</source>
        <translation>Save rows with errors to a &amp;file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="164"/>
        <source>Lưu các dòng lỗi kèm cột “Lỗi” ra tệp Excel để sửa rồi nhập lại (Alt+L)</source>
        <translation>Save the rows with errors, with an “Error” column, to an Excel file to fix and import again (Alt+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="170"/>
        <source>Chọn một dòng để xem đầy đủ kết quả.</source>
        <translation>Select a row to see the full result.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="181"/>
        <source>Các dòng của tệp</source>
        <translation>Rows of the file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="218"/>
        <source>Đang kiểm tra các dòng…</source>
        <translation>Checking the rows…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="251"/>
        <source>{valid} dòng hợp lệ, {errors} lỗi, {skipped} bỏ qua</source>
        <translation>{valid} valid rows, {errors} errors, {skipped} skipped</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="256"/>
        <source> · {merged} dòng trùng người được gộp</source>
        <translation> · {merged} rows for the same person merged</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="258"/>
        <source> · Không có gì mới để nhập.</source>
        <translation> · Nothing new to import.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="275"/>
        <source>Dòng {number}: {message}</source>
        <translation>Row {number}: {message}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="286"/>
        <source>{stem} - dòng cần sửa.xlsx</source>
        <translation>{stem} - rows to fix.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="287"/>
        <source>Lưu các dòng lỗi</source>
        <translation>Save rows with errors</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="287"/>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="297"/>
        <source>Không lưu được tệp</source>
        <translation>Cannot save the file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="298"/>
        <source>Không lưu được “{path}”: {reason}. Tệp có đang mở trong Excel không?</source>
        <translation>Cannot save “{path}”: {reason}. Is the file open in Excel?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="304"/>
        <source>Đã lưu {count} dòng lỗi ra {path}</source>
        <translation>Saved {count} rows with errors to {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="307"/>
        <source> · Đã lưu các dòng lỗi ra {name}</source>
        <translation> · Rows with errors saved to {name}</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../desktop/ui/widgets/record_dialog.py" line="29"/>
        <source>Máy chủ tỉnh từ chối thay đổi gần nhất. Hãy sửa rồi lưu lại để gửi lại.</source>
        <translation>The province server refused the latest change. Correct it and save again to resend it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_dialog.py" line="32"/>
        <source>Máy chủ tỉnh từ chối thay đổi gần nhất: {reason} Hãy sửa rồi lưu lại để gửi lại.</source>
        <translation>The province server refused the latest change: {reason} Correct it and save again to resend it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_dialog.py" line="42"/>
        <source>Lý do máy chủ tỉnh từ chối</source>
        <translation>Why the province server refused it</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_dialog.py" line="75"/>
        <source>Sửa {noun}</source>
        <translation>Edit {noun}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_dialog.py" line="75"/>
        <source>Thêm {noun}</source>
        <translation>Add {noun}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="264"/>
        <location filename="../../desktop/ui/widgets/record_dialog.py" line="80"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/decisions.py" line="265"/>
        <location filename="../../desktop/ui/widgets/record_dialog.py" line="81"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_dialog.py" line="97"/>
        <source>Thêm {title}</source>
        <translation>Add {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_dialog.py" line="102"/>
        <source>Sửa {title}</source>
        <translation>Edit {title}</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="65"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="68"/>
        <source>Thêm mới (Ctrl+N)</source>
        <translation>Add new (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="71"/>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="71"/>
        <source>Sửa dòng đang chọn (F2 hoặc Enter)</source>
        <translation>Edit the selected row (F2 or Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="74"/>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="77"/>
        <source>Xóa dòng đang chọn (Delete); có thể hoàn tác bằng Ctrl+Z</source>
        <translation>Delete the selected row (Delete); can be undone with Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="80"/>
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="80"/>
        <source>Ai đã sửa gì, khi nào (Ctrl+H)</source>
        <translation>Who changed what, and when (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="84"/>
        <source>Xuất Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="87"/>
        <source>Lưu danh sách đang hiển thị ra tệp .xlsx (Ctrl+E)</source>
        <translation>Save the list as shown to an .xlsx file (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="91"/>
        <source>Tìm kiếm… (không cần gõ dấu)</source>
        <translation>Search… (no need to type diacritics)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="164"/>
        <source>{count} {noun}</source>
        <translation>{count} {noun}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="202"/>
        <source>Xuất ra Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="202"/>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="216"/>
        <source>Đã xuất {count} dòng ra {path}</source>
        <translation>Exported {count} rows to {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="218"/>
        <source>Không xuất được tệp Excel</source>
        <translation>Cannot export the Excel file</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../desktop/ui/models.py" line="48"/>
        <source>Chờ gửi</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="49"/>
        <location filename="../../desktop/ui/models.py" line="50"/>
        <source>Đã đồng bộ</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="51"/>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="51"/>
        <source>Tháng này</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="52"/>
        <source>Tháng trước</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="53"/>
        <source>Quý này</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="54"/>
        <source>Năm nay</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="55"/>
        <source>Năm trước</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="56"/>
        <source>Tùy chọn từ – đến</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="59"/>
        <source>Số tổ công nghệ số cộng đồng đang hoạt động</source>
        <translation>Active community digital technology teams</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="60"/>
        <source>Số thành viên các tổ</source>
        <translation>Team members</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="61"/>
        <source>Số thôn, tổ dân phố có tổ</source>
        <translation>Villages and residential groups with a team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="62"/>
        <source>Số buổi hỗ trợ</source>
        <translation>Support sessions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="63"/>
        <source>Số người dân được hỗ trợ, trong đó:</source>
        <translation>Citizens helped, of whom:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="64"/>
        <source>Số hộ gia đình đạt 5 kỹ năng số cơ bản</source>
        <translation>Households with the 5 basic digital skills</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="85"/>
        <source>không đổi</source>
        <translation>no change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="90"/>
        <source>tăng {percent}%</source>
        <translation>up {percent}%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="92"/>
        <source>giảm {percent}%</source>
        <translation>down {percent}%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="101"/>
        <source>chưa có số liệu</source>
        <translation>no figures yet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="267"/>
        <source>&amp;Kỳ báo cáo:</source>
        <translation>Reporting &amp;period:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="271"/>
        <source>Từ &amp;ngày:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="273"/>
        <source>Đến ngà&amp;y:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="275"/>
        <source>Xuất Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="278"/>
        <source>Lưu cả hai bảng của báo cáo ra tệp .xlsx (Ctrl+E)</source>
        <translation>Save both tables of the report to an .xlsx file (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="284"/>
        <source>Xuất PDF</source>
        <translation>Export to PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="287"/>
        <source>Xem trước báo cáo của kỳ đã chọn để in hoặc lưu thành tệp PDF (Ctrl+P)</source>
        <translation>Preview the report for the chosen period to print it or save it as a PDF file (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="314"/>
        <location filename="../../desktop/ui/views/reports.py" line="319"/>
        <source>Chỉ tiêu của xã</source>
        <translation>Commune indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="325"/>
        <location filename="../../desktop/ui/views/reports.py" line="332"/>
        <source>Theo từng tổ</source>
        <translation>By team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="425"/>
        <location filename="../../desktop/ui/views/reports.py" line="530"/>
        <source>Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.</source>
        <translation>The start date must be on or before the end date.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="429"/>
        <source>Kỳ này: {current}; so với kỳ trước: {previous}.</source>
        <translation>This period: {current}; compared with the previous period: {previous}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="441"/>
        <source>Đang tính…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="472"/>
        <source>lỗi không mong đợi, đã ghi vào nhật ký</source>
        <translation>unexpected error, written to the log</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="474"/>
        <source>Không lập được báo cáo ({reason}).</source>
        <translation>Could not prepare the report ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="499"/>
        <source>Báo cáo Tổ CNSCĐ {start} đến {end}</source>
        <translation>Team report {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="503"/>
        <source>Xuất báo cáo ra Excel</source>
        <translation>Export the report to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="503"/>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="510"/>
        <source>Báo cáo</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="518"/>
        <source>Đã xuất báo cáo ra {path}</source>
        <translation>Report exported to {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="521"/>
        <source>Không xuất được tệp Excel</source>
        <translation>Cannot export the Excel file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="521"/>
        <source>Không ghi được tệp: {error}</source>
        <translation>Cannot write the file: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="530"/>
        <source>Không xuất được báo cáo</source>
        <translation>Cannot export the report</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="288"/>
        <source>Máy chủ của tỉnh</source>
        <translation>Provincial server</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="290"/>
        <source>Địa chỉ máy chủ tỉnh dùng để đồng bộ dữ liệu. Có thể bỏ trống và nhập sau trong Cài đặt.</source>
        <translation>The address of the provincial server used to sync data. You can leave it blank and enter it later in Settings.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="293"/>
        <source>Ví dụ: https://cds.langson.gov.vn</source>
        <translation>e.g. https://cds.langson.gov.vn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="295"/>
        <source>Địa chỉ &amp;máy chủ:</source>
        <translation>Server &amp;address:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="339"/>
        <source>Đã lấy địa chỉ máy chủ từ liên kết đăng ký. Sau khi hoàn tất, mở mục Đồng bộ và dán lại liên kết này để đăng ký máy (mã {code} dùng một lần).</source>
        <translation>The server address was taken from the enrolment link. When set-up is done, open Sync and paste this link again to enrol the laptop (code {code} works once).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="347"/>
        <source>Địa chỉ phải bắt đầu bằng http:// hoặc https://, ví dụ https://cds.langson.gov.vn</source>
        <translation>The address must start with http:// or https://, e.g. https://cds.langson.gov.vn</translation>
    </message>
</context>
<context>
    <name>SessionEntry</name>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="119"/>
        <source>Tổ đã giúp người dân; được nhớ cho phiếu sau</source>
        <translation>The team that helped the citizens; remembered for the next entry</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="120"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="120"/>
        <source>Gõ 05/02/2026, 5/2 hoặc 0502 (năm nay)</source>
        <translation>Type 05/02/2026, 5/2 or 0502 (this year)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="121"/>
        <source>8h00</source>
        <translation>8h00</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="121"/>
        <source>Giờ bắt đầu: 8h30, 08:30 hoặc 830 (không bắt buộc)</source>
        <translation>Start time: 8h30, 08:30 or 830 (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="122"/>
        <source>10h30</source>
        <translation>10h30</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="122"/>
        <source>Giờ kết thúc (không bắt buộc)</source>
        <translation>End time (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="123"/>
        <source>Nhà văn hóa thôn…</source>
        <translation>Village cultural house…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="123"/>
        <source>Gõ vài chữ, không cần dấu, để chọn nơi cũ</source>
        <translation>Type a few letters, without diacritics, to pick a place used before</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="126"/>
        <source>Nếu để trống: bằng số người của lĩnh vực đông nhất</source>
        <translation>If left blank: the number of people in the largest category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="129"/>
        <source>Thành viên của tổ vào ngày đó; Space để đánh dấu</source>
        <translation>Members of the team on that date; Space to tick</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="134"/>
        <source>Enter để lưu; Shift+Enter để xuống dòng</source>
        <translation>Enter to save; Shift+Enter for a new line</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="144"/>
        <source>&amp;Lĩnh vực hỗ trợ và số người</source>
        <translation>&amp;Categories and number of people</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="209"/>
        <source>Giờ</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="220"/>
        <source>Tổng số người</source>
        <translation>Total people</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="528"/>
        <source>Enter: lưu, sang phiếu sau · Esc: xóa phiếu · F6: sang bảng</source>
        <translation>Enter: save and go to the next entry · Esc: clear the entry · F6: go to the table</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="562"/>
        <source>Enter: lưu thay đổi · Esc: thôi sửa · F6: sang bảng</source>
        <translation>Enter: save changes · Esc: stop editing · F6: go to the table</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="205"/>
        <source>Tổ</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="214"/>
        <source>&amp;Ngày</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="215"/>
        <source>Đị&amp;a điểm</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="221"/>
        <source>T&amp;hành viên</source>
        <translation>&amp;Members</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="222"/>
        <source>Ghi &amp;chú</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="265"/>
        <source>{name} (đã giải thể)</source>
        <translation>{name} (dissolved)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="291"/>
        <source>Space hoặc gõ số người để đánh dấu; ↑/↓ sang lĩnh vực khác</source>
        <translation>Space or type the number of people to tick; ↑/↓ for another category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="296"/>
        <source>Số người: {name}</source>
        <translation>Number of people: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="434"/>
        <source>= {count}</source>
        <translation>= {count}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="527"/>
        <source>Nhập buổi hỗ trợ</source>
        <translation>Enter support sessions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="529"/>
        <source>Lưu (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="530"/>
        <source>Xóa phiếu (Esc)</source>
        <translation>Clear entry (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="561"/>
        <location filename="../../desktop/ui/session_entry.py" line="590"/>
        <source>Sửa buổi hỗ trợ {title}</source>
        <translation>Edit support session {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="563"/>
        <source>Lưu thay đổi (Enter)</source>
        <translation>Save changes (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="564"/>
        <source>Thôi sửa (Esc)</source>
        <translation>Stop editing (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="585"/>
        <source>Thêm buổi hỗ trợ {title}</source>
        <translation>Add support session {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_entry.py" line="605"/>
        <source>Đã lưu buổi hỗ trợ {title}, {count} người. Ctrl+Z để hoàn tác.</source>
        <translation>Saved support session {title}, {count} people. Ctrl+Z to undo.</translation>
    </message>
</context>
<context>
    <name>SessionList</name>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="76"/>
        <source>Đang đọc…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="78"/>
        <source>{total} buổi hỗ trợ · {citizens} lượt người được hỗ trợ</source>
        <translation>{total} support sessions · {citizens} citizens helped</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="82"/>
        <source> · đang hiện {loaded} dòng đầu, cuộn xuống để xem tiếp</source>
        <translation> · showing the first {loaded} rows, scroll down for more</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="86"/>
        <source> · đang tìm…</source>
        <translation> · searching…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="100"/>
        <source>Xuất ra Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="100"/>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="126"/>
        <source>Đang xuất {count} buổi hỗ trợ ra Excel…</source>
        <translation>Exporting {count} support sessions to Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="129"/>
        <source>Đã xuất {count} buổi hỗ trợ ra {path}</source>
        <translation>Exported {count} support sessions to {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="131"/>
        <source>Không xuất được tệp Excel</source>
        <translation>Cannot export the Excel file</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <location filename="../../desktop/ui/session_model.py" line="64"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_model.py" line="65"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_model.py" line="66"/>
        <source>Giờ</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_model.py" line="67"/>
        <source>Tổ</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_model.py" line="68"/>
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_model.py" line="69"/>
        <source>Lĩnh vực</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_model.py" line="70"/>
        <source>Số người</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_model.py" line="71"/>
        <source>Thành viên tham gia</source>
        <translation>Members present</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_model.py" line="72"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_model.py" line="190"/>
        <source>Không đọc được danh sách buổi hỗ trợ: {error}</source>
        <translation>Cannot read the list of support sessions: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session_model.py" line="301"/>
        <source>Bấm để sắp xếp theo cột này</source>
        <translation>Click to sort by this column</translation>
    </message>
</context>
<context>
    <name>SessionsView</name>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="142"/>
        <source>buổi hỗ trợ</source>
        <translation>support sessions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="143"/>
        <source>Buổi hỗ trợ</source>
        <translation>Support sessions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="147"/>
        <source>Chỉ xem buổi hỗ trợ của một tổ</source>
        <translation>Show only the support sessions of one team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="149"/>
        <source>Chỉ xem buổi hỗ trợ trong một khoảng thời gian</source>
        <translation>Show only the support sessions in a period</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="151"/>
        <source>Mọi lúc</source>
        <translation>All time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="152"/>
        <source>Tháng này</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="153"/>
        <source>Tháng trước</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="154"/>
        <source>Năm nay</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="155"/>
        <source>Năm trước</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="156"/>
        <source>Từ ngày… đến ngày…</source>
        <translation>From… to…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="160"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="161"/>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="163"/>
        <source>Chỉ xem buổi hỗ trợ có lĩnh vực này</source>
        <translation>Show only the support sessions in this category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="164"/>
        <source>Chỉ buổi chưa đồng &amp;bộ / bị từ chối</source>
        <translation>Only &amp;unsynced / refused sessions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="166"/>
        <source>Chỉ xem buổi hỗ trợ chưa gửi được lên máy chủ tỉnh hoặc bị máy chủ từ chối</source>
        <translation>Show only the support sessions not yet sent to the province server or refused by it</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="172"/>
        <source>Tổ:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="173"/>
        <source>Thời gian:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="174"/>
        <source>Lĩnh vực:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="186"/>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="186"/>
        <source>đến ngày:</source>
        <translation>to:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="252"/>
        <source>Tìm theo địa điểm, ghi chú (không cần gõ dấu) — Ctrl+F</source>
        <translation>Search by place or notes (no need to type diacritics) — Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="253"/>
        <source>Nhập phiếu mới ở khung bên phải (Ctrl+N)</source>
        <translation>Enter a new session in the panel on the right (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="254"/>
        <source>Sửa buổi đang chọn ở khung bên phải (F2 hoặc Enter)</source>
        <translation>Edit the selected session in the panel on the right (F2 or Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="269"/>
        <source>Không đọc được dữ liệu</source>
        <translation>Cannot read the data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="282"/>
        <source>Tất cả các tổ</source>
        <translation>All teams</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="285"/>
        <source>Mọi lĩnh vực</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="382"/>
        <source>Bỏ phiếu đang nhập?</source>
        <translation>Discard this entry?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="383"/>
        <source>Phiếu bên phải có thông tin chưa lưu. Bỏ những gì đã nhập?</source>
        <translation>The entry on the right has unsaved details. Discard what has been typed?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="384"/>
        <source>Bỏ phiếu đang nhập</source>
        <translation>Discard entry</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="398"/>
        <source>Xóa buổi hỗ trợ {title}</source>
        <translation>Delete support session {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="402"/>
        <source>Không xóa được buổi hỗ trợ</source>
        <translation>Cannot delete the support session</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sessions.py" line="405"/>
        <source>Đã xóa buổi hỗ trợ {title}. Ctrl+Z để hoàn tác.</source>
        <translation>Support session {title} deleted. Ctrl+Z to undo.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="428"/>
        <source>Chung</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="429"/>
        <source>Cán bộ của xã</source>
        <translation>Commune officials</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="430"/>
        <source>Căn cứ pháp lý</source>
        <translation>Legal bases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="431"/>
        <source>Sao lưu</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/settings.py" line="432"/>
        <source>Mẫu quyết định</source>
        <translation>Decision templates</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="367"/>
        <source>Thiết lập Tổ Số</source>
        <translation>Set up Tổ Số</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="371"/>
        <source>&lt; &amp;Quay lại</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="372"/>
        <source>&amp;Tiếp theo &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="373"/>
        <source>&amp;Hoàn tất</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="374"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="416"/>
        <source>Khi bấm Hoàn tất, máy này sẽ được thiết lập cho {unit}, {province} (mã {code}).</source>
        <translation>When you click Finish, this computer will be set up for {unit}, {province} (code {code}).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="421"/>
        <source>Dữ liệu mẫu sẽ được tạo để dùng thử (mất vài giây).</source>
        <translation>Demo data will be created for trying the app out (this takes a few seconds).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="424"/>
        <source>Số thôn, tổ dân phố sẽ thêm: {count}.</source>
        <translation>Villages and residential groups to add: {count}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="426"/>
        <source>Sau khi thiết lập, không thể chuyển máy này sang xã khác.</source>
        <translation>Once set up, this computer cannot be switched to another commune.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="438"/>
        <source>Đang tạo dữ liệu mẫu…</source>
        <translation>Creating demo data…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="438"/>
        <source>Đang lưu thiết lập…</source>
        <translation>Saving the setup…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="463"/>
        <source>Lỗi không mong đợi: {error}. Chi tiết đã ghi vào nhật ký.</source>
        <translation>Unexpected error: {error}. The details have been written to the log.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="464"/>
        <source>Chưa thiết lập được</source>
        <translation>Setup not completed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="468"/>
        <source>Đã hủy tạo dữ liệu mẫu; chưa có gì được lưu.</source>
        <translation>Demo data creation cancelled; nothing has been saved.</translation>
    </message>
</context>
<context>
    <name>StoreCommand</name>
    <message>
        <location filename="../../desktop/ui/undo.py" line="60"/>
        <source>Không làm lại được: {error}</source>
        <translation>Cannot redo: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo.py" line="62"/>
        <source>Không hoàn tác được: {error}</source>
        <translation>Cannot undo: {error}</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="63"/>
        <source>Xin cán bộ tỉnh một mã đăng ký mới rồi đăng ký lại máy này.</source>
        <translation>Ask the province officer for a new enrolment code and enrol this computer again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="64"/>
        <source>Cài bản Tổ Số mới nhất rồi đồng bộ lại.</source>
        <translation>Install the latest Tổ Số, then sync again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="65"/>
        <source>Kiểm tra địa chỉ máy chủ (https://…) với cán bộ tỉnh.</source>
        <translation>Check the server address (https://…) with the province officer.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="67"/>
        <source>Bấm “Đồng bộ ngay” để thử lại; nếu vẫn lỗi, báo cán bộ tỉnh.</source>
        <translation>Click “Sync now” to try again; if it still fails, tell the province officer.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="99"/>
        <source>Máy chủ tỉnh</source>
        <translation>Provincial server</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="101"/>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="102"/>
        <source>Kết nối:</source>
        <translation>Connection:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="103"/>
        <source>Đồng bộ lần cuối:</source>
        <translation>Last sync:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="108"/>
        <source>Đăng ký máy này với máy chủ tỉnh</source>
        <translation>Enrol this computer with the province server</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="113"/>
        <source>Đă&amp;ng ký</source>
        <translation>E&amp;nrol</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="119"/>
        <source>Cán bộ tỉnh cấp địa chỉ máy chủ và một mã đăng ký dùng một lần (hết hạn sau 7 ngày).</source>
        <translation>The province officer gives you the server address and a one-time enrolment code (valid for 7 days).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="121"/>
        <source>Địa chỉ máy chủ:</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="122"/>
        <source>Mã đăng ký:</source>
        <translation>Enrolment code:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="125"/>
        <source>Chọn tệp chứng chỉ CA của tỉnh…</source>
        <translation>Choose the province&apos;s CA certificate file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="126"/>
        <source>Chỉ cần khi cán bộ tỉnh gửi tệp chứng chỉ (.pem, .crt)</source>
        <translation>Only needed when the province staff sent a certificate file (.pem, .crt)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="128"/>
        <source>Chứng chỉ (nếu có):</source>
        <translation>Certificate (if any):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="135"/>
        <source>Đang đồng bộ… %v/%m</source>
        <translation>Syncing… %v/%m</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="136"/>
        <source>&amp;Dừng</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="137"/>
        <source>Dừng sau phần đang gửi hoặc nhận; phần đã xong được giữ</source>
        <translation>Stop after the part being sent or received; what is done is kept</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="147"/>
        <source>Loại dữ liệu</source>
        <translation>Data type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="147"/>
        <source>Số thay đổi</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="147"/>
        <source>Số bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="147"/>
        <source>Dung lượng ước tính</source>
        <translation>Estimated size</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="159"/>
        <source>Thay đổi chưa gửi lên máy chủ, theo loại dữ liệu</source>
        <translation>Pending changes not yet sent to the server, by data type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="162"/>
        <source>Dữ liệu mới chỉ có trên máy này</source>
        <translation>Data so far only on this computer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="167"/>
        <source>Mỗi lần thêm, sửa, xóa là một thay đổi chờ gửi lên máy chủ tỉnh. Cho đến khi đồng bộ, dữ liệu này chỉ nằm trên máy này: hãy sao lưu thường xuyên.</source>
        <translation>Every addition, edit or deletion is a pending change waiting to be sent to the provincial server. Until you sync, this data exists only on this computer: back up often.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="177"/>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="224"/>
        <source>Chưa cấu hình. Nhập địa chỉ máy chủ trong Cài đặt (Ctrl+9) hoặc khi đăng ký máy bên dưới.</source>
        <translation>Not set. Enter the server address in Settings (Ctrl+9) or when enrolling this computer below.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="179"/>
        <source>&amp;Làm mới</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="62"/>
        <source>Dữ liệu trên máy này vẫn an toàn; Tổ Số sẽ tự thử lại sau 5 phút.</source>
        <translation>The data on this computer is safe; Tổ Số will try again in 5 minutes.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="180"/>
        <source>Đếm lại các thay đổi chưa gửi (F5)</source>
        <translation>Count the pending changes again (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="230"/>
        <source>Chưa đồng bộ lần nào</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="234"/>
        <source>Đăng ký máy này với máy chủ tỉnh (ở trên) để đồng bộ.</source>
        <translation>Enrol this computer with the province server (above) to sync.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="236"/>
        <source>Đồng bộ nền chưa chạy.</source>
        <translation>Background sync is not running.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="238"/>
        <source>Tổ Số tự đồng bộ khi mở, 5 phút một lần và khoảng 20 giây sau mỗi thay đổi.</source>
        <translation>Tổ Số syncs by itself when it opens, every 5 minutes and about 20 seconds after each change.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="252"/>
        <source>Chưa đăng ký</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="254"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="256"/>
        <source>Chưa thử kết nối</source>
        <translation>Not tried yet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="258"/>
        <source>Đã kết nối</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="260"/>
        <source>Không kết nối được</source>
        <translation>Cannot connect</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="263"/>
        <source>Đã dừng đồng bộ; phần đã gửi và nhận được giữ nguyên.</source>
        <translation>Sync stopped; what was already sent and received is kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="268"/>
        <source>Lần đồng bộ vừa rồi không thành: {error}
{advice}</source>
        <translation>The last sync failed: {error}
{advice}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="277"/>
        <source>Đồng hồ máy này lệch {minutes} phút so với máy chủ tỉnh: hãy chỉnh lại ngày giờ của máy (giờ ghi trong lịch sử có thể sai).</source>
        <translation>This computer&apos;s clock is {minutes} minutes off the province server&apos;s: please correct its date and time (times in the history may be wrong).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="292"/>
        <source>Đã có phiên bản mới {version} — tải về tại {link}</source>
        <translation>A new version {version} is available — download it at {link}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="294"/>
        <source>Đã có phiên bản mới {version} — hỏi cán bộ tỉnh nơi tải về.</source>
        <translation>A new version {version} is available — ask the province staff where to download it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="318"/>
        <source>Đã điền địa chỉ máy chủ và mã đăng ký từ liên kết. Bấm “Đăng ký” để tiếp tục.</source>
        <translation>The server address and enrolment code were filled in from the link. Press “Enrol” to continue.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="320"/>
        <source>Đã điền mã đăng ký từ liên kết; hãy nhập địa chỉ máy chủ.</source>
        <translation>The enrolment code was filled in from the link; enter the server address.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="352"/>
        <source>Hãy nhập cả địa chỉ máy chủ và mã đăng ký.</source>
        <translation>Enter both the server address and the enrolment code.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="364"/>
        <source>Đang đăng ký…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="369"/>
        <source>Chứng chỉ CA của tỉnh</source>
        <translation>The province&apos;s CA certificate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="369"/>
        <source>Chứng chỉ (*.pem *.crt *.cer);;Mọi tệp (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="380"/>
        <source>Đã đăng ký máy này; đã nhận {count} bản ghi.</source>
        <translation>This computer is enrolled; {count} records received.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="417"/>
        <source>Không đếm được các thay đổi chưa gửi: {error}</source>
        <translation>Cannot count the pending changes: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="437"/>
        <source>Tổng cộng {count} thay đổi chưa gửi; lần đồng bộ tới sẽ gửi khoảng {size}.</source>
        <translation>{count} pending changes in total; the next sync will send about {size}.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/sync_view.py" line="442"/>
        <source>Mọi thay đổi đã được gửi lên máy chủ tỉnh.</source>
        <translation>All changes have been sent to the provincial server.</translation>
    </message>
</context>
<context>
    <name>TeamDialogs</name>
    <message>
        <location filename="../../desktop/ui/team_dialogs.py" line="73"/>
        <source>Cấp xã (không thuộc thôn nào)</source>
        <translation>Commune level (no village)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_dialogs.py" line="85"/>
        <source>Thành lập tổ công nghệ số cộng đồng</source>
        <translation>Establish a community digital technology team</translation>
    </message>
</context>
<context>
    <name>TeamFiguresModel</name>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="194"/>
        <source>Tổ</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="195"/>
        <source>Thôn</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="196"/>
        <source>Buổi hỗ trợ</source>
        <translation>Support sessions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="199"/>
        <source>Người dân được hỗ trợ</source>
        <translation>Citizens helped</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="203"/>
        <source>Thành viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="206"/>
        <source>Thành viên đã tham gia hỗ trợ</source>
        <translation>Members who took part</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="222"/>
        <source>{name} (đã giải thể)</source>
        <translation>{name} (dissolved)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/reports.py" line="223"/>
        <source>Cấp xã</source>
        <translation>Commune level</translation>
    </message>
</context>
<context>
    <name>TeamsModel</name>
    <message>
        <location filename="../../desktop/ui/models.py" line="230"/>
        <source>Tên tổ</source>
        <translation>Team name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="231"/>
        <source>Thôn</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="232"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="234"/>
        <source>Ngày thành lập</source>
        <translation>Founded on</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="236"/>
        <source>Số thành viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="237"/>
        <source>Tổ trưởng</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="238"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="269"/>
        <source>Chưa có Tổ trưởng</source>
        <translation>No team leader yet</translation>
    </message>
</context>
<context>
    <name>TeamsView</name>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="87"/>
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="87"/>
        <source>Đã giải thể</source>
        <translation>Dissolved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="89"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="90"/>
        <source>Chỉ hiện các tổ có trạng thái này (Alt+R)</source>
        <translation>Show only teams with this status (Alt+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="94"/>
        <source>tổ</source>
        <translation>teams</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/teams.py" line="94"/>
        <source>%Ln tổ</source>
        <translation>
            <numerusform>%Ln team</numerusform>
            <numerusform>%Ln teams</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="96"/>
        <source>Tổ công nghệ số cộng đồng</source>
        <translation>Community digital technology teams</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="97"/>
        <source>Thành lập</source>
        <translation>Establish</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="98"/>
        <source>Thành lập tổ mới (Ctrl+N)</source>
        <translation>Establish a new team (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="110"/>
        <source>T&amp;rạng thái:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="153"/>
        <source>Chưa có Tổ trưởng</source>
        <translation>No team leader</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="191"/>
        <source>Chọn một tổ trong danh sách để xem thành viên.</source>
        <translation>Select a team in the list to see its members.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="242"/>
        <source>Thêm thành viên…</source>
        <translation>Add member…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="242"/>
        <source>Thêm một người vào tổ (Ctrl+M)</source>
        <translation>Add a person to the team (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="245"/>
        <source>Đổi chức danh…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="247"/>
        <source>Đổi chức danh của thành viên đang chọn (Ctrl+R)</source>
        <translation>Change the role of the selected member (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="251"/>
        <source>Chuyển tổ…</source>
        <translation>Move to team…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="251"/>
        <source>Chuyển thành viên đang chọn sang tổ khác (Ctrl+T)</source>
        <translation>Move the selected member to another team (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="254"/>
        <source>Thôi tham gia…</source>
        <translation>End membership…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="256"/>
        <source>Thành viên đang chọn thôi tham gia tổ (Ctrl+L)</source>
        <translation>The selected member leaves the team (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="260"/>
        <source>Giải thể tổ…</source>
        <translation>Dissolve team…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="262"/>
        <source>Giải thể tổ đang chọn; lịch sử vẫn được giữ (Ctrl+Shift+D)</source>
        <translation>Dissolve the selected team; its history is kept (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="276"/>
        <source>Sổ theo dõi hoạt động…</source>
        <translation>Activity sheet…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="278"/>
        <source>In sổ theo dõi hoạt động của tổ đang chọn trong một tháng hoặc một khoảng thời gian (Ctrl+P)</source>
        <translation>Print the activity sheet of the selected team for a month or a period (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="282"/>
        <source>Phiếu ghi chép…</source>
        <translation>Field form…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="284"/>
        <source>In phiếu ghi chép trống để tổ đang chọn ghi tay khi hỗ trợ người dân (Ctrl+Shift+P)</source>
        <translation>Print a blank field form for the selected team to fill in by hand while helping citizens (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="288"/>
        <source>Danh sách thành viên</source>
        <translation>Member list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="290"/>
        <source>In danh sách thành viên của tất cả các tổ đang hoạt động (Ctrl+Shift+M)</source>
        <translation>Print the member list of all active teams (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="296"/>
        <source>In tài liệu</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="297"/>
        <source>Sổ theo dõi (Ctrl+P), phiếu ghi chép (Ctrl+Shift+P), danh sách thành viên (Ctrl+Shift+M)</source>
        <translation>Activity sheet (Ctrl+P), field form (Ctrl+Shift+P), member list (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="373"/>
        <source>Cấp xã (không thuộc thôn nào)</source>
        <translation>Commune level (no village)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="375"/>
        <source>chưa ghi</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="379"/>
        <source>chưa gắn quyết định</source>
        <translation>no decision linked</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="386"/>
        <source>Thành viên &amp;hiện tại ({count})</source>
        <translation>&amp;Current members ({count})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="389"/>
        <source>Thành viên trước đây và chức danh &amp;cũ ({count})</source>
        <translation>&amp;Former members and past roles ({count})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="451"/>
        <source>Xóa {team}</source>
        <translation>Delete {team}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="455"/>
        <source>Không xóa được tổ</source>
        <translation>Cannot delete the team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="457"/>
        <source>Đã xóa {team}. Nhấn Ctrl+Z để hoàn tác.</source>
        <translation>{team} deleted. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="471"/>
        <source>Đã giải thể {team}. Nhấn Ctrl+Z để hoàn tác.</source>
        <translation>{team} dissolved. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/teams.py" line="510"/>
        <source>Sổ theo dõi hoạt động — {team}</source>
        <translation>Activity sheet — {team}</translation>
    </message>
</context>
<context>
    <name>VillagesModel</name>
    <message>
        <location filename="../../desktop/ui/models.py" line="197"/>
        <source>Tên thôn</source>
        <translation>Village name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="198"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="199"/>
        <source>Số hộ</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="200"/>
        <source>Tổ CNSCĐ</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="201"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>VillagesPage</name>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="151"/>
        <source>Thôn, tổ dân phố</source>
        <translation>Villages and residential groups</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="152"/>
        <source>Nhập các thôn, bản, ấp, tổ dân phố của xã; có thể thêm, sửa sau.</source>
        <translation>Enter the commune’s villages, hamlets and residential groups; you can add to and edit them later.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="154"/>
        <source>&amp;Nhập danh sách thôn, tổ dân phố</source>
        <translation>&amp;Enter a list of villages and residential groups</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="155"/>
        <source>Tạo &amp;dữ liệu mẫu để dùng thử</source>
        <translation>Create &amp;demo data to try the app out</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="158"/>
        <source>Thôn, tổ, thành viên và {count} buổi hỗ trợ giả định, chỉ để làm quen với phần mềm. Dữ liệu mẫu không xóa hàng loạt được: khi dùng thật, hãy dùng một thư mục dữ liệu khác.</source>
        <translation>Made-up villages, teams, members and {count} support sessions, only for getting to know the app. Demo data cannot be deleted in bulk: for real use, use a different data folder.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="170"/>
        <source>Thôn Nà Phái
Bản Chang
Tổ dân phố số 3
…</source>
        <translation>Thôn Nà Phái
Bản Chang
Tổ dân phố số 3
…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="171"/>
        <source>Danh sách thôn, mỗi dòng một thôn</source>
        <translation>List of villages, one per line</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="173"/>
        <source>Mỗi dòng một thôn; có thể dán từ Excel (lấy cột đầu tiên có chữ), số thứ tự được bỏ đi.</source>
        <translation>One village per line; you can paste from Excel (the first column with text is used), and row numbers are removed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="177"/>
        <source>Nhập từ tệ&amp;p…</source>
        <translation>&amp;Import from file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="178"/>
        <source>Đọc cột đầu tiên của tệp Excel (.xlsx) hoặc .csv</source>
        <translation>Reads the first column of an Excel (.xlsx) or .csv file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="183"/>
        <source>Dòng không ghi &amp;loại là:</source>
        <translation>Lines without a &amp;kind are:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="209"/>
        <source>Xem trước:</source>
        <translation>Preview:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="251"/>
        <source>Sẽ tạo dữ liệu mẫu thay cho danh sách này.</source>
        <translation>Demo data will be created instead of this list.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="253"/>
        <source>Sẽ thêm {count} thôn, tổ dân phố.</source>
        <translation>{count} villages and residential groups will be added.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="255"/>
        <source>Bỏ {count} dòng trùng.</source>
        <translation>{count} duplicate lines left out.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="258"/>
        <source>Danh sách quá dài: chỉ lấy {count} dòng đầu.</source>
        <translation>The list is too long: only the first {count} lines are used.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="261"/>
        <source>Chưa có thôn nào; có thể bỏ trống và thêm sau.</source>
        <translation>No villages yet; you can leave this blank and add them later.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="267"/>
        <source>Chọn tệp danh sách thôn</source>
        <translation>Choose a file with the list of villages</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="267"/>
        <source>Bảng tính (*.xlsx *.csv *.txt)</source>
        <translation>Spreadsheets (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/setup_wizard.py" line="277"/>
        <source>Không đọc được tệp</source>
        <translation>Cannot read the file</translation>
    </message>
</context>
<context>
    <name>VillagesView</name>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="54"/>
        <source>thôn, tổ dân phố</source>
        <translation>villages</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/villages.py" line="54"/>
        <source>%Ln thôn, tổ dân phố</source>
        <translation>
            <numerusform>%Ln village or residential group</numerusform>
            <numerusform>%Ln villages and residential groups</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="56"/>
        <source>Thôn, tổ dân phố</source>
        <translation>Villages and residential groups</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="102"/>
        <source>Tổ công nghệ số cộng đồng</source>
        <translation>Community digital technology team</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="106"/>
        <source>Chưa có Tổ trưởng</source>
        <translation>No team leader</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="110"/>
        <source>Thành lập tổ…</source>
        <translation>Establish team…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="113"/>
        <source>Thành lập tổ công nghệ số cộng đồng cho thôn này (Ctrl+Shift+T)</source>
        <translation>Establish a community digital technology team for this village (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="116"/>
        <source>Thành lậ&amp;p tổ…</source>
        <translation>Establish &amp;team…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="130"/>
        <source>Chọn một thôn trong danh sách để xem tổ và số liệu của thôn.</source>
        <translation>Select a village in the list to see its team and figures.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="182"/>
        <source>chưa ghi</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="193"/>
        <source>Thôn chưa có tổ công nghệ số cộng đồng.</source>
        <translation>This village has no community digital technology team yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="199"/>
        <source>&lt;b&gt;{team}&lt;/b&gt;&lt;br&gt;{count} thành viên</source>
        <translation>&lt;b&gt;{team}&lt;/b&gt;&lt;br&gt;{count} members</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="201"/>
        <source> · thành lập {date}</source>
        <translation> · founded {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="203"/>
        <source>Tổ trưởng: {name}</source>
        <translation>Team leader: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="211"/>
        <source>Trước đây: {teams}</source>
        <translation>Formerly: {teams}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="213"/>
        <source>{team} (giải thể {date})</source>
        <translation>{team} (dissolved {date})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="248"/>
        <source>Xóa {village}</source>
        <translation>Delete {village}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="252"/>
        <source>Không xóa được {village}</source>
        <translation>Cannot delete {village}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/villages.py" line="254"/>
        <source>Đã xóa {village}. Nhấn Ctrl+Z để hoàn tác.</source>
        <translation>{village} deleted. Press Ctrl+Z to undo.</translation>
    </message>
</context>
<context>
    <name>_PersonPicker</name>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="49"/>
        <source>Gõ tên, năm sinh hoặc số điện thoại (không cần dấu)…</source>
        <translation>Type a name, birth year or phone number (no need for diacritics)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/member_dialogs.py" line="59"/>
        <source>Không tìm thấy ai. Chọn “Người mới” để thêm người này.</source>
        <translation>No one found. Choose “New person” to add them.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/app.py" line="83"/>
        <source>Không mở được dữ liệu</source>
        <translation>Cannot open the data</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="84"/>
        <source>Không mở được dữ liệu trong thư mục:
{folder}

{detail}

Nếu tệp dữ liệu bị hỏng, hãy khôi phục từ một bản sao lưu (lệnh “toso restore”).</source>
        <translation>Cannot open the data in the folder:
{folder}

{detail}

If the data file is damaged, restore it from a backup (the “toso restore” command).</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../desktop/ui/crash.py" line="35"/>
        <source>Lỗi không mong đợi</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash.py" line="36"/>
        <source>Tổ Số gặp lỗi không mong đợi. Dữ liệu đã lưu trước đó vẫn an toàn.

Hãy sao chép chi tiết bên dưới (nút “Hiện chi tiết…”) gửi cho cán bộ hỗ trợ; chi tiết cũng đã được ghi vào tệp nhật ký trong thư mục dữ liệu.</source>
        <translation>Tổ Số ran into an unexpected error. The data saved before it is safe.

Please copy the details below (the “Show Details...” button) and send them to your support officer; the details have also been written to the log file in the data folder.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../desktop/ui/widgets/messages.py" line="22"/>
        <source>Đồng ý</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/messages.py" line="23"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
</TS>
