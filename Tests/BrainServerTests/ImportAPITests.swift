import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BrainServer
import BrainModel
import BrainStore

@Suite struct ImportAPITests {
    func json(_ buffer: ByteBuffer) throws -> [String: Any] { try ServerFixture.jsonObject(buffer) }

    @Test func anUploadedFileIsCheckedRowByRowAndNothingIsWritten() async throws {
        let csv = """
            企业名称,统一社会信用代码,注册地址
            华为技术有限公司,914403001922038216,广东省深圳市龙岗区坂田华为基地
            坏代码公司,914403001922038217,江苏省苏州市吴中区
            少一列公司,914403001922038216
            """
        // A private copy of the store: other tests write to the shared one while this one runs, so its counts may move.
        let path = try ServerFixture.databaseCopy()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path)
        try await ServerFixture.withApp(store: store) { client in
            let before = try await store.stats().counts
            try await client.execute(uri: "/api/imports/check?kind=enterprises&file=../../list.csv", method: .post,
                                     body: ByteBuffer(string: csv)) { response in
                #expect(response.status == .ok)
                let summary = try #require(try json(response.body)["summary"] as? [String: Any])
                #expect(summary["file"] as? String == "list.csv")
                #expect(summary["accepted"] as? Int == 1 && summary["rejected"] as? Int == 2)
                let problems = try #require(summary["problems"] as? [[String: Any]])
                #expect(problems.map { $0["row"] as? Int } == [3, 4])
                #expect((problems[0]["reason"] as? String)?.contains("校验码") == true)
                #expect(problems[0]["code"] as? String == "import.check-digit")
            }
            // The same rejections in English when asked.
            try await client.execute(uri: "/api/imports/check?kind=enterprises&file=list.csv&lang=en", method: .post,
                                     body: ByteBuffer(string: csv)) { response in
                let summary = try #require(try json(response.body)["summary"] as? [String: Any])
                let problems = try #require(summary["problems"] as? [[String: Any]])
                #expect((problems[0]["reason"] as? String)?.contains("check character") == true)
                #expect((problems[1]["reason"] as? String) == "has 2 fields, the header has 3")
            }
            #expect(try await store.stats().counts == before)
        }
    }

    @Test func tooLargeAndUnreadableUploadsGetClearErrors() async throws {
        try await ServerFixture.withApp { client in
            let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: ImportController.maxUploadBytes + 1)
            try await client.execute(uri: "/api/imports/check", method: .post, body: big) { response in
                #expect(response.status == .contentTooLarge)
                let message = try ServerFixture.errorMessage(response.body)
                #expect(message?.contains("20 MB") == true)
            }
            // The reader's own reasons too: Chinese by default, English when asked, never a reader's English sentence.
            for (file, body, lang, expected) in [
                ("list.xlsx", "企业名称\n华为\n", "", "list.xlsx：无法读取（扩展名为 .xlsx，但不是 XLSX 工作簿（不是 zip 压缩包））"),
                ("list.xlsx", "企业名称\n华为\n", "&lang=en", "list.xlsx: is named .xlsx but is not an XLSX workbook (not a zip archive)"),
                ("list.csv", "企业名称,备注\n华为,\"未闭合\n", "", "list.csv：无法读取（第 2 行开始的引号没有闭合：其后的各行无法区分）"),
                ("list.jsonl", "[1]\n", "", "list.jsonl：无法读取（第 1 行：不是 JSON 对象（本行以 '[' 开始；每行应是一个对象）；第一个对象决定各列）"),
            ] {
                try await client.execute(uri: "/api/imports/check?file=\(file)\(lang)", method: .post, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .unprocessableContent)
                    let message = try ServerFixture.errorMessage(response.body)
                    #expect(message == expected, "\(message ?? "")")
                }
            }
            // A file without a name column: said in Chinese by default, in English when asked, with the header it found.
            for (lang, expected) in [("", "list.csv：没有哪一列是企业名称（表头：foo, bar）"), ("&lang=en", "list.csv: no column holds the company name (header: foo, bar)")] {
                try await client.execute(uri: "/api/imports/check?file=list.csv\(lang)", method: .post, body: ByteBuffer(string: "foo,bar\n1,2\n")) { response in
                    #expect(response.status == .unprocessableContent)
                    let message = try ServerFixture.errorMessage(response.body)
                    #expect(message?.hasPrefix(expected) == true, "\(message ?? "")")
                }
            }
            try await client.execute(uri: "/api/imports/check?kind=regions", method: .post, body: ByteBuffer(string: "x")) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func factsReviewAndImportsAreJSON() async throws {
        try await ServerFixture.withApp { client in
            try await client.execute(uri: "/api/enterprises/600276.SH/facts", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/enterprises/nope/facts", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/review?status=bogus", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            for uri in ["/api/review", "/api/imports"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
                    #expect(body is [Any])
                }
            }
        }
    }

    /// A review item's reason is data worded in the reader's language: Chinese by default, English with `lang=en`.
    @Test func reviewReasonsAreWordedPerLanguage() async throws {
        let path = try ServerFixture.databaseCopy()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path)
        // An English name of a listed firm without a code: a person decides.
        let name = "Jiangsu Hengrui Pharmaceuticals Co., Ltd."
        var rows = [[ImportedEnterprise(line: 2, name: name, normalizedName: CompanyName.normalized(name), provinceCode: "320000",
                                        cityCode: "320700", facts: ["name": name])]]
        let header = ImportHeader(kind: "enterprises", file: "en.csv", fingerprint: Fingerprint.of("review-language"), asOf: "2024-01-01",
                                  importedAt: "2026-12-01T00:00:00Z")
        #expect(try await store.importEnterprises(header, audit: nil) { rows.isEmpty ? nil : rows.removeFirst() }.review == 1)
        try await ServerFixture.withApp(store: store) { client in
            for (lang, expected) in [("", "而本行没有统一社会信用代码：应合并还是分开？"), ("&lang=en", "and the row has no 统一社会信用代码: merge or keep apart?")] {
                try await client.execute(uri: "/api/review?status=pending\(lang)", method: .get) { response in
                    #expect(response.status == .ok)
                    let items = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                    let item = try #require(items.first { $0["name"] as? String == name })
                    #expect((item["reason"] as? String)?.hasSuffix(expected) == true, "\(item)")
                    let reasons = try #require(item["reasons"] as? [[String: Any]])
                    #expect(reasons.first?["code"] as? String == "review.name-no-code")
                    #expect((reasons.first?["text"] as? String)?.hasSuffix(expected) == true)
                }
            }
        }
    }

    @Test func uploadNamesLoseTheirFolders() {
        #expect(ImportController.safeFileName("../../etc/passwd") == "passwd")
        #expect(ImportController.safeFileName("C:\\Users\\a\\名单.xlsx") == "名单.xlsx")
        #expect(ImportController.safeFileName(nil) == "upload.csv" && ImportController.safeFileName(".hidden") == "upload.csv")
    }
}
