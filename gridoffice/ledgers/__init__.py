"""PDF ledgers (台账) drawn with reportlab: the embedded CJK font, the shared page
template and table engine (:mod:`.engine`), and one module per ledger.

Nothing in this package imports Qt; ledgers take plain data and write a PDF.
"""
