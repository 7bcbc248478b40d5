import Foundation
import Testing
import BrainModel
import BrainAnalytics
@testable import BrainServer
import BrainUseCases

/// The region page and its network and SWOT pages from fixed models: a district's report as the API answered it for
/// the bundled data (trimmed), with two layers offered; the network and SWOT with a two-region picker.
extension PageSnapshotTests {
    @Test func regionPage() async throws {
        let renderer = try await Self.renderer()
        let report = try Self.model("region", as: RegionReport.self)
        let layers = [LayerChoice.Option(id: Layer.listed, firms: 5_412, chosen: true), LayerChoice.Option(id: "nmpa-2019", firms: 7_210, chosen: false)]
        try expectSnapshot("region", try renderer.html("region", nav: "region", view: RegionView(report, layers: layers), data: report))
    }

    static let picker = NetworkView.Picker(levelZh: "区县", levelEn: "district", regionChoices: [
        .init(code: "320505", label: "虎丘区", firms: "12"), .init(code: "320506", label: "吴中区（苏州市）", firms: "3"),
    ])

    @Test func networkPage() async throws {
        let renderer = try await Self.renderer()
        let network = try Self.model("region-network", as: RelatednessNetwork.self)
        try expectSnapshot("region-network", try renderer.html("network", nav: "region", view: NetworkView.network(network, picker: Self.picker), data: network))
    }

    @Test func swotPage() async throws {
        let renderer = try await Self.renderer()
        let swot = try Self.model("region-swot", as: PeerSWOT.self)
        try expectSnapshot("region-swot", try renderer.html("swot", nav: "region", view: NetworkView.swot(swot, picker: Self.picker), data: swot))
    }
}
