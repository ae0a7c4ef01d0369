"""The README's screenshots (docs/web-*.png) of a running `newscrawl serve`.

    newscrawl demo && newscrawl serve --demo &
    .venv/bin/python -m tests.web.screenshots http://127.0.0.1:8080 docs
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from urllib.parse import quote, urlsplit

from tests.web import browser as chromium


def take(base: str, out: Path) -> list[Path]:
    from selenium.webdriver.common.by import By

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with tempfile.TemporaryDirectory(prefix="newscrawl-shots-") as profile:
        driver = chromium.start(Path(profile), width=1200, height=1000)
        try:
            def shot(name: str, path: str) -> None:
                driver.get(base.rstrip("/") + path)
                target = out / f"web-{name}.png"
                driver.save_screenshot(str(target))
                saved.append(target)

            shot("overview", "/")
            shot("pair", "/pair/JP-KR")
            def path_of(link) -> str:
                return urlsplit(link.get_attribute("href")).path

            rows = driver.find_elements(By.CSS_SELECTOR, "tr.story")
            updated = next(r for r in rows if int(r.find_elements(By.TAG_NAME, "td")[3].text) > 1)
            shot("story", path_of(updated.find_element(By.TAG_NAME, "a")))
            lead = driver.find_elements(By.CSS_SELECTOR, "li.entry p.headline a")[1]
            shot("article", path_of(lead))
            shot("search", "/search?q=" + quote("vice foreign minister"))
        finally:
            driver.quit()
    return saved


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m tests.web.screenshots BASE_URL OUT_DIR")
    for path in take(sys.argv[1], Path(sys.argv[2])):
        print(path)
