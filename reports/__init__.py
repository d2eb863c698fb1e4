"""Reports: the quarterly SLT pack, the annual committee report and the directorate collation,
each a page and a PDF (docs/domain.md#reports)."""
