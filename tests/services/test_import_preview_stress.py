"""Every fixture, every sheet read as every kind or left out: the preview never fails with anything but
a sentence for the user, never names a command-line option, and never changes the register."""
import pytest

from csp_desktop.errors import UserError
from csp_desktop.services.import_mappings import Choices
from csp_desktop.services.import_preview import KINDS, build_preview, read_preview
from csp_desktop.store import Register
from tests.conftest import FIXTURES, snapshot

pytestmark = pytest.mark.stress


def test_every_sheet_as_every_kind(tmp_path):
    path = tmp_path / "r.cspreg"
    Register.create(path, "r").close()
    with Register.open(path, read_only=True) as reg:
        before = snapshot(reg)
    for file in sorted((FIXTURES / "registers").glob("*.*sx")) + sorted((FIXTURES / "registers").glob("*.csv")):
        try:
            sheets = [v.key for v in read_preview(path, file).sheets]
        except UserError as exc:
            assert "--" not in str(exc)
            continue
        for key in sheets:
            for kind in (*KINDS, None):
                preview = build_preview(path, file, Choices(sheets={key: kind}))
                assert all("--" not in p.message for p in preview.problems), (file.name, key, kind)
                assert preview.can_import == (preview.result is not None and not preview.errors)
    with Register.open(path, read_only=True) as reg:
        assert snapshot(reg) == before
