"""Printed documents: pure content builders, then ReportLab rendering.

``agreement_content`` turns what the services hold into plain data (no ReportLab);
``agreement_pdf`` lays that data out with Platypus page templates, the stylesheet in
``styles`` and the fonts embedded by ``fonts``. Dates and numbers are written by
``formatting``, the one formatting module of the printed reports.
"""
