"""Printed documents: pure content builders, then Typst templates.

``agreement_content`` turns what the services hold into plain data; ``agreement_pdf`` hands
that data to ``resources/documents/agreement.typ`` through ``typst_engine`` (and likewise the
reports). ``agreement_pdf_legacy`` is the ReportLab layout of before, kept only to make again
the PDF of a revision signed before schema 7 (``agreement_document`` decides). Dates and
numbers are written by ``formatting``, the one formatting module of the printed reports.
"""

import logging
import warnings

# pyHanko (imported only by the signing and verifying modules of this package) must print
# nothing on the terminal of `promises-app sign` and `promises-app verify`:
# - it imports cryptography's DSA key types, which cryptography deprecates with a warning
#   printed at import: a note to pyHanko's developers about a future cryptography release,
#   nothing about the file being signed or checked;
# - it logs an untrusted (e.g. self-signed) chain or a refused update as a warning with a
#   traceback. What is wrong is already in our findings, in Swedish; with a handler of their
#   own these records no longer fall through to Python's last-resort handler on stderr (the
#   window's log file, when configured, still gets them from the root logger).
warnings.filterwarnings("ignore", message="DSA is deprecated", module=r"pyhanko(\.|$)")
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
del _name
