"""The corpus of real register layouts (tests/fixtures/registers, README there): each imports in full,
as its authors meant. Expected results were checked by hand against each file."""
import pytest

from tests.interchange.corpus import imported

EXPECTED = {
    'wm-pcc-appendix-b.xlsx': {
        'scheme': (('1', '2', '3', '4', '5'), ('1', '2', '3', '4', '5')),  # numbers only: the file named no words for its levels
        'risks': [
            ('1', 'The road network is not safe, leading to more people killed or seriously injured', '', 'open', 'TM', ('', 'Protecting from harm'), (5, 5), (5, 5), (4, 5), 'today + cycle'),
            ('2', 'Cybercrime rises because people and businesses stay vulnerable', '', 'open', 'AF', ('', 'Tackling national and international threats'), (5, 5), (5, 5), (4, 4), 'today + cycle'),
            ('3', 'Crime does not reduce across the area', '', 'open', 'AF / MK', ('', 'Protecting from harm'), (5, 5), (5, 4), (4, 4), 'today + cycle'),
        ],
        'descriptions': {},
        'mitigations': {},
        'actions': [
            ('1', 'Road safety reports to the board each quarter', 'TM', None, 'Ongoing', 'in progress', 'Green', '', ('', 'Protecting from harm')),
            ('1', 'Network resilience conference with the combined authority', 'TM', None, 'TBD', 'in progress', 'Amber', '', ('', 'Protecting from harm')),
            ('1', 'Roundtable with insurers on uninsured drivers', 'TM', '2027-03-31', 'March 2027', 'in progress', 'Amber', '', ('', 'Protecting from harm')),
            ('2', 'Cybercrime action plan and digital strategy', 'AF', '2027-03-31', 'Q4 2026/27', 'in progress', 'Amber', '', ('', 'Tackling national and international threats')),
            ('3', 'Performance reports to the strategic policing board', 'AF', '2027-03-31', '', 'in progress', 'Green', '', ('', 'Protecting from harm')),
        ],
        'priorities': [
            ('', 'Protecting from harm', ''),
            ('', 'Tackling national and international threats', ''),
        ],
        'indicators': [],
        'warnings': [
            "sheet 'Appendix B', row 10: was read as a footnote and not imported: '* Score ",
        ],
        'scale': "read as 5x5 from the levels it uses: the file states no scale for likelihood or impact (no key, matrix sheet or heading such as 'Likelihood (1-5)'), its highest likelihood is 5 and its highest impact is 5, and 5x5 is the largest scale that fits",
    },
    'leics-opcc-4x4.csv': {
        'scheme': (('1', '2', '3', '4'), ('1', '2', '3', '4')),  # numbers only: the file named no words for its levels
        'risks': [
            ('STR001', 'Loss of partner funding for the youth diversion scheme', '', 'open', 'Chief Finance Officer', None, (3, 4), None, None, '2026-06-30'),
            ('STR002', 'Information sharing agreement lapses', '', 'open', 'Head of Community Safety', None, (2, 3), None, None, '2026-09-30'),
            ('STR003', 'Hate crime under-reported', '', 'open', 'Community Cohesion Lead', None, (2, 2), None, None, '2026-09-30'),
        ],
        'descriptions': {
            'STR001': 'Cause: Grant ends March 2027\nConsequence: Fewer young people diverted from offending',
            'STR002': "Cause: Partners' data officers change\nConsequence: Cases heard at MARAC without full information",
            'STR003': 'Cause: Low confidence in reporting routes\nConsequence: Victims unsupported; tensions unseen',
        },
        'mitigations': {
            'STR001': [("Bid to the PCC's community fund; exit plan agreed with partners", 'Chief Finance Officer')],
            'STR002': [('Annual review of the agreement at the partnership board', 'Head of Community Safety')],
            'STR003': [('Third-party reporting centres', 'Community Cohesion Lead')],
        },
        'actions': [],
        'priorities': [],
        'indicators': [],
        'warnings': [
            "row 2, column J (Risk Status): 'Controls Tasked' was read as open (a risk is open",
            "row 3, column J (Risk Status): 'Controlled' was read as open (a risk is open or c",
            "row 4, column J (Risk Status): 'Awaiting Review' was read as open (a risk is open",
        ],
        'scale': "read as 4x4: its heading 'Likelihood (1-4)' says 1 to 4 and its heading 'Impact (1-4)' says 1 to 4, and every likelihood and impact in the file fits it",
    },
    'bracknell-unmitigated-current.xlsx': {
        'scheme': (('1', '2', '3', '4'), ('1', '2', '3', '4')),  # numbers only: the file named no words for its levels
        'risks': [
            ('O1', 'CCTV control room staffing gaps at night', 'Operational', 'open', 'Head of Neighbourhoods', None, (4, 3), (3, 3), (2, 2), '2026-12-31'),
            ('O2', 'ASB case system unsupported after 2027', 'Operational', 'open', 'ICT Partner', None, (3, 3), (3, 2), (1, 2), '2027-03-31'),
            ('S0', 'Community trigger process not published', '', 'closed', 'Community Safety Manager', None, (3, 2), (1, 1), (1, 1), None),
            ('S1', 'Partnership loses its community safety coordinator', 'Strategic', 'open', 'Chief Executive', None, (4, 4), (3, 3), (2, 3), '2027-01-31'),
            ('S2', 'Serious violence duty not met', 'Strategic', 'open', 'Director of Public Health', None, (3, 4), (2, 4), (2, 3), '2027-02-28'),
        ],
        'descriptions': {},
        'mitigations': {
            'O1': [('Overtime rota', 'Head of Neighbourhoods')],
            'O2': [('Vendor extended support', 'ICT Partner')],
            'S0': [('Published on the council website', 'Community Safety Manager')],
            'S1': [('Post funded by three partners to 2028', 'Chief Executive')],
            'S2': [('Strategic needs assessment done', 'Director of Public Health')],
        },
        'actions': [],
        'priorities': [],
        'indicators': [],
        'warnings': [
            "sheet 'Cover': was not read: 3 rows with text, but no row among t",
        ],
        'scale': "read as 4x4: the Guidance sheet says 'Score likelihood and impact from 1 (low) to 4 (high)' and the Matrix sheet's grid runs 1 to 4, and every likelihood and impact in the file fits it",
    },
    'south-kesteven-gross-net.csv': {
        'scheme': (('1', '2', '3', '4', '5'), ('1', '2', '3', '4', '5')),  # numbers only: the file named no words for its levels
        'risks': [
            ('SK1', 'Funding for the partnership analyst ends, so the strategic assessment cannot be produced', '', 'open', 'Head of Community\xa0Safety', None, (4, 4), (3, 3), None, 'today + cycle'),
            ('SK2', 'Night-time economy violence rises over the summer', '', 'open', 'Licensing Manager', None, (3, 4), (2, 3), None, 'today + cycle'),
        ],
        'descriptions': {},
        'mitigations': {
            'SK1': [('Analyst funded to March 2027', 'Head of Community\xa0Safety')],
            'SK2': [('Street pastors; Pubwatch', 'Licensing Manager')],
        },
        'actions': [
            ('SK1', 'Bid for PCC funding', 'Head of Community\xa0Safety', '2027-03-31', '2026/27', 'not started', '', '', None),
            ('SK1', 'Share an analyst with the district councils', 'Head of Community\xa0Safety', '2026-12-31', 'Q3 2026/27', 'not started', '', '', None),
            ('SK2', 'Late-night levy review', 'Licensing Manager', '2027-03-31', '', 'not started', '', '', None),
        ],
        'priorities': [],
        'indicators': [],
        'warnings': [],
        'scale': "read as 5x5, a guess: the file states no scale for likelihood or impact (no key, matrix sheet or heading such as 'Likelihood (1-5)'), its highest likelihood is 4 and its highest impact is 4, and 5x5 is the largest scale that fits. If it is scored on fewer levels, choose --scheme 4x4",
    },
    'east-sussex-labelled-5x4.csv': {
        'scheme': (('Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'), ('Minimal', 'Moderate', 'Major', 'Critical')),
        'risks': [
            ('SR1', 'Domestic abuse refuge capacity falls short', '', 'open', 'Director of Adult Social Care', None, (5, 4), (4, 3), None, 'today + cycle'),
            ('SR2', 'Prevent referrals not assessed in time', '', 'open', 'Prevent Lead', None, (4, 3), (2, 2), None, 'today + cycle'),
            ('SR3', 'Partnership website out of date', '', 'open', 'Communications Officer', None, (3, 1), (1, 1), None, 'today + cycle'),
        ],
        'descriptions': {},
        'mitigations': {
            'SR1': [('Commissioned two more units', 'Director of Adult Social Care')],
            'SR2': [('Weekly channel panel', 'Prevent Lead')],
            'SR3': [('Quarterly content review', 'Communications Officer')],
        },
        'actions': [],
        'priorities': [],
        'indicators': [],
        'warnings': [],
        'scale': "read as 5x4: likelihood of 5 levels from how the file writes them ('5 - Almost certain', '4 - Likely', '3 - Possible'); impact of 4 levels from how the file writes them ('4 (Critical)', '3 (Major)', '1 (Minimal)')",
    },
    'west-oxon-action-tracker.xlsx': {
        'scheme': (('1', '2', '3', '4', '5'), ('1', '2', '3', '4', '5')),  # numbers only: the file named no words for its levels
        'risks': [
            ('ER5', 'Election period limits partnership communications', '', 'open', 'Monitoring Officer', None, None, (2, 2), (1, 2), 'today + cycle'),
            ('SR2', 'Major civil emergency overwhelms partners', '', 'open', 'Head of Resilience', None, None, (3, 5), (2, 4), 'today + cycle'),
            ('SR3', 'Anti-social behaviour case reviews missed', '', 'open', 'Community Safety Manager', None, None, (3, 3), (2, 2), 'today + cycle'),
        ],
        'descriptions': {},
        'mitigations': {},
        'actions': [
            ('SR2', 'Refresh the multi-agency flood plan', 'Emergency Planning Officer', '2027-03-31', '', 'in progress', 'On track', 'Draft with partners', None),
            ('SR2', 'Exercise the rest centre plan', 'Emergency Planning Officer', '2027-03-31', '', 'in progress', 'Delayed', 'Venue not yet confirmed', None),
            ('SR2', 'Train 20 rest centre volunteers', 'Community Resilience Lead', '2027-03-31', 'March 2027', 'in progress', 'Behind schedule', '', None),
            ('ER5', 'Publish pre-election guidance', 'Communications Officer', '2027-03-31', 'Q4 2026/27', 'complete', 'Completed', 'Sent', None),
            ('ER5', 'Brief board members', 'Monitoring Officer', '2027-03-31', '2026/27', 'complete', 'Done', '', None),
            ('SR3', 'Monthly case review audit', 'ASB Coordinator', None, 'Ongoing', 'in progress', 'At risk', 'Two reviews late', None),
            ('SR3', 'Publish the community trigger threshold', 'ASB Coordinator', None, 'TBC', 'not started', '', '', None),
            ('SR3', 'Join up case systems with the housing provider', 'ASB Coordinator', None, 'N/A', 'in progress', 'Ongoing', '', None),
        ],
        'priorities': [],
        'indicators': [],
        'warnings': [
            "sheet 'Strategic Risk Register', row 1: these columns were not imported: 'Direction of tra",
            "sheet 'Strategic Risk Register', row 2, column B (Risk title): holds a link whose text was never saved; the text ",
        ],
        'scale': "read as 5x5, a guess: the file states no scale for likelihood or impact (no key, matrix sheet or heading such as 'Likelihood (1-5)'), its highest likelihood is 3 and its highest impact is 5, and 5x5 is the largest scale that fits. If it is scored on fewer levels, choose --scheme 3x5",
    },
    'reading-controls-actions.csv': {
        'scheme': (('1', '2', '3', '4', '5'), ('1', '2', '3', '4', '5')),  # numbers only: the file named no words for its levels
        'risks': [
            ('CSP-01', 'Cuckooing of vulnerable tenants goes unseen', '', 'open', '', None, (4, 4), (3, 4), (2, 3), 'today + cycle'),
            ('CSP-02', 'Serious violence strategy not refreshed', '', 'open', '', None, (3, 4), (2, 4), (1, 4), 'today + cycle'),
        ],
        'descriptions': {
            'CSP-01': '12 cases in 2025/26',
            'CSP-02': 'Duty since 2023',
        },
        'mitigations': {
            'CSP-01': [('Housing officers trained to spot signs', '')],
            'CSP-02': [('Needs assessment in place', '')],
        },
        'actions': [
            ('CSP-01', 'Joint visits with police', '', '2026-11-30', '', 'in progress', '', '', None),
            ('CSP-01', 'Information sheet for carers', '', '2027-01-31', '', 'not started', '', '', None),
            ('CSP-02', 'Publish the refreshed strategy', '', '2027-01-31', 'January 2027', 'in progress', 'On track', '', None),
        ],
        'priorities': [],
        'indicators': [],
        'warnings': [
            "row 1: these columns were not imported: 'Where monitored'",
        ],
        'scale': "read as 5x5, a guess: the file states no scale for likelihood or impact (no key, matrix sheet or heading such as 'Likelihood (1-5)'), its highest likelihood is 4 and its highest impact is 4, and 5x5 is the largest scale that fits. If it is scored on fewer levels, choose --scheme 4x4",
    },
    'csp-words-3x3.csv': {
        'scheme': (('Low', 'Medium', 'High'), ('Low', 'Medium', 'High')),
        'risks': [
            ('1', 'Loss of the community safety grant', '', 'open', 'District council', None, (3, 3), (2, 3), None, 'today + cycle'),
            ('2', 'Key partner leaves the partnership', '', 'open', 'Partnership chair', None, (1, 3), (1, 2), None, 'today + cycle'),
            ('3', 'Data breach of shared case data', '', 'open', 'Information governance', None, (2, 2), (1, 2), None, 'today + cycle'),
        ],
        'descriptions': {
            '1': 'Decision due in February',
        },
        'mitigations': {
            '1': [('Match funding from the district council', 'District council')],
            '2': [('Terms of reference signed', 'Partnership chair')],
            '3': [('Secure email; annual data protection training', 'Information governance')],
        },
        'actions': [],
        'priorities': [],
        'indicators': [],
        'warnings': [],
        'scale': "read as 3x3: likelihood of 3 levels from how the file writes them ('High', 'Low', 'Medium'); impact of 3 levels from how the file writes them ('High', 'Medium', 'M')",
    },
    'lrf-labels-after.csv': {
        'scheme': (('Low', 'Medium Low', 'Medium', 'Medium High', 'High'), ('Insignificant', 'Minor', 'Moderate', 'Significant', 'Catastrophic')),
        'risks': [
            ('H1', 'Flooding of the town centre', '', 'open', '', None, (4, 4), None, None, 'today + cycle'),
            ('H2', "Loss of a partner's data centre", '', 'open', '', None, (1, 5), None, None, 'today + cycle'),
            ('H3', 'Prolonged heatwave', '', 'open', '', None, (3, 3), None, None, 'today + cycle'),
            ('H4', 'Public disorder after a major event', '', 'open', '', None, (2, 2), None, None, 'today + cycle'),
            ('H5', 'Fuel shortage', '', 'open', '', None, (5, 1), None, None, 'today + cycle'),
        ],
        'descriptions': {},
        'mitigations': {
            'H1': [('Multi-agency flood plan', '')],
            'H2': [('Second site', '')],
            'H3': [('Heat health alerts', '')],
            'H4': [('Event safety group', '')],
            'H5': [('Fuel plan', '')],
        },
        'actions': [],
        'priorities': [],
        'indicators': [],
        'warnings': [
            "row 2, column E (Overall rating): 'Very High' is not a number; the score is worked o",
            "row 3, column E (Overall rating): 'Medium' is not a number; the score is worked out ",
            "row 4, column E (Overall rating): 'High' is not a number; the score is worked out fr",
            "row 5, column E (Overall rating): 'Low' is not a number; the score is worked out fro",
            "row 6, column E (Overall rating): 'Medium' is not a number; the score is worked out ",
        ],
        'scale': "read as 5x5: likelihood of 5 levels from how the file writes them ('Medium High (4)', 'Low (1)', 'Medium (3)'); impact of 5 levels from how the file writes them ('Significant (4)', 'Catastrophic (5)', 'Moderate (3)')",
    },
    'csp-action-plan.csv': {
        'scheme': (('Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'), ('Negligible', 'Minor', 'Moderate', 'Major', 'Catastrophic')),
        'risks': [],
        'descriptions': {},
        'mitigations': {},
        'actions': [
            (None, 'Commission a perpetrator programme', 'DA Coordinator', '2026-12-31', 'Q3 2026/27', 'in progress', 'Green', 'Provider chosen', ('P1', 'Violence\xa0against women and girls')),
            (None, 'Train GP practices in IRIS', 'Public Health Lead', '2027-03-31', 'March 2027', 'in progress', 'Amber', 'Four of nine practices', ('P1', 'Violence\xa0against women and girls')),
            (None, 'Safe space on Saturday nights', 'Licensing Manager', '2026-12-31', '', 'in progress', 'Red', 'No venue yet', ('1.2', 'Night-time economy')),
            (None, 'Mentoring for prison leavers', 'IOM Manager', None, 'Ongoing', 'complete', 'Blue', 'Running since June', ('SP-3', 'Reducing reoffending')),
            (None, 'Refuge places review', 'DA Coordinator', None, 'TBC', 'not started', '', '', ('P1', 'Violence\xa0against women and girls')),
        ],
        'priorities': [
            ('1.2', 'Night-time economy', 'Council'),
            ('P1', 'Violence\xa0against women and girls', 'Police'),
            ('SP-3', 'Reducing reoffending', 'Probation'),
        ],
        'indicators': [],
        'warnings': [
            "row 6, column B (Priority title): gives priority P1 the title 'Domestic abuse', but ",
        ],
        'scale': '',
    },
    'csp-plan-workbook.xlsx': {
        'scheme': (('Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'), ('Negligible', 'Minor', 'Moderate', 'Major', 'Catastrophic')),
        'risks': [],
        'descriptions': {},
        'mitigations': {},
        'actions': [
            (None, 'Co-ordinate the offending pathways', 'IOM Manager', '2027-03-31', '2026/27', 'in progress', 'On track', '', ('1', 'Integrated Offender Management')),
            (None, 'Target resources on those most at risk of reoffending', 'IOM Manager', '2026-09-30', 'Q2 2026/27', 'complete', '', '', ('1', 'Integrated Offender Management')),
            (None, 'Alcohol brief advice in custody', 'Custody Inspector', '2026-09-30', '', 'in progress', 'Delayed', '', ('2', 'Alcohol Harm Reduction')),
            (None, 'Test purchasing of off-licences', 'Trading Standards', None, 'TBD', 'not started', '', '', ('2', 'Alcohol Harm Reduction')),
            (None, 'Street drinking protocol', 'ASB Coordinator', '2027-01-31', '', 'in progress', '', '', ('2', 'Alcohol Harm Reduction')),
        ],
        'priorities': [
            ('1', 'Integrated Offender Management', 'Probation Service'),
            ('2', 'Alcohol Harm Reduction', 'Police and Public Health'),
        ],
        'indicators': [
            ('Reoffending of the IOM cohort', '20% reduction', '14%', 'Performance to 30/09/26'),
        ],
        'warnings': [
            "sheet 'Guidance': was not read: 2 rows with text, but no row among t",
        ],
        'scale': '',
    },
    'col-original-current-target.csv': {
        'scheme': (('1', '2', '3', '4', '5'), ('1', '2', '3', '4', '5')),  # numbers only: the file named no words for its levels
        'risks': [
            ('PA1', "Oversight of the force's spending is weak", '', 'open', 'Authority Director', None, (4, 4), (3, 4), (2, 3), 'today + cycle'),
            ('PA2', 'Relationship with the force breaks down', '', 'closed', 'Chair', None, (3, 4), (2, 4), (1, 4), None),
        ],
        'descriptions': {},
        'mitigations': {},
        'actions': [
            ('PA1', 'Quarterly finance report to committee', 'Authority Director', '2027-03-31', '', 'in progress', 'On track', '', None),
            ('PA2', 'Monthly meetings with the Commissioner', 'Chair', None, 'Ongoing', 'complete', '', '', None),
        ],
        'priorities': [],
        'indicators': [],
        'warnings': [],
        'scale': "read as 5x5, a guess: the file states no scale for likelihood or impact (no key, matrix sheet or heading such as 'Likelihood (1-5)'), its highest likelihood is 4 and its highest impact is 4, and 5x5 is the largest scale that fits. If it is scored on fewer levels, choose --scheme 4x4",
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_register_imports_as_meant(tmp_path, name):
    got = imported(tmp_path, name)
    got["warnings"] = [_short(w) for w in got["warnings"]]
    assert got == EXPECTED[name]


def _short(warning: str) -> str:
    """The warning's place (sheet, row, column) and the start of what it says: the test pins both."""
    place, message = warning.split(": ", 1)
    return place.split(", ", 1)[-1] + ": " + message[:50]
