<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>CallPanel</name>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="67" />
            <source>Ticket</source>
            <translation>工单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="68" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="69" />
            <source>Appliance</source>
            <translation>产品</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="70" />
            <source>Fault as described</source>
            <translation>故障现象</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="71" />
            <source>Cause found</source>
            <translation>故障原因</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="72" />
            <source>Work done</source>
            <translation>处理措施</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="73" />
            <source>Technician</source>
            <translation>服务工程师</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="74" />
            <source>Completed</source>
            <translation>完工时间</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="75" />
            <source>Calls so far</source>
            <translation>已回访</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="76" />
            <source>Feedback form</source>
            <translation>服务反馈单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="82" />
            <source>%1:</source>
            <translation>%1：</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="88" />
            <source>&amp;Reached: the customer answered</source>
            <translation>已接通，客户作答(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="89" />
            <source>&amp;Not reached</source>
            <translation>未接通(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="90" />
            <source>&amp;Declined to rate</source>
            <translation>拒绝评价(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="101" />
            <source>What the customer said</source>
            <translation>客户原话</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="104" />
            <source>Record &amp;call</source>
            <translation>保存回访(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="105" />
            <source>Save the outcome of this call (Ctrl+S)</source>
            <translation>保存本次回访结果（Ctrl+S）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="115" />
            <source>Outcome</source>
            <translation>回访结果</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="117" />
            <source>Ratings</source>
            <translation>评价</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="118" />
            <source>C&amp;omments</source>
            <translation>意见(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="122" />
            <source>The call</source>
            <translation>本次回访</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="131" />
            <source>Open &amp;complaint…</source>
            <translation>登记投诉(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="135" />
            <source>Ne&amp;xt in the queue</source>
            <translation>下一位(&amp;X)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="141" />
            <source>Recorded</source>
            <translation>已保存</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="146" />
            <source>Pick a ticket in the queue to call the customer.</source>
            <translation>在左侧队列中选择工单，开始回访客户。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="190" />
            <source>(no phone)</source>
            <translation>（无电话）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="199" />
            <source>(not resolved on the visit)</source>
            <translation>（上门未解决）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="203" />
            <source>none yet</source>
            <translation>尚未回访</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="206" />
            <source>%1 not reached, the last on %2</source>
            <translation>%1 次未接通，最近一次 %2</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="212" />
            <source>not back yet</source>
            <translation>尚未交回</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="281" />
            <source>Not reached (attempt %1). The next attempt is due %2.</source>
            <translation>未接通（第 %1 次）。下次回访时间：%2。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="287" />
            <source>Not reached (attempt %1): no attempts left. The ticket goes to the manager's list of customers not reached.</source>
            <translation>未接通（第 %1 次）：回访次数已用完，工单转入经理的“无法联系客户”清单。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="291" />
            <source>The customer declined to rate. The ticket is followed up.</source>
            <translation>客户拒绝评价。工单已回访。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="294" />
            <source>Reached: %1. The ticket is followed up.</source>
            <translation>已接通：%1。工单已回访。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="298" />
            <source>The customer is dissatisfied.</source>
            <translation>客户不满意。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="318" />
            <source>%1 recorded a call of this ticket at %2, after you opened it. The queue is reloaded; what you typed is kept.</source>
            <translation>%1 已于 %2 回访了该工单（在您打开之后）。队列已刷新，您填写的内容已保留。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="327" />
            <source>This ticket was already followed up by someone else.</source>
            <translation>该工单已由其他同事回访。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/call.py" line="348" />
            <source>Complaint %1 opened.</source>
            <translation>已登记投诉 %1。</translation>
        </message>
    </context>
    <context>
        <name>ComplaintHistory</name>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="65" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="66" />
            <source>Ticket</source>
            <translation>工单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="67" />
            <source>Technician</source>
            <translation>服务工程师</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="68" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="69" />
            <source>Received</source>
            <translation>受理时间</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="70" />
            <source>Handler</source>
            <translation>处理人</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="71" />
            <source>First answer</source>
            <translation>首次答复</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="72" />
            <source>Solution</source>
            <translation>解决方案</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="73" />
            <source>Outcome</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="76" />
            <source>%1:</source>
            <translation>%1：</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="85" />
            <source>Open ticket</source>
            <translation>查看工单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="96" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="97" />
            <source>Who</source>
            <translation>人员</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="98" />
            <source>Step</source>
            <translation>步骤</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="99" />
            <source>What was said or done</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="121" />
            <source>Pick a complaint in the list to see its history.</source>
            <translation>在左侧列表中选择投诉，查看处理全过程。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="130" />
            <source>The customer's words</source>
            <translation>客户原话</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="132" />
            <source>History</source>
            <translation>处理记录</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="185" />
            <source>%1 · escalated</source>
            <translation>%1 · 已升级</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="194" />
            <location filename="../../desk_app/ui/care/complaints/history.py" line="195" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="203" />
            <source>round %1</source>
            <translation>第 %1 轮</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="220" />
            <source>satisfaction %1 (%2)</source>
            <translation>满意度 %1（%2）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="226" />
            <source>closed %1</source>
            <translation>%1 关闭</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="232" />
            <source>(not resolved yet)</source>
            <translation>（尚未解决）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/history.py" line="236" />
            <source>due %1 — %2</source>
            <translation>期限 %1 — %2</translation>
        </message>
        <message>
            <source>Hand to another &amp;handler…</source>
            <translation>转交其他处理人(&amp;H)…</translation>
        </message>
    </context>
    <context>
        <name>ComplaintIntakeDialog</name>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="73" />
            <source>Complaint from a follow-up call</source>
            <translation>回访转投诉</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="73" />
            <source>New complaint</source>
            <translation>登记投诉</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="88" />
            <source>C&amp;hange</source>
            <translation>更换(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="115" />
            <source>What the customer says, in their words</source>
            <translation>客户的原话</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="120" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="121" />
            <source>&amp;Ticket</source>
            <translation>工单(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="122" />
            <source>T&amp;echnician</source>
            <translation>服务工程师(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="123" />
            <source>Cha&amp;nnel</source>
            <translation>投诉渠道(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="124" />
            <source>C&amp;ategory</source>
            <translation>投诉类别(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="125" />
            <source>&amp;Severity</source>
            <translation>严重程度(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="127" />
            <source>Customer's &amp;words</source>
            <translation>客户原话(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="130" />
            <source>&amp;Record complaint</source>
            <translation>登记投诉(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="180" />
            <source>(no ticket)</source>
            <translation>（无关联工单）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="200" />
            <source>Find the customer:</source>
            <translation>请查找客户：</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="200" />
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="203" />
            <source>(pick the customer first)</source>
            <translation>（请先选择客户）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="212" />
            <source>(the ticket's technician, if any)</source>
            <translation>（工单的服务工程师）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="228" />
            <source>First answer within %1 h, solution within %2 h.</source>
            <translation>%1 小时内首次答复，%2 小时内给出解决方案。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/dialogs.py" line="280" />
            <source>Pick the customer who complains.</source>
            <translation>请选择投诉的客户。</translation>
        </message>
    </context>
    <context>
        <name>ComplaintLabels</name>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="18" />
            <source>Service attitude</source>
            <translation>服务态度</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="21" />
            <source>Delay</source>
            <translation>服务延误</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="22" />
            <source>Quality of repair</source>
            <translation>维修质量</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="25" />
            <source>Charges</source>
            <translation>收费问题</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="26" />
            <source>Parts</source>
            <translation>配件问题</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="27" />
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="33" />
            <source>Low</source>
            <translation>轻微</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="34" />
            <source>Medium</source>
            <translation>一般</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="35" />
            <source>High</source>
            <translation>严重</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="45" />
            <source>Complaint recorded</source>
            <translation>受理投诉</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="46" />
            <source>Investigation note</source>
            <translation>调查记录</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="47" />
            <source>First answer to the customer</source>
            <translation>首次答复客户</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="50" />
            <source>Solution proposed</source>
            <translation>提出解决方案</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="51" />
            <source>Customer accepted</source>
            <translation>客户接受</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="52" />
            <source>Customer rejected</source>
            <translation>客户不接受</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="53" />
            <source>Overdue: escalated to the manager</source>
            <translation>超时，已升级至经理</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="56" />
            <source>Handed to another handler</source>
            <translation>转交处理人</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="59" />
            <source>Closed</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="66" />
            <source>Attitude</source>
            <translation>服务态度</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="67" />
            <source>Professionalism</source>
            <translation>专业水平</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="68" />
            <source>Timeliness</source>
            <translation>及时性</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="69" />
            <source>Effectiveness</source>
            <translation>维修效果</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="70" />
            <source>Overall</source>
            <translation>总体评价</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="78" />
            <source>Very satisfied</source>
            <translation>非常满意</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="79" />
            <source>Satisfied</source>
            <translation>满意</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="80" />
            <source>Neutral</source>
            <translation>一般</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="81" />
            <source>Dissatisfied</source>
            <translation>不满意</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="82" />
            <source>Very dissatisfied</source>
            <translation>非常不满意</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/labels.py" line="96" />
            <source>, </source>
            <translation>，</translation>
        </message>
    </context>
    <context>
        <name>ComplaintSteps</name>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="50" />
            <source>Next step</source>
            <translation>下一步</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="57" />
            <source>What was said or done: the note, the answer, the solution, the reason</source>
            <translation>填写内容：调查记录、答复、解决方案或关闭原因</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="64" />
            <source>(not asked)</source>
            <translation>（未询问）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="72" />
            <source>Customer's satisfaction with the resolution:</source>
            <translation>客户对处理结果的满意度：</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="80" />
            <source>Add &amp;note</source>
            <translation>添加记录(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="80" />
            <source>An investigation note; changes nothing else</source>
            <translation>调查记录，不改变投诉状态</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="81" />
            <source>First &amp;answer</source>
            <translation>首次答复(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="81" />
            <source>The first answer given to the customer</source>
            <translation>给客户的首次答复</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="82" />
            <source>&amp;Propose solution</source>
            <translation>提出方案(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="82" />
            <source>The solution offered</source>
            <translation>向客户提出的解决方案</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="85" />
            <source>Customer a&amp;ccepted</source>
            <translation>客户接受(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="86" />
            <source>The customer accepts: resolved, with their satisfaction</source>
            <translation>客户接受方案：投诉已解决，并记录满意度</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="90" />
            <source>Customer &amp;rejected</source>
            <translation>客户不接受(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="91" />
            <source>Not accepted: back to work with what the customer said</source>
            <translation>客户不接受：记录客户意见，重新处理</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="93" />
            <source>C&amp;lose</source>
            <translation>关闭(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="93" />
            <source>Close the complaint (a reason if unresolved)</source>
            <translation>关闭投诉（未解决时须填写原因）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="126" />
            <source>Close without a resolution: give the reason.</source>
            <translation>未解决即关闭：请填写原因。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="128" />
            <source>Only a manager closes a complaint that is not resolved.</source>
            <translation>未解决的投诉只能由经理关闭。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/steps.py" line="197" />
            <source>This step is not possible in the complaint's current state; someone may have moved it on. It is shown as it is now; your text is kept.</source>
            <translation>投诉当前状态不允许此操作，可能已被同事处理。已显示最新状态，您填写的内容已保留。</translation>
        </message>
    </context>
    <context>
        <name>ComplaintsScreen</name>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="86" />
            <source>Show them</source>
            <translation>查看</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="90" />
            <source>Complaints</source>
            <translation>投诉跟踪</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="94" />
            <source>Open (not resolved)</source>
            <translation>处理中（未解决）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="95" />
            <source>Overdue</source>
            <translation>已超时</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="96" />
            <source>Escalated to the manager</source>
            <translation>已升级至经理</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="97" />
            <source>Resolved, not closed</source>
            <translation>已解决，未关闭</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="98" />
            <source>Closed</source>
            <translation>已关闭</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="99" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="102" />
            <source>&amp;Mine</source>
            <translation>我的(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="104" />
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="108" />
            <source>All technicians</source>
            <translation>全部工程师</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="109" />
            <source>&amp;New complaint…</source>
            <translation>登记投诉(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="116" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="128" />
            <source>Number</source>
            <translation>投诉编号</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="129" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="131" />
            <source>Clock</source>
            <translation>时限</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="137" />
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="141" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="142" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="144" />
            <source>Received</source>
            <translation>受理时间</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="148" />
            <source>Technician</source>
            <translation>服务工程师</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="149" />
            <source>Ticket</source>
            <translation>工单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="150" />
            <source>Handler</source>
            <translation>处理人</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="184" />
            <source>Your role does not handle complaints.</source>
            <translation>您的岗位不处理投诉。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="231" />
            <source>%1 complaint(s)</source>
            <translation>共 %1 件投诉</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="233" />
            <source>%1 overdue</source>
            <translation>%1 件超时</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="257" />
            <source>%1 overdue complaint(s) escalated to you, the oldest since %2.</source>
            <translation>有 %1 件超时投诉已升级给您，最早的自 %2 起。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="303" />
            <source>answer</source>
            <translation>答复</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="303" />
            <source>solution</source>
            <translation>解决</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/complaints/screen.py" line="304" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
    </context>
    <context>
        <name>FeedbackEntry</name>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="78" />
            <source>Feedback forms</source>
            <translation>服务反馈单录入</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="87" />
            <source>Scan the code on the form, or type the ticket number and press Enter. Then keys 1–5 for the five rows (5 = very satisfied), the comments, and Enter saves. Shift+Enter starts a new line in the comments, Esc clears.</source>
            <translation>扫描反馈单上的条码，或输入工单号后按回车。然后用数字键 1–5 依次录入五项评价（5 = 非常满意），填写意见，按回车保存。意见中按 Shift+回车换行，按 Esc 清空。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="97" />
            <source>S20261123-0001</source>
            <translation>S20261123-0001</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="105" />
            <source>What the customer wrote on the form</source>
            <translation>客户在反馈单上填写的意见</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="109" />
            <source>&amp;Ticket</source>
            <translation>工单号(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="111" />
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="131" />
            <source>Ratings</source>
            <translation>评价</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="112" />
            <source>&amp;Comments</source>
            <translation>客户意见(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="114" />
            <source>Clear (Esc)</source>
            <translation>清空（Esc）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="115" />
            <source>&amp;Save form (Enter)</source>
            <translation>保存反馈单（回车）(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="126" />
            <source>Entered</source>
            <translation>录入时间</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="128" />
            <source>Ticket</source>
            <translation>工单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="129" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="135" />
            <source>Comments</source>
            <translation>意见</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="155" />
            <source>Entered in this session (newest first)</source>
            <translation>本次已录入（最新在前）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="169" />
            <source>Your role does not enter feedback forms.</source>
            <translation>您的岗位不录入服务反馈单。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="186" />
            <source>The form of %1 is not saved yet. Save it (Enter) or clear it (Esc), then scan %2 again.</source>
            <translation>工单 %1 的反馈单尚未保存。请先保存（回车）或清空（Esc），再重新扫描 %2。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="232" />
            <source>%1 is not completed yet (%2): its form is entered after completion.</source>
            <translation>工单 %1 尚未完工（%2）：完工后才能录入反馈单。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="241" />
            <source>completed %1</source>
            <translation>%1 完工</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="257" />
            <source>Already entered: the form of %1 (%2) was entered on %3 by %4, ratings %5. A form is entered only once.</source>
            <translation>重复录入：工单 %1（%2）的反馈单已于 %3 由 %4 录入，评价 %5。每张反馈单只能录入一次。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="276" />
            <source>No ticket has the number %1.</source>
            <translation>没有工单号为 %1 的工单。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="331" />
            <source>Saved the form of %1 %2: %3.</source>
            <translation>已保存 %1 %2 的反馈单：%3。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="337" />
            <source>Dissatisfied: this ticket is called back first.</source>
            <translation>客户不满意：该工单将优先回访。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/feedback_entry.py" line="373" />
            <source>%1 form(s) entered this session</source>
            <translation>本次已录入 %1 张</translation>
        </message>
    </context>
    <context>
        <name>FollowupsScreen</name>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" />
            <source>Print &amp;feedback form</source>
            <translation>打印反馈单(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" />
            <source>A fresh feedback form (服务反馈单) of the chosen ticket, to send the customer</source>
            <translation>打印所选工单的一份新服务反馈单，寄给客户</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" line="50" />
            <source>Follow-up calls</source>
            <translation>客户回访</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" line="55" />
            <source>Show customers &amp;not reached after all attempts</source>
            <translation>显示多次未接通的客户(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" line="57" />
            <source>Re&amp;load</source>
            <translation>刷新(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" line="71" />
            <source>Completed</source>
            <translation>完工时间</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" line="75" />
            <source>Ticket</source>
            <translation>工单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" line="76" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" line="77" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" line="78" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" line="79" />
            <source>Technician</source>
            <translation>服务工程师</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" line="80" />
            <source>Calls</source>
            <translation>回访</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" line="82" />
            <source>Form</source>
            <translation>反馈单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" line="122" />
            <source>Follow-up calls are made by the follow-up specialist or the manager.</source>
            <translation>客户回访由回访专员或经理进行。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" line="139" />
            <location filename="../../desk_app/ui/care/followups/screen.py" line="168" />
            <source>%1 not reached</source>
            <translation>%1 次未接通</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" line="145" />
            <source>%1 dissatisfied</source>
            <translation>%1 不满意</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/followups/screen.py" line="170" />
            <source>%1 to call</source>
            <translation>待回访 %1</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceScreen</name>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="56" />
            <source>Show the ticket</source>
            <translation>查看工单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="60" />
            <source>Maintenance reminders</source>
            <translation>维护提醒</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="65" />
            <source>All appliances</source>
            <translation>全部产品</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="69" />
            <source>&amp;Open maintenance ticket</source>
            <translation>创建保养工单(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="73" />
            <source>C&amp;ustomer</source>
            <translation>客户资料(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="78" />
            <source>Due by</source>
            <translation>截至</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="88" />
            <source>Due on</source>
            <translation>应保养日期</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="90" />
            <source>Overdue</source>
            <translation>已超期</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="95" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="96" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="98" />
            <source>Appliance</source>
            <translation>产品</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="101" />
            <source>Serial</source>
            <translation>序列号</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="102" />
            <source>Since</source>
            <translation>起算</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="104" />
            <source>Every</source>
            <translation>周期</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="105" />
            <location filename="../../desk_app/ui/care/maintenance.py" line="151" />
            <source>%1 months</source>
            <translation>%1 个月</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="107" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="146" />
            <source>due</source>
            <translation>到期</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="148" />
            <source>%1 days</source>
            <translation>%1 天</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="152" />
            <source>%1 years</source>
            <translation>%1 年</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="156" />
            <source>maintained</source>
            <translation>上次保养</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="158" />
            <source>bought</source>
            <translation>购买</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="160" />
            <source>installed</source>
            <translation>安装</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="197" />
            <source>%1 due</source>
            <translation>%1 台到期</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="240" />
            <source>Maintenance ticket %1 opened for %2 (%3).</source>
            <translation>已为 %2（%3）创建保养工单 %1。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/care/maintenance.py" line="255" />
            <source>A maintenance ticket (%1) is already open for this appliance.</source>
            <translation>该产品已有未完成的保养工单（%1）。</translation>
        </message>
    </context>
    <context>
        <name>RatingsInput</name>
        <message>
            <location filename="../../desk_app/ui/common/rating_input.py" line="39" />
            <source>Keys 1–5 answer the highlighted row: 5 very satisfied … 1 very dissatisfied</source>
            <translation>数字键 1–5 录入高亮的一项：5 非常满意 … 1 非常不满意</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/common/rating_input.py" line="123" />
            <source>Answer every row: %1.</source>
            <translation>请录入每一项：%1。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/common/rating_input.py" line="124" />
            <source>, </source>
            <translation>、</translation>
        </message>
    </context>
    <context>
        <name>ReassignDialog</name>
        <message>
            <source>Hand complaint %1 to another handler</source>
            <translation>将投诉 %1 转交其他处理人</translation>
        </message>
        <message>
            <source>(nobody)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>(choose)</source>
            <translation>（请选择）</translation>
        </message>
        <message>
            <source>Why, and what the new handler should know (optional)</source>
            <translation>转交原因，以及新处理人需要了解的情况（选填）</translation>
        </message>
        <message>
            <source>Handled by</source>
            <translation>当前处理人</translation>
        </message>
        <message>
            <source>&amp;Hand to</source>
            <translation>转交给(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>备注(&amp;N)</translation>
        </message>
        <message>
            <source>Hand &amp;over</source>
            <translation>转交(&amp;O)</translation>
        </message>
        <message>
            <source>Choose who takes the complaint over.</source>
            <translation>请选择接手该投诉的人。</translation>
        </message>
    </context>
</TS>
