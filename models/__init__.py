"""The ranker: which path and which programs for one profile, and why.

catalog (programs from the database) -> index (the catalogue as arrays, built once per change) ->
person (the person's cost, weeks and constraints, vectorised) -> rank (features, the scorer
pipeline, ordering, a partial sort) -> explain (reasons) and verdict, for the k results only;
recommend() puts them together. interest and topics match interests; train, judgements,
training_data, evaluate and persistence learn, measure and save; feedback stores what users said.
"""
