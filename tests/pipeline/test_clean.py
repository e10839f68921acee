"""clean(): raw item -> Program or Rejection with a reason; never raises on bad input."""

from datetime import date

import pytest

from pipeline.clean import clean
from pipeline.records import Cost, Duration, Program, Rejection

# Shaped like the edx_courses_974.csv row "Machine Learning with Python: from Linear Models to Deep Learning".
EDX_ITEM = {
    "source": "edx-catalog",
    "source_id": "https://www.edx.org/course/machine-learning-with-python-from-linear-models-to",
    "url": "https://www.edx.org/course/machine-learning-with-python-from-linear-models-to",
    "fetched_at": "2024-05-01T10:00:00Z",
    "title": "Machine Learning with Python: from Linear Models to Deep Learning",
    "institution": "Massachusetts Institute of Technology",
    "description": "An in-depth introduction to the field of machine learning, from linear models to deep learning.",
    "subject": "Computer Science",
    "pacing": "Instructor-led on a course schedule",
    "level": "Advanced",
    "language": "English",
    "effort": "10–14 hours per week",
    "duration": "15 Weeks",
    "price": "FREE-Add a Verified Certificate for $300 USD",
    "extra": {"platform": "edX"},
}


def test_an_edx_course():
    program = clean(EDX_ITEM)
    assert isinstance(program, Program)
    assert (program.kind, program.credential) == ("certification", "course")
    assert (program.provider, program.institution) == ("edX", "Massachusetts Institute of Technology")
    assert (program.delivery, program.pacing) == ("online", "scheduled")
    assert (program.level, program.language) == ("advanced", "en")
    # fetched on 1 May 2024, a day the ECB published no rates: the rate is of the working day before
    assert program.cost == Cost(
        usd=300.0, model="free_audit", amount=300.0, currency="USD", rate_date=date(2024, 4, 30))
    assert program.duration == Duration(15.0, 15.0)
    assert (program.effort_hours_per_week, program.total_hours) == (12.0, 180.0)
    assert program.topics == ("ml",)
    assert program.raw is EDX_ITEM


def test_a_mastersportal_programme_pays_tuition_per_year():
    program = clean(
        {
            "source": "mastersportal",
            "source_id": "École Polytechnique|Data Science for Business|M.Sc.|26",
            "url": "https://raw.githubusercontent.com/Miosolo/master-projects-analysis/x/export/CS.csv#row=26",
            "title": "Data Science for Business",
            "institution": "École Polytechnique",
            "credential": "M.Sc.",
            "duration": "24 months",
            "price": "22033",
            "currency": "USD",
            "country": "France",
        }
    )
    assert (program.kind, program.credential, program.country) == ("degree", "master", "FR")
    assert (program.cost.model, program.cost.usd, program.cost.amount) == ("tuition", 44066.0, 22033.0)


def test_a_class_central_mooc_degree():
    program = clean(
        {
            "source": "classcentral",
            "source_id": "report/mooc-based-masters-degree#omscs",
            "url": "https://www.classcentral.com/report/mooc-based-masters-degree/",
            "title": "Online Master of Science in Computer Science (OMSCS)",
            "provider": "Udacity",
            "institution": "Georgia Tech",
            "price": "$7,000",
        }
    )
    assert (program.kind, program.credential, program.delivery) == ("degree", "master", "online")
    assert (program.cost.model, program.cost.usd) == ("tuition", 7000.0)
    assert program.topics == ()  # a general computing degree: adjacent


def test_a_coursera_specialization_without_price_is_estimated_visibly():
    program = clean(
        {
            "source": "coursera-catalog",
            "source_id": "DeepLearning.AI|Deep Learning",
            "url": "https://www.coursera.org/specializations/deep-learning",
            "title": "Deep Learning",
            "provider": "DeepLearning.AI",
            "credential": " Specialization ",
            "level": "Intermediate ",
            "duration": " 3 - 6 Months",
            "rating": "4.9",
            "rating_count": "135000.0",
            "skills": "Deep Learning, Artificial Neural Networks, Tensorflow",
            "extra": {"platform": "Coursera", "credit_eligible": "False"},
        }
    )
    assert (program.cost.model, program.cost.usd) == ("subscription", 6 * 49.0)
    assert program.cost.basis.startswith("platform_pricing.csv")
    assert (program.pacing, program.rating, program.rating_count) == ("self_paced", 4.9, 135000)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"source_id": None}, "missing source_id"),
        ({"title": "  "}, "missing title"),
        ({"title": "None"}, "missing title"),
        ({"url": "../course/edx-cybersecurity-7844.html"}, "invalid URL: '../course/edx-cybersecurity-7844.html'"),
        ({"source": "ds-colleges", "credential": "Diploma of Fun"}, "unrecognised credential: 'Diploma of Fun'"),
        ({"source": "coursera-catalog", "credential": "None", "title": "IBM Data Science"}, "missing credential"),
        (
            {"title": "Learn Piano", "description": None, "subject": "Music"},
            "off-topic: no ML/AI/data-science term in title, skills, subject or description",
        ),
    ],
)
def test_every_rejection_has_its_reason_and_source(change, reason):
    raw = EDX_ITEM | change
    rejection = clean(raw)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == reason
    assert rejection.source == raw["source"]
    assert rejection.raw == raw


@pytest.mark.parametrize(
    "change",
    [
        {"price": "call us"},
        {"price": {"amount": "lots"}},
        {"price": ["49"]},
        {"duration": 12},
        {"duration": ["7 Weeks"]},
        {"effort": {"hours": 3}},
        {"rating": "five stars", "rating_count": "many"},
        {"level": 3},
        {"language": 7},
        {"country": ["US"]},
        {"skills": {"python": True}},
        {"subject": 42},
        {"extra": "not a dict"},
        {"currency": "XYZ"},
        {"pacing": None, "delivery": None},
    ],
)
def test_malformed_values_become_unknown_never_an_exception(change):
    program = clean(EDX_ITEM | change)
    assert isinstance(program, Program)


@pytest.mark.parametrize("raw", [{}, {"source": "udemy-catalog"}, {"source": 3, "title": 4, "url": 5}, None, "x", []])
def test_garbage_is_rejected_not_raised(raw):
    assert isinstance(clean(raw), Rejection)


def test_an_unknown_currency_keeps_the_amount_but_not_a_total():
    program = clean(EDX_ITEM | {"price": "1,164,000", "currency": "ARS"})
    assert (program.cost.usd, program.cost.amount, program.cost.currency) == (None, 1164000.0, "ARS")
