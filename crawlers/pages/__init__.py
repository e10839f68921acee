"""Page objects: one class per page type, reading a fetched page into items. Spiders navigate;
these extract (the field readers live in crawlers/parsers/)."""
