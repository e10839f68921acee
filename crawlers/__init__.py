"""Collect: the Scrapy project. Spiders navigate, parsers extract, items carry what pages say."""
