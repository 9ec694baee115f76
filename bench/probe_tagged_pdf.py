"""Probe: how long a tagged (PDF/UA-1) PDF of the same register rows takes through WeasyPrint, the one
well-kept Python library found that writes tagged PDF (reportlab cannot; no Python library tags an existing
untagged PDF). Not a dependency: install it aside first.

    python -m pip install --target /tmp/wp weasyprint
    python bench/probe_tagged_pdf.py REGISTER.cspreg [MEETING_ID] [/tmp/wp]
"""
import html
import os
import sys
import time
sys.path.insert(0, os.getcwd())
from datetime import date
from pathlib import Path
from csp_desktop.services import packs
from csp_desktop.store import Register

reg_path = Path(sys.argv[1])
meeting = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
with Register.open(reg_path, read_only=True) as reg:
    data = packs.for_part(packs.gather(reg, meeting, date(2026, 11, 23)), "public")
e = html.escape
rows = "".join(f"<tr><td>{e(r.ref)}</td><td><b>{e(r.title)}</b><br>{e(r.description)}<br>"
               + "".join(f"&bull; {e(m.description)}<br>" for m in r.mitigations)
               + f"</td><td>{e(r.owner)}</td><td>{r.inherent.score if r.inherent else ''}</td>"
               f"<td>{r.residual.score if r.residual else ''}</td><td>{r.direction}</td></tr>" for r in data.open_risks)
acts = "".join(f"<tr><td>{e(a.ref)}</td><td>{e(a.title)}</td><td>{e(a.progress)}</td><td>{a.due}</td>"
               f"<td>{a.status}</td></tr>" for a in data.actions)
doc = f"""<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Pack</title><style>
@page {{ size: A4 landscape; margin: 1.5cm }} body {{ font: 8pt 'DejaVu Sans' }}
table {{ border-collapse: collapse; width: 100% }}
td, th {{ border: 0.25pt solid #999; padding: 2pt; vertical-align: top }}
thead {{ display: table-header-group }}</style></head>
<body><h1>Risk register</h1>
<table><thead><tr><th>Ref</th><th>Risk</th><th>Owner</th><th>Inh</th><th>Res</th><th>Travel</th></tr></thead>
<tbody>{rows}</tbody></table>
<h1>Action tracker</h1><table><thead><tr><th>Ref</th><th>Action</th><th>Progress</th><th>Due</th>
<th>Status</th></tr></thead><tbody>{acts}</tbody></table></body></html>"""
sys.path.insert(0, sys.argv[3] if len(sys.argv) > 3 else "/tmp/wp")
from weasyprint import HTML  # noqa: E402  (found through the path given on the command line)
for variant in (None, "pdf/ua-1"):
    start = time.perf_counter()
    document = HTML(string=doc).render()
    out = Path(reg_path).with_name(f"probe-{(variant or 'untagged').replace('/', '-')}.pdf")
    document.write_pdf(out, pdf_variant=variant) if variant else document.write_pdf(out)
    print(variant or "untagged", len(document.pages), "pages", round(time.perf_counter() - start, 2), "s")
