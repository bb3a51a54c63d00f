"""One customer: contact data (editable, conflict-safe), appliances, open tickets, history.

Never loses an edit: while the clerk has unsaved typing, refreshes from other
desks update the lists but leave the contact fields alone; a save that meets
someone else's newer version shows what they changed and keeps the typing,
and the clerk chooses to save theirs over it or to take the other version.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.errors import ConflictError, ValidationError
from desk_app.domain.permissions import Perm
from desk_app.services.customers import customers, lookup
from desk_app.services.customers.customers import CustomerDraft, CustomerView
from desk_app.services.customers.lookup import TimelineEntry
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketRow
from desk_app.ui.common import labels
from desk_app.ui.common.changes import Changes
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.persist import restore_header, save_header
from desk_app.ui.common.widgets import Banner, CustomerFields
from desk_app.ui.customers.dialogs import ApplianceDialog
from desk_app.ui.customers.merge import (
    MergeDialog,
    follow_button_text,
    followed_text,
    history_tab_title,
    merge_button_text,
    merged_away_text,
)
from desk_app.ui.customers.merge_history import MergeHistory
from desk_app.ui.customers.tables import (
    appliances_model,
    list_table,
    open_tickets_model,
    timeline_model,
)

Loaded = tuple[CustomerView, list[TicketRow], list[TimelineEntry]]


class CustomerDetail(QWidget):
    """The right-hand side of customer lookup."""

    new_ticket_requested = Signal(int)
    open_ticket_requested = Signal(int)
    loaded = Signal(object)  # CustomerView, after every load
    saved = Signal(object)  # CustomerView, after a successful save

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.customer: CustomerView | None = None  # the version the clerk's edit is based on
        self.theirs: CustomerView | None = None  # the newer version met in a conflict
        self._dirty = False
        self._customer_id: int | None = None
        # Unsaved typing per customer, kept while the clerk looks at someone else.
        self._stash: dict[int, tuple[CustomerView, CustomerDraft]] = {}
        # The merged duplicate the screen was asked for and followed to its survivor.
        self._followed: CustomerView | None = None
        # The customer shown, merged away by another desk while the clerk was typing.
        self._merged_away: CustomerView | None = None
        self.merge_dialog: MergeDialog | None = None

        self.title = QLabel(objectName="customerTitle")
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.subtitle = QLabel(objectName="customerSubtitle")
        self.new_ticket_button = QPushButton(
            self.tr("New &ticket"), objectName="newTicketForCustomer"
        )
        self.new_ticket_button.setToolTip(self.tr("Open a ticket for this customer (Ctrl+T)"))
        self.new_ticket_button.clicked.connect(self.request_new_ticket)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        # Managers merge duplicates that slipped in (see ui.customer_merge).
        self.can_merge = desk.can(Perm.MERGE_CUSTOMERS)
        self.merge_button = QPushButton(merge_button_text(), objectName="mergeDuplicate")
        self.merge_button.clicked.connect(self.merge_duplicate)
        self.merge_button.setVisible(self.can_merge)
        head.addWidget(self.merge_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.new_ticket_button, 0, Qt.AlignmentFlag.AlignTop)

        self.banner = Banner(self)
        self.save_mine_button = QPushButton(
            self.tr("Save &mine over theirs"), objectName="saveMine"
        )
        self.take_theirs_button = QPushButton(self.tr("Take &theirs"), objectName="takeTheirs")
        self.banner.buttons.addWidget(self.save_mine_button)
        self.banner.buttons.addWidget(self.take_theirs_button)
        self.save_mine_button.clicked.connect(self._save_mine)
        self.take_theirs_button.clicked.connect(self._take_theirs)
        self._conflict_buttons(False)
        self.follow_button = QPushButton(follow_button_text(), objectName="followMerge")
        self.banner.buttons.addWidget(self.follow_button)
        self.follow_button.clicked.connect(self._follow)
        self.follow_button.hide()

        self.open_tickets = open_tickets_model(self, desk.tz)
        self.open_view = list_table("openTickets", self.open_tickets, (130, 80, 90, 140))
        self.open_view.setMaximumHeight(110)
        self.open_view.doubleClicked.connect(
            lambda i: self.open_ticket_requested.emit(self.open_tickets.row_at(i.row()).id)
        )

        # Contact tab.
        self.fields = CustomerFields(self)
        self.fields.edited.connect(self._edited)
        self.save_button = QPushButton(self.tr("&Save changes"), objectName="saveCustomerChanges")
        self.save_button.setToolTip(self.tr("Save the contact data (Ctrl+S)"))
        self.revert_button = QPushButton(self.tr("&Undo my changes"), objectName="revertCustomer")
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self._revert)
        contact = QWidget()
        contact_layout = QVBoxLayout(contact)
        contact_layout.addWidget(self.fields)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        contact_layout.addLayout(row)
        contact_layout.addStretch(1)
        QShortcut(QKeySequence.StandardKey.Save, contact, self.save)

        # Appliances tab.
        self.appliances = appliances_model(self)
        self.appliance_view = list_table(
            "applianceList", self.appliances, (60, 60, 130, 110, 90, 90)
        )
        self.add_appliance_button = QPushButton(
            self.tr("&Add appliance…"), objectName="addAppliance"
        )
        self.add_appliance_button.clicked.connect(self._add_appliance)
        appliances = QWidget()
        app_layout = QVBoxLayout(appliances)
        app_layout.addWidget(self.appliance_view)
        app_layout.addWidget(self.add_appliance_button, 0, Qt.AlignmentFlag.AlignRight)

        # History tab.
        self.timeline = timeline_model(self, desk.tz)
        self.timeline_view = list_table("timeline", self.timeline, (140, 80, 130, 90))
        self.timeline_view.doubleClicked.connect(self._timeline_open)

        self.tabs = QTabWidget(objectName="customerTabs")
        self.tabs.addTab(contact, self.tr("Contact"))
        self.tabs.addTab(appliances, self.tr("Appliances"))
        self.tabs.addTab(self.timeline_view, self.tr("History"))
        self.merges: MergeHistory | None = None
        if self.can_merge:
            self.merges = MergeHistory(desk)
            self.tabs.addTab(self.merges, history_tab_title())

        self.placeholder = QLabel(
            self.tr("Search on the left and pick a customer, or create a new one."),
            alignment=Qt.AlignmentFlag.AlignCenter,
            wordWrap=True,
        )
        self.placeholder.setStyleSheet("color: #666; font-size: 14px;")

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(head)
        body.addWidget(self.banner)
        self.open_caption = QLabel(self.tr("Open tickets"))
        body.addWidget(self.open_caption)
        body.addWidget(self.open_view)
        body.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.body, 1)
        self.body.hide()
        desk.changes.changed.connect(self._on_changes)

    # ---------------------------------------------------------------- loading

    @property
    def customer_id(self) -> int | None:
        return self._customer_id

    @property
    def dirty(self) -> bool:
        return self._dirty

    def show_customer(self, customer_id: int) -> None:
        """Show another customer; unsaved typing for the one shown now is kept for later."""
        if customer_id != self._customer_id:
            if self._dirty and self.customer is not None and self._customer_id is not None:
                self._stash[self._customer_id] = (self.customer, self.fields.draft())
            self._dirty = False
            self.theirs = None
            self._conflict_buttons(False)
            self._merged_away = None
            self.follow_button.hide()
            self.save_button.setEnabled(True)
            self.banner.hide()
            self.customer = None
        self._customer_id = customer_id
        self.reload()

    def reload(self) -> None:
        desk, cid = self.desk, self._customer_id
        if cid is None:
            return

        def fetch() -> Loaded:
            view = customers.get_customer(desk.db, desk.actor, cid)
            rows = tickets.customer_tickets(desk.db, desk.actor, cid)
            history = lookup.customer_timeline(desk.db, desk.actor, cid)
            return view, rows, history

        desk.ops.run(
            fetch,
            on_success=self._loaded,
            on_failure=self._failed,
            key=f"detail-{id(self)}",
            owner=self,
        )

    def _loaded(self, result: Loaded) -> None:
        view, rows, history = result
        if view.id != self._customer_id:
            return
        if view.merged_into_id is not None and self._follow_merge(view):
            return
        self.placeholder.hide()
        self.body.show()
        self.title.setText(view.name)
        phones = " / ".join(p.display for p in view.phones)
        self.subtitle.setText(" · ".join(x for x in (phones, view.service_area or "") if x))
        self.appliances.set_rows(view.appliances)
        open_rows = [t for t in rows if t.status in labels.OPEN_STATUSES]
        self.open_tickets.set_rows(open_rows)
        self.open_caption.setText(self.tr("Open tickets (%1)").replace("%1", str(len(open_rows))))
        self.timeline.set_rows(history)
        if self.merges is not None:
            self.merges.load(view.id)
        if self._followed is not None:
            followed, self._followed = self._followed, None
            self.banner.show_message(followed_text(followed.name, followed.id), "info")
        stashed = self._stash.pop(view.id, None)
        if stashed is not None and not self._dirty:
            # Typing left here when the clerk looked at another customer: put it back.
            self.customer, draft = stashed
            self.fields.set_draft(draft)
            self._dirty = True
            self.banner.show_message(
                self.tr("Your unsaved changes to this customer are back. Save or undo them."),
                "info",
            )
        elif not self._dirty:
            self.customer = view
            self.fields.load(view)
        elif (
            self.customer is not None and view.version != self.customer.version and not self.theirs
        ):
            self.banner.show_message(
                self.tr(
                    "%1 changed this customer while you were editing. Your typing is kept; "
                    "saving will show what they changed."
                ).replace("%1", view.updated_by or "?"),
                "info",
            )
        self.loaded.emit(view)

    def _failed(self, error: BaseException) -> None:
        self.banner.show_message(message_for(error, self.desk.tz), "error")

    def _follow_merge(self, view: CustomerView) -> bool:
        """A merged duplicate is never shown: go to its survivor, or, while the clerk has
        unsaved typing in it, say so and offer the way there. True if not shown."""
        if self._dirty and self.customer is not None and self.customer.id == view.id:
            self._merged_away = view
            self.theirs = None
            self._conflict_buttons(False)
            self.follow_button.show()
            self.banner.show_message(merged_away_text(view.updated_by or "?"), "warning")
            self.save_button.setEnabled(False)
            return True
        self._go_to_survivor(view)
        return True

    def _follow(self) -> None:
        if self._merged_away is not None:
            self._dirty = False  # the typing was for a record that no longer stands alone
            self._go_to_survivor(self._merged_away)

    def _go_to_survivor(self, view: CustomerView) -> None:
        assert view.merged_into_id is not None
        self._followed = view
        self.show_customer(view.merged_into_id)

    def _on_changes(self, changes: Changes) -> None:
        """Reload when this customer, one of its tickets, or (from this desk) anything of it
        changed. Other desks' changes to unrelated tickets are ignored: a busy shop changes
        tickets every few seconds and the clerk's lists should not jump."""
        cid = self._customer_id
        if cid is None:
            return
        known_tickets = {t.id for t in self.open_tickets.rows()} | {
            e.ticket_id for e in self.timeline.rows() if e.ticket_id is not None
        }
        if (
            changes.touches("customer", cid)
            or changes.ids("ticket") & known_tickets
            or (changes.local and changes.touches("ticket"))
        ):
            self.reload()

    # ---------------------------------------------------------------- editing

    def _edited(self) -> None:
        self._dirty = True

    def draft(self) -> CustomerDraft:
        return self.fields.draft()

    def save(self) -> None:
        if self.customer is None or self._merged_away is not None:
            return
        self.fields.errors.clear()
        if not self.fields.check_phones():
            return
        base = self.theirs or self.customer
        self._save(base.version)

    def _save(self, version: int) -> None:
        desk, cid, draft = self.desk, self._customer_id, self.fields.draft()
        assert cid is not None
        self.save_button.setEnabled(False)
        desk.ops.run(
            lambda: customers.update_customer(
                desk.db, desk.actor, cid, draft, expected_version=version
            ),
            on_success=self._saved,
            on_failure=self._save_failed,
            owner=self,
        )

    def _saved(self, view: CustomerView) -> None:
        self.save_button.setEnabled(True)
        self._dirty = False
        self.theirs = None
        self._conflict_buttons(False)
        self.customer = view
        self.fields.load(view)
        self.title.setText(view.name)
        self.banner.show_message(self.tr("Saved."), "ok")
        self.saved.emit(view)

    def _save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ConflictError):
            self._conflict(error)
            return
        if isinstance(error, ValidationError) and self.fields.errors.mark_error(error):
            return
        self.banner.show_message(message_for(error, self.desk.tz), "error")

    def _conflict(self, error: ConflictError) -> None:
        """Fetch the newer version, show what changed in it; the fields keep the typing."""
        desk, cid = self.desk, self._customer_id
        assert cid is not None
        head = message_for(error, desk.tz)

        def show(theirs: CustomerView) -> None:
            self.theirs = theirs
            base = self.customer.as_draft() if self.customer else None
            lines = self.describe_changes(base, theirs.as_draft()) if base else []
            text = head + "\n" + self.tr("What they changed:") + "\n" + "\n".join(lines)
            text += "\n" + self.tr("Your typing is still in the form.")
            self.banner.show_message(text, "warning")
            self._conflict_buttons(True)

        desk.ops.run(
            lambda: customers.get_customer(desk.db, desk.actor, cid),
            on_success=show,
            on_failure=self._failed,
            owner=self,
        )

    def describe_changes(self, before: CustomerDraft, after: CustomerDraft) -> list[str]:
        """ "Phone: 138… → 139…" lines for each contact field that differs."""

        def phones(d: CustomerDraft) -> str:
            return ", ".join(d.phones)

        def addresses(d: CustomerDraft) -> str:
            return "; ".join(" ".join(x for x in (a.area, a.text) if x) for a in d.addresses)

        fields = (
            (self.tr("Name"), lambda d: d.name),
            (self.tr("Phones"), phones),
            (self.tr("Addresses"), addresses),
            (self.tr("Company"), lambda d: d.company or ""),
            (self.tr("Notes"), lambda d: d.notes or ""),
        )
        lines = []
        for caption, get in fields:
            old, new = get(before), get(after)
            if old != new:
                lines.append(f"• {caption}: {old or '—'} → {new or '—'}")
        return lines or [self.tr("• nothing in the contact data (only saved again)")]

    def _save_mine(self) -> None:
        if self.theirs is not None:
            self.fields.errors.clear()
            if self.fields.check_phones():
                self._save(self.theirs.version)

    def _take_theirs(self) -> None:
        if self.theirs is not None:
            self.customer, self.theirs = self.theirs, None
            self.fields.load(self.customer)
            self._dirty = False
            self._conflict_buttons(False)
            self.banner.hide()

    def _revert(self) -> None:
        if self.customer is not None:
            self.fields.load(self.customer)
            self._dirty = False
            self.theirs = None
            self._conflict_buttons(False)
            self.banner.hide()
            self.reload()

    def _conflict_buttons(self, visible: bool) -> None:
        self.save_mine_button.setVisible(visible)
        self.take_theirs_button.setVisible(visible)

    # ---------------------------------------------------------------- actions

    def request_new_ticket(self) -> None:
        """Ask for a ticket for the customer shown (button and Ctrl+T)."""
        if self._customer_id is not None:
            self.new_ticket_requested.emit(self._customer_id)

    def merge_duplicate(self) -> MergeDialog | None:
        """Open the merge dialog for the customer shown (managers only)."""
        if self.customer is None or not self.can_merge:
            return None
        dialog = MergeDialog(self.desk, self.customer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(lambda _view: self.reload())
        dialog.destroyed.connect(lambda: setattr(self, "merge_dialog", None))
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    def _add_appliance(self) -> None:
        if self._customer_id is None:
            return
        dialog = ApplianceDialog(self.desk, self._customer_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _timeline_open(self, index: QModelIndex) -> None:
        entry = self.timeline.row_at(index.row())
        if entry.ticket_id is not None:
            self.open_ticket_requested.emit(entry.ticket_id)

    # ---------------------------------------------------------------- state

    def save_state(self, settings: QSettings) -> None:
        save_header(settings, "detail/openTickets", self.open_view.horizontalHeader())
        save_header(settings, "detail/appliances", self.appliance_view.horizontalHeader())
        save_header(settings, "detail/timeline", self.timeline_view.horizontalHeader())

    def restore_state(self, settings: QSettings) -> None:
        restore_header(settings, "detail/openTickets", self.open_view.horizontalHeader())
        restore_header(settings, "detail/appliances", self.appliance_view.horizontalHeader())
        restore_header(settings, "detail/timeline", self.timeline_view.horizontalHeader())
