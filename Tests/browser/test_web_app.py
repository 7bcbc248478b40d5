#!/usr/bin/env python3
"""Browser tests: the real `brain` server on a freshly built database, driven by headless Chromium.

Run after `swift build` (scripts/test does both). Exits non-zero if any check fails.
"""
import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile

import pypdf

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BRAIN = os.environ.get("BRAIN_BIN", os.path.join(ROOT, ".build", "debug", "brain"))
ARTIFACTS = os.environ.get("BRAIN_ARTIFACTS", tempfile.mkdtemp(prefix="brain-screenshots-"))
os.makedirs(ARTIFACTS, exist_ok=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def built_database(prefix):
    """A fresh database built from the bundled data in a new temporary folder: (folder, database path)."""
    if not os.path.exists(BRAIN):
        sys.exit(f"{BRAIN} not found: run `swift build` first")
    work = tempfile.mkdtemp(prefix=prefix)
    db = os.path.join(work, "brain.sqlite")
    subprocess.run([BRAIN, "build-db", "--out", db, "--data", os.path.join(ROOT, "data")], check=True,
                   stdout=subprocess.DEVNULL)
    return work, db


def serve(db, *extra):
    """`brain serve` on db at a free port (extra: more of its options): (base URL, process); run_checks waits for its
    health and stops it."""
    port = free_port()
    server = subprocess.Popen([BRAIN, "serve", "--db", db, "--port", str(port), *extra], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    return f"http://127.0.0.1:{port}", server


def wait_for_health(base, process, seconds=300, warm=True):
    """Until /health answers 200. warm: also until the start's analytics warm-up has ended (`/health?warm=1`), so the
    checks see whole pages, never the placeholders served while warming (issue 14; a debug build warms for a while)."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"brain serve exited early with {process.returncode}")
        try:
            with urllib.request.urlopen(base + ("/health?warm=1" if warm else "/health"), timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:  # 503 (HTTPError) while loading or warming, or not listening yet
            pass
        time.sleep(0.3)
    raise RuntimeError("server did not become healthy" + (" and warm" if warm else ""))


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1800"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def run_checks(title, checks, base, server):
    """Runs the checks (only those whose names contain an argument, when given) on one headless Chromium against the
    started server, reports every check rather than the first failure, stops the server and exits non-zero on any."""
    if len(sys.argv) > 1:
        checks = [check for check in checks if any(name in check.__name__ for name in sys.argv[1:])]
    passed, failed, driver = 0, 0, None
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
    print(f"{title}: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def series_length(driver, element_id):
    return driver.execute_script(
        "var chart = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
        "return chart ? chart.getOption().series[0].data.length : -1;", element_id)



def patient(driver, seconds=30):
    # A wait that reads again when Chromium answers a read with an error: an element found in a document that a
    # navigation or a fill replaced before it was read gives "does not belong to the document", which is no staleness.
    return WebDriverWait(driver, seconds, ignored_exceptions=(WebDriverException,))


def wait_ready(driver, attribute="data-ready", value="1", seconds=30):
    # Asked of whichever document is current: an element reference taken just before a navigation commits belongs to
    # the old document and cannot be read once the new one is up.
    patient(driver, seconds).until(lambda d: d.execute_script(
        "return document.readyState !== 'loading' && !!document.body && document.body.getAttribute(arguments[0])",
        attribute) == value)


def leave_by(driver, action, seconds=30):
    # Runs `action` (a click that navigates) and waits for the next document: a mark left on the old window is gone
    # only once a new document has replaced it (staleness or the address can show earlier, while the old one is up).
    driver.execute_script("window.__brainLeaving = true;")
    action()
    patient(driver, seconds).until(
        lambda d: d.execute_script("return !window.__brainLeaving && document.readyState !== 'loading';"))


def settled(driver, read, seconds=30):
    # `read(driver)` again if the page replaced what it was reading (a navigation or a fill) while it read.
    return patient(driver, seconds).until(lambda d: (read(d),))[0]


def text_of(driver, key, by=By.ID, seconds=30):
    # An element's text, read again if the page replaced the element between finding and reading it.
    return patient(driver, seconds).until(
        lambda d: d.find_element(by, key).text)


def no_console_errors(driver):
    severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, f"console errors: {severe}"


def get_json(base, path):
    with urllib.request.urlopen(base + path) as response:
        return json.load(response)


def emulate(driver, width, height, mobile=False):
    # Device metrics rather than the window: desktop Chromium will not make a window as narrow as a phone.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def screenshot(driver, name, width=1280):
    # Full-page screenshots: the viewport grows to the page's height for the capture.
    emulate(driver, width, 1000, mobile=width < 500)
    time.sleep(0.5)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    emulate(driver, width, min(height + 40, 8000), mobile=width < 500)
    time.sleep(0.5)
    driver.save_screenshot(os.path.join(ARTIFACTS, name))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def fits_width(driver, width):
    # A phone widens its layout viewport to fit overflowing content, so the page's width shows any overflow.
    emulate(driver, width, 844, mobile=True)
    time.sleep(0.5)
    overflow = driver.execute_script("return document.documentElement.scrollWidth")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert overflow <= width, f"page is {overflow}px wide on a {width}px screen"


def check_overview_map_and_ranking(driver, base):
    driver.get(base + "/")
    wait_ready(driver, "data-map-ready")
    assert driver.find_elements(By.CSS_SELECTOR, "#map canvas"), "map canvas missing"
    provinces = series_length(driver, "map")
    assert provinces >= 31, f"map has data for {provinces} provinces, expected >= 31"
    chain = get_json(base, "/api/chain")
    bars = series_length(driver, "nodes-chart")
    assert bars == len(chain["nodes"]), f"bar chart has {bars} bars, the chain has {len(chain['nodes'])} nodes"
    assert "{{" not in driver.page_source, "unrendered mustache tag"
    top = [row.find_elements(By.TAG_NAME, "td")[1].text for row in driver.find_elements(By.CSS_SELECTOR, "#ranking tbody tr")[:5]]
    assert "江苏省" in top, f"江苏省 is not among the top provinces: {top}"
    value = driver.execute_script(
        "var o = echarts.getInstanceByDom(document.getElementById('map')).getOption();"
        "var d = o.series[0].data.filter(function (x) { return x.name === '320000'; })[0]; return d ? d.value : null;")
    assert value == get_json(base, "/api/regions/320000")["biomedicineFirms"], f"map shows {value} for 江苏"
    no_console_errors(driver)
    screenshot(driver, "overview.png")
    fits_width(driver, 390)
    screenshot(driver, "overview-390.png", 390)


def check_click_jiangsu_drills_to_cities(driver, base):
    driver.get(base + "/")
    wait_ready(driver, "data-map-ready")
    element = driver.find_element(By.ID, "map")
    # A real mouse click at 江苏's interior (南京–扬州, 119.4°E 32.6°N) as the chart projects it.
    x, y = driver.execute_script(
        "return echarts.getInstanceByDom(arguments[0]).convertToPixel({seriesIndex: 0}, [119.4, 32.6]);", element)
    ActionChains(driver).move_to_element_with_offset(element, x - element.size["width"] / 2,
                                                     y - element.size["height"] / 2).click().perform()
    wait_ready(driver, "data-map-code", "320000")
    patient(driver, 10).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-map-ready") == "1")
    names = [row.find_elements(By.TAG_NAME, "td")[1].text for row in driver.find_elements(By.CSS_SELECTOR, "#ranking tbody tr")]
    assert "苏州市" in names and "南京市" in names and len(names) == 13, f"江苏's cities: {names}"
    assert series_length(driver, "map") == 13, "the map does not draw 江苏's 13 cities"
    assert "江苏省" in driver.find_element(By.ID, "crumbs").text
    # Down to 苏州市's districts with the table's drill button, then back up with the breadcrumb.
    driver.find_element(By.CSS_SELECTOR, "button.drill[data-code='320500']").click()
    wait_ready(driver, "data-map-code", "320500")
    names = [row.find_elements(By.TAG_NAME, "td")[1].text for row in driver.find_elements(By.CSS_SELECTOR, "#ranking tbody tr")]
    assert "昆山市" in names, names
    driver.find_element(By.CSS_SELECTOR, "#crumbs a[data-code='000000']").click()
    wait_ready(driver, "data-map-code", "000000")
    assert series_length(driver, "map") >= 31
    no_console_errors(driver)


def check_region_page(driver, base):
    driver.get(base + "/regions/320500")
    wait_ready(driver)
    assert driver.find_element(By.ID, "region-name").text.startswith("苏州市")
    report = get_json(base, "/api/regions/320500/report")
    chain = get_json(base, "/api/chain")
    nodes = driver.find_elements(By.CSS_SELECTOR, "#chain-map .node")
    assert len(nodes) == len(chain["nodes"]), f"chain map shows {len(nodes)} nodes of {len(chain['nodes'])}"
    classes = {n.get_attribute("class").split("status-")[1] for n in nodes}
    assert classes <= {"strong", "weak", "missing-related", "missing"} and len(classes) >= 2, classes
    fill = driver.find_elements(By.CSS_SELECTOR, "#fill-list li")
    assert report["gaps"]["fill"], "苏州市 has no 补链 item in the API"
    assert fill and fill[0].find_element(By.CSS_SELECTOR, ".reason").text.strip(), "补链 item without a reason"
    assert fill[0].find_element(By.TAG_NAME, "a").text == report["gaps"]["fill"][0]["node"]["nameZh"]
    points = driver.execute_script(
        "return echarts.getInstanceByDom(document.getElementById('opportunity-chart')).getOption().series[0].data.length;")
    assert points >= 5, f"opportunity chart has {points} points"
    assert driver.find_elements(By.CSS_SELECTOR, "#opportunities tbody tr"), "no opportunities listed"
    assert len(driver.find_elements(By.CSS_SELECTOR, "#cluster tbody tr")) >= 4
    targets = driver.find_elements(By.CSS_SELECTOR, "#targets tbody tr")
    assert len(targets) == 20 and "相关密度" in targets[0].text, "招商 targets without reasons"
    assert len(driver.find_elements(By.CSS_SELECTOR, "#services tbody tr")) == 6, "not every service listed"
    assert "高校" in driver.find_element(By.ID, "talent").text
    xlsx_targets = report["targets"]["targets"][0]["firm"]["name"]
    assert xlsx_targets in targets[0].text
    assert driver.find_elements(By.CSS_SELECTOR, "#index-table tbody tr"), "no innovation index rows"
    # A chain node opens its firms in this region.
    link = driver.find_element(By.CSS_SELECTOR, "#chain-map .node[data-node='chemical-drugs']").get_attribute("href")
    assert link.endswith("/chain/chemical-drugs?region=320500"), link
    no_console_errors(driver)
    screenshot(driver, "region.png")
    fits_width(driver, 390)
    screenshot(driver, "region-390.png", 390)


def target_rows(driver):
    # Read in one script call: the list is redrawn in place, so elements found one by one can go stale in between.
    return [tuple(row) for row in driver.execute_script(
        "return Array.from(document.querySelectorAll('#targets-rows tr')).map(function (tr) {"
        " var a = tr.querySelector('td:nth-child(2) a'), place = tr.querySelector('td:nth-child(3)'), rank = tr.querySelector('td');"
        " return [tr.getAttribute('data-node'), a ? a.textContent : '', place ? place.textContent : '', rank ? rank.textContent : '']; });")]


def targets_settled(driver):
    """The 招商 list is not being reloaded (no request of the strategy control in flight)."""
    return driver.execute_script("return !document.getElementById('targets').hasAttribute('aria-busy');")


def wait_for_strategy(driver, strategy):
    patient(driver, 30).until(
        lambda d: d.find_element(By.ID, "targets").get_attribute("data-strategy") == strategy and targets_settled(d))


def check_target_strategy_control(driver, base):
    # 连云港: the 招商 list spans several nodes, and the strategy, custom weights, same-province choice and paging
    # redraw it in place (the address keeps the choice, so a reload shows the same list).
    driver.get(base + "/regions/320700")
    wait_ready(driver)
    before = target_rows(driver)
    assert len(before) == 20 and len({row[0] for row in before}) >= 4, before
    presets = driver.find_elements(By.CSS_SELECTOR, "#targets-presets li")
    assert len(presets) == 5 and "相关密度" in presets[0].text, [p.text for p in presets]
    driver.find_element(By.CSS_SELECTOR, "#targets-form input[name=strategy][value=complexity]").click()
    wait_for_strategy(driver, "complexity")
    after = target_rows(driver)
    assert len(after) == 20 and after != before, "the 高附加值 strategy did not change the list"
    assert driver.find_element(By.CSS_SELECTOR, "#targets-form input[name=pci]").get_attribute("value") == "0.5"
    assert "strategy=complexity" in driver.current_url and "strategy=complexity" in driver.find_element(By.ID, "targets-xlsx").get_attribute("href")
    weight = driver.find_element(By.CSS_SELECTOR, "#targets-form input[name=strong]")
    weight.clear()
    weight.send_keys("1")
    weight.send_keys("\t")
    wait_for_strategy(driver, "custom")
    assert driver.find_element(By.CSS_SELECTOR, "#targets-form input[name=strategy][value=custom]").is_selected()
    driver.find_element(By.CSS_SELECTOR, "#targets-form select[name=sameProvince] option[value=exclude]").click()
    patient(driver, 30).until(lambda d: "sameProvince=exclude" in d.current_url and targets_settled(d))
    places = [row[2] for row in target_rows(driver)]
    assert places and not any(place.startswith("江苏省") for place in places), places
    driver.find_element(By.ID, "targets-next").click()
    patient(driver, 30).until(lambda d: targets_settled(d) and (target_rows(d) or [("", "", "", "")])[0][3] == "21")
    assert "第 2 /" in driver.find_element(By.ID, "targets-page").text
    no_console_errors(driver)
    # The 招商 section alone, for the README: strategy presets with their weights, the custom mix, the list.
    emulate(driver, 1280, 2400)
    driver.find_element(By.ID, "targets").screenshot(os.path.join(ARTIFACTS, "region-targets.png"))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def check_targets_review(driver, base):
    # Issue 18's review: ST firms only when asked for, and flagged; 延链 lists only 延链 nodes; the opportunity chart
    # marks the nodes of the chosen strategy's list; 补链 shows five and keeps the rest behind 展开.
    driver.get(base + "/regions/320700")
    wait_ready(driver)
    assert not any("ST" in row[1] for row in target_rows(driver)), "an ST firm in the default list"
    driver.find_element(By.CSS_SELECTOR, "#targets-form select[name=riskWarned] option[value=include]").click()
    patient(driver, 30).until(lambda d: "riskWarned=include" in d.current_url and targets_settled(d))
    tags = driver.execute_script("return Array.from(document.querySelectorAll('#targets-rows .tag.risk')).map(function (t) { return t.textContent; });")
    assert tags and all(t == "风险警示" for t in tags), tags
    driver.get(base + "/regions/320500")
    wait_ready(driver)
    assert len(driver.find_elements(By.CSS_SELECTOR, "#fill-list > ul.reasons > li")) <= 5
    # 高附加值 courts firms on absent, complex nodes (抗体, 培养基…), which are the chart's points: exactly those are marked.
    driver.find_element(By.CSS_SELECTOR, "#targets-form input[name=strategy][value=complexity]").click()
    wait_for_strategy(driver, "complexity")
    marked = set(driver.execute_script(
        "var o = echarts.getInstanceByDom(document.getElementById('opportunity-chart')).getOption(), points = brain.data().opportunities.opportunities"
        ".filter(function (x) { return x.pci !== null && x.pci !== undefined; });"
        " return o.series[0].data.map(function (d, i) { return d.itemStyle && d.itemStyle.color === '#f6903d' ? points[i].node.id : null; }).filter(Boolean);"))
    points = set(driver.execute_script("return brain.data().opportunities.opportunities.map(function (x) { return x.node.id; });"))
    listed = {row[0] for row in target_rows(driver)}
    assert marked and marked == listed & points, f"the chart marks {marked}; the 高附加值 list's nodes on the chart are {listed & points}"
    driver.find_element(By.CSS_SELECTOR, "#targets-form input[name=strategy][value=extend]").click()
    wait_for_strategy(driver, "extend")
    roles = driver.execute_script("return Array.from(document.querySelectorAll('#targets-rows tr')).map(function (tr) {"
                                  " var r = tr.querySelector('.tag[class*=role-]'); return r ? r.className : tr.textContent.slice(0, 12); });")
    assert roles and all("role-extend" in r or "暂无候选" in r for r in roles), roles
    no_console_errors(driver)


def check_region_exports(driver, base):
    with urllib.request.urlopen(base + "/regions/320500/export.xlsx") as response:
        assert response.headers["Content-Type"].startswith("application/vnd.openxmlformats"), response.headers["Content-Type"]
        workbook = zipfile.ZipFile(io.BytesIO(response.read()))
    sheets = workbook.read("xl/workbook.xml").decode()
    for name in ("概况", "产业链", "补链强链延链", "发展机会", "龙头企业"):
        assert name in sheets, f"sheet {name} missing"
    strings = workbook.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in workbook.namelist() else \
        "".join(workbook.read(n).decode() for n in workbook.namelist() if n.startswith("xl/worksheets/"))
    assert "苏州市" in strings and "补链" in strings and "相关密度" in strings, "XLSX lacks the region or its 补链 list"
    started = time.time()
    with urllib.request.urlopen(base + "/regions/320500/report.pdf", timeout=120) as response:
        pdf = response.read()
    assert pdf.startswith(b"%PDF"), pdf[:20]
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() or "" for page in reader.pages)
    assert "苏州市" in text and "补链" in text, f"PDF text lacks the region: {text[:200]!r}"
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, f"PDF page is {width:.0f}×{height:.0f} pt, not A4 (595×842)"
    with open(os.path.join(ARTIFACTS, "region-320500.pdf"), "wb") as f:
        f.write(pdf)
    print(f"     PDF: {len(reader.pages)} pages, {len(pdf)} bytes in {time.time() - started:.1f} s")


def check_enterprise_portrait(driver, base):
    driver.get(base + "/enterprises/600276.SH")
    wait_ready(driver)
    assert driver.find_element(By.ID, "firm-name").text.startswith("恒瑞医药")
    assert driver.find_element(By.ID, "card-city").text == "连云港市"
    location = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#facts tbody tr") if "所在地" in row.text]
    assert location and "连云港市" in location[0] and "tushare" in location[0], f"location fact with its source: {location}"
    indicators = driver.execute_script(
        "return echarts.getInstanceByDom(document.getElementById('radar')).getOption().radar[0].indicator.length;")
    assert indicators == 5, f"radar has {indicators} dimensions"
    assert driver.find_elements(By.CSS_SELECTOR, "#nodes tbody tr td.reason"), "chain nodes without evidence"
    assert driver.find_elements(By.CSS_SELECTOR, "#products tbody tr a"), "no products"
    assert driver.find_elements(By.CSS_SELECTOR, "#same-node li a"), "no related firms"
    policies = driver.find_element(By.ID, "policies").text
    assert "龙头企业招引" in policies and "符合" in policies, policies[:300]
    assert "2000-10-18" in driver.find_element(By.ID, "timeline").text, "listing date missing from the timeline"
    no_console_errors(driver)
    screenshot(driver, "enterprise.png")


def check_chain_explorer(driver, base):
    driver.get(base + "/chain")
    wait_ready(driver)
    chain = get_json(base, "/api/chain")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#chain-map .node")) == len(chain["nodes"])
    leave_by(driver, driver.find_element(By.CSS_SELECTOR, "#chain-map .node[data-node='api']").click)
    wait_ready(driver)
    expected = next(n["firms"] for n in chain["nodes"] if n["id"] == "api")
    assert driver.find_element(By.ID, "firm-count").text == str(expected), "node page firm count differs from /api/chain"
    assert series_length(driver, "node-map") >= 10, "node map shows few provinces"
    before = driver.execute_script("return Object.keys(window.brainGraphState.nodes).length;")
    assert before >= 3, f"product graph has {before} products"
    neighbour = driver.execute_script(
        "var s = window.brainGraphState, c = document.getElementById('graph').getAttribute('data-product');"
        "return Object.keys(s.nodes).filter(function (n) { var p = s.nodes[n]; return n !== c && p.moreUpstream + p.moreDownstream > 0; })[0];")
    assert neighbour, "no expandable product"
    driver.execute_script("window.brainGraphState.expand(arguments[0]);", neighbour)
    patient(driver, 10).until(lambda d: d.execute_script("return Object.keys(window.brainGraphState.nodes).length;") > before)
    no_console_errors(driver)
    screenshot(driver, "chain-node.png")


def check_parks(driver, base):
    driver.get(base + "/parks")
    wait_ready(driver)
    rows = driver.find_elements(By.CSS_SELECTOR, "#parks tbody tr")
    assert len(rows) == len(get_json(base, "/api/parks")) >= 20
    leave_by(driver, driver.find_element(By.LINK_TEXT, "苏州生物医药产业园(BioBAY)").click)
    wait_ready(driver)
    assert driver.find_element(By.ID, "park-facts").text.strip(), "park without facts"
    assert driver.find_elements(By.CSS_SELECTOR, "#park-firms a.tag"), "no firms listed for BioBAY's city"
    no_console_errors(driver)
    screenshot(driver, "park.png")


def check_search_as_you_type(driver, base):
    driver.get(base + "/")
    box = driver.find_element(By.ID, "q")
    box.send_keys("恒瑞")
    patient(driver, 10).until(lambda d: "恒瑞医药" in d.find_element(By.ID, "suggest").text)
    kinds = driver.find_element(By.ID, "suggest").text
    assert "企业" in kinds, kinds
    leave_by(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "恒瑞医药").click)
    patient(driver, 10).until(lambda d: "/enterprises/600276.SH" in d.current_url)
    driver.get(base + "/search")
    box = driver.find_element(By.ID, "search-q")
    box.send_keys("苏州")
    wait_ready(driver, "data-results", "苏州")
    regions = driver.find_element(By.CSS_SELECTOR, "#results [data-kind='region']").text
    assert "苏州市" in regions, regions
    no_console_errors(driver)


def search_firms(driver):
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#results [data-kind='enterprise'] a.node")]


def check_search_pages(driver, base):
    # /search?q=药 finds more firms than a page holds: the pager's next link opens page 2 with other firms, and keeps the query.
    driver.get(base + "/search?q=" + urllib.parse.quote("药"))
    wait_ready(driver)
    first = search_firms(driver)
    assert len(first) == 20, f"page 1 shows {len(first)} firms"
    pager = driver.find_element(By.CSS_SELECTOR, "#search-pager .pager")
    assert pager.get_attribute("data-page") == "1" and int(pager.get_attribute("data-pages")) >= 2
    assert "第 1 / " in pager.get_attribute("textContent"), pager.get_attribute("textContent")
    leave_by(driver, pager.find_element(By.CSS_SELECTOR, "a[rel='next']").click)
    patient(driver, 10).until(lambda d: "page=2" in d.current_url)
    wait_ready(driver)
    assert "q=" + urllib.parse.quote("药") in driver.current_url, driver.current_url
    second = search_firms(driver)
    assert second and not set(first) & set(second), "page 2 repeats page 1's firms"
    assert driver.find_element(By.CSS_SELECTOR, "#search-pager a[rel='prev']"), "no previous link on page 2"
    no_console_errors(driver)


def check_untrusted_names_stay_text(driver, base):
    # An imported firm whose name holds markup: the search page, the suggestion box and its portrait show it as text.
    driver.get(base + "/search?q=" + urllib.parse.quote("恶意"))
    wait_ready(driver)
    assert "<b>恶意</b>" in driver.find_element(By.ID, "results").text, "the imported name is not shown as text"
    assert not driver.find_elements(By.CSS_SELECTOR, "#results b"), "an imported name became markup"
    box = driver.find_element(By.ID, "q")
    box.send_keys("恶意")
    patient(driver, 10).until(lambda d: "恶意" in d.find_element(By.ID, "suggest").text)
    assert not driver.find_elements(By.CSS_SELECTOR, "#suggest b"), "a suggestion became markup"
    leave_by(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "恶意").click)
    wait_ready(driver)
    assert "<b>恶意</b>" in driver.find_element(By.ID, "firm-name").text
    assert not driver.find_elements(By.CSS_SELECTOR, "#firm-name b")
    no_console_errors(driver)


def check_language_switch(driver, base):
    driver.get(base + "/regions/320500")
    wait_ready(driver)
    heading = driver.find_element(By.CSS_SELECTOR, "#chain-map-section h2")
    assert heading.text == "产业链图谱", heading.text
    leave_by(driver, driver.find_element(By.ID, "lang-toggle").click)
    wait_ready(driver)
    assert driver.find_element(By.CSS_SELECTOR, "#chain-map-section h2").text == "Chain map"
    leave_by(driver, driver.find_element(By.ID, "lang-toggle").click)
    wait_ready(driver)
    assert driver.find_element(By.CSS_SELECTOR, "#chain-map-section h2").text == "产业链图谱"


def check_project_landing_form(driver, base):
    driver.get(base + "/parks")
    wait_ready(driver)
    leave_by(driver, driver.find_element(By.ID, "landing-link").click)
    wait_ready(driver)
    driver.execute_script("Array.prototype.forEach.call(document.querySelectorAll('#nodes option'), function (o) {"
                          " o.selected = o.value === 'antibodies' || o.value === 'biologics'; });")
    driver.execute_script("document.getElementById('stage').value = 'manufacturing';")
    driver.find_element(By.ID, "origin").send_keys("310115")
    driver.find_element(By.ID, "area").send_keys("上海")     # by name; the default mode is a stated bonus
    driver.find_element(By.ID, "mu").send_keys("120")
    driver.find_element(By.ID, "gmp").click()
    leave_by(driver, driver.find_element(By.ID, "recommend").click)
    assert "nodes=" in driver.current_url, driver.current_url  # the new document's address carries the chosen nodes
    wait_ready(driver)
    rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#results tbody tr")]
    assert rows and any(name in rows[0] for name in ("北上海", "东方美谷", "金海岸")), rows[:3]
    assert "距来源地" in rows[0] and "nodes=" in driver.current_url
    assert "位于首选区域上海市：得分加 0.30" in rows[0] and "用地：项目需 120 亩" in rows[0] and "GMP" in rows[0], rows[0]
    no_console_errors(driver)
    screenshot(driver, "park-landing.png")


MARKET = {}


def sign_in(driver, base, page):
    # Importing and posting need an organisation's sign-in (issue 14): the page offers the token form and comes back.
    driver.get(base + page)
    if driver.find_elements(By.ID, "signed-in"):
        return
    driver.find_element(By.ID, "token").send_keys(MARKET["token"])
    leave_by(driver, driver.find_element(By.ID, "signin-button").click)
    patient(driver, 30).until(lambda d: d.find_elements(By.ID, "signed-in") and d.current_url.endswith(page))


def check_match_page_posts_and_shares(driver, base):
    driver.get(base + "/match")
    wait_ready(driver)
    assert get_json(base, "/api/demands") == []
    if driver.find_elements(By.ID, "signout"):
        # Signed in by an import check: sign out (the session ends), then in again through this page's form.
        leave_by(driver, driver.find_element(By.ID, "signout").click)
        patient(driver, 30).until(lambda d: d.find_elements(By.ID, "token"))
    sign_in(driver, base, "/match")
    assert "苏州市工信局" in driver.find_element(By.ID, "signed-in").text
    driver.find_element(By.ID, "title").send_keys("抗体中试与GMP生产")
    driver.execute_script("document.getElementById('node').value = 'cdmo';")
    driver.find_element(By.ID, "region").send_keys("苏州市")
    driver.find_element(By.ID, "budget").send_keys("500")
    leave_by(driver, driver.find_element(By.ID, "post-demand").click)
    patient(driver, 30).until(lambda d: "/match/demands/" in d.current_url)
    wait_ready(driver)
    assert driver.find_element(By.ID, "demand-title").text == "抗体中试与GMP生产"
    rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "tr.match")]
    # Evidence-based placement leaves only firms whose evidence says CDMO (药明康德, 九洲, 凯莱英, 博腾); the page shows the
    # best of them.
    # CDMO providers first; 药明康德 (same province) among the first three.
    assert len(rows) >= 2 and "CMO/CDMO" in rows[0] and any("药明康德" in row for row in rows[:3]), rows[:3]
    screenshot(driver, "match-demand.png")
    driver.get(base + "/match")
    wait_ready(driver)
    row = driver.find_element(By.CSS_SELECTOR, "tr.demand")
    assert "仅本机构" in row.text and get_json(base, "/api/demands") == []
    leave_by(driver, row.find_element(By.CSS_SELECTOR, "button.share").click)
    patient(driver, 30).until(
        lambda d: "已分享" in d.find_element(By.CSS_SELECTOR, "tr.demand .visibility").text)
    assert [d["body"]["demand"]["title"] for d in get_json(base, "/api/demands")] == ["抗体中试与GMP生产"]
    # Talents through the import page, signed in (made-up people for the test only: the default data holds none).
    path = os.path.join(tempfile.mkdtemp(prefix="brain-upload-"), "人才.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("姓名,单位,产业链环节,地区,学历,人才称号,h指数,专利数,产业经验\n"
                "测试甲,示例大学,抗体药物,苏州市,博士,国家杰青,40,12,8\n"
                "测试乙,示例大学,抗体药物,上海市,硕士,,8,,2\n")
    driver.get(base + "/import")
    wait_ready(driver)
    driver.execute_script("document.getElementById('kind').value = 'talents';")
    driver.find_element(By.ID, "file").send_keys(path)
    driver.find_element(By.ID, "write").click()
    wait_ready(driver, "data-import-done", "write")
    assert driver.find_element(By.ID, "created").text == "2", driver.find_element(By.ID, "outcome").text
    driver.get(base + "/match")
    wait_ready(driver)
    talents = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "tr.talent")]
    assert len(talents) == 2 and "测试甲" in talents[0] and "国家级领军人才" in talents[0], talents
    driver.execute_script("document.getElementById('need').value = 'talent'; document.getElementById('node').value = 'antibodies';"
                          "document.getElementById('degree').value = '博士';")
    driver.find_element(By.ID, "title").send_keys("双抗研发负责人")
    driver.find_element(By.ID, "region").send_keys("苏州市")
    leave_by(driver, driver.find_element(By.ID, "post-demand").click)
    patient(driver, 30).until(lambda d: "/match/demands/" in d.current_url)
    wait_ready(driver)
    rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "tr.match")]
    assert len(rows) == 2 and "测试甲" in rows[0] and "领军人才评分" in rows[0] and "低于要求" in rows[1], rows
    no_console_errors(driver)
    screenshot(driver, "match-talent.png")
    driver.get(base + "/match")
    wait_ready(driver)
    screenshot(driver, "match.png")


def check_policies_page(driver, base):
    driver.get(base + "/policies")
    wait_ready(driver)
    rows = driver.find_elements(By.CSS_SELECTOR, "#policies tbody tr")
    assert len(rows) == len(get_json(base, "/api/policies")) == 6
    hq = [row for row in rows if "龙头企业招引" in row.text]
    assert hq and int(hq[0].find_elements(By.CSS_SELECTOR, "td.num")[1].text) > 400, "龙头企业招引 lists few eligible firms"
    assert any("人才" in row.text for row in rows), "talent clauses do not say they need talents"
    no_console_errors(driver)


def check_not_found_pages(driver, base):
    for path in ("/regions/999999", "/enterprises/nope", "/chain/nope", "/parks/nope"):
        try:
            urllib.request.urlopen(base + path)
            raise AssertionError(f"{path} answered 200")
        except urllib.error.HTTPError as error:
            assert error.code == 404, f"{path}: {error.code}"
            assert "未找到" in error.read().decode()


def check_import_page_writes_and_queues_review(driver, base):
    # Written through the page: a new firm is created and searchable at once, a same-name firm without a code waits
    # for review, and the same file again changes nothing.
    path = os.path.join(tempfile.mkdtemp(prefix="brain-upload-"), "新企业.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("企业名称,注册地址,所属行业\n"
                "苏州测试细胞治疗有限公司,江苏省苏州市工业园区星湖街218号,2761\n"
                "江苏恒瑞医药股份有限公司,江苏省连云港市经济技术开发区黄河路38号,2720\n")
    sign_in(driver, base, "/import")
    driver.find_element(By.ID, "file").send_keys(path)
    driver.find_element(By.ID, "write").click()
    wait_ready(driver, "data-import-done", "write")
    assert driver.find_element(By.ID, "created").text == "1", driver.find_element(By.ID, "outcome").text
    assert driver.find_element(By.ID, "to-review").text == "1"
    queue = driver.find_element(By.ID, "review-queue").text
    assert "江苏恒瑞医药股份有限公司" in queue, queue
    # The import is the signed-in organisation's own: found at once in its session, by nobody signed out.
    search = "/api/search?q=" + urllib.parse.quote("测试细胞")
    own = json.loads(driver.execute_script(
        "var x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send(); return x.responseText;", search))["hits"]
    assert any(hit["kind"] == "enterprise" and hit["label"] == "苏州测试细胞治疗有限公司" for hit in own), own
    outside = get_json(base, search)["hits"]
    assert not any(hit["label"] == "苏州测试细胞治疗有限公司" for hit in outside), outside
    driver.find_element(By.ID, "write").click()
    patient(driver, 30).until(lambda d: "已导入过" in d.find_element(By.ID, "import-id").text)
    no_console_errors(driver)
    screenshot(driver, "import-written.png")


def report_server_times(driver, base):
    # Measured, not asserted: server time per page (a second request, after the first computed its analyses).
    for path in ("/", "/regions/320500", "/regions/320000", "/enterprises/600276.SH", "/chain", "/chain/api", "/parks",
                 "/parks/suzhou-biobay", "/search?q=" + urllib.parse.quote("医药"), "/import"):
        urllib.request.urlopen(base + path).read()
        started = time.time()
        urllib.request.urlopen(base + path).read()
        print(f"     {(time.time() - started) * 1000:7.1f} ms  {urllib.parse.unquote(path)}")
    # And in the browser: from navigation until every chart on the page has drawn.
    for path in ("/regions/320500", "/enterprises/600276.SH", "/chain/api", "/parks/suzhou-biobay"):
        driver.get(base + path)
        wait_ready(driver)
        print(f"     {driver.find_element(By.TAG_NAME, 'body').get_attribute('data-ready-ms'):>7} ms  charts drawn on {path}")


def check_import_page_shows_row_errors(driver, base):
    # A malformed CSV uploaded through the page: each bad row listed with its reason; markup in a cell stays text.
    path = os.path.join(tempfile.mkdtemp(prefix="brain-upload-"), "名单.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("企业名称,统一社会信用代码,注册地址\n"
                "华为技术有限公司,914403001922038216,广东省深圳市龙岗区坂田华为基地\n"
                "<b>坏代码</b>公司,914403001922038217,江苏省苏州市吴中区\n"
                "少一列公司,914403001922038216\n")
    driver.get(base + "/import")
    assert driver.find_elements(By.ID, "signed-out") and not driver.find_elements(By.ID, "upload"), "the import page works signed out"
    sign_in(driver, base, "/import")
    driver.find_element(By.ID, "file").send_keys(path)
    driver.find_element(By.ID, "check").click()
    patient(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#problems tbody tr"))
    rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#problems tbody tr")]
    assert driver.find_element(By.ID, "accepted").text == "1" and driver.find_element(By.ID, "rejected").text == "2", rows
    assert rows[0].startswith("3 ") and "校验码" in rows[0], rows
    assert rows[1].startswith("4 ") and "本行有 2 列" in rows[1], rows
    assert not driver.find_elements(By.CSS_SELECTOR, "#problems b"), "an uploaded value became markup"
    driver.save_screenshot(os.path.join(ARTIFACTS, "import.png"))
    severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, f"console errors: {severe}"


def main():
    work, db = built_database("brain-browser-")
    hostile = os.path.join(work, "hostile.csv")
    with open(hostile, "w", encoding="utf-8") as f:
        f.write("企业名称,注册地址,所属行业\n<b>恶意</b>生物医药有限公司,江苏省苏州市工业园区星湖街218号,2761\n")
    subprocess.run([BRAIN, "import", hostile, "--db", db, "--data", os.path.join(ROOT, "data")], check=True,
                   stdout=subprocess.DEVNULL)
    organisation = subprocess.run([BRAIN, "org", "add", "web-bureau", "--name", "苏州市工信局", "--db", db, "--json"], check=True,
                                  capture_output=True, text=True)
    MARKET["token"] = json.loads(organisation.stdout)["token"]
    base, server = serve(db)
    print(f"screenshots and the PDF go to {ARTIFACTS}")
    checks = [check_overview_map_and_ranking, check_click_jiangsu_drills_to_cities, check_region_page, check_target_strategy_control,
              check_targets_review, check_region_exports,
              check_enterprise_portrait, check_chain_explorer, check_parks, check_search_as_you_type, check_search_pages,
              check_untrusted_names_stay_text, check_language_switch, check_import_page_shows_row_errors,
              check_import_page_writes_and_queues_review,
              check_policies_page, check_project_landing_form, check_match_page_posts_and_shares, check_not_found_pages,
              report_server_times]
    # `python3 Tests/browser/test_web_app.py NAME …` runs only the checks whose names contain a NAME.
    run_checks("browser", checks, base, server)


if __name__ == "__main__":
    main()
