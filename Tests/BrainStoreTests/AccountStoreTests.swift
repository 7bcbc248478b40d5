import Foundation
import Testing
import BrainModel
import BrainStore

/// People, passwords and person sessions on both backends: the hash verifies only the right password, failures
/// lock a person for the policy's time and no longer, disabled people and their sessions are refused, and the
/// organisations of earlier releases keep their tokens as national bureaus.
@Suite struct AccountStoreTests {
    static let password = "正确的密码-correct-horse"
    static let policy = SessionPolicy.standard

    func storeWithBureau(_ backend: Backend, _ name: String) async throws -> any ImportingStore {
        let store = try await MarketStoreTests().store(backend, name)
        _ = try await store.createOrganisation(id: "suzhou-bureau", name: "苏州市工信局", kind: .bureau, regionCode: "320500")
        return store
    }

    static func person(_ login: String, role: Role = .analyst, organisation: String = "suzhou-bureau") -> Person {
        Person(id: login, organisationId: organisation, displayName: "张三", role: role, createdAt: "")
    }

    @Test(arguments: Backend.allCases) func createVerifyAndRefuseAWrongPassword(_ backend: Backend) async throws {
        let store = try await storeWithBureau(backend, "accounts_verify")
        let created = try await store.createPerson(Self.person("zhangsan"), password: Self.password)
        #expect(created.role == .analyst && !created.disabled && !created.createdAt.isEmpty)
        #expect(try await store.person("zhangsan") == created)
        #expect(try await store.verifyPassword(login: "zhangsan", password: Self.password, lockout: .standard, now: 1000) == .signedIn(created))
        #expect(try await store.verifyPassword(login: "zhangsan", password: Self.password + "x", lockout: .standard, now: 1000)
                == .refused(.wrongPassword, lockedUntil: nil))
        #expect(try await store.verifyPassword(login: "nobody", password: Self.password, lockout: .standard, now: 1000)
                == .refused(.unknownLogin, lockedUntil: nil))
        await #expect(throws: AccountStoreError.personExists("zhangsan")) { try await store.createPerson(Self.person("zhangsan"), password: Self.password) }
        await #expect(throws: AccountStoreError.invalidLogin("Zhang San")) { try await store.createPerson(Self.person("Zhang San"), password: Self.password) }
        await #expect(throws: MarketStoreError.noSuchOrganisation("nowhere")) {
            try await store.createPerson(Self.person("lisi", organisation: "nowhere"), password: Self.password)
        }
    }

    @Test(arguments: Backend.allCases) func aShortPasswordIsRefusedInChinese(_ backend: Backend) async throws {
        let store = try await storeWithBureau(backend, "accounts_policy")
        do {
            _ = try await store.createPerson(Self.person("lisi"), password: "short")
            Issue.record("a 5-character password was accepted")
        } catch let error as AccountStoreError {
            #expect(error.description.hasPrefix("密码太短"))
        }
        #expect(try await store.person("lisi") == nil)
    }

    @Test(arguments: Backend.allCases) func failuresLockAndTheLockEnds(_ backend: Backend) async throws {
        let store = try await storeWithBureau(backend, "accounts_lockout")
        let person = try await store.createPerson(Self.person("wangwu"), password: Self.password)
        let lockout = LockoutPolicy(maxFailures: 3, seconds: 900)
        for _ in 0..<2 {
            #expect(try await store.verifyPassword(login: "wangwu", password: "wrong-password!", lockout: lockout, now: 1000)
                    == .refused(.wrongPassword, lockedUntil: nil))
        }
        #expect(try await store.verifyPassword(login: "wangwu", password: "wrong-password!", lockout: lockout, now: 1000)
                == .refused(.locked, lockedUntil: 1900))
        // Locked: even the right password is refused until the lock ends, then it works and the count starts over.
        #expect(try await store.verifyPassword(login: "wangwu", password: Self.password, lockout: lockout, now: 1899)
                == .refused(.locked, lockedUntil: 1900))
        #expect(try await store.verifyPassword(login: "wangwu", password: Self.password, lockout: lockout, now: 1900) == .signedIn(person))
        #expect(try await store.verifyPassword(login: "wangwu", password: "wrong-password!", lockout: lockout, now: 1901)
                == .refused(.wrongPassword, lockedUntil: nil))
    }

    /// A burst of parallel guesses cannot each pass a lock check read before the slow hash: attempts are claimed
    /// atomically, so at most `maxFailures` are ever weighed, and the right password right after the burst is refused.
    @Test(arguments: Backend.allCases) func parallelGuessesAreCountedOneByOne(_ backend: Backend) async throws {
        let store = try await storeWithBureau(backend, "accounts_burst")
        _ = try await store.createPerson(Self.person("burst"), password: Self.password)
        let lockout = LockoutPolicy(maxFailures: 3, seconds: 900)
        let answers = try await withThrowingTaskGroup(of: SignInResult.self) { group in
            for _ in 0..<8 {
                group.addTask { try await store.verifyPassword(login: "burst", password: "wrong-password!", lockout: lockout, now: 1000) }
            }
            return try await group.reduce(into: [SignInResult]()) { $0.append($1) }
        }
        #expect(answers.filter { $0 == .refused(.wrongPassword, lockedUntil: nil) }.count <= 2, "\(answers)")
        #expect(try await store.verifyPassword(login: "burst", password: Self.password, lockout: lockout, now: 1001) == .refused(.locked, lockedUntil: 1900))
    }

    @Test(arguments: Backend.allCases) func disablingRefusesSignInAndEndsSessions(_ backend: Backend) async throws {
        let store = try await storeWithBureau(backend, "accounts_disable")
        let person = try await store.createPerson(Self.person("zhaoliu", role: .investment), password: Self.password)
        let session = try await store.createPersonSession(login: "zhaoliu", policy: Self.policy, now: 1000)
        let holder = try await store.sessionHolder(session, policy: Self.policy, now: 1001)
        #expect(holder?.person == person && holder?.organisation.id == "suzhou-bureau" && holder?.organisation.regionCode == "320500")
        let (before, after) = try await store.setDisabled("zhaoliu", disabled: true)
        #expect(!before.disabled && after.disabled)
        #expect(try await store.sessionHolder(session, policy: Self.policy, now: 1002) == nil)
        #expect(try await store.verifyPassword(login: "zhaoliu", password: Self.password, lockout: .standard, now: 1003)
                == .refused(.disabled, lockedUntil: nil))
        await #expect(throws: AccountStoreError.noSuchPerson("zhaoliu")) {
            try await store.createPersonSession(login: "zhaoliu", policy: Self.policy, now: 1004)
        }
    }

    @Test(arguments: Backend.allCases) func roleChangesAndPasswordChangesEndSessions(_ backend: Backend) async throws {
        let store = try await storeWithBureau(backend, "accounts_role")
        _ = try await store.createOrganisation(id: "biobay", name: "BioBAY", kind: .park, regionCode: "320571")
        _ = try await store.createPerson(Self.person("sunqi", role: .viewer), password: Self.password)
        _ = try await store.createPerson(Self.person("park-admin", role: .admin, organisation: "biobay"), password: Self.password)
        let (before, after) = try await store.setRole("sunqi", role: .investment)
        #expect(before.role == .viewer && after.role == .investment)
        #expect(try await store.people(organisation: "suzhou-bureau").map(\.id) == ["sunqi"])
        #expect(try await store.people(organisation: nil).map(\.id) == ["park-admin", "sunqi"])
        let session = try await store.createPersonSession(login: "sunqi", policy: Self.policy, now: 1000)
        #expect(try await store.sessionHolder(session, policy: Self.policy, now: 1001)?.person?.role == .investment)
        try await store.setPassword("sunqi", password: "另一个足够长的新密码-2026")
        #expect(try await store.sessionHolder(session, policy: Self.policy, now: 1002) == nil)
        #expect(try await store.verifyPassword(login: "sunqi", password: "另一个足够长的新密码-2026", lockout: .standard, now: 1003) != .refused(.wrongPassword, lockedUntil: nil))
        await #expect(throws: AccountStoreError.noSuchPerson("ghost")) { try await store.setRole("ghost", role: .admin) }
        await #expect(throws: AccountStoreError.invalidRegion("32")) {
            try await store.createOrganisation(id: "bad-region", name: "x", kind: .park, regionCode: "32")
        }
    }

    @Test(arguments: Backend.allCases) func earlierOrganisationsAreNationalBureausAndKeepTheirTokens(_ backend: Backend) async throws {
        let store = try await MarketStoreTests().store(backend, "accounts_carried")
        // The market's own insert names neither kind nor region, as every organisation before accounts did.
        let old = try await store.createOrganisation(id: "old-bureau", name: "旧机构")
        let found = try await store.organisation(token: old.token)
        #expect(found?.kind == .bureau && found?.regionCode == nil)
        let session = try await store.createSession(organisation: "old-bureau", policy: Self.policy, now: 1000)
        let holder = try await store.sessionHolder(session, policy: Self.policy, now: 1001)
        #expect(holder?.organisation.id == "old-bureau" && holder?.person == nil)
        #expect(try await store.sessionOrganisation(session, policy: Self.policy, now: 1002)?.id == "old-bureau")
    }

    @Test func passwordHashesAreSaltedAndSlow() throws {
        let a = try PasswordHash.make(Self.password), b = try PasswordHash.make(Self.password)
        #expect(a.iterations >= 210_000 && a.salt != b.salt && a.digest != b.digest)
        #expect(try a.matches(Self.password) && !(try a.matches(Self.password + " ")))
    }
}
