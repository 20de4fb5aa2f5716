"""Matching of addresses, names and tracking numbers against records."""
