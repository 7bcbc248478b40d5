import Foundation
import Hummingbird
import Mustache
import BrainModel
import BrainStore

/// `/`: a China map by province coloured by biomedicine firm count and a bar chart by chain node.
struct HomePage: Sendable {
    let store: any Store
    let library: MustacheLibrary

    struct ProvinceRow: Codable, Sendable {
        var rank: Int
        var code: String
        var name: String
        var biomedicineFirms: Int
        var listedFirms: Int
    }

    struct PageData: Codable, Sendable {
        var provinces: [ProvinceRow]
        var nodes: [NodeWithCount]
    }

    func render() async throws -> Response {
        let provinces = try await store.childValues(of: "000000")
            .sorted { ($0.biomedicineFirms, $0.listedFirms, $1.code) > ($1.biomedicineFirms, $1.listedFirms, $0.code) }
        let rows = provinces.enumerated().map { index, value in
            ProvinceRow(rank: index + 1, code: value.code, name: value.name, biomedicineFirms: value.biomedicineFirms,
                        listedFirms: value.listedFirms)
        }
        let nodes = NodeWithCount.merge(try await store.taxonomy(), try await store.nationalNodeCounts())
        let json = String(decoding: try JSONResponse.encoder.encode(PageData(provinces: rows, nodes: nodes)), as: UTF8.self)
            .replacingOccurrences(of: "</", with: "<\\/")
        let context: [String: Any] = [
            "biomedicineFirms": provinces.reduce(0) { $0 + $1.biomedicineFirms },
            "listedFirms": provinces.reduce(0) { $0 + $1.listedFirms },
            "biomedicineEmployees": provinces.reduce(0) { $0 + $1.biomedicineEmployees },
            "nodeCount": nodes.count,
            "provinces": rows.map { ["rank": $0.rank, "code": $0.code, "name": $0.name,
                                     "biomedicineFirms": $0.biomedicineFirms, "listedFirms": $0.listedFirms] },
            "pageDataJSON": json,
        ]
        guard let html = library.render(context, withTemplate: "home") else {
            return JSONResponse.error(.internalServerError, "template home is missing")
        }
        return JSONResponse.response(.ok, data: Data(html.utf8), contentType: "text/html; charset=utf-8")
    }
}
