import BrainModel

extension SQLStore: WatchStore {
    public func changes(_ query: ChangeQuery) async throws -> [Change] {
        let (sql, arguments) = WatchSQL.selectChanges(query)
        return try await driver.read { s in try await s.rows(sql, arguments) { try WatchSQL.change($0) } }
    }

    public func watchlist(organisation: String, person: String?) async throws -> [WatchItem] {
        let owner = WatchSQL.owned(organisation: organisation, person: person)
        return try await driver.read { s in try await s.rows(WatchSQL.selectWatchlist(owner), owner.arguments) { try WatchSQL.watch($0) } }
    }

    public func addWatch(_ item: WatchItem, audit: AuditOf<WatchItem>?) async throws -> (item: WatchItem, created: Bool) {
        try await driver.transaction { s in
            let key: [SQLValue] = [.text(item.organisationId), .text(item.kind.rawValue), .text(item.targetId), .text(item.personId ?? "")]
            if let existing = try await s.first(WatchSQL.findWatch, key, { try WatchSQL.watch($0) }) { return (existing, false) }
            let id = try await s.count(WatchSQL.insertWatch, [.text(item.organisationId), .text(item.personId), .text(item.kind.rawValue),
                                                             .text(item.targetId), .text(item.createdAt)])
            var stored = item
            stored.id = Int64(id)
            try await Self.append(audit, of: stored, in: s)
            return (stored, true)
        }
    }

    public func removeWatch(_ id: Int64, organisation: String, person: String?, audit: AuditOf<WatchItem>?) async throws -> WatchItem? {
        let owner = WatchSQL.owned(organisation: organisation, person: person)
        return try await driver.transaction { s in
            guard let existing = try await s.first(WatchSQL.watchById(owner), [.int(Int(id))] + owner.arguments, { try WatchSQL.watch($0) }) else {
                return nil
            }
            try await s.execute(WatchSQL.deleteWatch, [.int(Int(id))])
            try await Self.append(audit, of: existing, in: s)
            return existing
        }
    }

    public func alerts(_ query: AlertQuery) async throws -> [Alert] {
        let (sql, arguments) = WatchSQL.selectAlerts(query)
        return try await driver.read { s in try await s.rows(sql, arguments) { try WatchSQL.alert($0) } }
    }

    public func unreadAlertCount(organisation: String, person: String?) async throws -> Int {
        let owner = WatchSQL.owned(organisation: organisation, person: person)
        return try await driver.read { s in try await s.count(WatchSQL.unreadCount(owner), owner.arguments) }
    }

    public func markAlertsRead(_ ids: [Int64]?, organisation: String, person: String?, at: String, audit: AuditOf<Int>?) async throws -> Int {
        let owner = WatchSQL.owned(organisation: organisation, person: person)
        return try await driver.transaction { s in
            let before = try await s.count(WatchSQL.unreadCount(owner), owner.arguments)
            if let ids {
                guard !ids.isEmpty else { return 0 }
                try await s.execute(WatchSQL.markRead(ids, owner), [.text(at)] + owner.arguments + ids.map { .int(Int($0)) })
            } else {
                try await s.execute(WatchSQL.markAllRead(owner), [.text(at)] + owner.arguments)
            }
            let marked = before - (try await s.count(WatchSQL.unreadCount(owner), owner.arguments))
            if marked > 0 { try await Self.append(audit, of: marked, in: s) }
            return marked
        }
    }
}
