"""Master's programs from Mastersportal: two published collections (2019 and Nov 2025), each a CSV
feed read by its own parser, chosen by the feed's file name."""

from crawlers.parsers import mastersportal, mastersportal_2025
from crawlers.spiders.feed import FeedSpider


class MastersportalSpider(FeedSpider):
    name = "mastersportal"
    feed_parsers = {
        "CS.csv": mastersportal.parse_feed,
        "CS_master_program_details_top35_countries.csv": mastersportal_2025.parse_feed,
    }
