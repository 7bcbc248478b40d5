"""Browser checks of issue 15's layers: the real `brain` server on a freshly built database (with the NMPA register
that build-db writes as layer nmpa-2019), driven by headless Chromium. Uses the harness of test_web_app.py."""

import os
import sys
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_web_app as harness  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


def get_status(base, path):
    try:
        with urllib.request.urlopen(base + path) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def card(driver, element_id):
    return int(driver.find_element(By.ID, element_id).text.replace(",", ""))


def check_overview_says_its_coverage_and_counts_a_chosen_layer(driver, base):
    driver.get(base + "/")
    harness.wait_ready(driver, "data-map-ready")
    coverage = driver.find_element(By.CSS_SELECTOR, "#coverage .coverage").text
    assert "上市企业" in coverage and "家" in coverage, coverage
    listed = card(driver, "card-biomed")
    box = driver.find_element(By.CSS_SELECTOR, "#layer-choice input[value='nmpa-2019']")
    assert not box.is_selected(), "the register is counted by default"
    box.click()
    harness.leave_by(driver, driver.find_element(By.CSS_SELECTOR, "#layer-choice button[type='submit']").click, 60)
    harness.patient(driver, 60).until(lambda d: "layers=nmpa-2019" in d.current_url, f"the form did not submit: {driver.current_url}")
    harness.wait_ready(driver, "data-map-ready", seconds=60)
    assert card(driver, "card-biomed") > listed + 5000, "the register's manufacturers are not counted"
    assert "药品生产企业（NMPA 2019）" in driver.find_element(By.CSS_SELECTOR, "#coverage .coverage").text
    assert harness.series_length(driver, "map") > 0, "the map is empty"
    harness.no_console_errors(driver)
    harness.screenshot(driver, "overview-with-nmpa-layer.png")


def check_lianyungang_flags_lqs_on_few_firms(driver, base):
    driver.get(base + "/regions/320700")
    harness.wait_ready(driver)
    flags = driver.find_elements(By.CSS_SELECTOR, "#chain-map .few[data-flag='few-firms']")
    assert flags, "no chain node is flagged"
    note = driver.find_element(By.ID, "few-firms").text
    assert "创新药 LQ" in note and "家企业，数值不稳定" in note, note
    innovative = driver.find_element(By.CSS_SELECTOR, "#chain-map a[data-node='innovative-drugs']")
    assert "数值不稳定" in innovative.get_attribute("title"), innovative.get_attribute("title")
    # A node with no firms has no LQ to doubt: a sub-node never shows its parent's mark (中药饮片 0 under 中药 1).
    for node in driver.find_elements(By.CSS_SELECTOR, "#chain-map a.node"):
        count = node.find_element(By.CSS_SELECTOR, ".count").text
        assert not (count.startswith("0") and "⚠" in count), (node.get_attribute("data-node"), count)
    harness.no_console_errors(driver)
    harness.screenshot(driver, "lianyungang-chain-map.png")


def check_region_page_counts_the_chosen_layers(driver, base):
    driver.get(base + "/regions/320500")
    harness.wait_ready(driver)
    listed = card(driver, "card-firms")
    driver.get(base + "/regions/320500?layers=listed&layers=nmpa-2019")
    harness.wait_ready(driver)
    assert card(driver, "card-firms") > listed, "the register adds no 苏州 firms"
    assert "药品生产企业（NMPA 2019）" in driver.find_element(By.CSS_SELECTOR, "#coverage .coverage").text
    unknown = get_status(base, "/api/regions/320500/report?layers=" + urllib.parse.quote("listed,import:999"))
    assert unknown == 400, unknown
    harness.no_console_errors(driver)
    harness.screenshot(driver, "suzhou-listed-and-nmpa.png")


def main():
    _, db = harness.built_database("brain-browser-layers-")
    base, server = harness.serve(db)
    checks = [check_overview_says_its_coverage_and_counts_a_chosen_layer, check_lianyungang_flags_lqs_on_few_firms,
              check_region_page_counts_the_chosen_layers]
    # `python3 Tests/browser/test_layers.py NAME …` runs only the checks whose names contain a NAME.
    harness.run_checks("browser (layers)", checks, base, server)


if __name__ == "__main__":
    main()
