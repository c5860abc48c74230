"""Print and play: the document is self-contained, and Chromium prints it to A4 pages where
every card is whole (its id and its title on one page, never split)."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import tempfile
from dataclasses import replace
from html import escape, unescape
from itertools import pairwise
from pathlib import Path

import pytest

from game.cli import main
from game.content import load_deck
from game.engine import die_table
from game.numbers import format_amount, format_target
from game.paths import standard_deck
from game.printing import PER_PAGE, document, page_count
from game.printing.document import entry_layout, event_copies

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")


def _as_read(page):
    """The printed page's text as a reader sees it: without its tags, its entities read."""
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


def test_the_document_uses_no_outside_resource():
    deck = load_deck(standard_deck())
    html = document(deck, deck.scenario("standard"))
    assert not re.search(r"(?i)(https?:|src=|href=|@import|url\()", html)
    assert html.count('class="card"') == len(deck.scenario("standard").proposals)
    events = [deck.event(eid) for eid in deck.scenario("standard").events]
    assert html.count('class="card event"') == sum(event_copies(events).values())


def test_every_card_shows_its_kind_as_a_word_and_an_icon():
    deck = load_deck(ROOT / "decks" / "kystby")
    html = document(deck, deck.scenario("kystby"))
    for word in ("BESPARELSE", "EFFEKTIVISERING", "INVESTERING", "HÆNDELSE"):
        assert f'<span class="word">{word}</span>' in html
    cards = html.split('<div class="card')[1:]
    assert all('<svg class="icon"' in card for card in cards)
    # a saving's "+1.200" read as more expense to a budget office that writes savings with a
    # minus: every proposal's amounts say that they are råderum and which sign frees it
    proposals = [card for card in cards if "HÆNDELSE" not in card]
    unit = deck.unit
    assert all(f"Råderum i {unit} pr. år (+ frigør, − koster)" in card for card in proposals)


def test_an_uncertain_card_is_marked_and_carries_its_die_a_certain_one_does_not():
    deck = load_deck(standard_deck())
    scenario = deck.scenario("standard")
    html = document(deck, scenario)
    cards = {
        part.split('"', 1)[0]: part
        for part in html.split('<div class="card" style="--tint:')[1:]
        for part in [part.split('data-id="', 1)[1]]
    }
    for proposal in map(deck.proposal, scenario.proposals):
        card = cards[proposal.id]
        if proposal.is_uncertain:
            last = die_table(proposal.uncertainty, proposal.failure)[-1]
            assert "<b>±</b> d20 ved første gevinst: " in card, proposal.id
            assert f"{last.first}–{last.last}: {last.factor:g}".replace(".", ",") in card
        else:
            assert "d20" not in card and "±" not in card, proposal.id
    example = next(p for p in map(deck.proposal, scenario.proposals) if p.is_uncertain)
    faces = {format_amount(b.factor, "da") for b in die_table(example.uncertainty, example.failure)}
    shown = re.search(rf"fx {example.id} = ([\d,]+)\)", html)
    assert shown and shown.group(1) in faces  # an example the card's die can give
    read = re.sub(r"<[^>]+>", "", html)  # the page as a reader sees it
    assert "--scenario standard" in read and "»ingen«" in read


def test_the_handout_says_in_words_what_every_card_is_with_its_staff_and_whole_source():
    deck = load_deck(standard_deck())
    scenario = deck.scenario("lang-horisont")
    html = document(deck, scenario)
    handout = html.split('<section class="page sheet catalogue">', 1)[1]
    for proposal in map(deck.proposal, scenario.proposals):
        entry = handout.split(f"<code>{proposal.id}</code>", 1)[1].split('<div class="item">')[0]
        assert escape(proposal.text) in entry and escape(proposal.source) in entry, proposal.id
        if proposal.staff is not None:
            staff = format_amount(proposal.staff, "da", sign=True)
            assert f"Personale {staff}&nbsp;årsværk" in entry, proposal.id
    assert "Forslag 1–" in handout and f"af {len(scenario.proposals)}: beskrivelse" in handout


def test_a_card_without_a_question_carries_its_text():
    # a budget office's catalogue has texts but no questions: the import said the table reads
    # the text on the card, and the lower half of every printed card was blank
    deck = load_deck(standard_deck())
    scenario = deck.scenario("intro")
    asked = deck.proposal(scenario.proposals[0])
    plain = replace(asked, question="", source="")
    deck = replace(deck, proposals=tuple(plain if p is asked else p for p in deck.proposals))
    html = document(deck, scenario)
    card = html.split(f'data-id="{plain.id}"', 1)[1].split('<div class="card" ', 1)[0]
    assert f">{escape(plain.text)}</div>" in card and 'class="cardtext"' in card
    other = deck.proposal(scenario.proposals[1])
    card = html.split(f'data-id="{other.id}"', 1)[1].split('<div class="card" ', 1)[0]
    assert escape(other.question) in card and 'class="cardtext"' not in card
    # with neither (titles and amounts only), the card asks its kind's question, as the
    # card view does, not a blank lower half for the paper table to discuss
    bare = replace(other, question="", text="")
    deck = replace(deck, proposals=tuple(bare if p.id == other.id else p for p in deck.proposals))
    card = document(deck, scenario).split(f'data-id="{bare.id}"', 1)[1]
    card = card.split('<div class="card" ', 1)[0]
    assert 'class="question"' in card and "Hvem mærker besparelsen først" in unescape(card)


def test_a_page_with_one_card_is_not_called_a_range():
    deck = load_deck(standard_deck())
    scenario = deck.scenario("standard")  # 25 proposals: the last card page holds one
    html = document(deck, scenario)
    assert "Forslag 25 af 25 · " in html and "Forslag 25–25" not in html
    krise = document(deck, deck.scenario("krise"))
    assert "Kun i runde 3 og 4" in krise and "læg den tilbage i bunken" in krise


def test_print_refuses_a_file_that_is_not_html(tmp_path, capsys):
    assert main(["print", str(standard_deck()), "--out", str(tmp_path / "kort.pdf")]) == 2
    assert "skal ende på .html" in capsys.readouterr().err


def _pdf(html: Path, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                str(html),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )


def _pages(pdf: Path, layout: str = "-layout") -> list[str]:
    """The text of each page of ``pdf``: as laid out (``-layout``), or in the order it was
    drawn (``-raw``: each card's text together)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    count = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
    texts = []
    for number in range(1, count + 1):
        text = subprocess.run(
            ["pdftotext", layout, "-f", str(number), "-l", str(number), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        texts.append(text)
    return texts


@pytest.mark.skipif(not (CHROMIUM and POPPLER), reason="needs chromium and poppler-utils")
@pytest.mark.parametrize(
    ("deck_path", "scenario"),
    [(standard_deck(), "standard"), (ROOT / "decks" / "kystby", "kystby")],
)
def test_chromium_prints_every_card_whole(tmp_path, deck_path, scenario):
    html = tmp_path / "kort.html"
    assert main(["print", str(deck_path), "--scenario", scenario, "--out", str(html)]) == 0
    pdf = tmp_path / "kort.pdf"
    _pdf(html, pdf)
    deck = load_deck(deck_path)
    chosen = deck.scenario(scenario)
    pages = _pages(pdf)
    raw = _pages(pdf, "-raw")
    source = html.read_text(encoding="utf-8")
    assert len(pages) == page_count(source)
    # after the facilitator's sheet (one page or two), the result sheet, the ledger, the board
    sections = source.split('<section class="page')[1:]
    first_card_page = next(i for i, s in enumerate(sections) if s.startswith(' cards"'))
    # every rule of the facilitator's sheet is printed whole: the last one ("I har vundet, hvis
    # …") was cut off at the foot of the page by the page's fixed height
    sheet = " ".join(" ".join(page.split()) for page in pages[:first_card_page])
    rules = "".join(s.split('class="rules"', 1)[1] for s in sections if 'class="rules"' in s)
    for rule in re.findall(r"<li>(.*?)</li>", rules):
        words = " ".join(unescape(rule).split())
        assert words[-30:] in sheet or words[-30:].replace(" ", "") in sheet.replace(" ", ""), rule
    cards = [(p.id, p.title) for p in map(deck.proposal, chosen.proposals)]
    events = [deck.event(eid) for eid in chosen.events]
    copies = event_copies(events) or {e.id: 1 for e in events}
    cards += [(e.id, e.title) for e in events for _ in range(copies[e.id])]
    for index, (card_id, title) in enumerate(cards):
        proposals = len(chosen.proposals)
        if index < proposals:
            expected = first_card_page + index // PER_PAGE
        else:
            expected = first_card_page + -(-proposals // PER_PAGE) + (index - proposals) // PER_PAGE
        found = [n for n, text in enumerate(pages) if re.search(rf"\b{re.escape(card_id)}\b", text)]
        assert expected in found, (card_id, found)
        words = " ".join(pages[expected].split())
        assert title.split()[0] in words and title.split()[-1].rstrip("?") in words, title
        if index < proposals and deck.proposal(card_id).question:
            # the question whole on its card: a card with a die and an "Udelukker" line
            # printed "… og hvem savne…", and Chrome clamped every question a line early
            # (the page's text has the two columns of cards side by side, line by line)
            end = deck.proposal(card_id).question.split()[-1]
            assert end in words.split(), (card_id, end)
        # no "…" in the middle of a title or question that goes on below it: a clamped box in
        # the card's column printed "Grønthøster på 0,5 % af… / administrationen"
        said = [title] + ([deck.proposal(card_id).question] if index < proposals else [])
        flowing = " ".join(raw[expected].split())  # each card's text in its own order
        for text in said:
            pairs = [f"{a}… {b}" for a, b in pairwise(text.split())]
            stray = [pair for pair in pairs if pair in flowing]
            assert not stray, (card_id, stray)
    handout = " ".join(" ".join(page.split()) for page in pages[expected + 1 :])
    for proposal in map(deck.proposal, chosen.proposals):  # no entry cut at a page's foot
        assert " ".join(proposal.text.split()[-4:]) in handout, proposal.id
        assert " ".join(proposal.question.split()[-3:]) in handout, proposal.id


def test_print_without_a_deck_prints_the_standard_deck(tmp_path, capsys):
    # before: "mangler deck", though the README says the standard deck is the default
    out = tmp_path / "kort.html"
    assert main(["print", "--scenario", "borgermoede", "--out", str(out)]) == 0
    assert "Borgerkonference" in capsys.readouterr().out and out.exists()


def test_the_boards_tracks_fit_the_scenario_fatigue_to_its_capacity_and_its_service_floor():
    deck = load_deck(standard_deck())
    html = document(deck, deck.scenario("standard"))  # capacity 22, floor −6
    track = html.split('<table class="track">', 1)[1].split("</table>", 1)[0]
    fatigue, capacity = (re.findall(r"<td>(\d+)\+?</td>", row) for row in track.split("</tr>")[:2])
    assert fatigue[0] == "0" and fatigue[-1] == "22" and capacity[-1] == "0"
    assert '<td class="floor">−6<br><small>gulv</small></td>' in html
    # the service track's ends hold every level beyond them: a table that only saved ended
    # at −17 and found no box for it (the track ran −8 … +8); and it runs as low as the
    # scenario's cards reach, so a table that dipped under −8 and invested its way back up
    # kept count (it had written "≤ −8" and lost it)
    service = html.split('<table class="track">', 2)[2].split("</table>", 1)[0]
    cells = re.findall(r"<td[^>]*>([^<]+)", service)
    assert cells[-1] == "≥ +8" and "−7" in cells and "+7" in cells
    assert cells[0] == "≤ −16" and "−15" in cells and len(cells) == 25
    for scenario, lowest in (("intro", 8), ("borgermoede", 11)):  # each as low as it reaches
        page = document(deck, deck.scenario(scenario))
        service = page.split('<table class="track">', 2)[2].split("</table>", 1)[0]
        first = re.findall(r"<td[^>]*>([^<]+)", service)[0]
        assert first.startswith("≤ −") and int(first[3:]) >= lowest, (scenario, first)
    kystby = load_deck(ROOT / "decks" / "kystby")
    small = document(kystby, kystby.scenario("kystby"))
    track = small.split('<table class="track">', 1)[1].split("</table>", 1)[0]
    capacity = re.findall(r"<td>(\d+)</td>", track.split("</tr>")[1])
    assert capacity.count("0") == 1  # no run of empty boxes after the capacity is used up


def test_a_paper_table_has_a_ledger_with_a_column_per_year_and_the_targets_at_its_foot():
    deck = load_deck(standard_deck())
    scenario = deck.scenario("lang-horisont")
    html = document(deck, scenario)
    ledger = html.split('<section class="page sheet ledger">', 1)[1].split("</section>", 1)[0]
    assert "Regnskabsark" in ledger and "Årets råderum" in ledger
    head = ledger.split("</tr>", 1)[0]
    assert all(f"<th>{year}</th>" in head for year in scenario.years)
    targets = re.findall(r"<td class='num'>([^<]+)</td>", ledger)
    assert targets == [str(int(t)) for t in scenario.target]
    # room for eight years of 3–4 cards and an event each (18 rows were too few)
    assert ledger.count('<tr style="height:') == 32
    # every box stays on the line of its word: "☐ vundet ☐" / "tabt" was printed
    assert "☐&nbsp;vundet ☐&nbsp;tabt" in ledger
    assert not re.search("☐ ", html), re.findall(".{20}☐ .{10}", html)[:3]


def test_the_board_has_a_row_for_the_anlaeg_used_when_the_scenario_has_an_anlaegsramme():
    # Before: rule 13 of the facilitator's sheet spoke of the anlægsramme, but the board had
    # no place to keep track of it.
    deck = load_deck(standard_deck())
    with_budget = document(deck, deck.scenario("standard"))  # anlægsramme 22
    assert "Anlæg brugt i alt (anlægsramme 22 mio. kr.)" in with_budget
    assert "Anlæg brugt i alt" not in document(deck, deck.scenario("intro"))  # no ramme


def test_the_entry_sheet_makes_room_for_whole_titles_before_it_shortens_them():
    # a short game gets the rows the page has room for, up to 40 mm (26 mm did not hold
    # the seven ids a table wrote in its first round); eight years and 54 cards get lower
    # rows, so the list's titles can wrap instead of ending in "…"; only a catalogue too long
    # for that keeps one line per card, and no row gets under 10 mm
    deck = load_deck(standard_deck())

    def entries(scenario_id: str) -> list[str]:
        scenario = deck.scenario(scenario_id)
        cards = [*map(deck.proposal, scenario.proposals), *map(deck.event, scenario.events)]
        return [f"{card.id} {card.title}" for card in cards]

    row, whole = entry_layout(3, entries("borgermoede"))  # three rounds, 24 cards and events
    assert row >= 36 and whole
    row, whole = entry_layout(4, entries("standard"))
    assert row >= 28 and whole
    row, whole = entry_layout(8, entries("lang-horisont"))  # 54 cards and events
    assert 10 <= row < 26 and whole
    row, whole = entry_layout(8, entries("lang-horisont") * 2 + entries("standard"))
    assert row >= 10 and not whole
    # a budget office's titles of 70 letters take more of the page than the standard's
    long = [
        f"BUF-{n:02} Sammenlægning af administrative funktioner på tværs af skoler"
        for n in range(36)
    ]
    assert entry_layout(4, long)[0] < entry_layout(4, entries("standard")[:36])[0]


@pytest.mark.skipif(not (CHROMIUM and POPPLER), reason="needs chromium and poppler-utils")
def test_chromium_prints_the_entry_sheets_list_with_whole_titles(tmp_path):
    # before: "Rengøring hver tredj…", "Lovændring k…" on the sheet a paper table fills in
    deck = load_deck(standard_deck())
    html, pdf = tmp_path / "ark.html", tmp_path / "ark.pdf"
    assert main(["print", "--scenario", "lang-horisont", "--out", str(html)]) == 0
    _pdf(html, pdf)
    pages = _pages(pdf)
    entry = next(page for page in pages if "Resultatark til" in page)
    sheet = " ".join(entry.split()).partition("Kortene")[2]
    scenario = deck.scenario("lang-horisont")
    titles = [deck.proposal(p).title for p in scenario.proposals]
    titles += [deck.event(e).title for e in scenario.events]
    for title in titles:
        assert title.split()[-1] in sheet, title
    assert "…" not in sheet


@pytest.mark.skipif(not (CHROMIUM and POPPLER), reason="needs chromium and poppler-utils")
def test_chromium_prints_a_catalogues_long_titles_on_the_entry_sheet_without_losing_one(tmp_path):
    # before: a budget office's 36 cards and events with titles of 60–80 letters ran off the
    # foot of the entry sheet, and the last three (an event among them) were not printed
    titles = [
        "Sammenlægning af administrative funktioner på tværs af dagtilbud og skoleområdet",
        "Lukning af aktivitetscenter Birkely og samling af aktiviteter på Solgården",
        "Fælles indkøbsaftaler og bedre compliance på tværs af kommunens institutioner",
    ]
    kinds = ("saving", "efficiency", "investment")
    cards = "".join(
        f"  - id: K{n:02}\n    kind: {kinds[n % 3]}\n    title: {titles[n % 3]} ({n})\n"
        f"    area: Social og sundhed\n    effect: {[-1, 2] if n % 3 == 2 else [1]}\n"
        for n in range(30)
    )
    events = "".join(
        f"  - id: H{n}\n    title: Udligningen falder mere end forventet efter reformen ({n})\n"
        "    effect: [-1]\n"
        for n in range(6)
    )
    (tmp_path / "deck.yaml").write_text(
        "deck:\n  id: katalog\n  title: Katalog\n  schema_version: 1\nproposals:\n"
        + cards
        + "events:\n"
        + events
        + "scenarios:\n  - id: seks\n    title: Seks år\n"
        '    years: ["2027", "2028", "2029", "2030", "2031", "2032"]\n'
        "    target: [1, 2, 3, 4, 5, 6]\n    capacity: 30\n",
        encoding="utf-8",
    )
    html, pdf = tmp_path / "ark.html", tmp_path / "ark.pdf"
    assert main(["print", str(tmp_path / "deck.yaml"), "--out", str(html)]) == 0
    _pdf(html, pdf)
    entry = next(page for page in _pages(pdf) if "Resultatark til" in page)
    for card in [f"K{n:02}" for n in range(30)] + [f"H{n}" for n in range(6)]:
        assert card in entry, card
    assert "(5)" in entry  # the last event's title ends on the page


def test_print_with_the_facilitators_target_shows_the_targets_the_window_plays(tmp_path, capsys):
    # a trial set 27,5 for intro on the screen; the printed sheets said 3 / 9 / 25
    from game.engine import new_game
    from game.saves import read_save

    deck = load_deck(standard_deck())
    out = tmp_path / "kort.html"
    command = ["print", "--scenario", "intro", "--target", "27,5", "--out", str(out)]
    assert main(command) == 0, capsys.readouterr().err
    html = out.read_text(encoding="utf-8")
    played = new_game(deck, "intro", 0, 27.5).targets
    sheet = html.split('<table class="targets">', 1)[1].split("</table>", 1)[0]
    assert re.findall(r"<td>([^<]+)</td>", sheet) == [format_amount(t) for t in played]
    assert "25</td>" not in sheet
    # the result sheet's command enters the table against the same targets
    assert "--scenario intro --target 27,5" in _as_read(out)
    entered = tmp_path / "bord.json"
    entry = ["enter", "--scenario", "intro", "--target", "27,5", "--table", "Bord 1"]
    entry += ["--adopt", "sfo-takst@1", "--event", "ingen@1", "--event", "ingen@2"]
    entry += ["--event", "ingen@3", "--out", str(entered)]
    assert main(entry) == 0, capsys.readouterr().err
    assert read_save(entered).history.current.targets == played
    # a target with two decimals is entered as typed, not as the sheet rounds it to show it
    out2 = tmp_path / "kort2.html"
    command = ["print", "--scenario", "intro", "--target", "27,55", "--out", str(out2)]
    assert main(command) == 0, capsys.readouterr().err
    assert "--scenario intro --target 27,55" in _as_read(out2)


@pytest.mark.parametrize(
    ("lang", "target", "printed"),
    [
        ("en", "47.5", "--lang en --target 47.5"),
        ("en", "3000", "--lang en --target 3000"),
        ("da", "3000", "--target 3000"),
        ("da", "47,5", "--target 47,5"),
    ],
)
def test_the_printed_enter_command_is_read_back_as_the_sheet_s_target(
    tmp_path, capsys, lang, target, printed
):
    # an English sheet told the host to type "--target 3.000" (and "47,5"), which the English
    # command line refuses as two readings
    out = tmp_path / "kort.html"
    command = ["print", "decks/kystby", "--target", target, "--lang", lang, "--out", str(out)]
    assert main(command) == 0, capsys.readouterr().err
    html = _as_read(out)
    assert f"--scenario kystby {printed} " in html, re.findall(r"raaderum enter.{0,80}", html)
    from game.cli.parser import target_amount

    typed = printed.split()[-1]  # read as the command reads it, in the sheet's language
    assert target_amount(typed, lang) == target_amount(target, lang)


@pytest.mark.skipif(not (CHROMIUM and POPPLER), reason="needs chromium and poppler-utils")
@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("da", ["--adopt ID@RUNDE", "--event ID@RUNDE", "--factor ID=FAKTOR"]),
        ("en", ["--adopt ID@ROUND", "--event ID@ROUND", "--factor ID=FACTOR"]),
    ],
)
def test_the_printed_enter_command_breaks_only_between_whole_options(tmp_path, capsys, lang, words):
    # a host's trial: the facilitator's sheet printed with --target broke the command inside
    # an option, "… --event ID@RUNDE -" / "-factor ID=FAKTOR", and was typed as printed
    out, pdf = tmp_path / "kort.html", tmp_path / "kort.pdf"
    command = ["print", "--scenario", "borgermoede", "--target", "35", "--lang", lang]
    assert main([*command, "--out", str(out)]) == 0, capsys.readouterr().err
    _pdf(out, pdf)
    text = "\n".join(_pages(pdf, "-raw"))
    start = text.index("raaderum")
    said = text[start : text.index(". ", text.index("…", start))]  # to "--stopped-after RUNDE"
    lines = said.splitlines()
    assert len(lines) > 1, said  # the command does break over lines …
    table = '"Bord 3"' if lang == "da" else '"Table 3"'
    for whole in ["--scenario borgermoede", "--target 35", f"--table {table}", *words]:
        assert any(whole in line for line in lines), (whole, lines)  # … never inside one
    for line in lines:
        assert not line.rstrip().endswith("-") and not re.match(r"-[^-]", line), lines
    # so every option of every command the print writes, with its value, is kept together
    html = out.read_text(encoding="utf-8")
    assert ".option { white-space: nowrap; }" in html
    body = html.split("</style>", 1)[1]
    read = unescape(re.sub(r"<[^>]+>", "", body))
    options = re.findall(r'--[a-z-]+(?: (?:"[^"]*"|[^ "<-][^ <]*))?', read)
    assert len(options) == (7 if lang == "da" else 8), options  # "--lang en" in English
    for option in options:
        assert f'<span class="option">{escape(option).rstrip(".")}</span>' in body, option


def test_a_facilitators_target_is_printed_with_the_decimals_the_game_counts(tmp_path, capsys):
    # X = 27 on the standard game: 1,65 / 5,51 / 12,67 / 27. The sheet said "1,7 · 5,5 · 12,7",
    # so a paper table at 5,5 ticked 2028 as met, which the game counts as missed
    from game.engine import new_game

    deck = load_deck(standard_deck())
    out = tmp_path / "kort.html"
    assert main(["print", "--target", "27", "--out", str(out)]) == 0, capsys.readouterr().err
    played = new_game(deck, "standard", 0, 27.0).targets
    assert played[1] == 5.51
    sheet = out.read_text(encoding="utf-8").split('<table class="targets">', 1)[1]
    shown = re.findall(r"<td>([^<]+)</td>", sheet.split("</table>", 1)[0])
    assert shown == ["1,65", "5,51", "12,67", "27"]


def test_the_printed_rules_of_a_scenario_without_events_do_not_ask_to_draw_one(tmp_path):
    # a trial's imported catalogue had no events and six proposals; the rules said "træk 1
    # hændelse, og fyld bordet op til 8 forslag"
    from game.content import load_sources
    from tests.content.test_loader import _good_body

    deck = load_sources([("deck.yaml", _good_body().replace("    events_per_round: 0\n", ""))])
    html = " ".join(document(deck, deck.scenario("s")).split())
    # three proposals and a table of 8: all lie open from the start, as on the screen
    assert "Hver runde: alle forslagene ligger åbent fra starten" in html
    assert "træk 1 hændelse" not in html and "hændelserne til en anden" not in html
    standard = load_deck(standard_deck())
    four_years = standard.scenario("standard")
    assert four_years.market < len(four_years.proposals)
    html = " ".join(document(standard, four_years).split())
    assert f"Hver runde: træk 1 hændelse, og fyld bordet op til {four_years.market} forslag" in html


def test_the_printed_rules_of_an_open_table_lay_every_proposal_out_at_the_start():
    # intro shows its whole pile of 12 from the start; the sheet told the table to shuffle the
    # proposals and fill the table up, turning cards until each kind was there
    deck = load_deck(standard_deck())
    intro = deck.scenario("intro")
    assert intro.market >= len(intro.proposals)
    html = " ".join(document(deck, intro).split())
    assert "læg alle forslagene åbent på bordet" in html
    assert "Hver runde: træk 1 hændelse. Alle forslagene ligger åbent fra starten" in html
    assert "fyld bordet op" not in html and "bland forslagene" not in html


def test_the_printed_rules_say_the_anlaeg_must_fit_and_the_last_year_sheds_no_fatigue():
    # a paper table of lang-horisont adopted anlæg of 30 against a ramme of 22, which enter
    # then refused; and its fatigue token ended 4 below the engine's, shed after the last year
    deck = load_deck(standard_deck())
    html = " ".join(document(deck, deck.scenario("lang-horisont")).split())
    assert (
        "Et forslag med anlæg kan kun vedtages, hvis anlægget kan være i det, der er tilbage af "
        "rammen; skriv det brugte anlæg i rækken »Anlæg brugt i alt« på spillebrættet." in html
    )
    assert "Ved årets udgang (undtagen efter det sidste år, hvor spillet slutter) falder" in html


def test_the_result_sheet_of_a_municipalitys_own_deck_names_the_deck(tmp_path, capsys):
    # a budget office ran the printed command as written and got "ukendt scenarie
    # 'budget-2027' (kendte: standard, intro, …)": it had no --deck
    import shlex
    import shutil

    own = tmp_path / "vores dæk"
    shutil.copytree(standard_deck(), own)
    out = tmp_path / "kort.html"
    assert main(["print", str(own), "--scenario", "intro", "--out", str(out)]) == 0
    text = _as_read(out)
    printed = text.split("raaderum enter ", 1)[1].split(" --adopt", 1)[0]
    assert f'--deck "{own}"' in printed
    arguments = ["enter", *shlex.split(printed), "--adopt", "sfo-takst@1"]
    arguments += ["--event", "ingen@1", "--event", "ingen@2", "--event", "ingen@3"]
    arguments += ["--out", str(tmp_path / "bord3.json")]
    assert main(arguments) == 0, capsys.readouterr().err
    # the standard deck's sheet needs no --deck: the command finds it by itself
    assert main(["print", "--scenario", "intro", "--out", str(out)]) == 0
    assert "--deck" not in out.read_text(encoding="utf-8")


def test_the_result_sheet_names_a_deck_given_relatively_by_its_whole_path(
    tmp_path, capsys, monkeypatch
):
    # `raaderum print vores-dæk …` printed "--deck vores-dæk", which failed ("findes ikke")
    # when the host typed the command in another folder on the day
    import shutil

    shutil.copytree(standard_deck(), tmp_path / "vores-daek")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "kort.html"
    assert main(["print", "vores-daek", "--scenario", "intro", "--out", str(out)]) == 0
    text = _as_read(out)
    assert f"--deck {tmp_path.resolve() / 'vores-daek'} " in text
    # the standard deck named by its path needs no --deck either
    assert main(["print", str(standard_deck()), "--scenario", "intro", "--out", str(out)]) == 0
    assert "--deck" not in out.read_text(encoding="utf-8")


def test_a_card_says_what_holds_after_the_strip_only_when_the_game_reaches_it():
    # an intro card (three years) read "derefter hvert år: +13,5", the fourth year's amount,
    # where the window shows −3 +1 +8 and the game ends
    deck = load_deck(standard_deck())
    card = deck.proposal("borgerkonsulent")
    assert len(card.effect) == 4
    intro = document(deck, deck.scenario("intro"))
    standard = document(deck, deck.scenario("standard"))
    assert "derefter hvert år: +13,5" not in intro
    assert "derefter hvert år: +13,5" in standard
    assert "derefter hvert år: +2,5" in intro  # a saving's one amount holds in every year


def test_a_cards_amounts_are_printed_as_the_game_counts_them(tmp_path):
    # a card of 0,95 was printed "+1": a paper table adding the printed amounts on its ledger
    # could pass a target that the game, after enter, counted as missed
    deck = load_deck(standard_deck())
    card = replace(deck.proposal("indkoeb"), effect=(0.3, 0.9, 0.95))
    proposals = tuple(card if p.id == "indkoeb" else p for p in deck.proposals)
    deck = replace(deck, proposals=proposals)
    printed = document(deck, deck.scenario("intro"))
    assert ">+0,95<" in printed and "derefter hvert år: +0,95" in printed


def test_print_takes_the_deck_as_deck_as_the_other_commands_do(tmp_path, capsys):
    # "raaderum print --deck aadal …": "ukendte argumenter: --deck", where balance, play and
    # enter take --deck
    from game.paths import standard_deck

    deck = tmp_path / "vores dæk"
    shutil.copytree(standard_deck(), deck)
    out = tmp_path / "kort.html"
    assert main(["print", "--deck", str(deck), "--scenario", "intro", "--out", str(out)]) == 0
    assert "Introspil: tre år" in out.read_text(encoding="utf-8")
    assert main(["print", str(deck), "--deck", str(tmp_path / "andet"), "--out", str(out)]) == 2
    assert "to dæk er angivet" in capsys.readouterr().err


def test_paper_draws_the_events_with_the_odds_of_the_screen():
    # on paper every event was equally likely: krise's udligning shock (weight 4, rounds 3–4)
    # came in about a fifth of the paper games against half on screen. The likelier events
    # are printed as several cards alike, in proportion to their weights, and the rule says
    # to put the others aside once one is drawn – the window's draw (rules.draw_events)
    deck = load_deck(standard_deck())
    for scenario in deck.scenarios:
        events = [deck.event(eid) for eid in scenario.events]
        copies = event_copies(events)
        assert copies is not None, scenario.id
        total_weight = sum(e.weight for e in events)
        total_copies = sum(copies.values())
        for event in events:
            assert abs(copies[event.id] / total_copies - event.weight / total_weight) < 1e-9
        html = " ".join(document(deck, scenario).split())
        if len({e.weight for e in events}) > 1:
            assert "læg dens andre ens kort til side" in html, scenario.id
            assert "på papir er alle hændelser lige sandsynlige" not in html
    krise = [deck.event(eid) for eid in deck.scenario("krise").events]
    assert event_copies(krise)["udligningschok"] == 8  # weight 4 against 1 for most


def test_weights_that_copies_cannot_keep_are_said_to_be_drawn_alike():
    deck = load_deck(standard_deck())
    scenario = deck.scenario("intro")
    odd = replace(deck.event(scenario.events[0]), weight=0.37)
    events = [odd, *(deck.event(e) for e in scenario.events[1:])]
    assert event_copies(events) is None
    changed = replace(deck, events=tuple(odd if e.id == odd.id else e for e in deck.events))
    html = " ".join(document(changed, scenario).split())
    assert "på papir er alle hændelser lige sandsynlige" in html
    assert html.count('class="card event"') == len(scenario.events)


def test_the_briefing_printed_for_the_facilitators_x_says_the_target_it_plays_for():
    # the sheet read aloud "vokser til 49 mio. kr. i 2030" above a goals table ending in 30
    deck = load_deck(standard_deck())
    scenario = deck.scenario("standard")
    html = " ".join(document(deck, scenario, target=30.0).split())
    assert (
        "Målet er sat til 30 mio. kr. i 2030 i stedet for scenariets eget (49 mio. kr.). Læs "
        "målene for hvert år op fra tabellen herunder, når oplægget er læst."
    ) in html
    assert "Målet er sat til" not in " ".join(document(deck, scenario).split())
    # the scenario's own target typed as X is no other target ("sat til 49 mio. kr. i 2030 i
    # stedet for scenariets eget (49 mio. kr.)")
    intro = deck.scenario("intro")
    assert "Målet er sat til" not in " ".join(document(deck, intro, target=25.0).split())


def test_a_target_the_pile_cannot_reach_without_luck_is_said_on_the_facilitators_sheet():
    # `print --target 40` warned in the terminal only; the printed sheet handed out said
    # nothing of a target no plan meets without luck
    from game.engine.reach import target_reach

    deck = load_deck(standard_deck())
    intro = deck.scenario("intro")
    reach = target_reach(deck, "intro")
    assert reach is not None
    above = float(math.ceil(reach.ceiling) + 5)
    html = " ".join(document(deck, intro, target=above).split())
    said = f"med kortenes beløb og uden hændelser når bunken kun ca. {format_amount(reach.shown)}"
    assert said in html
    within = " ".join(document(deck, intro, target=math.floor(reach.reached) - 1.0).split())
    assert "uden hændelser når bunken" not in within


def test_the_events_in_words_hold_every_event_and_its_whole_source():
    deck = load_deck(standard_deck())
    scenario = deck.scenario("krise")
    html = document(deck, scenario)
    words = html.split("Hændelserne i ord", 1)[1]  # the handout, after the cards
    for event in map(deck.event, scenario.events):
        assert event.text in words, event.id
        assert f"Kilde: {event.source}" in words, event.id


def test_the_printed_bookkeeping_tracks_the_rounds_load_and_the_service_level():
    # a paper table trusted the board's "capacity at this fatigue" and over-adopted: nothing
    # kept the load already used in the round; and no rule said to move the service token
    deck = load_deck(standard_deck())
    html = " ".join(document(deck, deck.scenario("intro")).split())
    board = html.split('class="page board-page"', 1)[1]
    assert "Belastning i runden" in board
    assert "Kapacitet ved denne træthed, før rundens belastning" in board
    assert "lægger dets belastning til rækken »Belastning i runden«" in html
    assert "Flyt servicebrikken med servicetallet på hvert forslag" in html
    assert "Slå, før I skriver årets råderum og »Nået?« på brættet" in html
    assert "læg kortene her" not in html  # a card (90 × 63 mm) never fitted the cell
    ledger = html.split('class="page sheet ledger"', 1)[1].split("</section>", 1)[0]
    assert "<th>Faktor</th>" in ledger  # a rolled factor has a place of its own


def test_a_card_page_has_the_cut_marks_of_the_cards_it_holds():
    # the last event page printed the marks of eight slots around a single card
    from game.printing.document import _card_page

    def marks(count: int) -> int:
        return _card_page(["<div></div>"] * count, "", "").count("<line ")

    assert marks(8) == 2 * 3 + 2 * 5  # three cutting lines down, five across, both ends
    assert marks(1) == 2 * 2 + 2 * 2
    assert marks(2) == 2 * 3 + 2 * 2
    assert marks(3) == 2 * 3 + 2 * 3


@pytest.mark.skipif(not (CHROMIUM and POPPLER), reason="needs chromium and poppler-utils")
def test_chromium_prints_a_cards_question_cleanly_and_every_text_whole(tmp_path):
    # a card with "Udelukker" and a die printed "… og hvem savne… / bibliotekaren?", and a
    # text of 590 characters was cut to five lines on the handout, the only page that has it
    source = (ROOT / "decks" / "standard").resolve()
    deck_dir = tmp_path / "dæk"
    shutil.copytree(source, deck_dir)
    path = deck_dir / "effektiviseringer.yaml"
    text = path.read_text(encoding="utf-8")
    long = "Første afsnit om selvbetjening, der fortsætter længe. " * 10
    marker = "  - id: bibliotek-selvbetjening\n"
    assert marker in text
    head, rest = text.split(marker, 1)
    rest = re.sub(r"(?m)^    text: .*$", f'    text: "{long} SLUTORD"', rest, count=1)
    path.write_text(head + marker + rest, encoding="utf-8")
    html, pdf = tmp_path / "k.html", tmp_path / "k.pdf"
    assert main(["print", str(deck_dir), "--scenario", "borgermoede", "--out", str(html)]) == 0
    _pdf(html, pdf)
    pages = _pages(pdf)
    card_pages = " ".join(" ".join(page.split()) for page in pages if "Klip langs" in page)
    assert "Hvem får glæde af de lange åbningstider" in card_pages
    assert "savne… bibliotekaren" not in card_pages, card_pages
    handout = "\n".join(page for page in pages if "Forslagene i ord" in page)
    assert "SLUTORD" in handout


def test_an_event_of_every_round_prints_no_round_note():
    # an event written "rounds: [1, 2, 3, 4]" in a four-year scenario printed a needless
    # "Kun i runde 1, 2, 3 og 4" on its card, and the sheet's rule about such events
    from dataclasses import replace

    deck = load_deck(standard_deck())
    scenario = deck.scenario("krise")
    limited = {e.id for e in deck.events if e.rounds is not None and e.id in scenario.events}
    everywhere = replace(
        deck,
        events=tuple(
            replace(e, rounds=(1, 2, 3, 4)) if e.id in limited else e for e in deck.events
        ),
    )
    html = document(everywhere, scenario)
    assert "Kun i runde" not in html and "læg den tilbage i bunken" not in html
    assert "Kun i runde 3 og 4" in document(deck, scenario)


def test_a_costs_number_stands_clear_of_the_year_under_it():
    # a trial: on a printed card "−2,5" under a cost's bar stood on "år 1"; the number's
    # comma reaches below its line, and the year's letters reach up 2 mm from theirs
    import re

    from game.printing.svg import effect_strip

    svg = effect_strip([-2.5, 0.0, 2.0, 4.5], ["år 1", "år 2", "år 3", "år 4"], "da", 64, 16)
    numbers = {
        text: float(y) for y, text in re.findall(r'y="([\d.]+)"[^>]*class="num"[^>]*>([^<]+)<', svg)
    }
    labels = [float(y) for y in re.findall(r'y="([\d.]+)"[^>]*class="lab"', svg)]
    year_top = labels[0] - 22  # the labels' font size, in the strip's units of 0.1 mm
    assert numbers["−2,5"] + 8 <= year_top - 2, (numbers, labels)


def test_rules_too_long_for_the_facilitators_page_are_set_smaller_or_continued():
    # the last rule ("I har vundet, hvis …") was cut off at the foot of the page: the page
    # had a fixed height and hid what did not fit
    from game.printing.document import RULE_SIZES, rules_fit, sheet_rules

    rules = ["Kort regel."] * 4
    assert rules_fit("Et kort oplæg.", [], rules) == (RULE_SIZES[0], 4)
    long_rule = "Et forslag kan vedtages, hvis der er kapacitet nok tilbage i runden. " * 4
    size, first = rules_fit("Et oplæg. " * 30, [], [long_rule] * 12)
    assert size < RULE_SIZES[0] and first == 12  # smaller, all on the page
    size, first = rules_fit("Et oplæg. " * 100, ["Målet er sat til 40. " * 5], [long_rule] * 30)
    assert size == RULE_SIZES[-1] and 1 <= first < 30
    deck = load_deck(standard_deck())
    scenario = deck.scenario("standard")
    crowded = replace(scenario, briefing="Byrådet skal finde et råderum. " * 32)
    html = document(deck, crowded)
    sections = html.split('<section class="page')[1:]
    assert "Reglerne kort (fortsat)" in sections[1] and 'class="rules" start="' in sections[1]
    told = re.findall(r"<li>(.*?)</li>", sections[0].split('class="rules"')[1])
    told += re.findall(r"<li>(.*?)</li>", sections[1])
    assert len(told) == len(sheet_rules(deck, scenario, "da"))  # every rule, once
    assert "Resultatark til" in sections[2]
    assert page_count(html) == len(sections)


def test_a_crowded_card_keeps_its_question_whole_before_its_sources_second_line():
    # a budget office's card with a title of two lines, an anlæg line and a die printed
    # "Hvad betyder det for borgeren at kunne bo tæt på sin…"
    from game.printing.document import CARD_TEXT_W, WORDS_SIZES, card_lines, text_height

    title = "Samling af to botilbud i et nyt fælles byggeri med plads til flere"
    question = "Hvad betyder det for borgeren at kunne bo tæt på sin familie?"
    source = "Kilde: Budgetforslag 2027, social- og sundhedsudvalget, side 14 og anlægsoversigten"
    lines, size, source_lines = card_lines(title, question, source, True, True)
    assert source_lines == 1  # the source keeps a line: every card says what supports it
    line = size * 1.25 * 25.4 / 72
    assert text_height(question, size, CARD_TEXT_W, 1.25) <= lines * line + 1e-9  # whole
    # a roomy card keeps the larger size and both lines of its source
    assert card_lines("Kort titel", question, source, False, False)[1:] == (WORDS_SIZES[0], 2)


def test_every_event_card_of_the_standard_deck_prints_its_text_whole():
    # the event's text was clamped to four lines: "Energipriserne stiger" ended "… men ikke
    # helt tilbage: 0,5 mio. kr. om året…" and "Flere kommer i job" before "beholder
    # gevinsten" – the part a paper table needs (does the cost stay, is the gain kept?)
    from game.printing.document import CARD_TEXT_W, event_lines, text_height

    deck = load_deck(standard_deck())
    for event in deck.events:
        source = f"Kilde: {event.source}" if event.source else ""
        lines, size, source_lines = event_lines(event.title, event.text, source)
        line = size * 1.25 * 25.4 / 72
        assert text_height(event.text, size, CARD_TEXT_W, 1.25) <= lines * line + 1e-9, event.id
        assert source_lines >= 1, event.id  # every card says what supports it
    html = document(deck, deck.scenario("borgermoede"))
    energy = html.split('data-id="energipriser"', 1)[1].split('class="text"', 1)[1]
    assert (
        "-webkit-line-clamp: 5" in energy.split(">", 1)[0]
        or "-webkit-line-clamp: 6" in (energy.split(">", 1)[0])
    )


def test_a_question_as_wide_as_the_card_is_given_the_two_lines_it_prints_on():
    # a budget office's question of 60 letters was given one line (at 0,50 em a letter it
    # "fitted"), and Chromium printed "Hvem mærker forandringen først, og hvordan forklarer
    # vi…" above a blank line: DejaVu Sans averages 0,51 em a letter
    from game.printing.document import card_lines

    title = "Reduktion af rengøring i hjemmeplejen fra hver anden til hver tredje uge"
    question = "Hvem mærker forandringen først, og hvordan forklarer vi den?"
    source = "Budgetkatalog 2027–2030, Økonomi- og Erhvervsudvalget"
    lines, _size, source_lines = card_lines(title, question, source, False, False)
    assert lines == 2 and source_lines >= 1


def test_a_card_titles_box_holds_two_whole_lines_and_nothing_of_a_third():
    # at line-height 1,12 under a box of 2,3 em, Chromium cut the second line's p, j and g
    # ("hjemmeplejen") and showed the top of a third line under a title cut with "…":
    # DejaVu Sans Bold reaches 0,93 em above its baseline and 0,24 em below (1,165 em)
    deck = load_deck(standard_deck())
    css = document(deck, deck.scenario("intro")).split(".title {", 1)[1].split("}", 1)[0]
    leading = float(re.search(r"line-height: ([\d.]+);", css).group(1))
    box = float(re.search(r"max-height: ([\d.]+)em;", css).group(1))
    assert leading >= 1.165
    assert math.isclose(box, 2 * leading)
    assert "-webkit-line-clamp: 2" in css


def test_eight_years_of_wide_amounts_keep_a_readable_gap_between_them():
    # a printed eight-year card ran "+12,5 +12,5 +12,5 …" with half a millimetre between them
    import re

    from game.printing.svg import effect_strip

    amounts = [-3.0, 1.0, 7.0, 12.5, 12.5, 12.5, 12.5, 12.5]
    labels = [f"år {n}" for n in range(1, 9)]
    width_mm = 88
    svg = effect_strip(amounts, labels, "da", width_mm, 16)
    slot = width_mm * 10 / len(amounts)
    pressed = [float(w) for w in re.findall(r'textLength="([\d.]+)"', svg)]
    assert pressed, svg  # "+12,5" is wider than its slot's room and is pressed into it
    assert all(slot - width >= 12 for width in pressed), (slot, pressed)  # ≥ 1,2 mm apart


@pytest.mark.parametrize(
    ("deck_dir", "scenario_id", "lang"),
    [("", "borgermoede", "da"), ("", "borgermoede", "en"), ("decks/kystby", "kystby", "da")],
)
def test_the_citizens_result_sheet_names_the_scenario_and_the_targets_it_was_played_for(
    tmp_path, capsys, deck_dir, scenario_id, lang
):
    # a host's trial: the result sheets of a table printed with --target 35 and of one
    # without were alike, so a sheet entered without --target landed in the other group
    from game.engine import new_game

    deck = load_deck(Path(deck_dir) if deck_dir else standard_deck())
    scenario = deck.scenario(scenario_id)
    own = scenario.target[-1]
    sheets = []
    for target in (None, own * 1.25):
        out = tmp_path / f"kort-{target}.html"
        command = ["print", *([deck_dir] if deck_dir else []), "--scenario", scenario_id]
        command += ["--lang", lang, "--out", str(out)]
        if target is not None:
            command += ["--target", f"{target:g}"]  # 35, 3125
        assert main(command) == 0, capsys.readouterr().err
        html = out.read_text(encoding="utf-8")
        sections = html.split('<section class="page')
        title = "Resultatark til" if lang == "da" else "Result sheet for"
        result = unescape(re.sub(r"<[^>]+>", " ", next(s for s in sections if title in s)))
        result = " ".join(result.replace("\N{NO-BREAK SPACE}", " ").split())
        # the scenario by its title, and each year's target as the board writes it, in the
        # deck's unit
        played = new_game(deck, scenario_id, 0, target).targets
        board = next(s for s in sections if 'class="board"' in s)
        written = re.findall(r'<span class="big">([^<]+)</span>', board)
        assert written == [format_target(t, lang) for t in played]
        word = "i" if lang == "da" else "in"
        years = " · ".join(f"{w} {word} {y}" for w, y in zip(written, scenario.years))
        assert f"{scenario.title}" in result, result
        unit = deck.unit if lang == "da" else {"mio. kr.": "m DKK"}[deck.unit]
        assert f"({unit}): {years}" in result, result
        sheets.append(result)
    assert sheets[0] != sheets[1]


@pytest.mark.parametrize("briefing", ["", "Byrådet skal finde et råderum. " * 32])
def test_the_citizens_result_sheet_says_what_to_write_and_the_facilitators_how_to_enter_it(
    briefing: str,
) -> None:
    # a citizen at a paper table read "raaderum enter --scenario borgermoede --table …" on
    # the sheet they fill in, as part of their instructions
    deck = load_deck(standard_deck())
    scenario = deck.scenario("borgermoede")
    if briefing:  # rules continued on a page of their own: the note goes to its foot
        scenario = replace(scenario, briefing=briefing)
    sections = document(deck, scenario).split('<section class="page')[1:]
    result = next(s for s in sections if "Resultatark til" in s)
    assert "--adopt" not in result and "raaderum enter" not in result
    assert "giv arket til facilitatoren" in result
    facilitator = [s for s in sections[: sections.index(result)] if "raaderum enter" in s]
    assert len(facilitator) == 1 and "rules" in facilitator[0]
    assert "--scenario borgermoede</span>" in facilitator[0]
    assert facilitator[0].index("</ol>") < facilitator[0].index('class="entering"')
