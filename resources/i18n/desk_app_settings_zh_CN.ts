<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="231"/>
        <source>Working hours</source>
        <translation>营业时间</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="234"/>
        <source>day off</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="241"/>
        <source>2026-09-27 Fri</source>
        <translation>2026-09-27 周五</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="244"/>
        <source>Holidays and make-up days</source>
        <translation>节假日与调休</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="246"/>
        <source>&amp;Holidays</source>
        <translation>节假日(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="247"/>
        <source>&amp;Make-up days</source>
        <translation>调休上班日(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="251"/>
        <source>A holiday is a day off even on a working weekday: one date or a range per line. A make-up day (调休) is worked although it falls on a day off; it works the hours of the weekday written after it.</source>
        <translation>节假日即使在工作日也休息：每行一个日期或一个日期范围。调休上班日虽在休息日也要上班，按其后所写星期几的营业时间工作。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="267"/>
        <source>Write the hours like 08:30-12:00, 13:30-18:00; leave a day off empty.</source>
        <translation>营业时间写法如 08:30-12:00, 13:30-18:00；休息日留空。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="282"/>
        <source>Local times of %1.</source>
        <translation>%1 当地时间。</translation>
    </message>
</context>
<context>
    <name>CalendarText</name>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="42"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="43"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="44"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="45"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="46"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="47"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="48"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="54"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="55"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="56"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="57"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="58"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="59"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="60"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="100"/>
        <source>Write the hours like 08:30-12:00, 13:30-18:00.</source>
        <translation>请按 08:30-12:00, 13:30-18:00 的格式填写时间。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="105"/>
        <source>%1 does not end after it starts.</source>
        <translation>%1 的结束时间不晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="111"/>
        <source>Two periods overlap.</source>
        <translation>有两个时间段重叠。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="131"/>
        <source>%1 is not a date.</source>
        <translation>%1 不是有效日期。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="147"/>
        <source>Write dates like 2026-10-01, or a range like 2026-10-01..2026-10-07.</source>
        <translation>日期写法如 2026-10-01，日期范围写法如 2026-10-01..2026-10-07。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="156"/>
        <source>%1: a range runs forwards, at most a year.</source>
        <translation>%1：日期范围须从早到晚，最长一年。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="189"/>
        <source>Write one make-up day per line, like 2026-09-27 Fri.</source>
        <translation>每行一个调休上班日，如 2026-09-27 周五。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="195"/>
        <source>%1 is not a weekday.</source>
        <translation>%1 不是星期几。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="201"/>
        <source>%1 follows %2, which is a day off.</source>
        <translation>%1 按%2上班，但%2是休息日。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="208"/>
        <source>%1 is also listed as a holiday.</source>
        <translation>%1 同时被列为节假日。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/calendar.py" line="293"/>
        <source>Give the working hours of at least one day.</source>
        <translation>请至少填写一天的营业时间。</translation>
    </message>
</context>
<context>
    <name>CompanyTab</name>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="46"/>
        <source>e.g. 400-800-1234</source>
        <translation>如 400-800-1234</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="48"/>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="50"/>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="49"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="55"/>
        <source>Print a sample work order…</source>
        <translation>打印样本派工单…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="67"/>
        <source>Company &amp;name</source>
        <translation>公司名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="68"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="69"/>
        <source>&amp;Hotline</source>
        <translation>服务热线(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="70"/>
        <source>&amp;Logo (PNG or JPEG)</source>
        <translation>标志(&amp;L)（PNG 或 JPEG）</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="77"/>
        <source>Printed at the top of every work order, feedback form, requisition and slip, on every desk. The logo is stored in the database, so the other computers do not need the file.</source>
        <translation>印在各台电脑打印的每张派工单、反馈单、领用单和单据顶部。标志保存在数据库中，其他电脑无需该文件。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="141"/>
        <source>Choose the logo</source>
        <translation>选择标志</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="143"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="163"/>
        <source>(cannot show this file)</source>
        <translation>（无法显示此文件）</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="188"/>
        <source>Sample work order</source>
        <translation>样本派工单</translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <location filename="../../desk_app/ui/admin/settings/standards.py" line="198"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/standards.py" line="199"/>
        <source>First answer (h)</source>
        <translation>首次答复（小时）</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/standards.py" line="199"/>
        <source>Solution (h)</source>
        <translation>解决方案（小时）</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/standards.py" line="214"/>
        <source>Wall-clock hours from when the complaint is received. Changes apply to complaints received from now on; open complaints keep their deadlines.</source>
        <translation>自收到投诉起按自然时间计算。修改对今后收到的投诉生效；未结投诉的期限保持不变。</translation>
    </message>
</context>
<context>
    <name>DeskTab</name>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="209"/>
        <source>e.g. 0755</source>
        <translation>如 0755</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="216"/>
        <source>Use the standard text</source>
        <translation>使用标准文本</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="219"/>
        <source>Default &amp;area code</source>
        <translation>默认区号(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="224"/>
        <source>A local number typed without an area code gets this one. Numbers already saved do not change.</source>
        <translation>输入不带区号的本地号码时自动加上此区号。已保存的号码不变。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="231"/>
        <source>Charge standard (&amp;Chinese)</source>
        <translation>收费标准（中文）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="239"/>
        <source>Charge standard (&amp;English)</source>
        <translation>收费标准（英文）(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/company.py" line="248"/>
        <source>Printed on every chargeable work order and shown at intake, so the customer knows the charges before any work. Without an English text, English forms print the Chinese one.</source>
        <translation>印在每张收费派工单上并在受理时显示，让客户在服务前了解收费。未填英文时，英文单据打印中文文本。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk_app/ui/admin/settings/dialog.py" line="60"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>PresentPdf</name>
    <message>
        <location filename="../../desk_app/ui/paperwork/present.py" line="144"/>
        <source>%1: %n page(s) sent to %2.</source>
        <translation>%1：已将 %n 页发送到 %2。</translation>
    </message>
</context>
<context>
    <name>PrintLabels</name>
    <message>
        <location filename="../../desk_app/ui/paperwork/present.py" line="47"/>
        <source>Work order</source>
        <translation>派工单</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/paperwork/present.py" line="48"/>
        <source>Service feedback form</source>
        <translation>服务反馈单</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/paperwork/present.py" line="49"/>
        <source>Parts requisition</source>
        <translation>配件领用单</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/paperwork/present.py" line="50"/>
        <source>Returned-part slip</source>
        <translation>旧件返还单</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/paperwork/present.py" line="51"/>
        <source>Stocktake count sheet</source>
        <translation>盘点表</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/paperwork/present.py" line="52"/>
        <source>Check-in receipt</source>
        <translation>收机单</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/paperwork/present.py" line="53"/>
        <source>Appliance tag</source>
        <translation>机器标签</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/paperwork/present.py" line="62"/>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/paperwork/present.py" line="63"/>
        <source>A5 landscape</source>
        <translation>A5 横向</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/paperwork/present.py" line="64"/>
        <source>Tag label 70 × 50 mm</source>
        <translation>标签 70 × 50 毫米</translation>
    </message>
</context>
<context>
    <name>PrintersTab</name>
    <message>
        <location filename="../../desk_app/ui/admin/settings/printers.py" line="44"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/printers.py" line="44"/>
        <source>Print to</source>
        <translation>打印到</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/printers.py" line="44"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/printers.py" line="66"/>
        <source>Look for printers again</source>
        <translation>重新查找打印机</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/printers.py" line="72"/>
        <source>Stored on this computer only: each counter chooses its own printer. A document sent straight to a printer is not shown first; the status bar says where it went.</source>
        <translation>仅保存在本机：每个柜台选择自己的打印机。直接发送到打印机的单据不先预览，状态栏会显示发往何处。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/printers.py" line="94"/>
        <source>Show the preview</source>
        <translation>显示预览</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/printers.py" line="99"/>
        <source>%1 (not installed)</source>
        <translation>%1（未安装）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desk_app/ui/admin/settings/dialog.py" line="231"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/dialog.py" line="243"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/dialog.py" line="244"/>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/dialog.py" line="245"/>
        <source>Service standards</source>
        <translation>服务标准</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/dialog.py" line="246"/>
        <source>Working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/dialog.py" line="247"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/dialog.py" line="248"/>
        <source>Desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/dialog.py" line="258"/>
        <source>Each tab is saved on its own with its Save button (Ctrl+S).</source>
        <translation>每个标签页用各自的“保存”按钮（Ctrl+S）单独保存。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/dialog.py" line="284"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/dialog.py" line="285"/>
        <source>Not saved yet: %1. Close anyway and lose these changes?</source>
        <translation>尚未保存：%1。仍要关闭并放弃这些修改吗？</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../desk_app/ui/admin/settings/base.py" line="63"/>
        <source>Save mine over theirs</source>
        <translation>用我的覆盖对方的</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/base.py" line="65"/>
        <source>Show theirs</source>
        <translation>显示对方保存的</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/base.py" line="225"/>
        <source>Your typing is still in the form: save it over theirs, or show theirs (your typing is then lost).</source>
        <translation>您输入的内容仍保留在表单中：可以用它覆盖对方保存的内容，或显示对方保存的内容（您的输入将丢失）。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/dialog.py" line="83"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/dialog.py" line="199"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/dialog.py" line="206"/>
        <source>Not saved: please correct the marked field.</source>
        <translation>未保存：请更正标出的项。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/dialog.py" line="209"/>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
</context>
<context>
    <name>StandardsTab</name>
    <message>
        <location filename="../../desk_app/ui/admin/settings/standards.py" line="121"/>
        <source>Ticket kind</source>
        <translation>工单类型</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/standards.py" line="121"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/standards.py" line="122"/>
        <source>Respond (h)</source>
        <translation>响应（小时）</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/standards.py" line="122"/>
        <source>Visit (h)</source>
        <translation>上门（小时）</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/standards.py" line="122"/>
        <source>Repair (h)</source>
        <translation>修复（小时）</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/standards.py" line="123"/>
        <source>Working hours only</source>
        <translation>仅计营业时间</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/standards.py" line="146"/>
        <source>Hours from the request. With “working hours only” the clock runs only in the working calendar&apos;s hours; otherwise around the clock. Changes apply to tickets opened from now on.</source>
        <translation>自报修起计算的小时数。勾选“仅计营业时间”时只按工作日历的营业时间计时，否则全天计时。修改对今后新建的工单生效。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/settings/standards.py" line="168"/>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
</context>
</TS>
