#!/usr/bin/env python3
"""Browser checks of accounts (issue 19 item 1): the operator, an admin person of the platform organisation made on
the CLI, signs in on /signin, creates an organisation and two people in it (an analyst and a 招商专员) on /admin, and
signs out; the analyst then signs in, sees their name and role in the header, and is refused /admin; on /account
(the header's 账户 link) the analyst makes an API token, shown once, and changes their password.

    python3 Tests/browser/test_accounts.py            every check
    python3 Tests/browser/test_accounts.py analyst    only the checks whose names contain an argument"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_web_app as harness  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

OPERATOR, OPERATOR_PASSWORD = "ops-root", "operator-secret-2026"
ANALYST, ANALYST_PASSWORD = "analyst-wang", "analyst-secret-2026"
INVESTOR = "zhaoshang-li"


def brain(db, *args, password=None):
    subprocess.run([harness.BRAIN, *args, "--db", db], cwd=harness.ROOT, check=True, capture_output=True, text=True,
                   input=None if password is None else password + "\n")


def sign_in(driver, base, login, password, next_path="/"):
    driver.delete_all_cookies()
    driver.get(base + "/signin?next=" + next_path)
    harness.wait_ready(driver)
    driver.find_element(By.ID, "login").send_keys(login)
    driver.find_element(By.ID, "password").send_keys(password)
    harness.leave_by(driver, driver.find_element(By.ID, "signin-button").click)
    harness.wait_ready(driver)
    # The header's corner asks who is signed in once the page is up.
    harness.patient(driver, 30).until(lambda d: d.find_elements(By.ID, "who-name"))


def submit(driver, form, fields, selects=None):
    for name, value in fields.items():
        form.find_element(By.NAME, name).send_keys(value)
    for name, value in (selects or {}).items():
        Select(form.find_element(By.NAME, name)).select_by_value(value)
    harness.leave_by(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]").click)
    harness.wait_ready(driver)
    errors = driver.find_elements(By.ID, "error")
    assert not errors, errors[0].text


def check_operator_creates_an_organisation_and_two_people(driver, base):
    sign_in(driver, base, OPERATOR, OPERATOR_PASSWORD, "/admin")
    assert driver.current_url.endswith("/admin"), driver.current_url
    assert driver.find_element(By.ID, "who-name").text == "运营管理员"
    assert driver.find_element(By.ID, "who-role").text == "管理员"
    submit(driver, driver.find_element(By.ID, "organisation-form"),
           {"id": "suzhou-bureau", "name": "苏州市工信局", "region": "320500"}, {"kind": "bureau"})
    assert "suzhou-bureau" in driver.find_element(By.ID, "notice").text
    section = lambda: driver.find_element(By.ID, "org-suzhou-bureau")  # noqa: E731 (the page is new after each post)
    assert "主管部门" in section().text and "320500" in section().text
    submit(driver, section().find_element(By.CSS_SELECTOR, "form.person-form"),
           {"login": ANALYST, "name": "王分析", "password": ANALYST_PASSWORD}, {"role": "analyst"})
    submit(driver, section().find_element(By.CSS_SELECTOR, "form.person-form"),
           {"login": INVESTOR, "name": "李招商", "password": "investor-secret-2026"}, {"role": "investment"})
    rows = {row.get_attribute("id"): row.text for row in section().find_elements(By.CSS_SELECTOR, "tr[id^=person-]")}
    assert "王分析" in rows["person-" + ANALYST] and "李招商" in rows["person-" + INVESTOR], rows
    harness.leave_by(driver, driver.find_element(By.ID, "who-signout").click)
    harness.wait_ready(driver)
    assert not driver.find_elements(By.ID, "who-name")
    harness.no_console_errors(driver)


def check_analyst_signs_in_and_is_kept_out_of_admin(driver, base):
    sign_in(driver, base, ANALYST, ANALYST_PASSWORD, "/match")
    assert driver.current_url.endswith("/match"), driver.current_url
    assert harness.text_of(driver, "who-name") == "王分析"
    assert harness.text_of(driver, "who-role") == "分析师"
    assert not driver.find_elements(By.ID, "who-admin")
    driver.get(base + "/admin")
    assert "管理员角色" in harness.text_of(driver, "body", By.TAG_NAME)
    harness.screenshot(driver, "accounts-analyst.png")


def check_a_wrong_password_is_refused(driver, base):
    driver.delete_all_cookies()
    driver.get(base + "/signin")
    harness.wait_ready(driver)
    driver.find_element(By.ID, "login").send_keys(ANALYST)
    driver.find_element(By.ID, "password").send_keys("not-the-password")
    harness.leave_by(driver, driver.find_element(By.ID, "signin-button").click)
    harness.wait_ready(driver)
    assert "登录名或密码不正确" in driver.find_element(By.ID, "error").text


def check_analyst_makes_a_token_and_changes_the_password(driver, base):
    driver.get_log("browser")  # the refusals the checks before this one provoked on purpose
    sign_in(driver, base, ANALYST, ANALYST_PASSWORD, "/match")
    harness.leave_by(driver, driver.find_element(By.ID, "who-account").click)
    harness.wait_ready(driver)
    assert driver.current_url.endswith("/account"), driver.current_url
    assert "王分析" in driver.find_element(By.ID, "account-who").text
    submit(driver, driver.find_element(By.ID, "token-form"), {"name": "报表同步"})
    assert "bp_" in driver.find_element(By.ID, "notice").text
    assert "报表同步" in driver.find_element(By.ID, "token-list").text and "有效" in driver.find_element(By.ID, "token-list").text
    new = ANALYST_PASSWORD + "-new"
    submit(driver, driver.find_element(By.ID, "password-form"), {"current": ANALYST_PASSWORD, "new": new, "confirm": new})
    assert "密码已修改" in driver.find_element(By.ID, "notice").text
    # This browser stays signed in (a new session); the old password no longer works.
    driver.get(base + "/account")
    harness.wait_ready(driver)
    assert driver.current_url.endswith("/account"), driver.current_url
    harness.no_console_errors(driver)
    sign_in(driver, base, ANALYST, new, "/account")
    assert driver.current_url.endswith("/account"), driver.current_url


def main():
    _, db = harness.built_database("brain-browser-accounts-")
    brain(db, "org", "add", "ops", "--name", "平台运营", "--kind", "platform")
    brain(db, "user", "add", OPERATOR, "--org", "ops", "--role", "admin", "--name", "运营管理员", "--password-stdin", password=OPERATOR_PASSWORD)
    base, server = harness.serve(db)
    checks = [check_operator_creates_an_organisation_and_two_people, check_analyst_signs_in_and_is_kept_out_of_admin,
              check_a_wrong_password_is_refused, check_analyst_makes_a_token_and_changes_the_password]
    harness.run_checks("browser (accounts)", checks, base, server)


if __name__ == "__main__":
    main()
