"""How a score is written and coloured in the pack: a chip in the band's fill carrying the score and the
band's word or initials, readable in a grey print, with likelihood x impact beneath it."""
from __future__ import annotations

import colorsys
from functools import cache

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ..domain.derived import ARROWS
from ..domain.scoring import Band, Rating, Scheme
from .fonts import BOLD, REGULAR
from .styles import INK, MUTED, WHITE, hex_colour

TIMES = "\u00d7"
DIRECTION_WORDS = {"up": "up", "down": "down", "unchanged": "same", "new": ""}
LIGHTEST, DARKEST = 225, 44   # luma (0-255) of the lowest and highest band's printed fill
# Between these grey levels neither dark nor white text reads well in a grey print (a mid-grey High chip at 115
# gave its dark "High" about 3.6:1): the lower bands stay this light or lighter and carry dark text, the upper
# ones this dark or darker and carry white.
DARK_TEXT_FROM, WHITE_TEXT_TO = 150, 85
MIN_STEP = 20.5
CHIP_SIZE = 8


def luma(colour: Color) -> float:
    """Grey level 0-255 a greyscale print gives the colour (ITU-R 601, as poppler and most printers)."""
    return 255 * (0.299 * colour.red + 0.587 * colour.green + 0.114 * colour.blue)


@cache
def _ladder(colours: tuple[str, ...]) -> tuple[Color, ...]:
    """Each band's colour, lightened or darkened (same hue) onto an even ladder of grey levels, lowest band
    lightest: adjacent bands then differ by far more than 20/255 in a grey print, whatever colours the
    register chose."""
    if len(colours) == 1:
        return (hex_colour(colours[0]),)
    return tuple(_at_luma(hex_colour(c), grey) for c, grey in zip(colours, _greys(len(colours))))


def _greys(count: int) -> list[float]:
    """The grey level of each band, lowest first: the lighter half from LIGHTEST to DARK_TEXT_FROM, the darker
    half from WHITE_TEXT_TO to DARKEST; an even ladder where that would put neighbours too close (8+ bands)."""
    light = (count + 1) // 2
    greys = _even(LIGHTEST, DARK_TEXT_FROM, light) + _even(WHITE_TEXT_TO, DARKEST, count - light)
    if all(a - b >= MIN_STEP for a, b in zip(greys, greys[1:])):
        return greys
    return _even(LIGHTEST, DARKEST, count)


def _even(first: float, last: float, count: int) -> list[float]:
    """`count` levels from `first` to `last`; a level alone is the end further from the unreadable middle."""
    if count == 1:
        middle = (DARK_TEXT_FROM + WHITE_TEXT_TO) / 2
        return [max(first, last, key=lambda grey: abs(grey - middle))]
    return [first - n * (first - last) / (count - 1) for n in range(count)]


def _at_luma(colour: Color, target: float) -> Color:
    hue, _, saturation = colorsys.rgb_to_hls(colour.red, colour.green, colour.blue)
    low, high = 0.0, 1.0
    for _ in range(30):  # lightness is monotonic in luma at a fixed hue and saturation
        middle = (low + high) / 2
        if luma(Color(*colorsys.hls_to_rgb(hue, middle, saturation))) < target:
            low = middle
        else:
            high = middle
    return Color(*colorsys.hls_to_rgb(hue, (low + high) / 2, saturation))


def band_fill(scheme: Scheme, band: Band) -> Color:
    names = [b.name for b in scheme.bands]
    return _ladder(tuple(b.colour for b in scheme.bands))[names.index(band.name)]


def band_ink(fill: Color) -> Color:
    """Text on a band's fill: dark where the fill prints light in grey, white where it prints dark. The ladder
    keeps fills out of the grey levels where neither reads; the print decides, as a saturated red that takes
    black by colour contrast (the screen's rule, styles.ink_on) is a dark grey on paper."""
    return INK if luma(fill) >= (DARK_TEXT_FROM + WHITE_TEXT_TO) / 2 else WHITE


def band_word(band: Band, width: float, size: float = CHIP_SIZE) -> str:
    """The band's name, or its initials where the name does not fit (the key lists both)."""
    if stringWidth(band.name, BOLD, size) <= width:
        return band.name
    return initials(band.name)


def initials(name: str) -> str:
    return "".join(word[0].upper() for word in name.split() if word) or name[:1]


class ScoreChip(Flowable):
    """A rounded chip in the band's fill with "12 High", and "3×4" beneath it in plain ink."""

    fixed_height = 2 * CHIP_SIZE * 1.25 + 4

    def __init__(self, scheme: Scheme, rating: Rating, width: float, flag: str = "", compact: bool = False):
        super().__init__()
        self.rating, self.chip_width, self.flag, self.compact = rating, width, flag, compact
        if compact:   # one line, for a summary table: the chip alone
            self.fixed_height = CHIP_SIZE * 1.25 + 2
        self.band = scheme.band_for(rating.score)
        self.fill = band_fill(scheme, self.band) if self.band else None

    def wrap(self, available_width, available_height):
        self.width, self.height = self.chip_width, self.fixed_height
        return self.width, self.height

    def draw(self):
        """Each different chip is drawn once per PDF, as a form, and placed wherever it appears: a long register
        has thousands of chips but only a few dozen different ones."""
        canv = self.canv
        forms = canv.__dict__.setdefault("_score_chips", {})
        key = (self.rating.score, self.rating.likelihood, self.rating.impact, self.band and self.band.name,
               self.fill and self.fill.hexval(), self.chip_width, self.height, self.flag, self.compact)
        name = forms.get(key)
        if name is None:
            name = forms[key] = f"ScoreChip{len(forms)}"
            canv.beginForm(name, 0, 0, self.chip_width, self.height)
            self._paint()
            canv.endForm()
        canv.doForm(name)

    def _paint(self):
        canv, h = self.canv, CHIP_SIZE * 1.25 + 2
        top = self.height - h
        text = str(self.rating.score)
        if self.band is not None:
            word = band_word(self.band, self.chip_width - stringWidth(text + " ", BOLD, CHIP_SIZE) - 6)
            text = f"{text} {word}"
            canv.setFillColor(self.fill)
            canv.setStrokeColor(self.fill)
            canv.roundRect(0, top, self.chip_width, h, 3, stroke=0, fill=1)
            canv.setFillColor(band_ink(self.fill))
        canv.setFont(BOLD, CHIP_SIZE)
        canv.drawCentredString(self.chip_width / 2, top + 3, text)
        if self.compact:
            return
        canv.setFillColor(MUTED)
        canv.setFont(REGULAR, CHIP_SIZE)
        below = f"{self.rating.likelihood}{TIMES}{self.rating.impact}" + (f" {self.flag}" if self.flag else "")
        canv.drawCentredString(self.chip_width / 2, 1, below)


def score_cell(scheme: Scheme, rating: Rating | None, width: float, flag: str = "", compact: bool = False):
    if rating is None:
        return "\u2013"
    return ScoreChip(scheme, rating, width, flag, compact)


def direction_cell(direction: str) -> str:
    word = DIRECTION_WORDS.get(direction, direction)
    return f"{ARROWS.get(direction, '')} {word}".strip()
