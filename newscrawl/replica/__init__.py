"""A deterministic local replica of Yonhap English and The Korea Herald, served on loopback.

See docs/replica.md. Typical use:

    site = build_site(articles=60, seed=7)
    with ReplicaServer(site) as srv:
        ...  # crawl srv.yonhap_url and srv.koreaherald_url, then compare with site.ground_truth()
"""

from newscrawl.replica.faults import FaultSpec
from newscrawl.replica.generate import build_site
from newscrawl.replica.requestlog import RequestLog, RequestRecord
from newscrawl.replica.server import ReplicaServer
from newscrawl.replica.site import Site

__all__ = ["FaultSpec", "ReplicaServer", "RequestLog", "RequestRecord", "Site", "build_site"]
