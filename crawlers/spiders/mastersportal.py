"""Master's programs from Mastersportal: two published collections (2019 and Nov 2025), each a CSV
feed read by its own parser, chosen by the feed's file name."""

from pathlib import PurePosixPath
from urllib.parse import urlsplit

from crawlers.parsers import mastersportal, mastersportal_2025
from crawlers.parsers.csv_feed import Dropped
from crawlers.spiders.csv_feed import CsvFeedSpider


class MastersportalSpider(CsvFeedSpider):
    name = "mastersportal"
    feed_parsers = {
        "CS.csv": mastersportal.parse_feed,
        "CS_master_program_details_top35_countries.csv": mastersportal_2025.parse_feed,
    }

    # The dispatch by file name, until the feed spider base reads ``feed_parsers`` itself.
    def parse_feed(self, csv_text: str, feed_url: str, fetched_at: str):
        parser = self.feed_parsers.get(PurePosixPath(urlsplit(feed_url).path).name)
        if parser is None:
            return [Dropped("unknown_feed", f"no parser for {feed_url}")]
        return parser(csv_text, feed_url, fetched_at)
