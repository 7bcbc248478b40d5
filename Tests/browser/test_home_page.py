#!/usr/bin/env python3
"""Browser tests: the real `brain` server on a freshly built database, driven by headless Chromium.

Run after `swift build` (scripts/test does both). Exits non-zero if any check fails.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BRAIN = os.environ.get("BRAIN_BIN", os.path.join(ROOT, ".build", "debug", "brain"))
ARTIFACTS = os.environ.get("BRAIN_ARTIFACTS", tempfile.mkdtemp(prefix="brain-screenshots-"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_health(base, process, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"brain serve exited early with {process.returncode}")
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("server did not become healthy")


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1800"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def series_length(driver, element_id):
    return driver.execute_script(
        "var chart = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
        "return chart ? chart.getOption().series[0].data.length : -1;", element_id)


def check_home_page(driver, base):
    driver.get(base + "/")
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-map-ready") == "1")
    assert driver.find_elements(By.CSS_SELECTOR, "#map canvas"), "map canvas missing"
    assert driver.find_elements(By.CSS_SELECTOR, "#nodes canvas"), "bar chart canvas missing"
    provinces = series_length(driver, "map")
    assert provinces >= 31, f"map has data for {provinces} provinces, expected >= 31"
    with urllib.request.urlopen(base + "/api/chain") as response:
        chain = json.load(response)
    bars = series_length(driver, "nodes")
    assert bars >= 30, f"bar chart has {bars} bars, expected one per chain node (>= 30)"
    assert bars == len(chain["nodes"]), f"bar chart has {bars} bars, the chain has {len(chain['nodes'])} nodes"
    # The province table is rendered server-side from the same store: 广东 or 江苏 or 浙江 lead, and the
    # ranking holds numbers, not template placeholders.
    first_row = driver.find_element(By.CSS_SELECTOR, "#province-table tbody tr").text
    assert "{{" not in driver.page_source, "unrendered mustache tag"
    assert any(name in first_row for name in ("广东", "江苏", "浙江", "上海", "北京")), first_row
    biomed = int(driver.find_element(By.ID, "card-biomed").text.replace(",", ""))
    assert biomed >= 500, f"biomedicine firm card shows {biomed}"
    severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, f"console errors: {severe}"


def check_map_tooltip_names_province(driver, base):
    # Hovering the map must identify a province by its code-backed data, proving nameProperty joins geometry and data.
    value = driver.execute_script(
        "var o = echarts.getInstanceByDom(document.getElementById('map')).getOption();"
        "var d = o.series[0].data.filter(function (x) { return x.name === '320000'; })[0];"
        "return d ? d.value : null;")
    with urllib.request.urlopen(base + "/api/regions/320000") as response:
        jiangsu = json.load(response)
    assert value is not None, "江苏 (320000) has no map value"
    assert value == jiangsu["biomedicineFirms"], f"map shows {value} for 江苏, API says {jiangsu['biomedicineFirms']}"


def check_import_page_shows_row_errors(driver, base):
    # A malformed CSV uploaded through the page: each bad row listed with its reason; markup in a cell stays text.
    path = os.path.join(tempfile.mkdtemp(prefix="brain-upload-"), "名单.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("企业名称,统一社会信用代码,注册地址\n"
                "华为技术有限公司,914403001922038216,广东省深圳市龙岗区坂田华为基地\n"
                "<b>坏代码</b>公司,914403001922038217,江苏省苏州市吴中区\n"
                "少一列公司,914403001922038216\n")
    driver.get(base + "/import")
    driver.find_element(By.ID, "file").send_keys(path)
    driver.find_element(By.ID, "check").click()
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#problems tbody tr"))
    rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#problems tbody tr")]
    assert driver.find_element(By.ID, "accepted").text == "1" and driver.find_element(By.ID, "rejected").text == "2", rows
    assert rows[0].startswith("3 ") and "check character" in rows[0], rows
    assert rows[1].startswith("4 ") and "has 2 fields" in rows[1], rows
    assert not driver.find_elements(By.CSS_SELECTOR, "#problems b"), "an uploaded value became markup"
    driver.save_screenshot(os.path.join(ARTIFACTS, "import.png"))
    severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, f"console errors: {severe}"


def main():
    if not os.path.exists(BRAIN):
        sys.exit(f"{BRAIN} not found: run `swift build` first")
    work = tempfile.mkdtemp(prefix="brain-browser-")
    db = os.path.join(work, "brain.sqlite")
    subprocess.run([BRAIN, "build-db", "--out", db, "--data", os.path.join(ROOT, "data")], check=True,
                   stdout=subprocess.DEVNULL)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([BRAIN, "serve", "--db", db, "--port", str(port)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    checks = [check_home_page, check_map_tooltip_names_province, check_import_page_shows_row_errors]
    passed, failed = 0, 0
    driver = None
    try:
        wait_for_health(base, server)
        driver = make_driver()
        for check in checks:
            try:
                check(driver, base)
                passed += 1
                print(f"ok   {check.__name__}")
            except Exception as error:  # report every check, not just the first failure
                failed += 1
                print(f"FAIL {check.__name__}: {error}")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)
    print(f"browser: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
