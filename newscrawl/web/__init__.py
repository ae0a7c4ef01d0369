"""`newscrawl serve` and `newscrawl report`: a read-only web view of the stored articles.

Only the serve and report commands import this package (and Flask); the crawl never does.
"""
