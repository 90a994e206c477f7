"""Screenshots of portal pages at desktop and phone widths, for a person to look at.

Usage: python3 Tests/browser/screenshots.py SITE_DIR OUT_DIR [page ...]
"""
import pathlib
import sys

from browser import chromium


def main():
    site = pathlib.Path(sys.argv[1]).resolve()
    out = pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    pages = sys.argv[3:] or ["index.html", "categories/accounts-and-access.html", "services/email.html", "teams/identity-and-access.html"]
    for width, name in [(1280, "desktop"), (360, "phone")]:
        with chromium(width=width) as driver:
            for page in pages:
                driver.get((site / page).as_uri())
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.set_window_size(width, min(max(height, 600), 4000))
                target = out / f"{page.replace('/', '_').replace('.html', '')}-{name}.png"
                driver.save_screenshot(str(target))
                print(target)


if __name__ == "__main__":
    main()
