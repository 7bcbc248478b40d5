#!/usr/bin/env python3
"""Serve while warming (issue 14): on a server started with `--first-view-budget 0`, a heavy page asked for while the
start's warm-up runs is answered at once with a placeholder ("正在计算…", data-pending) that pending.js fills with the
whole page — charts drawn, scripts run under the page's nonce, no console error. Waits on the DOM only.

    python3 Tests/browser/test_first_view.py            # needs .build/debug/brain and chromium
"""
import os
import sys
import urllib.parse

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(__file__))
import test_web_app as harness  # noqa: E402

# Each page with an element only the whole page has; the first is asked for at once after the snapshot loads, so it is
# the placeholder (the warm-up of the bundled data takes seconds); the others may be served whole if it has ended.
PAGES = [("/regions/320500", "region-name"), ("/enterprises/600276.SH", "firm-name"), ("/chain/api", "node-name"),
         ("/search?q=" + urllib.parse.quote("药"), "search-status")]
FILL_SECONDS = 120


def filled(driver, element_id):
    """The whole page is in: no placeholder left, its own element present and its charts drawn."""
    if driver.find_elements(By.CSS_SELECTOR, "[data-pending]"):
        return False
    return bool(driver.find_elements(By.ID, element_id)) and \
        driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1"


def check_pages_served_while_warming_fill_in(driver, base):
    for index, (path, element_id) in enumerate(PAGES):
        driver.get(base + path)
        served_pending = driver.find_element(By.TAG_NAME, "html").get_attribute("data-served-pending") == "1"
        if index == 0:
            assert served_pending, f"{path} was served whole: the warm-up ended before the first view"
        harness.patient(driver, FILL_SECONDS).until(lambda d: filled(d, element_id))
        assert "正在计算" not in driver.find_element(By.TAG_NAME, "main").text, path
        if served_pending:
            assert driver.find_element(By.TAG_NAME, "body").get_attribute("data-filled-ms"), path
            assert "正在计算" not in driver.title, driver.title
        harness.no_console_errors(driver)
    # The region page's scripts ran on the filled page: its opportunity chart holds points.
    driver.get(base + PAGES[0][0])
    harness.patient(driver, FILL_SECONDS).until(lambda d: filled(d, PAGES[0][1]))
    assert harness.series_length(driver, "opportunity-chart") > 0


def main():
    _, db = harness.built_database("brain-first-view-")
    # The browser first, so that the first page is asked for the moment the snapshot is loaded.
    driver = harness.make_driver()
    base, server = harness.serve(db, "--first-view-budget", "0")
    passed = False
    try:
        harness.wait_for_health(base, server, warm=False)
        check_pages_served_while_warming_fill_in(driver, base)
        passed = True
        print("ok   check_pages_served_while_warming_fill_in")
    except Exception as error:  # reported, then the exit status says it
        print(f"FAIL check_pages_served_while_warming_fill_in: {error}")
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=10)
    print(f"first view: {1 if passed else 0} passed, {0 if passed else 1} failed")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
