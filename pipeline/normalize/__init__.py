"""Normalisers: one module per concept, each a few pure functions from listing text to canonical values.

price -> currency -> cost (the cost model and total in USD); duration, effort; credential (and kind);
delivery, pacing, level, language, country; skills; rating; text (missing-value placeholders).
sources.py holds what is known about a source or platform beyond what each listing says.
"""
