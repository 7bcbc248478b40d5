"""Browser checks that region pages read in Chinese first: in the default language no run of four or more English words
shows in visible text or in hover titles (acronyms such as LQ, PCI, CRO do not count), and after the language switch
the chain reasons (补链/强链, chokepoint flags, opportunities) read in English. The real `brain` server on a freshly
built database, driven by headless Chromium; uses the harness of test_web_app.py.

`python3 Tests/browser/test_chinese_region.py NAME …` runs only the checks whose names contain a NAME."""

import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_web_app as harness  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

# A word: Latin letters, possibly with an inner apostrophe or hyphen ("firm's", "high-end"). Between the words of one
# run only spaces and light punctuation; a digit or a Chinese character ends the run.
WORD = r"[A-Za-z]+(?:['’\-][A-Za-z]+)*"
RUN = re.compile(WORD + r"(?:[\s,;:()/&.\-]+" + WORD + r")+")
# Acronyms and units are allowed in Chinese text: all-capital words (LQ, PCI, CRO, HHI, GMP) and a few lower-case forms.
ALLOWED = {"e.g", "vs"}

# Blocks left out of the scan: none; every block of the page, the 招商 targets included, is in scope.
EXCLUDED = []


def english_runs(text, minimum=4):
    """Runs of `minimum` or more English words in text, acronyms not counted."""
    found = []
    # Text inside “…” quotes a source as written (the English business summary behind a node assignment): evidence,
    # not the product's own wording.
    text = re.sub(r"“[^”]*”", " ", text)
    for match in RUN.finditer(text):
        words = [w for w in re.findall(WORD, match.group(0)) if not (w.isupper() and len(w) >= 2) and w.lower() not in ALLOWED]
        if len(words) >= minimum:
            found.append(match.group(0))
    return found


def visible_text_and_titles(driver):
    """The page's visible text (innerText honours display:none, so the hidden language is out) without the excluded
    blocks, and the Chinese hover titles of visible elements."""
    return driver.execute_script("""
        var excluded = arguments[0].map(function (s) { return document.querySelector(s); }).filter(Boolean);
        excluded.forEach(function (e) { e.setAttribute('data-scan-hidden', e.style.display); e.style.display = 'none'; });
        var text = document.body.innerText;
        var titles = Array.prototype.filter.call(document.querySelectorAll('[title]'), function (e) {
            return e.offsetParent !== null; }).map(function (e) { return e.getAttribute('title'); });
        excluded.forEach(function (e) { e.style.display = e.getAttribute('data-scan-hidden'); });
        return [text, titles];
    """, EXCLUDED)


def assert_chinese_page(driver, base, path):
    driver.get(base + path)
    harness.wait_ready(driver)
    assert driver.execute_script("return document.documentElement.lang") != "en", "the page did not open in Chinese"
    text, titles = visible_text_and_titles(driver)
    in_text = english_runs(text)
    in_titles = [run for title in titles for run in english_runs(title)]
    assert not in_text, f"{path}: English in the visible text: {in_text[:10]}"
    assert not in_titles, f"{path}: English in hover titles: {in_titles[:10]}"
    harness.no_console_errors(driver)


def english_reasons(driver, selector):
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, selector) if e.text.strip()]


def switch_to_english(driver):
    harness.leave_by(driver, driver.find_element(By.ID, "lang-toggle").click)
    harness.wait_ready(driver)
    assert driver.execute_script("return document.documentElement.lang") == "en"


def switch_back(driver):
    # The language is remembered in localStorage: leave the browser in Chinese for the next check.
    driver.execute_script("localStorage.setItem('brain-lang', 'zh-CN');")


def check_english_scan_finds_a_sentence():
    # The scan itself must be able to fail: the old wording is caught, acronyms and short labels are not.
    assert english_runs("缺失 no firms; relatedness density 0.5") == ["no firms; relatedness density"]
    assert not english_runs("区位商 LQ 1.3 ≥ 1.25，CRO CDMO IVD GMP") and not english_runs("HHI 0.62 Chain map")


def reasons_in_english(driver, base, code):
    driver.get(base + "/regions/" + code)
    harness.wait_ready(driver)
    switch_to_english(driver)
    try:
        cjk = re.compile(r"[\u4e00-\u9fff]")
        for section in ("#fill-list", "#strengthen-list"):
            reasons = english_reasons(driver, section + " .reason")
            for reason in reasons:
                assert not cjk.search(reason) and re.search(r"density|LQ", reason), f"{code} {section}: {reason!r}"
        flags = english_reasons(driver, "#chokepoints td.reason")
        assert flags, f"{code}: no chokepoint flags"
        assert all(not cjk.search(f) for f in flags), flags[:5]
        opportunities = english_reasons(driver, "#opportunities td.reason")
        assert opportunities and all(o.startswith("related to") or o.startswith("no node") for o in opportunities), opportunities[:3]
        # Hover titles carry the English in data-title-en; the layout's script swaps it into title on the switch
        # (until that mechanism lands the English is read from the attribute).
        node = driver.find_element(By.CSS_SELECTOR, "#chain-map a.node")
        title = node.get_attribute("title")
        english = title if not cjk.search(title) else node.get_attribute("data-title-en") or ""
        assert re.search(r"LQ", english) and not cjk.search(english.replace("⚠", "")), f"no English hover title: {english!r}"
        harness.no_console_errors(driver)
        harness.screenshot(driver, f"region-{code}-en.png")
    finally:
        switch_back(driver)


def check_lianyungang_reads_in_chinese(driver, base):
    assert_chinese_page(driver, base, "/regions/320700")
    harness.screenshot(driver, "region-320700-zh.png")


def check_suzhou_reads_in_chinese(driver, base):
    assert_chinese_page(driver, base, "/regions/320500")


def check_lianyungang_reasons_in_english(driver, base):
    reasons_in_english(driver, base, "320700")


def check_suzhou_reasons_in_english(driver, base):
    reasons_in_english(driver, base, "320500")


def check_chain_pages_read_in_chinese(driver, base):
    for path in ("/chain", "/chain/culture-media", "/chain/chemical-drugs?region=320700"):
        assert_chinese_page(driver, base, path)
    # The overview marks its map drawn under its own attribute.
    driver.get(base + "/")
    harness.wait_ready(driver, "data-map-ready")
    text, titles = visible_text_and_titles(driver)
    runs = english_runs(text) + [run for title in titles for run in english_runs(title)]
    assert not runs, f"/: English: {runs[:10]}"


def check_pdf_in_the_language_asked(driver, base):
    import io
    import urllib.request
    import pypdf

    def text(path):
        with urllib.request.urlopen(base + path, timeout=120) as response:
            return "".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(response.read())).pages)

    chinese, english = text("/regions/320700/report.pdf"), text("/regions/320700/report.pdf?lang=en")
    assert "产业链图谱" in chinese and "Chain map" not in chinese, chinese[:300]
    assert "Chain map" in english and "产业链图谱" not in english, english[:300]
    # The English PDF holds no Chinese of ours: only data (firm, place, park and node names, quotations) stays Chinese.
    # The names are read from the same page as printed; whitespace is dropped on both sides, since the PDF's text
    # breaks lines inside names.
    driver.get(base + "/regions/320700?print=1&lang=en")
    harness.wait_ready(driver)
    names = driver.execute_script(PRINTED_DATA) or []
    # The PDF's fonts map some characters to their compatibility forms (⽩ for 白, ⼴ for 广); NFKC folds most, and a
    # character left in the radicals block stands for any character of a name.
    squashed = re.sub(r"\s+", "", unicodedata.normalize("NFKC", re.sub(r"“[^”]*”", " ", english)))
    for name in sorted((re.sub(r"\s+", "", n) for n in names), key=len, reverse=True):
        if name:
            pattern = "".join(f"(?:{re.escape(c)}|[\u2e80-\u2eff])" if "\u4e00" <= c <= "\u9fff" else re.escape(c) for c in name)
            squashed = re.sub(pattern, " · ", squashed)
    ours = [squashed[max(0, m.start() - 15):m.end() + 15] for m in HAN_RUN.finditer(squashed)]
    assert not ours, f"{len(ours)} Chinese runs of ours in the English PDF: {ours[:10]}"


# Data on a printed page: the names the English PDF keeps in Chinese (as test_chinese.py's PROSE selector).
PRINTED_DATA = """
var data = 'h1, a[href^="/enterprises/"], a[href^="/regions/"], a[href^="/parks/"], a[href^="/products"], .tag, code, ' +
  '[data-name], .policy-title, td.title, .note.title, [data-data]';
return Array.prototype.map.call(document.querySelectorAll(data), function (el) { return el.innerText; });
"""
HAN_RUN = re.compile(r"[\u2e80-\u2eff\u4e00-\u9fff][\u2e80-\u2eff\u4e00-\u9fff\u3000-\u303f\uff00-\uffef·]*")


def main():
    check_english_scan_finds_a_sentence()
    _, db = harness.built_database("brain-browser-zh-")
    base, server = harness.serve(db)
    checks = [check_lianyungang_reads_in_chinese, check_suzhou_reads_in_chinese, check_lianyungang_reasons_in_english,
              check_suzhou_reasons_in_english, check_chain_pages_read_in_chinese, check_pdf_in_the_language_asked]
    harness.run_checks("browser (Chinese region pages)", checks, base, server)


if __name__ == "__main__":
    main()
