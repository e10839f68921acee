"""Programs from the official study portals of 16 European countries, crawled as one CSV feed."""

from crawlers.parsers import studyineurope as parser
from crawlers.spiders.csv_feed import CsvFeedSpider


class StudyineuropeSpider(CsvFeedSpider):
    name = "studyineurope"
    parse_feed = staticmethod(parser.parse_feed)
