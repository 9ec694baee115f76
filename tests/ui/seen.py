"""What a user would see in a shown widget: rows fully in view, and labels or combos cut off."""
from PySide6.QtWidgets import QAbstractItemView

from tests.ui.all_views import clipped  # noqa: F401  (re-exported for the screenshot tests)


def rows_in_view(table: QAbstractItemView) -> int:
    """How many rows of the table are wholly inside its viewport (scrolled to the top)."""
    viewport, model = table.viewport().height(), table.model()
    rows = model.rowCount()
    return sum(1 for r in range(rows) if table.visualRect(model.index(r, 0)).bottom() < viewport
               and table.visualRect(model.index(r, 0)).height() > 0)
