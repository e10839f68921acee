"""What is known about a platform beyond what each listing says; what is known about a source is
declared in crawlers/registry.py. Every fact here is a rule the cleaner applies when a listing is
silent, so it is kept visible:
- the platform a source's listings are on, and that online platforms deliver online;
- Udemy courses are on-demand video (self-paced); Coursera's courses, specializations and
  professional certificates run on a flexible schedule (self-paced); its MasterTrack certificates
  and degrees run on terms, which is not assumed.
Facts of the registry with their evidence: the catalogue datasets of Udemy and edX list single courses,
whatever a title calls itself ("Complete Data Science Bootcamp" is a video course); Mastersportal's fees
are per year (Miosolo/master-projects-analysis, mastersportal-spider.py skips `tuition_fee['unit'] !=
'year'`); the data-science colleges list is curated for data science.
"""

from crawlers.registry import SOURCES, Source
from pipeline.normalize.text import clean_text

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
SELF_PACED_CREDENTIALS = frozenset({"course", "specialization", "professional_certificate"})
SELF_PACED_PLATFORMS = {"Udemy": SELF_PACED_CREDENTIALS, "Coursera": SELF_PACED_CREDENTIALS}


def declared(source: str) -> Source:
    """The registry's entry for a source; a source it does not know has no declared facts."""
    return SOURCES.get(source) or Source(name=source, platform=None)


def platform_of(source: str | None, provider: object = None, extra: dict | None = None) -> str | None:
    """The online platform a listing is on: stated in extra, implied by the source, or named as provider."""
    stated = clean_text((extra or {}).get("platform"))
    for name in (stated, clean_text(provider)):
        if name and name.lower() in ONLINE_PLATFORMS:
            return ONLINE_PLATFORMS[name.lower()]
    return stated or declared(source or "").platform


def delivery_of_platform(platform: str | None) -> str | None:
    return "online" if platform and platform.lower() in ONLINE_PLATFORMS else None


def pacing_of_platform(platform: str | None, credential: str) -> str | None:
    return "self_paced" if credential in SELF_PACED_PLATFORMS.get(platform or "", ()) else None
