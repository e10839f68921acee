"""The raw item every spider yields: what the page says, unnormalised, plus where it came from."""

import scrapy


class ProgramItem(scrapy.Item):
    # provenance
    source = scrapy.Field()  # spider name, e.g. "coursera-catalog"
    source_id = scrapy.Field()  # stable key of the record within its source (slug, id, URL)
    url = scrapy.Field()  # the program's own page if known, else the page it was read from
    fetched_at = scrapy.Field()  # ISO 8601 UTC time the page or feed was fetched

    # what the listing says, as text (or list of text) exactly as found
    title = scrapy.Field()
    provider = scrapy.Field()  # platform or partner that offers it ("Coursera", "Google")
    institution = scrapy.Field()  # university or school behind it, when distinct from provider
    description = scrapy.Field()
    skills = scrapy.Field()  # list of str, or one comma-separated str
    subject = scrapy.Field()  # category / subject / topic labels as listed
    credential = scrapy.Field()  # "Professional Certificate", "M", "M.Sc.", "Course", ...
    price = scrapy.Field()  # price text or number, e.g. "FREE-Add a Verified Certificate for $49 USD"
    currency = scrapy.Field()  # currency code or symbol when the listing gives it apart from price
    duration = scrapy.Field()  # "3 - 6 Months", "7 Weeks", "24 months", "5 hours"
    effort = scrapy.Field()  # "2–3 hours per week"
    delivery = scrapy.Field()  # "online", "on campus", "online; on campus"
    pacing = scrapy.Field()  # "Self-paced on your time", "Instructor-led"
    level = scrapy.Field()  # "Beginner", "Introductory", "Mixed"
    language = scrapy.Field()
    country = scrapy.Field()  # name or code as listed
    city = scrapy.Field()
    rating = scrapy.Field()
    rating_count = scrapy.Field()
    extra = scrapy.Field()  # dict: anything else the listing says that may matter later
