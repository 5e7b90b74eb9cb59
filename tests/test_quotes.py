"""Quotes and attribution on short wire-style sentences written for these tests."""
import random

import pytest
from hypothesis import given, settings, strategies as st

from eventwire.entities import extract_entities
from eventwire.quotes import STANCES, find_quotes, lexicon
from eventwire.quotes.marks import pair_quotes


def one(analysis, kind=None, contains=None):
    """The single quote of a kind (and containing some words), or fail."""
    found = [q for q in analysis.quotes if (kind is None or q["kind"] == kind)
             and (contains is None or contains in q["text"])]
    assert len(found) == 1, [(q["kind"], q["text"]) for q in analysis.quotes]
    return found[0]


def speaker_entity(analysis, quote):
    return next(e for e in analysis.entities if e.id == quote["speaker"])


def names(entity):
    return {entity.name, *(m.text for m in entity.mentions)}


# --- quote marks, without the parser ---------------------------------------------------------

@pytest.mark.parametrize("text, inner", [
    ("“The road is open,” he said.", ["The road is open"]),
    ('He said: "The road is open."', ["The road is open."]),
    ("Il a dit : « Nous restons », selon l’AFP.", ["Nous restons"]),
    ("She said “they told us ‘leave now’ at dawn.”", ["they told us ‘leave now’ at dawn."]),
    ("« Ils ont dit “non” » , a-t-il déclaré.", ["Ils ont dit “non”"]),
    ("''We are ready,'' the colonel said.", ["We are ready"]),
    ("The soldiers' families waited; it's the army's call.", []),
])
def test_quote_marks_pair(text, inner):
    assert [text[m.inner_start:m.inner_end] for m in pair_quotes(text)] == inner


def test_a_quote_runs_on_over_paragraphs_that_reopen_it():
    text = "“The convoy left at dawn.\n“It reached Gao by nightfall,” the spokesman said."
    (m,) = pair_quotes(text)
    assert text[m.inner_start:m.inner_end] == "The convoy left at dawn.\n“It reached Gao by nightfall"
    assert m.paragraphs == 2


def test_an_unbalanced_mark_costs_only_its_paragraph():
    text = "The mayor spoke of “chaos in the streets\nThe army said: “We hold the bridge.”"
    assert [text[m.inner_start:m.inner_end] for m in pair_quotes(text)] == ["We hold the bridge."]


def test_markup_attributes_are_not_quotes():
    text = '<tweet author="@envoy" id="12">Talks resume "soon" in Doha</tweet>'
    assert [text[m.inner_start:m.inner_end] for m in pair_quotes(text)] == ["soon"]


# --- direct quotes -------------------------------------------------------------------------------

def test_direct_quote_before_its_cue(analyze):
    a = analyze("“The border will stay closed until the talks resume,” Interior Minister Ousmane Maiga said on Tuesday.")
    q = one(a, "direct")
    assert q["text"] == "The border will stay closed until the talks resume"
    assert q["cue"]["text"] == "said" and q["cue"]["stance"] == "assert"
    assert "Ousmane Maiga" in names(speaker_entity(a, q))


def test_direct_quote_after_its_cue(analyze):
    a = analyze('Colonel Amadou Keita told reporters: "Our units have secured the northern road."')
    q = one(a, "direct")
    assert q["text"] == "Our units have secured the northern road."
    assert q["cue"]["text"] == "told"
    assert "Amadou Keita" in names(speaker_entity(a, q))


def test_quote_around_its_cue_is_one_quote(analyze):
    a = analyze("“We did not fire first,” said Colonel Amadou Keita, “and we will not fire now.”")
    q = one(a, "direct")
    assert [p["text"] for p in q["parts"]] == ["We did not fire first", "and we will not fire now."]
    assert "Amadou Keita" in names(speaker_entity(a, q))


def test_quote_goes_on_after_a_long_speaker_description(analyze):
    a = analyze("“The road is open,” said Amadou Keita, one of several transport officials who have "
                "worked with the army in Mopti. “Trucks will pass again next week.”")
    q = one(a, "direct")
    assert [p["text"] for p in q["parts"]] == ["The road is open", "Trucks will pass again next week."]


def test_reported_clause_and_the_quote_after_its_cue_are_one_quote(analyze):
    a = analyze("The curfew will be lifted ''as soon as the roads are safe,'' the governor said. "
                "''We are not there yet.''")
    q = one(a, contains="curfew")
    assert q["text"].endswith("We are not there yet.") and len(q["parts"]) == 2


def test_a_new_sentence_of_narration_ends_the_quote(analyze):
    a = analyze("“The road is open,” the governor said. He left for Bamako on Monday. “Trucks will pass.”")
    assert not any(q.get("parts") for q in a.quotes)


@pytest.mark.parametrize("text, content", [
    ("The attack, the army said, killed 12 soldiers near the border.",
     "The attack, the army said, killed 12 soldiers near the border"),
    ("On Monday, the minister said, the army will withdraw from Kidal.",
     "On Monday, the minister said, the army will withdraw from Kidal"),
    ("The minister said on Monday that the army will withdraw from Kidal.", "that the army will withdraw from Kidal"),
])
def test_a_cue_set_off_by_commas_reports_the_clause_it_interrupts(analyze, text, content):
    q = one(analyze(text), "indirect")
    assert q["text"] == content


def test_multi_sentence_quote_over_paragraphs(analyze):
    text = ("Army spokesman Souleymane Dembele described the operation.\n"
            "“The convoy left Mopti at dawn. It came under fire twice.\n"
            "“It reached Gao by nightfall,” Dembele said.")
    a = analyze(text)
    q = one(a, "direct")
    assert q["text"].startswith("The convoy left Mopti at dawn.") and q["text"].endswith("Gao by nightfall")
    assert "Souleymane Dembele" in names(speaker_entity(a, q))


def test_nested_marks_stay_inside_their_quote(analyze):
    a = analyze("The envoy said: “They told us ‘no deal’ and walked out.”")
    q = one(a, "direct")
    assert q["text"] == "They told us ‘no deal’ and walked out."


def test_speaker_through_a_pronoun(analyze):
    a = analyze("Defence Minister Sadio Camara visited the base on Monday. “The army is ready,” he said.")
    q = one(a, "direct")
    assert q["speaker_text"] == "he"
    assert "Sadio Camara" in names(speaker_entity(a, q))


@pytest.mark.parametrize("text", [
    "Brigadier General Moussa Traore inspected the troops. “We will hold every town,” the general said.",
    "Colonel Moussa Traore inspected the troops on Monday. “We will hold every town,” Colonel Traore said.",
])
def test_speaker_through_a_title(analyze, text):
    a = analyze(text)
    assert "Moussa Traore" in names(speaker_entity(a, one(a, "direct")))


def test_floating_quote_takes_the_previous_speaker(analyze):
    text = ("Governor Amina Haidara said the town had run out of fuel.\n"
            "“We have no diesel for the generators. The clinic is dark at night.”")
    a = analyze(text)
    said = one(a, "indirect")
    floating = one(a, "direct")
    assert floating["speaker"] == said["speaker"] is not None
    assert "rule:floating-quote" in floating["evidence"] and floating["follows"] == said["id"]


def test_unknown_speaker_stays_null(analyze):
    a = analyze("“We will stay until the end,” they said.")
    q = one(a, "direct")
    assert q["speaker_text"] == "they" and q["speaker"] is None


# --- partial and scare quotes --------------------------------------------------------------------

def test_partial_quote_inside_reported_speech(analyze):
    a = analyze("The Malian government said the talks had produced “real progress” on prisoners.")
    clause = one(a, "indirect")
    partial = one(a, "partial")
    assert partial["text"] == "real progress" and partial["within"] == clause["id"]
    assert partial["speaker"] == clause["speaker"] is not None
    assert not partial["scare"]


def test_partial_quote_after_a_verb_of_praise(analyze):
    a = analyze("President Assimi Goita hailed relations with Moscow as a “strategic” partnership.")
    partial = one(a, "partial")
    assert partial["cue"]["stance"] == "praise"
    assert "Assimi Goita" in names(speaker_entity(a, partial))


def test_scare_quote_in_the_outlets_voice(analyze):
    a = analyze("The so-called “peace corridor” was shelled twice on Sunday.")
    q = one(a)
    assert q["scare"] and q["speaker"] is None and q["cue"] is None


def test_scare_quote_in_a_definite_description_is_not_attributed(analyze):
    a = analyze("Ukrainian officials claimed the rebels carried out the “successful” raid.")
    scare = one(a, "partial")
    assert scare["scare"] and scare["speaker"] is None
    claim = one(a, "indirect")
    assert claim["cue"]["stance"] == "claim" and claim["speaker"] is not None


# --- indirect speech -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, content, cue", [
    ("The army said that three soldiers were wounded in the ambush.", "that three soldiers were wounded in the ambush", "said"),
    ("The governor told Reuters the airport would reopen on Friday.", "the airport would reopen on Friday", "told"),
    ("The airport would reopen on Friday, the governor told Reuters.", "The airport would reopen on Friday", "told"),
    ("The spokesman explained that the convoy had been delayed by rain.", "that the convoy had been delayed by rain", "explained"),
    ("The rebels insisted they had not targeted civilians.", "they had not targeted civilians", "insisted"),
    ("According to local officials, the attack killed twelve villagers.", "the attack killed twelve villagers", "According to"),
    ("The attack killed twelve villagers, according to local officials.", "The attack killed twelve villagers", "according to"),
])
def test_indirect_speech_content_is_the_reported_clause(analyze, text, content, cue):
    q = one(analyze(text), "indirect")
    assert q["text"] == content and q["cue"]["text"] == cue
    assert q["speaker_text"] is not None


def test_according_to_names_the_speaker(analyze):
    a = analyze("According to the Malian army, the attack killed twelve villagers.")
    q = one(a, "indirect")
    assert q["speaker_text"] == "the Malian army" and q["speaker"] is not None


def test_statement_that(analyze):
    a = analyze("Niger's statement that the border would stay closed was read on state television.")
    q = one(a, "indirect")
    assert q["text"] == "that the border would stay closed"
    assert q["cue"]["text"] == "statement" and q["speaker_text"] == "Niger"
    assert "Niger" in speaker_entity(a, q).name


def test_headline_with_a_dash_names_its_source(analyze):
    a = analyze("Border crossings to reopen next week – minister\nThe decision follows a month of talks.")
    q = one(a, "indirect")
    assert q["text"] == "Border crossings to reopen next week"
    assert q["cue"]["text"] == "–" and q["speaker_text"] == "minister"


@pytest.mark.parametrize("sign", ["\u2015 ", " \u2015 ", " \u2014 "])
def test_a_quotation_signed_with_a_dash_is_the_signers(analyze, sign):
    words = "The water has not reached our fields for three seasons. " * 9   # a long paragraph
    text = f"Farmers wrote to the ministry.\n\n\u201c{words.strip()}\u201d{sign}Awa Traore\n"
    q = one(analyze(text), "direct")
    assert q["speaker_text"] == "Awa Traore" and q["cue"]["text"] == sign.strip()


def test_a_long_paragraph_ending_with_a_dash_and_a_name_is_no_headline(analyze):
    words = "The water has not reached the fields for three seasons and the wells are dry. " * 6
    a = analyze(f"{words.strip()} \u2013 Awa Traore\n")
    assert not [q for q in a.quotes if q["cue"] and q["cue"]["text"] == "\u2013"]


def test_headline_lines_without_full_stops_keep_their_own_quotes(analyze):
    # the parser runs lines without a full stop together; what a cue reports stays on its line
    text = ("Sahel armies look east for weapons – official\n"
            "Moscow’s “modern” tanks are “ideal” for the desert, Mali’s army chief told RT\n"
            "Mali is seeking new partners, the general said, naming Russia first.")
    a = analyze(text)
    told = one(a, "indirect", "tanks")
    assert told["text"] == "Moscow’s “modern” tanks are “ideal” for the desert" and told["cue"]["text"] == "told"
    assert {q["text"] for q in a.quotes if q.get("within") == told["id"]} == {"modern", "ideal"}
    assert one(a, "indirect", "partners")["text"] == "Mali is seeking new partners"


def test_denial_with_a_participle_of_claim(analyze):
    a = analyze("Kiev denies the accusations, claiming that the African states acted without evidence.")
    deny = one(a, "indirect", "accusations")
    claim = one(a, "indirect", "African states")
    assert deny["cue"]["stance"] == "deny" and claim["cue"]["stance"] == "claim"
    assert deny["speaker"] == claim["speaker"] is not None


def test_accusation_keeps_its_object_and_charge(analyze):
    a = analyze("The Malian military government accused Ukraine of backing terrorist groups.")
    q = one(a, "indirect")
    assert q["text"] == "Ukraine of backing terrorist groups" and q["cue"]["stance"] == "accuse"
    assert q["speaker_text"] == "The Malian military government" and q["speaker"] is not None


@pytest.mark.parametrize("text, cue, stance", [
    ("The spokesman said the convoy had been delayed.", "said", "assert"),
    ("The militants claimed that they had downed a drone.", "claimed", "claim"),
    ("The ministry denied that troops had crossed the border.", "denied", "deny"),
    ("The opposition accused the government of rigging the vote.", "accused", "accuse"),
    ("The aid agency warned that the camps could run out of food.", "warned", "warn"),
    ("The envoy urged both sides to return to the table.", "urged", "ask"),
    ("Clinton is calling for the United States to take a stronger role.", "calling", "ask"),
    ("The president hailed the agreement as a turning point.", "hailed", "praise"),
    ("The commander admitted that his unit had suffered losses.", "admitted", "concede"),
    ("The army confirmed that two officers were killed.", "confirmed", "confirm"),
    ("Diplomats were hoping that the talks would resume.", "hoping", "claim"),  # lemmatised "hop"
])
def test_stance_of_each_cue_class(analyze, text, cue, stance):
    q = one(analyze(text))
    assert q["cue"]["text"] == cue and q["cue"]["stance"] == stance


@pytest.mark.parametrize("text, content, cue, stance", [
    ("The senator believes that the bill will pass.", "that the bill will pass", "believes", "claim"),
    ("Most voters think the economy is getting worse.", "the economy is getting worse", "think", "claim"),
    ("Clinton wants voters to know that she is with them.", "voters to know that she is with them", "wants", "ask"),
    ("The union supports the plan that the governor announced.", "the plan that the governor announced",
     "supports", "praise"),  # a stand taken (`attitude.objects`)
    ("The old bridge supports heavy trucks.", None, None, None),  # not held by anybody
    ("The senator wants to win Florida.", "to win Florida", "wants", "ask"),  # an intention (`attitude.intentions`)
    ("The senator hopes to win Florida.", "to win Florida", "hopes", "claim"),  # a hope is an intention too
    ("Diplomats were hoping to reach a deal.", "to reach a deal", "hoping", "claim"),  # lemmatised "hop"
    ("The committee expected a long debate.", None, None, None),
    ("We now know that the bureau is investigating the foundation.", "that the bureau is investigating the foundation",
     "know", "claim"),
    ("The senator knows the state well.", None, None, None),
    ("Party leaders see him as a valuable asset.", "him as a valuable asset", "see", "claim"),  # a view: object + predicate
    ("Residents saw the convoy as it passed.", None, None, None),  # "as" opens a clause of time
    ("Younger voters prefer the senator.", "the senator", "prefer", "praise"),  # a stand (`attitude.objects`)
])
def test_attitude_verbs_need_a_proposition(analyze, text, content, cue, stance):
    # cognition and attitude verbs report a clause with its own subject or "that", an object only
    # when it is a stand (support, back)
    quotes = [q for q in analyze(text).quotes if q["kind"] == "indirect"]
    if content is None:
        assert quotes == []
    else:
        (q,) = quotes
        assert (q["text"], q["cue"]["text"], q["cue"]["stance"]) == (content, cue, stance)
        assert q["speaker_text"] is not None


def test_as_aside_reports_its_clause(analyze):
    a = analyze("As the Washington Post reported, the inspector general issued subpoenas to the foundation.")
    q = one(a, "indirect")
    assert q["text"] == "the inspector general issued subpoenas to the foundation" and q["cue"]["text"] == "reported"
    assert q["speaker_text"] == "the Washington Post"


def test_passive_cue_reports_its_subject(analyze):
    q = one(analyze("The meeting was first reported by Politico."), "indirect")
    assert q["text"] == "The meeting" and q["speaker_text"] == "Politico"


def test_a_poll_speaks_for_its_clause(analyze):
    q = one(analyze("In a CNN poll released Monday, Clinton led Sanders by ten points."), "indirect")
    assert q["text"] == "Clinton led Sanders by ten points" and q["cue"]["text"] == "In"
    assert q["speaker_text"].startswith("a CNN poll")


def test_headline_name_before_a_colon_named_later(analyze):
    a = analyze("Lynch: No outside influence on FBI probe.\nAttorney General Loretta Lynch spoke on Tuesday.")
    q = one(a, contains="No outside influence")
    assert q["cue"]["text"] == ":" and q["speaker_text"] == "Lynch"


def test_reporting_adverbs_are_recorded(analyze):
    a = analyze("Officials reportedly said the base had been evacuated.")
    q = one(a, "indirect")
    assert [r["text"] for r in q["reporting"]] == ["reportedly"]
    b = analyze("Wagner fighters reportedly withdrew from the town.")
    q = one(b, "indirect")
    assert q["cue"]["text"] == "reportedly" and q["speaker"] is None


def test_claimed_responsibility(analyze):
    q = one(analyze("The group claimed responsibility for the attack on Tuesday."))
    assert q["cue"]["stance"] == "claim" and [r["text"] for r in q["reporting"]] == ["claimed responsibility"]


def test_offsets_point_into_the_text(analyze):
    text = ("Mali’s foreign minister said on Friday that Bamako “will not be lectured”. "
            "“We are a sovereign state,” he added, “and we choose our partners.”\n"
            "Kiev denies the accusations, according to a statement.")
    a = analyze(text)
    assert a.quotes
    for q in a.quotes:
        assert text[q["start"]:q["end"]] == q["text"]
        if q["cue"]:
            assert text[q["cue"]["start"]:q["cue"]["end"]] == q["cue"]["text"]
        if q["speaker_text"]:
            assert text[q["speaker_start"]:q["speaker_end"]] == q["speaker_text"]
        assert q["id"].startswith("q") and q["kind"] in ("direct", "partial", "indirect")


def test_cue_lexicon_uses_only_the_fixed_stances():
    lex = lexicon("en")
    stances = {e.stance for e in [*lex.verbs.values(), *lex.nouns.values(), *lex.according, *lex.reporting]}
    assert stances <= set(STANCES)
    assert {"say", "deny", "accuse", "warn", "hail", "admit", "confirm"} <= set(lex.verbs)


def test_a_language_without_a_cue_file_still_pairs_quotes(nlp):
    doc = nlp("“We are ready,” he said.")
    (q,) = find_quotes(doc, [], lang="xx")
    assert q["kind"] == "direct" and q["cue"] is None


# --- the scorer -----------------------------------------------------------------------------------

def test_scorer_matches_spans_by_overlap_and_exactly():
    from eventwire.evaluate.quotes import _exact, match

    text = "He said “the road is open,” and left."
    assert match([(8, 27)], [(9, 25)]) == {0: 0}          # overlap 16/19 of the longer span
    assert match([(0, 10)], [(9, 30)]) == {}
    assert _exact(text, [(8, 27)], [(9, 25)]) == {0: 0}  # marks and the comma are forgiven


def test_scorer_on_a_small_set(tmp_path):
    import json

    from eventwire.evaluate.quotes import score

    text = "“The road is open,” the governor said. Officials said the bridge was closed."
    records = [{"id": "a", "text": text, "gold": {"quotes": [
        {"text": "“The road is open,”", "kind": "direct", "speaker": "the governor", "cue": "said"},
        {"text": "the bridge was closed", "start": 55, "end": 76, "kind": "indirect",
         "speaker": "Officials", "speaker_start": 38, "speaker_end": 47, "cue": "said", "cue_start": 48, "cue_end": 52}]}}]
    path = tmp_path / "quotes.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records))
    report = score(str(path))
    assert report.scored == 1
    assert report.figures["content_overlap_f1"] == 1.0 and report.figures["speaker_accuracy_all"] == 1.0
    assert report.figures["cue_accuracy"] == 1.0 and "records scored: 1" in report.text()


# --- bad input: bounded time, no exception ---------------------------------------------------------

def _run(nlp, text):
    doc = nlp(text)
    quotes = find_quotes(doc, extract_entities(nlp, doc))
    for q in quotes:
        assert text[q["start"]:q["end"]] == q["text"]
    return quotes


def test_document_full_of_quote_marks(nlp):
    rng = random.Random(7)
    _run(nlp, "".join(rng.choice("\"“”«»‘’'` ab,.\n") for _ in range(6000)))


def test_a_quote_mark_in_every_line(nlp):
    quotes = _run(nlp, "\n".join(f'"line {i} said the official' for i in range(600)))
    assert len(quotes) == 600  # each stray mark costs its own line, no more


def test_code_listing(nlp):
    _run(nlp, "\n".join(['x = "a" + \'b\'; print("said", \'told\')  # "claimed"'] * 300))


def test_five_thousand_quotes_in_one_article(nlp):
    quotes = _run(nlp, " ".join(f"“No{i},” he said." for i in range(5000)))
    assert len(quotes) == 5000


def test_no_sentence_punctuation(nlp):
    _run(nlp, " ".join(["the minister said the army would win and officials claimed victory"
                        " according to the governor who denied reports"] * 300))


_PIECES = list("\"“”«»‘’'`:;,.-–—\n ()=") + [" said ", " told ", " the ", " minister ", " claimed ", " according to ",
                                           " Mali ", " he ", " that ", " reportedly ", " denied ", "X", "a"]


@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
@settings(max_examples=60, deadline=None)
def test_stage_never_raises(nlp, text):
    if text.strip():
        _run(nlp, text)


# --- paragraphs, misattached clauses, nested attitudes, pronoun speakers -----------------------

def test_a_blank_line_starts_a_sentence():
    from eventwire.nlp import load_pipeline
    doc = load_pipeline("en")("Border talks stall in Niamey\n\nThe delegations will meet again on Monday, "
                              "a mediator said.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Border talks stall in Niamey"
    assert sents[1].startswith("The delegations")


def test_headline_paragraph_keeps_its_own_words_out_of_the_quote(analyze):
    a = analyze("11:45 a.m.\n\nFarm unions say the drought has cut the harvest by half.")
    q = one(a, "indirect")
    assert q["text"] == "the drought has cut the harvest by half" and q["speaker_text"] == "Farm unions"


def test_clause_before_a_cue_may_have_a_finite_auxiliary(analyze):
    a = analyze("The army is preparing a new offensive, the colonel said, declining to give a date.")
    q = one(a, "indirect", "offensive")
    assert q["text"] == "The army is preparing a new offensive" and q["speaker_text"] == "the colonel"


def test_that_clause_hung_on_a_phrase_after_the_cue(analyze):
    # the parse may take "that ..." for a relative clause of "conference"
    a = analyze("The tycoon, long expected to fund the campaign, Adeyemi said on Friday during a news "
                "conference that he may wait until the primaries to decide whom to back.")
    q = one(a, "indirect", "primaries")
    assert q["text"].startswith("that he may wait") and q["cue"]["text"] == "said"


def test_attitude_inside_a_reported_clause_is_part_of_it(analyze):
    a = analyze("The governor says he expects turnout to be high in the northern districts.")
    q = one(a, "indirect")
    assert q["cue"]["text"] == "says" and q["text"] == "he expects turnout to be high in the northern districts"


def test_speech_inside_a_reported_clause_keeps_its_quote(analyze):
    a = analyze("The senator said that economists say the tariff will raise prices.")
    assert {q["cue"]["text"] for q in a.quotes} == {"said", "say"}


@pytest.mark.parametrize("text, pronoun, name", [
    ("The Interior Ministry rejected the report on Tuesday. It said the figures were invented.", "It",
     "Interior Ministry"),
    ("Human Rights Watch published its findings on Monday. It said soldiers had shot at civilians.", "It",
     "Human Rights Watch"),
    ("Opposition parties boycotted the vote in Bamako. They said the count had been rigged.", "They",
     "Opposition parties"),
])
def test_it_and_they_speak_for_the_organisation_before_them(analyze, text, pronoun, name):
    a = analyze(text)
    q = one(a, "indirect", text.split(" said ")[1][:12])
    assert q["speaker_text"] == pronoun and speaker_entity(a, q).name == name
    assert "rule:pronoun-antecedent" in q["evidence"]


def test_it_does_not_stand_for_a_plural_group_nor_cross_a_paragraph(analyze):
    a = analyze("Soldiers entered the town on Sunday. It said nothing had happened there.")
    assert all(q["speaker"] is None for q in a.quotes)
    a = analyze("The army closed the road.\n\nIt said the town was calm.")
    assert all(q["speaker"] is None for q in a.quotes)


# --- sentence bounds of direct quotes, floating quotes, speakers by recency ----------------------

def test_a_quote_that_ends_its_sentence_takes_no_cue_from_the_next(analyze):
    text = ("Lawyer Ibrahim Sow said the charges were unfounded. “My client did nothing but report "
            "the news.” Prosecutor Fanta Keita, who brought charges relating to the leak, declined to comment.")
    a = analyze(text)
    q = one(a, "direct")
    assert q["cue"] is None or q["cue"]["text"] != "relating"
    assert q["speaker"] is None or "Fanta Keita" not in names(speaker_entity(a, q))


@pytest.mark.parametrize("text, title", [
    ("Author Leila Haidari said the ban would not stop her. One of her novels, “The Last Winter in Herat” "
     "is also on the list.", "The Last Winter in Herat"),
    ("Author Leila Haidari said the ban would not stop her. ‘Our voices remain’ Other writers "
     "have left the country.", "Our voices remain"),
])
def test_titles_and_subheadings_in_marks_do_not_float(analyze, text, title):
    a = analyze(text)
    q = next(q for q in a.quotes if q["text"] == title)
    assert q["speaker"] is None and "rule:floating-quote" not in q["evidence"]


def test_floating_quote_after_a_full_stop_still_floats(analyze):
    text = ("Governor Amina Haidara said the town had run out of fuel. “We have no diesel for the "
            "generators. The clinic is dark at night.”")
    a = analyze(text)
    q = one(a, "direct")
    assert "rule:floating-quote" in q["evidence"]
    assert "Amina Haidara" in names(speaker_entity(a, q))


def test_he_said_is_not_a_person_named_inside_the_quote(analyze):
    text = ("Finance Minister Amadou Diallo spoke to reporters in Bamako on Friday. “If Moussa Keita "
            "does not resign, the coalition will fall apart,” he said.")
    a = analyze(text)
    q = one(a, "direct")
    assert q["speaker_text"] == "he"
    assert "Amadou Diallo" in names(speaker_entity(a, q))


def test_a_surname_speaker_resolves_to_the_full_name(analyze):
    text = ("Security analyst Kabiru Adamu welcomed the new force. “It will need money and men,” "
            "Adamu said.")
    a = analyze(text)
    assert speaker_entity(a, one(a, "direct")).name == "Kabiru Adamu"


@pytest.mark.parametrize("text, name", [
    ("The Ministry of Defence released the following statement: “Our forces repelled the attack "
     "and the situation is under control.”", "Ministry of Defence"),
    ("As Defence Minister Sadio Camara put it, “The army is ready for anything.”", "Sadio Camara"),
])
def test_a_quote_introduced_without_a_cue_verb(analyze, text, name):
    a = analyze(text)
    q = one(a, "direct")
    assert name in names(speaker_entity(a, q))
    assert any(e.startswith("rule:introduced-by") for e in q["evidence"])


def test_a_colon_with_nobody_named_before_it_leaves_the_quote_unattributed(analyze):
    a = analyze("The results were as follows: “Forty percent backed the plan.”")
    q = one(a, "direct")
    assert q["speaker"] is None and q["speaker_text"] is None
