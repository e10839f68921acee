"""The sources mlpath can crawl: one spider each, named as in DESIGN.md."""

from scrapy.settings import Settings
from scrapy.spiderloader import get_spider_loader

SETTINGS_MODULE = "crawlers.settings"


def project_settings() -> Settings:
    settings = Settings()
    settings.setmodule(SETTINGS_MODULE, priority="project")
    return settings


def enabled_sources() -> list[str]:
    """Names of every spider not switched off with ``enabled = False``, in a stable order."""
    loader = get_spider_loader(project_settings())
    return sorted(name for name in loader.list() if getattr(loader.load(name), "enabled", True))
