"""Computer-science master's programs from Mastersportal (2019 export), crawled as one CSV feed."""

from crawlers.parsers import mastersportal as parser
from crawlers.spiders.csv_feed import CsvFeedSpider


class MastersportalSpider(CsvFeedSpider):
    name = "mastersportal"
    parse_feed = staticmethod(parser.parse_feed)
