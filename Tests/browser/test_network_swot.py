#!/usr/bin/env python3
"""Browser checks of the chain relatedness network and the SWOT against peers (issue 18 item 3): the network draws
every chain node at its fixed place with the region's presences and a tooltip; the region picker opens another
region; the SWOT redraws when a peer is added or removed (and says why for a name it cannot place); neither page shows
a run of four English words in Chinese (test_chinese.py's scanner). Screenshots of both pages go to BRAIN_ARTIFACTS
(docs/screenshots/network.png and swot.png are the README's copies; the strategy controls' is test_web_app.py's).

    python3 Tests/browser/test_network_swot.py            every check
    python3 Tests/browser/test_network_swot.py swot       only the checks whose names contain an argument"""

import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_web_app as harness  # noqa: E402
import test_chinese  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


def chart_nodes(driver):
    return driver.execute_script(
        "var c = echarts.getInstanceByDom(document.getElementById('network-chart'));"
        "var s = c.getOption().series[0];"
        "return s.data.map(function (d) { return [d.id, d.raw.presence, d.x, d.y, d.itemStyle.color]; });")


def check_network_draws_with_presences(driver, base):
    data = harness.get_json(base, "/api/regions/320500/network")
    driver.get_log("browser")  # what earlier checks left in the log is theirs
    driver.get(base + "/regions/320500/network")
    harness.wait_ready(driver)
    nodes = chart_nodes(driver)
    assert len(nodes) == len(data["nodes"]) >= 40, len(nodes)
    links = driver.execute_script("return echarts.getInstanceByDom(document.getElementById('network-chart')).getOption().series[0].links.length")
    assert links == len(data["edges"]) > len(nodes) // 2, links
    # Filled, outlined and grey as the JSON's presences say; the counts in the legend are the same.
    by_id = {n["node"]["id"]: n for n in data["nodes"]}
    for node_id, presence, x, y, colour in nodes:
        assert presence == by_id[node_id]["presence"] and (x, y) == (by_id[node_id]["x"], by_id[node_id]["y"]), node_id
        assert (colour == "#ffffff") == (presence == "present") and (colour == "#e5e7eb") == (presence == "absent"), (node_id, colour)
    assert driver.find_element(By.ID, "count-specialised").text == str(data["counts"].get("specialised", 0))
    assert "最大生成树" in driver.find_element(By.ID, "network-rule").text
    # Hovering a held node shows its name, firms here, LQ and density.
    held = next(n for n in data["nodes"] if n["presence"] == "specialised")
    index = [n[0] for n in nodes].index(held["node"]["id"])
    driver.execute_script("var c = echarts.getInstanceByDom(document.getElementById('network-chart'));"
                          "c.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: arguments[0]});", index)
    harness.patient(driver, 10).until(lambda d: held["node"]["nameZh"] in d.execute_script(
        "var t = document.querySelector('#network-chart div[style*=\"z-index\"]'); return t ? t.innerText : '';"))
    tip = driver.execute_script("return document.querySelector('#network-chart div[style*=\"z-index\"]').innerText")
    assert "本地企业" in tip and "区位商" in tip and "关联密度" in tip, tip
    harness.no_console_errors(driver)
    harness.screenshot(driver, "network.png")


def check_region_picker_opens_another_region(driver, base):
    driver.get(base + "/regions/320500/network")
    harness.wait_ready(driver)
    box = driver.find_element(By.ID, "region-input")
    box.send_keys("无锡市")
    harness.leave_by(driver, driver.find_element(By.CSS_SELECTOR, "#region-picker button[type=submit]").click)
    harness.patient(driver, 30).until(lambda d: "/regions/320200/network" in d.current_url)
    harness.wait_ready(driver)
    assert "无锡" in driver.find_element(By.TAG_NAME, "h1").text
    # Reachable from the region page and the chain page.
    driver.get(base + "/regions/320500")
    assert driver.find_element(By.ID, "network-link").get_attribute("href").endswith("/regions/320500/network")
    assert driver.find_element(By.ID, "swot-link").get_attribute("href").endswith("/regions/320500/swot")
    driver.get(base + "/chain")
    assert "/network" in driver.find_element(By.ID, "network-link").get_attribute("href")


def swot_state(driver):
    return driver.execute_script(
        "return [Array.prototype.map.call(document.querySelectorAll('#peer-list .peer'), function (p) { return p.getAttribute('data-code'); }),"
        " Array.prototype.map.call(document.querySelectorAll('#swot li'), function (li) { return li.innerText; })];")


def wait_version(driver, version):
    harness.patient(driver, 30).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-swot-version") == str(version))


def check_swot_reacts_to_the_peer_picker(driver, base):
    peers = urllib.parse.quote("无锡,常州,杭州")
    driver.get_log("browser")
    driver.get(base + "/regions/320500/swot?peers=" + peers)
    harness.wait_ready(driver)
    codes, items = swot_state(driver)
    assert codes == ["320200", "320400", "330100"], codes
    for quadrant in ("strengths", "weaknesses", "opportunities", "threats"):
        assert driver.find_elements(By.CSS_SELECTOR, f"#swot-{quadrant} li"), f"{quadrant} says nothing"
    # Add 上海 by name: the quadrants are computed again against four peers.
    driver.find_element(By.ID, "peer-input").send_keys("上海市")
    driver.find_element(By.CSS_SELECTOR, "#peer-form button[type=submit]").click()
    wait_version(driver, 1)
    codes_after, items_after = swot_state(driver)
    assert codes_after == ["320200", "320400", "330100", "310100"], codes_after
    assert items_after != items, "adding a peer did not change the SWOT"
    assert "peers=320200%2C320400%2C330100%2C310100" in driver.current_url or "peers=320200,320400,330100,310100" in driver.current_url, driver.current_url
    # Remove 杭州.
    driver.find_element(By.CSS_SELECTOR, "#peer-list button.remove[data-code='330100']").click()
    wait_version(driver, 2)
    assert swot_state(driver)[0] == ["320200", "320400", "310100"]
    harness.no_console_errors(driver)
    # A name that is no place: the page says so in Chinese and keeps the peers.
    driver.find_element(By.ID, "peer-input").send_keys("不存在的地方")
    driver.find_element(By.CSS_SELECTOR, "#peer-form button[type=submit]").click()
    harness.patient(driver, 30).until(lambda d: d.find_element(By.ID, "peer-error").is_displayed())
    assert "不存在的地方" in driver.find_element(By.ID, "peer-error").text
    assert swot_state(driver)[0] == ["320200", "320400", "310100"]
    driver.get(base + "/regions/320500/swot?peers=" + peers)
    harness.wait_ready(driver)
    harness.screenshot(driver, "swot.png")


def check_swot_default_peers(driver, base):
    report = harness.get_json(base, "/api/regions/320500/swot")
    assert report["defaultPeers"] and 1 <= len(report["peers"]) <= 4, report["peers"]
    driver.get(base + "/regions/320500/swot")
    harness.wait_ready(driver)
    assert driver.find_element(By.ID, "peers-default").is_displayed()
    assert swot_state(driver)[0] == [p["code"] for p in report["peers"]]


def chinese(path):
    check = test_chinese.chinese_check(path)
    return check


def check_zh_network(driver, base):
    chinese("/regions/320500/network")(driver, base)


def check_zh_swot(driver, base):
    chinese("/regions/320500/swot?peers=" + urllib.parse.quote("无锡,常州,杭州"))(driver, base)


def check_en_network(driver, base):
    test_chinese.english_check("/regions/320500/network")(driver, base)


def check_en_swot(driver, base):
    test_chinese.english_check("/regions/320500/swot")(driver, base)


def main():
    _, db = harness.built_database("brain-browser-network-")
    base, server = harness.serve(db)
    print(f"screenshots go to {harness.ARTIFACTS}")
    checks = [check_network_draws_with_presences, check_region_picker_opens_another_region, check_swot_reacts_to_the_peer_picker,
              check_swot_default_peers, check_zh_network, check_zh_swot, check_en_network, check_en_swot]
    harness.run_checks("browser (network and SWOT)", checks, base, server)


if __name__ == "__main__":
    main()
