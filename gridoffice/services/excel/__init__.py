"""The spreadsheet-import toolkit the Excel importers are built on: reading a workbook
safely (``workbook``), finding and matching column titles (``headers``), reading cells
(``cells``, ``codes``), the rows of a sheet to import (``sheet``), problem lists and
progress (``problems``), remembered column mappings (``mappings``) and writing sheets
(``export``). No Qt here; each importer (``roster_excel``, ``residents_excel``) only
says its columns, its row checks and its writes.
"""
