#!/usr/bin/env python3
"""Browser check of watches and alerts (issue 19 item 4): an organisation signs in (its token on /match/signin for
now), watches 苏州市 with the region page's 关注 button, imports a file of firms in 苏州 through /import, and finds the
alert in its inbox, with the unread count in the navigation; marking it read empties the count. Signed out, neither
the button nor the inbox link shows, and no page logs an error. The region page draws its by-year chart with Chinese
axes.

    python3 Tests/browser/test_watch.py            every check
    python3 Tests/browser/test_watch.py inbox      only the checks whose names contain an argument"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_web_app as harness  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


def watch_ready(driver):
    harness.wait_ready(driver, "data-watch-ready", "1")


def check_signed_out_shows_no_watch_controls(driver, base):
    driver.get_log("browser")
    driver.get(base + "/regions/320500")
    watch_ready(driver)
    assert not driver.find_element(By.ID, "watch-button").is_displayed()
    assert not driver.find_element(By.ID, "nav-inbox").is_displayed()
    harness.no_console_errors(driver)


def check_watch_import_and_inbox(driver, base):
    harness.sign_in(driver, base, "/inbox")
    assert driver.find_elements(By.ID, "empty"), "a new organisation's inbox is empty"
    # Watch 苏州市 from its page: the button turns to 已关注.
    driver.get(base + "/regions/320500")
    watch_ready(driver)
    button = driver.find_element(By.ID, "watch-button")
    assert button.is_displayed() and button.get_attribute("aria-pressed") == "false"
    button.click()
    harness.patient(driver, 30).until(lambda d: d.find_element(By.ID, "watch-button").get_attribute("data-watch-state") == "watching")
    assert "已关注" in driver.find_element(By.ID, "watch-button").text
    # Import a file of firms in 苏州 through /import.
    path = os.path.join(tempfile.mkdtemp(prefix="brain-watch-"), "苏州新企业.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("企业名称,注册地址,所属行业\n"
                "苏州关注抗体药业有限公司,江苏省苏州市工业园区星湖街218号,2761\n")
    driver.get(base + "/import")
    driver.find_element(By.ID, "file").send_keys(path)
    driver.find_element(By.ID, "write").click()
    harness.wait_ready(driver, "data-import-done", "write")
    assert driver.find_element(By.ID, "created").text == "1", driver.find_element(By.ID, "outcome").text
    # The inbox shows the alert, unread, and the navigation counts it.
    driver.get(base + "/inbox")
    watch_ready(driver)
    assert driver.find_element(By.ID, "nav-inbox").is_displayed()
    assert driver.find_element(By.ID, "inbox-count").text == "1"
    alerts = driver.find_elements(By.CSS_SELECTOR, "#alerts li.unread")
    assert len(alerts) == 1 and "苏州关注抗体药业有限公司" in alerts[0].text and "苏州" in alerts[0].text, [a.text for a in alerts]
    harness.screenshot(driver, "inbox.png")
    # Filtered by node watches: nothing; by region watches: the alert.
    driver.get(base + "/inbox?kind=node")
    assert not driver.find_elements(By.CSS_SELECTOR, "#alerts li")
    driver.get(base + "/inbox?kind=region")
    harness.leave_by(driver, driver.find_element(By.CSS_SELECTOR, "#alerts li.unread button.read").click)
    harness.patient(driver, 30).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#alerts li.unread") and "kind=region" in d.current_url)
    watch_ready(driver)
    assert driver.find_element(By.ID, "inbox-count").text == ""
    assert len(driver.find_elements(By.CSS_SELECTOR, "#alerts li")) == 1
    harness.no_console_errors(driver)


def check_region_timeline_chart(driver, base):
    data = harness.get_json(base, "/api/regions/320500/timeline")
    assert data["code"] == "320500" and len(data["years"]) >= 10, data
    driver.get_log("browser")
    driver.get(base + "/regions/320500")
    harness.patient(driver, 30).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-timeline-ready"))
    option = driver.execute_script("var o = echarts.getInstanceByDom(document.getElementById('timeline-chart')).getOption();"
                                   "return [o.xAxis[0].name, o.yAxis[0].name, o.series.map(function (s) { return s.name; }), o.xAxis[0].data.length,"
                                   " o.series[0].data.reduce(function (a, b) { return a + b; }, 0)];")
    assert option[0] == "年份" and option[1] == "企业数" and option[2] == ["上市企业成立", "上市", "导入新增"], option
    # Signed in (the earlier check), the page also counts the organisation's own private import: a year more at most.
    assert option[3] in (len(data["years"]), len(data["years"]) + 1) and option[4] == sum(y["founded"] for y in data["years"]) > 0, option
    harness.no_console_errors(driver)
    harness.screenshot(driver, "region-timeline.png")


def main():
    _, db = harness.built_database("brain-browser-watch-")
    organisation = subprocess.run([harness.BRAIN, "org", "add", "watch-bureau", "--name", "苏州市工信局", "--db", db, "--json"],
                                  check=True, capture_output=True, text=True)
    harness.MARKET["token"] = json.loads(organisation.stdout)["token"]
    base, server = harness.serve(db)
    checks = [check_signed_out_shows_no_watch_controls, check_watch_import_and_inbox, check_region_timeline_chart]
    harness.run_checks("browser (watch and inbox)", checks, base, server)


if __name__ == "__main__":
    main()
