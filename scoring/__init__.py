"""Scoring: the likelihood x impact matrix, its bands and the risk appetite, as data."""
