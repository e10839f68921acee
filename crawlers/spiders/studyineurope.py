"""Programs from the official study portals of 16 European countries, crawled as one CSV feed."""

from crawlers.parsers import studyineurope
from crawlers.spiders.feed import FeedSpider


class StudyineuropeSpider(FeedSpider):
    name = "studyineurope"
    feed_parsers = {"programs.csv": studyineurope.parse_feed}
