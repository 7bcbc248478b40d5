import Foundation
import Testing
import BrainAnalytics
import BrainModel

/// Park landing on the hand-built chain: an API plant lands where APIs are made and manufacturing is the park's
/// business; a generic-drug R&D project where chemical-drug R&D is.
@Suite struct ParkLandingTests {
    static func index() throws -> SnapshotIndex {
        var data = try ExploreFixture.index().data
        let source = ExploreFixture.source
        data.regions = data.regions.map { region in
            var region = region
            switch region.code {
            case "320500": (region.longitude, region.latitude) = (120.58, 31.30)
            case "330100": (region.longitude, region.latitude) = (120.16, 30.28)
            default: break
            }
            return region
        }
        data.parks = [
            Park(id: "sz-api", name: "苏州原料药园", regionCode: "320500", kind: "park", positioning: ["原料药", "制剂生产"], facts: "生产基地", provenance: source),
            Park(id: "hz-rnd", name: "杭州化药研发园", regionCode: "330100", kind: "park", positioning: ["化学药研发", "孵化"], facts: "", provenance: source),
        ]
        return SnapshotIndex(data)
    }

    @Test func projectsLandWhereTheirNodeAndStageFit() throws {
        let index = try Self.index()
        let landing = ParkLanding(index, links: NodeLinks(index))
        let plant = try landing.rank(.init(nodes: ["api"], stage: "manufacturing", needsGMP: true, origin: "330100"))
        #expect(plant.parks.map(\.park.id) == ["sz-api", "hz-rnd"])
        let first = try #require(plant.parks.first)
        #expect(first.positioning == 1 && first.stage == 1)
        #expect(first.reasons.contains { $0.contains("原料药") })
        #expect((first.distanceKm ?? 0) > 100 && (first.distanceKm ?? 0) < 200)   // 苏州–杭州 about 140 km
        let lab = try landing.rank(.init(nodes: ["generic-drugs"], stage: "rnd", preferredArea: "330000"))
        #expect(lab.parks.first?.park.id == "hz-rnd")                              // 仿制药 is 化学药: the parent's name matches
        #expect(lab.parks.first?.area == 1 && lab.parks.last?.area == 0)
        #expect(throws: AnalyticsError.unknownNode("x")) { try landing.rank(.init(nodes: ["x"], stage: "rnd")) }
        #expect(throws: AnalyticsError.self) { try landing.rank(.init(nodes: ["api"], stage: "later")) }
        #expect(throws: AnalyticsError.unknownRegion("999999")) { try landing.rank(.init(nodes: ["api"], stage: "rnd", origin: "999999")) }
    }

    @Test func haversine() {
        // 上海 (121.47, 31.23) to 北京 (116.40, 39.90): about 1,068 km.
        #expect(abs(ParkLanding.haversineKm((121.47, 31.23), (116.40, 39.90)) - 1068) < 10)
    }
}
