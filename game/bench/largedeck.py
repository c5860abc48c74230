"""A generated deck of many proposals, for timing the deck validator on a big catalogue."""

from __future__ import annotations

from pathlib import Path

AREAS = ("Ældre", "Skole", "Dagtilbud", "Kultur", "Teknik og miljø", "Administration")
KIND_NAMES = ("besparelse", "effektivisering", "investering")
FILES = 4


def _proposal(index: int, typos: bool = False) -> str:
    uncertainty: float
    failure: float
    kind = KIND_NAMES[index % 3]
    area = AREAS[index % len(AREAS)]
    if kind == "besparelse":
        effect, service, load, uncertainty, failure = (
            f"[{2 + index % 9}]",
            -1 - index % 3,
            1,
            0.05,
            0,
        )
    elif kind == "effektivisering":
        effect, service, load, uncertainty, failure = f"[1, {2 + index % 5}]", 0, 2, 0.2, 0.05
    else:
        effect = f"[-{1 + index % 4}, {index % 3}, {3 + index % 7}]"
        service, load, uncertainty, failure = 1, 3, 0.4, 0.1
    excludes = f"\n    excludes: [p{index - 1:04d}]" if index % 50 == 1 else ""
    if typos:  # every card names a proposal that does not exist: one "ukendt forslag" each
        excludes = f"\n    excludes: [pp{index:04d}]"
    return (
        f"  - id: p{index:04d}\n"
        f"    kind: {kind}\n"
        f'    area: "{area}"\n'
        f'    title: "Forslag nummer {index} om {area.lower()}"\n'
        f"    effect: {effect}\n"
        f"    service: {service}\n"
        f"    load: {load}\n"
        f"    uncertainty: {uncertainty}\n"
        f"    failure: {failure}\n"
        f"    staff: {-(index % 12)}\n"
        f'    text: "Et genereret forslag til måling af indlæsningen. Det ligner et rigtigt '
        f'kort: en kort forklaring af, hvad der ændres, og hvem der mærker det."\n'
        f'    question: "Hvem mærker forslag {index} først?"\n'
        f'    source: "Genereret af raaderum bench"{excludes}\n'
    )


def write_large_deck(
    folder: Path, proposals: int = 1_000, events: int = 40, typos: bool = False
) -> Path:
    """Write a valid deck of ``proposals`` proposals (over several files) into ``folder``;
    with ``typos`` every proposal excludes an id that does not exist (an invalid deck)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deck.yaml").write_text(
        'deck:\n  id: stor\n  title: "Stort genereret dæk"\n  schema_version: 1\n',
        encoding="utf-8",
    )
    per_file = -(-proposals // FILES)
    for part in range(FILES):
        indices = range(part * per_file, min(proposals, (part + 1) * per_file))
        body = "".join(_proposal(i, typos) for i in indices)
        (folder / f"forslag-{part + 1}.yaml").write_text(f"proposals:\n{body}", encoding="utf-8")
    event_text = "".join(
        f"  - id: h{i:03d}\n"
        f'    title: "Hændelse {i}"\n'
        f"    effect: [{-(1 + i % 9)}]\n"
        f"    weight: {1 + i % 3}\n"
        f'    text: "En genereret hændelse."\n'
        for i in range(events)
    )
    (folder / "haendelser.yaml").write_text(f"events:\n{event_text}", encoding="utf-8")
    (folder / "scenarier.yaml").write_text(
        "scenarios:\n"
        "  - id: stor\n"
        '    title: "Stort scenarie"\n'
        '    years: ["2027", "2028", "2029", "2030"]\n'
        "    target: [12, 24, 36, 45]\n",
        encoding="utf-8",
    )
    return folder
