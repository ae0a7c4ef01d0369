"""URL handling that knows no site: splitting without exceptions, hosts, tracking parameters.

Which site a URL belongs to, its article ID and its canonical form are the sites' business
(`newscrawl.sites`, built on these helpers).
"""

from __future__ import annotations

from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset({"section", "input", "fbclid", "gclid", "mpv", "ref"})


def split(url: str) -> SplitResult:
    """urlsplit that never raises: a malformed URL (e.g. "http://[") splits as a bare path."""
    try:
        return urlsplit(url)
    except ValueError:
        pass
    try:  # unbalanced IPv6 brackets: split with them escaped, so canonicalize stays idempotent
        return urlsplit(url.replace("[", "%5B").replace("]", "%5D"))
    except ValueError:
        return urlsplit("")._replace(path="/" + url.split("#", 1)[0].lstrip("/"))


def host(netloc: str) -> str:
    """The lower-case host of a netloc, without user, port or trailing dot."""
    hostport = netloc.rsplit("@", 1)[-1]
    if hostport.startswith("["):  # an IPv6 literal keeps its brackets and colons
        return hostport.split("]", 1)[0].lower() + "]"
    return hostport.split(":", 1)[0].lower().rstrip(".")


def host_of(url: str) -> str:
    return host(split(url).netloc)


def without_tracking(url: str, netloc: str | None = None) -> str:
    """A URL with tracking parameters dropped, the host lower-cased and no fragment.

    `netloc` (a site's own host, for a URL of a known site) replaces the URL's, and then the
    scheme is `https`.
    """
    parts = split(url)
    try:
        port = parts.port
    except ValueError:  # a port that is not a number
        port = None
    scheme = parts.scheme.lower() or "https"
    name = host(parts.netloc)
    if netloc is not None:
        scheme = "https"
    elif name:
        netloc = name if port is None else f"{name}:{port}"
    else:
        netloc = parts.netloc.lower()
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith("utm_")
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def rebase(url: str, new_origin: str) -> str:
    """The same path and query on another origin (the replica's, or the real site's)."""
    parts = split(url)
    target = split(new_origin)
    return urlunsplit((target.scheme, target.netloc, parts.path or "/", parts.query, ""))
