"""Reports: the quarterly SLT pack and the annual committee report as PDF (issue 5)."""
