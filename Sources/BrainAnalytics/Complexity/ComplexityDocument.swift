/// The JSON of `brain analyze complexity --matrix`: one object with `cells`, `regions`, `sectors` and `proximity`,
/// explicit nulls where a method is undefined, and a `year` on every row when the input has years.
public struct ComplexityDocument: Encodable, Sendable {
    public struct Cell: Encodable, Sendable {
        public let year: String?; public let region: String; public let sector: String; public let rca: Double?; public let mcp: Double?; public let density: Double?; public let cog: Double?
        enum Key: String, CodingKey { case year, region, sector, rca, mcp, density, cog }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encodeIfPresent(year, forKey: .year)
            try c.encode(region, forKey: .region); try c.encode(sector, forKey: .sector)
            try c.encode(rca, forKey: .rca); try c.encode(mcp, forKey: .mcp)
            try c.encode(density, forKey: .density); try c.encode(cog, forKey: .cog)
        }
    }
    public struct RegionRow: Encodable, Sendable {
        public let year: String?; public let region: String; public let diversity: Double?; public let eci: Double?; public let coi: Double?; public let fitness: Double?
        enum Key: String, CodingKey { case year, region, diversity, eci, coi, fitness }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encodeIfPresent(year, forKey: .year)
            try c.encode(region, forKey: .region); try c.encode(diversity, forKey: .diversity)
            try c.encode(eci, forKey: .eci); try c.encode(coi, forKey: .coi); try c.encode(fitness, forKey: .fitness)
        }
    }
    public struct SectorRow: Encodable, Sendable {
        public let year: String?; public let sector: String; public let ubiquity: Double?; public let pci: Double?; public let complexity: Double?
        enum Key: String, CodingKey { case year, sector, ubiquity, pci, complexity }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encodeIfPresent(year, forKey: .year)
            try c.encode(sector, forKey: .sector); try c.encode(ubiquity, forKey: .ubiquity)
            try c.encode(pci, forKey: .pci); try c.encode(complexity, forKey: .complexity)
        }
    }
    public struct ProximityRow: Encodable, Sendable {
        public let year: String?; public let sector1: String; public let sector2: String; public let value: Double?
        enum Key: String, CodingKey { case year, sector1, sector2, value }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encodeIfPresent(year, forKey: .year)
            try c.encode(sector1, forKey: .sector1); try c.encode(sector2, forKey: .sector2); try c.encode(value, forKey: .value)
        }
    }

    public var threshold: Double
    public var reference: String = "Harvard Growth Lab ecomplexity 0.5.3 conventions; fitness-complexity after Tacchella et al. 2012"
    public var cells: [Cell] = []
    public var regions: [RegionRow] = []
    public var sectors: [SectorRow] = []
    public var proximity: [ProximityRow] = []
    /// What the reader must know about the input: empty cells read as 0, a presence graph in several parts (ECI/PCI
    /// ill-posed). Codes with values, so a page or export renders them in its language.
    public var notes: [Note] = []

    public struct Note: Encodable, Sendable, Equatable {
        public var code: String
        public var year: String?
        public var rows: [Int]?
        public var regions: [String]?
        public var sectors: [String]?
        public init(code: String, year: String? = nil, rows: [Int]? = nil, regions: [String]? = nil, sectors: [String]? = nil) {
            (self.code, self.year, self.rows, self.regions, self.sectors) = (code, year, rows, regions, sectors)
        }
    }

    public init(threshold: Double) { self.threshold = threshold }

    public mutating func append(_ r: ComplexityResult, year: String?) {
        let components = PresenceComponents(r)
        if !components.isConnected {
            // Every part but the largest is cut off from it.
            for part in components.parts.dropFirst() {
                notes.append(Note(code: "presence-disconnected", year: year, regions: part.regions, sectors: part.sectors))
            }
        }
        let m = r.sectors.count
        for (i, region) in r.regions.enumerated() {
            regions.append(.init(year: year, region: region, diversity: r.diversity[i], eci: r.eci[i], coi: r.coi[i], fitness: r.fitness[i]))
            for (j, sector) in r.sectors.enumerated() {
                cells.append(.init(year: year, region: region, sector: sector, rca: r.rca[i * m + j], mcp: r.mcp[i * m + j],
                                   density: r.density[i * m + j], cog: r.cog[i * m + j]))
            }
        }
        for (j, sector) in r.sectors.enumerated() {
            sectors.append(.init(year: year, sector: sector, ubiquity: r.ubiquity[j], pci: r.pci[j], complexity: r.complexity[j]))
            for (k, other) in r.sectors.enumerated() {
                proximity.append(.init(year: year, sector1: sector, sector2: other, value: r.proximity[j * m + k]))
            }
        }
    }
}
