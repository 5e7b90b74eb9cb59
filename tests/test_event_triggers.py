"""Which words are coded as events: trigger cases the tagger or the pattern frame got wrong, on
wire-style sentences written for these tests."""
import pytest


def cameos(analysis):
    return [(e["trigger"]["text"], e["cameo"]) for e in analysis.events]


@pytest.mark.parametrize("text", [
    "According to a military source, Russian jets struck rebel positions near the village.",
    "According to police, gunmen attacked a checkpoint outside the town on Sunday.",
])
def test_an_according_to_phrase_is_no_word_of_the_event(analyze, text):
    # "according" has the lemma "accord", an `unless` word of the attack ("strike an accord")
    assert any(c.startswith("19") for _, c in cameos(analyze(text)))


@pytest.mark.parametrize("text, cameo", [
    ("Rebels captured Kidal on Sunday after heavy fighting.", "192"),
    ("Government forces retook Kabul from the militants in November.", "192"),
    ("Police captured the suspect in Kano on Friday.", "173"),
])
def test_a_located_place_name_as_object_is_territory_taken(analyze, text, cameo):
    # "captured Kidal" says what "captured the town of Kidal" says; a person captured is arrested
    assert any(c == cameo for _, c in cameos(analyze(text)))


def test_an_unless_word_in_a_participle_clause_does_not_unsay_the_trigger(analyze):
    # what the victim was doing ("while filming") is another action: the shooting is no film shoot
    assert ("shot", "193") in cameos(analyze("The cameraman was fatally shot in the market while filming a protest."))
    assert not [c for _, c in cameos(analyze("The crew shot the film in the mountains.")) if c.startswith("19")]


def test_a_word_tagged_a_noun_joined_to_a_past_verb_by_and_is_a_verb(analyze):
    # the tagger calls "shot" a noun heading the clause; "shot and killed" tells one act: one event
    # whose mentions show both words
    a = analyze("In the Friday raid, a masked gunman shot and killed 12 traders in the town of Menaka.")
    words = {m["text"] for e in a.events for m in e["mentions"] if "killed" in [n["text"] for n in e["mentions"]]}
    assert {"shot", "killed"} <= words


def test_a_gerund_after_a_preposition_is_no_word_of_the_governing_phrase(analyze):
    # "began the day by striking" is no "begin strike" (a labour strike): the striking is an attack
    a = analyze("The air force began the day by striking militant positions near the town.")
    assert ("striking", "190") in cameos(a) and not [c for _, c in cameos(a) if c.startswith("14")]


@pytest.mark.parametrize("text, attack", [
    ("Warplanes struck insurgent targets in the province on Monday.", True),
    ("The retailer hit its sales targets in the first quarter.", False),
])
def test_targets_of_a_strike_are_military_unless_economic(analyze, text, attack):
    assert any(c.startswith("19") for _, c in cameos(analyze(text))) == attack
