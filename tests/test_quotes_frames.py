"""Where a cue's reported content is besides a clause: frames of the cue lexicon and the phrases
around an object, on short wire-style sentences written for these tests (test_quotes.py has the rest)."""
import pytest


@pytest.mark.parametrize("text, content, cue", [
    ("A new poll shows Clinton with a six-point lead.", "Clinton with a six-point lead", "shows"),
    ("A second poll showed Cruz ten points ahead in Indiana.", "Cruz ten points ahead in Indiana", "showed"),
    ("The company reported its smallest profit in a decade.", "its smallest profit in a decade", "reported"),
    ("The senator talked about the border wall at the rally.", "the border wall", "talked"),
    ("The two leaders discussed the ceasefire.", "the ceasefire", "discussed"),
    ("Republicans portrayed the deal as a surrender.", "the deal as a surrender", "portrayed"),
    ("The senator noted the irony of the vote.", "the irony of the vote", "noted"),
    ("Trump and Cruz are both seen as strong candidates.", "Trump and Cruz are both seen as strong candidates", "seen"),
    ("Clinton is calling for the United States to take a stronger role.",
     "for the United States to take a stronger role", "calling"),
    ("The governor refused to discuss the nominees.", "to discuss the nominees", "refused"),
    ("The governor, who was speaking to the mayors, did not mention the storm.", "the storm", "mention"),
    ("The senator's comments about the border wall drew criticism.", "the border wall", "comments"),
    ("The mayor has raised questions about the new stadium.", "the new stadium", "questions"),
    # what a reaction is about
    ("The senator questioned the timing of the vote.", "the timing of the vote", "questioned"),
    ("The minister dismissed the protests as foreign meddling.", "the protests as foreign meddling", "dismissed"),
    ("The audit detailed the cost of the new bridge.", "the cost of the new bridge", "detailed"),
    ("The campaign did not respond to a request for comment.", "a request for comment", "respond"),
    ("The governor commented on the ruling.", "the ruling", "commented"),
    ("The two parties agreed on a budget.", "a budget", "agreed"),
    ("The group advocates for higher wages.", "higher wages", "advocates"),
    ("The mayor joked about his age.", "his age", "joked"),
    # any cue verb's "about" phrase is its topic (`verb_preps`)
    ("The governor wrote about the drought.", "the drought", "wrote"),
    # speech acts of the long tail that name their content: an object, or a fixed preposition
    ("The senator voiced concern about the deal.", "concern about the deal", "voiced"),
    ("The governor railed against the judge at a rally.", "the judge", "railed"),
    ("The governor lashed out at the president on Friday.", "the president", "lashed out"),
    ("City officials balked at the plan to build a hotel.", "the plan to build a hotel", "balked"),
    ("The former governor vouched for the candidate.", "the candidate", "vouched"),
    ("The minister alluded to her failings.", "her failings", "alluded"),
    ("The minister likened the deal to a surrender.", "the deal to a surrender", "likened"),
    ("Analysts credited the reform with lowering prices.", "the reform with lowering prices", "credited"),
    # verbs of saying again or in full, whose object is what was said
    ("The senator recalled the night of the attack.", "the night of the attack", "recalled"),
    ("The governor stated his intention to run.", "his intention to run", "stated"),
    ("The minister recounted a talk with the rebels.", "a talk with the rebels", "recounted"),
    ("The governor outlined a plan to cut taxes.", "a plan to cut taxes", "outlined"),
    ("The senator chided the president for his remarks.", "the president for his remarks", "chided"),
    ("The senator hinted at a run for governor.", "a run for governor", "hinted"),
    ("The candidate boasted of his wealth on Monday.", "his wealth", "boasted"),
])
def test_frames_say_where_the_content_is(analyze, text, content, cue):
    # an object with what the parse hung after it, a topic, a for-clause; one quote per report
    (q,) = [q for q in analyze(text).quotes if q["kind"] == "indirect"]
    assert q["text"] == content and q["cue"]["text"] == cue


@pytest.mark.parametrize("text", [
    "The senator showed leadership on the issue.",          # what a person shows is not reported
    "As the governor spoke, residents waited in line for water.",  # speaking with no topic is a meeting
    "Clinton stayed ahead in the polls through the summer.",  # polls in general are a standing
    "The storm lashed the coast.",                          # lashing is speech only at someone
    "The bank credited the account.",                       # crediting is praise only with what for
    "Mali recalled its ambassador from Paris.",             # a diplomatic recall (`except`)
])
def test_no_report_without_a_reported_content(analyze, text):
    assert [q for q in analyze(text).quotes if q["kind"] == "indirect"] == []


def test_scorer_takes_a_speaker_opening_the_sets_longer_source_span():
    from eventwire.evaluate.quotes import _speaker_ok
    gold = {"speaker": "Amadou Keita, who heads the transport union", "speaker_start": 40, "speaker_end": 84}
    assert _speaker_ok(gold, {"speaker_start": 40, "speaker_end": 52}, {})       # "Amadou Keita"
    assert not _speaker_ok(gold, {"speaker_start": 76, "speaker_end": 84}, {})   # "union", inside but not opening
    assert not _speaker_ok(gold, {"speaker_start": 30, "speaker_end": 52}, {})   # starts elsewhere


@pytest.mark.parametrize("text, title", [
    ("Flynn said on ABC's \"This Week\" that the army was unprepared.", "This Week"),
    ("He wrote in his book \"The Art of the Deal\" that deals are art.", "The Art of the Deal"),
])
def test_a_quoted_title_is_nobodys_words(analyze, text, title):
    q = next(q for q in analyze(text).quotes if q["text"] == title)
    assert q["scare"] and "rule:title" in q["evidence"]


def test_a_capitalised_slogan_said_by_someone_is_still_a_quote(analyze):
    q = next(q for q in analyze('"We Will Fight On," the commander said.').quotes)
    assert q["kind"] == "direct" and not q["scare"]


@pytest.mark.parametrize("text, speaker", [
    # a participle on a thing speaks for whoever holds it
    ("The minister spoke at a news conference announcing that the border would reopen.", "The minister"),
    ("The campaign released an advert asking voters to stay home.", "The campaign"),
    # a participle on people is theirs
    ("Officials, saying the road was unsafe, closed the border.", "Officials"),
])
def test_a_participle_cue_on_a_thing_speaks_for_its_holder(analyze, text, speaker):
    q = next(q for q in analyze(text).quotes if q["kind"] == "indirect")
    assert q["speaker_text"] == speaker



def test_pledged_delegates_are_delegates_not_a_pledge(analyze):
    a = analyze("Keita leads Traore by 271 pledged delegates after the vote in Kayes.")
    assert not [q for q in a.quotes if q["cue"] and q["cue"]["text"] == "pledged"]


@pytest.mark.parametrize("text, content, speaker", [
    ("Asked whether the talks had failed, the minister said no.", "no", "the minister"),
    ("Most farmers backed the plan, and a third of traders said so.", "so", "a third of traders"),
    ("Six in 10 voters trust the mayor, while 40 percent said the same of the governor.",
     "the same of the governor", "40 percent"),
])
def test_a_pro_form_stands_for_what_was_said(analyze, text, content, speaker):
    q = next(q for q in analyze(text).quotes if q["cue"] and q["cue"]["text"] == "said")
    assert (q["text"], q["speaker_text"]) == (content, speaker)


def test_a_pronoun_object_is_no_pro_form(analyze):
    assert not [q for q in analyze("The minister said it twice.").quotes if q["cue"]]


def test_a_gerund_subject_the_parse_hung_on_the_cue_is_part_of_the_reported_clause(analyze):
    q = next(q for q in analyze("For months, the governor and his allies have said reducing those imports "
                                "must be a central aim of the budget.").quotes if q["cue"])
    assert q["text"] == "reducing those imports must be a central aim of the budget"


@pytest.mark.parametrize("text, content, cue", [
    ("The minister shrugged off the criticism from the opposition.", "the criticism from the opposition", "shrugged"),
    ("The senator distanced herself from the remarks of her aide.", "the remarks of her aide", "distanced"),
    ("The governor has long dwelled on the cost of the war.", "the cost of the war", "dwelled"),
    ("A federal judge ordered the release of the records.", "the release of the records", "ordered"),
    ("The magazine lists the tycoon as the richest man in Mali.", "the tycoon as the richest man in Mali",
     "lists"),
    ("The candidate unveiled a plan to cut taxes.", "a plan to cut taxes", "unveiled"),
    ("Few analysts foresee a quick end to the strike.", "a quick end to the strike", "foresee"),
    ("The opposition quickly pounced on the announcement.", "the announcement", "pounced"),
    ("The senator savaged the plan as a giveaway.", "the plan as a giveaway", "savaged"),
    ("The envoy heaped praise on the mediators.", "praise on the mediators", "heaped"),
])
def test_speech_and_stance_verbs_of_the_long_tail(analyze, text, content, cue):
    q = next(q for q in analyze(text).quotes if q["cue"] and q["cue"]["text"].split()[0] == cue)
    assert q["text"] == content


def test_a_gerund_with_its_own_that_clause_is_no_misparsed_subject(analyze):
    a = analyze("The senator has been weighing announcing that she will retire next year.")
    assert [q["cue"]["text"] for q in a.quotes if q["cue"]] == ["announcing"]
