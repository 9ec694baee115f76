"""The pack's "Performance against the plan", read back with pypdf: lead agencies, indicators, RAG, trend,
charts, action counts; exempt plan items never in Part I; an issued pack keeps the figures."""
from datetime import date

import pytest
from pypdf import PdfReader

from csp_desktop.domain.model import Action, Indicator, Priority
from csp_desktop.services import plan_editing as editing
from csp_desktop.services.meetings import create_meeting, new_meeting
from csp_desktop.services.packs import PackOptions, build_pack, gather, issue
from csp_desktop.store.actions import add_action

TODAY = date(2012, 2, 10)
SECRET_PI = "Covert test purchases at Kestrel Inn"
SECRET_ACTION = "Surveillance of the Kestrel Inn car park"


@pytest.fixture
def plan(register):
    editing.set_plan_info(register, title="Community Safety Strategy", start_year=2011, end_year=2014, year_number=2)
    alcohol = Priority("Alcohol Harm Reduction", ref="2")
    editing.add_priority(register, alcohol, ["West Mercia Police", "Herefordshire Public Health"])
    assaults = Indicator("Reduce assaults with less serious injury", priority_id=alcohol.id, ref="2.1",
                         target="970 (Rate 5.41)", data_source="West Mercia Police HQ")
    editing.add_indicator(register, assaults)
    for period, text in (("2011/12 Q1", "310"), ("2011/12 Q2", "560"), ("to 31/01/12", "798 (Rate = 4.45)")):
        editing.record_value(register, assaults.id, period, text)
    secret = Indicator(SECRET_PI, priority_id=alcohol.id, ref="2.2", target="12", exempt=True)
    editing.add_indicator(register, secret)
    editing.record_value(register, secret.id, "2011/12 Q3", "9")
    add_action(register, Action("Ensure safe dispersal from pubs and clubs", ref="A-008", priority_id=alcohol.id))
    add_action(register, Action(SECRET_ACTION, ref="A-099", priority_id=alcohol.id, exempt=True,
                                due=date(2012, 1, 1)))
    return register


def _text(path):
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_public_pack_shows_each_priority_with_lead_indicators_and_action_counts(plan, tmp_path):
    out = tmp_path / "public.pdf"
    build_pack(plan, out, PackOptions(part="public"), TODAY)
    text = _text(out)
    assert "Performance against the plan" in text
    assert "Priority 2: Alcohol Harm Reduction" in text
    assert "Lead: West Mercia Police and Herefordshire Public Health. Actions: 1 (1 no date)." in text
    assert "798 (Rate =" in text and "970 (Rate 5.41)" in text and "\u25bc worse" in text
    assert "target 970" in text  # the chart's own label, drawn into the page
    # actions without an owner are tracked under their priority's lead agency
    assert "West Mercia Police and Herefordshire Public Health (lead agency" in text
    for secret in (SECRET_PI, SECRET_ACTION, "Kestrel", "2.2", "A-099"):
        assert secret not in text


def test_exempt_pack_holds_the_exempt_indicator_and_action(plan, tmp_path):
    out = tmp_path / "exempt.pdf"
    build_pack(plan, out, PackOptions(part="exempt"), TODAY)
    text = _text(out)
    assert SECRET_PI in " ".join(text.split()) and "Actions: 1 (1 red)." in text
    assert "Reduce assaults with less serious injury" not in text


def test_an_issued_pack_keeps_the_figures_the_board_saw(plan, tmp_path):
    meeting_id = create_meeting(plan, new_meeting("Partnership Executive Group", "14/02/2012")).value
    issue(plan, meeting_id, TODAY)
    values = [v for vs in editing.store.values_by_indicator(plan).values() for v in vs]
    value = next(v for v in values if v.text.startswith("798"))
    editing.correct_value(plan, value.id, text="812")
    kept = gather(plan, meeting_id, TODAY)
    shown = kept.plan[0].indicators[0]
    assert shown.latest_text == "798 (Rate = 4.45)" and [p.value for p in shown.points] == [310, 560, 798]


def test_a_register_without_a_plan_has_no_performance_pages(register, tmp_path):
    out = tmp_path / "none.pdf"
    build_pack(register, out, PackOptions(part="public"), TODAY)
    assert "Performance against the plan" not in _text(out)


def test_the_tracker_can_be_grouped_by_priority(plan, tmp_path):
    from csp_desktop.store.partners import add_owner
    from csp_desktop.domain.model import Owner
    owner = Owner("Sgt Ffion Jones")
    add_owner(plan, owner)
    add_action(plan, Action("Patrol the ring road", ref="A-200", owner_id=owner.id, due=date(2012, 3, 1)))
    out = tmp_path / "by-priority.pdf"
    build_pack(plan, out, PackOptions(part="public", tracker_by="priority", sections=("tracker",)), TODAY)
    text = _text(out)
    assert "Alcohol Harm Reduction \u2013 1 action" in text and "Not under a plan priority \u2013 1 action" in text
    assert text.index("Alcohol Harm Reduction \u2013") < text.index("Not under a plan priority")
    from csp_desktop.services.packs import PackOptionError
    with pytest.raises(PackOptionError, match="owner or priority"):
        build_pack(plan, tmp_path / "x.pdf", PackOptions(tracker_by="colour"), TODAY)


def test_performance_pages_as_png_for_a_person_to_look_at(plan, tmp_path):
    import shutil
    import subprocess
    from tests.ui.windows import SCREENSHOTS
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    out = tmp_path / "performance.pdf"
    build_pack(plan, out, PackOptions(part="public", sections=("performance",)), TODAY)
    from pypdf import PdfReader
    pages = [page.extract_text() for page in PdfReader(out).pages]
    first = next(n for n, text in enumerate(pages, start=1) if "Performance against the plan" in text
                 and "Values against target" in text)
    SCREENSHOTS.mkdir(exist_ok=True)
    for old in SCREENSHOTS.glob("pack-performance*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(first), "-l", str(first), str(out),
                    str(SCREENSHOTS / "pack-performance")], check=True, timeout=60)
    assert len(list(SCREENSHOTS.glob("pack-performance*.png"))) == 1
