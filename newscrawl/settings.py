"""Scrapy settings for newscrawl: polite defaults for the real sites.

Everything here can be overridden on the command line (`-s NAME=VALUE`), which outranks a
spider's own settings, and most values can be set through environment variables (see README),
read and checked by `newscrawl.config` (a malformed value is one line naming the variable).
Benchmarks against the loopback replica lift politeness that way; nothing here special-cases it.
"""


from newscrawl import config
from newscrawl.config import env_setting

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

USER_AGENT = config.user_agent()
ROBOTSTXT_OBEY = True

# Politeness: at most 2 requests at a time per site, AutoThrottle adapting to the server.
CONCURRENT_REQUESTS = env_setting("CONCURRENT_REQUESTS", 8)
CONCURRENT_REQUESTS_PER_DOMAIN = env_setting("CONCURRENT_REQUESTS_PER_DOMAIN", 2)
DOWNLOAD_DELAY = env_setting("DOWNLOAD_DELAY", 0.5)
AUTOTHROTTLE_ENABLED = env_setting("AUTOTHROTTLE_ENABLED", True)
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = env_setting("DOWNLOAD_TIMEOUT", 30)
# A real article page is well under 1 MB; a bigger response is refused while it downloads
# (logged with its URL, counted as articles/failed) instead of being parsed: a 20 MB page
# would otherwise cost the crawl about 500 MB of memory (bench/soak.py).
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024

RETRY_ENABLED = True
RETRY_TIMES = env_setting("RETRY_TIMES", 3)
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]

COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # no listening port in an unattended cron job
# Scrapy starts this many asyncio tasks for every response's output (default 100); an article
# response yields one item and a listing a few dozen requests, so 100 only costs CPU: about a
# third of the reactor thread's time in a profile of the crawl (bench/README.md).
CONCURRENT_ITEMS = 8
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = env_setting("LOG_LEVEL", "INFO")

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newscrawl.middlewares.BackoffRetryMiddleware": 550,
}
NEWSCRAWL_RETRY_BACKOFF = env_setting("NEWSCRAWL_RETRY_BACKOFF", 1.0)
NEWSCRAWL_RETRY_MAX_DELAY = env_setting("NEWSCRAWL_RETRY_MAX_DELAY", 60.0)

EXTENSIONS = {
    "newscrawl.extensions.RunRecorder": 500,
}

ITEM_PIPELINES = {
    "pipelines.extract.ExtractPipeline": 300,
    "pipelines.topic.TopicPipeline": 400,
    "pipelines.store.StorePipeline": 800,
}

# newscrawl's own settings
NEWSCRAWL_DB_POOL_SIZE = env_setting("NEWSCRAWL_DB_POOL_SIZE", 2)
NEWSCRAWL_KEEP_NON_BILATERAL = env_setting("NEWSCRAWL_KEEP_NON_BILATERAL", True)
NEWSCRAWL_TOPIC_RULES = env_setting("NEWSCRAWL_TOPIC_RULES", None)  # None: the packaged rules

# PostgreSQL's synchronous_commit for the store's connections. "off" (the default) does not
# wait for each commit's WAL flush: a server crash may forget the last fraction of a second of
# stores, which the next run then fetches again (the seen-check is the database itself);
# nothing is half-written. It made a loopback crawl ~12 % faster (bench/README.md). Set "on"
# to wait for every commit.
NEWSCRAWL_SYNCHRONOUS_COMMIT = env_setting("NEWSCRAWL_SYNCHRONOUS_COMMIT", "off")

# Worker processes that parse, clean and tag pages (pipelines/extract.py); 0 does it inline in
# the reactor thread. Default: one per core but one, at most 4 (1 on 2 cores, 3 on 4): the crawl
# process keeps downloading and storing while a worker extracts. Each worker costs
# ~100 MB. On 2 cores with the database local, 1 worker made a loopback crawl ~20 % faster
# than 0 (bench/README.md); polite crawls of the real sites wait on the network anyway.
NEWSCRAWL_EXTRACT_WORKERS = env_setting(
    "NEWSCRAWL_EXTRACT_WORKERS", config.default_workers()
)

# When more than this share of a site's articles in one run was read with less than its layout's
# knowledge (a drift problem code: docs/drift.md), `newscrawl crawl` says so and exits with 3.
NEWSCRAWL_DRIFT_SHARE = env_setting("NEWSCRAWL_DRIFT_SHARE", 0.2)
