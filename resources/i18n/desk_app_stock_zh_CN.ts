<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdjustmentDialog</name>
    <message>
        <source>Adjust stock</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>More on the shelf than recorded (+)</source>
        <translation>货架上比账上多（+）</translation>
    </message>
    <message>
        <source>Fewer on the shelf than recorded (−)</source>
        <translation>货架上比账上少（−）</translation>
    </message>
    <message>
        <source>Found on the shelf</source>
        <translation>货架上找到</translation>
    </message>
    <message>
        <source>Broken in the store</source>
        <translation>库内损坏</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>Counted wrongly before</source>
        <translation>之前点错</translation>
    </message>
    <message>
        <source>why the shelf differs (required)</source>
        <translation>与账不符的原因（必填）</translation>
    </message>
    <message>
        <source>&amp;Part</source>
        <translation>配件(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>库位(&amp;L)</translation>
    </message>
    <message>
        <source>On hand now</source>
        <translation>当前在库</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>变动(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Adjust</source>
        <translation>调整(&amp;A)</translation>
    </message>
</context>
<context>
    <name>CountLines</name>
    <message>
        <source>not yet</source>
        <translation>未盘</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Spec / model</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>账面</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>差异金额</translation>
    </message>
    <message>
        <source>Choose a location and start a stocktake, or continue an open one.</source>
        <translation>请选择库位开始盘点，或继续进行中的盘点。</translation>
    </message>
    <message>
        <source>Stocktake No. %1 · %2 · started %3 by %4 · %5</source>
        <translation>盘点 %1 号 · %2 · %4 于 %3 开始 · %5</translation>
    </message>
    <message>
        <source>(%1, %2)</source>
        <translation>（%1，%2）</translation>
    </message>
    <message>
        <source>%1 of %2 parts counted.</source>
        <translation>已盘 %1 / %2 种配件。</translation>
    </message>
    <message>
        <source>%1 variance(s), value %2.</source>
        <translation>%1 处差异，金额 %2。</translation>
    </message>
    <message>
        <source>Post %1 variance(s), value %2, as adjustments to %3?</source>
        <translation>将 %1 处差异（金额 %2）作为调整过账到 %3？</translation>
    </message>
    <message>
        <source>%1 part(s) were not counted: posting counts them as ZERO (not on the shelf), taking %2 unit(s) worth %3 off the books.</source>
        <translation>有 %1 种配件未盘点：过账时按“零”计（货架上没有），账面将减少 %2 件，价值 %3。</translation>
    </message>
</context>
<context>
    <name>DamagedPanel</name>
    <message>
        <source>Only those awaiting a decision</source>
        <translation>只看待处置的</translation>
    </message>
    <message>
        <source>&amp;Register returned part…</source>
        <translation>登记返还旧件(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Decide disposition…</source>
        <translation>确定处置方式(&amp;D)…</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>处置时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>处置人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1 returned part(s) shown, %2 awaiting a decision.</source>
        <translation>显示 %1 件返还旧件，其中 %2 件待处置。</translation>
    </message>
    <message>
        <source>Print &amp;slip…</source>
        <translation>打印返还单(&amp;S)…</translation>
    </message>
    <message>
        <source>The returned-part slip of the selected part</source>
        <translation>打印所选旧件的旧件返还单</translation>
    </message>
    <message>
        <source>Returned-part slip %1</source>
        <translation>旧件返还单 %1</translation>
    </message>
</context>
<context>
    <name>DispositionDialog</name>
    <message>
        <source>Disposition of a returned part</source>
        <translation>返还旧件的处置</translation>
    </message>
    <message>
        <source>e.g. claim number, supplier's return note</source>
        <translation>例如索赔单号、供应商退货单号</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>&amp;Disposition</source>
        <translation>处置方式(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>This is decided once and cannot be changed.</source>
        <translation>处置方式只能确定一次，之后不能更改。</translation>
    </message>
    <message>
        <source>&amp;Decide</source>
        <translation>确定(&amp;D)</translation>
    </message>
</context>
<context>
    <name>EmergencyIssueDialog</name>
    <message>
        <source>Emergency issue without a requisition</source>
        <translation>应急出库（无领用单）</translation>
    </message>
    <message>
        <source>Only when the parts cannot wait for a requisition: the requisition is written and issued at once, from free units, and the reason is kept.</source>
        <translation>仅在配件等不及开领用单时使用：系统会立即生成领用单并出库，只动用可用库存，并记录原因。</translation>
    </message>
    <message>
        <source>ticket number, e.g. S20261123-0001, then Enter</source>
        <translation>工单号，例如 S20261123-0001，然后按回车</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>no serial</source>
        <translation>无序列号</translation>
    </message>
    <message>
        <source>why it could not wait, e.g. customer waiting on site, fridge off</source>
        <translation>为何不能等，例如：客户在现场等待、冰箱已停机</translation>
    </message>
    <message>
        <source>&amp;Ticket</source>
        <translation>工单(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;echnician</source>
        <translation>工程师(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Part</source>
        <translation>配件(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>出库位置(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>Se&amp;rial fitted</source>
        <translation>新件序列号(&amp;R)</translation>
    </message>
    <message>
        <source>Serial taken &amp;out</source>
        <translation>旧件序列号(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Why now</source>
        <translation>应急原因(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Issue now</source>
        <translation>立即出库(&amp;I)</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>scan the new part's serial</source>
        <translation>扫描新件序列号</translation>
    </message>
    <message>
        <source>serial of the faulty part, if known</source>
        <translation>拆下旧件的序列号（如已知）</translation>
    </message>
    <message>
        <source>Enter the ticket number and press Enter.</source>
        <translation>请输入工单号并按回车。</translation>
    </message>
    <message>
        <source>Pick a part: type its code or scan it, then Enter.</source>
        <translation>请选择配件：输入编码或扫描条码后按回车。</translation>
    </message>
    <message>
        <source>Enter the serial of the part handed out (scan its label).</source>
        <translation>请录入发出配件的序列号（扫描其标签）。</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Issue requisition %1</source>
        <translation>领用单 %1 出库</translation>
    </message>
    <message>
        <source>Ticket %1 · technician %2 · raised by %3 at %4</source>
        <translation>工单 %1 · 工程师 %2 · 由 %3 于 %4 开单</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>From</source>
        <translation>出库位置</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Serial fitted</source>
        <translation>新件序列号</translation>
    </message>
    <message>
        <source>Serial taken out</source>
        <translation>旧件序列号</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>出库(&amp;I)</translation>
    </message>
    <message>
        <source>scan the new part's serial</source>
        <translation>扫描新件序列号</translation>
    </message>
    <message>
        <source>serial of the faulty part, if known</source>
        <translation>拆下旧件的序列号（如已知）</translation>
    </message>
    <message>
        <source>no serial</source>
        <translation>无序列号</translation>
    </message>
    <message>
        <source>Enter the serial of the part handed out (scan its label).</source>
        <translation>请录入发出配件的序列号（扫描其标签）。</translation>
    </message>
</context>
<context>
    <name>LedgerPanel</name>
    <message>
        <source>ticket number, then Enter</source>
        <translation>输入工单号后按回车</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>全部库位</translation>
    </message>
    <message>
        <source>Show &amp;everything</source>
        <translation>显示全部(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Reverse…</source>
        <translation>冲销(&amp;R)…</translation>
    </message>
    <message>
        <source>Post the opposite movement; the mistake stays visible in the ledger.</source>
        <translation>记一笔相反的变动；错误记录仍保留在台账中。</translation>
    </message>
    <message>
        <source>reversed by No. %1</source>
        <translation>已被 %1 号冲销</translation>
    </message>
    <message>
        <source>reverses No. %1</source>
        <translation>冲销 %1 号</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Requisition</source>
        <translation>领用单</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单据号</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Serial fitted</source>
        <translation>新件序列号</translation>
    </message>
    <message>
        <source>Serial taken out</source>
        <translation>旧件序列号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>%1 movement(s).</source>
        <translation>共 %1 笔变动。</translation>
    </message>
    <message>
        <source>Newest %1 movements; scroll for more.</source>
        <translation>最近 %1 笔变动；向下滚动查看更多。</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <source>New stock location</source>
        <translation>新建库位</translation>
    </message>
    <message>
        <source>short code, e.g. VAN-07</source>
        <translation>简短编码，例如 VAN-07</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>编码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Technician</source>
        <translation>工程师(&amp;T)</translation>
    </message>
</context>
<context>
    <name>LocationEditDialog</name>
    <message>
        <source>Stock location %1</source>
        <translation>库位 %1</translation>
    </message>
    <message>
        <source>Code %1 · %2</source>
        <translation>编码 %1 · %2</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>A location out of use is no longer offered for issuing, receiving or moving parts. It must be empty first: move or count out its stock.</source>
        <translation>停用的库位不再出现在出库、入库和调拨的选择中。停用前库位必须为空：请先调出或盘点清零其库存。</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>启用中</translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>It is now: %1, %2. Save again to put yours over it.</source>
        <translation>现在为：%1，%2。再次保存将以您的修改覆盖。</translation>
    </message>
</context>
<context>
    <name>LowStockPanel</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Export for Excel (CSV)…</source>
        <translation>导出到 Excel（CSV）(&amp;E)…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Spec / model</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation>再订货点</translation>
    </message>
    <message>
        <source>Reorder qty</source>
        <translation>再订货量</translation>
    </message>
    <message>
        <source>Used recently</source>
        <translation>近期用量</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>建议采购</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Usage over the last</source>
        <translation>用量统计：最近</translation>
    </message>
    <message>
        <source>Buy = the largest of the reorder quantity, the units used in the period, and what is missing up to the reorder point.</source>
        <translation>建议采购量 = 再订货量、统计期内用量、补足到再订货点所缺数量三者中的最大值。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>%1 part(s) at or below the reorder point, %2 short of what is reserved.</source>
        <translation>%1 种配件已到或低于再订货点，其中 %2 种不够已预留的数量。</translation>
    </message>
    <message>
        <source>Purchase total: %1</source>
        <translation>采购金额合计：%1</translation>
    </message>
    <message>
        <source>Export purchase list</source>
        <translation>导出采购计划</translation>
    </message>
    <message>
        <source>purchase-list-%1.csv</source>
        <translation>采购计划-%1.csv</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>Excel 可用的 CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>%1 part(s) written to %2.</source>
        <translation>已将 %1 种配件写入 %2。</translation>
    </message>
    <message>
        <source>Could not write the file: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
</context>
<context>
    <name>PartCatalogue</name>
    <message>
        <source>Code, name, spec, appliance model — or scan the barcode</source>
        <translation>编码、名称、规格、适用机型——或扫描条码</translation>
    </message>
    <message>
        <source>Show parts no longer in use</source>
        <translation>显示已停用配件</translation>
    </message>
    <message>
        <source>&amp;New part…</source>
        <translation>新建配件(&amp;N)…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Spec / model</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Fits models</source>
        <translation>适用机型</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>%1 part(s) in the catalogue.</source>
        <translation>目录中共 %1 种配件。</translation>
    </message>
    <message>
        <source>No part found.</source>
        <translation>未找到配件。</translation>
    </message>
    <message>
        <source>%1 part(s) found.</source>
        <translation>找到 %1 种配件。</translation>
    </message>
    <message>
        <source>First %1 parts; scroll for more.</source>
        <translation>前 %1 种配件；向下滚动查看更多。</translation>
    </message>
</context>
<context>
    <name>PartDetail</name>
    <message>
        <source>Spec / model</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Fits models</source>
        <translation>适用机型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Cost / price</source>
        <translation>成本价 / 售价</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Reorder at / quantity</source>
        <translation>再订货点 / 再订货量</translation>
    </message>
    <message>
        <source>Stock (all stores and vans)</source>
        <translation>库存（所有仓库和车载库）</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Receive…</source>
        <translation>入库(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>调拨(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Adjust…</source>
        <translation>调整(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Ledger</source>
        <translation>台账(&amp;L)</translation>
    </message>
    <message>
        <source>Re&amp;quest for a ticket…</source>
        <translation>为工单领用(&amp;Q)…</translation>
    </message>
    <message>
        <source>Stock by location</source>
        <translation>各库位库存</translation>
    </message>
    <message>
        <source>Pick a part on the left, or scan its barcode.</source>
        <translation>请在左侧选择配件，或扫描其条码。</translation>
    </message>
    <message>
        <source>(no longer in use)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>(serial numbers recorded)</source>
        <translation>（记录序列号）</translation>
    </message>
    <message>
        <source>on hand %1, reserved %2, free %3</source>
        <translation>在库 %1，已预留 %2，可用 %3</translation>
    </message>
</context>
<context>
    <name>PartDialog</name>
    <message>
        <source>New part</source>
        <translation>新建配件</translation>
    </message>
    <message>
        <source>Edit part %1</source>
        <translation>编辑配件 %1</translation>
    </message>
    <message>
        <source>e.g. P-10023; letters, digits, . _ / -</source>
        <translation>例如 P-10023；字母、数字及 . _ / -</translation>
    </message>
    <message>
        <source>specification / model, e.g. CBB65 35μF 450V</source>
        <translation>规格型号，例如 CBB65 35μF 450V</translation>
    </message>
    <message>
        <source>scan the label, or leave empty</source>
        <translation>扫描标签，或留空</translation>
    </message>
    <message>
        <source>appliance models, separated by commas</source>
        <translation>适用电器型号，用逗号分隔</translation>
    </message>
    <message>
        <source>shelf position, e.g. A-03-2</source>
        <translation>货架位置，例如 A-03-2</translation>
    </message>
    <message>
        <source>Each unit has its own serial number</source>
        <translation>每件都有自己的序列号</translation>
    </message>
    <message>
        <source>In use (can be requested)</source>
        <translation>在用（可领用）</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>编码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Spec / model</source>
        <translation>规格型号(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Barcode</source>
        <translation>条码(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Fits models</source>
        <translation>适用机型(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;ost</source>
        <translation>成本价(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>售价(&amp;P)</translation>
    </message>
    <message>
        <source>B&amp;in</source>
        <translation>库位(&amp;I)</translation>
    </message>
    <message>
        <source>Reorder &amp;point</source>
        <translation>再订货点(&amp;P)</translation>
    </message>
    <message>
        <source>Reorder &amp;quantity</source>
        <translation>再订货量(&amp;Q)</translation>
    </message>
    <message>
        <source>Serials</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Save &amp;mine over theirs</source>
        <translation>用我的覆盖(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>采用对方的(&amp;T)</translation>
    </message>
    <message>
        <source>What they changed:</source>
        <translation>对方修改了：</translation>
    </message>
    <message>
        <source>Your typing is still in the form.</source>
        <translation>您输入的内容仍保留在表单中。</translation>
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
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Spec / model</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Fits models</source>
        <translation>适用机型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本价</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>再订货点</translation>
    </message>
    <message>
        <source>Reorder quantity</source>
        <translation>再订货量</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>• nothing (only saved again)</source>
        <translation>• 没有改动（只是重新保存）</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receive parts</source>
        <translation>配件入库</translation>
    </message>
    <message>
        <source>who delivered, e.g. 格力售后配件中心</source>
        <translation>送货单位，例如 格力售后配件中心</translation>
    </message>
    <message>
        <source>delivery note or invoice number</source>
        <translation>送货单号或发票号</translation>
    </message>
    <message>
        <source>&amp;Part</source>
        <translation>配件(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Into</source>
        <translation>入库到(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>Unit &amp;cost</source>
        <translation>单位成本(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Supplier</source>
        <translation>供应商(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>单据号(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>说明(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>入库(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RegisterDamagedDialog</name>
    <message>
        <source>Register a returned damaged part</source>
        <translation>登记返还的旧件</translation>
    </message>
    <message>
        <source>ticket number, then Enter</source>
        <translation>输入工单号后按回车</translation>
    </message>
    <message>
        <source>catalogue part (code or barcode), or leave empty for a part not stocked</source>
        <translation>目录中的配件（编码或条码）；非库存配件可留空</translation>
    </message>
    <message>
        <source>what it is and what is wrong with it</source>
        <translation>是什么配件、坏在哪里</translation>
    </message>
    <message>
        <source>&amp;Ticket</source>
        <translation>工单(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Part</source>
        <translation>配件(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Serial</source>
        <translation>序列号(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>Enter the ticket number and press Enter.</source>
        <translation>请输入工单号并按回车。</translation>
    </message>
    <message>
        <source>Press Enter to look the part up, or clear the box.</source>
        <translation>请按回车查找配件，或清空此栏。</translation>
    </message>
</context>
<context>
    <name>RequisitionDialog</name>
    <message>
        <source>New parts requisition</source>
        <translation>新建配件领用单</translation>
    </message>
    <message>
        <source>ticket number, e.g. S20261123-0001, then Enter</source>
        <translation>工单号，例如 S20261123-0001，然后按回车</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>添加一行(&amp;A)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Spec / model</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Free there</source>
        <translation>该处可用</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Re&amp;move line</source>
        <translation>删除一行(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Ticket</source>
        <translation>工单(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;echnician</source>
        <translation>工程师(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Part</source>
        <translation>配件(&amp;P)</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Raise and reserve</source>
        <translation>开单并预留(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Issue now…</source>
        <translation>立即出库(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Pick a part: type its code or scan it, then Enter.</source>
        <translation>请选择配件：输入编码或扫描条码后按回车。</translation>
    </message>
    <message>
        <source>%1 unit(s), %2 at today's prices</source>
        <translation>共 %1 件，按当前价格 %2</translation>
    </message>
    <message>
        <source>Enter the ticket number and press Enter.</source>
        <translation>请输入工单号并按回车。</translation>
    </message>
    <message>
        <source>Requisition %1 raised for %2: %3 unit(s) reserved.</source>
        <translation>已为 %2 开出领用单 %1：预留 %3 件。</translation>
    </message>
    <message>
        <source>Requisition %1</source>
        <translation>领用单 %1</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
</context>
<context>
    <name>RequisitionsPanel</name>
    <message>
        <source>Ticket number: all its requisitions (empty: open ones to issue)</source>
        <translation>工单号：该工单的全部领用单（留空：待出库的领用单）</translation>
    </message>
    <message>
        <source>&amp;New requisition…</source>
        <translation>新建领用单(&amp;N)…</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>开单时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>开单人</translation>
    </message>
    <message>
        <source>Issued at</source>
        <translation>出库时间</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>出库人</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>From</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申领</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已发</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Value used</source>
        <translation>使用金额</translation>
    </message>
    <message>
        <source>Serial fitted</source>
        <translation>新件序列号</translation>
    </message>
    <message>
        <source>Serial taken out</source>
        <translation>旧件序列号</translation>
    </message>
    <message>
        <source>&amp;Issue…</source>
        <translation>出库(&amp;I)…</translation>
    </message>
    <message>
        <source>Return &amp;unused…</source>
        <translation>退回未用件(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Cancel requisition…</source>
        <translation>取消领用单(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Ticket &amp;ledger</source>
        <translation>工单台账(&amp;L)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>%1 open requisition(s) waiting to be issued.</source>
        <translation>%1 张领用单待出库。</translation>
    </message>
    <message>
        <source>%1 requisition(s) for ticket %2.</source>
        <translation>工单 %2 共有 %1 张领用单。</translation>
    </message>
    <message>
        <source>charged %1</source>
        <translation>向客户收取 %1</translation>
    </message>
    <message>
        <source>free of charge (in warranty)</source>
        <translation>免费（保内）</translation>
    </message>
    <message>
        <source>Parts used: %1 at price, %2 at cost; %3.</source>
        <translation>已用配件：售价 %1，成本 %2；%3。</translation>
    </message>
    <message>
        <source>Cancel requisition %1</source>
        <translation>取消领用单 %1</translation>
    </message>
    <message>
        <source>The reserved parts are freed for other tickets.</source>
        <translation>预留的配件将释放给其他工单。</translation>
    </message>
    <message>
        <source>Cancel &amp;requisition</source>
        <translation>取消领用单(&amp;R)</translation>
    </message>
    <message>
        <source>Requisition %1</source>
        <translation>领用单 %1</translation>
    </message>
    <message>
        <source>E&amp;mergency issue…</source>
        <translation>应急出库(&amp;M)…</translation>
    </message>
    <message>
        <source>Hand a part out for a ticket now, without a requisition first</source>
        <translation>不先开领用单，立即为工单发放配件</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return unused parts</source>
        <translation>退回未用配件</translation>
    </message>
    <message>
        <source>%1 %2 out with the technician; they go back to %3.</source>
        <translation>工程师手上有 %1 %2，将退回 %3。</translation>
    </message>
    <message>
        <source>e.g. not needed, fault was elsewhere</source>
        <translation>例如：未用上，故障不在此处</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation>原因(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Return to shelf</source>
        <translation>退回上架(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <source>Scan a part (or type its code) and press Enter: counts one</source>
        <translation>扫描配件（或输入编码）后按回车：计数加一</translation>
    </message>
    <message>
        <source>Ready to count.</source>
        <translation>可以开始盘点。</translation>
    </message>
    <message>
        <source>%1 %2 — counted %3</source>
        <translation>%1 %2 —— 已盘 %3</translation>
    </message>
    <message>
        <source>UNKNOWN CODE “%1” — NOT COUNTED.
Check the label, or count this part by hand.</source>
        <translation>未知编码“%1”——未计数！
请检查标签，或手工录入该配件的数量。</translation>
    </message>
</context>
<context>
    <name>StockByLocation</name>
    <message>
        <source>All locations</source>
        <translation>全部库位</translation>
    </message>
    <message>
        <source>Show parts with nothing there</source>
        <translation>显示无库存的配件</translation>
    </message>
    <message>
        <source>New &amp;location…</source>
        <translation>新建库位(&amp;L)…</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Spec / model</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>%1 line(s), %2 unit(s) on hand.</source>
        <translation>共 %1 行，在库 %2 件。</translation>
    </message>
    <message>
        <source>&amp;Edit location…</source>
        <translation>编辑库位(&amp;E)…</translation>
    </message>
    <message>
        <source>Rename the chosen location or take it out of use</source>
        <translation>重命名所选库位，或将其停用</translation>
    </message>
    <message>
        <source>%1 — not in use</source>
        <translation>%1 — 已停用</translation>
    </message>
    <message>
        <source>Only parts clerks and managers may change stock locations.</source>
        <translation>只有配件管理员和经理可以修改库位。</translation>
    </message>
</context>
<context>
    <name>StockLabels</name>
    <message>
        <source>Receipt</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>领用出库</translation>
    </message>
    <message>
        <source>Return unused</source>
        <translation>退回未用件</translation>
    </message>
    <message>
        <source>Damaged part returned</source>
        <translation>旧件返还</translation>
    </message>
    <message>
        <source>Transfer out</source>
        <translation>调出</translation>
    </message>
    <message>
        <source>Transfer in</source>
        <translation>调入</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Awaiting decision</source>
        <translation>待处置</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Return to supplier</source>
        <translation>退回供应商</translation>
    </message>
    <message>
        <source>Claim from manufacturer</source>
        <translation>厂家索赔</translation>
    </message>
    <message>
        <source>Open (reserved)</source>
        <translation>待出库（已预留）</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已出库</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Technician's van</source>
        <translation>工程师车载库</translation>
    </message>
    <message>
        <source>Damaged parts</source>
        <translation>旧件区</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>盘点中</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <source>Only parts clerks and managers may move stock.</source>
        <translation>只有配件管理员和经理可以变动库存。</translation>
    </message>
</context>
<context>
    <name>StockMovements</name>
    <message>
        <source>Pick a part: type its code or scan it, then Enter.</source>
        <translation>请选择配件：输入编码或扫描条码后按回车。</translation>
    </message>
    <message>
        <source>Reverse a movement</source>
        <translation>冲销库存变动</translation>
    </message>
    <message>
        <source>This posts the opposite movement; the original stays in the ledger.
%1</source>
        <translation>将记一笔相反的变动，原记录仍保留在台账中。
%1</translation>
    </message>
    <message>
        <source>&amp;Reverse</source>
        <translation>冲销(&amp;R)</translation>
    </message>
</context>
<context>
    <name>StockScreen</name>
    <message>
        <source>&amp;Catalogue</source>
        <translation>配件目录(&amp;C)</translation>
    </message>
    <message>
        <source>Stock by &amp;location</source>
        <translation>库存分布(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Requisitions</source>
        <translation>领用单(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Damaged parts returned</source>
        <translation>旧件返还(&amp;D)</translation>
    </message>
    <message>
        <source>Stock&amp;take</source>
        <translation>盘点(&amp;T)</translation>
    </message>
    <message>
        <source>Low stock &amp;&amp; &amp;purchasing</source>
        <translation>库存预警与采购(&amp;P)</translation>
    </message>
    <message>
        <source>Le&amp;dger</source>
        <translation>台账(&amp;D)</translation>
    </message>
</context>
<context>
    <name>StockWidgets</name>
    <message>
        <source>(%1 free)</source>
        <translation>（可用 %1）</translation>
    </message>
    <message>
        <source>Code, name or scan the barcode, then Enter</source>
        <translation>输入编码、名称或扫描条码，然后按回车</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>No part matches “%1”.</source>
        <translation>没有与“%1”相符的配件。</translation>
    </message>
    <message>
        <source>%1 parts match; pick one.</source>
        <translation>有 %1 种配件相符，请选择一个。</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>可用 %1</translation>
    </message>
    <message>
        <source>on hand %1, free %2</source>
        <translation>在库 %1，可用 %2</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>StocktakePanel</name>
    <message>
        <source>&amp;Start stocktake (freeze list)</source>
        <translation>开始盘点（冻结清单）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Post now</source>
        <translation>立即过账(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Back to counting</source>
        <translation>返回盘点(&amp;B)</translation>
    </message>
    <message>
        <source>Set &amp;count</source>
        <translation>录入数量(&amp;C)</translation>
    </message>
    <message>
        <source>Counted by hand for the selected part:</source>
        <translation>手工录入所选配件的实盘数：</translation>
    </message>
    <message>
        <source>&amp;Review variances (shows book quantities)</source>
        <translation>核对差异（显示账面数）(&amp;R)</translation>
    </message>
    <message>
        <source>Print count &amp;sheet…</source>
        <translation>打印盘点表(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Post variances…</source>
        <translation>差异过账(&amp;P)…</translation>
    </message>
    <message>
        <source>Cancel stocktake…</source>
        <translation>取消盘点…</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>or continue</source>
        <translation>或继续</translation>
    </message>
    <message>
        <source>(choose an open stocktake)</source>
        <translation>（选择进行中的盘点）</translation>
    </message>
    <message>
        <source>No. %1 · %2 · %3</source>
        <translation>%1 号 · %2 · %3</translation>
    </message>
    <message>
        <source>Stocktake posted; the shelves and the books agree again.</source>
        <translation>盘点已过账，账实相符。</translation>
    </message>
    <message>
        <source>Cancel stocktake No. %1</source>
        <translation>取消盘点 %1 号</translation>
    </message>
    <message>
        <source>Nothing is posted; the counts are kept for reference.</source>
        <translation>不会过账任何差异；已盘数量保留备查。</translation>
    </message>
    <message>
        <source>Cancel &amp;stocktake</source>
        <translation>取消盘点(&amp;S)</translation>
    </message>
    <message>
        <source>Count sheet No. %1</source>
        <translation>盘点表 %1 号</translation>
    </message>
</context>
<context>
    <name>TicketParts</name>
    <message>
        <source>Re&amp;quest parts…</source>
        <translation>申领配件(&amp;Q)…</translation>
    </message>
    <message>
        <source>Requisition</source>
        <translation>领用单</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申领</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Value used</source>
        <translation>使用金额</translation>
    </message>
    <message>
        <source>Serial fitted</source>
        <translation>新件序列号</translation>
    </message>
    <message>
        <source>Serial taken out</source>
        <translation>旧件序列号</translation>
    </message>
    <message>
        <source>No parts requested for this ticket.</source>
        <translation>此工单尚未申领配件。</translation>
    </message>
    <message>
        <source>charged %1</source>
        <translation>向客户收取 %1</translation>
    </message>
    <message>
        <source>free of charge (in warranty)</source>
        <translation>免费（保内）</translation>
    </message>
    <message>
        <source>Parts used: %1 at price, %2 at cost; %3.</source>
        <translation>已用配件：售价 %1，成本 %2；%3。</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer parts</source>
        <translation>配件调拨</translation>
    </message>
    <message>
        <source>e.g. stock for 王师傅's van</source>
        <translation>例如：给王师傅车载库备货</translation>
    </message>
    <message>
        <source>&amp;Part</source>
        <translation>配件(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>调出(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>调入(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation>原因(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>调拨(&amp;T)</translation>
    </message>
</context>
<context>
    <name>TicketChoice</name>
    <message>
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>ticket number, e.g. S20261123-0001, then Enter</source>
        <translation>工单号，例如 S20261123-0001，然后按回车</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>（未指定）</translation>
    </message>
</context>
</TS>
