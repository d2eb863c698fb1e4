"""Importing a risk register from a spreadsheet: read the file (``reader``), map its columns
(``mapping``), plan every row with its problems (``plan``), then apply all or nothing
(``apply``). ``export`` writes the workbook that imports back without loss."""
