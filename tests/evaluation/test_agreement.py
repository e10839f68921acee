"""Agreement: kappa over the items both readers labelled, quadratic-weighted for grades."""

from evaluation.agreement import agreement
from evaluation.labels import Judgement, Key, RelevanceLabel


def relevance(source_id, relevant, reader):
    return RelevanceLabel(Key("udemy-catalog", source_id), relevant, "", reader)


def test_kappa_counts_only_items_both_readers_labelled_and_lists_disagreements():
    reader_a = [relevance(key, said, "A") for key, said in (("1", True), ("2", False), ("3", True), ("4", False))]
    reader_b = [relevance(key, said, "B") for key, said in (("1", True), ("2", False), ("3", False), ("9", True))]
    labels = reader_a + reader_b  # 4 and 9 were read by one reader only
    result = agreement(labels, lambda label: label.key, lambda label: label.relevant, "A", "B")
    assert result["items"] == 3
    assert result["agreement"] == 0.667
    # po = 2/3; A says yes 2/3, B says yes 1/3: pe = 2/9 + 2/9 = 4/9; kappa = (2/3 - 4/9) / (5/9) = 0.4
    assert result["kappa"] == 0.4
    assert result["disagreements"] == [str(Key("udemy-catalog", "3"))]


def test_grades_one_apart_cost_less_than_grades_three_apart():
    def judged(grades_a, grades_b):
        labels = [Judgement("p01", Key("s", str(i)), grade, "A", "") for i, grade in enumerate(grades_a)]
        labels += [Judgement("p01", Key("s", str(i)), grade, "B", "") for i, grade in enumerate(grades_b)]
        return agreement(labels, lambda label: label.key, lambda label: label.grade, "A", "B", weights="quadratic")

    near = judged([0, 1, 2, 3, 0, 3], [0, 1, 2, 2, 1, 3])
    far = judged([0, 1, 2, 3, 0, 3], [0, 1, 2, 0, 3, 3])
    assert near["agreement"] == far["agreement"]
    assert near["kappa"] > far["kappa"]


def test_kappa_is_undefined_without_shared_items():
    result = agreement([relevance("1", True, "A")], lambda label: label.key, lambda label: label.relevant, "A", "B")
    assert result == {"items": 0, "agreement": None, "kappa": None, "disagreements": []}
