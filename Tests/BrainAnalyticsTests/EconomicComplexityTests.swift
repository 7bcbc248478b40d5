import Testing
import BrainAnalytics

/// BrainAnalytics against the Growth Lab's `ecomplexity` 0.5.3 on the committed reference matrices.
@Suite struct EconomicComplexityTests {
    static let tolerance = 1e-9

    @Test(arguments: ReferenceFixture.names)
    func matchesTheReferenceImplementation(name: String) throws {
        let fixture = try ReferenceFixture(name)
        let result = EconomicComplexity.compute(fixture.matrix)
        let fields = fixture.expected.cellFields
        var worst = 0.0, compared = 0
        for cell in fixture.expected.cells {
            let region = try #require(result.regions.firstIndex(of: cell[0].text))
            let sector = try #require(result.sectors.firstIndex(of: cell[1].text))
            // The reference reports a cell outside the kept block (region or sector with a zero total) as all-null.
            let kept = result.cell(result.rca, region: region, sector: sector) != nil
            for (k, field) in fields.enumerated().dropFirst(2) {
                let ours = kept ? value(result, field, region, sector) : nil
                let theirs = cell[k].number
                #expect((ours == nil) == (theirs == nil), "\(name) \(cell[0].text)/\(cell[1].text) \(field): ours \(String(describing: ours)), reference \(String(describing: theirs))")
                if let ours, let theirs { worst = max(worst, abs(ours - theirs)); compared += 1 }
            }
        }
        for pair in fixture.expected.proximity {
            let p = try #require(result.sectors.firstIndex(of: pair[0].text)), q = try #require(result.sectors.firstIndex(of: pair[1].text))
            let ours = result.proximity[p * result.sectors.count + q], theirs = pair[2].number
            #expect((ours == nil) == (theirs == nil))
            if let ours, let theirs { worst = max(worst, abs(ours - theirs)); compared += 1 }
        }
        #expect(compared > 100)
        #expect(worst < Self.tolerance, "\(name): max absolute difference \(worst)")
    }

    func value(_ r: ComplexityResult, _ field: String, _ region: Int, _ sector: Int) -> Double? {
        switch field {
        case "rca": r.cell(r.rca, region: region, sector: sector)
        case "mcp": r.cell(r.mcp, region: region, sector: sector)
        case "density": r.cell(r.density, region: region, sector: sector)
        case "cog": r.cell(r.cog, region: region, sector: sector)
        case "diversity": r.diversity[region]
        case "ubiquity": r.ubiquity[sector]
        case "eci": r.eci[region]
        case "pci": r.pci[sector]
        case "coi": r.coi[region]
        default: nil
        }
    }

    @Test func edgeCasesFollowTheReferenceConventions() throws {
        let result = EconomicComplexity.compute(try ReferenceFixture("edge-cases").matrix)
        let z = try #require(result.regions.firstIndex(of: "Z")), s5 = try #require(result.sectors.firstIndex(of: "s5"))
        let w = try #require(result.regions.firstIndex(of: "W")), s1 = try #require(result.sectors.firstIndex(of: "s1"))
        // A region and a sector with zero totals are dropped: every output is null.
        #expect(result.eci[z] == nil && result.diversity[z] == nil && result.pci[s5] == nil)
        #expect(result.cell(result.rca, region: w, sector: s5) == nil)
        // RCA exactly 1 counts as present (RCA ≥ threshold).
        #expect(result.cell(result.rca, region: w, sector: s1) == 1)
        #expect(result.cell(result.mcp, region: w, sector: s1) == 1)
        // Proximity of a node with itself is 1, so density includes the node itself.
        #expect(result.proximity[s1 * result.sectors.count + s1] == 1)
    }

    @Test func handComputedTwoByTwo() {
        // x = [[3,1],[1,3]]: RCA = (3/4)/(4/8) = 1.5 on the diagonal, 0.5 off it; M = I.
        let m = LabeledMatrix(rowLabels: ["a", "b"], columnLabels: ["p", "q"], values: [3, 1, 1, 3])
        let r = EconomicComplexity.compute(m)
        #expect(r.rca.compactMap { $0 } == [1.5, 0.5, 0.5, 1.5])
        #expect(r.mcp.compactMap { $0 } == [1, 0, 0, 1])
        // P(p|q) = 0: proximity is the identity, density of a present node 1, of an absent one 0.
        #expect(r.proximity.compactMap { $0 } == [1, 0, 0, 1])
        #expect(r.density.compactMap { $0 } == [1, 0, 0, 1])
    }

    @Test func aPresenceGraphInPiecesIsNamed() {
        // M = I: region a makes only p, b only q — two parts, ECI ill-posed.
        let apart = PresenceComponents(EconomicComplexity.compute(LabeledMatrix(rowLabels: ["a", "b"], columnLabels: ["p", "q"], values: [3, 1, 1, 3])))
        #expect(!apart.isConnected)
        #expect(apart.parts.count == 2)
        #expect(Set(apart.parts.map(\.regions)) == [["a"], ["b"]])
        // a makes p and q, b q and r, c p and r: one part.
        let joined = PresenceComponents(EconomicComplexity.compute(LabeledMatrix(rowLabels: ["a", "b", "c"], columnLabels: ["p", "q", "r"],
                                                                                 values: [1, 1, 0, 0, 1, 1, 1, 0, 1])))
        #expect(joined.isConnected, "\(joined.parts)")
        var document = ComplexityDocument(threshold: 1)
        document.append(EconomicComplexity.compute(LabeledMatrix(rowLabels: ["a", "b"], columnLabels: ["p", "q"], values: [3, 1, 1, 3])), year: nil)
        #expect(document.notes.map(\.code) == ["presence-disconnected"])
    }
}
