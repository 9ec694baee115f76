"""One set of words for a row's fields, shared by the History view and the undo menu."""
from csp_desktop.domain.field_words import field_words


def test_listed_fields_are_said_as_a_user_says_them():
    assert [field_words(n) for n in ("owner_id", "residual", "accepted_on", "exempt")] == [
        "owner", "residual score", "acceptance date", "exempt (Part II)"]


def test_other_fields_are_their_names_with_spaces():
    assert [field_words(n) for n in ("due", "residual_likelihood", "", None)] == ["due", "residual likelihood", "", ""]
