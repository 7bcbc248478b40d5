#!/usr/bin/env python3
"""CLI tests: the built `brain` binary on analysts' own files and on a freshly built database.

Run after `swift build` (scripts/test does both). Exits non-zero if any check fails.
"""
import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BRAIN = os.environ.get("BRAIN_BIN", os.path.join(ROOT, ".build", "debug", "brain"))
FIXTURES = os.path.join(ROOT, "Tests", "BrainAnalyticsTests", "Fixtures", "ecomplexity")
WORK = tempfile.mkdtemp(prefix="brain-cli-")
# Each run builds databases of several hundred MB here; BRAIN_KEEP_WORK=1 keeps them to look at after a failure.
if not os.environ.get("BRAIN_KEEP_WORK"):
    atexit.register(shutil.rmtree, WORK, ignore_errors=True)


def brain(*args, ok=True):
    result = subprocess.run([BRAIN, *args], cwd=ROOT, capture_output=True, text=True)
    if ok and result.returncode != 0:
        raise AssertionError(f"brain {' '.join(args)} failed ({result.returncode}): {result.stderr[-500:]}")
    return result


def write(name, text):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def check_complexity_matches_reference():
    for name in ("basic", "edge-cases", "provinces-sw-l1"):
        out = json.loads(brain("analyze", "complexity", "--matrix", os.path.join(FIXTURES, name + ".csv"), "--json").stdout)
        assert set(out) >= {"cells", "regions", "sectors", "proximity"}, out.keys()
        expected = json.load(open(os.path.join(FIXTURES, name + ".json"), encoding="utf-8"))
        fields = expected["cellFields"]
        cells = {(c["region"], c["sector"]): c for c in out["cells"]}
        regions = {r["region"]: r for r in out["regions"]}
        sectors = {s["sector"]: s for s in out["sectors"]}
        worst = 0.0
        for row in expected["cells"]:
            ref = dict(zip(fields, row))
            cell = cells[(ref["region"], ref["sector"])]
            for field in ("rca", "mcp", "density", "cog"):
                if ref[field] is None:
                    assert cell[field] is None, (name, ref, field)
                else:
                    worst = max(worst, abs(cell[field] - ref[field]))
            if ref["rca"] is not None:
                for field, ours in (("eci", regions[ref["region"]]["eci"]), ("coi", regions[ref["region"]]["coi"]),
                                    ("pci", sectors[ref["sector"]]["pci"]), ("diversity", regions[ref["region"]]["diversity"])):
                    worst = max(worst, abs(ours - ref[field]))
        assert worst < 1e-9, (name, worst)
    # Explicit nulls for the all-zero region Z of edge-cases.
    out = json.loads(brain("analyze", "complexity", "--matrix", os.path.join(FIXTURES, "edge-cases.csv"), "--json").stdout)
    z = next(r for r in out["regions"] if r["region"] == "Z")
    assert z["eci"] is None and "fitness" in z and z["fitness"] is None, z


def check_complexity_per_year():
    path = write("years.csv", "region,sector,value,year\nA,x,3,2023\nA,y,1,2023\nB,x,1,2023\nB,y,3,2023\n"
                              "A,x,1,2024\nA,y,3,2024\nB,x,3,2024\nB,y,1,2024\n")
    out = json.loads(brain("analyze", "complexity", "--matrix", path, "--json").stdout)
    assert {c["year"] for c in out["cells"]} == {"2023", "2024"}
    rca = {(c["year"], c["region"], c["sector"]): c["rca"] for c in out["cells"]}
    assert rca[("2023", "A", "x")] == 1.5 and rca[("2024", "A", "x")] == 0.5, rca


def check_bad_matrix_names_file_row_field():
    path = write("bad.csv", "region,sector,value\nA,x,1\nB,y,lots\n")
    result = brain("analyze", "complexity", "--matrix", path, ok=False)
    assert result.returncode != 0
    assert "bad.csv" in result.stderr and "row 3" in result.stderr and "value" in result.stderr, result.stderr
    dup = write("dup.csv", "region,sector,value\nA,x,1\nA,x,2\n")
    result = brain("analyze", "complexity", "--matrix", dup, ok=False)
    assert result.returncode != 0 and "duplicate" in result.stderr, result.stderr


def check_index_on_a_file():
    data = write("indicators.csv", "unit,year,x\nA,2020,200\nA,2021,223.9\nA,2022,234.66\n")
    spec = write("spec.json", json.dumps({"normalisation": "base-year", "baseYear": "2020", "aggregation": "arithmetic"}))
    out = json.loads(brain("analyze", "index", "--data", data, "--spec", spec, "--json").stdout)
    last = next(r for r in out["rows"] if r["year"] == "2022")
    assert abs(last["score"] - 117.33) < 1e-9 and abs(last["change"]["points"] - 5.38) < 1e-9, last
    assert abs(last["change"]["percent"] - 4.8057) < 1e-3, last
    broken = write("broken.json", "{\"normalisation\": \"cubic\"}")
    result = brain("analyze", "index", "--data", data, "--spec", broken, ok=False)
    assert result.returncode != 0 and "broken.json" in result.stderr, result.stderr


def check_store_commands(db):
    gaps = json.loads(brain("analyze", "gaps", "320500", "--db", db, "--json").stdout)
    assert gaps["region"]["name"] == "苏州市" and len(gaps["nodes"]) == 44
    text = brain("analyze", "opportunities", "320500", "--db", db).stdout
    assert "苏州市" in text and "相关密度" in text and "related to" not in text, text[:300]
    english = brain("analyze", "opportunities", "320500", "--db", db, "--lang", "en").stdout
    assert "density" in english and "related to" in english, english[:300]
    gaps_text = brain("analyze", "gaps", "320500", "--db", db).stdout
    assert "补链" in gaps_text and "相关密度" in gaps_text and "relatedness density" not in gaps_text, gaps_text[:300]
    quality = json.loads(brain("analyze", "quality", "600276.SH", "--db", db, "--json").stdout)
    assert [d["dimension"] for d in quality["dimensions"]] == ["space", "industry", "capital", "innovation", "talent"]
    for args in (["profile", "320000", "--level", "province"], ["peers", "320500"], ["cluster", "310100"],
                 ["chokepoints", "culture-media"], ["index", "320000"], ["park", "suzhou-biobay"]):
        assert brain("analyze", *args, "--db", db).stdout.strip(), args
    unknown = brain("analyze", "gaps", "999999", "--db", db, ok=False)
    assert unknown.returncode != 0 and "999999" in unknown.stderr
    missing = brain("analyze", "gaps", "320500", "--db", os.path.join(WORK, "nope.sqlite"), ok=False)
    assert missing.returncode != 0 and "build-db" in missing.stderr


def check_generate_marks_synthetic_and_fails_cleanly():
    out = os.path.join(WORK, "synthetic")
    brain("generate", "--firms", "300", "--seed", "5", "--out", out)
    db = os.path.join(WORK, "synthetic.sqlite")
    brain("build-db", "--data", out, "--out", db)
    stats = brain("stats", "--db", db).stdout
    assert "enterprises" in stats and " 300" in stats, stats
    import sqlite3
    sources = {row[0] for row in sqlite3.connect(db).execute("SELECT DISTINCT source FROM enterprises")}
    assert len(sources) == 1 and next(iter(sources)).startswith("synthetic"), sources
    before = sorted(os.listdir(out))
    empty = os.path.join(WORK, "empty-source")
    os.makedirs(empty, exist_ok=True)
    failed = brain("generate", "--firms", "300", "--out", out, "--data", empty, ok=False)
    assert failed.returncode != 0 and "left untouched" in failed.stderr and "regions" in failed.stderr, failed.stderr
    assert sorted(os.listdir(out)) == before
    assert not [name for name in os.listdir(WORK) if ".partial-" in name]


def postgres_database(name):
    """A new database on the throwaway PostgreSQL of scripts/with-postgres; fails loudly without one."""
    admin = os.environ.get("BRAIN_TEST_POSTGRES_URL")
    if not admin:
        raise AssertionError("BRAIN_TEST_POSTGRES_URL is not set: run ./scripts/test, or scripts/with-postgres python3 Tests/cli/test_cli.py")
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    base, _, query = admin.partition("?")
    return base.rsplit("/", 1)[0] + "/" + name + ("?" + query if query else "")


def http_get(port, path):
    import urllib.request
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return response.status, json.loads(response.read().decode("utf-8"))


def check_postgres_build_query_and_serve(db):
    url = postgres_database("brain_cli")
    built = brain("build-db", "--database", url, "--data", os.path.join(ROOT, "data"))
    assert "built postgres://" in built.stdout and "password" not in built.stdout, built.stdout
    def counts(database):
        return [line for line in brain("stats", "--database", database).stdout.splitlines() if not line.startswith("built at")]
    assert counts(url) == counts(db), (counts(url), counts(db))
    for args in (["analyze", "gaps", "320500", "--json"], ["analyze", "quality", "600276.SH", "--json"], ["region", "320700"]):
        assert brain(*args, "--database", url).stdout == brain(*args, "--db", db).stdout, args
    port = 18700 + os.getpid() % 200
    server = subprocess.Popen([BRAIN, "serve", "--database", url, "--port", str(port)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        import time
        for _ in range(100):
            try:
                status, health = http_get(port, "/health")
                break
            except OSError:
                time.sleep(0.2)
        assert status == 200 and health["status"] == "ok", health
        status, page = http_get(port, "/api/enterprises?q=%E6%81%92%E7%91%9E%E5%8C%BB")  # 恒瑞医
        assert page["items"][0]["id"] == "600276.SH", page
        # Sessions live in PostgreSQL too: signing in stores one; the cookie with its CSRF token (a SHA-256 of
        # "csrf:" and the session id) then posts a demand, until the organisation's token is rotated.
        token = json.loads(brain("org", "add", "pg-bureau", "--name", "测试局", "--database", url, "--json").stdout)["token"]
        status, headers, _ = http_request(port, "/match/signin", "POST", {"Content-Type": "application/x-www-form-urlencoded"},
                                          ("token=" + token).encode())
        cookie = headers.get("Set-Cookie", "").split(";")[0]
        assert status == 303 and cookie.startswith("brain_session="), (status, headers)
        import hashlib
        csrf = hashlib.sha256(("csrf:" + cookie.split("=", 1)[1]).encode()).hexdigest()
        demand = json.dumps({"title": "会话测试", "node": "cro", "region": "苏州市"}).encode("utf-8")
        browser = {"Cookie": cookie, "X-CSRF-Token": csrf, "Content-Type": "application/json"}
        status, _, body = http_request(port, "/api/demands", "POST", browser, demand)
        assert status == 201, (status, body)
        brain("org", "token", "pg-bureau", "--database", url)
        status, _, _ = http_request(port, "/api/demands", "POST", browser, demand)
        assert status == 401, "rotating the token must end the session"
        assert len(json.loads(brain("admin", "token", "--database", url, "--json").stdout)["token"]) == 64
        status, gaps = http_get(port, "/api/regions/320500/gaps")
        assert status == 200 and gaps["region"]["name"] == "苏州市"
    finally:
        server.terminate()
        server.wait(timeout=30)


class TCPProxy:
    """Forwards 127.0.0.1:port to a PostgreSQL server until cut(): then it refuses and drops every connection, as a
    server that went away does."""
    def __init__(self, target_port):
        import socket, threading
        self.target_port, self.sockets, self.lock = target_port, [], threading.Lock()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        import socket, threading
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            with self.lock:
                self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pump, args=(a, b), daemon=True).start()

    @staticmethod
    def pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.close()
                except OSError:
                    pass

    def cut(self):
        import socket
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept(); close() alone does not on Linux
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            for s in self.sockets:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


def check_postgres_gone_fails_requests_fast():
    """The server on PostgreSQL answers 503 within seconds once the database goes away, not after the pool's retries."""
    import time, urllib.error, urllib.parse
    # The database check_postgres_build_query_and_serve built.
    admin = urllib.parse.urlparse(os.environ["BRAIN_TEST_POSTGRES_URL"])
    url = admin._replace(path="/brain_cli")
    proxy = TCPProxy(url.port)
    proxied = url._replace(netloc=f"{url.username}@127.0.0.1:{proxy.port}").geturl()
    port = 18500 + os.getpid() % 200
    # Production's 5 s connection deadline (scripts/with-postgres raises it for the shared test server).
    env = dict(os.environ, BRAIN_POSTGRES_ACQUIRE_SECONDS="5")
    server = subprocess.Popen([BRAIN, "serve", "--database", proxied, "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        status = wait_ready(port)
        assert status == 200, status
        assert http_get(port, "/api/enterprises?q=%E6%81%92%E7%91%9E%E5%8C%BB")[0] == 200
        proxy.cut()
        for path in ("/api/enterprises?q=%E6%81%92%E7%91%9E%E5%8C%BB", "/api/enterprises/600276.SH", "/health"):
            started = time.monotonic()
            try:
                http_get(port, path)
                raise AssertionError(f"{path} answered 200 with the database gone")
            except urllib.error.HTTPError as error:
                assert error.code == 503, (path, error.code)
            elapsed = time.monotonic() - started
            assert elapsed < 8, (path, elapsed)
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_ready(port, attempts=150):
    """Polls /health until the server is ready (200) or says why not; returns the last status."""
    import time, urllib.error
    status = None
    for _ in range(attempts):
        try:
            return http_get(port, "/health")[0]
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            pass
        time.sleep(0.2)
    return status


def check_missing_folder_and_read_only_database(db):
    started = __import__("time").monotonic()
    missing = brain("build-db", "--database", os.path.join(WORK, "no-such-folder", "brain.sqlite"), ok=False)
    assert missing.returncode != 0 and "does not exist" in missing.stderr, missing.stderr
    assert __import__("time").monotonic() - started < 3, "a missing folder must fail before the build"
    # A read-only folder (as another user: root writes anywhere) is served read-only: stats and pages work.
    # Beside WORK, not in it: WORK is private to this user (0700), and the check reads the copy as another user.
    folder = tempfile.mkdtemp(prefix="brain-ro-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    copy = os.path.join(folder, "brain.sqlite")
    subprocess.run(["cp", db, copy], check=True)
    os.chmod(copy, 0o444)
    os.chmod(folder, 0o555)
    if os.geteuid() == 0 and subprocess.run(["runuser", "-u", "nobody", "--", "test", "-x", BRAIN]).returncode == 0:
        stats = subprocess.run(["runuser", "-u", "nobody", "--", BRAIN, "stats", "--database", copy], cwd="/",
                               capture_output=True, text=True)
        assert stats.returncode == 0 and "enterprises" in stats.stdout, stats.stderr
        assert not os.path.exists(copy + "-wal") and not os.path.exists(copy + "-shm")
    os.chmod(folder, 0o755)  # so the folder can be removed at exit by a user who is not root


def http_request(port, path, method="GET", headers=None, body=None):
    """Status, headers and body, error statuses included, without following redirects."""
    import http.client
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def check_serve_needs_a_credential_to_write(db):
    # Issue 14: the bind address gives no right to write; an admin token does. Another Host name is refused.
    port = 18900 + os.getpid() % 90
    server = subprocess.Popen([BRAIN, "serve", "--db", db, "--port", str(port), "--allow-imports"], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        import time
        for _ in range(300):
            try:
                if http_get(port, "/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        firm = "企业名称,注册地址\n命令行测试生物有限公司,江苏省苏州市工业园区\n".encode("utf-8")
        status, _, _ = http_request(port, "/api/imports?kind=enterprises&file=cli.csv", "POST", {"Content-Type": "text/csv"}, firm)
        assert status == 401, status
        admin = json.loads(brain("admin", "token", "--db", db, "--json").stdout)["token"]
        status, _, body = http_request(port, "/api/imports?kind=enterprises&file=cli.csv", "POST",
                                       {"Authorization": "Bearer " + admin, "Origin": "http://evil.example"}, firm)
        assert status == 403, status
        status, _, body = http_request(port, "/api/imports?kind=enterprises&file=cli.csv", "POST", {"Authorization": "Bearer " + admin}, firm)
        assert status == 200 and json.loads(body)["outcome"]["created"] == 1, body
        status, headers, _ = http_request(port, "/", "GET", {"Host": "evil.example"})
        assert status == 421, status
        assert "nosniff" == headers.get("X-Content-Type-Options") and "frame-ancestors 'none'" in headers.get("Content-Security-Policy", "")
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "--allow-imports is deprecated" in output, output


def check_postgres_errors_are_clear():
    down = brain("stats", "--database", "postgres://brain@127.0.0.1:1/none?sslmode=disable", ok=False)
    assert down.returncode != 0 and "cannot use PostgreSQL" in down.stderr and "refused" in down.stderr, down.stderr
    bad = brain("stats", "--database", "postgres://", ok=False)
    assert bad.returncode != 0 and "invalid PostgreSQL address" in bad.stderr, bad.stderr
    empty = brain("stats", "--database", postgres_database("brain_cli_empty"), ok=False)
    assert empty.returncode != 0 and "build-db" in empty.stderr, empty.stderr


def check_normalize_and_import_dry_run():
    out = subprocess.run([BRAIN, "normalize", "address"], cwd=ROOT, input="江苏省苏州市吴中区东吴北路100号\n鼓楼区中山路1号\n中山路18号\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    rows = [json.loads(line) for line in out]
    assert [r["status"] for r in rows] == ["ok", "ambiguous", "unknown"], rows
    assert rows[0]["district_code"] == "320506" and len(rows[1]["candidates"]) >= 4, rows
    names = subprocess.run([BRAIN, "normalize", "names"], cwd=ROOT, input="甲有限公司\t甲有限责任公司\n药明康德（上海）有限公司\t药明康德(上海)有限公司\n",
                           capture_output=True, text=True, check=True).stdout.splitlines()
    assert [json.loads(line)["same"] for line in names] == [False, True], names
    # Reasons are Chinese by default, English behind --lang, with a code for machines either way.
    first = json.loads(names[0])
    assert first["reason_code"] == "name.legal-form" and "组织形式不同" in first["reason"], first
    english = subprocess.run([BRAIN, "normalize", "names", "--lang", "en"], cwd=ROOT, input="甲有限公司\t甲有限责任公司\n",
                             capture_output=True, text=True, check=True).stdout
    assert "different company forms" in json.loads(english)["reason"], english
    source = os.path.join(ROOT, "Tests", "BrainIngestTests", "Fixtures", "enterprises-gb18030.csv")
    path = os.path.join(WORK, "gb.csv")
    with open(source, "rb") as f, open(path, "wb") as g:
        g.write(f.read())
    report = brain("import", path, "--dry-run").stdout
    assert "gb18030" in report and "接受 1，拒绝 1" in report and "校验码" in report, report
    english = brain("import", path, "--dry-run", "--lang", "en").stdout
    assert "accepted 1, rejected 1" in english and "check character" in english, english
    problems = open(path + ".problems.csv", encoding="utf-8").read()
    assert "gb.csv,2,统一社会信用代码,91320700704045236A," in problems, problems
    bench = brain("bench", "import", "--rows", "2000", "--write").stdout
    assert "accepted 2000, rejected 0" in bench and "rows/s" in bench and "created 2000" in bench, bench


def store_counts(db):
    return brain("stats", "--db", db).stdout


def check_import_writes_reviews_and_is_idempotent(db):
    import shutil
    mine = os.path.join(WORK, "import.sqlite")
    shutil.copy(db, mine)
    before = store_counts(mine)
    source = os.path.join(ROOT, "Tests", "BrainIngestTests", "Fixtures", "enterprises-gb18030.csv")
    path = os.path.join(WORK, "gb-import.csv")
    shutil.copy(source, path)
    report = brain("import", path, "--db", mine, "--as-of", "2024-05-01").stdout
    assert "接受 1，拒绝 1" in report and "新建 1，" in report, report
    again = brain("import", path, "--db", mine).stdout
    # Import #1 is the NMPA register that build-db writes as layer nmpa-2019.
    assert "已导入过（#2" in again, again
    # The template (XLSX and CSV) imports cleanly: its firm is located and classified.
    brain("import", "--template", "enterprises", "--output", WORK)
    xlsx = brain("import", os.path.join(WORK, "template-enterprises.xlsx"), "--db", mine, "--json").stdout
    outcome = json.loads(xlsx)
    assert outcome["check"]["accepted"] == 1 and outcome["check"]["rejected"] == 0 and outcome["store"]["created"] == 1, outcome
    csv = brain("import", os.path.join(WORK, "template-enterprises.csv"), "--db", mine).stdout
    assert "未变 1" in csv, csv
    # A same-name firm without a code waits for a person; accepting merges it into the listed firm.
    assert brain("review", "list", "--db", mine).stdout.strip() == "没有待审核的项"
    assert brain("review", "list", "--db", mine, "--status", "accepted").stdout.strip() == "没有已接受的审核项"
    review = write("hengrui.csv", "企业名称,注册地址,参保人数\n江苏恒瑞医药股份有限公司,江苏省连云港市连云区,12345\n")
    assert "送审 1" in brain("import", review, "--db", mine).stdout
    pending = json.loads(brain("review", "list", "--db", mine, "--json").stdout)
    assert [(p["kind"], p["candidateId"]) for p in pending] == [("same-entity", "600276.SH")], pending
    # Why, in Chinese by default and in English when asked, with the reason's code.
    assert [r["code"] for r in pending[0]["reasons"]] == ["review.name-no-code"], pending
    assert pending[0]["reason"].endswith("而本行没有统一社会信用代码：应合并还是分开？"), pending[0]["reason"]
    listed = brain("review", "list", "--db", mine, "--lang", "en").stdout
    assert "by its registered name “江苏恒瑞医药股份有限公司”" in listed and "merge or keep apart?" in listed, listed
    accepted = brain("review", "accept", str(pending[0]["id"]), "--db", mine).stdout
    assert "已接受 疑似同一企业" in accepted and "第 2 行：" in accepted and "600276.SH" in accepted, accepted
    again = brain("review", "accept", str(pending[0]["id"]), "--db", mine, ok=False)
    assert again.returncode != 0 and "已经处理过（已接受）" in again.stderr, again.stderr
    again = brain("review", "reject", str(pending[0]["id"]), "--db", mine, "--lang", "en", ok=False)
    assert again.returncode != 0 and "is already accepted" in again.stderr, again.stderr
    # Products name their firm by short or registered name; an unknown firm is a row-level rejection.
    products = write("products.csv", "证券简称,产品,营收占比\n恒瑞医药,示例抗体,35%\n不存在医药有限公司,某药,\n")
    report = brain("import", products, "--kind", "products", "--db", mine).stdout
    assert "接受 1，拒绝 1" in report and "新建 1，" in report and "库中没有名为不存在医药有限公司的企业" in report, report
    # --on-error reject-file: one bad row, nothing written.
    listed = brain("import", "--list", "--db", mine).stdout
    mixed = write("mixed.csv", "企业名称,统一社会信用代码\n甲医药有限公司,914403001922038216\n乙医药有限公司,914403001922038217\n")
    refused = brain("import", mixed, "--db", mine, "--on-error", "reject-file", ok=False)
    assert refused.returncode != 0 and "有 1 行被拒绝，且设置了 --on-error reject-file：未写入任何数据" in refused.stderr, refused.stderr
    assert brain("import", "--list", "--db", mine).stdout == listed
    assert store_counts(mine) != before
    # A rebuild would drop the imports: refused unless asked for.
    rebuild = brain("build-db", "--db", mine, ok=False)
    assert rebuild.returncode != 0 and "--discard-imports" in rebuild.stderr, rebuild.stderr


def check_killed_import_leaves_the_database_as_before(db):
    import shutil, signal, sqlite3, time
    mine = os.path.join(WORK, "kill.sqlite")
    shutil.copy(db, mine)
    before = store_counts(mine)
    imports_before = brain("import", "--list", "--db", mine).stdout
    path = os.path.join(WORK, "many.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("企业名称,注册地址,经营范围\n")
        for i in range(300000):
            f.write(f"苏州第{i}号生物医药有限公司,江苏省苏州市吴中区东吴北路{i}号,细胞培养基、无血清培养基的研发\n")
    process = subprocess.Popen([BRAIN, "import", path, "--db", mine], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Killed once the import's transaction has written pages to the write-ahead log (its page cache spilled), so the
    # kill lands in the middle of writing, not before it: the log's growth is the sign, not a time.
    wal, deadline = mine + "-wal", time.monotonic() + 300
    while process.poll() is None and time.monotonic() < deadline:
        if os.path.exists(wal) and os.path.getsize(wal) > 8 << 20:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the import finished before it wrote to the log: make the file larger"
    assert os.path.getsize(wal) > 8 << 20, "the import wrote nothing to the log in 300 s"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert store_counts(mine) == before
    # Only build-db's own register import (layer nmpa-2019) is there.
    assert brain("import", "--list", "--db", mine).stdout == imports_before
    connection = sqlite3.connect(mine)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The file's firms are 苏州第N号…; the NMPA register holds real ones named 苏州第三制药厂… (layer nmpa-2019).
    assert connection.execute("SELECT COUNT(*) FROM enterprises WHERE name LIKE '苏州第%号%'").fetchone()[0] == 0
    connection.close()


def check_recommend_commands(db):
    report = json.loads(brain("recommend", "targets", "320500", "--db", db, "--json", "--limit", "5",
                              "--same-province", "exclude").stdout)
    assert report["region"]["name"] == "苏州市" and len(report["targets"]) == 5, report["region"]
    assert all(t["firm"].get("provinceName") != "江苏省" and t["reasons"] for t in report["targets"])
    assert [t["rank"] for t in report["targets"]] == [1, 2, 3, 4, 5]
    text = brain("recommend", "targets", "320500", "--db", db, "--limit", "3").stdout
    assert "相关密度" in text and "score" in text, text[:300]
    partners = json.loads(brain("partners", "600276.SH", "--db", db, "--json").stdout)
    assert partners["enterprise"]["name"] == "恒瑞医药" and partners["sameNode"]
    policies = json.loads(brain("policies", "600276.SH", "--db", db, "--json").stdout)
    assert policies[0]["status"] == "eligible" and policies[0]["policy"]["id"] == "sz-hq", policies[0]
    text = brain("policies", "--policy", "sz-class3-device", "--db", db).stdout
    assert "eligible 0" in text and "possible" in text, text
    landing = json.loads(brain("recommend", "park", "--project", os.path.join(ROOT, "docs/examples/project-zhangjiang-manufacturing.json"),
                               "--db", db, "--json").stdout)
    assert {p["park"]["id"] for p in landing["parks"][:3]} == {"north-shanghai", "dongfang-meigu", "jinhaian"}, landing["parks"][:3]
    bad = write("project.json", '{"nodes": ["nope"], "stage": "rnd"}')
    failed = brain("recommend", "park", "--project", bad, "--db", db, ok=False)
    assert failed.returncode != 0 and "nope" in failed.stderr, failed.stderr
    offers = json.loads(brain("match", "offers", "--service", "cdmo", "--region", "320500", "--db", db, "--json").stdout)
    assert offers["offers"] > 0 and offers["matches"][0]["rank"] == 1, offers
    assert brain("match", "demands", ok=False).returncode != 0   # --org is required
    talent = json.loads(brain("talent", "320500", "--db", db, "--json").stdout)
    assert talent["universities"] > 10 and talent["nodes"], talent["region"]
    unknown = brain("recommend", "partners", "NOPE", "--db", db, ok=False)
    assert unknown.returncode != 0 and "NOPE" in unknown.stderr


def check_market_commands(db):
    bureau = json.loads(brain("org", "add", "cli-bureau", "--name", "苏州市工信局", "--db", db, "--json").stdout)
    brain("org", "add", "cli-platform", "--name", "示例平台", "--db", db)
    assert brain("org", "add", "cli-bureau", "--name", "again", "--db", db, ok=False).returncode != 0
    assert len(bureau["token"]) == 64
    # A rebuild would drop organisations and their posted records, imports or not: refused unless asked for.
    rebuild = brain("build-db", "--db", db, ok=False)
    assert rebuild.returncode != 0 and "organisations" in rebuild.stderr and "--discard-imports" in rebuild.stderr, rebuild.stderr
    rotated = json.loads(brain("org", "token", "cli-platform", "--db", db, "--json").stdout)
    assert len(rotated["token"]) == 64 and rotated["organisation"]["id"] == "cli-platform"
    admin = brain("admin", "token", "--db", db).stdout
    assert "admin token: " in admin and len(admin.split("admin token: ")[1].split()[0]) == 64, admin
    # Made-up people for the test only (the default data holds none).
    talents = write("talents.csv", "姓名,单位,产业链环节,地区,学历,人才称号,h指数,产业经验\n"
                    "测试甲,示例大学,抗体药物,苏州市,博士,国家杰青,40,8\n"
                    "测试乙,示例大学,抗体药物,上海市,硕士,,5,2\n"
                    "测试丙,示例大学,火箭,苏州市,博士,,,\n")
    assert "--org" in brain("import", talents, "--kind", "talents", "--db", db, ok=False).stderr
    out = brain("import", talents, "--kind", "talents", "--org", "cli-bureau", "--db", db).stdout
    assert "接受 2，拒绝 1" in out and "第 4 行 [产业链环节] 火箭" in out, out
    assert "已导入过" in brain("import", talents, "--kind", "talents", "--org", "cli-bureau", "--db", db).stdout
    listed = brain("demand", "list", "--kind", "talent", "--org", "cli-bureau", "--db", db).stdout
    assert "测试甲" in listed and "leading-talent score" in listed and "[private]" in listed, listed
    assert "no talents" in brain("demand", "list", "--kind", "talent", "--org", "cli-platform", "--db", db).stdout
    offers = write("offers.csv", "服务商,服务,地区,能力\n测试中试平台,cdmo,苏州工业园区,2×2000L\n")
    brain("import", offers, "--kind", "offers", "--org", "cli-platform", "--db", db)
    posted = brain("demand", "post", "--org", "cli-bureau", "--db", db, "--title", "双抗研发负责人", "--node", "抗体药物",
                   "--region", "苏州市", "--degree", "博士", "--years", "5").stdout
    talent_demand = int(posted.split("#")[1].split()[0])
    brain("demand", "post", "--org", "cli-bureau", "--db", db, "--title", "抗体中试", "--node", "cdmo", "--region", "苏州市", "--share")
    matches = json.loads(brain("match", "demands", "--org", "cli-bureau", "--db", db, "--json").stdout)
    by_title = {m["demand"]["title"]: m for m in matches}
    people = by_title["双抗研发负责人"]["matches"]
    assert [p["name"] for p in people] == ["测试甲", "测试乙"] and people[0]["leadingTalent"]["total"] > 30, people
    service = by_title["抗体中试"]["matches"]
    assert any(m["source"] == "imported-offer" and m["name"] == "测试中试平台" for m in service), service[:3]
    # The platform sees only the shared demand, and not the bureau's private talents.
    seen = brain("demand", "list", "--org", "cli-platform", "--db", db).stdout
    assert "抗体中试" in seen and "双抗研发负责人" not in seen, seen
    assert brain("demand", "share", str(talent_demand), "--org", "cli-platform", "--db", db, ok=False).returncode != 0
    brain("demand", "share", str(talent_demand), "--org", "cli-bureau", "--db", db)
    theirs = json.loads(brain("match", "demands", "--org", "cli-platform", "--demand", str(talent_demand), "--db", db, "--json").stdout)
    assert theirs[0]["candidates"] == 0, theirs
    talent = brain("talent", "320500", "--org", "cli-bureau", "--db", db).stdout
    assert "1 talent demands for 1 people; 1 talents located here" in talent, talent
    assert brain("import", "--template", "talents", "--output", WORK).returncode == 0
    assert os.path.exists(os.path.join(WORK, "template-talents.xlsx"))


def check_user_commands(db):
    def with_password(password, *args, ok=True):
        result = subprocess.run([BRAIN, *args], cwd=ROOT, capture_output=True, text=True, input=password + "\n")
        if ok and result.returncode != 0:
            raise AssertionError(f"brain {' '.join(args)} failed ({result.returncode}): {result.stderr[-500:]}")
        return result
    org = json.loads(brain("org", "add", "cli-park", "--name", "示例园区", "--kind", "park", "--region", "320571", "--db", db, "--json").stdout)
    assert org["organisation"]["kind"] == "park" and org["organisation"]["regionCode"] == "320571", org
    assert "park 园区  320571" in brain("org", "list", "--db", db).stdout
    assert brain("org", "add", "cli-bad", "--name", "x", "--region", "32", "--db", db, ok=False).returncode != 0
    added = with_password("a-long-enough-secret", "user", "add", "zhangsan", "--org", "cli-park", "--role", "analyst",
                          "--name", "张三", "--password-stdin", "--db", db).stdout
    assert "zhangsan (张三) added to cli-park as analyst 分析师" in added, added
    # The policy's Chinese error, and nothing written; a password is never an argument, and never asked of a pipe.
    short = with_password("short", "user", "add", "lisi", "--org", "cli-park", "--password-stdin", "--db", db, ok=False)
    assert short.returncode != 0 and "密码太短" in short.stderr, short.stderr
    assert "--password-stdin" in brain("user", "add", "lisi", "--org", "cli-park", "--db", db, ok=False).stderr
    assert brain("user", "add", "lisi", "--org", "cli-park", "--password", "x", "--db", db, ok=False).returncode != 0
    assert "没有用户 ghost" in brain("user", "role", "ghost", "admin", "--db", db, ok=False).stderr
    assert "analyst → investment" in brain("user", "role", "zhangsan", "investment", "--db", db).stdout
    with_password("another-long-secret", "user", "password", "zhangsan", "--password-stdin", "--db", db)
    brain("user", "disable", "zhangsan", "--db", db)
    people = json.loads(brain("user", "list", "--org", "cli-park", "--db", db, "--json").stdout)
    assert [(p["id"], p["role"], p["disabled"]) for p in people] == [("zhangsan", "investment", True)], people
    assert "a-long-enough-secret" not in open(db, "rb").read().decode("latin-1")


def check_curations_round_trip(db):
    """brain curate: add/remove/move/locate/revoke with clear errors, export → build-db → import, row/field reports."""
    import shutil
    import sqlite3
    cdb = os.path.join(WORK, "curate.sqlite")
    shutil.copy(db, cdb)
    shipped = json.loads(brain("curate", "list", "--json", "--db", cdb).stdout)
    assert len(shipped) >= 10 and all(r["curation"]["author"] == "data/curation" for r in shipped), shipped[:2]
    who = ["--by", "王分析", "--db", cdb]
    added = brain("curate", "add", "--firm", "600276", "--node", "抗体药物", "--reason", "卡瑞利珠单抗为PD-1单抗",
                  "--source", "恒瑞医药 2021 年年度报告", *who).stdout
    assert "600276.SH antibodies" in added, added
    brain("curate", "remove", "--firm", "600276.SH", "--node", "chemical-drugs", "--reason", "只留子节点", *who)
    brain("curate", "move", "--firm", "恒瑞医药", "--from", "innovative-drugs", "--to", "generic-drugs", "--reason", "测试移动", *who)
    brain("curate", "locate", "--firm", "600276.SH", "--region", "320703", "--reason", "测试定位", *who)
    mine = json.loads(brain("curate", "list", "--firm", "600276.SH", "--json", "--db", cdb).stdout)
    move_id = next(r["curation"]["id"] for r in mine if r["curation"]["action"] == "move")
    brain("curate", "revoke", move_id, "--reason", "移动有误", *who)
    for args, word in ((["add", "--firm", "不存在的公司", "--node", "antibodies"], "未知企业"),
                       (["add", "--firm", "600276.SH", "--node", "火箭"], "未知产业链节点"),
                       (["locate", "--firm", "600276.SH", "--region", "999999"], "未知行政区划代码"),
                       (["add", "--firm", "600276.SH", "--node", "antibodies", "--reason", " "], "理由不能为空")):
        extra = [] if "--reason" in args else ["--reason", "x"]
        failed = brain("curate", *args, *extra, *who, ok=False)
        assert failed.returncode != 0 and word in failed.stderr, (args, failed.stderr)
    def placement(path):
        con = sqlite3.connect(path)
        nodes = dict(con.execute("SELECT node_id, method FROM chain_assignments WHERE enterprise_id = '600276.SH'").fetchall())
        place = con.execute("SELECT city_code, district_code FROM enterprises WHERE id = '600276.SH'").fetchone()
        con.close()
        return nodes, place
    expected = ({"antibodies": "curation", "innovative-drugs": "business-summary"}, ("320700", "320703"))
    assert placement(cdb) == expected, placement(cdb)
    exported = os.path.join(WORK, "curations.csv")
    brain("curate", "export", exported, "--db", cdb)
    history = json.loads(brain("curate", "list", "--json", "--db", cdb).stdout)
    # A rebuild keeps every curation and applies it again.
    brain("build-db", "--out", cdb, "--data", os.path.join(ROOT, "data"), "--discard-imports")
    assert json.loads(brain("curate", "list", "--json", "--db", cdb).stdout) == history
    assert placement(cdb) == expected, placement(cdb)
    # Into a database built from data/ alone: the file brings the analyst's curations back; a second import adds nothing.
    fresh = os.path.join(WORK, "fresh.sqlite")
    shutil.copy(db, fresh)
    first = json.loads(brain("curate", "import", exported, "--json", "--db", fresh).stdout)
    assert first["written"] == len(history) - len(shipped) and first["rejected"] == 0, first
    assert json.loads(brain("curate", "list", "--json", "--db", fresh).stdout) == history
    assert placement(fresh) == expected, placement(fresh)
    again = json.loads(brain("curate", "import", exported, "--json", "--db", fresh).stdout)
    assert again["written"] == 0 and again["alreadyStored"] == len(history), again
    bad = write("bad-curations.csv", "firm,action,node,region,reason,by\n"
                "600276.SH,add,vaccines,,疫苗,王分析\n999999.SH,add,api,,x,王分析\n600276.SH,add,rockets,,x,王分析\n"
                "600276.SH,locate,,999999,x,王分析\n600276.SH,add,api,,,王分析\n")
    rejected = brain("curate", "import", bad, "--on-error", "reject-file", "--db", fresh, ok=False)
    assert rejected.returncode != 0 and "nothing was written" in rejected.stderr, rejected.stderr
    for row, field in ((3, "firm"), (4, "node"), (5, "region"), (6, "reason")):
        assert f"bad-curations.csv, row {row}, field {field}" in rejected.stderr, (row, field, rejected.stderr)
    assert "vaccines" not in placement(fresh)[0]
    kept = json.loads(brain("curate", "import", bad, "--json", "--db", fresh).stdout)
    assert kept["written"] == 1 and kept["rejected"] == 4, kept
    assert placement(fresh)[0].get("vaccines") == "curation"


def check_api_contract_and_metrics(db):
    """schemathesis drives every JSON route of a running server from /api/openapi.json (fixed seed, bounded time):
    no server error, every status, content type and body as documented. Then the operator scrapes /metrics."""
    import shutil
    copy = os.path.join(WORK, "contract.sqlite")
    shutil.copy(db, copy)
    token = brain("admin", "token", "--database", copy).stdout.split("admin token:")[1].split()[0]
    port = 18800 + os.getpid() % 90
    log = open(os.path.join(WORK, "contract-server.log"), "w")
    server = subprocess.Popen([BRAIN, "serve", "--database", copy, "--port", str(port)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        assert wait_ready(port, attempts=600) == 200, "the server did not become ready"
        run = subprocess.run([sys.executable, "-m", "schemathesis.cli", "run", f"http://127.0.0.1:{port}/api/openapi.json",
                              "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
                              "--phases", "examples,coverage,fuzzing", "--max-examples", "5", "--workers", "2", "--seed", "1",
                              "--max-time", "150", "--request-timeout", "60",
                              # Writes need a token and are covered by their own tests; schemathesis 4.32 fails internally
                              # drawing the import body's binary schema.
                              "--exclude-operation-id", "postApiImports", "--exclude-path", "/metrics"],
                             cwd=WORK, capture_output=True, text=True, timeout=600)
        with open(os.path.join(WORK, "schemathesis.txt"), "w") as f:
            f.write(run.stdout + run.stderr)
        assert run.returncode == 0, f"schemathesis: see {WORK}/schemathesis.txt\n" + run.stdout[-3000:] + run.stderr[-1000:]
        status, _, _ = http_request(port, "/metrics")
        assert status == 401, f"/metrics without the admin token: {status}"
        status, headers, body = http_request(port, "/metrics", headers={"Authorization": f"Bearer {token}"})
        text = body.decode()
        assert status == 200 and headers.get("Content-Type", "").startswith("text/plain"), (status, headers)
        assert 'http_route="/api/regions/{code}"' in text and "brain_analytics_rebuild_seconds" in text, text[:1500]
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def check_resolve_names(db):
    # Issue 16: single names resolved against the store's names table, with the name that matched as evidence.
    lines = brain("resolve", "三九医药", "Jiangsu Hengrui Pharmaceuticals Co., Ltd.", "江苏恒瑞医药有限公司", "--db", db).stdout.splitlines()
    rows = [json.loads(line) for line in lines]
    assert [r["status"] for r in rows] == ["resolved", "resolved", "unknown"], rows
    assert rows[0]["firms"][0]["id"] == "000999.SZ" and rows[0]["firms"][0]["matched"]["kind"] == "former-short", rows[0]
    assert rows[1]["firms"][0]["id"] == "600276.SH" and rows[1]["firms"][0]["matched"]["source"], rows[1]
    piped = subprocess.run([BRAIN, "normalize", "names", "--store", db], cwd=ROOT, input="北京双鹤药业股份有限公司\n恒瑞\n",
                           capture_output=True, text=True, check=True).stdout.splitlines()
    assert [json.loads(line)["status"] for line in piped] == ["resolved", "unknown"], piped
    missing = brain("resolve", "三九医药", "--db", os.path.join(WORK, "no-such.sqlite"), ok=False)
    assert missing.returncode != 0 and "build-db" in missing.stderr, missing.stderr


def check_audit_trail(db):
    """brain audit: the CLI's writes are on the trail as "cli", filters and exports work, a rebuild keeps the trail,
    and the table refuses changes even to someone who opens the file."""
    import shutil
    import sqlite3
    mine = os.path.join(WORK, "audit.sqlite")
    shutil.copy(db, mine)
    # Earlier checks wrote to the shared database: this one looks at the entries after what is there.
    earlier = json.loads(brain("audit", "list", "--db", mine, "--limit", "10000", "--json").stdout)
    assert earlier[-1]["action"] == "database.build" and earlier[-1]["actor"] == "cli", earlier[-1:]
    start = earlier[0]["id"]
    created = json.loads(brain("org", "add", "audit-bureau", "--name", "审计局", "--db", mine, "--json").stdout)
    token = brain("admin", "token", "--db", mine).stdout.split("admin token: ")[1].split()[0]
    path = write("audit-import.csv", "企业名称,注册地址\n审计命令行生物有限公司,江苏省苏州市工业园区\n")
    brain("import", path, "--db", mine)
    brain("import", path, "--db", mine)  # the same file again writes nothing and records nothing
    everything = json.loads(brain("audit", "list", "--db", mine, "--limit", "10000", "--json").stdout)
    entries = [e for e in everything if e["id"] > start]
    assert [e["action"] for e in entries] == ["import.write", "admin-token.create", "organisation.create"], entries
    assert all(e["actor"] == "cli" for e in entries), entries
    # No token reaches the trail.
    assert created["token"] not in json.dumps(entries) and token not in json.dumps(entries)
    after = json.loads(entries[0]["after"])
    assert after["kind"] == "enterprises" and after["file"] == "audit-import.csv" and after["created"] == 1, after
    only = [e for e in json.loads(brain("audit", "list", "--db", mine, "--action", "organisation.create", "--json").stdout) if e["id"] > start]
    assert [e["targetId"] for e in only] == ["audit-bureau"] and only[0]["organisationId"] == "audit-bureau", only
    assert json.loads(brain("audit", "list", "--db", mine, "--org", "nobody", "--json").stdout) == []
    text = brain("audit", "list", "--db", mine, "--lang", "en").stdout
    assert "Imported a file (import.write)" in text and "created: – → 1" in text, text
    assert brain("audit", "list", "--db", mine, "--from", "last week", ok=False).returncode != 0
    for name in ("audit.csv", "audit.xlsx"):
        out = os.path.join(WORK, name)
        assert f"wrote {len(everything)} audit entries" in brain("audit", "export", out, "--db", mine).stdout
        assert os.path.getsize(out) > 0
    assert "导入文件" in open(os.path.join(WORK, "audit.csv"), encoding="utf-8").read()
    # A write and its entry are one transaction: with the trail refusing entries, an import, a curation and a demand
    # fail and leave nothing behind (a copy, so the checks below see the trail as it was).
    refusing = os.path.join(WORK, "audit-refusing.sqlite")
    shutil.copy(mine, refusing)
    with sqlite3.connect(refusing) as connection:
        connection.execute("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'refused by test'); END")
    imports = brain("import", "--list", "--db", refusing).stdout
    curations = brain("curate", "list", "--json", "--db", refusing).stdout
    # Earlier checks shared demands in the database this one copies: the list must only stay as it was.
    demands = brain("demand", "list", "--org", "audit-bureau", "--json", "--db", refusing).stdout
    other = write("audit-refused.csv", "企业名称,注册地址\n审计拒绝生物有限公司,江苏省苏州市工业园区\n")
    refused = brain("import", other, "--db", refusing, ok=False)
    assert refused.returncode != 0 and "refused by test" in refused.stderr, refused.stderr
    assert brain("import", "--list", "--db", refusing).stdout == imports
    refused = brain("curate", "add", "--firm", "600276", "--node", "antibodies", "--reason", "审计", "--by", "审计员", "--db", refusing, ok=False)
    assert refused.returncode != 0 and "refused by test" in refused.stderr, refused.stderr
    assert brain("curate", "list", "--json", "--db", refusing).stdout == curations
    refused = brain("demand", "post", "--org", "audit-bureau", "--title", "审计需求", "--node", "cro", "--region", "苏州市", "--db", refusing, ok=False)
    assert refused.returncode != 0 and "refused by test" in refused.stderr, refused.stderr
    assert brain("demand", "list", "--org", "audit-bureau", "--json", "--db", refusing).stdout == demands
    # Opened directly, the table refuses UPDATE and DELETE.
    with sqlite3.connect(mine) as connection:
        for sql in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
            try:
                connection.execute(sql)
                raise AssertionError(f"{sql} was allowed")
            except sqlite3.DatabaseError as error:
                assert "append-only" in str(error), error
    # A rebuild (which drops the imports) keeps the trail and records itself.
    brain("build-db", "--db", mine, "--discard-imports", "--data", os.path.join(ROOT, "data"))
    rebuilt = json.loads(brain("audit", "list", "--db", mine, "--limit", "10000", "--json").stdout)
    assert [e["action"] for e in rebuilt] == ["database.build"] + [e["action"] for e in everything], rebuilt[:5]
    assert json.loads(rebuilt[0]["after"])["auditEntriesCarried"] == len(everything), rebuilt[0]


def check_publish_commands(db):
    """brain publish: an organisation's curation (brought in by curate import, private) and import are published and
    withdrawn, each act audited as "cli"; the lists show 已发布/未发布; a curation exported and imported stays private;
    unknown ids fail clearly."""
    import shutil
    import sqlite3
    pdb = os.path.join(WORK, "publish.sqlite")
    shutil.copy(db, pdb)
    brain("org", "add", "pub-bureau", "--name", "发布测试局", "--db", pdb)
    def nodes():
        with sqlite3.connect(pdb) as con:
            return dict(con.execute("SELECT node_id, method FROM chain_assignments WHERE enterprise_id = '600276.SH'").fetchall())
    assert "vaccines" not in nodes()
    private = write("private-curation.csv", "id,firm,action,node,reason,by,organisation\n"
                    "pub-c1,600276.SH,add,vaccines,本机构测试,org:pub-bureau,pub-bureau\n"
                    "pub-c2,600276.SH,add,api,无此机构,org:nobody,nobody\n")
    report = json.loads(brain("curate", "import", private, "--json", "--db", pdb).stdout)
    assert report["written"] == 1 and report["rejected"] == 1, report
    assert report["problems"][0]["row"] == 3 and report["problems"][0]["field"] == "organisation", report
    assert "vaccines" not in nodes(), "an organisation's unpublished curation applies to nobody"
    listed = brain("publish", "list", "--org", "pub-bureau", "--db", pdb).stdout
    assert "curation pub-c1  pub-bureau  未发布" in listed, listed
    assert "未发布 unpublished → 已发布" in brain("publish", "curation", "pub-c1", "--db", pdb).stdout
    assert nodes().get("vaccines") == "curation", nodes()
    assert "nothing changed" in brain("publish", "curation", "pub-c1", "--db", pdb).stdout
    published = json.loads(brain("publish", "list", "--db", pdb, "--json").stdout)
    assert [(p["id"], p["publishedBy"]) for p in published if p["kind"] == "curation"] == [("pub-c1", "cli")], published
    # Exported while published, then withdrawn and exported again: each file keeps the publication it had.
    exported = os.path.join(WORK, "published-curations.csv")
    brain("curate", "export", exported, "--db", pdb)
    assert "已发布 published" in brain("publish", "curation", "pub-c1", "--undo", "--db", pdb).stdout
    assert "vaccines" not in nodes()
    withdrawn = os.path.join(WORK, "withdrawn-curations.csv")
    brain("curate", "export", withdrawn, "--db", pdb)
    fresh = os.path.join(WORK, "publish-fresh.sqlite")
    shutil.copy(db, fresh)
    brain("org", "add", "pub-bureau", "--name", "发布测试局", "--db", fresh)
    assert json.loads(brain("curate", "import", withdrawn, "--json", "--db", fresh).stdout)["rejected"] == 0
    with sqlite3.connect(fresh) as con:
        row = con.execute("SELECT organisation_id, published_at FROM curations WHERE id = 'pub-c1'").fetchone()
        assert row == ("pub-bureau", None), row
        assert con.execute("SELECT count(*) FROM chain_assignments WHERE enterprise_id = '600276.SH' AND node_id = 'vaccines'").fetchone()[0] == 0
    assert next(l for l in open(exported, encoding="utf-8") if "pub-c1" in l).rstrip().split(",")[-2] == "pub-bureau"
    # An organisation's import (talents belong to one): 未发布 in brain import --list until published.
    talents = write("publish-talents.csv", "姓名,单位,产业链环节,地区,学历\n发布测试甲,示例大学,抗体药物,苏州市,博士\n")
    brain("import", talents, "--kind", "talents", "--org", "pub-bureau", "--db", pdb)
    imports = json.loads(brain("import", "--list", "--json", "--db", pdb).stdout)
    number = next(i["id"] for i in imports if i["file"] == "publish-talents.csv")
    line = next(l for l in brain("import", "--list", "--db", pdb).stdout.splitlines() if l.startswith(f"#{number} "))
    assert "机构 org pub-bureau 未发布" in line, line
    brain("publish", "import", str(number), "--db", pdb)
    line = next(l for l in brain("import", "--list", "--db", pdb).stdout.splitlines() if l.startswith(f"#{number} "))
    assert "机构 org pub-bureau 已发布" in line, line
    brain("publish", "import", str(number), "--undo", "--db", pdb)
    # The operator's own imports and unknown ids: a clear error and a failing exit code.
    for args in (["import", "999999"], ["curation", "no-such-curation"]):
        failed = brain("publish", *args, "--db", pdb, ok=False)
        assert failed.returncode != 0 and "没有机构的" in failed.stderr, failed.stderr
    trail = [(e["action"], e["targetKind"], e["targetId"], e["actor"], e["organisationId"])
             for e in json.loads(brain("audit", "list", "--db", pdb, "--limit", "10000", "--json").stdout)
             if e["action"] in ("publish", "unpublish")]
    assert trail == [("unpublish", "import", str(number), "cli", "pub-bureau"), ("publish", "import", str(number), "cli", "pub-bureau"),
                     ("unpublish", "curation", "pub-c1", "cli", "pub-bureau"), ("publish", "curation", "pub-c1", "cli", "pub-bureau")], trail


def main():
    db = os.path.join(WORK, "brain.sqlite")
    brain("build-db", "--out", db, "--data", os.path.join(ROOT, "data"))
    checks = [check_complexity_matches_reference, check_complexity_per_year, check_bad_matrix_names_file_row_field,
              check_index_on_a_file, lambda: check_store_commands(db), check_generate_marks_synthetic_and_fails_cleanly,
              lambda: check_postgres_build_query_and_serve(db), check_postgres_errors_are_clear,
              check_postgres_gone_fails_requests_fast, lambda: check_missing_folder_and_read_only_database(db), check_normalize_and_import_dry_run,
              lambda: check_import_writes_reviews_and_is_idempotent(db), lambda: check_killed_import_leaves_the_database_as_before(db),
              lambda: check_recommend_commands(db), lambda: check_market_commands(db), lambda: check_user_commands(db), lambda: check_serve_needs_a_credential_to_write(db),
              lambda: check_curations_round_trip(db), lambda: check_resolve_names(db), lambda: check_api_contract_and_metrics(db),
              lambda: check_audit_trail(db), lambda: check_publish_commands(db)]
    names = ["complexity_matches_reference", "complexity_per_year", "bad_matrix_names_file_row_field", "index_on_a_file",
             "store_commands", "generate_marks_synthetic_and_fails_cleanly", "postgres_build_query_and_serve",
             "postgres_errors_are_clear", "postgres_gone_fails_requests_fast",
             "missing_folder_and_read_only_database", "normalize_and_import_dry_run", "import_writes_reviews_and_is_idempotent",
             "killed_import_leaves_the_database_as_before", "recommend_commands",
             "market_commands", "user_commands", "serve_needs_a_credential_to_write", "curations_round_trip", "resolve_names", "api_contract_and_metrics",
             "audit_trail", "publish_commands"]
    # `python3 Tests/cli/test_cli.py NAME …` runs only the checks whose names contain a NAME.
    selected = [(name, check) for name, check in zip(names, checks) if len(sys.argv) < 2 or any(part in name for part in sys.argv[1:])]
    checks = [check for _, check in selected]
    failed = 0
    for name, check in selected:
        try:
            check()
            print(f"ok   {name}")
        except Exception as error:
            failed += 1
            print(f"FAIL {name}: {error!r}"); import traceback; traceback.print_exc()
    print(f"cli: {len(checks) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
