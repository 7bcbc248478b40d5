/// What an import read, kept and rejected, per file, with reasons; printed by `brain build-db`.
public struct FileReport: Codable, Sendable {
    public var file: String
    public var read = 0
    public var accepted = 0
    public var rejected = 0
    /// Reason → count of rows rejected (or accepted with a warning, see `warnings`) for it.
    public var rejectionReasons: [String: Int] = [:]
    public var warnings: [String: Int] = [:]
    /// The first few located problems, so a user can open the file at the right line.
    public var examples: [String] = []

    public init(file: String) { self.file = file }

    mutating func accept() { read += 1; accepted += 1 }

    mutating func reject(_ problem: SourceFileError) {
        read += 1
        rejected += 1
        rejectionReasons[problem.reason, default: 0] += 1
        if examples.count < 5 { examples.append(problem.description) }
    }

    mutating func warn(_ problem: SourceFileError) {
        warnings[problem.reason, default: 0] += 1
        if examples.count < 5 { examples.append("warning: " + problem.description) }
    }
}

public struct ImportReport: Codable, Sendable {
    public var files: [FileReport] = []
    public init() {}
    public var totalRead: Int { files.reduce(0) { $0 + $1.read } }
    public var totalAccepted: Int { files.reduce(0) { $0 + $1.accepted } }
    public var totalRejected: Int { files.reduce(0) { $0 + $1.rejected } }
}
