import pytest

from csp_desktop.domain.remap import Remap, proposed_levels
from csp_desktop.domain.scoring import Rating, SchemeError, default_5x5, preset


def test_proposed_levels_spread_the_old_scale_evenly():
    assert proposed_levels(5, 4) == {1: 1, 2: 2, 3: 3, 4: 4, 5: 4}
    assert proposed_levels(5, 3) == {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}
    assert proposed_levels(3, 5) == {1: 1, 2: 2, 3: 3}


def test_a_remap_moves_ratings_and_refuses_a_level_off_the_new_matrix():
    remap = Remap.proposed(default_5x5(), preset("3x3"))
    assert remap.rating(Rating(5, 4)) == Rating(3, 3) and remap.rating(None) is None
    with pytest.raises(SchemeError):
        Remap({1: 4}, {1: 1}).check(preset("3x3"))
