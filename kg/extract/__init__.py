"""Extraction stages: mentions, overlaps and relations."""
