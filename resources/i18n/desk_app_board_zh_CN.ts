<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>BoardActions</name>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" />
            <source>Assigned to the wrong technician</source>
            <translation>派错了技师</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" />
            <source>Take %1 from %2 and put it back in the unassigned queue? Why?</source>
            <translation>将 %1 从 %2 处撤回，放回待派队列？原因是什么？</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" />
            <source>The visit %1 is cancelled: the customer must be told.</source>
            <translation>%1 的上门预约将取消，须告知客户。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" />
            <source>Back to the queue: %1</source>
            <translation>退回待派：%1</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" />
            <source>Back to queue</source>
            <translation>退回待派</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" />
            <source>%1 is back in the queue</source>
            <translation>%1 已退回待派队列</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" />
            <source>Outside working time</source>
            <translation>非工作时间</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" />
            <source>Book it at %1 anyway?</source>
            <translation>仍然预约在 %1 吗？</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" />
            <source>Not booked: %1</source>
            <translation>未预约：%1</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" />
            <source>%1 is not a working day; the visit would be %2.</source>
            <translation>%1 不是工作日；上门时间将是 %2。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" />
            <source>%1 works %2–%3; the visit %4 is outside those hours.</source>
            <translation>%1 的工作时间是 %2–%3；上门时间 %4 不在其内。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" />
            <source>The visit %1 falls in a break: the working time is %2.</source>
            <translation>上门时间 %1 处于休息时间：工作时间为 %2。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="48" />
            <source>Customer asked for another time</source>
            <translation>客户要求改时间</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="49" />
            <source>Parts have not arrived</source>
            <translation>配件未到</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="50" />
            <source>Technician unavailable</source>
            <translation>技师无法到场</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="51" />
            <source>Previous job took longer</source>
            <translation>上一单耽误</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="52" />
            <source>Weather or traffic</source>
            <translation>天气或交通原因</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="58" />
            <source>Customer withdrew the request</source>
            <translation>客户撤销报修</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="59" />
            <source>Solved on the phone</source>
            <translation>电话指导已解决</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="60" />
            <source>Entered twice</source>
            <translation>重复录入</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="61" />
            <source>Customer cannot be reached</source>
            <translation>联系不上客户</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="82" />
            <source>A booked visit keeps a time: drop it on a time, or use Reschedule.</source>
            <translation>已预约的上门必须有时间：请拖到某个时间段，或使用“改约”。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="103" />
            <source>Reschedule %1</source>
            <translation>改约 %1</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="104" />
            <source>Move the visit from %1 to %2 %3. Why? The customer must be told.</source>
            <translation>上门时间从 %1 改为 %2 %3。原因是什么？须告知客户。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="112" />
            <source>Move visit</source>
            <translation>改约</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="124" />
            <source>%1 would have %2 visits on %3; the day's capacity is %4. Book anyway?</source>
            <translation>%1 在 %3 将有 %2 个上门，超出当天容量 %4。仍要安排吗？</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="129" />
            <source>%1 would have %2 visits on %3, using the room kept for emergencies (capacity %4). Book anyway?</source>
            <translation>%1 在 %3 将有 %2 个上门，占用了为紧急单预留的名额（容量 %4）。仍要安排吗？</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="143" />
            <source>Over capacity</source>
            <translation>超出容量</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="190" />
            <source>no time yet</source>
            <translation>未定时间</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="193" />
            <source>%1 → %2, %3</source>
            <translation>%1 → %2，%3</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="216" />
            <source>%1: technician arrived</source>
            <translation>%1：技师已到达</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="222" />
            <source>%1: waiting for parts, clock paused</source>
            <translation>%1：待配件，时限暂停计时</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="235" />
            <source>%1: appointment confirmed</source>
            <translation>%1：已确认预约</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="250" />
            <source>Cancel %1</source>
            <translation>取消 %1</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="251" />
            <source>Cancel this ticket? It leaves the board; the reason is recorded.</source>
            <translation>确定取消此工单？工单将从看板移除，原因会被记录。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="256" />
            <source>Cancel ticket</source>
            <translation>取消工单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="293" />
            <source>%1 rescheduled</source>
            <translation>%1 已改约</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="302" />
            <source>%1 cancelled</source>
            <translation>%1 已取消</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="316" />
            <source>%1 completed</source>
            <translation>%1 已完工</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="355" />
            <source>%1 assigned %2 first (%3): it is now with %4%5. Your change was not saved.</source>
            <translation>%1 已抢先派出 %2（%3）：现由 %4%5 负责。您的操作未保存。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/actions.py" line="370" />
            <source>The board now shows it as it is.</source>
            <translation>看板已刷新为最新情况。</translation>
        </message>
    </context>
    <context>
        <name>BoardPanel</name>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" />
            <source>&amp;Back to queue…</source>
            <translation>退回待派(&amp;B)…</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" />
            <source>Take the ticket from its technician back to the queue (or drop its card on the queue); asks for the reason</source>
            <translation>将工单从技师处撤回待派队列（也可把卡片拖回队列）；需填写原因</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="80" />
            <source>Who fits</source>
            <extracomment>the form's Assign (or Enter): technician id, start (datetime or None), length (timedelta) one of ACTIONS the form now points at technician id, start (the grid's cursor follows)</extracomment>
            <translation>合适的技师</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="82" />
            <location filename="../../desk_app/ui/dispatch/panel.py" line="334" />
            <source>Technician</source>
            <translation>技师</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="82" />
            <source>Free</source>
            <translation>空闲</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="82" />
            <source>Why</source>
            <translation>理由</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="93" />
            <source>Assign to the best fit at its free slot (Ctrl+B)</source>
            <translation>派给最合适的技师，排在其最早空闲时段（Ctrl+B）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="100" />
            <source>Assign / move</source>
            <translation>派工 / 改派</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="105" />
            <source>&amp;Assign (Enter)</source>
            <translation>派工(&amp;A)（回车）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="108" />
            <source>&amp;Technician</source>
            <translation>技师(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="109" />
            <source>&amp;Start</source>
            <translation>开始(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="110" />
            <source>Len&amp;gth</source>
            <translation>时长(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="115" />
            <source>Ticket</source>
            <translation>工单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="118" />
            <source>C&amp;onfirm visit</source>
            <translation>确认预约(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="119" />
            <source>Arri&amp;ved</source>
            <translation>已到达(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="120" />
            <source>Waiting for &amp;parts</source>
            <translation>待配件(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="121" />
            <source>Co&amp;mpleted…</source>
            <translation>完工(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="122" />
            <source>&amp;Reschedule…</source>
            <translation>改约(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="123" />
            <source>Cance&amp;l ticket…</source>
            <translation>取消工单(&amp;L)…</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="124" />
            <source>Open ticket</source>
            <translation>打开工单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="125" />
            <source>Print work orders</source>
            <translation>打印派工单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="128" />
            <source>The customer agreed the visit time (appointment confirmed)</source>
            <translation>客户已同意上门时间（已预约）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="129" />
            <source>The technician is at the customer: in service</source>
            <translation>技师已到客户处：服务中</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="130" />
            <source>Waiting for parts: the service clock pauses</source>
            <translation>待配件：服务时限暂停计时</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="131" />
            <source>Record cause, work done and charges; the ticket is completed</source>
            <translation>填写故障原因、处理措施和费用，工单完工</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="132" />
            <source>Move the visit to another time; asks for the reason</source>
            <translation>把上门改到其他时间，需填写原因</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="133" />
            <source>Cancel the ticket; asks for the reason</source>
            <translation>取消工单，需填写原因</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="134" />
            <source>Open the ticket (Ctrl+O, or double click its card)</source>
            <translation>打开工单（Ctrl+O，或双击卡片）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="136" />
            <source>Print the work orders of the technician chosen above for the day shown (Ctrl+P)</source>
            <translation>打印上面所选技师当天的派工单（Ctrl+P）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="168" />
            <source>No time yet</source>
            <translation>未定时间</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="247" />
            <source>No ticket selected</source>
            <translation>未选中工单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="250" />
            <source>Pick a ticket in the queue or on the board. Drag it onto a technician and time, or choose them below and press Enter.</source>
            <translation>在待派队列或看板上选中工单，拖到某位技师的某个时间；或在下方选择技师和时间后按回车。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="254" />
            <source>Assign to best (Ctrl+B)</source>
            <translation>派给最合适的技师（Ctrl+B）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="291" />
            <source>Assign to best: %1 %2 (Ctrl+B)</source>
            <translation>派给最合适的：%1 %2（Ctrl+B）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="327" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="328" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="329" />
            <source>Area</source>
            <translation>区域</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="330" />
            <source>Appliance</source>
            <translation>产品</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="338" />
            <source>Visit</source>
            <translation>上门</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/panel.py" line="343" />
            <source>Standard</source>
            <translation>时限</translation>
        </message>
        <message>
            <source>Customer asked for</source>
            <translation>客户期望时间</translation>
        </message>
    </context>
    <context>
        <name>BoardToolbar</name>
        <message>
            <location filename="../../desk_app/ui/dispatch/toolbar.py" line="30" />
            <source>Previous day (Alt+Left)</source>
            <extracomment>the dispatcher chose another day the filters changed: a services.board.Filters</extracomment>
            <translation>前一天（Alt+←）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/toolbar.py" line="32" />
            <source>Next day (Alt+Right)</source>
            <translation>后一天（Alt+→）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/toolbar.py" line="33" />
            <source>&amp;Today</source>
            <translation>今天(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/toolbar.py" line="41" />
            <source>All areas</source>
            <translation>全部区域</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/toolbar.py" line="42" />
            <source>All kinds</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/toolbar.py" line="46" />
            <source>All urgencies</source>
            <translation>全部紧急程度</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/toolbar.py" line="49" />
            <source>All technicians</source>
            <translation>全部技师</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/toolbar.py" line="50" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/toolbar.py" line="52" />
            <source>Reload the board (Ctrl+R); it also reloads by itself</source>
            <translation>重新加载看板（Ctrl+R）；看板也会自动刷新</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/toolbar.py" line="61" />
            <source>Area</source>
            <translation>区域</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/toolbar.py" line="62" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/toolbar.py" line="63" />
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/toolbar.py" line="64" />
            <source>Technician</source>
            <translation>技师</translation>
        </message>
    </context>
    <context>
        <name>CompletionDialog</name>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="213" />
            <source>Complete %1</source>
            <translation>完工 %1</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="220" />
            <source>The fault is solved</source>
            <translation>故障已排除</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="230" />
            <source>Fault &amp;cause</source>
            <translation>故障原因(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="231" />
            <source>&amp;Work done</source>
            <translation>处理措施(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="233" />
            <source>&amp;Labour</source>
            <translation>人工费(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="234" />
            <source>&amp;Travel</source>
            <translation>上门费(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="236" />
            <source>In warranty: no labour or travel charge.</source>
            <translation>保修期内：不收人工费和上门费。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="239" />
            <source>Complete</source>
            <translation>完工</translation>
        </message>
    </context>
    <context>
        <name>DayGrid</name>
        <message>
            <location filename="../../desk_app/ui/dispatch/paint.py" line="53" />
            <source>No technicians to show. A manager adds technicians; the technician filter may be hiding them.</source>
            <translation>没有可显示的技师。技师由经理添加；也可能被技师筛选隐藏了。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/paint.py" line="241" />
            <source>+%1 more…</source>
            <translation>还有 %1 个…</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/paint.py" line="276" />
            <source>No time yet</source>
            <translation>未定时间</translation>
        </message>
    </context>
    <context>
        <name>DayPrinter</name>
        <message>
            <location filename="../../desk_app/ui/dispatch/day_print.py" line="34" />
            <source>Choose a technician first.</source>
            <translation>请先选择技师。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/day_print.py" line="51" />
            <source>%1 has no visits booked on %2.</source>
            <translation>%1 在 %2 没有预约上门。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/day_print.py" line="134" />
            <source>Route sheet and work orders — %1 — %2</source>
            <translation>路线单和派工单 — %1 — %2</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/day_print.py" line="41" />
            <source>Print the day</source>
            <translation>打印当日工单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/day_print.py" line="45" />
            <source>Route sheet and work orders of %1 for %2.</source>
            <translation>打印 %1 在 %2 的路线单和派工单。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/day_print.py" line="51" />
            <source>Include completed tickets</source>
            <translation>包括已完工的工单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/day_print.py" line="59" />
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/day_print.py" line="122" />
            <source>%1 has no open visits on %2 (%3 completed; tick “Include completed tickets” to print them).</source>
            <translation>%1 在 %2 没有未完成的上门（已完工 %3 单；勾选“包括已完工的工单”即可打印）。</translation>
        </message>
    </context>
    <context>
        <name>DispatchBoard</name>
        <message>
            <location filename="../../desk_app/ui/dispatch/board.py" line="227" />
            <source>&amp;Unassigned: %1 (%2 overdue, %3 at risk)</source>
            <extracomment>a load was applied (tests and the benchmark wait for it)</extracomment>
            <translation>待派(&amp;U)：%1（超时 %2，临近超时 %3）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/board.py" line="233" />
            <source>%1: %2 of %3 visits booked for %4 technicians · %5 assigned without a time</source>
            <translation>%1：%4 位技师已约 %2 / %3 个上门 · %5 个已派未定时间</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/board.py" line="244" />
            <source>⚠ Over capacity on %1: %2</source>
            <translation>⚠ %1 超出容量：%2</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/board.py" line="302" />
            <source>Pick a ticket first (in the queue or on the board).</source>
            <translation>请先选中一个工单（在待派队列或看板上）。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/model.py" line="57" />
            <source>covers the area</source>
            <translation>负责该区域</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/model.py" line="58" />
            <source>works other areas</source>
            <translation>负责其他区域</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/model.py" line="59" />
            <source>has the skill</source>
            <translation>具备技能</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/model.py" line="60" />
            <source>lacks the skill</source>
            <translation>不具备技能</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/model.py" line="61" />
            <source>has room that day</source>
            <translation>当天有余量</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/model.py" line="62" />
            <source>day is full</source>
            <translation>当天已满</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/model.py" line="63" />
            <source>free slot soon</source>
            <translation>很快有空档</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/model.py" line="303" />
            <source>Area: %1</source>
            <translation>区域：%1</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/model.py" line="305" />
            <source>Appliance: %1</source>
            <translation>产品：%1</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/model.py" line="308" />
            <source>Visit: %1–%2</source>
            <translation>上门：%1–%2</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/model.py" line="319" />
            <source>%1/%2 visits</source>
            <translation>%1/%2 个上门</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/model.py" line="324" />
            <source>%1 reserved</source>
            <translation>预留 %1</translation>
        </message>
        <message>
            <source>free when the customer asked</source>
            <translation>客户期望的时间有空</translation>
        </message>
        <message>
            <source>Customer asked for: %1</source>
            <translation>客户期望时间：%1</translation>
        </message>
        <message>
            <source>asks %1</source>
            <translation>期望 %1</translation>
        </message>
    </context>
    <context>
        <name>OverrideDialog</name>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="170" />
            <source>Double booking</source>
            <translation>时间冲突</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="184" />
            <source>Book this visit at the same time only if you know both can be done; the reason is recorded.</source>
            <translation>只有确定两单都能完成时才可同时安排；原因会被记录。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="191" />
            <source>e.g. both jobs in the same building</source>
            <translation>例如：两单在同一栋楼</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="194" />
            <source>&amp;Reason</source>
            <translation>原因(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="195" />
            <source>Book anyway</source>
            <translation>仍然安排</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="97" />
            <source>Pick or type the reason</source>
            <translation>选择或输入原因</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="100" />
            <source>&amp;Reason</source>
            <translation>原因(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>RescheduleDialog</name>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="132" />
            <source>Reschedule %1</source>
            <translation>改约 %1</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="133" />
            <source>The visit is booked %1 %2–%3. The customer must be told the new time.</source>
            <translation>原定上门 %1 %2–%3。新时间须告知客户。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="141" />
            <source>Reschedule</source>
            <translation>改约</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="154" />
            <source>&amp;Day</source>
            <translation>日期(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="155" />
            <source>&amp;Start</source>
            <translation>开始(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="156" />
            <source>&amp;Length</source>
            <translation>时长(&amp;L)</translation>
        </message>
    </context>
    <context>
        <name>VisitLength</name>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="47" />
            <source>%1 min</source>
            <translation>%1 分钟</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/dispatch/dialogs.py" line="48" />
            <source>%1 h</source>
            <translation>%1 小时</translation>
        </message>
    </context>
    <context>
        <name>QueueView</name>
        <message>
            <location filename="../../desk_app/ui/dispatch/cards.py" />
            <source>Drop here to take the ticket back to the queue (asks why)</source>
            <translation>拖到这里把工单退回待派队列（需填写原因）</translation>
        </message>
    </context>
</TS>