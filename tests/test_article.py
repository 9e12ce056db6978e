from datetime import date

import pytest

from newsledger.article import Article, decode, parse_published, read_article, text_id
from newsledger.errors import InputError


def test_id_is_a_stable_hash_of_the_text():
    assert Article("Two soldiers were killed.").id == text_id("Two soldiers were killed.")
    assert Article("x", id="mine").id == "mine"


@pytest.mark.parametrize("data, code", [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"\x00\x01\x02binary\x00", "not_text"),
    (b"caf\xe9 au lait", "bad_encoding"),
])
def test_bad_bytes_get_a_clear_error(data, code):
    with pytest.raises(InputError) as err:
        decode(data, "f.txt")
    assert err.value.code == code
    assert "f.txt" in str(err.value)


def test_invalid_utf8_says_where():
    with pytest.raises(InputError, match=r"byte 7 \(line 2\)"):
        decode(b"line 1\n\xff\xfe", "x")


def test_bom_is_dropped_and_text_kept():
    assert decode("\ufeffKirkuk".encode("utf-8")) == "Kirkuk"


def test_published_parsing():
    assert parse_published("2015-05-04") == date(2015, 5, 4)
    assert parse_published("2015-05-04T10:00:00Z") == date(2015, 5, 4)
    assert parse_published(None) is None
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_published("04/05/2015")


def test_read_article_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        read_article(tmp_path)
