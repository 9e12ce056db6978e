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
    (b"caf\xc3\xa9 au lait \xe9", "bad_encoding"),   # UTF-8 text with one bad byte
    (b"\xff\xfeK\x00\x00\xd8", "bad_encoding"),       # UTF-16 (its BOM) cut inside a pair
    (bytes(range(128, 256)) * 4, "bad_encoding"),      # no encoding reads it as text
    (b"\xef\xbb\xbf", "empty"),
    ("\x01\x02\x03 text \x04\x05".encode("utf-16"), "not_text"),
])
def test_bad_bytes_get_a_clear_error(data, code):
    with pytest.raises(InputError) as err:
        decode(data, "f.txt")
    assert err.value.code == code
    assert "f.txt" in str(err.value)


def test_invalid_utf8_says_where():
    with pytest.raises(InputError, match=r"invalid UTF-8 at byte 9 \(line 2\)"):
        decode("l\u00efne 1\nl".encode() + b"\xffine 2", "x")


QUOTE = "\u201cWe stay,\u201d said Fran\u00e7ois M\u00fcller \u2014 the caf\u00e9 owner \u2014 on Monday."


@pytest.mark.parametrize("data, declared, encoding", [
    (QUOTE.encode(), None, "utf-8"),
    (b"\xef\xbb\xbf" + QUOTE.encode(), None, "utf-8"),
    (QUOTE.encode("utf-16-le"), "utf-16-le", "utf-16-le"),   # no BOM: the declaration says
    (b"\xff\xfe" + QUOTE.encode("utf-16-le"), None, "utf-16-le"),
    (b"\xfe\xff" + QUOTE.encode("utf-16-be"), "iso-8859-1", "utf-16-be"),  # a BOM beats a header
    (b"\xff\xfe\x00\x00" + QUOTE.encode("utf-32-le"), None, "utf-32-le"),
    (b"\x00\x00\xfe\xff" + QUOTE.encode("utf-32-be"), None, "utf-32-be"),
    (QUOTE.encode("cp1252"), None, "cp1252"),                # detected
    (QUOTE.encode("cp1252"), "ISO-8859-1", "cp1252"),        # latin-1 labels mean 1252
    (QUOTE.encode("cp1252"), "utf-8", "cp1252"),             # a wrong declaration is not believed
    (QUOTE.encode(), "iso-8859-1", "utf-8"),                 # valid UTF-8 beats an 8-bit label
    ("\u00ab\u041c\u0438\u0440\u00bb, \u2014 \u0441\u043a\u0430\u0437\u0430\u043b \u043c\u044d\u0440.".encode("cp1251"),
     "windows-1251", "cp1251"),
    ("Der Stra\u00dfenbau in K\u00f6ln".encode("latin-1"), None, "cp1252"),
    ("Zg\u0142oszenie \u0142\u00f3dzkiej policji".encode("cp1250"), "windows-1250", "cp1250"),
    ("\u0412\u0437\u0440\u044b\u0432 \u043f\u0440\u043e\u0433\u0440\u0435\u043c\u0435\u043b "
     "\u0432 \u0446\u0435\u043d\u0442\u0440\u0435 \u0433\u043e\u0440\u043e\u0434\u0430".encode("cp1251"), None, "cp1251"),
    (b"caf\xe9 au lait", None, "cp1252"),   # no UTF-8 sequence at all: an 8-bit text
    (b"caf\xe9 au lait", "bogus-charset", "cp1252"),
])
def test_encodings_are_honoured_or_detected(data, declared, encoding):
    from newsledger.article import decode_bytes

    text, used = decode_bytes(data, "f.txt", declared=declared)
    assert used == encoding
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff"):
        if data.startswith(bom) and not (bom == b"\xff\xfe" and data.startswith(b"\xff\xfe\x00\x00")):
            data = data[len(bom):]
            break
    assert text == data.decode(encoding)


@pytest.mark.parametrize("data, utf8", [
    ("na\u00efve caf\u00e9".encode() + b" \xe9", True),     # as many good sequences as bad bytes
    ("na\u00efve".encode() + b" caf\xe9 \xe8", False),       # more bad bytes: another encoding
    (b"plain ASCII with one \xe9", False),
])
def test_the_rule_between_damaged_utf8_and_another_encoding(data, utf8):
    from newsledger.article import decode_bytes

    if utf8:
        with pytest.raises(InputError, match="invalid UTF-8 at byte"):
            decode_bytes(data)
    else:
        assert decode_bytes(data)[1] != "utf-8"


def test_bom_is_dropped_and_text_kept():
    assert decode("\ufeffKirkuk".encode("utf-8")) == "Kirkuk"
    assert decode("Kirkuk".encode("utf-16")) == "Kirkuk"


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
