"""The service posts page of the in-service tab: posts (服务岗位) with their quotas,
and the claims of the selected post."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from gridoffice.domain import inservice as rules
from gridoffice.ui import messages
from gridoffice.ui.dialogs import inservice_dialogs as dialogs
from gridoffice.ui.models.inservice_tables import ClaimTableModel, PostTableModel
from gridoffice.ui.tabs.inservice.page import Page, rules_query
from gridoffice.ui.widgets.actions import make_action
from gridoffice.ui.widgets.community import show_community_column
from gridoffice.ui.widgets.tables import current_item, row_table, select_row, text_toolbar


class PostsPage(Page):
    """Service posts (服务岗位) with quotas, and the claims of the selected post."""

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        act = lambda text, slot, key=None: make_action(self, text, slot, key)  # noqa: E731
        self.new_action = act(self.tr("New post…"), self.new_post, "Ctrl+Shift+P")
        self.edit_action = act(self.tr("Edit post…"), self.edit_post)
        self.close_action = act(self.tr("Close post…"), self.close_post)
        self.claim_action = act(self.tr("Claim for a member…"), self.claim, "Ctrl+K")
        self.accept_action = act(self.tr("Accept application"), lambda: self.decide(True))
        self.reject_action = act(self.tr("Reject application"), lambda: self.decide(False))
        self.withdraw_action = act(self.tr("Withdraw…"), self.withdraw)
        self.toolbar = text_toolbar(self, [self.new_action, self.edit_action, self.close_action,
                                       None, self.claim_action, self.accept_action,
                                       self.reject_action, self.withdraw_action])
        self.model = PostTableModel(self, host.grid_name)
        self.view = row_table(self, self.model)
        show_community_column(self.view, self.model, host.community)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.activated.connect(lambda _i: self.edit_post())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self.show_claims())
        self.claims_model = ClaimTableModel(self, by_post=True)
        self.claims_view = row_table(self, self.claims_model)
        self.claims_view.verticalHeader().hide()
        self.claims_view.selectionModel().currentRowChanged.connect(
            lambda *_a: self.update_actions())
        self.claims_label = QLabel(self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.claims_label)
        right_layout.addWidget(self.claims_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(right)
        self.splitter.setSizes([700, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

    def current_post(self) -> Any:
        return current_item(self.view, self.model)

    def current_claim(self) -> Any:
        return current_item(self.claims_view, self.claims_model)

    def refresh(self, select_id: str | None = None) -> None:
        keep = select_id or getattr(self.current_post(), "id", None)
        self.model.set_rows(self.service.posts(include_closed=True,
                                               office=self.host.community_filter.office()))
        select_row(self.view, self.model, keep)
        self.show_claims()

    def show_claims(self) -> None:
        post = self.current_post()
        keep = getattr(self.current_claim(), "id", None)
        self.claims_model.set_rows(self.service.claims(post_id=post.id) if post else [])
        select_row(self.claims_view, self.claims_model, keep)
        self.claims_label.setText(self.tr("{post}: {claimed} of {quota} places taken").format(
            post=post.name, claimed=post.claimed, quota=post.quota) if post else "")
        self.update_actions()

    def update_actions(self) -> None:
        post, claim = self.current_post(), self.current_claim()
        open_post = post is not None and post.retired_on is None
        self.edit_action.setEnabled(post is not None)
        self.close_action.setEnabled(open_post)
        self.claim_action.setEnabled(open_post)
        applying = claim is not None and claim.status == rules.APPLYING
        self.accept_action.setEnabled(applying)
        self.reject_action.setEnabled(applying)
        self.withdraw_action.setEnabled(claim is not None and claim.status != rules.WITHDRAWN)
        community = self.host.community
        if community.active:
            community.lock((self.edit_action, self.close_action, self.claim_action,
                            self.accept_action, self.reject_action, self.withdraw_action),
                           post.origin_office if post else None,
                           locked=post is not None and community.read_only(post.origin_office))
            community.lock((self.new_action,), None, locked=True,
                           text=community.community_only_text())

    def new_post(self) -> str | None:
        post_id = dialogs.PostDialog(self, save=self.service.add_post,
                                     grids=self.host.grids).ask_result()
        if post_id is not None:
            self.refresh(post_id)
            self.host.status_message.emit(self.tr("The post was saved."))
        return post_id

    def edit_post(self) -> None:
        post = self.current_post()
        if post is None or not self.edit_action.isEnabled():
            return
        service = self.service
        before = service.post_draft(post.id)
        after = dialogs.PostDialog(self, draft=before, grids=self.host.grids,
                                   save=lambda d: service.update_post(post.id, d) or d
                                   ).ask_result()
        if after is not None:
            self.host.push(self.tr("Edit post"), lambda: service.update_post(post.id, after),
                           lambda: service.update_post(post.id, before))

    def close_post(self) -> None:
        post = self.current_post()
        if post is None or not messages.confirm(self, self.tr(
                "Close the post {post}? It stays on the list, and takes no more claims."
        ).format(post=post.name)):
            return
        if self._try(lambda: self.service.close_post(post.id)) is None:
            self.refresh()

    def claim(self) -> str | None:
        post = self.current_post()
        if post is None:
            return None
        service = self.service
        members = service.registrations(
            rules_query(review_status=rules.APPROVED))
        taken = {c.registration_id for c in service.claims(post_id=post.id)}
        holder: dict[str, str] = {}

        def save(registration_id: str, accept: bool) -> str:
            claim_id = service.claim(registration_id, post.id, accept=accept)
            holder.update(registration=registration_id, claim=claim_id,
                          accept="1" if accept else "")
            return claim_id

        claim_id = dialogs.MemberPickerDialog(
            self, title=self.tr("Claim {post}").format(post=post.name),
            intro=self.tr("{claimed} of {quota} places are taken.").format(
                claimed=post.claimed, quota=post.quota),
            members=[m for m in members if m.id not in taken], save=save,
            accept_label=self.tr("Claimed now (untick: the member applies, decided later)")
        ).ask_result()
        if claim_id is None:
            return None

        def again() -> None:
            holder["claim"] = service.claim(holder["registration"], post.id,
                                            accept=bool(holder["accept"]))

        self.host.push(self.tr("Claim post"), again,
                       lambda: service.withdraw_claim(holder["claim"]))
        self.host.status_message.emit(self.tr("The claim was saved."))
        return str(claim_id)

    def decide(self, accept: bool) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        if self._try(lambda: self.service.decide_claim(claim.id, accept) or True):
            self.host.refresh()

    def withdraw(self) -> None:
        claim = self.current_claim()
        if claim is None or not messages.confirm(self, self.tr(
                "{name} withdraws from {post}?").format(name=claim.name, post=claim.post)):
            return
        service = self.service
        if not self._try(lambda: service.withdraw_claim(claim.id) or True):
            return
        holder = {"claim": claim.id}
        accept = claim.status == rules.CLAIMED

        def reclaim() -> None:
            holder["claim"] = service.claim(claim.registration_id, claim.post_id,
                                            accept=accept)

        self.host.push(self.tr("Withdraw claim"),
                       lambda: service.withdraw_claim(holder["claim"]), reclaim)
