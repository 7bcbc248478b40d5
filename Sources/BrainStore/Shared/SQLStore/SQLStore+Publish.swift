import BrainModel

extension SQLStore {
    public func setImportPublished(_ id: Int, _ published: Bool, organisation: String?, scope: String?, by actor: String, at: String,
                                   audit: AuditOf<PublicationChange>?) async throws -> PublicationChange {
        try await driver.transaction { s in
            guard let before = try await s.first(ImportSQL.importById, [.int(id)], { try PublishSQL.importPublication($0) }),
                  Self.mayTouch(before, organisation) else { throw PublishError.unknown }
            if published, let scope {
                let places = try await s.rows(PublishSQL.importFirmPlaces, [.text(Layer.of(importId: id))]) { row in
                    try row.optionalText("district_code") ?? row.optionalText("city_code") ?? row.optionalText("province_code")
                }
                // An unlocated firm is only a national organisation's to make public, as to correct.
                let outside = places.filter { place in place.map { !RegionScope.covers(scope, $0) } ?? true }.count
                if outside > 0 {
                    throw PublishError.outsideScope(outside: outside, located: places.compactMap { $0 }.count, scope: scope)
                }
            }
            var after = before
            (after.publishedAt, after.publishedBy) = published ? (before.publishedAt ?? at, before.publishedBy ?? actor) : (nil, nil)
            let change = PublicationChange(before: before, after: after)
            guard change.changed else { return change }
            try await s.execute(PublishSQL.setImport, [.text(after.publishedAt), .text(after.publishedBy), .int(id)])
            if published {
                let hidden = [""] + HiddenImports(try await CurationChanges.importLayers(s), for: .organisation(nil)).sortedLayers
                try await s.execute(PublishSQL.publishImportChanges(privateLayers: hidden.count), [.int(id)] + hidden.textArguments)
                // Now public, its changes reach every organisation's watchers; the owner's have theirs already (the
                // insert skips an alert that exists). Withdrawing deletes none, but an alert whose change is no longer
                // public is no longer read, counted or posted (WatchSQL.visibleChange).
                try await s.execute(WatchSQL.raiseAlerts, [.int(id)])
            } else {
                try await s.execute(PublishSQL.withdrawImportChanges, [.text(before.organisationId), .int(id)])
            }
            try await Self.append(audit, of: change, in: s)
            return change
        }
    }

    public func setCurationPublished(_ id: String, _ published: Bool, organisation: String?, by actor: String, at: String,
                                     audit: AuditOf<PublicationChange>?) async throws -> PublicationChange {
        try await driver.transaction { s in
            guard let before = try await s.first(PublishSQL.curationById, [.text(id)], { try PublishSQL.curationPublication($0) }),
                  Self.mayTouch(before, organisation) else { throw PublishError.unknown }
            var after = before
            (after.publishedAt, after.publishedBy) = published ? (before.publishedAt ?? at, before.publishedBy ?? actor) : (nil, nil)
            let change = PublicationChange(before: before, after: after)
            guard change.changed else { return change }
            try await s.execute(PublishSQL.setCuration, [.text(after.publishedAt), .text(after.publishedBy), .text(id)])
            // The firm's stored placement is made of the public curations: it now includes (or drops) this one, a node
            // move in the change feed like any curation's.
            let firm = before.title
            let audience = try await CurationChanges.audience(s, firm, try await CurationChanges.importLayers(s))
            let nodesBefore = try await CurationChanges.nodes(s, firm, audience.visibility)
            try await Self.writeThrough(s, firm)
            try await CurationChanges.record(s, firm: firm, curationIds: [id], at: at, before: nodesBefore,
                                             after: try await CurationChanges.nodes(s, firm, audience.visibility),
                                             organisation: audience.organisation)
            try await Self.append(audit, of: change, in: s)
            return change
        }
    }

    public func publications(organisation: String?) async throws -> [Publication] {
        let all = try await driver.read { s in
            try await s.rows(PublishSQL.organisationImports, []) { try PublishSQL.importPublication($0) }
                + s.rows(PublishSQL.organisationCurations, []) { try PublishSQL.curationPublication($0) }
        }
        return all.filter { organisation == nil || $0.organisationId == organisation }.sorted { $0.createdAt > $1.createdAt }
    }

    /// An organisation's record, and the caller's organisation's or the operator's (nil) to touch; the operator's own
    /// records (no organisation) are public already and answer as unknown.
    private static func mayTouch(_ record: Publication, _ organisation: String?) -> Bool {
        !record.organisationId.isEmpty && (organisation == nil || record.organisationId == organisation)
    }
}
