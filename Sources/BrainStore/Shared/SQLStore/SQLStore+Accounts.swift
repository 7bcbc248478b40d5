import BrainModel

extension SQLStore: AccountStore {
    public func createOrganisation(id: String, name: String, kind: OrganisationKind, regionCode: String?,
                                   audit: AuditOf<Organisation>?) async throws -> OrganisationCredentials {
        try MarketSQL.checkOrganisationId(id)
        try AccountSQL.checkRegion(regionCode)
        let token = MarketToken.generate()
        let organisation = Organisation(id: id, name: name, createdAt: MarketSQL.now(), kind: kind, regionCode: regionCode)
        try await driver.transaction { s in
            guard try await s.first(MarketSQL.organisationById, [.text(id)], { _ in true }) == nil else { throw MarketStoreError.organisationExists(id) }
            try await s.execute(AccountSQL.insertOrganisation, [.text(id), .text(name), .text(MarketToken.digest(token)),
                                                                .text(organisation.createdAt), .text(kind.rawValue), .text(regionCode)])
            try await Self.append(audit, of: organisation, in: s)
        }
        return OrganisationCredentials(organisation: organisation, token: token)
    }

    public func createPerson(_ person: Person, password: String, audit: AuditOf<Person>?) async throws -> Person {
        guard LoginRule.isValid(person.id) else { throw AccountStoreError.invalidLogin(person.id) }
        if let problem = PasswordPolicy.problem(password) { throw AccountStoreError.weakPassword(zh: problem.zh, en: problem.en) }
        let hash = try PasswordHash.make(password)
        var created = person
        created.disabled = false
        created.createdAt = MarketSQL.now()
        try await driver.transaction { [created] s in
            guard try await s.first(MarketSQL.organisationById, [.text(created.organisationId)], { _ in true }) != nil else {
                throw MarketStoreError.noSuchOrganisation(created.organisationId)
            }
            guard try await s.first(AccountSQL.person, [.text(created.id)], { _ in true }) == nil else { throw AccountStoreError.personExists(created.id) }
            try await s.execute(AccountSQL.insertPerson, [.text(created.id), .text(created.organisationId), .text(created.displayName),
                                                          .text(created.role.rawValue), .text(hash.digest), .text(hash.salt),
                                                          .int(hash.iterations), .text(created.createdAt)])
            try await Self.append(audit, of: created, in: s)
        }
        return created
    }

    public func person(_ login: String) async throws -> Person? {
        try await driver.read { s in try await s.first(AccountSQL.person, [.text(login)]) { try AccountSQL.person($0) } }
    }

    public func people(organisation: String?) async throws -> [Person] {
        try await driver.read { s in
            if let organisation { return try await s.rows(AccountSQL.peopleOfOrganisation, [.text(organisation)]) { try AccountSQL.person($0) } }
            return try await s.rows(AccountSQL.everyone, []) { try AccountSQL.person($0) }
        }
    }

    public func setRole(_ login: String, role: Role, audit: AuditOf<PersonChange>?) async throws -> PersonChange {
        try await changePerson(login, audit: audit) { s in try await s.execute(AccountSQL.setRole, [.text(role.rawValue), .text(login)]) }
    }

    public func setDisabled(_ login: String, disabled: Bool, audit: AuditOf<PersonChange>?) async throws -> PersonChange {
        try await changePerson(login, audit: audit) { s in
            try await s.execute(AccountSQL.setDisabled, [.bool(disabled), .text(login)])
            if disabled { try await s.execute(AccountSQL.deletePersonSessions, [.text(login)]) }
        }
    }

    public func setPassword(_ login: String, password: String, audit: AuditOf<PersonChange>?) async throws {
        if let problem = PasswordPolicy.problem(password) { throw AccountStoreError.weakPassword(zh: problem.zh, en: problem.en) }
        let hash = try PasswordHash.make(password)
        _ = try await changePerson(login, audit: audit) { s in
            try await s.execute(AccountSQL.setPassword, [.text(hash.digest), .text(hash.salt), .int(hash.iterations), .text(login)])
            try await s.execute(AccountSQL.deletePersonSessions, [.text(login)])
        }
    }

    /// Runs `change` on an existing person in one transaction, with `audit`'s entry, and returns them before and after.
    private func changePerson(_ login: String, audit: AuditOf<PersonChange>?,
                              _ change: @escaping @Sendable (any SQLWriteSession) async throws -> Void) async throws -> PersonChange {
        try await driver.transaction { s in
            guard let before = try await s.first(AccountSQL.person, [.text(login)], { try AccountSQL.person($0) }) else {
                throw AccountStoreError.noSuchPerson(login)
            }
            try await change(s)
            guard let after = try await s.first(AccountSQL.person, [.text(login)], { try AccountSQL.person($0) }) else {
                throw AccountStoreError.noSuchPerson(login)
            }
            try await Self.append(audit, of: (before, after), in: s)
            return (before, after)
        }
    }

    public func verifyPassword(login: String, password: String, lockout: LockoutPolicy, now: Int) async throws -> SignInResult {
        let found = try await driver.read { s in try await s.first(AccountSQL.credentials, [.text(login)]) { try AccountSQL.Credentials($0) } }
        guard let found else {
            // The same hashing time as a real check, so timing does not tell which logins exist.
            _ = try PasswordHash.make(String(password.prefix(PasswordPolicy.maximumLength)))
            return .refused(.unknownLogin, lockedUntil: nil)
        }
        let claimed = try await driver.transaction { s in
            try await s.rows(AccountSQL.claimAttempt, [.text(login), .int(now), .int(lockout.maxFailures)]) { try $0.int("n") }.first
        }
        guard let attempt = claimed else {
            let until = try await driver.read { s in
                try await s.first(AccountSQL.credentials, [.text(login)]) { try $0.optionalInt("locked_until") } ?? nil
            }
            return .refused(.locked, lockedUntil: until.flatMap { $0 > now ? $0 : nil } ?? now + lockout.seconds)
        }
        // A password longer than the policy allows is hashed only up to that length, so its answer takes as long as
        // any other (timing tells nothing), and is refused.
        let matches = try found.hash.matches(String(password.prefix(PasswordPolicy.maximumLength)))
            && password.count <= PasswordPolicy.maximumLength
        guard matches else {
            guard attempt >= lockout.maxFailures else { return .refused(.wrongPassword, lockedUntil: nil) }
            let until = now + lockout.seconds
            try await driver.transaction { s in try await s.execute(AccountSQL.lock, [.int(until), .text(login), .int(lockout.maxFailures)]) }
            return .refused(.locked, lockedUntil: until)
        }
        if found.person.disabled { return .refused(.disabled, lockedUntil: nil) }
        try await driver.transaction { s in try await s.execute(AccountSQL.clearFailures, [.text(login)]) }
        return .signedIn(found.person)
    }

    public func createPersonSession(login: String, policy: SessionPolicy, now: Int, audit: AuditOf<Person>?) async throws -> String {
        let session = AccessSQL.newSecret()
        try await driver.transaction { s in
            guard let person = try await s.first(AccountSQL.person, [.text(login)], { try AccountSQL.person($0) }), !person.disabled else {
                throw AccountStoreError.noSuchPerson(login)
            }
            try await s.execute(AccountSQL.sweepPersonSessions, [.text(login), .int(now - policy.idleSeconds), .int(now - policy.absoluteSeconds)])
            try await s.execute(AccountSQL.insertPersonSession, [.text(AccessSQL.digest(session)), .text(person.organisationId),
                                                                 .text(login), .int(now), .int(now)])
            try await Self.append(audit, of: person, in: s)
        }
        return session
    }

    public func sessionHolder(_ session: String, policy: SessionPolicy, now: Int) async throws -> SessionHolder? {
        let digest = AccessSQL.digest(session)
        let found = try await driver.read { s in
            try await s.first(AccountSQL.sessionHolder, [.text(digest)]) {
                (createdAt: try $0.int("session_created"), seenAt: try $0.int("seen_at"),
                 holder: SessionHolder(organisation: try MarketRowMapping.organisation($0), person: try AccountSQL.sessionPerson($0)))
            }
        }
        guard let (createdAt, seenAt, holder) = found else { return nil }
        // A read-only store (a copy, a standby) checks sessions but records nothing about them.
        guard policy.isLive(createdAt: createdAt, seenAt: seenAt, now: now), holder.person?.disabled != true else {
            if !isReadOnly { try await deleteSession(session) }
            return nil
        }
        if now - seenAt >= policy.touchEverySeconds, !isReadOnly {
            try await driver.transaction { s in try await s.execute(AccessSQL.touchSession, [.int(now), .text(digest)]) }
        }
        return holder
    }
}
