"""Raw credential (+ title, credit flag, source facts) -> (credential, kind)."""

import pytest

from pipeline.normalize.credential import CredentialMatch, classify_credential, not_listed

CERT, DEGREE = "certification", "degree"


@pytest.mark.parametrize(
    ("raw", "title", "credential", "kind"),
    [
        # coursera_catalog_1139.csv, certificatetype (stray spaces kept)
        (" Course ", "Machine Learning", "course", CERT),
        (" Specialization ", "Deep Learning", "specialization", CERT),
        (" Professional Certificate ", "IBM Data Science", "professional_certificate", CERT),
        (" Guided Project ", "Getting Started with Power BI Desktop", "course", CERT),
        ("Degree ", "Maestría en Inteligencia Artificial", "master", DEGREE),
        ("Degree ", "Master of Science in Machine Learning and Data Science", "master", DEGREE),
        ("Degree ", "Bachelor of Science in Data Science & AI", "bachelor", DEGREE),
        ("Degree ", "Magíster en Business Analytics", "master", DEGREE),
        ("Degree ", "M.A. Public Policy", "master", DEGREE),
        ("Degree ", "Master of Business Administration (iMBA)", "master", DEGREE),
        # Coursera search pages, product type
        ("COURSE", "Introduction to Automated Analysis", "course", CERT),
        ("PROFESSIONAL CERTIFICATE", "Google Data Analytics", "professional_certificate", CERT),
        # data_science_colleges_632.csv, DEGREE codes (one with a stray space)
        ("M", "Master of Science in Data Science", "master", DEGREE),
        (" M", "Data Science", "master", DEGREE),
        ("B", "Data Science", "bachelor", DEGREE),
        ("D", "PhD in Statistics", "doctorate", DEGREE),
        ("A", "Data Science", "associate", DEGREE),
        # mastersportal_cs_masters_694.csv, Degree
        ("M.Sc.", "Data Science", "master", DEGREE),
        ("Master", "Internet of Things - Innovation and Management", "master", DEGREE),
        ("M.A.", "Digital Humanities", "master", DEGREE),
        ("M.Eng.", "Computer Engineering", "master", DEGREE),
        ("M.Phil.", "Computer Speech, Text and Internet Technology", "master", DEGREE),
        ("M.Res.", "Computational Statistics and Machine Learning", "master", DEGREE),
        ("LL.M.", "Law and Technology", "master", DEGREE),
        ("MBA", "Business Analytics", "master", DEGREE),
        # the field missing: the title decides
        (None, "Master of Computer Science", "master", DEGREE),  # Class Central MOOC degree report
        (None, "Online Master of Science in Computer Science (OMSCS)", "master", DEGREE),
        ("None", "Doctor of Philosophy in Machine Learning", "doctorate", DEGREE),
        # studyineurope_programs_18087.csv, Level (Austria's "Diploma" as the parser names it)
        ("Master", "Data Science", "master", DEGREE),
        ("PhD", "Computer Sciences", "doctorate", DEGREE),
        ("Postgraduate", "Postgraduate Clinical Anatomy", "graduate_certificate", DEGREE),
        ("Short-term", "Summer School on the Law, Ethics and Policy of Artificial Intelligence", "course", CERT),
        ("Diplomstudium", "Medicine", "master", DEGREE),
        # coursera_catalog_1139.csv: Coursera's MasterTrack certificate, named in the title only
        (None, "Administración de Empresas Certificado MasterTrack®", "graduate_certificate", CERT),
        ("NA", "Postgraduate Certificate in Artificial Intelligence", "graduate_certificate", DEGREE),
    ],
)
def test_classify_credential(raw, title, credential, kind):
    assert classify_credential(raw, title) == CredentialMatch(credential, kind)


@pytest.mark.parametrize(
    ("raw", "title", "credit_eligible", "kind"),
    [
        # coursera catalogue: the credit flag decides
        ("Graduate Certificate ", "Data Science Graduate Certificate", True, DEGREE),
        ("University Certificate ", "Post Graduate Certificate in Data Science & Machine Learning", False, CERT),
        ("Postgraduate Diploma ", "Postgraduate Certificate of Public Health", False, CERT),
        # MicroMasters-style programs are certifications, credit or not
        ("Mastertrack ", "Introducción a la Inteligencia Artificial", True, CERT),
        ("MicroMasters", "Statistics and Data Science", None, CERT),
        # no flag: the award's name is the evidence (data-science colleges "C", Mastersportal)
        ("C", "Graduate Certificate in Business Analytics", None, DEGREE),
        ("C", "Online Certificate in Data Science (Graduate)", None, DEGREE),
        ("C", "Certificate of Advanced Study in Data Science", None, DEGREE),
        ("C", "Business Intelligence Specialization Post-Baccalaureate Certificate", None, DEGREE),
        ("C", "Certificate in Data Mining", None, CERT),
        ("C", "Predictive Analytics Certificate Program", None, CERT),
        ("Postgraduate Certificate", "Data Analytics", None, DEGREE),
        ("Postgraduate Diploma", "Computing", None, DEGREE),
    ],
)
def test_graduate_certificates_are_degrees_only_with_credit(raw, title, credit_eligible, kind):
    assert classify_credential(raw, title, credit_eligible=credit_eligible) == CredentialMatch(
        "graduate_certificate", kind
    )


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("None", "IBM Data Science"),  # coursera catalogue rows with shifted columns
        ("Degree ", "Global Health"),  # a degree of unknown level
        (None, "Master the Telephone Sales- Cold calling Secrets"),  # a bare "Master" is no credential
        (None, "MS Excel for Beginners"),
        (None, "MBA Essentials"),
        ("Diploma of Awesomeness", None),
        (None, None),
    ],
)
def test_unrecognised_credentials(raw, title):
    assert classify_credential(raw, title) is None


def test_a_course_catalogue_lists_courses_whatever_the_title_says():
    # udemy_raw_16429.csv titles
    match = classify_credential(None, "The Data Science Course 2021: Complete Data Science Bootcamp", fixed="course")
    assert match == CredentialMatch("course", CERT)


def test_a_fallback_applies_only_when_the_title_names_nothing():
    assert classify_credential(None, "Machine Learning", fallback="course").credential == "course"
    assert classify_credential(None, "Master of Data Science", fallback="course").credential == "master"


@pytest.mark.parametrize(
    ("raw", "title", "reason"),
    [
        # studyineurope: Serbia's secondary schools (as the parser names them), and "Other"
        ("Secondary school", "UČENICI SA POSEBNIM SPOSOBNOSTIMA ZA RAČUNARSTVO I INFORMATIKU",
         "not a program we list: a secondary-school programme"),
        ("Other", "Robot Operating Systems Essentials | Summer School",
         "not a program we list: level 'Other' and no credential in the title"),
    ],
)  # fmt: skip
def test_levels_that_are_not_programs_we_list_say_why(raw, title, reason):
    assert classify_credential(raw, title) is None
    assert not_listed(raw) == reason


@pytest.mark.parametrize("raw", ["Diploma", "Master", None, "NA"])
def test_other_levels_have_no_not_listed_reason(raw):
    assert not_listed(raw) is None


def test_the_track_of_a_masters_programme_is_no_mastertrack_certificate():
    # mastersportal_cs_masters_4400.csv (no credential column: the source's fallback applies)
    title = "Human-Technology Interaction - Mastertrack Human-Centered AI"
    assert classify_credential(None, title, fallback="master") == CredentialMatch("master", DEGREE)
