"""Each event's own place: which toponym of its sentence the event is pinned to, on short wire-style
sentences written for these tests; and the `eval event_places` scorer on a tiny set of our own."""
import json

import pytest


def event(analysis, trigger):
    for e in analysis.events:
        words = [e["trigger"]["text"].split()[0]] + [m["text"] for m in e["mentions"]]
        if trigger in words or (e.get("light_verb") or {}).get("text") == trigger:
            return e
    raise AssertionError(f"no event {trigger!r}: {[e['trigger']['text'] for e in analysis.events]}")


def where(e):
    return [m["text"] for m in e["place_mentions"]]


def test_the_place_in_the_event_clause_not_the_one_in_a_subordinate_clause(analyze):
    a = analyze("Soldiers shot and wounded a farmer near the market in Gao while a minister was visiting Bamako.")
    e = event(a, "shot")
    assert where(e) == ["Gao"]
    assert "place:clause" in e["evidence"]
    assert e["place"] == next(p["id"] for p in a.places if p["name"] == "Gao")


def test_a_toponym_describing_a_person_is_not_the_place(analyze):
    e = event(analyze("Militants attacked U.S. soldiers in Kidal on Tuesday."), "attacked")
    assert where(e) == ["Kidal"]
    e = event(analyze("A driver from Niamey was shot dead in Tahoua."), "shot")
    assert where(e) == ["Tahoua"]


def test_a_place_on_the_verb_reaches_the_participle_clause(analyze):
    e = event(analyze("The bomber blew himself up on a bus in Kano, killing nine people."), "killing")
    assert where(e) == ["Kano"]


def test_the_place_an_armed_group_captures_is_where_it_happens(analyze):
    assert where(event(analyze("Rebels captured Menaka on Sunday."), "captured")) == ["Menaka"]


def test_the_most_specific_place_and_coordinated_places(analyze):
    e = event(analyze("Clashes in the Ansongo district of eastern Mali killed ten fighters."), "killed")
    assert where(e) == ["Ansongo"]
    e = event(analyze("Gunmen shot dead two policemen in Yala and Pattani on Friday."), "shot")
    assert where(e) == ["Pattani", "Yala"] or where(e) == ["Yala", "Pattani"]


def test_a_village_no_gazetteer_knows_is_still_the_place(analyze):
    a = analyze("Gunmen killed five herders in the village of Kounbarabé on Monday.")
    e = event(a, "killed")
    assert where(e) == ["Kounbarabé"]
    assert e["place"] is None and "place:unresolved" in e["evidence"]
    assert [u["name"] for u in a.unresolved_places] == ["Kounbarabé"]
    assert all(p["name"] != "Kounbarabé" for p in a.places)   # geocoded places only


def test_an_event_noun_with_its_occurrence_verb(analyze):
    e = event(analyze("A powerful explosion occurred at a checkpoint in Gao on Sunday."), "explosion")
    assert where(e) == ["Gao"]
    assert e["light_verb"]["text"] == "occurred"


def test_no_place_in_the_sentence_falls_back_to_the_previous_one(analyze):
    a = analyze("Fighting resumed in Timbuktu on Monday. Two soldiers were killed, the army said.")
    e = event(a, "killed")
    assert where(e) == ["Timbuktu"]
    assert "place:previous-sentence" in e["evidence"]


def test_event_places_scorer(tmp_path):
    from eventwire.evaluate.event_places import score

    text = "Troops shot three smugglers near Agadez on Monday."
    rec = {"id": "t1", "text": text, "published": "2024-03-05", "lang": "en",
           "gold": {"events": [{"trigger": {"start": 7, "end": 11, "text": "shot"},
                                "places": [{"start": 33, "end": 39, "text": "Agadez"}]}]}}
    wrong = dict(rec, id="t2", gold={"events": [{"trigger": {"start": 7, "end": 11, "text": "shot"}, "places": []}]})
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (rec, wrong)) + "\n", encoding="utf-8")
    report = score(str(path))
    assert report.scored == 2
    assert report.figures["r"] == 1.0 and report.figures["p"] == pytest.approx(0.5)
    assert report.figures["trigger_recall"] == 1.0


def test_of_after_a_thing_is_a_part_not_an_origin(analyze):
    e = event(analyze("Police patrolled the terminals of Kano airport on Monday."), "patrolled")
    assert where(e) == ["Kano"]
    e = event(analyze("Musa Ibrahim of Niger was shot dead in Gao on Monday."), "shot")
    assert "Niger" not in where(e)


def test_a_name_the_parser_hangs_on_a_date_is_still_the_place(analyze):
    assert where(event(analyze("Troops patrolled Bamako Saturday."), "patrolled")) == ["Bamako"]


def test_a_sentence_of_hundreds_of_places_weighs_a_bounded_number_per_event(analyze, monkeypatch):
    """Bounded work, not a timing: each event climbs at most MAX_CANDIDATES toponyms, each at most
    MAX_DEPTH heads, however long the flattened list is."""
    from eventwire.events import location

    calls = []
    climb = location.climb

    def counting(root, *args):
        calls.append(root.i)
        return climb(root, *args)

    monkeypatch.setattr(location, "climb", counting)
    towns = ["Gao", "Kidal", "Mopti", "Timbuktu", "Menaka", "Kayes"]
    text = " ".join(f"Gunmen killed {i} people in {towns[i % 6]} and raided a village near {towns[(i + 2) % 6]},"
                    for i in range(1, 150)) + " police said."
    a = analyze(text)
    assert len(a.events) > 50
    assert len(calls) <= len(a.events) * location.MAX_CANDIDATES
    assert all(e["place_mentions"] for e in a.events if e["trigger"]["text"] == "killed")


def test_a_named_district_is_finer_than_the_city_it_is_in(analyze):
    e = event(analyze("Two civilians were killed in a car bomb attack in the Tessabougou district of northern Bamako."),
              "killed")
    assert where(e) == ["Tessabougou"]


def test_a_people_before_a_kind_of_place_is_not_a_place(analyze):
    a = analyze("Gunmen attacked a Fulani settlement near Mopti on Sunday.")
    assert all(u["name"] != "Fulani" for u in a.unresolved_places)
    assert where(event(a, "attacked")) == ["Mopti"]


def test_the_place_of_the_events_own_object_is_its_place(analyze):
    e = event(analyze("Troops patrolled the buffer zone in northern Kidal on Monday."), "patrolled")
    assert where(e) == ["Kidal"]


def test_directions_people_and_acronyms_are_not_unresolved_places(analyze):
    a = analyze("Fighting spread in the East on Sunday. Minister Awa Keita spoke in Keita later, "
                "and delegates met at JFK.")
    names = {u["name"] for u in a.unresolved_places}
    assert not names & {"East", "Keita", "JFK"}


@pytest.mark.parametrize("text, trigger, places", [
    # a hyphenated name is one place
    ("The Taliban captured Mazar-e-Sharif in May after heavy fighting.", "captured", ["Mazar-e-Sharif"]),
    # with no other place in the story a town of a few thousand is not geocoded, but it stays the
    # event's place, listed among the unresolved places
    ("Northeastern rebels first captured Birao on Oct. 29.", "captured", ["Birao"]),
    # "shot dead" is read whole
    ("Gunmen broke into a ranch near Culiacan and shot dead five employees.", "shot", ["Culiacan"]),
    # "X, Y", "Y's X", "X near Y": Y only says where X lies
    ("Gunmen killed five soldiers in Gao, Mali.", "killed", ["Gao"]),
    ("Gunmen killed five soldiers in Mali's Gao region.", "killed", ["Gao"]),
    ("Gunmen shot dead a trader in Lagos's Ikeja district on Monday.", "shot", ["Ikeja"]),
    # an unknown sea is as coarse as a region, never the spot
    ("Police arrested the suspect in the Baltic Sea resort of Sopot on Monday.", "arrested", ["Sopot"]),
    ("A car bomb detonated at a popular market in Kufa town near Najaf, killing 36 people.", "detonated", ["Kufa"]),
    # "the town of X" when the NER took X for a people
    ("Seven people were killed in the town of Rastan in central Syria.", "killed", ["Rastan"]),
    # coordinated places each named by its own place noun are all the event's
    ("Government planes bombed the town of Menaka and the army base of Kidal on Monday.", "bombed",
     ["Menaka", "Kidal"]),
    ("Jihadists stormed the village of Boni and the military camp of Hombori at dawn.", "stormed",
     ["Boni", "Hombori"]),
    # a part or feature of a place names it a place: "the outskirts of X", "the perimeter of X"
    ("Rebels shelled army positions on the outskirts of Mabrouka on Sunday.", "shelled", ["Mabrouka"]),
    ("Militants attacked the troops at the northern perimeter of Kafr Shams at dawn.", "attacked",
     ["Kafr Shams"]),
    ("Artillery shelled the settlements of Kornab and Tarfash on Sunday.", "shelled", ["Kornab", "Tarfash"]),
    # the NER labelled one word of an unknown name: the whole name is the place
    ("Rebels killed two soldiers in Sheikh Sa’eed on Monday.", "killed", ["Sheikh Sa’eed"]),
    ("A policeman was killed in Tel Abyad on Monday.", "killed", ["Tel Abyad"]),
    # names listed with a place are places of the event too, known or not
    ("Gunmen killed ten people in Kwande, Tamboro and Logo on Friday.", "killed", ["Kwande", "Tamboro", "Logo"]),
    # a list of phrases of one preposition on the event ("six in A, four in B and two in C") is all its
    # places; a phrase after a comma alone, or before the verb, only situates the spot
    ("Gunmen shot dead six people in Gao, four in Timbuktu and two more in Kidal.", "shot",
     ["Gao", "Timbuktu", "Kidal"]),
    ("Some 5,000 people marched in Bamako and another 2,000 in Sikasso on Saturday.", "marched",
     ["Bamako", "Sikasso"]),
    ("Soldiers killed two gunmen in the town of Sevare, in the central region of Mopti.", "killed", ["Sevare"]),
    ("In Mopti on Friday, soldiers shot and killed two gunmen in the town of Sevare.", "shot", ["Sevare"]),
    # a passive agent or a partner is an actor; on a verb a source, and another verb's destination, is
    # where something came from or went, not where the event happened; the event's own end stays
    ("Soldiers patrolled the streets on the lookout for rebels armed and trained by Niger.", "patrolled", []),
    ("Gunmen shot dead three men accused of collaborating with Mali.", "shot", []),
    ("Israel seized the land from Syria in 1967.", "seized", []),
    ("Soldiers shot a youth suspected of infiltrating from Niger.", "shot", []),
    ("The rebel leader was captured in May and later handed over to Niger.", "captured", []),
    ("France deployed 500 troops to Mali on Monday.", "deployed", ["Mali"]),
    ("Police shot a smuggler on the border with Niger on Monday.", "shot", ["Niger"]),
    # a locative phrase inside an actor's mention says where the actor was
    ("Sherman, the general who marched through Georgia, died in 1891.", "marched", ["Georgia"]),
])
def test_the_event_place(analyze, text, trigger, places):
    assert where(event(analyze(text), trigger)) == places


def test_a_country_before_a_hyphenated_word_stays_the_country(analyze):
    a = analyze("US-led forces shelled Abu Kamal on Friday.")
    assert "US" in [m["text"] for p in a.places for m in p["mentions"]]   # "US-led" stays the country


def test_a_name_nobody_knows_stormed_by_troops_is_an_unresolved_place(analyze):
    a = analyze("Government troops stormed Tal Al-Bardah and Kafr Nabudeh on Sunday.")
    assert {"Tal Al-Bardah", "Kafr Nabudeh"} <= {p["name"] for p in a.unresolved_places}
    assert where(event(a, "stormed")) == ["Tal Al-Bardah", "Kafr Nabudeh"]


def test_a_village_name_the_ner_read_as_a_date(analyze):
    a = analyze("The army launched an offensive on Wednesday, targeting the key village of Ma\u2019ardes.")
    assert "Ma\u2019ardes" in {p["name"] for p in a.unresolved_places}
    a = analyze("The talks resumed in the month of May.")
    assert not a.unresolved_places


def test_a_name_opened_by_a_generic_place_word_is_a_place(analyze):
    a = analyze("Government troops captured Tal Al-Bardah on Sunday.")
    assert "Tal Al-Bardah" in {p["name"] for p in a.unresolved_places}
    a = analyze("Jets struck the jihadists at Kafr Naya on Monday.")
    assert where(event(a, "struck")) == ["Kafr Naya"]


def test_a_participle_clause_is_its_own_attack_with_its_own_places(analyze):
    a = analyze("The rebels launched a major offensive in the south on Friday, striking army positions "
                "at the villages of Burd and Muja.")
    assert not any(e["cameo"] == "143" for e in a.events)   # not a "launched ... strike" labour strike
    assert where(event(a, "striking")) == ["Burd", "Muja"]


@pytest.mark.parametrize("text, trigger, place", [
    # the parser made "west" the object and "assault" its modifier
    ("The army launched a powerful assault west of the T-4 Military Airport on Thursday.", "assault", "T-4"),
    # "counter-offensive" tagged an adjective, parsed as the object
    ("The rebels launched a major counter-offensive in the countryside of Latakia.", "offensive", "Latakia"),
])
def test_misparsed_event_nouns_still_trigger(analyze, text, trigger, place):
    e = event(analyze(text), trigger)
    assert e["light_verb"]["text"] == "launched" and any(place in m for m in where(e))


def test_a_bare_participle_clause_keeps_its_places_to_itself(analyze):
    # what the demonstrators demanded happened elsewhere; a "when" clause still says where
    a = analyze("Students demonstrated outside parliament on Monday, demanding the release of activists held in Kano.")
    assert where(event(a, "demonstrated")) == []
    a = analyze("Soldiers were killed when their convoy was ambushed near Menaka.")
    assert where(event(a, "killed")) == ["Menaka"]


def test_a_place_the_event_noun_is_in_is_no_actor_of_it(analyze):
    # the roles take the name in the subject's phrase for the doer; the blast was only there
    assert where(event(analyze("In April, a bomb blast in Marjeh Square killed 13 people."), "killed")) \
        == ["Marjeh Square"]
    e = event(analyze("Over 100 people were killed by the attacks in Jableh and Tartous."), "killed")
    assert where(e) == ["Jableh", "Tartous"]


def test_a_landmark_after_a_place_says_where_that_place_lies(analyze):
    e = event(analyze("Rebels attacked an army camp near Pilli, about 550 kilometers northwest of the capital, "
                      "Kathmandu."), "attacked")
    assert where(e) == ["Pilli"]
    e = event(analyze("A car bomb detonated at a popular market in Kufa town near Najaf, killing 36 people."), "detonated")
    assert where(e) == ["Kufa"]
    # alone, the landmark is the place the event is given by
    assert where(event(analyze("Gunmen killed three soldiers 40 kilometers north of Gao on Monday."), "killed")) == ["Gao"]


def test_a_place_named_by_a_participle_is_no_actor(analyze):
    e = event(analyze("There was an attack by gunmen early in the morning in a village called Jibu in Wukari."), "attack")
    assert where(e) == ["Jibu"]


def test_a_kind_of_place_noun_after_a_doubled_space_still_names_the_place(analyze):
    e = event(analyze("Thirty-one people were killed in clashes on Friday in Tabag  village in Uruzgan."), "killed")
    assert where(e) == ["Tabag"]


def test_a_name_the_text_calls_a_province_is_coarser_than_the_town_shelled(analyze):
    # the gazetteer reads "Hama" as the city; the sentence says the province is meant
    e = event(analyze("In the province of Hama, gunmen shelled the homes and shops of the town of Salamiyah."), "shelled")
    assert where(e) == ["Salamiyah"]
    e = event(analyze("Late on Sunday in the Raqqa Governorate, jets bombed the edge of the town of Tabqa."), "bombed")
    assert where(e) == ["Tabqa"]
    e = event(analyze("In Idlib province, the army shelled the homes of the town of Saraqib."), "shelled")
    assert where(e) == ["Saraqib"]


def test_a_place_after_a_naming_aside_is_the_event_s(analyze):
    e = event(analyze("Police captured the courier, identified as Musa Traore, in the Badalabougou neighborhood of "
                      "Bamako."), "captured")
    assert where(e) == ["Badalabougou"]


def test_the_place_a_clause_of_the_event_acts_on_is_no_actor(analyze):
    e = event(analyze("Army units began an offensive on Tuesday to retake Jabal Zawiya."), "offensive")
    assert where(e) == ["Jabal Zawiya"]
    e = event(analyze("Soldiers detained the smuggler when he entered Niger on Sunday."), "detained")
    assert where(e) == ["Niger"]
    # a place left is not where the event was
    assert where(event(analyze("Police captured the man after he tried to flee Mali."), "captured")) == []


def test_an_object_shared_by_coordinated_verbs_is_each_one_s(analyze):
    assert where(event(analyze("Rebels captured and fortified Kidal in 2012."), "captured")) == ["Kidal"]


def test_a_place_in_a_participle_describing_what_the_event_acted_on(analyze):
    e = event(analyze("Soldiers launched an assault in Mopti region on Friday, targeting the camps located near "
                      "the town of Boni."), "targeting")
    assert where(e) == ["Boni"]
    e = event(analyze("In addition to airstrikes over Binnish, jets struck several depots belonging to the rebels "
                      "in the town of Saraqib."), "struck")
    assert where(e) == ["Saraqib"] and "place:clause" in e["evidence"]
    # the event's own phrase still comes first
    assert where(event(analyze("Near Ansongo on Monday, gunmen killed a trader living in Gao."), "killed")) == ["Ansongo"]


def test_a_name_the_roles_took_for_an_actor_is_still_placed_by_its_place_noun(analyze):
    # the roles may take "Tillaberi region" for a party; the event's own words put it there ("bomb in ...")
    e = event(analyze("A roadside bomb in Niger's western Tillaberi region on Monday killed seven soldiers."), "killed")
    assert where(e) == ["Tillaberi"]


def test_a_landmark_after_a_doubled_space_is_still_a_landmark(analyze):
    e = event(analyze("A bomb detonated at a crowded bus station in Bourem town near  Gao, killing 8 people."),
              "detonated")
    assert where(e) == ["Bourem"]


def test_a_park_is_a_finer_place_than_its_city(analyze):
    e = event(analyze("Gunmen opened fire near the Lumumba Park in central Kinshasa."), "opened")
    assert where(e) == ["Lumumba Park"]


def test_a_river_named_before_its_noun_is_the_place(analyze):
    e = event(analyze("Gunmen shot at canoes on the Bani river south of Mopti."), "shot")
    assert where(e) == ["Bani"]


def test_a_road_named_in_a_settlement_gives_way_to_the_settlement(analyze):
    # the road runs through the village: the village is where the ambush was
    e = event(analyze("Gunmen ambushed a patrol on the Douentza Road in Boni village on Monday."), "ambushed")
    assert where(e) == ["Boni"]
    e = event(analyze("A mine exploded under a truck on the Kidal-Anefis Road in Tessalit district, wounding four "
                      "soldiers."), "exploded")
    assert where(e) == ["Tessalit"]
    # a way alone is still the place
    assert where(event(analyze("A blast in Independence Square killed three people."), "killed")) == ["Independence Square"]
