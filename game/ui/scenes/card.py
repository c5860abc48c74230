"""A proposal up close: its text, the effect per year, the uncertainty in words, source,
discussion question, staff change, and "Vedtag"/"Luk" (plus the group's "hvorfor?" note)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pygame

from game.engine import MAX_NOTE_LENGTH, Annotate
from game.session import DRAFT_KEPT
from game.ui import theme
from game.ui.boardinput import STEP_KEYS
from game.ui.carddetail import draw_effect_table, draw_facts, facts_height
from game.ui.cards import adopt_card, kind_word, refusal
from game.ui.dialog import dim
from game.ui.draw import button, kind_icon, panel
from game.ui.layout_screens import DetailLayout, detail_layout
from game.ui.retained import Same
from game.ui.scene import Scene, ctrl_held, is_activation, is_key
from game.ui.textfield import TextField, said_left_out
from game.ui.theme import BODY, FONT_BOLD, HEADING, TINY, TITLE, Scale

if TYPE_CHECKING:
    from game.ui.scene import Host


class CardScene(Scene):
    """The card view over the dimmed board. Enter adopts, Esc closes, ← → (Page Up/Down on a
    presenter remote) show the previous and next card on the table."""

    name = "card"
    is_overlay = True

    def __init__(self, app: Host, card: str) -> None:
        super().__init__(app)
        self.card = card
        self.proposal = app.game.deck.proposal(card)
        self._layout: tuple[tuple[object, ...], DetailLayout] | None = None
        adoption = app.game.state.adoption(card)
        self.note = TextField(
            self.layout().note,
            app.fonts.get("regular", Scale(app.size[1]).body),
            text=adoption.note if adoption else app.game.drafts.get(card, ""),
            placeholder=app.t("card.note_placeholder"),
            on_full=lambda _: app.toast("card.note_full", error=True, most=MAX_NOTE_LENGTH),
            on_undrawable=said_left_out(app.toast),
        )
        """The group's "hvorfor?": sent with the adoption, or saved later with Annotate."""
        self.cut_texts: list[pygame.Rect] = []
        """Where the last frame cut the card's text or source short (a click there, or L,
        shows the card's words whole)."""

    def _sync_note(self, layout: DetailLayout) -> None:
        """Keep the note field's rectangle and font in step with the window size."""
        self.note.set_rect(layout.note)
        self.note.font = self.app.fonts.get("regular", Scale(self.app.size[1]).body)

    @property
    def wants_text_input(self) -> bool:
        """True while the note field has the focus (keys type text, not shortcuts)."""
        return self.note.focused

    def layout(self) -> DetailLayout:
        """The card view's rectangles, with room for every fact (``_right_rows``), measured
        again only when the window, the language or the game changes (the facts are words)."""
        key = (self.app.size, self.app.lang, Same(self.app.game.state))
        if self._layout is None or self._layout[0] != key:
            width, height = self.app.size
            scale = Scale(height)
            whole = self._whole_title(self._right_rows(detail_layout(width, height), scale), scale)
            self._layout = (key, whole)
        return self._layout[1]

    def _whole_title(self, layout: DetailLayout, scale: Scale) -> DetailLayout:
        """``layout`` with the title whole: a title that does not fit its two lines even at
        the heading's size takes lines from the description below, up to a third of it. The
        close-up is where a long title is read in full; at 1024×768 it was cut
        ("Sammenlægning af biblioteksfilialerne i Østbyen og –…")."""
        fit = self.app.text.fit
        title, below = layout.title, layout.text
        if not fit(
            self.proposal.title, title.width, title.height, scale.title, scale.heading, FONT_BOLD
        ).truncated:
            return layout
        need = fit(
            self.proposal.title, title.width, 10**6, scale.heading, scale.heading, FONT_BOLD
        ).height
        extra = max(0, min(need - title.height, below.height // 3))
        return replace(
            layout,
            title=pygame.Rect(title.x, title.y, title.width, title.height + extra),
            text=pygame.Rect(below.x, below.y + extra, below.width, below.height - extra),
        )

    def notices_area(self) -> pygame.Rect | None:
        """Notices stand over the note field while it is empty, and over the card's text once
        the group has written its reason (they hid the words being written: "Forslaget
        kræver …" over a half-typed reason); under the window's title they covered the card's
        kind and area, and two of them its title and the effect table's years."""
        layout = self.layout()
        return layout.note if not self.note.text.strip() else layout.text

    def notices_newest(self) -> bool:
        """The newest notices that the note field holds whole: two of them, more than it
        holds, stood under the window's title over the card's kind, title and years."""
        return True

    def note_text(self) -> str:
        """The note typed so far."""
        return self.note.text

    def close(self) -> None:
        """Back to the board (a note typed for a card not adopted yet is kept for it)."""
        if self.app.top is self:
            self.note.blur()
            game = self.app.game
            if game.state.adoption(self.card) is None and self.note_text().strip():
                game.drafts[self.card] = self.note_text()
            self.app.pop()

    def keep_typed(self) -> None:
        """The window closes: the note typed for a card not adopted yet is kept for it (and
        so in the save); an adopted card's changed note is saved, as Enter would."""
        game = self.app.game
        adoption = game.state.adoption(self.card)
        if adoption is None:
            if self.note_text().strip():
                game.drafts[self.card] = self.note_text()
        elif adoption.note != self.note_text() and not game.read_only:
            game.do(Annotate(self.card, self.note_text()))

    def adopt(self) -> None:
        """Adopt the card (with the note) and close; a refusal shows its reason."""
        if self.app.game.state.adoption(self.card) is not None:
            self.save_note()
            return
        note = self.note_text()
        if not note.strip():  # the field emptied here: no reason kept earlier goes with it
            self.app.game.drafts.pop(self.card, None)
        if adopt_card(self.app, self.card, note):
            board = self.app.find("board")
            if board is not None:
                board.selected = None
            self.close()

    def save_note(self) -> None:
        """Save the note: an adopted card's with Annotate (in the save file); for a card not
        adopted yet it is kept and goes with the adoption (adopting stays its own act)."""
        game = self.app.game
        adoption = game.state.adoption(self.card)
        if adoption is None:
            game.drafts[self.card] = self.note_text()
            if self.note_text().strip():
                # written to the save now, as the notice says: a crash before the next
                # decision lost a reason the window had called "gemt"
                game.keep_clock()
                self.app.toast(DRAFT_KEPT)
            return
        if adoption.note == self.note_text():
            return
        if game.do(Annotate(self.card, self.note_text())):
            self.app.toast("toast.saved_note")

    def handle(self, event: pygame.event.Event) -> None:
        """Note field first (it takes clicks on it and every key while focused), then
        Enter (adopt), Esc (close) and the buttons."""
        layout = self.layout()
        self._sync_note(layout)
        if self.wants_text_input:
            if is_key(event, pygame.K_ESCAPE):
                self.note.blur()
                return
            if is_key(event, pygame.K_RETURN, pygame.K_KP_ENTER) and not ctrl_held(event):
                self.note.blur()  # Enter in the note saves it; adopting is Enter once more
                self.save_note()
                return
            if event.type == pygame.KEYDOWN and event.key in STEP_KEYS:
                self.note.handle(event)  # the cursor's, not the next card's, while typing
                return
        if self.note.handle(event):
            return
        if is_key(event, pygame.K_ESCAPE):
            self.close()
        elif is_key(event, pygame.K_RETURN, pygame.K_KP_ENTER):
            self.adopt()
        elif is_key(event, pygame.K_TAB):
            self.note.focus()  # keyboard only: Tab to write the reason, Enter to adopt
        elif event.type == pygame.KEYDOWN and event.key in STEP_KEYS:
            self.show_neighbour(STEP_KEYS[event.key])
        elif is_key(event, pygame.K_l) and self.cut_texts:
            self.read_whole()
        elif is_activation(event):
            if layout.close.collidepoint(event.pos) or not layout.panel.collidepoint(event.pos):
                self.close()
            elif any(rect.collidepoint(event.pos) for rect in self.cut_texts):
                self.read_whole()
            elif (
                layout.adopt.collidepoint(event.pos)
                and self.app.game.state.adoption(self.card) is None
            ):
                self.adopt()
            elif layout.save_note.collidepoint(event.pos) and self._note_editable():
                self.save_note()

    def show_neighbour(self, step: int) -> None:
        """Show the next (``step`` 1) or previous (−1) card open on the table up close, as the
        board's arrows and a presenter remote's Page Down / Page Up select it there (the
        facilitator reads the cards aloud one by one without going back to the laptop). A
        reason typed so far is kept for this card; an adopted card's close-up stays."""
        board = self.app.find("board")
        if board is None or self.card not in self.app.game.state.market:
            return
        board.selected = self.card
        board.step_selection(step)
        neighbour = board.selected_card()
        if neighbour is not None and neighbour != self.card:
            self.close()
            board.open_card(neighbour)

    def _note_editable(self) -> bool:
        return self.app.game.state.adoption(self.card) is not None

    # --- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """The large card."""
        dim(surface)
        app = self.app
        state = app.game.state
        proposal = self.proposal
        layout = self.layout()
        scale = Scale(surface.get_height())
        text = app.text
        color = theme.kind_color(proposal.kind)
        panel(surface, layout.panel, scale.radius, theme.CARD)
        pygame.draw.rect(
            surface,
            color,
            layout.band,
            border_top_left_radius=scale.radius,
            border_top_right_radius=scale.radius,
        )
        g = scale.gap
        icon = pygame.Rect(
            layout.band.x + 2 * g,
            layout.band.y + g,
            layout.band.height - 2 * g,
            layout.band.height - 2 * g,
        )
        pygame.draw.ellipse(surface, theme.CARD, icon.inflate(g, g))
        kind_icon(surface, proposal.kind, icon.inflate(-icon.width // 5, -icon.height // 5), color)
        ink = theme.INK if proposal.kind is proposal.kind.SAVING else theme.HEADER_INK
        head = pygame.Rect(
            icon.right + 2 * g,
            layout.band.y,
            layout.band.width - icon.width - 4 * g,
            layout.band.height,
        )
        text.draw(
            surface,
            f"{kind_word(app, proposal.kind)} · {proposal.area}",
            head,
            HEADING.ink(ink).middle().lines(1).shrink(),
        )
        text.draw(surface, proposal.title, layout.title, TITLE.shrink("heading"))
        text_rect, question_rect, source_rect = self._left_rows(layout, scale)
        about, general, question = self._words()
        about_style = BODY.ink(theme.MUTED if general else theme.INK).shrink()
        source_text = app.t("card.source", source=proposal.source) if proposal.source else ""
        self.cut_texts = self._cut(scale, (about, text_rect, about_style))
        if self.cut_texts or self._cut(scale, (source_text, source_rect, TINY)):
            # the words a budget office's long text or source loses here are one key away
            # (they ended "… i…" with no way to read them): a line says so, under the source,
            # and the source, one line shorter for it, is measured again
            hint_h = round(scale.min_text * 1.35)
            source_rect = pygame.Rect(
                source_rect.x, source_rect.y, source_rect.width, source_rect.height - hint_h
            )
            self.cut_texts += self._cut(scale, (source_text, source_rect, TINY))
            text.draw(
                surface,
                app.t("card.read_whole"),
                pygame.Rect(source_rect.x, source_rect.bottom, source_rect.width, hint_h),
                TINY.bold().ink(theme.MUTED).lines(1).shrink(),
            )
        text.draw(surface, about, text_rect, about_style)
        if question:
            q = question_rect
            pygame.draw.rect(surface, theme.EVENT_TINT, q, border_radius=scale.radius)
            inner = q.inflate(-2 * g, -g)
            label_h = round(scale.body * 1.3)
            text.draw(
                surface,
                app.t("card.question"),
                pygame.Rect(inner.x, inner.y, inner.width, label_h),
                TINY.bold().ink(theme.MUTED).lines(1),
            )
            text.draw(
                surface,
                question,
                pygame.Rect(inner.x, inner.y + label_h, inner.width, inner.height - label_h),
                BODY.shrink(),
            )
        if proposal.source:
            text.draw(surface, source_text, source_rect, TINY.ink(theme.MUTED))
        draw_effect_table(self.app, surface, layout, scale, self.card)
        draw_facts(self.app, surface, layout, scale, self.card)
        self._draw_note(surface, layout, scale)
        self._draw_buttons(surface, layout, scale, state)

    def _cut(
        self, scale: Scale, *parts: tuple[str, pygame.Rect, theme.TextStyle]
    ) -> list[pygame.Rect]:
        """The rectangles of the ``parts`` (text, rectangle, style) that their rectangle cuts
        short, as ``draw`` would draw them."""
        return [
            rect
            for words, rect, style in parts
            if words and self.app.text.fitted(words, rect, style, scale).truncated
        ]

    def read_whole(self) -> None:
        """The card's title, text, question and source in full, in a message (L, or a click on
        a text the close-up cuts short)."""
        proposal = self.proposal
        about, _, question = self._words()
        parts = [about]
        if question:
            parts.append(f"{self.app.t('card.question')}: {question}")
        if proposal.source:
            parts.append(self.app.t("card.source", source=proposal.source))
        self.app.push("message", title=proposal.title, text="\n\n".join(parts))

    def _right_rows(self, layout: DetailLayout, scale: Scale) -> DetailLayout:
        """``layout`` with room for every fact: when the facts do not fit their share even at
        the smallest text (a card on the table with its chance line, its uncertainty, a
        welfare area and anlæg), the note field below gives room first, down to three lines,
        then the effect table above, up to a third of its height ("Anlæg: 8 mio. kr. af
        anlægsrammen (tæller ikke …" was cut)."""
        facts, table, label, note = layout.facts, layout.table, layout.note_label, layout.note
        short = facts_height(self.app, facts.width, scale, self.card) - facts.height
        if short <= 0:
            return layout
        below = max(0, min(short, note.height - round(scale.body * 1.4) * 3))
        above = max(0, min(short - below, table.height // 3))
        return replace(
            layout,
            table=pygame.Rect(table.x, table.y, table.width, table.height - above),
            facts=pygame.Rect(facts.x, facts.y - above, facts.width, facts.height + above + below),
            note_label=label.move(0, below),
            note=pygame.Rect(note.x, note.y + below, note.width, note.height - below),
        )

    def _words(self) -> tuple[str, bool, str]:
        """The card's description, whether it is the kind's general one, and its question.
        A card without a text or a question (a budget office's catalogue often has only
        titles and amounts) left half the close-up empty in front of the room: it gets what
        KL says of its kind, marked as such ("Om effektiviseringer: …"), and a question of its
        kind to open the discussion."""
        proposal = self.proposal
        kind = proposal.kind.value
        about = proposal.text.strip()
        question = proposal.question.strip() or self.app.t(f"card.ask.{kind}")
        if about:
            return about, False, question
        return self.app.t(f"card.about.{kind}"), True, question

    def _left_rows(
        self, layout: DetailLayout, scale: Scale
    ) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """The description's, the question's and the source's rectangles. When all three fit
        at their full sizes, the question and the source take what they need at the bottom
        and the description the rest; otherwise the layout's fixed shares (the description
        shrinks first). The source was cut after two lines ("… rehabilitering og…") while the
        description left room empty: the facilitator is told to ask about the source."""
        proposal = self.proposal
        fit = self.app.text.fit
        g = scale.gap
        top, bottom = layout.text.top, layout.source.bottom
        x, width = layout.text.x, layout.text.width
        source = self.app.t("card.source", source=proposal.source) if proposal.source else ""
        need_source = fit(source, width, 10**6, scale.min_text, scale.min_text).height
        about, _, question = self._words()
        need_question = 0
        if question:
            label_h = round(scale.body * 1.3)
            asked = fit(question, width - 2 * g, 10**6, scale.body, scale.body)
            need_question = label_h + asked.height + g
        need_text = fit(about, width, 10**6, scale.body, scale.body).height
        if need_text + need_question + need_source + 2 * g > bottom - top:
            # too little room for all at full size: the source and the question still get
            # what they need (up to a third each), and the description shrinks into the rest
            need_source = min(need_source, (bottom - top) // 3)
            need_question = min(need_question, (bottom - top) // 3)
            if (bottom - top) - need_source - need_question - 2 * g < (bottom - top) // 4:
                return layout.text, layout.question, layout.source
        source_rect = pygame.Rect(x, bottom - need_source, width, need_source)
        question_rect = pygame.Rect(x, source_rect.top - g - need_question, width, need_question)
        text_rect = pygame.Rect(x, top, width, max(1, question_rect.top - g - top))
        return text_rect, question_rect, source_rect

    def _draw_note(self, surface: pygame.Surface, layout: DetailLayout, scale: Scale) -> None:
        self.app.text.draw(
            surface, self.app.t("card.note"), layout.note_label, BODY.bold().lines(1)
        )
        self._sync_note(layout)
        self.note.draw(surface)

    def _draw_buttons(
        self, surface: pygame.Surface, layout: DetailLayout, scale: Scale, state: Any
    ) -> None:
        app = self.app
        adoption = state.adoption(self.card)
        problem = refusal(state, self.card) if adoption is None else None
        if adoption is None:
            button(
                surface,
                app.text,
                layout.adopt,
                app.t("card.adopt"),
                scale.heading,
                radius=scale.radius,
                primary=problem is None,
                enabled=problem is None,
            )
        elif self._note_editable():
            button(
                surface,
                app.text,
                layout.save_note,
                app.t("card.note_save"),
                scale.body,
                radius=scale.radius,
                primary=True,
            )
        button(
            surface, app.text, layout.close, app.t("card.close"), scale.heading, radius=scale.radius
        )
        if problem is not None:  # the reason gets the room of the note button it lacks
            status = app.say(app.game.refusal(problem))
            room = layout.status.union(layout.save_note)
            room.width = layout.adopt.x - room.x - scale.gap
            app.text.draw(surface, status, room, BODY.bold().ink(theme.WARNING).middle().shrink())
