#!/usr/bin/env python3
"""Issue 19's end-to-end flow in a browser: the operator (an admin person of the platform organisation, made on the
CLI) signs in and creates a city bureau and its people (an admin, an analyst, a 招商专员 and a viewer); the analyst
imports a firm file privately on /import; the 招商专员 turns a region target into a lead (owned by them) and moves it
to 签约; the bureau's admin watches the region, the analyst imports another file into it, and the admin's inbox shows
the alert; the viewer sees the lead board read-only and none of another organisation's leads; the audit page (the
bureau's admin) shows each step with its actor. The navigation offers 审计 and 管理 only to those who may use them.

    python3 Tests/browser/test_workplace.py            every check
    python3 Tests/browser/test_workplace.py inbox      only the checks whose names contain an argument"""

import json
import os
import subprocess
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_web_app as harness  # noqa: E402
import test_accounts as accounts  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

OPERATOR, OPERATOR_PASSWORD = "ops-root", "operator-secret-2026"
BUREAU = "suzhou-bureau"
PEOPLE = {  # role: (login, display name, password)
    "admin": ("bureau-admin", "周管理", "admin-secret-2026"),
    "analyst": ("analyst-wang", "王分析", "analyst-secret-2026"),
    "investment": ("zhaoshang-li", "李招商", "investor-secret-2026"),
    "viewer": ("viewer-zhao", "赵浏览", "viewer-secret-2026"),
}
OTHER = {}
LEAD = {}


def sign_in(driver, base, role, next_path="/"):
    login, _, password = PEOPLE[role]
    accounts.sign_in(driver, base, login, password, next_path)


def nav_settled(driver):
    """The header's corner has asked who is signed in (its 登录 link is replaced once it knows)."""
    harness.patient(driver, 30).until(lambda d: d.find_elements(By.ID, "who-name") or d.find_elements(By.ID, "who-organisation"))


def import_file(driver, base, name, rows):
    path = os.path.join(tempfile.mkdtemp(prefix="brain-workplace-"), name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("企业名称,注册地址,所属行业\n" + "".join(row + "\n" for row in rows))
    driver.get(base + "/import")
    harness.wait_ready(driver)
    assert driver.find_elements(By.ID, "signed-in"), "a signed-in analyst imports"
    driver.find_element(By.ID, "file").send_keys(path)
    driver.find_element(By.ID, "write").click()
    harness.wait_ready(driver, "data-import-done", "write")
    assert driver.find_element(By.ID, "created").text == str(len(rows)), driver.find_element(By.ID, "outcome").text


def check_another_organisation_opens_a_lead(driver, base):
    """A lead of another organisation (by its token), which no one of the bureau may see."""
    OTHER["firm"] = "另一园区私有线索有限公司"
    request = urllib.request.Request(base + "/api/leads", method="POST",
                                     data=json.dumps({"firmName": OTHER["firm"], "region": "320500"}).encode(),
                                     headers={"Authorization": "Bearer " + OTHER["token"], "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        assert response.status == 201


def check_signed_out_nav_offers_sign_in_only(driver, base):
    driver.delete_all_cookies()
    driver.get(base + "/leads")
    harness.wait_ready(driver)
    assert driver.find_element(By.ID, "who-signin").is_displayed()
    assert not driver.find_element(By.ID, "nav-audit").is_displayed()
    link = driver.find_element(By.CSS_SELECTOR, "#password-signin a")
    assert link.get_attribute("href").endswith("/signin?next=/leads"), link.get_attribute("href")
    harness.no_console_errors(driver)


def check_operator_creates_the_bureau_and_its_people(driver, base):
    accounts.sign_in(driver, base, OPERATOR, OPERATOR_PASSWORD, "/admin")
    assert driver.find_element(By.ID, "who-admin").is_displayed()
    assert driver.find_element(By.ID, "nav-audit").is_displayed()
    accounts.submit(driver, driver.find_element(By.ID, "organisation-form"),
                    {"id": BUREAU, "name": "苏州市工信局", "region": "320500"}, {"kind": "bureau"})
    section = lambda: driver.find_element(By.ID, "org-" + BUREAU)  # noqa: E731 (the page is new after each post)
    for role, (login, name, password) in PEOPLE.items():
        accounts.submit(driver, section().find_element(By.CSS_SELECTOR, "form.person-form"),
                        {"login": login, "name": name, "password": password}, {"role": role})
    rows = {row.get_attribute("id"): row.text for row in section().find_elements(By.CSS_SELECTOR, "tr[id^=person-]")}
    assert all(name in rows["person-" + login] for login, name, _ in PEOPLE.values()), rows


def check_analyst_imports_privately(driver, base):
    sign_in(driver, base, "analyst", "/import")
    nav_settled(driver)
    assert not driver.find_elements(By.ID, "who-admin")
    assert not driver.find_element(By.ID, "nav-audit").is_displayed()
    import_file(driver, base, "苏州企业一.csv", ["苏州工作流抗体药业有限公司,江苏省苏州市工业园区星湖街218号,2761"])
    # The import is the bureau's: the public feed does not carry it.
    feed = harness.get_json(base, "/api/changes?region=320500&limit=500")
    assert not any("苏州工作流抗体药业有限公司" in json.dumps(change, ensure_ascii=False) for change in feed)
    harness.no_console_errors(driver)


def check_investment_officer_tracks_a_target_to_signed(driver, base):
    sign_in(driver, base, "investment", "/leads")
    driver.get(base + "/regions/320500")
    harness.wait_ready(driver, attribute="data-leads-ready")
    harness.patient(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#targets-rows .track-lead"))
    link = driver.find_element(By.CSS_SELECTOR, "#targets-rows .track-lead")
    firm = link.find_element(By.XPATH, "..").find_element(By.CSS_SELECTOR, "a[href^='/enterprises/']").text
    harness.leave_by(driver, link.click)
    harness.patient(driver, 30).until(lambda d: d.find_elements(By.ID, "new-lead-form"))
    harness.wait_ready(driver)
    owner = Select(driver.find_element(By.ID, "lead-owner"))
    assert owner.first_selected_option.get_attribute("value") == PEOPLE["investment"][0]
    assert {o.text for o in owner.options} >= {name for _, name, _ in PEOPLE.values()}, [o.text for o in owner.options]
    harness.leave_by(driver, driver.find_element(By.ID, "create-lead").click)
    harness.patient(driver, 30).until(lambda d: d.find_elements(By.ID, "lead-history"))
    harness.wait_ready(driver)
    Select(driver.find_element(By.ID, "stage-choice")).select_by_value("signed")
    harness.leave_by(driver, driver.find_element(By.ID, "stage-submit").click)
    # The form posts and the page reloads: leave_by waits for the new document before the stage is read.
    harness.patient(driver, 30).until(
        lambda d: d.find_element(By.ID, "lead").get_attribute("data-stage") == "signed")
    LEAD["firm"], LEAD["url"] = firm, driver.current_url
    harness.no_console_errors(driver)


def check_admin_watches_and_is_alerted_of_the_analysts_import(driver, base):
    sign_in(driver, base, "admin", "/regions/320500")
    harness.wait_ready(driver, "data-watch-ready", "1")
    assert driver.find_element(By.ID, "who-admin").is_displayed() and driver.find_element(By.ID, "nav-audit").is_displayed()
    driver.find_element(By.ID, "watch-button").click()
    harness.patient(driver, 30).until(lambda d: d.find_element(By.ID, "watch-button").get_attribute("data-watch-state") == "watching")
    sign_in(driver, base, "analyst", "/import")
    import_file(driver, base, "苏州企业二.csv", ["苏州关注细胞治疗有限公司,江苏省苏州市工业园区金鸡湖大道88号,2761"])
    sign_in(driver, base, "admin", "/inbox")
    harness.wait_ready(driver, "data-watch-ready", "1")
    alerts = driver.find_elements(By.CSS_SELECTOR, "#alerts li.unread")
    assert len(alerts) == 1 and "苏州关注细胞治疗有限公司" in alerts[0].text, [a.text for a in alerts]
    assert driver.find_element(By.ID, "inbox-count").text == "1"
    harness.no_console_errors(driver)


def check_viewer_reads_the_board_only(driver, base):
    sign_in(driver, base, "viewer", "/leads")
    harness.wait_ready(driver)
    column = driver.find_element(By.CSS_SELECTOR, ".lead-column[data-stage='signed']")
    card = column.find_element(By.CSS_SELECTOR, ".lead-card")
    assert LEAD["firm"] in card.text and PEOPLE["investment"][1] in card.text, card.text
    assert not driver.find_elements(By.ID, "new-lead")
    assert OTHER["firm"] not in driver.find_element(By.TAG_NAME, "main").text
    driver.get(LEAD["url"])
    harness.wait_ready(driver)
    assert not driver.find_elements(By.ID, "edit-form") and not driver.find_elements(By.ID, "stage-submit")
    assert not driver.find_element(By.ID, "nav-audit").is_displayed() and not driver.find_elements(By.ID, "who-admin")
    harness.no_console_errors(driver)


def check_audit_page_shows_each_step_with_its_actor(driver, base):
    sign_in(driver, base, "admin", "/admin/audit")
    rows = harness.settled(driver, lambda d: [(row.get_attribute("data-action"), row.find_elements(By.TAG_NAME, "td")[3].text)
                                              for row in d.find_elements(By.CSS_SELECTOR, "#audit > tbody > tr")])
    for action, role in [("import.write", "analyst"), ("lead.create", "investment"), ("lead.stage", "investment"),
                         ("watch.add", "admin"), ("session.sign-in", "viewer")]:
        assert any(a == action and PEOPLE[role][0] in actor for a, actor in rows), (action, rows)
    assert not any("other-park" in actor for _, actor in rows), rows
    harness.no_console_errors(driver)
    harness.screenshot(driver, "workplace-audit.png")


def main():
    _, db = harness.built_database("brain-browser-workplace-")
    accounts.brain(db, "org", "add", "ops", "--name", "平台运营", "--kind", "platform")
    accounts.brain(db, "user", "add", OPERATOR, "--org", "ops", "--role", "admin", "--name", "运营管理员", "--password-stdin",
                   password=OPERATOR_PASSWORD)
    other = subprocess.run([harness.BRAIN, "org", "add", "other-park", "--name", "另一园区", "--db", db, "--json"],
                           check=True, capture_output=True, text=True)
    OTHER["token"] = json.loads(other.stdout)["token"]
    base, server = harness.serve(db)
    checks = [check_another_organisation_opens_a_lead, check_signed_out_nav_offers_sign_in_only, check_operator_creates_the_bureau_and_its_people,
              check_analyst_imports_privately,
              check_investment_officer_tracks_a_target_to_signed, check_admin_watches_and_is_alerted_of_the_analysts_import,
              check_viewer_reads_the_board_only, check_audit_page_shows_each_step_with_its_actor]
    harness.run_checks("browser (workplace: people at work)", checks, base, server)


if __name__ == "__main__":
    main()
