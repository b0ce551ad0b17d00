"""Readability scores and Easy Read rule checks, and the report formats for people and CI."""
