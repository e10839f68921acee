"""Writing small WARC archives for tests that need a capture the corpus does not have."""

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def write_capture(path, url, body, headers, date, status="200 OK"):
    with path.open("ab") as stream:
        writer = WARCWriter(stream, gzip=True)
        http_headers = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http_headers,
                                           warc_headers_dict={"WARC-Date": date})
        writer.write_record(record)
