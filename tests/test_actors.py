"""Actor coding: gazetteer names, dated persons, roles, introduced persons, pronouns and patrons."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.actors.gazetteer import default, person_role
from eventwire.model import Document


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the Kremlin", ("RUS", None)),
        ("the Pentagon", ("USA", None)),
        ("the United Nations", (None, "UN")),
        ("Hezbollah", ("LBN", "HEZBOLLAH")),
        ("the European Union", (None, "EU")),
        ("Kyiv", ("UKR", None)),
    ],
)
def test_gazetteer_names(text, expected):
    [mention] = default().names(text)
    assert (mention.entry.country, mention.entry.org or mention.entry.group) == expected


@pytest.mark.parametrize("text", ["the Iran-backed group", "an anti-Syria journalist"])
def test_patrons_and_stances_are_not_actors(text):
    names = [m.entry.country for m in default().names(text)]
    assert "IRN" not in names and "SYR" not in names


@pytest.mark.parametrize("date, role", [("2023-07-26", "MIL"), ("2024-09-13", "GOV")])
def test_person_role_on_the_date(date, role):
    shoigu = default().persons["Shoigu"]
    held = person_role(shoigu, date)
    assert held is not None and held.country == "RUS" and held.role == role


def _events(coder, text, date="2024-06-01"):
    return coder.code_document(Document("t", text, date))


@pytest.mark.parametrize(
    "text, date, source, target",
    [
        ("Lavrov met Blinken in New Delhi.", "2023-03-02", "RUSGOV", "USAGOV"),
        ("Shoigu met Kim Jong Un in Pyongyang.", "2023-07-26", "RUSMIL", "PRKGOV"),
        ("The Chinese foreign ministry condemned Japan.", "2024-06-01", "CHNGOV", "JPN"),
        ("Israeli warplanes struck Hezbollah positions.", "2024-06-01", "ISRMIL", "LBNREB"),
    ],
)
def test_actor_codes_in_events(coder, text, date, source, target):
    pairs = {
        (e.source.code if e.source else None, e.target.code if e.target else None) for e in _events(coder, text, date)
    }
    assert (source, target) in pairs, pairs


def test_persons_introduced_in_the_article_are_remembered(coder):
    text = "Norway's defence minister Ola Vik visited Kyiv on Monday. Vik pledged support for Ukraine."
    events = _events(coder, text)
    second = [e for e in events if e.sentence_index == 1]
    assert second and second[0].source.country == "NOR" and second[0].source.role == "MIL"


def test_pronouns_follow_the_speaker(coder):
    events = _events(coder, "Britain said it would send aid to Morocco.")
    assert any(e.source and e.source.country == "GBR" and e.target and e.target.country == "MAR" for e in events)


def test_public_api_is_declared():
    for name in eventwire.__all__:
        assert hasattr(eventwire, name), name
    assert {"Coder", "code_text", "Event", "Actor", "Document"} <= set(eventwire.__all__)


def test_misspelt_known_persons_after_a_title(coder):
    events = _events(coder, "President Francois Mitterand met Chancellor Helmut Kohl in Bonn.", "1990-05-01")
    assert any(e.source.country == "FRA" and e.target.country == "DEU" for e in events)


def test_ngos_are_organisations(coder):
    events = _events(coder, "Amnesty International accused Egypt of torturing detainees.")
    assert any(e.source.org == "AMNESTY" and e.source.role == "NGO" and e.target.country == "EGY" for e in events)


@pytest.mark.parametrize("text, country", [("Afganistan", "AFG"), ("Phillippines", "PHL"), ("Ethopia", "ETH")])
def test_misspelt_country_names(text, country):
    [mention] = default().names(f"{text} agreed to talks.")
    assert mention.entry.country == country


def test_a_prefix_is_not_a_misspelling():
    assert default().names("Romani families gathered.") == []


@pytest.mark.parametrize("text", ["Omar al-Bashir", "Omar El Bashir", "Omar el-Bashir"])
def test_arabic_article_spellings(text):
    [mention] = default().names(f"President {text} spoke.")
    assert mention.entry.name == "Omar al-Bashir"
