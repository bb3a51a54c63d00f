"""Refusals of printing: no usable font, no such printer, a job the printer would not take.

A character no font can draw is not a refusal: it is printed as a marker (see ``fonts``)."""

from __future__ import annotations

from desk_app.domain.errors import DeskError


class PrintingError(DeskError):
    """Base of every expected printing failure; nothing was written.

    ``detail`` is the technical account (paths tried, the printer's answer) for the log
    and the CLI; the clerk reads the code's template.
    """

    default_code = "print.failed"

    def __init__(self, detail: str = "", /, **values: object) -> None:
        super().__init__(None, detail=detail, **values)
        self.detail = detail

    def __str__(self) -> str:
        return self.detail or self.code


class FontNotFound(PrintingError):
    """No TrueType font with Chinese glyphs could be found or loaded.

    ``tried`` lists each candidate with the reason it was refused.
    """

    def __init__(self, message: str, tried: tuple[tuple[str, str], ...] = ()) -> None:
        lines = [message]
        lines += [f"  - {path}: {reason}" for path, reason in tried]
        lines.append(
            "Install a TrueType Chinese font (Windows ships Microsoft YaHei msyh.ttc and "
            "SimSun simsun.ttc; on Debian/Ubuntu: apt install fonts-wqy-microhei) or set "
            "the environment variable DESK_PRINT_FONT to a .ttf/.ttc file "
            "(append #N to choose face N of a .ttc). CFF-based .otf fonts such as "
            "Noto Sans CJK / Source Han Sans cannot be embedded."
        )
        super().__init__("\n".join(lines))
        self.tried = tried

    default_code = "print.no_font"


class PrinterNotFound(PrintingError):
    """The printer a document kind is set to print on is not installed on this PC."""

    default_code = "print.printer_not_found"

    def __init__(self, printer_name: str) -> None:
        super().__init__(f"printer {printer_name!r} is not installed", printer=printer_name)
        self.printer_name = printer_name


class PrintFailed(PrintingError):
    """The PDF could not be read or the printer refused the job; nothing was printed."""


class SpoolerNotAnswering(PrintingError):
    """The print spooler (CUPS, the Windows print service) did not answer in time
    (``seconds`` waited) or said at once that it is not running (``seconds`` 0, code
    ``print.spooler_not_running``): the printer may be fine, nothing is known about
    the job."""

    default_code = "print.spooler_not_answering"
    NOT_RUNNING = "print.spooler_not_running"

    def __init__(self, detail: str, *, seconds: float) -> None:
        super().__init__(detail, seconds=round(seconds))
        self.seconds = seconds
        if seconds <= 0:
            self.code = self.NOT_RUNNING


class JobRefused(PrintingError):
    """The printer (its queue) refused the job, or stopped it: nothing was printed.
    ``reason`` is the spooler's own words (may be empty)."""

    default_code = "print.refused"

    def __init__(self, printer_name: str, reason: str = "") -> None:
        super().__init__(
            f"{printer_name} refused the job: {reason}".rstrip(": "),
            printer=printer_name,
            reason=reason,
        )
        self.printer_name = printer_name
        self.reason = reason


class PrintCancelled(PrintingError):
    """The clerk cancelled the job before it printed."""

    default_code = "print.cancelled"

    def __init__(self, printer_name: str) -> None:
        super().__init__(f"cancelled on {printer_name}", printer=printer_name)
        self.printer_name = printer_name
