"""What is known about a source or platform beyond what each of its listings says, in one place.

Every fact here is a rule the cleaner applies when a listing is silent, so it is kept visible:
- the platform a source's listings are on, and that online platforms deliver online;
- the catalogue datasets of Udemy and edX list single courses, whatever a title calls itself
  ("Complete Data Science Bootcamp", "The Complete MBA Course" are video courses);
- Mastersportal's fees are per year: the collector kept only fees whose unit was "year"
  (Miosolo/master-projects-analysis, mastersportal-spider.py: `tuition_fee['unit'] != 'year'` is skipped);
- the data-science colleges list is curated for data science: being on it is evidence of the topic;
- Udemy courses are on-demand video (self-paced); Coursera's courses, specializations and
  professional certificates run on a flexible schedule (self-paced); its MasterTrack certificates
  and degrees run on terms, which is not assumed.
"""

from pipeline.normalize.text import clean_text

PLATFORM_OF_SOURCE = {
    "coursera": "Coursera",
    "coursera-catalog": "Coursera",
    "edx-catalog": "edX",
    "udemy-catalog": "Udemy",
}
ONLINE_PLATFORMS = {
    "coursera": "Coursera",
    "edx": "edX",
    "udemy": "Udemy",
    "futurelearn": "FutureLearn",
    "udacity": "Udacity",
    "khan academy": "Khan Academy",
    "linkedin learning": "LinkedIn Learning",
    "pluralsight": "Pluralsight",
    "datacamp": "DataCamp",
    "codecademy": "Codecademy",
    "swayam": "Swayam",
    "nptel": "NPTEL",
    "mitx online": "MITx Online",
    "kadenze": "Kadenze",
}
COURSE_ONLY_SOURCES = frozenset({"udemy-catalog", "edx-catalog"})
FALLBACK_CREDENTIAL_OF_SOURCE = {"classcentral": "course"}
PRICE_PERIOD_OF_SOURCE = {"mastersportal": "year"}
CURATED_TOPIC_OF_SOURCE = {"ds-colleges": "data_science"}
SELF_PACED_CREDENTIALS = frozenset({"course", "specialization", "professional_certificate"})
SELF_PACED_PLATFORMS = {"Udemy": SELF_PACED_CREDENTIALS, "Coursera": SELF_PACED_CREDENTIALS}


def platform_of(source: str | None, provider: object = None, extra: dict | None = None) -> str | None:
    """The online platform a listing is on: stated in extra, implied by the source, or named as provider."""
    stated = clean_text((extra or {}).get("platform"))
    for name in (stated, clean_text(provider)):
        if name and name.lower() in ONLINE_PLATFORMS:
            return ONLINE_PLATFORMS[name.lower()]
    return stated or PLATFORM_OF_SOURCE.get(source or "")


def delivery_of_platform(platform: str | None) -> str | None:
    return "online" if platform and platform.lower() in ONLINE_PLATFORMS else None


def pacing_of_platform(platform: str | None, credential: str) -> str | None:
    return "self_paced" if credential in SELF_PACED_PLATFORMS.get(platform or "", ()) else None
