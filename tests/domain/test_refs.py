from csp_desktop.domain.refs import next_free


def test_next_free_is_one_above_the_highest_whatever_the_padding():
    assert next_free([], "A-", 3) == "A-001"
    taken = ["A-1", "A-10", "a-003", " A-2 ", "", None, "X-99", "A-x", "A-" + "9" * 3]  # a None from an empty cell too
    assert next_free(taken, "A-", 3) == "A-1000"  # type: ignore[arg-type]
    assert next_free(["R-26", "R-3"], "R-", 2) == "R-27"
