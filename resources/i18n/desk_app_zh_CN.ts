<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Language</name>
    <message>
        <source>en</source>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>The service desk cannot open its database.</source>
        <translation>服务台无法打开数据库。</translation>
    </message>
    <message>
        <source>Database: %1 (set by %2)</source>
        <translation>数据库：%1（来自 %2）</translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation>售后服务台</translation>
    </message>
</context>
<context>
    <name>ApplianceDialog</name>
    <message>
        <source>Add appliance</source>
        <translation>添加电器</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source> year(s)</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Ca&amp;tegory</source>
        <translation>品类(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Brand</source>
        <translation>品牌(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>型号(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Serial number</source>
        <translation>序列号(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Purchased on</source>
        <translation>购买日期(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Warranty</source>
        <translation>保修期(&amp;W)</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>no warranty known</source>
        <translation>保修情况不详</translation>
    </message>
</context>
<context>
    <name>CounterPrint</name>
    <message>
        <source>Accessories left: %1</source>
        <translation>随机附件：%1</translation>
    </message>
    <message>
        <source>Condition: %1</source>
        <translation>外观：%1</translation>
    </message>
</context>
<context>
    <name>CustomerDetail</name>
    <message>
        <source>New &amp;ticket</source>
        <translation>新建工单(&amp;T)</translation>
    </message>
    <message>
        <source>Open a ticket for this customer (Ctrl+T)</source>
        <translation>为该客户新建工单 (Ctrl+T)</translation>
    </message>
    <message>
        <source>Save &amp;mine over theirs</source>
        <translation>以我的修改为准保存(&amp;M)</translation>
    </message>
    <message>
        <source>Take &amp;theirs</source>
        <translation>采用对方的版本(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>保存修改(&amp;S)</translation>
    </message>
    <message>
        <source>Save the contact data (Ctrl+S)</source>
        <translation>保存联系资料 (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Undo my changes</source>
        <translation>撤销我的修改(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Add appliance…</source>
        <translation>添加电器(&amp;A)…</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系资料</translation>
    </message>
    <message>
        <source>Appliances</source>
        <translation>电器</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Search on the left and pick a customer, or create a new one.</source>
        <translation>请在左侧搜索并选择客户，或新建客户。</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <source>Open tickets (%1)</source>
        <translation>未结工单（%1）</translation>
    </message>
    <message>
        <source>Your unsaved changes to this customer are back. Save or undo them.</source>
        <translation>您对该客户尚未保存的修改已恢复，请保存或撤销。</translation>
    </message>
    <message>
        <source>%1 changed this customer while you were editing. Your typing is kept; saving will show what they changed.</source>
        <translation>在您编辑期间，%1 修改了该客户资料。您输入的内容已保留；保存时会显示对方改了什么。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>What they changed:</source>
        <translation>对方修改的内容：</translation>
    </message>
    <message>
        <source>Your typing is still in the form.</source>
        <translation>您输入的内容仍保留在表单中。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>• nothing in the contact data (only saved again)</source>
        <translation>• 联系资料没有变化（仅重新保存）</translation>
    </message>
</context>
<context>
    <name>CustomerFields</name>
    <message>
        <source>mobile or landline, e.g. 138 1234 5678</source>
        <translation>手机或座机，例如 138 1234 5678</translation>
    </message>
    <message>
        <source>province, city, district, street, building, room</source>
        <translation>省、市、区、街道、楼栋、门牌号</translation>
    </message>
    <message>
        <source>service area, e.g. 朝阳区</source>
        <translation>服务区域，例如 朝阳区</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Phone &amp;2</source>
        <translation>电话 2(&amp;2)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>Service a&amp;rea</source>
        <translation>服务区域(&amp;R)</translation>
    </message>
    <message>
        <source>Co&amp;mpany</source>
        <translation>单位(&amp;M)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>CustomerLookup</name>
    <message>
        <source>Name, pinyin (zs), phone or its last 4 digits, address, serial or ticket number</source>
        <translation>姓名、拼音（zs）、电话或尾号后4位、地址、序列号或工单号</translation>
    </message>
    <message>
        <source>Find a customer (F2)</source>
        <translation>查找客户 (F2)</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a customer (Ctrl+Shift+N)</source>
        <translation>新建客户 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Type to search. Enter opens the first match.</source>
        <translation>输入即可搜索，按回车打开第一条结果。</translation>
    </message>
    <message>
        <source>No customer found. Create a new one with Ctrl+Shift+N.</source>
        <translation>未找到客户。可按 Ctrl+Shift+N 新建客户。</translation>
    </message>
    <message>
        <source>First %1 customers; scroll for more.</source>
        <translation>已显示前 %1 位客户，向下滚动可加载更多。</translation>
    </message>
    <message>
        <source>%1 customer(s) found.</source>
        <translation>找到 %1 位客户。</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Find an existing customer: name, phone, pinyin…</source>
        <translation>查找已有客户：姓名、电话、拼音…</translation>
    </message>
</context>
<context>
    <name>CustomerSearchModel</name>
    <message>
        <source>Name</source>
        <extracomment>a page arrived; argument: rows now loaded (tests and the status line use it) the search failed; argument: the exception loading state changed (True while a page is being fetched)</extracomment>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Service area</source>
        <translation>服务区域</translation>
    </message>
</context>
<context>
    <name>CustomerTables</name>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Service clock</source>
        <translation>服务时限</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <source>Warranty until</source>
        <translation>保修截止</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong that the program did not expect. Nothing more was saved.</source>
        <translation>程序遇到了意外错误，未再保存任何内容。</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>出现问题</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set up the service desk</source>
        <translation>设置服务台</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Your name</source>
        <translation>您的姓名(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>再次输入密码(&amp;R)</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the first account: it becomes the service manager, who adds everybody else.</source>
        <translation>该数据库还没有用户。请创建第一个账号：它将成为售后经理，由其添加其他人员。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>KnowledgePanel</name>
    <message>
        <source>Known fixes</source>
        <extracomment>the clerk wants to answer the consultation with this text and close it</extracomment>
        <translation>已知解决方法</translation>
    </message>
    <message>
        <source>Suggestions appear while you type the fault.</source>
        <translation>输入故障现象时会自动给出建议。</translation>
    </message>
    <message>
        <source>The answer given to the customer</source>
        <translation>答复客户的内容</translation>
    </message>
    <message>
        <source>Answer and &amp;close the consultation</source>
        <translation>答复并关闭咨询(&amp;C)</translation>
    </message>
    <message>
        <source>Log the consultation with this answer and close it in one step</source>
        <translation>以此答复登记咨询并一步关闭</translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>Past repair</source>
        <translation>以往维修</translation>
    </message>
    <message>
        <source>%1 known fix(es) for this fault.</source>
        <translation>该故障有 %1 条已知解决方法。</translation>
    </message>
    <message>
        <source>No known fix for this fault yet.</source>
        <translation>该故障暂无已知解决方法。</translation>
    </message>
    <message>
        <source>Cause: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>处理方法：%1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>安装</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>保养</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Return / exchange</source>
        <translation>退换货</translation>
    </message>
    <message>
        <source>Return to factory</source>
        <translation>返厂</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>特急</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网上</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>来函</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派工</translation>
    </message>
    <message>
        <source>Appointment confirmed</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>服务中</translation>
    </message>
    <message>
        <source>Waiting for parts</source>
        <translation>待配件</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>待客户</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完工</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>In warranty</source>
        <translation>保修期内</translation>
    </message>
    <message>
        <source>Warranty expiring soon</source>
        <translation>保修即将到期</translation>
    </message>
    <message>
        <source>Out of warranty</source>
        <translation>已过保修期</translation>
    </message>
    <message>
        <source>Warranty unknown</source>
        <translation>保修情况不详</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>客服 / 前台</translation>
    </message>
    <message>
        <source>Dispatcher</source>
        <translation>派工员</translation>
    </message>
    <message>
        <source>Parts clerk</source>
        <translation>配件管理员</translation>
    </message>
    <message>
        <source>Follow-up specialist</source>
        <translation>回访专员</translation>
    </message>
    <message>
        <source>Service manager</source>
        <translation>售后经理</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>服务反馈</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回访电话</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Solution proposed</source>
        <translation>已提出方案</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Declined to answer</source>
        <translation>拒绝回答</translation>
    </message>
    <message>
        <source>Feedback form</source>
        <translation>服务反馈单</translation>
    </message>
    <message>
        <source>met</source>
        <translation>已达标</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>paused (%1 left)</source>
        <translation>已暂停（剩余 %1）</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>%1d %2</source>
        <translation>%1天 %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Service desk — %1</source>
        <translation>售后服务台 — %1</translation>
    </message>
    <message>
        <source>Customer lookup</source>
        <translation>客户查询</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>Dispatch board</source>
        <translation>派工看板</translation>
    </message>
    <message>
        <source>Parts stock</source>
        <translation>配件库存</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>考核指标</translation>
    </message>
    <message>
        <source>Maintenance reminders</source>
        <translation>保养提醒</translation>
    </message>
    <message>
        <source>Feedback forms</source>
        <translation>服务反馈单录入</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>服务台(&amp;D)</translation>
    </message>
    <message>
        <source>New &amp;customer…</source>
        <translation>新建客户(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Go to ticket…</source>
        <translation>转到工单(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Go to ticket</source>
        <translation>转到工单</translation>
    </message>
    <message>
        <source>Ticket:</source>
        <translation>工单：</translation>
    </message>
    <message>
        <source>S20261123-0001 (Ctrl+G)</source>
        <translation>S20261123-0001 (Ctrl+G)</translation>
    </message>
    <message>
        <source>Type or scan a ticket number and press Enter (Ctrl+G)</source>
        <translation>输入或扫描工单号后按回车 (Ctrl+G)</translation>
    </message>
    <message>
        <source>embedded</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Database (%1): %2</source>
        <translation>数据库（%1）：%2</translation>
    </message>
    <message>
        <source>You have an unsaved ticket for another customer. Save it, or press Start over, then open the new one.</source>
        <translation>您还有另一位客户的工单尚未保存。请先保存，或点“重新开始”，再新建工单。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● 已连接</translation>
    </message>
    <message>
        <source>● Connection lost — retrying</source>
        <translation>● 连接中断 — 正在重试</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>The language changes the next time the desk starts.</source>
        <translation>语言将在下次启动服务台时生效。</translation>
    </message>
    <message>
        <source>Set by the desk's configuration</source>
        <translation>由本服务台的配置文件设定</translation>
    </message>
    <message>
        <source>from the next start</source>
        <translation>下次启动时生效</translation>
    </message>
    <message>
        <source>%1 is used until then.</source>
        <translation>在此之前仍使用%1。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>New customer: Ctrl+Shift+N</source>
        <translation>新建客户：Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Go to ticket: Ctrl+G (or scan its barcode anywhere)</source>
        <translation>转到工单：Ctrl+G（或在任意界面扫描工单条码）</translation>
    </message>
    <message>
        <source>Save: Ctrl+S</source>
        <translation>保存：Ctrl+S</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>There is typing that was not saved. Close anyway and lose it?</source>
        <translation>还有输入的内容没有保存。仍然关闭并放弃这些内容吗？</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Use selected customer</source>
        <translation>使用选中的客户(&amp;U)</translation>
    </message>
    <message>
        <source>Create &amp;new anyway</source>
        <translation>仍然新建(&amp;N)</translation>
    </message>
    <message>
        <source>This looks like a customer we already have (same phone, or same name and address). Use the existing customer, or create a new one anyway.</source>
        <translation>这位客户可能已经存在（电话相同，或姓名和地址相同）。请使用已有客户，或仍然新建。</translation>
    </message>
</context>
<context>
    <name>PlaceholderScreen</name>
    <message>
        <source>This screen is being built.</source>
        <translation>该界面正在建设中。</translation>
    </message>
    <message>
        <source>Dispatch board: open tickets by urgency and service area, each with its service clock; technicians' schedules by day; assign, confirm appointments and reschedule with a reason.</source>
        <translation>派工看板：按紧急程度和服务区域列出未结工单及各自的服务时限；按日显示工程师的日程；派工、确认预约、注明原因改约。</translation>
    </message>
    <message>
        <source>Parts stock: stock per part and location, receipts, issues against a ticket's requisition, returned damaged parts, stocktakes and reorder levels.</source>
        <translation>配件库存：各配件在各库位的库存，入库、按工单领用单出库、旧件返还、盘点和补货提醒。</translation>
    </message>
    <message>
        <source>Complaints: record a complaint against a customer, ticket and technician, watch the answer and solution deadlines, and rework the solution until the customer is satisfied.</source>
        <translation>投诉：登记与客户、工单和工程师相关的投诉，跟踪答复和解决时限，方案不满意则重新处理，直到客户满意。</translation>
    </message>
    <message>
        <source>Follow-ups: completed tickets due for a follow-up call, the call's outcome and the customer's five satisfaction ratings.</source>
        <translation>回访：需要电话回访的已完工工单、回访结果以及客户的五项满意度评分。</translation>
    </message>
    <message>
        <source>Feedback forms: scan the code of a signed service feedback form and enter the customer's five ratings and comments, one form after another.</source>
        <translation>服务反馈单录入：扫描客户签字的服务反馈单条码，逐张录入五项评价和客户意见。</translation>
    </message>
    <message>
        <source>Maintenance reminders: appliances due for preventive maintenance by age, to call the customer and open a maintenance ticket.</source>
        <translation>保养提醒：按使用年限列出需要预防性保养的电器，便于致电客户并创建保养工单。</translation>
    </message>
    <message>
        <source>Dashboard: satisfaction, response timeliness, first-contact resolution, repair time, backlog and complaint measures for a chosen period, with a drill-down to the tickets behind each number.</source>
        <translation>考核指标：所选期间的客户满意度、响应及时率、一次性解决率、维修时长、积压率和投诉指标，可从每个数字查看其背后的工单。</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
        <message numerus="yes">
            <location filename="../../desk_app/ui/paperwork/preview.py" />
            <source>%n page(s) written to %1.</source>
            <translation>
                <numerusform>已将 %n 页写入 %1。</numerusform>
            </translation>
        </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Work order %1</source>
        <translation>派工单 %1</translation>
    </message>
</context>
<context>
    <name>RequestForm</name>
    <message>
        <source>Request</source>
        <extracomment>fault text, appliance model, appliance category (for the knowledge panel) True when the kind is a consultation</extracomment>
        <translation>服务请求</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add an appliance to this customer</source>
        <translation>为该客户添加电器</translation>
    </message>
    <message>
        <source>Damage caused by misuse (chargeable even in warranty)</source>
        <translation>人为损坏（保修期内也收费）</translation>
    </message>
    <message>
        <source>The fault in the customer's words</source>
        <translation>按客户原话记录故障现象</translation>
    </message>
    <message>
        <source>Customer prefers a time</source>
        <translation>客户指定时间</translation>
    </message>
    <message>
        <source>e.g. remote control, power cord</source>
        <translation>例如：遥控器、电源线</translation>
    </message>
    <message>
        <source>e.g. scratch on the front panel</source>
        <translation>例如：前面板有划痕</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>A&amp;ppliance</source>
        <translation>电器(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Fault</source>
        <translation>故障(&amp;F)</translation>
    </message>
    <message>
        <source>Preferred &amp;time</source>
        <translation>期望时间(&amp;T)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Accessories</source>
        <translation>随机附件</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>送修交接</translation>
    </message>
    <message>
        <source>(no appliance recorded)</source>
        <translation>（未登记电器）</translation>
    </message>
    <message>
        <source>A consultation is free of charge.</source>
        <translation>咨询不收费。</translation>
    </message>
    <message>
        <source>In warranty until %1: parts, labour and travel are free, unless the damage comes from misuse.</source>
        <translation>保修期至 %1：配件、人工和上门费均免费，人为损坏除外。</translation>
    </message>
    <message>
        <source>In warranty until %1 (ends soon): free of charge unless caused by misuse.</source>
        <translation>保修期至 %1（即将到期）：免费，人为损坏除外。</translation>
    </message>
    <message>
        <source>Out of warranty since %1: the work is chargeable. Tell the customer the charge standard before the visit.</source>
        <translation>保修已于 %1 到期：本次服务收费。上门前请先告知客户收费标准。</translation>
    </message>
    <message>
        <source>Warranty unknown (no purchase date): chargeable unless the customer shows proof of purchase.</source>
        <translation>保修情况不详（无购买日期）：客户出示购买凭证前按收费处理。</translation>
    </message>
    <message>
        <source>Misuse: chargeable even though in warranty.</source>
        <translation>人为损坏：虽在保修期内，仍需收费。</translation>
    </message>
    <message>
        <source>labour, parts and travel as in the published charge standard</source>
        <translation>人工费、配件费和上门费按公布的收费标准执行</translation>
    </message>
    <message>
        <source>Charge standard: %1</source>
        <translation>收费标准：%1</translation>
    </message>
    <message>
        <source>— choose the appliance —</source>
        <translation>— 请选择电器 —</translation>
    </message>
    <message>
        <source>Choose the appliance the customer calls about: its warranty decides whether the work is free.</source>
        <translation>请选择客户所报修的电器：是否免费取决于该电器的保修状态。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Sign in to the service desk.</source>
        <translation>登录售后服务台。</translation>
    </message>
</context>
<context>
    <name>TicketDialog</name>
        <message>
            <location filename="../../desk_app/ui/tickets/ticket_view.py" />
            <source>Print &amp;feedback form</source>
            <translation>打印反馈单(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/tickets/ticket_view.py" />
            <source>The customer's service feedback form (服务反馈单), to rate and sign</source>
            <translation>客户的服务反馈单，供客户评价并签字</translation>
        </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Appliance</source>
        <translation>电器</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <source>Fault as described</source>
        <translation>故障现象</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Respond by</source>
        <translation>响应时限</translation>
    </message>
    <message>
        <source>Visit by</source>
        <translation>上门时限</translation>
    </message>
    <message>
        <source>Repair by</source>
        <translation>修复时限</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Customer asked for</source>
        <translation>客户期望时间</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;Print work order</source>
        <translation>打印派工单(&amp;P)</translation>
    </message>
    <message>
        <source>Printing is not available in this version yet.</source>
        <translation>此版本暂不支持打印。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <source>chargeable</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>free of charge</source>
        <translation>免费</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <source>Correct the fault, contact, address, time or urgency</source>
        <translation>修改故障、联系方式、地址、期望时间或紧急程度</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已修改</translation>
    </message>
</context>
<context>
    <name>TicketEditDialog</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Appliance</source>
        <translation>电器</translation>
    </message>
    <message>
        <source>Misuse</source>
        <translation>人为损坏</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Preferred from</source>
        <translation>期望开始</translation>
    </message>
    <message>
        <source>Preferred until</source>
        <translation>期望结束</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <source>Chargeable</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>• nothing in these fields (only saved again)</source>
        <translation>• 这些项目没有变化（仅重新保存）</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>Edit ticket %1</source>
        <translation>修改工单 %1</translation>
    </message>
    <message>
        <source>Save &amp;mine over theirs</source>
        <translation>以我的修改为准保存(&amp;M)</translation>
    </message>
    <message>
        <source>Take &amp;theirs</source>
        <translation>采用对方的版本(&amp;T)</translation>
    </message>
    <message>
        <source>Damage caused by misuse (chargeable even in warranty)</source>
        <translation>人为损坏（保修期内也收费）</translation>
    </message>
    <message>
        <source>Customer prefers a time</source>
        <translation>客户指定时间</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>A&amp;ppliance</source>
        <translation>电器(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Fault</source>
        <translation>故障(&amp;F)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>地址(&amp;D)</translation>
    </message>
    <message>
        <source>Preferred &amp;time</source>
        <translation>期望时间(&amp;T)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>(no appliance recorded)</source>
        <translation>（未登记电器）</translation>
    </message>
    <message>
        <source>%1: the kind can no longer change (only while the ticket is new).</source>
        <translation>%1：工单类型已不能修改（仅新建状态可改）。</translation>
    </message>
    <message>
        <source>%1: the work is done; only the phone, address, area and notes can still be corrected.</source>
        <translation>%1：服务已完成，只能再修改电话、地址、区域和备注。</translation>
    </message>
    <message>
        <source>What they changed:</source>
        <translation>对方修改的内容：</translation>
    </message>
    <message>
        <source>Your typing is still in the form.</source>
        <translation>您输入的内容仍保留在表单中。</translation>
    </message>
</context>
<context>
    <name>TicketIntake</name>
    <message>
        <source>C&amp;hange</source>
        <translation>更换(&amp;H)</translation>
    </message>
    <message>
        <source>…or enter a new customer:</source>
        <translation>…或录入新客户：</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>&amp;Open ticket</source>
        <translation>创建工单(&amp;O)</translation>
    </message>
    <message>
        <source>Save the ticket (Ctrl+S)</source>
        <translation>保存工单 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Start o&amp;ver</source>
        <translation>重新开始(&amp;V)</translation>
    </message>
    <message>
        <source>Printing is not available in this version yet.</source>
        <translation>此版本暂不支持打印。</translation>
    </message>
    <message>
        <source>&amp;Log consultation</source>
        <translation>登记咨询(&amp;L)</translation>
    </message>
    <message>
        <source>Pick a customer above, or enter the new customer's name.</source>
        <translation>请在上方选择客户，或填写新客户的姓名。</translation>
    </message>
    <message>
        <source>This customer may already exist:
%1
Pick them with the search above, or save again to create a new customer anyway.</source>
        <translation>这位客户可能已经存在：
%1
请在上方搜索并选择，或再次保存以仍然新建客户。</translation>
    </message>
    <message>
        <source>Check-in receipt %1</source>
        <translation>送修接机单 %1</translation>
    </message>
    <message>
        <source>Appliance tag %1</source>
        <translation>机器标签 %1</translation>
    </message>
    <message>
        <source>No appliance</source>
        <translation>未选择电器</translation>
    </message>
    <message>
        <source>Open this repair without an appliance?</source>
        <translation>不选择电器就创建这张维修工单吗？</translation>
    </message>
    <message>
        <source>Without the appliance its warranty is unknown, so the repair counts as chargeable and the work order says so. Choose or add the appliance, or open the ticket without one.</source>
        <translation>没有电器就无法确定保修状态，维修将按收费处理，派工单上也会这样打印。请选择或添加电器，或者不选电器直接创建工单。</translation>
    </message>
    <message>
        <source>Open &amp;without appliance</source>
        <translation>不选电器直接创建(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Choose the appliance</source>
        <translation>选择电器(&amp;C)</translation>
    </message>
</context>
<context>
    <name>TicketResult</name>
    <message>
        <source>Respond by</source>
        <translation>响应时限</translation>
    </message>
    <message>
        <source>Visit by</source>
        <translation>上门时限</translation>
    </message>
    <message>
        <source>Repair done by</source>
        <translation>修复时限</translation>
    </message>
    <message>
        <source>&amp;Print work order</source>
        <translation>打印派工单(&amp;P)</translation>
    </message>
    <message>
        <source>Another ticket for this &amp;customer</source>
        <translation>为该客户再建工单(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New ticket</source>
        <translation>新建工单(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open the ticket</source>
        <translation>查看工单(&amp;O)</translation>
    </message>
    <message>
        <source>Check-in &amp;receipt</source>
        <translation>送修接机单(&amp;R)</translation>
    </message>
    <message>
        <source>Appliance ta&amp;g</source>
        <translation>机器标签(&amp;G)</translation>
    </message>
    <message>
        <source>Consultation logged and closed:</source>
        <translation>咨询已登记并关闭：</translation>
    </message>
    <message>
        <source>Ticket opened:</source>
        <translation>工单已创建：</translation>
    </message>
    <message>
        <source>chargeable</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>free of charge</source>
        <translation>免费</translation>
    </message>
</context>
<context>
    <name>PreferredWindow</name>
    <message>
        <source>Customer prefers a time</source>
        <translation>客户指定时间</translation>
    </message>
</context>
</TS>