<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>CommuneDialog</name>
    <message>
        <location filename="../../desktop/ui/commune_dialog.py" line="43"/>
        <source>Thiết lập xã</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commune_dialog.py" line="48"/>
        <source>Chọn xã, phường hoặc đặc khu mà máy này phục vụ. Gõ tên xã, tên tỉnh hoặc mã đơn vị; không cần gõ dấu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commune_dialog.py" line="53"/>
        <source>Ví dụ: tan thanh lang son</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commune_dialog.py" line="58"/>
        <source>Tạo dữ liệu mẫu để dùng thử</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commune_dialog.py" line="61"/>
        <source>Đồng ý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commune_dialog.py" line="62"/>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commune_dialog.py" line="81"/>
        <source>{unit} — {province} (mã {code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commune_dialog.py" line="93"/>
        <source>Gõ để tìm trong danh mục xã, phường, đặc khu từ ngày 01/7/2025.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commune_dialog.py" line="95"/>
        <source>Không tìm thấy đơn vị nào khớp với “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commune_dialog.py" line="97"/>
        <source>Có nhiều kết quả; gõ thêm tên tỉnh để thu hẹp.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="45"/>
        <source>Tổng quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="46"/>
        <source>Thôn/Tổ dân phố</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="47"/>
        <source>Tổ CNSCĐ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="48"/>
        <source>Thành viên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="49"/>
        <source>Hoạt động hỗ trợ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="50"/>
        <source>Quyết định</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="51"/>
        <source>Báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="52"/>
        <source>Đồng bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="53"/>
        <source>Cài đặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="77"/>
        <source>Các mục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="80"/>
        <source>{label} (Ctrl+{number})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="128"/>
        <source>&amp;Tệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="129"/>
        <source>&amp;Nhập từ Excel/CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="130"/>
        <source>&amp;Sao lưu ngay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="132"/>
        <source>&amp;Thoát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="134"/>
        <source>&amp;Sửa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="135"/>
        <source>&amp;Hoàn tác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="137"/>
        <source>&amp;Làm lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="142"/>
        <source>Đ&amp;i tới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="149"/>
        <source>Trợ &amp;giúp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="150"/>
        <source>&amp;Giới thiệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="173"/>
        <source>Thay đổi chưa gửi: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="176"/>
        <source>Đồng bộ lần cuối: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="178"/>
        <source>Chưa đồng bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="181"/>
        <source>Dữ liệu: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="186"/>
        <source>chưa chọn xã</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="187"/>
        <source>Tổ Số — {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="203"/>
        <source>Giới thiệu Tổ Số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="205"/>
        <source>&lt;h3&gt;Tổ Số {version}&lt;/h3&gt;&lt;p&gt;Quản lý Tổ công nghệ số cộng đồng cấp xã: thôn, tổ, thành viên, hoạt động hỗ trợ.&lt;/p&gt;&lt;p&gt;Giấy phép: GNU GPL phiên bản 3 trở lên (GPL-3.0-or-later).&lt;/p&gt;&lt;p&gt;Thư mục dữ liệu:&lt;br&gt;{folder}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../desktop/ui/models.py" line="232"/>
        <source>Họ và tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="233"/>
        <source>Năm sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="234"/>
        <source>Giới tính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="235"/>
        <source>Số điện thoại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="236"/>
        <source>Chức vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="237"/>
        <source>Tổ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="238"/>
        <source>Chức danh trong Tổ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../desktop/ui/widgets/record_dialog.py" line="40"/>
        <source>Sửa {noun}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_dialog.py" line="40"/>
        <source>Thêm {noun}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_dialog.py" line="45"/>
        <source>Lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_dialog.py" line="46"/>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_dialog.py" line="59"/>
        <source>Thêm {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_dialog.py" line="64"/>
        <source>Sửa {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="55"/>
        <source>Thêm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="58"/>
        <source>Thêm mới (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="61"/>
        <source>Sửa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="61"/>
        <source>Sửa dòng đang chọn (F2 hoặc Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="64"/>
        <source>Xóa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="67"/>
        <source>Xóa dòng đang chọn (Delete); có thể hoàn tác bằng Ctrl+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="70"/>
        <source>Lịch sử</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="70"/>
        <source>Ai đã sửa gì, khi nào (Ctrl+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="74"/>
        <source>Xuất Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="77"/>
        <source>Lưu danh sách đang hiển thị ra tệp .xlsx (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="81"/>
        <source>Tìm kiếm… (không cần gõ dấu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="151"/>
        <source>{count} {noun}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="201"/>
        <source>Xuất ra Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="201"/>
        <source>Tệp Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="215"/>
        <source>Đã xuất {count} dòng ra {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/record_list.py" line="217"/>
        <source>Không xuất được tệp Excel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamsModel</name>
    <message>
        <location filename="../../desktop/ui/models.py" line="194"/>
        <source>Tên tổ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="195"/>
        <source>Thôn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="196"/>
        <source>Trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="198"/>
        <source>Ngày thành lập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="200"/>
        <source>Số thành viên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="201"/>
        <source>Tổ trưởng</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VillagesModel</name>
    <message>
        <location filename="../../desktop/ui/models.py" line="163"/>
        <source>Tên thôn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="164"/>
        <source>Loại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="165"/>
        <source>Số hộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models.py" line="166"/>
        <source>Tổ CNSCĐ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/app.py" line="78"/>
        <source>Không mở được dữ liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="79"/>
        <source>Không mở được dữ liệu trong thư mục:
{folder}

{detail}

Nếu tệp dữ liệu bị hỏng, hãy khôi phục từ một bản sao lưu (lệnh “toso restore”).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../desktop/ui/crash.py" line="35"/>
        <source>Lỗi không mong đợi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash.py" line="36"/>
        <source>Tổ Số gặp lỗi không mong đợi. Dữ liệu đã lưu trước đó vẫn an toàn.

Hãy sao chép chi tiết bên dưới (nút “Hiện chi tiết…”) gửi cho cán bộ hỗ trợ; chi tiết cũng đã được ghi vào tệp nhật ký trong thư mục dữ liệu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../desktop/ui/widgets/messages.py" line="22"/>
        <source>Đồng ý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/messages.py" line="23"/>
        <source>Không</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
