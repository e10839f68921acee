"""Relevance to ML / AI / data science: topics, score, and a reason for every rejection."""

import pytest

from pipeline.relevance import ADJACENT_SCORE, RELEVANT_SCORE, assess_relevance


@pytest.mark.parametrize(
    ("title", "subject", "skills", "topics"),
    [
        # titles from the corpus
        ("Machine Learning with Python: from Linear Models to Deep Learning", None, None, ("ml",)),
        ("Artificial Intelligence A-Z™: Learn How To Build An AI", None, None, ("ai",)),
        ("AI-900:Microsoft Azure AI Fundamentals -Updated JUNE:2021", None, None, ("ai",)),
        ("Generative AI for Everyone", None, None, ("ai",)),
        ("NLP - Natural Language Processing with Python", None, None, ("ai",)),
        ("Create a Text Generation Web App with 100% Python (NLP)", None, None, ("ai",)),
        ("Maestría en Inteligencia Artificial", None, None, ("ai",)),
        ("Certificado en Introducción a la Ciencia de Datos", None, None, ("data_science",)),
        ("IBM Data Science", None, None, ("data_science",)),
        ("Master of Science in Business Analytics", None, None, ("data_science",)),
        ("Statistics and R", "Data Analysis & Statistics", None, ("data_science",)),
        ("Spark and Python for Big Data with PySpark", None, None, ("data_science",)),
        ("Building LLM Applications", None, None, ("ai",)),  # no law in sight: a language model
        # studyineurope titles
        ("Master's Programme in Mathematical Statistics and Machine Learning", None, None, ("ml", "data_science")),
        ("Postgraduate Certificate in Artificial Intelligence in Business and Industry", None, None, ("ai",)),
        # a specific topic in a catalogue's subject (Udemy: Category, Subcategory, Topic)
        (
            "Predicting Titanic Survivals",
            ["Development", "Data Science", "Logistic Regression"],
            None,
            ("data_science",),
        ),
        # a Class Central subject slug
        ("CS50's Introduction to Artificial Intelligence with Python", "machine-learning", None, ("ml", "ai")),
        # Coursera skills, mostly topical
        ("Supervised Learning", None, "Machine Learning, Regression, Python Programming", ("ml", "data_science")),
    ],
)
def test_relevant_listings(title, subject, skills, topics):
    relevance = assess_relevance(title, subject=subject, skills=skills)
    assert relevance.relevant, relevance.rejection
    assert set(topics) <= set(relevance.topics)
    assert RELEVANT_SCORE <= relevance.score <= 1.0


@pytest.mark.parametrize(
    ("title", "subject", "skills", "description"),
    [
        # off-topic Udemy titles: "AI", "NLP", "analytics" false positives; subject = category, subcategory, topic
        (
            "NLP Practitioner & NLP Life Coach Certification (Accredited)",
            ["Personal Development", "Personal Transformation", "NLP"], None, None,
        ),
        ("NLP for Sales – 7 Secrets of Sales Psychology", ["Business", "Sales", "NLP"], None, None),
        (
            "Google Analytics for Beginners",
            ["Marketing", "Marketing Analytics & Automation", "Google Analytics"], None, None,
        ),
        ("A Beginner's Guide to Luminar AI", ["Photography & Video", "Photography Tools", "Image Editing"], None, None),
        (
            "Learn Audo Studio: AI-Powered Noise Cancellation Tool",
            ["Music", "Music Software", "Signal Processing"], None, None,
        ),
        (
            "Complete Hypnotherapy & Hypnosis Certification Diploma",
            ["Lifestyle", "Esoteric Practices", "Hypnotherapy"], None, None,
        ),
        ("Data Entry Course", ["Office Productivity", "Other Office Productivity", "Data Entry"], None, None),
        # a broad category is no evidence on its own
        (
            "Agile Fundamentals: Including Scrum and Kanban - 2021",
            ["Business", "Business Analytics & Intelligence", "Agile"], None, None,
        ),
        # Coursera: one topical skill among many
        (
            "Renewable Energy", None,
            "Strategy, Planning, Project Management, Feature Engineering, Innovation, Critical Thinking, Benefits",
            None,
        ),
        # edX: a passing mention in a description
        ("Six Sigma: Define and Measure", "Business & Management", None, "Uses statistics to improve processes."),
        # Mastersportal: "Music - Mixed Composition pathway", "Cyber Security"
        ("Music - Mixed Composition pathway", None, None, None),
        ("Cyber Security", None, None, None),
        # studyineurope: LLM is the Master of Laws in a law degree's title
        ("Master of German Law (LLM)", None, None, None),
        ("LLM International Business Law", None, None, None),
    ],
)
def test_off_topic_listings_are_rejected_with_a_reason(title, subject, skills, description):
    relevance = assess_relevance(title, description, skills, subject)
    assert not relevance.relevant
    assert relevance.rejection.startswith("off-topic: ")
    assert relevance.topics == ()


def test_the_reason_names_the_weak_evidence():
    relevance = assess_relevance("Six Sigma", "Uses statistics.")
    assert relevance.rejection == "off-topic: only weak ML/AI/data-science evidence ('statistics' in description)"


def test_the_reason_says_when_nothing_matched():
    relevance = assess_relevance("Learn Piano")
    assert relevance.rejection == "off-topic: no ML/AI/data-science term in title, skills, subject or description"


@pytest.mark.parametrize("text", ["Taiwan", "Email marketing", "Ukraine", "Paint and draw", "certAIn"])
def test_ai_inside_words_never_counts(text):
    assert "AI" not in assess_relevance(text).terms


@pytest.mark.parametrize(
    "title",
    [
        "Computer Science", "Advanced Computer Science", "Master of Computing",
        # studyineurope titles
        "Computer Sciences", "COMPUTER SCIENCES PR.",
        "Bachelier en informatique, orientation développement d'applications",
    ],
)
def test_general_computing_degrees_are_accepted_as_adjacent(title):
    relevance = assess_relevance(title, is_degree=True)
    assert relevance.relevant
    assert (relevance.topics, relevance.score) == ((), ADJACENT_SCORE)


@pytest.mark.parametrize(
    ("title", "is_degree"),
    [
        ("Computer Science", False),  # a course gets no such allowance
        ("Nursing Informatics", True),  # computing applied elsewhere
        ("Sound and Music Computing", True),
        ("Computational Mechanics", True),
        ("Wirtschaftsinformatik", True),  # business informatics
        ("Informatics - Games Engineering", True),  # computing specialised away from ML
        ("Computer Science (Game Development)", True),
        ("Advanced Computer Science-Computer Security", True),
        ("Computing with Digital Media", True),
    ],
)
def test_other_computing_listings_are_not_adjacent(title, is_degree):
    assert not assess_relevance(title, is_degree=is_degree).relevant


def test_a_curated_source_is_evidence_of_its_topic():
    # data_science_colleges_632.csv: "Professional Master of Information Systems" names no term
    relevance = assess_relevance("Professional Master of Information Systems", curated_topic="data_science")
    assert relevance.relevant
    assert relevance.topics == ("data_science",)


@pytest.mark.parametrize("value", [None, "", 42, ["", None], {"a": "b"}])
def test_odd_values_never_raise(value):
    assert not assess_relevance(value, value, value, value).relevant


@pytest.mark.parametrize(
    "title",
    ["Excel Skills for Business: Essentials", "ChatGPT for Beginners: Save time with Microsoft Excel"],
)
def test_spreadsheet_courses_are_off_topic_unless_their_title_names_data_analysis(title):
    relevance = assess_relevance(title, skills=["Data Analysis", "Spreadsheet"])
    assert relevance.rejection == "off-topic: a spreadsheet course; ML/AI/data science is not its subject"
    assert assess_relevance("Excel for Data Analysis").relevant


def test_a_management_degree_with_ai_only_in_its_description_is_off_topic():
    relevance = assess_relevance("Master of Science in Management", "Lead teams using AI and machine learning.")
    assert relevance.rejection.startswith("off-topic: a business or management program")
    assert assess_relevance("Business Analytics", "Lead teams using AI.").relevant


@pytest.mark.parametrize(
    "title", ["SAS Advanced Programmer", "Geographical Information Systems", "Geomatics", "Geospatial Data"],
)
def test_statistics_software_and_geospatial_analysis_are_data_science(title):
    assert assess_relevance(title).topics == ("data_science",)
