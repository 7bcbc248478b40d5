import BrainModel

/// What a region profile's steps fold in, in the order they run.
private struct ProfileState: Sendable {
    var region: Region?
    /// The next ancestor to read; each ancestor step reads it only if every step before found its region.
    var nextAncestor: String?
    var ancestors: [RegionRef] = []
    var children: [RegionRef] = []
    var listed = 0
    var biomedicine = (firms: 0, employees: 0)
    var nodeCounts: [NodeCount] = []
    var largest = SummaryBatch()
    var parks: [Park] = []
    var universities = 0

    var filter: RegionFilter? { region.map { RegionFilter($0) } }
}

extension SQLStore {
    /// A region's page figures, every statement in one driver read.
    public func regionProfile(_ code: String, largest: Int) async throws -> RegionProfile? {
        let state = try await driver.readSteps(ProfileState(), Self.profileSteps(code, largest: largest))
        guard let region = state.region else { return nil }
        return RegionProfile(region: region, parent: state.ancestors.last, ancestors: state.ancestors, children: state.children,
                             listedFirms: state.listed, biomedicineFirms: state.biomedicine.firms,
                             biomedicineEmployees: state.biomedicine.employees, nodeCounts: state.nodeCounts,
                             largestFirms: state.largest.summaries, parks: state.parks, universities: state.universities)
    }

    private static func profileSteps(_ code: String, largest: Int) -> [ReadStep<ProfileState>] {
        let city = Region.cityCode(of: code)
        // At most four levels up: a code table with a cycle must not hang a request.
        let ancestorSteps = (0..<4).map { level in
            ReadStep<ProfileState>(after: { state in
                guard state.ancestors.count == level, let parent = state.nextAncestor else { return nil }
                return (StoreSQL.regionByCode, [.text(parent)])
            }) { state, row in
                let parent = try RowMapping.region(row)
                state.ancestors.insert(RegionRef(code: parent.code, name: parent.name, level: parent.level), at: 0)
                state.nextAncestor = parent.parentCode
            }
        }
        let regionStep = ReadStep<ProfileState>(StoreSQL.regionByCode, [.text(code)]) { state, row in
            let region = try RowMapping.region(row)
            (state.region, state.nextAncestor) = (region, region.parentCode)
        }
        let figureSteps: [ReadStep<ProfileState>] = [
            ReadStep(after: { state in state.region == nil ? nil : (StoreSQL.childRefs, [.text(code)]) }) { state, row in
                state.children.append(try RowMapping.regionRef(row))
            },
            ReadStep(after: { state in state.filter.map { (StoreSQL.listedCount($0), $0.arguments.textArguments) } }) { state, row in
                state.listed = try row.int("n")
            },
            ReadStep(after: { state in state.filter.map { (StoreSQL.biomedicineTotals($0), $0.arguments.textArguments) } }) { state, row in
                state.biomedicine = (try row.int("n"), try row.int("employees"))
            },
            ReadStep(after: { state in state.filter.map { (StoreSQL.nodeCounts($0), $0.arguments.textArguments) } }) { state, row in
                state.nodeCounts.append(try RowMapping.nodeCount(row))
            },
            ReadStep(after: { state in state.region == nil ? nil : (StoreSQL.parksWithin, [.text(code), .text(code), .text(code)]) }) { state, row in
                state.parks.append(try RowMapping.park(row))
            },
            // A district reports no universities, as the profile always has.
            ReadStep(after: { state in
                guard let region = state.region, region.level != .district else { return nil }
                return (StoreSQL.universitiesWithin, [.text(code), .text(code), .text(city)])
            }) { state, row in state.universities = try row.int("n") },
        ]
        let largestSteps = SummaryBatch.steps(\ProfileState.largest) { state in
            state.filter.map { (StoreSQL.largestFirms($0), $0.arguments.textArguments + [.int(largest)]) }
        }
        return [regionStep] + ancestorSteps + figureSteps + largestSteps
    }
}
