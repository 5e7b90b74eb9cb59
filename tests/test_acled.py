"""ACLED records of short reports: the actors ACLED names by their country and sector."""
import pytest

from eventwire.events import acled as acled_record


@pytest.fixture(scope="module")
def analyze():
    from eventwire import analyze

    return analyze


def codes(analyze, text):
    a = analyze(text)
    rec = acled_record.record(a.events, a.entities, a.places)
    return {(c, s) for _, c, s in rec["actor_codes"]}


def test_an_event_with_nobody_of_a_known_land_takes_the_country_of_the_reports_other_actors(analyze):
    # no place the gazetteer knows; the group named as the bomb's planter acts in Mali
    assert ("MLI", "CVL") in codes(analyze, "A truck was struck by an IED near Kalabaroutou, the device was "
                                            "likely planted by Katiba Macina militants.")


@pytest.mark.parametrize("text", [
    "On Friday, the ministry of health organized a march in Bamako to honour nurses.",
    "On Friday, supporters of the ruling party held a rally in Bamako against the sanctions.",
])
def test_a_protest_has_protesters_of_its_country_whoever_organised_it(analyze, text):
    assert ("MLI", "CVL") in codes(analyze, text)


def test_a_participle_with_its_own_object_on_a_verbless_sentence_is_its_active_verb(analyze):
    # parsed as "the air force [that was] conducted ...": the force does the strikes
    assert ("MLI", "MIL") in codes(analyze, "On Monday, the Malian air force conducted at least three airstrikes "
                                            "targeting militants near Mopti.")


@pytest.mark.parametrize("text, wanted", [
    ("On Monday, militants attacked the village of Tolle near Mopti, and killed one member of the village self-defense.",
     ("MLI", "MLT")),
    ("On Monday, armed villagers from Kalabaroutou attacked a Malian village, wounding three.", ("MLI", "MLT")),
    ("On Monday, an IED planted by JNIM militants struck a French armoured vehicle near Tessalit.", ("FRA", "MIL")),
])
def test_armed_bodies_named_by_a_common_noun(analyze, text, wanted):
    assert wanted in codes(analyze, text)


def test_violence_with_no_named_doer_was_done_by_those_conducting_the_operation(analyze):
    found = codes(analyze, "On Monday, French and Malian forces carried out a joint operation near Mopti, "
                           "15 militants killed.")
    assert {("FRA", "MIL"), ("MLI", "MIL")} <= found and ("MLI", "UAF") not in found


def test_what_a_targeting_participle_names_is_the_target(analyze):
    a = analyze("On Monday, militants fired mortar shells targeting the Malian army camp in Tarkint.")
    shelling = next(e for e in a.events if e["trigger"]["text"].startswith("fired"))
    assert {(x.actor.country, x.actor.sector) for x in a.entities if x.id in shelling["target"]} == {("MLI", "MIL")}


@pytest.mark.parametrize("text", [
    "Exchanges of gunfire between the Malian army and jihadists in Gao on Monday.",
    "Clashes reported between the Malian army and unknown gunmen in Ansongo.",
])
def test_the_parties_between_whom_an_exchange_took_place(analyze, text):
    assert ("MLI", "MIL") in codes(analyze, text)


def test_a_place_is_no_doer_of_violence(analyze):
    # "between" names where the convoy was, not who ambushed it
    assert ("MLI", "UAF") in codes(analyze, "A Malian army convoy was ambushed between Gao and Ansongo on Monday.")


def test_a_bare_participle_joined_to_a_passive_shares_its_agent(analyze):
    a = analyze("Six men were detained by Malian soldiers near Douentza and tortured.")
    torture = next(e for e in a.events if e["trigger"]["text"] == "tortured")
    ents = {x.id: x for x in a.entities}
    assert [ents[i].actor.sector for i in torture["source"]] == ["MIL"]
    assert all(ents[i].actor.sector == "CVL" for i in torture["target"])


def test_a_people_named_as_such_are_civilians_of_their_land(analyze):
    # the Dogon live in Mali and Burkina Faso, the Fulani in many lands: together, Mali
    assert ("MLI", "CVL") in codes(analyze, "On Monday, Fulani militiamen opened fire on two Dogons near Kalabaroutou.")


def test_members_of_a_people_doing_violence_are_an_ethnic_militia(analyze):
    assert ("MLI", "MLT") in codes(analyze, "On Monday, members of the Soninke community attacked homes in Kayes.")


def test_a_people_named_as_a_modifier_narrows_where_the_actors_act(analyze):
    # no place the gazetteer knows; the Dogon live in Mali and Burkina Faso only
    assert ("MLI", "MLT") in codes(analyze, "Suspected Fulani militiamen attacked the Dogon village of "
                                            "Kalabaroutou on Monday.")


def _type(analyze, text):
    a = analyze(text)
    rec = acled_record.record(a.events, a.entities, a.places)
    return rec["event_type"], rec["sub_event_type"]


def test_a_crowd_mobilised_to_denounce_something_is_a_protest(analyze):
    assert _type(analyze, "On Friday, hundreds of women mobilized in Gao to denounce insecurity.") == \
        ("Protests", "Peaceful protest")


@pytest.mark.parametrize("text", [
    "On Friday, thousands of residents held a march in Gao against the clashes between herders and farmers.",
    "On Friday, thousands of residents protested in Gao against the fighting between the army and militants.",
])
def test_the_fighting_a_protest_is_against_does_not_make_it_violent(analyze, text):
    assert _type(analyze, text) == ("Protests", "Peaceful protest")


def test_what_struck_a_mine_suffered_it(analyze):
    found = codes(analyze, "On Monday, a Malian army vehicle struck a mine near Gao, two soldiers were wounded.")
    assert ("MLI", "UAF") in found   # nobody named laid the mine


@pytest.mark.parametrize("text, country", [
    ("On Monday, gunmen shot dead two Shilluk fishermen near the river.", "SSD"),
    ("On Monday, gunmen shot dead two Gumuz farmers near the road.", "ETH"),
    ("On Monday, gunmen shot dead two Ijaw fishermen near the creek.", "NGA"),
    ("On Monday, gunmen shot dead two Meitei farmers near the hills.", "IND"),
])
def test_peoples_of_other_conflicts_give_their_victims_a_country(analyze, text, country):
    # breadth of the identities list: with no place known, the victims' people says the country
    assert (country, "CVL") in codes(analyze, text)


def test_unarmed_victims_are_not_an_armed_target(analyze):
    # the armed-target words before a noun are whole words: "unarmed" is not "armed"
    event_type, _ = _type(analyze, "On Monday, gunmen shot dead two unarmed men near the market in Gao.")
    assert event_type == "Violence against civilians"


@pytest.mark.parametrize("text, sub", [
    ("On Monday, militants abducted an off-duty soldier on the road between Boni and Douentza.",
     "Abduction/forced disappearance"),
    ("On Monday, unknown gunmen shot dead a police sergeant at his home in Douentza.", "Attack"),
])
def test_violence_against_a_member_of_a_force_off_duty_is_one_sided(analyze, text, sub):
    assert _type(analyze, text)[1] == sub


def test_an_attack_on_a_force_on_duty_is_still_a_fight(analyze):
    assert _type(analyze, "On Monday, unknown gunmen attacked a police post in Douentza.")[1] == "Armed clash"
