<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>DayPrinter</name>
        <message numerus="yes">
            <location filename="../../desk_app/ui/dispatch/day_print.py" />
            <source>%n open visit(s) on the board, in the board's order.</source>
            <translation>
                <numerusform>看板上共 %n 个未完成的上门，按看板顺序打印。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PrintLabels</name>
        <message>
            <location filename="../../desk_app/ui/paperwork/present.py" />
            <source>Chinese</source>
            <translation>中文</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/paperwork/present.py" />
            <source>English</source>
            <translation>英文</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/paperwork/present.py" />
            <source>The desk's language</source>
            <translation>本机界面语言</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/paperwork/hook.py" />
            <source>Feedback form %1</source>
            <translation>服务反馈单 %1</translation>
        </message>
    </context>
    <context>
        <name>PrintProgress</name>
        <message>
            <location filename="../../desk_app/ui/paperwork/jobs.py" />
            <source>Printing</source>
            <translation>正在打印</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/paperwork/jobs.py" />
            <source>Cancel printing</source>
            <translation>取消打印</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/paperwork/jobs.py" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>PrintersTab</name>
        <message>
            <location filename="../../desk_app/ui/admin/settings/printers.py" />
            <source>Print to (this computer)</source>
            <translation>打印到（本机）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/admin/settings/printers.py" />
            <source>Language (every desk)</source>
            <translation>语言（所有终端）</translation>
        </message>
        <message>
            <location filename="../../desk_app/ui/admin/settings/printers.py" />
            <source>Printers are stored on this computer only: each counter chooses its own. A document sent straight to a printer is not shown first; the status bar says what became of it (printed, waiting in the queue, held, refused). The technician's day prints with the work orders. Languages hold for every desk: customer-facing paper prints in Chinese unless set otherwise; “The desk's language” prints in the language of the desk that prints it.</source>
            <translation>打印机只保存在本机：每个柜台各自选择。直接送往打印机的单据不会先显示预览；状态栏会说明打印结果（已打印、在队列中等待、被挂起、被拒绝）。工程师的当日单据随派工单一起打印。语言对所有终端有效：给客户的单据默认打印中文；选择“本机界面语言”则按打印它的终端的界面语言打印。</translation>
        </message>
    </context>
</TS>
