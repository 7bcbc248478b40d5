#!/usr/bin/env python3
"""Browser checks of issue 15 item 2: listed firms located to districts show on the district map, district pages, a park
and 连云港's chain map — real firms visible and no console errors. Run after `swift build` (scripts/test does both).

Screenshots go to $BRAIN_ARTIFACTS (default: a temporary folder). Exits non-zero if any check fails.
`python3 Tests/browser/test_district.py NAME …` runs only the checks whose names contain a NAME.
"""
import os
import re
import sys

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_web_app import (ARTIFACTS, wait_ready, no_console_errors, get_json, run_checks,  # noqa: E402
                          built_database, serve)


def screenshot(driver, name, element_id=None):
    path = os.path.join(ARTIFACTS, name)
    if element_id:
        driver.execute_script("document.getElementById(arguments[0]).scrollIntoView();", element_id)
    driver.save_screenshot(path)
    print(f"     screenshot {path}")


def links_to_firms(driver, selector):
    return [a.text for a in driver.find_elements(By.CSS_SELECTOR, selector + " a[href^='/enterprises/']")]


def check_suzhou_district_map(driver, base):
    """Drilled to 苏州市, the map colours each district by its firms and draws 苏州工业园区 (no boundary) as a point."""
    driver.get(base + "/")
    wait_ready(driver, "data-map-ready")
    driver.execute_script("window.brainOverview.load('320500');")
    wait_ready(driver, "data-map-code", "320500")
    wait_ready(driver, "data-map-ready")
    option = driver.execute_script("return echarts.getInstanceByDom(document.getElementById('map')).getOption();")
    districts = {d["name"]: d["value"] for d in option["series"][0]["data"]}
    zones = {d["name"]: d["value"][2] for d in option["series"][1]["data"]}
    rows = get_json(base, "/api/map/320500?measure=firms")["rows"]
    hosting = [r for r in rows if r["biomedicineFirms"] > 0]
    assert len(hosting) >= 5, f"only {len(hosting)} districts of 苏州 host a biomedicine firm: {hosting}"
    for row in hosting:
        shown = zones.get(row["code"]) if row["isZone"] else districts.get(row["code"])
        assert shown and shown > 0, f"{row['name']} hosts {row['biomedicineFirms']} firms but the map shows {shown}"
    assert zones.get("320576", 0) >= 3, f"苏州工业园区 not drawn with its firms: {zones}"
    no_console_errors(driver)
    screenshot(driver, "suzhou-district-map.png")


def check_municipality_districts_on_the_map(driver, base):
    """上海 and 北京: every district that hosts a listed biomedicine firm is coloured by it."""
    for code, least in (("310000", 8), ("110000", 8)):
        driver.get(base + "/")
        wait_ready(driver, "data-map-ready")
        driver.execute_script("window.brainOverview.load(arguments[0]);", code)
        wait_ready(driver, "data-map-code", code)
        wait_ready(driver, "data-map-ready")
        option = driver.execute_script("return echarts.getInstanceByDom(document.getElementById('map')).getOption();")
        shown = {d["name"]: d["value"] for d in option["series"][0]["data"]}
        hosting = [r for r in get_json(base, f"/api/map/{code}?measure=firms")["rows"] if r["biomedicineFirms"] > 0]
        assert len(hosting) >= least, f"{code}: only {len(hosting)} districts host a firm"
        missing = [r["name"] for r in hosting if not (shown.get(r["code"]) or 0) > 0]
        assert not missing, f"{code}: districts with firms not coloured: {missing}"
        no_console_errors(driver)
    screenshot(driver, "beijing-district-map.png")


def check_district_page_lists_its_firms(driver, base):
    """吴中区 (320506): no ECharts errors, its firms listed; 苏州工业园区 and 浦东新区 list theirs."""
    for code, least in (("320506", 1), ("320576", 3), ("310115", 10)):
        driver.get(base + "/regions/" + code)
        wait_ready(driver)
        firms = links_to_firms(driver, "#largest")
        assert len(firms) >= least, f"/regions/{code} lists {firms}"
        assert int(driver.find_element(By.ID, "card-firms").text.replace(",", "")) >= least
        no_console_errors(driver)
        if code == "320506":
            screenshot(driver, "district-wuzhong.png")
    screenshot(driver, "district-pudong.png")
    # A district hosting no biomedicine firm (姑苏区): its charts say they have nothing to draw, no ECharts errors.
    driver.get(base + "/regions/320508")
    wait_ready(driver)
    empty = driver.execute_script(
        "return ['opportunity-chart', 'peer-chart', 'index-chart'].filter(function (id) {"
        "  var el = document.getElementById(id); if (!el) return false;"
        "  var o = echarts.getInstanceByDom(el).getOption();"
        "  return el.getAttribute('data-empty') !== '1' && !(o.series && o.series.length && o.series[0].data.length); });")
    assert not empty, f"charts drawn empty without a no-data note: {empty}"
    no_console_errors(driver)


def check_biobay_lists_its_firms(driver, base):
    """BioBAY: the firms whose address is 星湖街218号, and an LQ chart that is drawn or says it has no data."""
    driver.get(base + "/parks/suzhou-biobay")
    wait_ready(driver)
    members = links_to_firms(driver, "#park-members")
    assert "博瑞医药" in members and "浩欧博" in members, f"BioBAY members: {members}"
    assert "星湖街218号" in driver.find_element(By.ID, "park-members").text
    state = driver.execute_script(
        "var el = document.getElementById('park-chart'); var o = echarts.getInstanceByDom(el).getOption();"
        "return {empty: el.getAttribute('data-empty'), bars: o.series && o.series.length ? o.series[0].data.length : 0};")
    assert state["bars"] > 0 or state["empty"] == "1", f"empty LQ chart without a no-data note: {state}"
    assert "家上市生物医药企业" in driver.find_element(By.ID, "park-chart-covers").text
    assert links_to_firms(driver, "#park-firms"), "no firms by chain node"
    no_console_errors(driver)
    screenshot(driver, "park-biobay.png")


def check_lianyungang_chain_map(driver, base):
    """连云港's chain map: 恒瑞 and 康缘 in 连云港经济技术开发区, on its nodes, without console errors."""
    driver.get(base + "/regions/320700")
    wait_ready(driver)
    # A count may carry the few-firms mark (1 ⚠): the number is its leading digits.
    counts = {el.get_attribute("data-node"): int(re.match(r"\d+", el.find_element(By.CSS_SELECTOR, ".count").text).group())
              for el in driver.find_elements(By.CSS_SELECTOR, "#chain-map a.node")}
    assert sum(counts.values()) > 0, counts
    no_console_errors(driver)
    screenshot(driver, "lianyungang-chain-map.png", "chain-map-section")
    driver.get(base + "/regions/320771")
    wait_ready(driver)
    firms = links_to_firms(driver, "#largest")
    assert "恒瑞医药" in firms and "康缘药业" in firms, f"连云港经济技术开发区 lists {firms}"
    no_console_errors(driver)


def check_portrait_says_where_and_why(driver, base):
    """恒瑞医药's portrait names its zone and the address and report year it rests on; the JSON carries the codes."""
    driver.get(base + "/enterprises/600276.SH")
    wait_ready(driver)
    text = driver.find_element(By.ID, "firm-location").text
    assert "连云港经济技术开发区" in text and "2021" in text and "注册地址" in text, text
    location = get_json(base, "/api/enterprises/600276.SH/portrait")["location"]
    assert location["regionCode"] == "320771" and location["basis"] == "registered" and location["reportYear"] == 2021, location
    no_console_errors(driver)
    screenshot(driver, "portrait-hengrui.png")


def main():
    _, db = built_database("brain-district-")
    base, server = serve(db)
    print(f"screenshots go to {ARTIFACTS}")
    checks = [check_suzhou_district_map, check_municipality_districts_on_the_map, check_district_page_lists_its_firms,
              check_biobay_lists_its_firms, check_lianyungang_chain_map, check_portrait_says_where_and_why]
    run_checks("browser (district)", checks, base, server)


if __name__ == "__main__":
    main()
