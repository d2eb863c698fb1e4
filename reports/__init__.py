"""Reports: the quarterly SLT pack, the annual committee report and the directorate
collation, as pages and PDFs, in one shared vocabulary (``reports.vocabulary``;
docs/domain.md#reports)."""
