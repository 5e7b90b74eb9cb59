"""Whose words a quote is: the speaker's words in the attribution, on short wire-style
sentences written for these tests (test_quotes.py and test_quotes_attribution.py have more)."""
import pytest


def by_cue(analysis, cue):
    return [q for q in analysis.quotes if (q.get("cue") or {}).get("text") == cue]


@pytest.mark.parametrize("text, cue, speaker", [
    ("The leak led the party chairwoman to announce that she would resign.", "announce",
     "the party chairwoman"),
    ("The attack is pushing the candidates to argue that the border must close.", "argue", "the candidates"),
])
def test_the_object_of_a_control_verb_speaks_its_infinitive(analyze, text, cue, speaker):
    (q,) = by_cue(analyze(text), cue)
    assert q["speaker_text"] == speaker


def test_an_infinitive_of_purpose_is_the_subjects(analyze):
    (q,) = by_cue(analyze("The minister used a radio address to claim that the vote was rigged."), "claim")
    assert q["speaker_text"] == "The minister"


@pytest.mark.parametrize("text, cue", [
    ("Asked whether the truce would hold, the governor said he was hopeful.", "Asked"),
    ("The governor said he was hopeful, asked about the truce in an interview.", "asked"),
])
def test_the_one_asked_is_not_the_speaker_of_an_unnamed_question(analyze, text, cue):
    # the main clause's subject answers; who asked goes unnamed
    (q,) = by_cue(analyze(text), cue)
    assert (q["speaker"], q["speaker_text"]) == (None, None)


def test_a_finite_verb_that_lost_its_subject_in_the_parse_keeps_it(analyze):
    (q,) = by_cue(analyze('Protesters marching through the streets chanted "What curfew?" and kept going.'),
                  "chanted")
    assert q["speaker_text"] == "Protesters"


def test_what_an_of_phrase_reports_is_not_its_speaker(analyze):
    # "of the charges" is what was denied, so the denial is the subject's
    (q,) = by_cue(analyze("The ministry issued a firm denial of the charges on Monday."), "denial")
    assert (q["text"], q["speaker_text"]) == ("the charges", "The ministry")


def test_a_participle_hung_on_a_reported_clause_is_the_reporters(analyze):
    text = "The governor argued that a new tax would keep prices from rising too fast, saying it was fair."
    (q,) = by_cue(analyze(text), "saying")
    assert q["speaker_text"] == "The governor"


@pytest.mark.parametrize("text, cue, speaker", [
    # a bound modifier says who is meant: it is part of the speaker's words
    ("People briefed on the talks said the deal was close.", "said", "People briefed on the talks"),
    ("A survey conducted by the university found that most farmers had lost cattle.", "found",
     "A survey conducted by the university"),
    ("Traders who sell grain in the capital said prices had doubled.", "said",
     "Traders who sell grain in the capital"),
    # one set off by commas adds to a speaker already named
    ("Keita, who arrived in Bamako on Monday, said the talks would resume.", "said", "Keita"),
    # one holding a cue is an attribution of its own
    ("Lawmakers who praised the plan said it would pass.", "said", "Lawmakers"),
])
def test_a_restrictive_modifier_names_the_speaker(analyze, text, cue, speaker):
    (q,) = by_cue(analyze(text), cue)
    assert q["speaker_text"] == speaker


def test_a_speaker_never_runs_over_its_verb(analyze):
    # the parse hangs "another example ..." on the subject, past the verb it depends on
    text = "A union representing nurses endorsed the senator on Monday, another example of labor throwing its weight behind her."
    (q,) = by_cue(analyze(text), "endorsed")
    assert q["speaker_text"] == "A union representing nurses"


@pytest.mark.parametrize("text, cue", [
    ("That said, the talks will resume in Algiers next week.", "said"),
    ("The rebels took two towns in a day. That shows how weak the army has become.", "shows"),
])
def test_a_demonstrative_subject_names_no_speaker(analyze, text, cue):
    # "that" stands for a fact; nor does the clause it hangs on lend its subject
    assert all(q["speaker_text"] is None for q in by_cue(analyze(text), cue))


def test_the_quoted_words_are_never_their_own_speaker(analyze):
    # the parse takes the one quoted word for the subject of "wrote"
    (q,) = by_cue(analyze('"Meh," wrote a Traore supporter.\n'), "wrote")
    assert q["speaker_text"] == "a Traore supporter"


@pytest.mark.parametrize("text, cue, speaker", [
    ("Keita has a long history of blaming others for his failures.", "blaming", "Keita"),
    ("The general makes no apologies for accusing the rebels of hiding in villages.", "accusing", "The general"),
    # the noun's possessor, when it has one, is who does it
    ("The scandal undermined the party's strategy of blaming the courts for the delays.", "blaming", "the party"),
])
def test_a_gerund_after_a_nouns_preposition_is_done_by_the_subject(analyze, text, cue, speaker):
    (q,) = by_cue(analyze(text), cue)
    assert q["speaker_text"] == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    ("\u201cFarmers should keep their herds near the wells,\u201d opined the Bamako Daily.\n", "opined", "the Bamako Daily"),
    ("\u201cThere are more candidates in the race,\u201d added another senator. Yet the race is open.\n", "added",
     "another senator"),
])
def test_a_speaker_the_parse_took_for_the_object_of_a_cue_after_its_quote(analyze, text, cue, speaker):
    (q,) = by_cue(analyze(text), cue)
    assert q["speaker_text"] == speaker


def test_who_was_told_is_not_the_speaker(analyze):
    text = "\u201cThe border stays shut,\u201d a source who was not authorized to speak told Radio Mali.\n"
    assert all(q["speaker_text"] != "Radio Mali" for q in by_cue(analyze(text), "told"))


@pytest.mark.parametrize("text, holder", [
    ("But Okafors believes the council will not agree.", "Okafors"),
    ("In Kayes, Diakites hope the rains will come early.", "Diakites"),
    ("Traore wants voters to back the deal.", "Traore"),  # a proper noun the NER missed
])
def test_a_capitalised_word_inside_a_sentence_names_a_holder(analyze, text, holder):
    assert [q["speaker_text"] for q in analyze(text).quotes if q["cue"]] == [holder]


def test_a_speaker_phrase_starts_on_its_own_line(analyze):
    q = next(q for q in analyze("Reuters\nOne poll shows the mayor ahead.").quotes if q["cue"])
    assert q["speaker_text"] == "One poll"


def test_the_possessor_of_a_noun_does_its_infinitive(analyze):
    q = next(q for q in analyze("The minister's refusal to condemn the attack angered the opposition.").quotes
             if q["cue"] and q["cue"]["text"] == "condemn")
    assert q["speaker_text"] == "The minister"


@pytest.mark.parametrize("text, cue, speaker", [
    ("The man accused of buying the guns will remain in jail.", "accused", None),
    ("A contractor accused by Havana of spying was freed.", "accused", "Havana"),
])
def test_the_one_accused_or_asked_is_no_speaker(analyze, text, cue, speaker):
    (q,) = by_cue(analyze(text), cue)
    assert q["speaker_text"] == speaker


def test_a_delegate_count_is_no_source(analyze):
    assert not [q for q in analyze("The mayor trails badly in the latest vote tally.").quotes if q["cue"]]
