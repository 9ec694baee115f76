"""The Qt side of the contrast rule gives the same answer as domain.colours for every band colour."""
from csp_desktop.domain.colours import ink_on
from csp_desktop.ui.common.colours import text_colour_on


def test_qt_matches_domain():
    for fill in ["#C00000", "#FFC000", "#70AD47", "#FFFF00", "#808080", "#000000"]:
        assert text_colour_on(fill).name().upper() == ink_on(fill)
