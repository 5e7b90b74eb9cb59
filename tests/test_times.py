"""Time expressions: finding them, normalising them against the publication date, bad input."""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.times import resolve, times_of
from eventwire.times.grammar import find

PUB = "2024-08-16"  # a Friday


def times(analyze, text, published=PUB):
    return analyze(text, published=published).times


def one(analyze, text, span, published=PUB):
    """The time whose text is `span`."""
    found = [t for t in times(analyze, text, published) if t["text"] == span]
    assert found, (span, [(t["text"], t["value"]) for t in times(analyze, text, published)])
    return found[0]


# -- relative expressions --------------------------------------------------------------------

def test_weekday_takes_the_tense_of_its_verb(analyze):
    past = one(analyze, "Officials said the convoy was attacked on Thursday near Gao.", "Thursday")
    assert past["value"] == "2024-08-15" and past["precision"] == "day"
    assert "before publication" in past["relative"]
    future = one(analyze, "The defence minister will travel to Niamey on Thursday.", "Thursday")
    assert future["value"] == "2024-08-22"
    assert "after publication" in future["relative"]
    present = one(analyze, "The junta says the talks on Monday were useful.", "Monday")
    assert present["value"] == "2024-08-12"


def test_reduced_relative_of_a_plan_points_forward(analyze):
    # publication is a Friday in August: "set for ... in May" is next May, not the last one
    t = one(analyze, "Envoys prepared the agenda of a regional summit set for Dakar in May.", "May")
    assert t["value"] == "2025-05"
    # a clausal subject under a past "were" is no plan ("is to meet" would be)
    t = one(analyze, "Among the first states to sign the pact on Tuesday were Chad and Niger.", "Tuesday")
    assert t["value"] == "2024-08-13"


def test_timex_spellings_of_one_value_score_alike():
    from eventwire.evaluate.times import _norm_value
    assert _norm_value("196X") == _norm_value("196")
    assert _norm_value("19XX") == _norm_value("19")
    assert _norm_value("1968-XX") == _norm_value("1968")
    assert _norm_value("1968-05") != _norm_value("1968")
    assert _norm_value("XXXX") != _norm_value("XX")


def test_weekday_on_publication_day_and_explicit_direction(analyze):
    assert one(analyze, "The army said on Friday it had retaken the town.", "Friday")["value"] == PUB
    assert one(analyze, "Rebels struck a checkpoint last Friday.", "last Friday")["value"] == "2024-08-09"
    assert one(analyze, "Mediators are due to meet next Tuesday.", "next Tuesday")["value"] == "2024-08-20"


def test_late_last_month(analyze):
    t = one(analyze, "Late last month, gunmen ambushed a patrol in the Menaka region.", "Late last month")
    assert (t["value"], t["precision"], t["modifier"]) == ("2024-07", "month", "END")
    assert "times/en.yaml:modifiers:late" in t["evidence"]


def test_this_and_last_units(analyze):
    text = ("Earlier this week the UN envoy arrived; this year has been the deadliest, "
            "and last year the mission left. Talks resume next week.")
    assert one(analyze, text, "Earlier this week")["value"] == "2024-W33"
    assert one(analyze, text, "Earlier this week")["modifier"] == "START"
    assert one(analyze, text, "this year")["value"] == "2024"
    assert one(analyze, text, "last year")["value"] == "2023"
    assert one(analyze, text, "next week")["value"] == "2024-W34"


def test_month_without_year_follows_tense(analyze):
    assert one(analyze, "The soldiers were killed in March.", "March")["value"] == "2024-03"
    assert one(analyze, "The transition will end in March.", "March")["value"] == "2025-03"


def test_deictic_days_and_ago(analyze):
    text = "Yesterday the border reopened. Two days ago it was shut, and tomorrow the talks resume."
    assert one(analyze, text, "Yesterday")["value"] == "2024-08-15"
    assert one(analyze, text, "Two days ago")["value"] == "2024-08-14"
    assert one(analyze, text, "tomorrow")["value"] == "2024-08-17"
    assert one(analyze, "Six weeks ago the mission left.", "Six weeks ago")["value"] == "2024-W27"


def test_since_a_year_and_decade_long(analyze):
    text = "The country has faced an insurgency since 2012. A decade-long mission failed."
    assert one(analyze, text, "2012")["value"] == "2012"
    t = one(analyze, text, "decade-long")
    assert (t["value"], t["precision"], t["type"]) == ("P10Y", "duration", "DURATION")


def test_three_day_event_which_began_on_monday(analyze):
    text = "On the sidelines of the three-day summit, which began on Monday, the ministers met."
    assert one(analyze, text, "three-day")["value"] == "P3D"
    assert one(analyze, text, "Monday")["value"] == "2024-08-12"


def test_time_of_day(analyze):
    text = "The base was shelled on Thursday night. Sirens sounded at 10 p.m. GMT on Wednesday."
    night = one(analyze, text, "Thursday night")
    assert (night["value"], night["precision"], night["type"]) == ("2024-08-15TNI", "time", "TIME")
    assert one(analyze, "Shelling began at 10 p.m. Wednesday.", "10 p.m. Wednesday")["value"] == "2024-08-14T22:00"


def test_a_year_earlier_is_counted_from_the_last_date_mentioned(analyze):
    text = "Exports fell in the second quarter, against a rise a year earlier."
    assert one(analyze, text, "the second quarter")["value"] == "2024-Q2"
    assert one(analyze, text, "a year earlier")["value"] == "2023-Q2"


# -- explicit dates ---------------------------------------------------------------------------

@pytest.mark.parametrize("span", ["15 August 2024", "August 15, 2024", "Aug. 15", "15/08/2024", "2024-08-15",
                                  "Thursday, August 15", "the 15th of August"])
def test_explicit_date_formats(analyze, span):
    t = one(analyze, f"The ceasefire was signed on {span} in Algiers.", span)
    assert t["value"] == "2024-08-15" and t["precision"] == "day"


def test_years_decades_centuries_seasons_quarters(analyze):
    text = ("Coups swept the region in the 1990s, in the 20th century and again in mid-2021. "
            "Fighting paused last winter and in spring 2023; output fell in the third quarter.")
    assert one(analyze, text, "the 1990s")["value"] == "199"
    assert one(analyze, text, "the 20th century")["value"] == "19"
    mid = one(analyze, text, "mid-2021")
    assert (mid["value"], mid["modifier"]) == ("2021", "MID")
    assert one(analyze, text, "last winter")["value"] == "2023-WI"
    assert one(analyze, text, "spring 2023")["value"] == "2023-SP"
    assert one(analyze, text, "the third quarter")["value"] == "2024-Q3"


def test_ranges(analyze):
    found = times(analyze, "Attacks doubled between 2019 and 2021. The summit ran 12-14 August.")
    by_text = {t["text"]: t for t in found}
    assert by_text["2019"]["range"] == by_text["2021"]["range"] == {"from": by_text["2019"]["id"],
                                                                    "to": by_text["2021"]["id"],
                                                                    "value": "2019/2021"}
    assert by_text["12-14 August"]["value"] == "2024-08-12/2024-08-14"
    assert one(analyze, "The 2019-2021 drought ended.", "2019-2021")["value"] == "2019/2021"


def test_references_and_sets(analyze):
    text = "The army now patrols the road daily, and convoys leave every week."
    assert one(analyze, text, "now")["value"] == "PRESENT_REF"
    assert one(analyze, text, "daily")["type"] == "SET"
    assert one(analyze, text, "every week")["value"] == "P1W"


def test_offsets_point_into_the_text(analyze):
    a = analyze("Late last month, on 15 August 2024 and on Thursday, the envoy met the junta.", published=PUB)
    assert a.times
    for t in a.times:
        assert a.article.text[t["start"]:t["end"]] == t["text"]
        assert {"id", "text", "start", "end", "value", "precision", "modifier", "relative", "evidence"} <= set(t)
    assert [t["id"] for t in a.times] == [f"t{i}" for i in range(1, len(a.times) + 1)]
    json.dumps(a.to_dict())


# -- no anchor, bad input ---------------------------------------------------------------------

def test_no_publication_date_keeps_relative_times_unvalued(analyze):
    text = "The envoy arrived on Thursday. Late last month rebels attacked. The deal was signed on 15 August 2024."
    found = {t["text"]: t for t in times(analyze, text, published=None)}
    assert found["Thursday"]["value"] is None and "Thursday" in found["Thursday"]["relative"]
    assert found["Thursday"]["precision"] == "day"
    assert found["Late last month"]["value"] is None and found["Late last month"]["relative"]
    assert found["15 August 2024"]["value"] == "2024-08-15"


@pytest.mark.parametrize("text,bad", [
    ("The vote was set for 32 March.", "-32"),
    ("A plan for the year 20000 was floated.", "20000"),
    ("Some 1e99 days of talks.", "P99D"),
    ("It was signed on 31/02/2024.", "2024-02-31"),
])
def test_bad_dates_are_corrected_or_null(analyze, text, bad):
    for t in times(analyze, text):
        assert bad not in (t["value"] or "")


def test_two_digit_years(analyze):
    assert one(analyze, "Elections were held in '98.", "'98")["value"] == "1998"
    assert one(analyze, "Elections were held in '98.", "'98", published=None)["value"] is None


def test_modal_may_and_lowercase_march_are_not_months(analyze):
    found = times(analyze, "Troops may march on the capital; the junta may fall.")
    assert found == []


def test_unknown_language_and_empty_doc():
    class Article:
        text, language, published = "Le 15 août 2024, à Bamako.", "xx", None

    class Analysis:
        article, times = Article(), None

    analysis = Analysis()
    resolve(None, analysis)
    assert analysis.times == []
    assert times_of("", PUB) == [] and find("") == []


TIMEY = st.sampled_from(["Thursday", "late", "last", "month", "32", "March", "May", "'98", "1e99", "20000",
                         "ago", "two", "days", "the", "1990s", "Q3", "/", "-", "2024-02-30", "12-14",
                         "August", "at", "10", "p.m.", "between", "and", "noon", "every", "century", ","])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.one_of(TIMEY, st.text(max_size=8)), max_size=25),
       published=st.one_of(st.none(), st.dates().map(str), st.text(max_size=12)))
def test_resolve_never_raises(nlp, words, published):
    from eventwire.analysis import Analysis
    from eventwire.article import Article

    text = " ".join(words)
    analysis = Analysis(article=Article(text=text, published=published, language="en"))
    resolve(nlp(text), analysis)
    for t in analysis.times:
        assert text[t["start"]:t["end"]] == t["text"]
