"""Settings tabs for the shared paperwork and the desk: company header, default area code
and charge standard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desk_app.domain.phones import normalize_area_code
from desk_app.printing import CompanyHeader, render_pdf
from desk_app.services.admin import settings
from desk_app.services.admin.settings import Logo
from desk_app.services.paperwork import paperwork
from desk_app.ui.admin.settings.base import SaveJob, SettingsTab, note
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import current_language, show_error
from desk_app.ui.common.widgets import field_row
from desk_app.ui.paperwork.present import present_pdf
from desk_app.ui.paperwork.preview import PrintPreviewDialog

LOGO_BOX = (180, 64)


class CompanyTab(SettingsTab):
    """The letterhead on every printed document, and a sample work order to check it."""

    section = settings.Section.COMPANY

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.name = QLineEdit(objectName="companyName")
        self.name.setPlaceholderText(settings.DEFAULT_HEADER.name)
        self.address = QLineEdit(objectName="companyAddress")
        self.hotline = QLineEdit(objectName="companyHotline")
        self.hotline.setPlaceholderText(self.tr("e.g. 400-800-1234"))
        self.logo_path = QLineEdit(objectName="companyLogo")
        self.logo_path.setPlaceholderText(self.tr("No logo"))
        self.choose_button = QPushButton(self.tr("Choose…"), objectName="chooseLogo")
        self.remove_button = QPushButton(self.tr("No logo"), objectName="removeLogo")
        self.logo_preview = QLabel(objectName="logoPreview")
        self.logo_preview.setFixedSize(*LOGO_BOX)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.sample_button = QPushButton(
            self.tr("Print a sample work order…"), objectName="sampleWorkOrder"
        )
        self.last_preview: PrintPreviewDialog | None = None
        self._stored: CompanyHeader | None = None

        logo_box = QWidget()
        row = QHBoxLayout(logo_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.logo_path, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        form = QFormLayout()
        field_row(form, self.tr("Company &name"), self.name, self.errors, "name")
        field_row(form, self.tr("&Address"), self.address, self.errors, "address")
        field_row(form, self.tr("&Hotline"), self.hotline, self.errors, "hotline")
        logo_error = field_row(form, self.tr("&Logo (PNG or JPEG)"), logo_box, self.errors)
        self.errors.add(("logo_path",), self.logo_path, logo_error)
        form.addRow("", self.logo_preview)
        self.body.addLayout(form)
        self.body.addWidget(
            note(
                self.tr(
                    "Printed at the top of every work order, feedback form, requisition and "
                    "slip, on every desk. The logo is stored in the database, so the other "
                    "computers do not need the file."
                )
            )
        )
        sample = QHBoxLayout()
        sample.addWidget(self.sample_button)
        sample.addStretch(1)
        self.body.addLayout(sample)
        self.body.addStretch(1)

        self.choose_button.clicked.connect(self._choose_logo)
        self.remove_button.clicked.connect(self._remove_logo)
        self.logo_path.textChanged.connect(self._show_logo)
        self.sample_button.clicked.connect(self.print_sample)
        self.watch()

    def read(self) -> CompanyHeader:
        return settings.get_company_header(self.desk.db)

    def show_values(self, values: Any) -> None:
        header: CompanyHeader = values
        self._stored = header
        self.name.setText(header.name)
        self.address.setText(header.address)
        self.hotline.setText(header.hotline)
        self.logo_path.setText(header.logo_path or "")
        self._show_logo()

    def _logo_choice(self) -> str | Logo | None:
        """What to do with the logo: keep the stored image, none, or read this file."""
        path = self.logo_path.text().strip()
        stored = self._stored
        if stored is not None and stored.logo_data and path == (stored.logo_path or ""):
            return Logo.KEEP
        return path or None

    def typed_header(self) -> CompanyHeader:
        """The header as typed (not yet saved), for the sample work order."""
        choice = self._logo_choice()
        return CompanyHeader(
            name=self.name.text().strip() or settings.DEFAULT_HEADER.name,
            address=self.address.text().strip(),
            hotline=self.hotline.text().strip(),
            logo_path=choice if isinstance(choice, str) else None,
            logo_data=self._stored.logo_data if choice is Logo.KEEP and self._stored else None,
            timezone=self.desk.tz.key,
        )

    def collect(self) -> SaveJob:
        db, actor = self.desk.db, self.desk.actor
        name, address, hotline = self.name.text(), self.address.text(), self.hotline.text()
        logo, version = self._logo_choice(), self.version
        return lambda: settings.set_company_header(
            db,
            actor,
            name=name,
            address=address,
            hotline=hotline,
            logo_path=logo,
            expected=version,
        )

    def after_save(self, result: Any) -> None:
        self._stored = result

    def _choose_logo(self) -> None:
        start = self.logo_path.text().strip()
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the logo"),
            str(Path(start).parent) if start else "",
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if path:
            self.logo_path.setText(path)
            self._edited()

    def _remove_logo(self) -> None:
        self.logo_path.clear()
        self._edited()

    def _show_logo(self) -> None:
        header = self.typed_header()
        pixmap = QPixmap()
        if header.logo_data:
            pixmap.loadFromData(header.logo_data)
        elif header.logo_path and Path(header.logo_path).is_file():
            pixmap.load(header.logo_path)
        if pixmap.isNull():
            self.logo_preview.clear()
            if header.logo_path:
                self.logo_preview.setText(self.tr("(cannot show this file)"))
            return
        self.logo_preview.setPixmap(
            pixmap.scaled(
                *LOGO_BOX,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def print_sample(self) -> None:
        """A made-up work order under the header as typed, in the print preview."""
        header, desk_language, db = self.typed_header(), current_language(), self.desk.db

        def render() -> bytes:
            language = paperwork.print_language(db, "work_order", desk_language)
            texts = settings.get_charge_standard(db)
            standard = texts.get(language) or texts["zh_CN"]
            return render_pdf(paperwork.sample_work_order(language, standard), header)

        def show(pdf: bytes) -> None:
            self.last_preview = present_pdf(
                self,
                self.desk,
                "work_order",
                pdf,
                title=self.tr("Sample work order"),
                file_name="sample-work-order.pdf",
                paper="A4",
                preview=True,
            )

        self.desk.ops.run(
            render,
            on_success=show,
            on_failure=lambda error: show_error(self, error, self.desk.tz),
            key="settings.sample",
            owner=self,
        )


class DeskTab(SettingsTab):
    """The default area code of phone numbers and the charge standard customers are shown."""

    section = settings.Section.DESK

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.area_code = QLineEdit(objectName="areaCode")
        self.area_code.setPlaceholderText(self.tr("e.g. 0755"))
        self.area_code.setMaximumWidth(160)
        self.charge_zh = QPlainTextEdit(objectName="chargeStandardZh")
        self.charge_en = QPlainTextEdit(objectName="chargeStandardEn")
        for edit in (self.charge_zh, self.charge_en):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(110)
        self.default_button = QPushButton(self.tr("Use the standard text"))
        self.default_button.clicked.connect(self._use_default)
        form = QFormLayout()
        field_row(form, self.tr("Default &area code"), self.area_code, self.errors, "area_code")
        form.addRow(
            "",
            note(
                self.tr(
                    "A local number typed without an area code gets this one. "
                    "Numbers already saved do not change."
                )
            ),
        )
        field_row(
            form,
            self.tr("Charge standard (&Chinese)"),
            self.charge_zh,
            self.errors,
            "charge_standard.zh_CN",
            "charge_standard",
        )
        field_row(
            form,
            self.tr("Charge standard (&English)"),
            self.charge_en,
            self.errors,
            "charge_standard.en",
        )
        form.addRow(
            "",
            note(
                self.tr(
                    "Printed on every chargeable work order and shown at intake, so the "
                    "customer knows the charges before any work. Without an English text, "
                    "English forms print the Chinese one."
                )
            ),
        )
        default_row = QHBoxLayout()
        default_row.addWidget(self.default_button)
        default_row.addStretch(1)
        form.addRow("", default_row)
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.watch()

    def read(self) -> tuple[str | None, dict[str, str]]:
        db = self.desk.db
        return settings.get_default_area_code(db), settings.get_charge_standard(db)

    def show_values(self, values: Any) -> None:
        area, texts = values
        self.area_code.setText(area or "")
        self.charge_zh.setPlainText(texts.get("zh_CN", ""))
        self.charge_en.setPlainText(texts.get("en", ""))

    def _use_default(self) -> None:
        self.charge_zh.setPlainText(settings.DEFAULT_CHARGE_STANDARD["zh_CN"])
        self.charge_en.setPlainText(settings.DEFAULT_CHARGE_STANDARD["en"])

    def collect(self) -> SaveJob:
        db, actor = self.desk.db, self.desk.actor
        typed = self.area_code.text().strip()
        area = normalize_area_code(typed) if typed else None  # refused here: nothing written
        texts = {"zh_CN": self.charge_zh.toPlainText(), "en": self.charge_en.toPlainText()}
        version = self.version
        return lambda: settings.set_desk_defaults(
            db, actor, area_code=area, charge_standard=texts, expected=version
        )

    def after_save(self, result: Any) -> None:
        area, _texts = result
        self.area_code.setText(area or "")
