"""The ranker: which path and which programs for one profile, and why.

profile -> catalog -> pace -> candidates (hard constraints, relaxation) -> features (one per
trade-off) -> ranker (linear scorer, prior or learned weights) -> explain (reasons) and verdict
(certification, degree or both); recommend() puts them together; train and persistence fit and save.
"""
