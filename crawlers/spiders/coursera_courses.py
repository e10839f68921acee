"""Coursera's courses (a 2021 workbook) and its specializations and professional certificates with their
courses (a 2025 scrape), crawled as three feeds (pinned to the commits that published them)."""

from crawlers.parsers import coursera_courses as parser
from crawlers.spiders.feed import FeedSpider


class CourseraCoursesSpider(FeedSpider):
    name = "coursera-courses"
    feed_parsers = {
        "Coursera.xlsx": parser.parse_courses_workbook,
        "prog_scraped.csv": parser.parse_programs,
        "course_scraped.csv": parser.parse_program_courses,
    }
