"""Extraction of one report: its place, year and author, mentions, entities and relations."""
