"""Browser checks of issue 16's names: search finds a firm by its former, short or English name and says which name
matched (Chinese label, English behind the switch). The real `brain` server on a freshly built database, driven by
headless Chromium; uses the harness of test_web_app.py."""

import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_web_app as harness  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


def first_firm(driver):
    return driver.find_element(By.CSS_SELECTOR, "#results [data-kind='enterprise'] a.node")


def matched_text(driver):
    try:
        return first_firm(driver).find_element(By.CSS_SELECTOR, ".matched").text
    except WebDriverException:  # the toggle reloads the page while it is read
        return ""


def check_former_name_finds_the_firm_and_says_so(driver, base):
    driver.get(base + "/search?q=" + urllib.parse.quote("三九医药"))
    harness.wait_ready(driver)
    firm = first_firm(driver)
    assert firm.get_attribute("href").endswith("/enterprises/000999.SZ"), firm.get_attribute("href")
    matched = firm.find_element(By.CSS_SELECTOR, ".matched")
    assert matched.get_attribute("data-matched-kind") == "former-short", matched.get_attribute("outerHTML")
    assert "曾用简称" in matched.text and "三九医药" in matched.text, matched.text
    # English behind the switch (the page reloads: wait for the new text, not the old page's readiness).
    harness.leave_by(driver, driver.find_element(By.ID, "lang-toggle").click)
    harness.patient(driver, 30).until(lambda d: "former short name" in matched_text(d))
    assert "曾用简称" not in matched_text(driver), matched_text(driver)
    harness.leave_by(driver, driver.find_element(By.ID, "lang-toggle").click)
    harness.patient(driver, 30).until(lambda d: "曾用简称" in matched_text(d))
    harness.no_console_errors(driver)
    harness.screenshot(driver, "search-former-name.png")


def check_english_words_typed_find_the_firm(driver, base):
    driver.get(base + "/search")
    harness.wait_ready(driver)
    box = driver.find_element(By.ID, "search-q")
    box.send_keys("Jiangsu Hengrui")
    harness.wait_ready(driver, "data-results", "Jiangsu Hengrui")
    firms = driver.find_elements(By.CSS_SELECTOR, "#results [data-kind='enterprise'] a.node")
    hengrui = [f for f in firms if f.get_attribute("href").endswith("/enterprises/600276.SH")]
    assert hengrui, [f.text for f in firms]
    matched = hengrui[0].find_element(By.CSS_SELECTOR, ".matched")
    assert matched.get_attribute("data-matched-kind") in ("english", "former-english"), matched.get_attribute("outerHTML")
    assert "Jiangsu Hengrui" in matched.text and "英文名" in matched.text, matched.text
    harness.no_console_errors(driver)
    harness.screenshot(driver, "search-english-name.png")


def check_search_api_gives_the_evidence(driver, base):
    hits = harness.get_json(base, "/api/search?q=" + urllib.parse.quote("北京双鹤药业股份有限公司"))["hits"]
    firms = [hit for hit in hits if hit["kind"] == "enterprise"]
    assert firms and firms[0]["url"] == "/enterprises/600062.SH", firms
    matched = firms[0]["matched"]
    assert matched["kind"] == "former-full" and matched["name"] == "北京双鹤药业股份有限公司" and matched["source"], matched
    # A legal form of its own is another firm: not found by the names.
    hits = harness.get_json(base, "/api/search?q=" + urllib.parse.quote("江苏恒瑞医药有限公司"))["hits"]
    assert not [hit for hit in hits if hit.get("matched")], hits


def main():
    _, db = harness.built_database("brain-browser-names-")
    base, server = harness.serve(db)
    checks = [check_former_name_finds_the_firm_and_says_so, check_english_words_typed_find_the_firm,
              check_search_api_gives_the_evidence]
    # `python3 Tests/browser/test_names.py NAME …` runs only the checks whose names contain a NAME.
    harness.run_checks("browser (names)", checks, base, server)


if __name__ == "__main__":
    main()
