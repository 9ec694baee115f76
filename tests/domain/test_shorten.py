"""One truncation for display: at most `limit` characters, ending in "…" when cut."""
from csp_desktop.domain.shorten import ELLIPSIS, quoted, shorten


def test_short_text_is_returned_as_it_is():
    assert shorten("Knife crime", 40) == "Knife crime"


def test_long_text_ends_in_an_ellipsis_within_the_limit():
    cut = shorten("x" * 10_000, 40)
    assert len(cut) == 40 and cut.endswith(ELLIPSIS)


def test_flat_puts_it_on_one_line_and_flat_false_keeps_the_lines():
    assert shorten("a\n\tb   c", 40) == "a b c"
    assert shorten("a\nb", 40, flat=False) == "a\nb"


def test_hostile_input():
    assert shorten("", 5) == "" and shorten("\u2028\u2029\x85", 5) == ""
    assert len(shorten("\U0001F600" * 100, 10)) == 10


def test_quoted_shows_text_as_text_and_escapes_only_control_characters():
    assert quoted("Violence\xa0against women") == "'Violence against women'"
    assert quoted("two\nlines") == "'two lines'"
    assert quoted("it's") == "'it's'" and quoted(7) == "'7'"
    assert quoted("bell\x07\x1b[31m") == "'bell\\x07\\x1b[31m'"  # no escape sequence reaches a terminal
