"""What a source is, declared once: its name, platform, where a crawl starts live and in replay, the
feeds it reads, how its prices are quoted, which fields it is trusted for and how often it is crawled.

Spiders, the pipeline and the flows read this module; it imports nothing from Scrapy, so the cheap
rooms (pipeline, models, cli) can read it without paying for the crawler.

Trust: when two sources state the same field of one program, the catalogue takes the value of the
source that lists the field in ``trusted_for``, then of the higher ``trust`` (see ``merge_order``).
"""

import re
from dataclasses import dataclass

RAW = "https://raw.githubusercontent.com"
CLASSCENTRAL = "https://www.classcentral.com"
COURSERA_SEARCH = "https://www.coursera.org/search?query={query}&page=1"

SCORECARD_API = "https://api.data.gov/ed/collegescorecard/v1/schools.json"
SCORECARD_FEEDS = (
    # the institution file first: the field-of-study file's programs are joined to it
    f"{RAW}/Amherst-Statistics/CollegeScorecard/5779027632b69a169fcd54389db52e769f51686c/inst/extdata/MERGED2023_24_PP.csv.bz2",
    f"{RAW}/Amherst-Statistics/CollegeScorecard/b4904394f6e958db8f0255ef20263740eeb43a00/inst/extdata/FieldOfStudyData1516_1617_PP.csv.bz2",
)
# The fields of study (4-digit CIP codes, as College Scorecard files programs) that lead to ML work, each
# with the topic a program in it is evidence of; None: computing or mathematics, a route into ML with
# no topic of its own (as pipeline.relevance treats a general computer-science degree). 30.70 Data
# Science and 30.71 Data Analytics exist from CIP-2020 on.
# College Scorecard fields of study (CIP) that lead to ML work: the scorecard source yields programs in
# these. What a field says of a program's relevance: a topic (the field is that topic), "adjacent" (a
# degree in it is a foundation, like a computer-science degree), or None (it says nothing: the program
# is judged by its title like any other; Computer Programming and Information Science are software and
# information-systems fields, evaluation/GUIDE.md section 1).
ADJACENT = "adjacent"
ML_FIELDS_OF_STUDY: dict[str, str | None] = {
    "11.01": ADJACENT,  # Computer and Information Sciences, General
    "11.02": None,  # Computer Programming
    "11.04": None,  # Information Science/Studies
    "11.07": ADJACENT,  # Computer Science
    "27.03": ADJACENT,  # Applied Mathematics
    "27.05": "data_science",  # Statistics
    "30.08": ADJACENT,  # Mathematics and Computer Science
    "30.30": ADJACENT,  # Computational Science
    "30.70": "data_science",  # Data Science
    "30.71": "data_science",  # Data Analytics
}

WEEKLY = "0 3 * * 1"  # Monday 03:00 UTC: pages of live sites change weekly
MONTHLY = "0 4 1 * *"  # the first of the month, 04:00 UTC: published datasets change rarely


@dataclass(frozen=True)
class Source:
    name: str  # the spider's name, as in DESIGN.md
    platform: str | None  # the online platform every listing is on, if one
    live_urls: tuple[str, ...] = ()  # where a live crawl starts (feeds: the feed URLs)
    replay_patterns: tuple[str, ...] = ()  # regexes of archived URLs a replayed crawl starts from
    feeds: tuple[str, ...] = ()  # published files crawled as feeds (CSV, xlsx, JSON, bzip2 CSV)
    price_period: str | None = None  # "year" when listed prices are per year of study
    course_only: bool = False  # every listing is a single course, whatever its title says
    fallback_credential: str | None = None  # credential when a listing states none
    curated_topic: str | None = None  # being listed at all is evidence of this topic
    trust: int = 1  # general trust, higher wins a disagreement (see merge_order)
    trusted_for: frozenset[str] = frozenset()  # fields this source is the authority on
    cadence: str = MONTHLY  # default cron of its scheduled crawl (configuration may override)
    search_site: str | None = None  # the site whose pages a web search for a program is kept to
    enabled: bool = True

    def accepts(self, url: str) -> bool:
        """Whether a replayed crawl of this source starts from this archived URL."""
        return any(re.search(pattern, url) for pattern in self.replay_patterns)


def _feed_source(name: str, feeds: tuple[str, ...], **facts) -> Source:
    """A source published as files: live it fetches them, in replay it starts from exactly them."""
    return Source(
        name=name,
        live_urls=feeds,
        replay_patterns=tuple(f"^{re.escape(url)}$" for url in feeds),
        feeds=feeds,
        **facts,
    )


SOURCES: dict[str, Source] = {
    source.name: source
    for source in (
        Source(
            name="coursera",
            platform="Coursera",
            live_urls=tuple(
                COURSERA_SEARCH.format(query=query)
                for query in ("machine+learning", "artificial+intelligence", "data+science")
            ),
            replay_patterns=(r"^https?://(www\.)?coursera\.org/(search|browse)\b",),
            trust=3,
            trusted_for=frozenset({"level", "rating"}),
            cadence=WEEKLY,
        ),
        Source(
            name="classcentral",
            platform=None,
            live_urls=(
                f"{CLASSCENTRAL}/subject/machine-learning",
                f"{CLASSCENTRAL}/subject/ai",
                f"{CLASSCENTRAL}/subject/data-science",
                f"{CLASSCENTRAL}/report/mooc-based-masters-degree/",
            ),
            replay_patterns=(
                r"^https?://(www\.)?classcentral\.com/(subject|provider|institution|university|collection|course|report)/",
            ),
            fallback_credential="course",
            trust=2,
            cadence=WEEKLY,
        ),
        _feed_source(
            "coursera-catalog",
            (f"{RAW}/Ayesha3456/Coursera-Course-Data-Analysis-SQL/155d83f5066e14573132f517f43213e2fa579a87/Coursera.csv",),
            platform="Coursera",
            trust=2,
        ),
        _feed_source(
            "coursera-courses",
            (
                f"{RAW}/ifiokpro/coursera_courses/8d7b631f56dbb7abefd21a6ad0a76489c90190a7/Coursera.xlsx",
                f"{RAW}/sriyanope/IS450-Project/b57602ae3afd3dfff65d5e1fd80bed97e4b7478c/data/prog_scraped.csv",
                f"{RAW}/sriyanope/IS450-Project/b57602ae3afd3dfff65d5e1fd80bed97e4b7478c/data/course_scraped.csv",
        ),
            platform="Coursera",
            trust=2,
            trusted_for=frozenset({"url", "description", "skills"}),
        ),
        _feed_source(
            "edx-catalog",
            (f"{RAW}/RodoArellano/Project_MOOC_Analysis_and_Visualization_ESP/5c8f709b4b49cb34264921234e2f4b5b7c3dea0f/edx_courses.csv",),
            platform="edX",
            course_only=True,
            trust=2,
        ),
        _feed_source(
            "udemy-catalog",
            (f"{RAW}/Kelizaaaaa/Udemy-Data-Project/8afced33c6cbda342871f4fdfbe45e9de7665489/Data/Udemy_Raw.csv",),
            platform="Udemy",
            course_only=True,
            trust=2,
        ),
        _feed_source(
            "udacity",
            (f"{RAW}/shbosh/learners-dream-datascience/931287609330a2a8126b136cc80913c1c845cd0c/udacity.json",),
            platform="Udacity",
            trust=2,
        ),
        _feed_source(
            "futurelearn",
            (f"{RAW}/shbosh/learners-dream-datascience/931287609330a2a8126b136cc80913c1c845cd0c/futurelearn.json",),
            platform="FutureLearn",
            trust=2,
        ),
        _feed_source(
            "ds-colleges",
            (f"{RAW}/ryanswanstrom/awesome-datascience-colleges/ecc1d469d1363717f621fd338e258554be9abb1f/data_science_colleges.csv",),
            platform=None,
            curated_topic="data_science",
            trust=2,
            trusted_for=frozenset({"url", "delivery"}),
        ),
        _feed_source(
            "mastersportal",
            (
                f"{RAW}/Miosolo/master-projects-analysis/18b985141ee520830d1c7a2011119c1e1d05b79a/export/CS.csv",
                f"{RAW}/SheikhAnandee/Global-IT-Masters-Program-Analysis/f3714715a31e37f1b169eac2c68b399154be3771/data/CS_master_program_details_top35_countries.csv",
            ),
            platform=None,
            price_period="year",
            fallback_credential="master",  # both collections searched master's programs only
            search_site="mastersportal.com",
            trust=2,
        ),
        _feed_source(
            "studyineurope",
            (f"{RAW}/MarcoBoso/An-App-for-StudyinEurope/6ed3437dcaaf96a84b85c8182752b099474ad232/Study_in_Europe/programs.csv",),
            platform=None,
            trust=3,
            trusted_for=frozenset({"language", "country"}),
        ),
        Source(
            name="scorecard",
            platform=None,
            # Live: the Scorecard API (a key from SCORECARD_API_KEY); replay: the two published files.
            live_urls=(SCORECARD_API,),
            replay_patterns=tuple(f"^{re.escape(url)}$" for url in SCORECARD_FEEDS),
            feeds=SCORECARD_FEEDS,
            price_period="year",
            trust=4,
            trusted_for=frozenset({"cost", "outcomes", "us_state"}),
        ),
        Source(
            name="schemaorg",
            platform=None,
            # Live: any page given to it (e.g. -a urls=...). Replay: archived pages no other source claims.
            trust=1,
            cadence=WEEKLY,
        ),
    )
}


def source(name: str) -> Source:
    """The source of that name; KeyError names it when there is none."""
    try:
        return SOURCES[name]
    except KeyError:
        raise KeyError(f"unknown source {name!r}; known: {', '.join(sorted(SOURCES))}") from None


def enabled_sources() -> list[str]:
    return sorted(name for name, declared in SOURCES.items() if declared.enabled)


def claimed_by_another(url: str, name: str) -> bool:
    """Whether an archived URL is a start URL of any source but this one (schemaorg takes the rest)."""
    return any(other.accepts(url) for other in SOURCES.values() if other.name != name)


def merge_order(field: str) -> list[str]:
    """Source names, most trusted first, for one field of a merged program."""
    return sorted(SOURCES, key=lambda name: (field not in SOURCES[name].trusted_for, -SOURCES[name].trust, name))
