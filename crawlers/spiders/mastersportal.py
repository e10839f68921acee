"""Computer-science master's programs from Mastersportal (2019 export), crawled as one CSV feed."""

from crawlers.parsers import mastersportal as parser
from crawlers.spiders.feed import FeedSpider


class MastersportalSpider(FeedSpider):
    name = "mastersportal"
    feed_parsers = {"CS.csv": parser.parse_feed}
