"""Entities and actors on short wire-style sentences written for these tests."""
import pytest

from conftest import entity_with


def code(e):
    return (e.actor.country, e.actor.sector) if e.actor else None


@pytest.mark.parametrize("text, mention, etype, country", [
    ("Mali and Niger recalled their ambassadors on Friday.", "Mali", "GPE", "MLI"),
    ("Mali and Niger recalled their ambassadors on Friday.", "Niger", "GPE", "NER"),
    ("Nigeria and Chad agreed to patrol the lake together.", "Chad", "GPE", "TCD"),
    ("Troops from Burkina Faso crossed into Niger overnight.", "Burkina Faso", "GPE", "BFA"),
    ("The talks were held in the Central African Republic.", "Central African Republic", "GPE", "CAF"),
    ("Ivory Coast denied the report.", "Ivory Coast", "GPE", "CIV"),
])
def test_countries_are_never_people(analyze, text, mention, etype, country):
    e = entity_with(analyze(text), mention)
    assert e.type == etype and e.actor.country == country


def test_a_person_named_like_a_country_stays_a_person(analyze):
    e = entity_with(analyze("Chad Anderson, a spokesman for the charity, said the convoy was safe."), "Chad Anderson")
    assert e.type == "PERSON"


@pytest.mark.parametrize("capital, country", [("Moscow", "RUS"), ("Kiev", "UKR"), ("Kyiv", "UKR"),
                                              ("Bamako", "MLI"), ("Niamey", "NER"), ("Ouagadougou", "BFA")])
def test_capital_as_actor_is_the_government(analyze, capital, country):
    e = entity_with(analyze(f"{capital} rejected the accusations on Monday."), capital)
    assert code(e) == (country, "GOV")


@pytest.mark.parametrize("text, mention, expected", [
    ("Malian soldiers repelled the attack.", "Malian soldiers", ("MLI", "MIL")),
    ("Dozens of Bamako's soldiers were killed.", "Bamako's soldiers", ("MLI", "MIL")),
    ("The Malian military government responded angrily.", "The Malian military government", ("MLI", "GOV")),
    ("Nigerien police arrested six suspects.", "Nigerien police", ("NER", "POL")),
    ("Ukrainian officials welcomed the move.", "Ukrainian officials", ("UKR", "GOV")),
    ("Burkinabe military officials denied the claim.", "Burkinabe military officials", ("BFA", "MIL")),
    ("Tuareg rebels operating in Mali seized the town.", "Tuareg rebels", ("MLI", "REB")),
    ("Jihadists in Niger attacked a convoy.", "Jihadists", ("NER", "INS")),
    ("Villagers in Burkina Faso fled the fighting.", "Villagers", ("BFA", "CVL")),
    ("Unidentified gunmen stormed the market.", "Unidentified gunmen", (None, "UAF")),
    # aircraft and patrols are the forces that fly or man them
    ("Chadian warplanes struck a rebel column.", "Chadian warplanes", ("TCD", "MIL")),
    ("French helicopter patrols fired on the pickup.", "French helicopter patrols", ("FRA", "MIL")),
    ("Nigerien police patrols were ambushed.", "Nigerien police patrols", ("NER", "POL")),
])
def test_agents_take_country_from_modifiers_and_places(analyze, text, mention, expected):
    e = entity_with(analyze(text), mention)
    assert code(e) == expected


@pytest.mark.parametrize("text, mention, expected", [
    ("Fighters of the Wagner Group were seen near Gao.", "Wagner Group", ("RUS", "PMC")),
    ("JNIM claimed the attack on the convoy.", "JNIM", ("MLI", "INS")),
    ("The Alliance of Sahel States held a summit.", "Alliance of Sahel States", (None, "IGO")),
    ("Al-Shabaab fighters attacked a base in Somalia.", "Al-Shabaab", ("SOM", "INS")),
])
def test_named_actors_from_the_dictionary(analyze, text, mention, expected):
    e = entity_with(analyze(text), mention)
    assert code(e) == expected
    assert any(ev.startswith("actors/") for ev in e.actor.evidence)


def test_outlet_is_a_media_actor(analyze):
    e = entity_with(analyze("The minister told RT that the deal was signed."), "RT")
    assert e.type == "ORG" and code(e) == ("RUS", "MED")


def test_title_surname_and_pronoun_chain(analyze):
    a = analyze("Colonel Fatou Keita, the army spokeswoman, said the base was secure. "
                "She added that two soldiers were wounded. "
                "\"We will respond,\" Colonel Keita told reporters in Bamako.")
    e = entity_with(a, "Colonel Fatou Keita")
    texts = [m.text for m in e.mentions]
    assert "She" in texts and "Colonel Keita" in texts
    assert e.name == "Fatou Keita" and "Colonel" in e.titles
    assert e.actor.sector == "MIL"


def test_role_description_before_the_name_joins_the_person(analyze):
    a = analyze("Niger's interior minister told reporters the border would stay closed.\n"
                "Mohamed Toumba made the remarks in Niamey on Monday. "
                "The official said traders would be compensated.")
    e = entity_with(a, "Mohamed Toumba")
    texts = [m.text for m in e.mentions]
    assert "Niger's interior minister" in texts and "The official" in texts
    assert code(e) == ("NER", "GOV")


def test_unnamed_role_is_its_own_entity(analyze):
    a = analyze("A police spokesman in Niger said three suspects had been detained.")
    e = entity_with(a, "A police spokesman in Niger") if any(
        m.text == "A police spokesman in Niger" for e in a.entities for m in e.mentions) else entity_with(a, "A police spokesman")
    assert e.type == "PERSON" and e.actor.sector == "POL"


def test_pronoun_without_a_person_stays_unlinked(analyze):
    a = analyze("He said the road was closed. The army sent reinforcements.")
    assert not any(m.text == "He" for e in a.entities for m in e.mentions)


def test_every_mention_points_into_the_text(analyze):
    text = ("Fighters of the Wagner Group and Malian soldiers clashed with Tuareg rebels near Kidal, "
            "Mali's army said. General Ali Traore said he expected more attacks.")
    a = analyze(text)
    for e in a.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


def test_indefinite_role_is_somebody_new_and_takes_later_pronouns(analyze):
    a = analyze("The army spokesman, Colonel Issa Maiga, said the base was calm. "
                "A Russian embassy official said that Moscow would send more advisers. "
                "He did not say how many.")
    maiga = entity_with(a, "Colonel Issa Maiga")
    official = entity_with(a, "A Russian embassy official")
    assert maiga is not official
    assert official.actor.country == "RUS"
    assert any(m.text == "He" for m in official.mentions)


def test_pronoun_prefers_the_subject_of_the_last_sentence(analyze):
    a = analyze("Colonel Issa Maiga, the army spokesman, said comments by a Ukrainian intelligence official "
                "amounted to an admission. He said Mali would take legal action.")
    maiga = entity_with(a, "Colonel Issa Maiga")
    assert any(m.text == "He" for m in maiga.mentions)


def test_title_modifiers_give_the_country(analyze):
    a = analyze("Burkinabe foreign ministry secretary-general Rasmane Zongo told reporters the talks went well.")
    e = entity_with(a, "Rasmane Zongo")
    assert (e.actor.country, e.actor.sector) == ("BFA", "GOV")


def test_longer_place_name_is_not_cut_to_a_capital(analyze):
    a = analyze("Police in New London said the suspect fled north.")
    assert entity_with(a, "New London").type == "GPE"
    police = entity_with(a, "Police")
    assert police.actor.country != "GBR"


def test_direction_words_do_not_hide_the_country(analyze):
    e = entity_with(analyze("Fighting spread in northern Mali on Monday."), "Mali")
    assert e.actor.country == "MLI"


def test_agent_takes_the_country_where_its_verb_happens(analyze):
    e = entity_with(analyze("Thousands of protesters marched in several regions of Niger on Sunday."), "protesters")
    assert e.actor.country == "NER"


def _entity_of_mention(analysis, text, nth=0):
    """The entity of the nth mention (in text order) reading `text` exactly."""
    hits = sorted((m.start, e) for e in analysis.entities for m in e.mentions if m.text == text)
    assert len(hits) > nth, f"no mention {text!r} #{nth}"
    return hits[nth][1]


def test_definite_role_joins_the_last_person_with_that_post(analyze):
    a = analyze("A State Department spokesperson urged the release of David Wong on Monday. "
                "Wong has been held without trial since May. "
                "\"He must be freed,\" the spokesperson added.")
    spokesperson = entity_with(a, "the spokesperson")
    assert spokesperson is entity_with(a, "A State Department spokesperson")
    assert spokesperson is not entity_with(a, "David Wong")


def test_definite_role_skips_a_person_with_another_post(analyze):
    a = analyze("Senator Mark Hollis criticized the deal on Tuesday. "
                "The spokesperson said the ministry would respond in writing.")
    assert entity_with(a, "The spokesperson") is not entity_with(a, "Mark Hollis")


def test_equivalent_title_of_the_same_domain_joins_the_person(analyze):
    a = analyze("Commerce Secretary Howard Linden announced new tariffs on steel. "
                "Senator Maria Costa said the talks had stalled. "
                "The commerce chief said the tariffs would take effect in May.")
    chief = entity_with(a, "The commerce chief")
    assert chief is entity_with(a, "Howard Linden")
    assert chief is not entity_with(a, "Maria Costa")


def test_the_younger_namesake_is_not_the_person_named_first(analyze):
    a = analyze("Publisher Jimmy Pak was sentenced to six years in prison on Monday. "
                "\"My father is innocent,\" the younger Pak told reporters. "
                "The younger Pak said the family would appeal.")
    younger = _entity_of_mention(a, "Pak", 0)
    assert younger is not entity_with(a, "Jimmy Pak")
    assert _entity_of_mention(a, "Pak", 1) is younger


def test_a_relative_named_after_the_relation_is_somebody_else(analyze):
    a = analyze("Jailed publisher Pak was sentenced on Monday. "
                "Pak's son Sebastian Pak said the trial had been unfair.")
    assert entity_with(a, "Sebastian Pak") is not _entity_of_mention(a, "Pak", 0)
