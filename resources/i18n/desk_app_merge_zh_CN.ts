<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>Comparison</name>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="331" />
            <source>Pick the duplicate in the list above to compare it with this customer.</source>
            <translation>在上方列表中选择重复的客户，与此客户对比。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="341" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="342" />
            <source>Phones</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="343" />
            <source>Addresses</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="344" />
            <source>Company</source>
            <translation>单位</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="345" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="346" />
            <source>Tickets</source>
            <translation>工单</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="347" />
            <source>Appliances</source>
            <translation>电器</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="348" />
            <source>Complaints</source>
            <translation>投诉</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="350" />
            <source>Keep: this customer</source>
            <translation>保留：此客户</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="350" />
            <source>Merge: the duplicate</source>
            <translation>并入：重复的客户</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="394" />
            <source>Marked “already there”: this customer has it, so it is not copied.</source>
            <translation>标有“已有”的项此客户已经有了，不再重复添加。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="397" />
            <source>The names differ: this customer keeps its own name.</source>
            <translation>姓名不同：此客户保留自己的姓名。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="400" />
            <source>An empty company is taken from the duplicate, and the duplicate's notes are added to this customer's.</source>
            <translation>此客户单位为空时采用重复客户的单位，重复客户的备注会追加到此客户的备注中。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="407" />
            <source>(already there)</source>
            <translation>（已有）</translation>
        </message>
    </context>
    <context>
        <name>CustomerMerge</name>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="76" />
            <source>&amp;Merge a duplicate into this customer…</source>
            <translation>合并重复客户到此客户(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="80" />
            <source>Merges</source>
            <translation>合并记录</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="86" />
            <source>Customer %1 (no. %2) was merged into this customer; showing this one instead.</source>
            <translation>客户 %1（编号 %2）已并入此客户，现显示此客户。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="97" />
            <source>%1 merged this customer into another one. Your unsaved typing is still in the form but cannot be saved here; copy what you need, then open the surviving customer.</source>
            <translation>%1 已将此客户并入另一位客户。您未保存的输入仍在表单中，但无法在此保存；请复制所需内容，然后打开保留的客户。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="105" />
            <source>&amp;Open the surviving customer</source>
            <translation>打开保留的客户(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="110" />
            <source>Tickets %1, appliances %2, complaints %3, phones %4, addresses %5</source>
            <translation>工单 %1，电器 %2，投诉 %3，电话 %4，地址 %5</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="143" />
            <source>Merge a duplicate into %1</source>
            <translation>将重复客户并入 %1</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="151" />
            <source>Find the duplicate of %1. Its tickets, appliances and complaints, and the phones and addresses %1 does not have yet, move to %1; the duplicate no longer appears in searches. The merge can be undone on the Merges tab.</source>
            <translation>查找 %1 的重复客户。它的工单、电器、投诉，以及 %1 还没有的电话和地址，都将转到 %1 名下；重复的客户不再出现在查询结果中。合并可在“合并记录”页撤销。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="159" />
            <source>The duplicate's name, pinyin, phone, address, serial or ticket number</source>
            <translation>重复客户的姓名、拼音、电话、地址、序列号或工单号</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="164" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="165" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="166" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="182" />
            <source>&amp;Merge into %1</source>
            <translation>并入 %1(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="240" />
            <source>Type to search; then pick the duplicate in the list.</source>
            <translation>输入以查询，然后在列表中选择重复的客户。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="242" />
            <source>No other customer found.</source>
            <translation>未找到其他客户。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="244" />
            <source>%1 customer(s) found; pick the duplicate.</source>
            <translation>找到 %1 位客户，请选择重复的客户。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge.py" line="311" />
            <source>Check the comparison again, then merge.</source>
            <translation>请重新核对对比内容，再合并。</translation>
        </message>
    </context>
    <context>
        <name>MergeHistory</name>
        <message>
            <location filename="../../desk_app/ui/customers/merge_history.py" line="42" />
            <source>Merged on</source>
            <translation>合并时间</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge_history.py" line="43" />
            <source>Customers</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge_history.py" line="44" />
            <source>By</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge_history.py" line="55" />
            <source>Moved</source>
            <translation>转移内容</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge_history.py" line="46" />
            <source>Undone</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge_history.py" line="48" />
            <source>%1 by %2</source>
            <translation>%1 由 %2 撤销</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge_history.py" line="60" />
            <source>No merges.</source>
            <translation>没有合并记录。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge_history.py" line="63" />
            <source>&amp;Undo merge…</source>
            <translation>撤销合并(&amp;U)…</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge_history.py" line="65" />
            <source>Give the merged customer back everything the merge moved</source>
            <translation>把合并时转走的全部内容还给被合并的客户</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge_history.py" line="84" />
            <source>%1 into %2</source>
            <translation>%1 并入 %2</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge_history.py" line="122" />
            <source>Undo merge</source>
            <translation>撤销合并</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge_history.py" line="124" />
            <source>Undo the merge of %1 into %2?</source>
            <translation>撤销 %1 并入 %2 的合并？</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge_history.py" line="129" />
            <source>%1 gets back what the merge moved (%2) and appears in searches again.</source>
            <translation>%1 将取回合并时转走的内容（%2），并重新出现在查询结果中。</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge_history.py" line="134" />
            <source>&amp;Undo merge</source>
            <translation>撤销合并(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/customers/merge_history.py" line="159" />
            <source>The merge was undone: %1 is a customer of its own again.</source>
            <translation>合并已撤销：%1 重新成为独立的客户。</translation>
        </message>
    </context>
</TS>