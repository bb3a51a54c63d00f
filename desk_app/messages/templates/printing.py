"""Refusals and warnings of printing: code → (English, 简体中文)."""

TEMPLATES: dict[str, tuple[str, str]] = {
    "print.no_font": (
        "No TrueType font with Chinese characters was found, so nothing can be printed. "
        "Install one (for example Microsoft YaHei) or set DESK_PRINT_FONT to a .ttf/.ttc file.",
        "未找到含中文字符的 TrueType 字体，无法打印。请安装一种（例如微软雅黑），"
        "或将 DESK_PRINT_FONT 设为一个 .ttf/.ttc 字体文件。",
    ),
    "print.characters_replaced": (
        "Printed, but no installed font has these characters, so each was printed as "
        "its code: {chars}.",
        "已打印，但已安装的字体都没有以下字符，每个都以其代码代替打印：{chars}。",
    ),
    "print.printer_not_found": (
        "There is no printer {printer}: the print spooler of this computer does not know "
        "it. Choose an installed printer in Settings ▸ Printers.",
        "没有打印机 {printer}：本机的打印服务不认识这台打印机。"
        "请在“设置 ▸ 打印机”中选择已安装的打印机。",
    ),
    "print.spooler_not_answering": (
        "The print spooler of this computer is not answering (waited {seconds} s), so "
        "nothing is known about the job. Check that the print service is running, then "
        "print again.",
        "本机的打印服务没有响应（已等待 {seconds} 秒），无法得知打印任务的情况。"
        "请检查打印服务是否在运行，然后重新打印。",
    ),
    "print.spooler_not_running": (
        "The print spooler of this computer is not running, so nothing was printed. Start "
        "the print service (CUPS, or the Windows Print Spooler), then print again.",
        "本机的打印服务没有运行，没有打印任何内容。请启动打印服务（CUPS 或 Windows 的"
        "“Print Spooler”），然后重新打印。",
    ),
    "print.refused": (
        "The printer {printer} refused the job; nothing was printed. {reason}",
        "打印机 {printer} 拒绝了打印任务，没有打印任何内容。{reason}",
    ),
    "print.cancelled": (
        "Printing on {printer} was cancelled.",
        "已取消在 {printer} 上的打印。",
    ),
    # What became of a job the spooler accepted (printing.spooler.JobOutcome.code).
    "print.job_printed": (
        "{title}: {pages} page(s) printed on {printer}.",
        "{title}：已在 {printer} 上打印 {pages} 页。",
    ),
    "print.job_queued": (
        "{title}: {pages} page(s) are waiting in the queue of {printer}, not printed yet. {reason}",
        "{title}：{pages} 页正在 {printer} 的队列中等待，尚未打印。{reason}",
    ),
    "print.job_held": (
        "{title}: the job is held in the queue of {printer} and prints only when someone "
        "releases it. {reason}",
        "{title}：打印任务在 {printer} 的队列中被挂起，需有人释放后才会打印。{reason}",
    ),
    "print.job_cancelled": (
        "{title}: the job was cancelled at {printer}; nothing more will print.",
        "{title}：打印任务已在 {printer} 上被取消，不会再打印。",
    ),
    "print.job_refused": (
        "{title}: {printer} refused the job; nothing was printed. {reason}",
        "{title}：{printer} 拒绝了打印任务，没有打印任何内容。{reason}",
    ),
    # The steps of a job, shown while it runs.
    "print.step_checking": ("Asking the spooler about {printer}…", "正在向打印服务查询 {printer}…"),
    "print.step_sending": ("Sending to {printer}…", "正在发送到 {printer}…"),
    "print.step_page": (
        "Sending page {page} of {pages} to {printer}…",
        "正在向 {printer} 发送第 {page} 页，共 {pages} 页…",
    ),
    "print.step_waiting": (
        "Sent; waiting for {printer} to print it…",
        "已发送，正在等待 {printer} 打印…",
    ),
    "print.failed": (
        "Printing failed; nothing was printed.\n{detail}",
        "打印失败，没有打印任何内容。\n{detail}",
    ),
    "print.unknown_language": (
        "A document prints in one of: {choices}.",
        "单据的打印语言须为以下之一：{choices}。",
    ),
    "print.unknown_kind": ("There is no document kind {kind}.", "没有单据类型 {kind}。"),
    "print.unknown_paper": ("There is no paper {paper}.", "没有纸张规格 {paper}。"),
    "print.printer_name_too_long": (
        "A printer name has at most {limit} characters.",
        "打印机名称最多 {limit} 个字符。",
    ),
}
