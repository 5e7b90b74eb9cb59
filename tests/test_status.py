"""Event status: clauses that take their event as given, complement prepositions, forecasts and
appearances, and the factuality scorer's reading of the gold. Sentences written for these tests."""
import pytest

from eventwire.evaluate.factuality import attribution_annotated, without_attribution


def status_of(analysis, trigger):
    for e in analysis.events:
        if trigger in e["trigger"]["text"]:
            return e
    raise AssertionError(f"no event {trigger!r} in {[e['trigger']['text'] for e in analysis.events]}")


@pytest.mark.parametrize("text, trigger, status", [
    # a hedge on who the actors were, which the parser made the main verb, leaves the act asserted
    ("Gunmen believed to be with the jihadists shot dead two guards near Tera.", "shot dead", "asserted"),
    ("Men suspected to belong to the militia burned the market in Djibo.", "burned", "asserted"),
    # a temporal clause inside a report: the attack is taken as given, the arrest is the police's report
    ("Police said the gunmen were arrested after they attacked a checkpoint in Gao.", "attacked", "asserted"),
    ("Police said the gunmen were arrested after they attacked a checkpoint in Gao.", "arrested", "attributed"),
    # a relative clause and a participle describe their noun; the report is about the main clause
    ("Officials said the militants who ambushed the convoy were captured on Sunday.", "ambushed", "asserted"),
    ("Officials said the militants who ambushed the convoy were captured on Sunday.", "captured", "attributed"),
    ("The army said the rebels killed in the raid belonged to the group.", "killed", "asserted"),
    # an -ing participle says how the reported event was done: it is part of the report
    ("Officials claimed the gunmen carried out the raid using intelligence from a foreign army.", "using",
     "attributed"),
    # the local modality of a presupposed clause still counts
    ("The militants who attacked the town could strike again, the governor said.", "attacked", "asserted"),
    ("The militants who attacked the town could strike again, the governor said.", "strike", "attributed"),
    # a circumstance, not the governed complement
    ("The ceasefire was approved at peace talks in Algiers.", "talks", "asserted"),
    ("The government sought peace by releasing fifty prisoners.", "releasing", "asserted"),
    # complement prepositions keep the governor's reading
    ("The junta is suspected of attacking the convoy.", "attacking", "hypothetical"),
    # refusing a demand does not unsay it; what it asked for is still only asked
    ("The demand for his extradition was refused by the government.", "demand", "asserted"),
    ("The demand for his extradition was refused by the government.", "extradition", "hypothetical"),
    ("The ministry rejected criticism from the opposition.", "criticism", "asserted"),
    # a reward is paid for what has yet to happen, also through "information leading to"; a coordinated
    # noun shares its governor
    ("Police offered a reward for information leading to the arrest and conviction of the gunmen.", "arrest",
     "hypothetical"),
    ("Police offered a reward for information leading to the arrest and conviction of the gunmen.", "conviction",
     "hypothetical"),
    ("Police acted on a tip leading to the arrest of two men.", "arrest", "asserted"),
    # an amount the parser gave the "for" phrase only measures the reward
    ("The ministry is offering a reward of up to $2 million for information that leads to the capture of "
     "the kidnappers.", "capture", "hypothetical"),
    # a governor with a preposition that makes its object what is wanted
    ("Villagers are waiting for the release of the hostages.", "release", "hypothetical"),
    # "ruled out" negates, "ruled that" does not
    ("The court ruled that the army had shelled the market.", "shelled", "asserted"),
    ("The president ruled out negotiating with the rebels.", "negotiating", "negated"),
    # a promise, threat or plan kept: what it promised happened as surely as the keeping
    ("The kidnappers kept their promise to kill the hostage.", "kill", "asserted"),
    ("The militants made good on their threat to execute the hostages.", "execute", "asserted"),
    ("The kidnappers will keep their promise to kill the hostage.", "kill", "hypothetical"),
    ("The kidnappers promised to kill the hostage.", "kill", "hypothetical"),
    ("The junta implemented its plan to free the prisoners.", "free", "hypothetical"),
    # an adjective with a clause of its own speaks of that clause, not of the noun it describes
    ("The rebels arrived for a tour likely to last a week.", "tour", "asserted"),
    ("Officials feared a likely attack on the town.", "attack", "hypothetical"),
    # a warning or estimate of what was done reports it; of what is to come, forecasts it
    ("The army warned that rebels had attacked the camp.", "attacked", "attributed"),
    ("Officials estimated that gunmen had killed forty villagers.", "killed", "attributed"),
    ("The army warned that rebels are attacking the camp.", "attacking", "hypothetical"),
    # a gerund through a light verb's preposition is done as that verb says
    ("The soldiers will engage in looting the market.", "looting", "hypothetical"),
    ("The soldiers did not take part in looting the market.", "looting", "negated"),
    ("The soldiers took part in looting the market.", "looting", "asserted"),
    # a governor's preposition outside the complement ones can still bring what is meant ("aimed at")
    ("The operation is aimed at dislodging the rebels from the town.", "dislodging", "hypothetical"),
    # on the brink of war: not yet at war; a scheduled summit is yet to be held
    ("The country is on the brink of war.", "war", "hypothetical"),
    ("The ministers met ahead of the scheduled summit.", "summit", "hypothetical"),
    # "possible" after a superlative measures the event, it does not hedge it
    ("The curfew followed the fiercest possible fighting in the city.", "fighting", "asserted"),
    ("The curfew followed possible fighting in the city.", "fighting", "hypothetical"),
    # what an attempt was made by was done; its goal, and any means of a plan, are only meant
    ("The gunmen tried to free the prisoners by attacking the jail.", "attacking", "asserted"),
    ("The gunmen tried to free the prisoners by attacking the jail.", "free", "hypothetical"),
    ("The gunmen will try to free the prisoners by attacking the jail.", "attacking", "hypothetical"),
    ("The gunmen plan to free the prisoners by attacking the jail.", "attacking", "hypothetical"),
    ("The government seeks to end the war by negotiating with the rebels.", "negotiating", "hypothetical"),
    ("The army prevented the attack and the kidnapping.", "kidnapping", "negated"),
    # "on" brings a governor's complement ("a decision on", "pressure on")
    ("There was no decision on a meeting.", "meeting", "hypothetical"),
    # a noun a verb governs is that verb's complement: a report over the verb covers it
    ("Officials said the army prevented the attack.", "attack", "attributed"),
    ("Officials said the army did not prevent the attack.", "attack", "attributed"),
    ("The army did not seek talks.", "talks", "hypothetical"),
    # rejecting a deployment: a proposal, not something that did not happen
    ("The president is resisting the deployment of foreign troops.", "deployment", "hypothetical"),
    # preventing an attack: it did not happen; refusing to talk: no talks
    ("The army prevented the attack.", "attack", "negated"),
    ("The government refused to negotiate with the rebels.", "negotiate", "negated"),
    # an infinitive on a ranked noun tells what was done
    ("The Netherlands became the last country to ratify the treaty.", "ratify", "asserted"),
    ("Kenya is the only country to condemn the coup.", "condemn", "asserted"),
    # a purpose is still only meant
    ("Troops massed near the border to attack the town.", "attack", "hypothetical"),
    # an infinitive relative is meant, not given, so the report above it still counts
    ("Officials said the rebels have hostages to release.", "release", "attributed"),
    # the copula carries a predicate's auxiliaries and negation
    ("The rebels will be willing to negotiate with the army.", "willing", "hypothetical"),
    ("The rebels are not willing to negotiate with the army.", "willing", "negated"),
    # what is awaited has not happened; a reluctant or hesitant actor has not yet acted
    ("The rebel commander is awaiting extradition to Mali.", "extradition", "hypothetical"),
    ("The junta seems reluctant to release the prisoners.", "release", "hypothetical"),
    ("Several states are hesitant to impose sanctions on Niger.", "impose sanctions", "hypothetical"),
    # a predicate adjective on an event noun is that event's own clause
    ("A new offensive by the army seems unlikely.", "offensive", "hypothetical"),
    ("An attack on the capital is imminent, officials said.", "attack", "attributed"),
    ("The attack was a failure.", "attack", "asserted"),
    # a linking verb's clause says something of its subject: a report above it is about the event,
    # its negation is about what is said of it
    ("Officials said the attack was a massacre.", "attack", "attributed"),
    ("The attack was not a terrorist act.", "attack", "asserted"),
    # a participle on a statement says what the statement does; a that-clause is what it reports
    ("The army issued a statement condemning the attack on the convoy.", "condemning", "asserted"),
    ("Reports that the army attacked the village were denied.", "attacked", "denied"),
])
def test_the_status_its_clause_gives(analyze, text, trigger, status):
    e = status_of(analyze(text), trigger)
    assert e["status"] == status, (e["status"], e["modality"])


def test_a_noun_merged_into_its_governor_takes_the_governors_preposition(analyze):
    e = status_of(analyze("The mayor might be targeted for assassination."), "targeted")
    m = next(m for m in e["mentions"] if m["text"] == "assassination")
    assert m.get("status", e["status"]) == "hypothetical", m


def test_a_forecast_is_hypothetical_and_keeps_its_speaker(analyze):
    a = analyze("Analysts predicted that the army attacks the rebel stronghold in the spring.")
    e = status_of(a, "attacks")
    assert e["status"] == "hypothetical" and e["attributed_to"]


@pytest.mark.parametrize("text, status", [
    ("The rebels appeared to withdraw from the town.", "hypothetical"),
    ("The rebels began to withdraw from the town.", "asserted"),
])
def test_appearances_hedge_aspectual_verbs_do_not(analyze, text, status):
    e = status_of(analyze(text), "withdraw")
    assert e["status"] == status, (e["status"], e["modality"])


# ------------------------------------------------------------------------------- the scorer

def _ev(cls, *slinks):
    return {"event_class": cls, "status": "asserted", "slinks": [{"type": t} for t in slinks]}


def test_scorer_sees_when_the_gold_annotates_no_attribution():
    assert attribution_annotated([_ev("OCCURRENCE"), _ev("REPORTING")]) is False
    assert attribution_annotated([_ev("OCCURRENCE", "EVIDENTIAL"), _ev("REPORTING")]) is True
    assert attribution_annotated([_ev("OCCURRENCE", "MODAL")]) is True   # nothing reported: nothing missing


def test_scorer_sees_sentences_whose_reports_the_gold_left_unlinked():
    from eventwire.evaluate.factuality import silent_sentences

    def ev(cls, start, *cues):
        return {"event_class": cls, "trigger": {"start": start, "end": start + 4},
                "slinks": [{"type": "EVIDENTIAL", "cue": {"start": c, "end": c + 4}} for c in cues]}
    gold = [ev("REPORTING", 5), ev("OCCURRENCE", 12, 5),   # first sentence: "said" links its clause
            ev("REPORTING", 45), ev("OCCURRENCE", 52),      # second: a "said" with no link
            ev("OCCURRENCE", 85)]                           # third: nothing reported
    assert silent_sentences(gold, [(0, 40), (40, 80), (80, 120)]) == [(40, 80)]


def test_scorer_reads_the_layers_without_attribution():
    assert without_attribution(["attributed", "hypothetical"]) == "hypothetical"
    assert without_attribution(["denied", "negated"]) == "negated"
    assert without_attribution(["attributed"]) == "asserted"
    assert without_attribution([]) == "asserted"


def test_a_merged_mention_keeps_what_its_own_clause_says(analyze):
    a = analyze("Officials said gunmen killed five villagers near Mopti. "
                "Police arrested two men over the killing on Tuesday.")
    e = status_of(a, "killed")
    assert e["status"] == "attributed"
    later = [m for m in e["mentions"] if m["text"] == "killing"]
    assert later and later[0]["status"] == "asserted" and later[0]["modality"] == []
    assert "status" not in e["mentions"][0]   # the event's own mention says what the event says


def test_what_is_looked_into_is_given(analyze):
    assert status_of(analyze("Police in Gao are looking into the attacks on two checkpoints."),
                     "attacks")["status"] == "asserted"
    assert status_of(analyze("The rebels are looking to attack two checkpoints."),
                     "attack")["status"] == "hypothetical"


