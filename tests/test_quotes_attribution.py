"""Which attributions are quotes of their own and whose words name the speaker, on short
wire-style sentences written for these tests (test_quotes.py has the rest)."""
import pytest


def indirect(analysis):
    return [q for q in analysis.quotes if q["kind"] == "indirect"]


@pytest.mark.parametrize("text, cue", [
    ("The senator said he opposed the bill because of its cost.", "said"),
    ("The mayor said the council would not endorse the plan.", "said"),
])
def test_an_act_on_a_thing_inside_a_reported_clause_is_part_of_it(analyze, text, cue):
    # "opposed the bill" is what the senator said, not a second attribution
    assert [q["cue"]["text"] for q in indirect(analyze(text))] == [cue]


def test_a_second_that_clause_after_a_comma_is_still_reported(analyze):
    text = "The governor argued that the plan was too costly, and that he would veto it."
    (q,) = indirect(analyze(text))
    assert q["text"].endswith("and that he would veto it")


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("The minister is confident that the talks will succeed.", "that the talks will succeed", "confident",
     "The minister"),
    ("Union leaders were worried that the mine would close.", "that the mine would close", "worried",
     "Union leaders"),
])
def test_an_adjective_of_a_held_view_reports_its_clause(analyze, text, content, cue, speaker):
    (q,) = indirect(analyze(text))
    assert (q["text"], q["cue"]["text"], q["speaker_text"]) == (content, cue, speaker)


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("The ministry plans to reopen the border next week.", "to reopen the border next week", "plans",
     "The ministry"),
    ("The governor decided to call a special session.", "to call a special session", "decided",
     "The governor"),
    ("The union supports the new wage law.", "the new wage law", "supports", "The union"),
    ("The governor likes the new plan.", "the new plan", "likes", "The governor"),
    ("The senator would like to cut taxes.", "to cut taxes", "like", "The senator"),
])
def test_a_plan_or_a_stand_of_a_person_or_group_is_reported(analyze, text, content, cue, speaker):
    (q,) = indirect(analyze(text))
    assert (q["text"], q["cue"]["text"], q["speaker_text"]) == (content, cue, speaker)


@pytest.mark.parametrize("text", [
    "It is clear that the talks failed.",                 # nobody holds the view
    "The new law seeks to ban face coverings.",           # a thing has no plans
    "Heavy rain is sure to delay the harvest.",           # an infinitive is no proposition
])
def test_no_attitude_without_a_holder_and_a_proposition(analyze, text):
    assert indirect(analyze(text)) == []


def test_a_relative_pronoun_names_the_speaker_of_its_clause(analyze):
    a = analyze("The plan was welcomed by Amadou Keita, who said that the roads would reopen.")
    q = next(q for q in indirect(a) if q["cue"]["text"] == "said")
    assert q["speaker_text"] == "who"
    speaker = next(e for e in a.entities if e.id == q["speaker"])
    assert speaker.name == "Amadou Keita"


def test_a_typed_dash_before_an_aside_is_not_the_speakers_words(analyze):
    (q,) = indirect(analyze("Mrs. Clinton -- whose husband signed the law -- said the rules were weak."))
    assert q["speaker_text"] == "Mrs. Clinton"


def test_a_relative_that_leaves_the_antecedent_naming_the_speaker(analyze):
    # "that" only links the clause; the noun phrase it hangs on names who speaks
    (q,) = indirect(analyze("He spoke to farmers that said the drought had ruined them."))
    assert (q["text"], q["speaker_text"]) == ("the drought had ruined them", "farmers")


@pytest.mark.parametrize("text, parts", [
    # the quotation goes on in the next paragraph, which opens with it
    ("“We will hold the bridge until Friday,” the commander told reporters in Gao.\n\n“After that, the army "
     "will decide.”", ["We will hold the bridge until Friday", "After that, the army will decide."]),
    # the cue's sentence ends by closing a quoted title
    ("“It is nonsense,” Keita said on the radio show “Morning Line.” “The road is open.”",
     ["It is nonsense", "The road is open."]),
])
def test_a_quotation_goes_on_after_its_cue_sentence(analyze, text, parts):
    q = next(q for q in analyze(text).quotes if q["kind"] == "direct" and q.get("parts"))
    assert [p["text"] for p in q["parts"]] == parts


def test_a_paragraph_of_narration_ends_the_quotation(analyze):
    a = analyze("“The road is open,” the governor said.\n\nHe left for Bamako on Monday.\n\n“Trucks will pass.”")
    assert not any(q.get("parts") for q in a.quotes)


def test_an_impression_reports_its_clause_by_nobody_named(analyze):
    (q,) = indirect(analyze("The ceasefire appeared to hold after the talks in Doha."))
    assert (q["text"], q["cue"]["text"], q["speaker_text"]) == (
        "The ceasefire appeared to hold after the talks in Doha", "appeared", None)


@pytest.mark.parametrize("text, content, speaker", [
    # "look" with an act to do is a plan of its subject's, with "to be"/"to have" an impression
    ("Keita is looking to win the north in the next round.", "to win the north in the next round", "Keita"),
    ("Keita looks to be ahead in the north.", "Keita looks to be ahead in the north", None),
    ("Keita looks to have won the north.", "Keita looks to have won the north", None),
])
def test_looking_to_act_is_a_plan_and_looking_to_be_an_impression(analyze, text, content, speaker):
    (q,) = indirect(analyze(text))
    assert (q["text"], q["speaker_text"]) == (content, speaker)


@pytest.mark.parametrize("text, cues", [
    ("The minister appeared on state television on Monday.", []),  # no infinitive: a showing
    ("Officials said the ceasefire seemed to hold.", ["said"]),      # inside a reported clause
])
def test_no_impression_of_its_own(analyze, text, cues):
    assert [q["cue"]["text"] for q in indirect(analyze(text))] == cues


def test_a_title_case_headline_reports_what_follows_its_verb(analyze):
    (q,) = indirect(analyze("Army Chief Slams Rebel Leaders Over Broken Ceasefire\n\n"
                            "The army chief spoke in Bamako on Monday."))
    assert (q["text"], q["cue"]["text"], q["speaker_text"]) == (
        "Rebel Leaders Over Broken Ceasefire", "Slams", "Army Chief")


def test_a_plural_noun_after_a_possessive_is_no_headline_verb(analyze):
    assert indirect(analyze("Why The Minister’s Attacks On Rebels Could Backfire\n\nThe minister spoke on Monday.")) == []


@pytest.mark.parametrize("text, content", [
    # "questioned" has the form of "said", not of "earns": the speaker's next act
    ("The mayor said he earns $41,000 a year and questioned how the plan would help him.",
     "he earns $41,000 a year"),
    # a second reported clause stays
    ("The minister said the talks had stalled and that the army would stay.",
     "the talks had stalled and that the army would stay"),
])
def test_a_coordinated_act_of_the_speaker_ends_the_reported_clause(analyze, text, content):
    q = next(q for q in indirect(analyze(text)) if q["cue"]["text"] == "said")
    assert q["text"] == content


@pytest.mark.parametrize("text, attitude", [
    ("The junta plans to reopen the border with Algeria.", True),
    ("The farmers' union backs the new water law.", True),
    ("The governor is confident that the dam will hold.", True),
    ("The minister believes that the talks will resume.", True),
    ("The minister said that the talks will resume.", False),
    ("Officials accused the rebels of looting the depot.", False),
])
def test_a_view_held_is_flagged_apart_from_words_said(analyze, text, attitude):
    quotes = [q for q in analyze(text).quotes if not q["scare"]]
    assert quotes, text
    assert bool(quotes[0].get("attitude")) is attitude


def test_a_transcript_quoted_turn_by_turn_keeps_each_speaker(analyze):
    text = ('"HOST: Let us begin with the talks in Algiers. Who will attend?\n\n'
            '"MINISTER: Our delegation leaves tomorrow. We are ready to sign.\n\n'
            '"HOST: And the rebels?\n\n'
            '"MINISTER: They have said they will come.\n')
    quotes = [q for q in analyze(text).quotes if q["kind"] == "direct"]
    assert [(q["speaker_text"], q["text"].split()[0]) for q in quotes] == [
        ("HOST", "Let"), ("MINISTER", "Our"), ("HOST", "And"), ("MINISTER", "They")]


def test_a_quotation_over_paragraphs_still_runs_on(analyze):
    text = ('The general said: "We have retaken the town. The road is open.\n\n'
            '"Supplies will arrive next week."\n')
    quotes = [q for q in analyze(text).quotes if q["kind"] == "direct"]
    assert len(quotes) == 1 and "Supplies" in quotes[0]["text"]


@pytest.mark.parametrize("text", [
    "The army has retaken another town \u2014 this time near Gao.\n",
    "The governor promised to reopen the border -- and yet President Keita kept it shut.\n",
    "The guards said a man grabbed the reporter - possibly a police official.\n",
    # a paragraph of sentences is no headline, whatever the dash is followed by
    "The crowd was restless. It cheered for the two generals -- Ali Keita and Moussa Diarra.\n",
])
def test_a_dash_aside_in_a_sentence_signs_nothing(analyze, text):
    assert not [q for q in analyze(text).quotes if q["cue"] and q["cue"]["text"] in ("\u2014", "--", "-")]


@pytest.mark.parametrize("text", [
    "Editor\u2019s note: The minister spoke to reporters before the vote.\n",
    "Keita: 1,204.\nDiarra: 877.\n",
])
def test_an_outlets_note_or_a_tally_after_a_colon_is_nobodys_words(analyze, text):
    assert not [q for q in analyze(text).quotes if q["cue"] and q["cue"]["text"] == ":"]


def test_who_hears_something_is_not_its_source(analyze):
    # the hearer receives what somebody else said
    text = "The farmers heard that the dam would be closed in May."
    assert not [q for q in analyze(text).quotes if q["cue"] and q["cue"]["text"] == "heard"]
