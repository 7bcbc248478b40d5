import ArgumentParser
import Foundation
import BrainModel
import BrainStore

/// `brain bench signin`: how slow a password check is on purpose, and how many sign-ins a second the server can
/// then take. Runs on a throwaway SQLite file with synthetic people (合成), so no real account is touched.
struct BenchSignIn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "signin",
                                                    abstract: "Time password hashing (PBKDF2) and sign-ins per second (on a throwaway database).")
    @Option(help: "Sign-ins to time.") var signIns = 40
    @Option(help: "Sign-ins running at once.") var concurrency = ProcessInfo.processInfo.activeProcessorCount

    func run() async throws {
        guard signIns > 0, concurrency > 0 else { throw CommandFailure("--sign-ins and --concurrency must be positive") }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("brain-bench-signin-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path)
        _ = try await store.createOrganisation(id: "bench-org", name: "合成机构", kind: .bureau, regionCode: nil)
        let password = "合成-bench-password-2026"
        let people = 8
        for i in 0..<people {
            _ = try await store.createPerson(Person(id: "bench-\(i)", organisationId: "bench-org", displayName: "合成人员 \(i)", role: .analyst,
                                                    createdAt: ""), password: password)
        }
        var hashTimes: [Double] = []
        for _ in 0..<5 { hashTimes.append(Measurement.seconds { _ = try? PasswordHash.make(password) }.1) }
        print("password hash: PBKDF2-HMAC-SHA256, \(PasswordHash.iterations) iterations, 16-byte salt: median \(String(format: "%.1f", median(hashTimes) * 1000)) ms a hash")
        let policy = SessionPolicy.standard, now = Int(Date().timeIntervalSince1970)
        let cpuBefore = Measurement.cpuSeconds
        let (_, seconds) = try await Measurement.asyncSeconds {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<concurrency {
                    group.addTask {
                        for i in stride(from: worker, to: signIns, by: concurrency) {
                            let login = "bench-\(i % people)"
                            guard case .signedIn = try await store.verifyPassword(login: login, password: password, lockout: .standard, now: now) else {
                                throw CommandFailure("bench sign-in of \(login) was refused")
                            }
                            _ = try await store.createPersonSession(login: login, policy: policy, now: now)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let cpu = Measurement.cpuSeconds - cpuBefore
        print("\(signIns) sign-ins (check the password, open a session), \(concurrency) at once: \(String(format: "%.1f", Double(signIns) / seconds)) sign-ins a second "
              + "(wall \(String(format: "%.2f", seconds)) s, cpu \(String(format: "%.2f", cpu)) s = \(String(format: "%.1f", cpu / Double(signIns) * 1000)) ms of CPU a sign-in)")
        print("slow on purpose: each guess at a stolen hash costs the same \(PasswordHash.iterations) HMACs")
    }

    private func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
}
