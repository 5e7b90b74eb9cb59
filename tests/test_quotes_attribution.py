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
