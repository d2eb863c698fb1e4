"""Pieces that know no domain: spreadsheets, form helpers, people's display names, the error
summary partial. Imports no app of the project."""
