"""The explanation of every field of a deck file, in Danish and in English, for the JSON
Schema an editor shows while an author writes (``schema.json_schema``). The same words as
docs/deck-format.md's tables, shortened to what a tooltip holds."""

from __future__ import annotations

SECTIONS_HELP: dict[str, str] = {
    "DeckFile": "Én YAML-fil i et dæk. 'deck' skal stå præcis én gang i hele dækket.",
    "DeckHeader": "Dækkets hoved: id, titel, sprog, enhed og formatversion.",
    "ProposalSpec": "Et forslag: et kort, gruppen kan vedtage (besparelse, effektivisering "
    "eller investering).",
    "EventSpec": "En hændelse: trækkes i starten af en runde og ændrer råderummet.",
    "ScenarioSpec": "Et scenarie: budgetårene, målet og de kort, der er i spil.",
}
"""The explanation of each block (the model's name in the schema's ``$defs``)."""

FIELDS_HELP: dict[str, dict[str, str]] = {
    "DeckFile": {
        "deck": "Dækkets hoved. Skal stå præcis én gang i hele dækket.",
        "proposals": "Forslagene: kortene, gruppen kan vedtage.",
        "events": "Hændelserne.",
        "scenarios": "Scenarierne. Det første er det, spillet vælger, hvis man ikke selv vælger.",
    },
    "DeckHeader": {
        "id": "Dækkets navn i gemte spil og rapporter: 1–32 tegn, a–z, A–Z, 0–9, _ . -",
        "title": "Dækkets titel, som den står i menuen (højst 90 tegn).",
        "language": "Sproget i kortenes tekster: da eller en.",
        "unit": "Enheden for alle beløb, fx 'mio. kr.' eller 't. kr.'",
        "schema_version": "Formatets version: 1 eller 2. Felterne 'sign', 'welfare_areas', "
        "'requires', 'fatigue', 'construction' og 'effect_from_year' kræver 2.",
        "welfare_areas": "Områderne, hvor en effektivisering let opleves som en besparelse (1 "
        "ekstra træthed). Skriv dem, præcis som forslagenes 'area' skriver dem.",
        "sign": "savings_negative: beløbene er skrevet som budgetændringer – en besparelse med "
        "minus, en udgift med plus. Spillet vender dem.",
    },
    "ProposalSpec": {
        "id": "Forslagets id (1–32 tegn: a–z, A–Z, 0–9, _ . -), entydigt. Bruges i scenarier, "
        "'excludes', 'requires' og på resultatarket. Brug ikke æ, ø, å.",
        "kind": "besparelse, effektivisering eller investering (eller saving, efficiency, "
        "investment).",
        "title": "Kortets overskrift (højst 90 tegn; hold den under ca. 45).",
        "area": 'Fagområdet, fx "Ældre". Stav det ens på alle kort.',
        "effect": "Beløb pr. år fra vedtagelsen i dækkets enhed; det sidste tal gælder alle "
        "senere år. Fx [-2, 3, 6] for en investering.",
        "text": "Hvad forslaget er, og hvad det betyder (1–3 sætninger, højst 600 tegn).",
        "uncertainty": "Relativ spredning på gevinsterne, 0 til 1 (fx 0.3). Uden feltet: efter "
        "slags.",
        "failure": "Sandsynligheden for, at gevinsten helt udebliver, 0 til 0.95.",
        "service": "Ændringen i serviceniveauet, −5 til 5. Negative tal giver også træthed.",
        "load": "Belastning: hvor meget af rundens kapacitet forslaget bruger, 1 til 5.",
        "staff": "Årsværk; negativt, når stillinger nedlægges. Til information.",
        "question": "Et spørgsmål, gruppen kan drøfte (det trykte kort viser ca. 130 tegn).",
        "source": "Hvor idéen og beløbet kommer fra: dokumentet, og hvad det siger.",
        "excludes": "Id'er på forslag, der ikke kan vedtages sammen med dette.",
        "requires": "Id'er på forslag, der skal være vedtaget før (eller i samme runde).",
        "fatigue": "Den træthed, forslaget giver, når det vedtages, 0 til 10. Uden feltet: "
        "spillets regel.",
        "construction": "Anlæg: anlægsudgiften, forslaget kræver. Betales af scenariets "
        "'construction_budget' og tæller aldrig i råderummet.",
        "effect_from_year": "Budgetåret, beløbene i 'effect' begynder i, uanset hvornår "
        "forslaget vedtages.",
    },
    "EventSpec": {
        "id": "Hændelsens id (1–32 tegn: a–z, A–Z, 0–9, _ . -), entydigt. Bruges i "
        "scenariernes 'events'.",
        "title": "Hændelsens overskrift (højst 90 tegn).",
        "effect": "Beløb pr. år fra den runde, hændelsen trækkes; negativt gør hullet større.",
        "text": "Hvad der er sket (højst 600 tegn).",
        "service": "Ændringen i serviceniveauet, når hændelsen trækkes, −5 til 5.",
        "rounds": "Runderne, hændelsen kan trækkes i (1 = første år). Uden feltet: alle.",
        "weight": "Hvor sandsynlig hændelsen er i forhold til de andre: 2 trækkes dobbelt så "
        "ofte som 1.",
        "source": "Hvor hændelsen kommer fra: dokumentet, og hvad det siger.",
        "fatigue": "Træthed, hændelsen giver organisationen, −5 til 10 (negativ: lettelse).",
    },
    "ScenarioSpec": {
        "id": "Scenariets id (1–32 tegn: a–z, A–Z, 0–9, _ . -). Bruges i --scenario.",
        "title": "Scenariets titel i menuen (højst 90 tegn).",
        "briefing": "Læses op for gruppen ved start (2–4 sætninger, højst 1000 tegn).",
        "years": 'Budgetårene, ét pr. runde, i anførselstegn: ["2027", "2028", "2029"].',
        "target": "Råderummet, der skal findes i hvert år: ét tal, eller ét pr. år.",
        "capacity": "Rundens kapacitet: forslagenes belastning og trætheden skal være i den, "
        "1 til 30.",
        "market": "Hvor mange forslag der ligger på bordet, 3 til 15.",
        "events_per_round": "Hændelser, der trækkes i starten af hver runde, 0 til 3.",
        "events": "Hændelsernes id'er i scenariets bunke. Uden feltet: alle dækkets hændelser.",
        "proposals": "Forslagenes id'er i scenariets bunke. Uden feltet: alle dækkets forslag.",
        "service_floor": "Serviceniveauet må ikke ende under dette tal. Uden feltet: intet gulv.",
        "require_all_kinds": "Skal gruppen bruge alle tre slags for at vinde? (true/false)",
        "construction_budget": "Anlægsrammen: hvor meget anlæg ('construction') de vedtagne "
        "forslag højst må kræve tilsammen.",
    },
}
"""The explanation of each field, by block (the model's name) and field."""


SECTIONS_HELP_EN: dict[str, str] = {
    "DeckFile": "One YAML file of a deck. 'deck' must be written exactly once in the whole deck.",
    "DeckHeader": "The deck's header: id, title, language, unit and format version.",
    "ProposalSpec": "A proposal: a card the group can adopt (a saving, an efficiency or an "
    "investment).",
    "EventSpec": "An event: drawn at the start of a round; it changes the råderum.",
    "ScenarioSpec": "A scenario: the budget years, the target and the cards in play.",
}
"""``SECTIONS_HELP`` in English (``schema --lang en``)."""

FIELDS_HELP_EN: dict[str, dict[str, str]] = {
    "DeckFile": {
        "deck": "The deck's header. Written exactly once in the whole deck.",
        "proposals": "The proposals: the cards the group can adopt.",
        "events": "The events.",
        "scenarios": "The scenarios. The first is the one the game picks when none is chosen.",
    },
    "DeckHeader": {
        "id": "The deck's name in saved games and reports: 1–32 characters, a–z, A–Z, 0–9, _ . -",
        "title": "The deck's title as the menu shows it (at most 90 characters).",
        "language": "The language of the cards' texts: da or en.",
        "unit": "The unit of every amount, e.g. 'mio. kr.' or 't. kr.'",
        "schema_version": "The format's version: 1 or 2. The fields 'sign', 'welfare_areas', "
        "'requires', 'fatigue', 'construction' and 'effect_from_year' need 2.",
        "welfare_areas": "The areas where an efficiency is easily taken for a saving (1 extra "
        "fatigue). Write them exactly as the proposals' 'area' does.",
        "sign": "savings_negative: the amounts are written as budget changes – a saving with "
        "a minus, an expense with a plus. The game turns them round.",
    },
    "ProposalSpec": {
        "id": "The proposal's id (1–32 characters: a–z, A–Z, 0–9, _ . -), unique. Used in "
        "scenarios, 'excludes', 'requires' and on the result sheet. Avoid æ, ø, å.",
        "kind": "saving, efficiency or investment (or besparelse, effektivisering, investering).",
        "title": "The card's heading (at most 90 characters; keep it under about 45).",
        "area": 'The service area, e.g. "Ældre". Spell it the same on every card.',
        "effect": "Amount per year from adoption in the deck's unit; the last one holds for "
        "every later year. E.g. [-2, 3, 6] for an investment.",
        "text": "What the proposal is and what it means (1–3 sentences, at most 600 characters).",
        "uncertainty": "Relative spread of the gains, 0 to 1 (e.g. 0.3). Without the field: "
        "by kind.",
        "failure": "The probability that the gain fails altogether, 0 to 0.95.",
        "service": "The change in the service level, −5 to 5. Negative numbers also add fatigue.",
        "load": "Load: how much of the round's capacity the proposal takes, 1 to 5.",
        "staff": "Full-time staff (årsværk); negative when posts are cut. For information.",
        "question": "A question for the group to discuss (the printed card shows about 130 "
        "characters).",
        "source": "Where the idea and the amount come from: the document and what it says.",
        "excludes": "Ids of proposals that cannot be adopted together with this one.",
        "requires": "Ids of proposals that must be adopted before (or in the same round).",
        "fatigue": "The fatigue the proposal adds when adopted, 0 to 10. Without the field: "
        "the game's rule.",
        "construction": "Anlæg: the construction cost the proposal needs. Paid from the "
        "scenario's 'construction_budget' and never counted in the råderum.",
        "effect_from_year": "The budget year the amounts in 'effect' begin in, whenever the "
        "proposal is adopted.",
    },
    "EventSpec": {
        "id": "The event's id (1–32 characters: a–z, A–Z, 0–9, _ . -), unique. Used in the "
        "scenarios' 'events'.",
        "title": "The event's heading (at most 90 characters).",
        "effect": "Amount per year from the round the event is drawn in; negative widens the gap.",
        "text": "What has happened (at most 600 characters).",
        "service": "The change in the service level when the event is drawn, −5 to 5.",
        "rounds": "The rounds the event can be drawn in (1 = the first year). Without the "
        "field: all.",
        "weight": "How likely the event is next to the others: 2 is drawn twice as often as 1.",
        "source": "Where the event comes from: the document and what it says.",
        "fatigue": "Fatigue the event puts on the organisation, −5 to 10 (negative: relief).",
    },
    "ScenarioSpec": {
        "id": "The scenario's id (1–32 characters: a–z, A–Z, 0–9, _ . -). Used in --scenario.",
        "title": "The scenario's title in the menu (at most 90 characters).",
        "briefing": "Read out to the group at the start (2–4 sentences, at most 1000 characters).",
        "years": 'The budget years, one per round, in quotes: ["2027", "2028", "2029"].',
        "target": "The råderum to find in every year: one number, or one per year.",
        "capacity": "The round's capacity: the proposals' load and the fatigue must fit in it, "
        "1 to 30.",
        "market": "How many proposals lie on the table, 3 to 15.",
        "events_per_round": "Events drawn at the start of every round, 0 to 3.",
        "events": "The ids of the events in the scenario's pile. Without the field: all the "
        "deck's events.",
        "proposals": "The ids of the proposals in the scenario's pile. Without the field: all "
        "the deck's proposals.",
        "service_floor": "The service level must not end below this number. Without the "
        "field: no floor.",
        "require_all_kinds": "Must the group use all three kinds to win? (true/false)",
        "construction_budget": "The construction budget (anlægsramme): the most construction "
        "('construction') the adopted proposals may need together.",
    },
}
"""``FIELDS_HELP`` in English (``schema --lang en``)."""
