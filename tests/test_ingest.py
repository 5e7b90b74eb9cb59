"""Readers and the batch walk: every kind of input, good and bad."""
import json

import pytest

from eventwire import settings
from eventwire.article import Article
from eventwire.errors import Failure
from eventwire.ingest import read_inputs

WIRE = ("Gunmen killed four soldiers in an attack on an army post in central Mali on Tuesday, "
        "the armed forces said in a statement, adding that troops had been sent to the area.")


def run(*paths, **defaults):
    return list(read_inputs([str(p) for p in paths], **defaults))


def only(items, kind):
    assert len(items) == 1, items
    assert isinstance(items[0], kind), items[0]
    return items[0]


def test_plain_text_headline_and_boilerplate(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("Soldiers killed in central Mali attack\n" + WIRE + "\nShare this article\nComments are closed.\n")
    a = only(run(f), Article)
    assert a.title == "Soldiers killed in central Mali attack"
    assert "Comments are closed" not in a.text and "Share this" not in a.text
    assert a.removed == ["Share this article", "Comments are closed."]
    assert a.language == "en" and a.source_id == str(f)


def test_first_sentence_is_not_a_headline(tmp_path):
    f = tmp_path / "s.txt"
    f.write_text(WIRE + "\n" + WIRE)
    assert only(run(f), Article).title is None


def test_defaults_fill_what_the_input_does_not_say(tmp_path):
    f = tmp_path / "s.txt"
    f.write_text(WIRE)
    a = only(run(f, published="2024-08-16", outlet="rt.com"), Article)
    assert a.published == "2024-08-16"
    assert a.outlet.name == "RT" and a.outlet.ownership == "state" and a.outlet.country == "RUS"


def test_jsonl_records_keep_their_own_fields_and_order(tmp_path):
    f = tmp_path / "in.jsonl"
    rows = [{"id": "b-2", "text": WIRE, "published": "2024-01-02", "outlet": "reuters.com"},
            {"id": 7, "text": "  " + WIRE + "  ", "url": "https://www.bbc.co.uk/news/x"}]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    a, b = run(f, published="1999-01-01")
    assert a.source_id == "b-2" and a.published == "2024-01-02" and a.outlet.name == "Reuters"
    assert b.source_id == "7" and b.published == "1999-01-01" and b.outlet.name == "BBC"
    assert b.text == "  " + WIRE + "  "  # JSON Lines text is analysed exactly as given


def test_malformed_json_line_amid_good_ones(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "1", "text": WIRE}) + "\n{not json\n[1, 2]\n{\"id\": \"4\"}\n"
                 + json.dumps({"id": "5", "text": WIRE + " Again."}) + "\n")
    items = run(f)
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Failure", "Failure", "Article"]
    assert {i.code for i in items if isinstance(i, Failure)} == {"bad_json"}
    assert items[1].source == f"{f}:2"


def test_html_page(tmp_path):
    f = tmp_path / "page.html"
    f.write_text("<html><head><title>Talks in Niamey</title>"
                 "<meta property='article:published_time' content='2025-03-04'>"
                 "<link rel='canonical' href='https://www.aljazeera.com/news/2025/3/4/talks'></head>"
                 "<body><nav>Home | World | Sport</nav><article><h1>Talks in Niamey</h1>"
                 f"<p>{WIRE}</p><p>{WIRE.replace('Tuesday', 'Friday')}</p></article>"
                 "<footer>We use cookies to improve your experience.</footer></body></html>")
    a = only(run(f), Article)
    assert a.published == "2025-03-04"
    assert "Gunmen killed four soldiers" in a.text and "cookies" not in a.text
    assert a.outlet.name == "Al Jazeera"


def test_broken_html_yields_a_failure(tmp_path):
    f = tmp_path / "broken.html"
    f.write_text("<html><body><div><p></div></span><<<>>")
    assert only(run(f), Failure).code == "bad_html"


def test_feed_items(tmp_path):
    f = tmp_path / "feed.rss"
    f.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
      <item><title>Attack in Mali</title><link>https://www.reuters.com/a</link>
      <pubDate>Tue, 06 Aug 2024 10:00:00 GMT</pubDate><description>{WIRE}</description></item>
      <item><title>Second</title><link>https://www.reuters.com/b</link>
      <description>&lt;p&gt;{WIRE.replace('four', 'six')}&lt;/p&gt;</description></item>
      </channel></rss>""")
    a, b = run(f)
    assert a.published == "2024-08-06" and a.url == "https://www.reuters.com/a"
    assert a.text.startswith("Attack in Mali\n\n") and a.outlet.name == "Reuters"
    assert "<p>" not in b.text and "six soldiers" in b.text


def test_feed_that_is_not_xml(tmp_path):
    f = tmp_path / "feed.rss"
    f.write_text("this is not a feed at all")
    assert only(run(f), Failure).code == "bad_feed"


def test_binary_file(tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert only(run(f), Failure).code == "binary"


def test_legacy_encoding_is_decoded(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes(("Le président du Niger a reçu l'émissaire à Niamey. " + WIRE).encode("cp1252"))
    a = only(run(f), Article)
    assert "président" in a.text and "reçu" in a.text


def test_empty_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("  \n\n ")
    assert only(run(f), Failure).code == "empty"


def test_too_large_is_refused_without_reading_it(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "MAX_CHARS", 1000)
    f = tmp_path / "big.txt"
    f.write_text(WIRE * 200)
    failure = only(run(f), Failure)
    assert failure.code == "too_large" and "max_chars" in failure.reason


def test_missing_path_and_the_rest_proceeds(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(WIRE)
    missing, article = run(tmp_path / "nope.txt", good)
    assert isinstance(missing, Failure) and missing.code == "not_found"
    assert isinstance(article, Article)


def test_directory_is_walked_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(WIRE.replace("four", "two"))
    (tmp_path / "1.txt").write_text(WIRE)
    (tmp_path / "README.md").write_text("not news")
    items = run(tmp_path)
    assert [i.source_id for i in items] == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]


def test_other_language_is_skipped_with_reason(tmp_path):
    f = tmp_path / "fr.txt"
    f.write_text("Des hommes armés ont tué quatre soldats lors d'une attaque contre un poste de l'armée "
                 "dans le centre du Mali mardi, a annoncé l'armée dans un communiqué.")
    failure = only(run(f), Failure)
    assert failure.code == "unsupported_language" and "'fr'" in failure.reason


def test_explicit_language_wins_over_detection(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "x", "text": WIRE, "lang": "fr"}) + "\n")
    assert only(run(f), Failure).code == "unsupported_language"


def test_fifty_megabyte_text_is_refused_with_the_default_limit(tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("w") as fh:
        line = WIRE + "\n"
        for _ in range(50_000_000 // len(line) + 1):
            fh.write(line)
    failure = only(run(f), Failure)
    assert failure.code == "too_large"
