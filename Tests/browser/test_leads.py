#!/usr/bin/env python3
"""Browser checks of the 招商 pipeline (issue 19 item 3): an organisation signs in (its token on the sign-in form, for
now), turns one of a region's 招商 targets into a lead, moves it to 签约, sees it on the board and its overdue count in
the navigation; signed out, /leads, the navigation and the region page show nothing of it.

    python3 Tests/browser/test_leads.py            every check
    python3 Tests/browser/test_leads.py board      only the checks whose names contain an argument"""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_web_app as harness  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

ORGANISATION = {}
LEAD = {}


def wait_leads_ready(driver):
    harness.wait_ready(driver, attribute="data-leads-ready")


def check_sign_in_and_track_a_region_target(driver, base):
    driver.get(base + "/leads")
    driver.find_element(By.ID, "token").send_keys(ORGANISATION["token"])
    harness.leave_by(driver, driver.find_element(By.ID, "signin-button").click)
    harness.patient(driver, 30).until(lambda d: d.current_url.endswith("/leads") and d.find_elements(By.ID, "leads"))
    driver.get(base + "/regions/320500")
    wait_leads_ready(driver)
    assert driver.find_element(By.ID, "lead-progress").is_displayed()
    harness.patient(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#targets-rows .track-lead"))
    link = driver.find_element(By.CSS_SELECTOR, "#targets-rows .track-lead")
    firm = link.find_element(By.XPATH, "..").find_element(By.CSS_SELECTOR, "a[href^='/enterprises/']").text
    href = link.get_attribute("href")
    assert "source=region-targets" in href and "region=320500" in href and "reason=" in href, href
    harness.leave_by(driver, link.click)
    harness.patient(driver, 30).until(lambda d: d.find_elements(By.ID, "new-lead-form"))
    harness.wait_ready(driver)
    assert driver.find_element(By.ID, "lead-firm").get_attribute("value") == firm
    assert driver.find_element(By.ID, "lead-region").get_attribute("value") == "320500"
    harness.leave_by(driver, driver.find_element(By.ID, "create-lead").click)
    harness.patient(driver, 30).until(lambda d: d.find_elements(By.ID, "lead-history"))
    LEAD["firm"], LEAD["url"] = firm, driver.current_url
    assert driver.find_element(By.ID, "lead").get_attribute("data-stage") == "lead"
    harness.no_console_errors(driver)


def check_move_to_signed_and_see_it_on_the_board(driver, base):
    driver.get(LEAD["url"])
    harness.wait_ready(driver)
    Select(driver.find_element(By.ID, "stage-choice")).select_by_value("signed")
    harness.leave_by(driver, driver.find_element(By.ID, "stage-submit").click)
    # The form posts and the page reloads: leave_by waits for the new document before the stage is read.
    harness.patient(driver, 30).until(
        lambda d: d.find_element(By.ID, "lead").get_attribute("data-stage") == "signed")
    assert "线索 → 签约" in driver.find_element(By.ID, "lead-history").text
    # A due date in the past makes it overdue: marked on the board and counted in the navigation.
    driver.execute_script("document.querySelector('#edit-form [name=dueDate]').value = '2020-01-31';")
    harness.leave_by(driver, driver.find_element(By.ID, "edit-submit").click)
    harness.patient(driver, 30).until(
        lambda d: "2020-01-31" in d.find_element(By.ID, "lead-due").text)
    driver.get(base + "/leads")
    wait_leads_ready(driver)
    column = driver.find_element(By.CSS_SELECTOR, ".lead-column[data-stage='signed']")
    assert column.get_attribute("data-count") == "1"
    card = column.find_element(By.CSS_SELECTOR, ".lead-card")
    assert LEAD["firm"] in card.text and "is-overdue" in card.get_attribute("class")
    assert "逾期" in card.text
    badge = driver.find_element(By.ID, "leads-overdue")
    assert badge.is_displayed() and badge.text == "1", badge.text
    driver.get(base + "/regions/320500")
    wait_leads_ready(driver)
    counts = driver.find_element(By.CSS_SELECTOR, "#lead-progress a[data-stage='signed']").text
    assert counts.endswith("1"), counts
    harness.no_console_errors(driver)
    harness.screenshot(driver, "leads-region.png")


def check_signed_out_sees_nothing(driver, base):
    driver.delete_all_cookies()
    driver.get(base + "/leads")
    harness.wait_ready(driver)
    wait_leads_ready(driver)
    assert driver.find_elements(By.ID, "signed-out")
    assert LEAD["firm"] not in driver.find_element(By.TAG_NAME, "main").text
    assert not driver.find_elements(By.CSS_SELECTOR, ".lead-card")
    assert not driver.find_element(By.ID, "leads-overdue").is_displayed()
    driver.get(base + "/regions/320500")
    wait_leads_ready(driver)
    assert not driver.find_element(By.ID, "lead-progress").is_displayed()
    assert not driver.find_elements(By.CSS_SELECTOR, ".track-lead")
    driver.get(LEAD["url"])
    assert LEAD["firm"] not in driver.find_element(By.TAG_NAME, "body").text


def main():
    _, db = harness.built_database("brain-browser-leads-")
    organisation = subprocess.run([harness.BRAIN, "org", "add", "leads-bureau", "--name", "苏州市商务局", "--db", db, "--json"],
                                  check=True, capture_output=True, text=True)
    ORGANISATION["token"] = json.loads(organisation.stdout)["token"]
    base, server = harness.serve(db)
    print(f"screenshots go to {harness.ARTIFACTS}")
    checks = [check_sign_in_and_track_a_region_target, check_move_to_signed_and_see_it_on_the_board, check_signed_out_sees_nothing]
    harness.run_checks("browser (招商 leads)", checks, base, server)


if __name__ == "__main__":
    main()
