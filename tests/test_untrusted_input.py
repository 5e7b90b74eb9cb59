"""Property tests: parsers of untrusted bytes never raise, they return text or a Failure."""
from hypothesis import given, settings, strategies as st

from eventwire.errors import Failure, InputError
from eventwire.ingest.decode import decode
from eventwire.ingest.readers import read_feed, read_html, read_jsonl, read_text


@given(st.binary(max_size=2000))
@settings(max_examples=200, deadline=None)
def test_decode_returns_text_or_input_error(data):
    try:
        assert isinstance(decode(data), str)
    except InputError as exc:
        assert exc.code in ("binary", "encoding")


@given(st.lists(st.one_of(st.text(max_size=80), st.binary(max_size=80).map(lambda b: b.decode("latin-1"))),
                max_size=8))
@settings(max_examples=150, deadline=None)
def test_jsonl_reader_never_raises(lines):
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    for item in read_jsonl("x.jsonl", data):
        assert isinstance(item, Failure) or isinstance(item.text, str)


@given(st.binary(max_size=1500))
@settings(max_examples=100, deadline=None)
def test_text_html_feed_readers_never_raise(data):
    for reader in (read_text, read_html, read_feed):
        for item in reader("x", data):
            assert isinstance(item, Failure) or isinstance(item.text, str)


@given(st.text(alphabet="<>/\"'=abcdefghijklmnop \n&;", max_size=400))
@settings(max_examples=100, deadline=None)
def test_html_and_feed_readers_survive_tag_soup(text):
    for reader in (read_html, read_feed):
        for item in reader("soup", text.encode()):
            assert isinstance(item, Failure) or isinstance(item.text, str)
