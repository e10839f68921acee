import numpy as np

from models.catalog import catalog_snapshot, load_catalog
from models.index import MATCHER_ARRAYS_FILE, MATCHER_FILE, build_index, load_index, save_index


def test_a_saved_index_matches_interests_exactly_as_the_one_built(engine, tmp_path):
    built = build_index(load_catalog(engine), catalog_snapshot(engine).fingerprint)
    save_index(built, tmp_path)
    loaded = load_index(tmp_path)

    assert loaded is not None and loaded.fingerprint == built.fingerprint
    for interests in ("deep learning", "python", "deep lerning"):  # a misspelling: the character n-grams
        expected = built.matcher.query(interests).match(built.words, built.latent, built.chars)
        found = loaded.matcher.query(interests).match(loaded.words, loaded.latent, loaded.chars)
        assert np.allclose(found, expected) and expected.max() > 0


def test_a_malformed_matcher_file_means_a_rebuild_not_a_crash(engine, tmp_path):
    save_index(build_index(load_catalog(engine), catalog_snapshot(engine).fingerprint), tmp_path)
    (tmp_path / MATCHER_FILE).write_text('{"n_components": 64}', encoding="utf-8")

    assert load_index(tmp_path) is None
    (tmp_path / MATCHER_ARRAYS_FILE).unlink()
    assert load_index(tmp_path) is None
