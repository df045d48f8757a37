"""Modes, attribution and what is not an event: claims, negations, intentions, conditions, background and
commentary. Each case is the project's own sentence."""

from __future__ import annotations

import pytest

from eventwire.model import Document


def _events(coder, text, date="2024-06-01"):
    return coder.code_document(Document("t", text, date))


@pytest.mark.parametrize(
    "text, root, mode",
    [
        ("Russia claimed Ukrainian drones attacked a refinery in Belgorod.", "19", "claimed"),
        ("Kyiv accused Moscow of shelling a hospital in Kharkiv.", "19", "claimed"),
        ("Poland did not send troops to Ukraine.", "07", "negated"),
        ("Japan will send aid to Turkey.", "07", "intended"),
        ("Brazil pledged to send aid to Chile.", "07", "intended"),
        ("The United States would impose tariffs on Canada if talks failed.", "16", "hypothetical"),
        ("France urged Mali to release the hostages.", "08", "hypothetical"),
    ],
)
def test_modes(coder, text, root, mode):
    events = _events(coder, text)
    assert any(e.root == root and e.mode == mode for e in events), [(e.cameo, e.mode) for e in events]


def test_claim_has_a_speaker(coder):
    [claimed] = [
        e
        for e in _events(coder, "Russia claimed Ukrainian drones attacked a refinery in Belgorod.")
        if e.mode == "claimed"
    ]
    assert claimed.speaker is not None and claimed.speaker.country == "RUS"
    assert claimed.source.country == "UKR"


def test_accusation_itself_is_asserted(coder):
    events = _events(coder, "Kyiv accused Moscow of shelling a hospital in Kharkiv.")
    assert any(e.root == "11" and e.mode == "asserted" and e.source.country == "UKR" for e in events)


def test_announced_aid_is_also_an_intent(coder):
    events = _events(coder, "Japan will send aid to Turkey.")
    assert any(e.root == "03" and e.mode == "asserted" and e.target.country == "TUR" for e in events)


def test_conditional_force_is_a_threat(coder):
    events = _events(coder, "The United States would impose tariffs on Canada if talks failed.")
    assert any(e.root == "13" and e.mode == "asserted" and e.target.country == "CAN" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "In 2016, Indian troops struck camps in Pakistan.",
        "Two years ago, Turkey expelled Dutch diplomats.",
        "Analysts said Iran would attack Israel.",
        "Weather forecasters expect heavy rain across the region.",
    ],
)
def test_background_and_commentary_give_no_asserted_event(coder, text):
    # inside an article: a neutral lead and a closing line around the sentence under test
    article = f"Markets were calm on Monday. {text} Trading resumed later in the day."
    assert not [e for e in _events(coder, article, "2024-06-01") if e.mode == "asserted" and e.sentence_index == 1]


def test_a_short_item_reports_the_act_it_names(coder):
    # a one-sentence item is the news itself, whatever year it names
    events = _events(coder, "In 2016, Indian troops struck camps in Pakistan.", "2024-06-01")
    assert any(e.root == "19" and e.target.country == "PAK" for e in events)


def test_the_same_act_now_is_coded(coder):
    events = _events(coder, "Indian troops struck camps in Pakistan on Tuesday.", "2024-06-01")
    assert any(e.root == "19" and e.mode == "asserted" and e.target.country == "PAK" for e in events)


def test_evidence_offsets_point_into_the_document(coder):
    text = "Calm returned to the border.\n\nEgypt condemned Israel over the raid. Israel rejected the criticism."
    for e in _events(coder, text):
        assert text[e.char_start : e.char_end] == e.sentence
        assert text[e.trigger_start : e.trigger_end] == e.trigger


def test_blocked_aid_is_not_aid(coder):
    events = _events(coder, "Hungary has blocked EU aid packages for Ukraine.")
    assert not [e for e in events if e.root == "07" and e.mode == "asserted"]


def test_aid_without_a_recipient_goes_to_the_last_one_named(coder):
    text = "Germany sent aid to Turkey on Monday. France said it was ready to provide assistance as well."
    events = [e for e in _events(coder, text) if e.sentence_index == 1 and e.root in ("03", "07")]
    assert events and all(e.target.country == "TUR" for e in events)


def test_every_mode_is_one_of_the_documented_modes(coder):
    from eventwire.model import MODES

    text = "Russia claimed Ukraine attacked Belgorod. Poland did not send troops. Japan will send aid to Turkey."
    events = _events(coder, text)
    assert events and {e.mode for e in events} <= set(MODES)


@pytest.mark.parametrize(
    "text",
    [
        "Putin met Xi in Beijing. Both governments released statements after the meeting.",
        "Modi visited Moscow. Russia praised India's stance during the visit.",
    ],
)
def test_an_event_named_again_in_a_time_adjunct_is_not_a_new_event(coder, text):
    """Regression: "after the meeting" names the meeting already coded; it is not a second 04 event."""
    events = _events(coder, text, "2024-07-09")
    assert events, "the first sentence's meeting or visit is coded"
    assert [e.trigger for e in events if e.trigger in ("meeting", "visit")] == []
