"""The Danish explanation of every field of a deck file, for the JSON Schema an editor shows
while an author writes (``schema.json_schema``). The same words as docs/deck-format.md's
tables, shortened to what a tooltip holds."""

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
