"""The Staff… dialog: users, technicians and service areas, one tab each, for whoever
may manage users or technicians (a manager). Each tab loads in the background, reloads
when its records change (here or on another desk), and saves through small forms that
stay open with the typing kept when a save is refused."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from desk_app.domain.permissions import Perm
from desk_app.ui.admin.staff.areas_tab import AreasTab
from desk_app.ui.admin.staff.forms import ListTab
from desk_app.ui.admin.staff.technicians_tab import TechniciansTab
from desk_app.ui.admin.staff.users_tab import UsersTab
from desk_app.ui.common.context import Desk
from desk_app.ui.common.widgets import Banner


def may_open(desk: Desk) -> bool:
    return desk.can(Perm.MANAGE_USERS) or desk.can(Perm.MANAGE_TECHNICIANS)


class StaffDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None, *, welcome: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("staffDialog")
        self.setWindowTitle(self.tr("Staff"))
        self.desk = desk
        self.banner = Banner(self)
        self.tabs = QTabWidget(objectName="staffTabs")
        self.users: UsersTab | None = None
        self.technicians: TechniciansTab | None = None
        self.areas: AreasTab | None = None
        if desk.can(Perm.MANAGE_USERS):
            self.users = UsersTab(desk)
            self.tabs.addTab(self.users, self.tr("Users"))
        if desk.can(Perm.MANAGE_TECHNICIANS):
            self.technicians = TechniciansTab(desk)
            self.areas = AreasTab(desk)
            self.tabs.addTab(self.technicians, self.tr("Technicians"))
            self.tabs.addTab(self.areas, self.tr("Service areas"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        if welcome:
            self.banner.show_message(
                self.tr(
                    "Welcome. Set up the shop here: the service areas it covers, its "
                    "technicians, and a user for everybody who works at a desk. It opens again "
                    "from Desk ▸ Staff…"
                ),
                "info",
            )
        self.resize(980, 560)
        for tab in self.all_tabs():
            tab.load()

    def all_tabs(self) -> list[ListTab]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]  # type: ignore[misc]
