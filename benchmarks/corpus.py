"""A benchmark corpus of the project's own wire-style articles, composed from templates (seeded, so every run
codes the same text). Not an evaluation set: its sentences are for timing only."""

from __future__ import annotations

import json
import random
from pathlib import Path

ACTORS = [
    ("Russia", "Russian", "Moscow"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("China", "Chinese", "Beijing"),
    ("the United States", "US", "Washington"),
    ("Japan", "Japanese", "Tokyo"),
    ("India", "Indian", "New Delhi"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Iran", "Iranian", "Tehran"),
    ("Israel", "Israeli", "Jerusalem"),
    ("Turkey", "Turkish", "Ankara"),
    ("Germany", "German", "Berlin"),
    ("France", "French", "Paris"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("South Korea", "South Korean", "Seoul"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Poland", "Polish", "Warsaw"),
    ("Saudi Arabia", "Saudi", "Riyadh"),
    ("Vietnam", "Vietnamese", "Hanoi"),
]
TITLES = ["foreign minister", "defence minister", "president", "prime minister", "trade minister"]
LEADS = [
    "{A} and {B} signed an agreement on energy cooperation in {capB} on {day}.",
    "{adjA} {title} met his {adjB} counterpart in {capB} on {day} for talks on trade and security.",
    "{A} imposed new sanctions on {B} over its support for armed groups in the region.",
    "{adjA} warplanes struck targets in {B} overnight, officials said.",
    "{A} accused {B} of violating its airspace with military drones.",
    "{A} expelled two {adjB} diplomats after a spy scandal, the foreign ministry said.",
    "The {adjA} {title} spoke by telephone with the {adjB} {title} about the crisis.",
    "{A} pledged 500 million dollars in humanitarian aid for {B} after the floods.",
    "{A} urged {B} to release the detained journalists without delay.",
    "{A} rejected a proposal by {B} to reopen negotiations on the border dispute.",
]
FOLLOW = [
    "The talks focused on energy supplies, grain exports and the security of shipping lanes.",
    "{capB} denied the accusations and said it would respond at a time of its choosing.",
    "The {adjB} foreign ministry said the decision was unjustified and summoned the {adjA} ambassador.",
    "Officials in {capA} said further measures could follow if the situation did not improve.",
    "{A} has been one of the largest trading partners of {B} for more than a decade.",
    "Analysts said the move was likely to deepen the rift between the two governments.",
    "The United Nations called on both sides to exercise restraint.",
    "Markets in the region fell on the news, and the currency weakened against the dollar.",
    "{adjB} state media said the country would not bow to pressure.",
    "Both leaders said they hoped to meet again later in the year.",
    "Thousands of people gathered in the capital to protest against rising prices.",
    "The weather service forecast heavy rain for the rest of the week.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(rng: random.Random, index: int) -> dict:
    a, b = rng.sample(ACTORS, 2)
    fill = {
        "A": a[0],
        "adjA": a[1],
        "capA": a[2],
        "B": b[0],
        "adjB": b[1],
        "capB": b[2],
        "title": rng.choice(TITLES),
        "day": rng.choice(DAYS),
    }
    sentences = [rng.choice(LEADS)] + rng.sample(FOLLOW, 6)
    text = " ".join(s.format(**fill) for s in sentences)
    text = text[0].upper() + text[1:]
    month = 1 + index % 12
    return {"id": f"bench-{index:04d}", "date": f"2024-{month:02d}-{1 + index % 28:02d}", "text": text}


def write(path: Path, articles: int = 190, seed: int = 7) -> int:
    """Write `articles` articles (7 sentences each) as JSONL; returns the number of sentences."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(articles):
            out.write(json.dumps(article(rng, i)) + "\n")
    return articles * 7
