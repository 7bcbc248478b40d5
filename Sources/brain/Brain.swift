import ArgumentParser

@main
struct Brain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brain",
        abstract: "IndustryBrain: a biomedicine industry brain over real open data.",
        subcommands: [Serve.self, BuildDB.self, Curate.self, Stats.self, RegionCommand.self, Analyze.self, Recommend.self, Policies.self, Match.self, TalentCommand.self, Org.self, User.self, Admin.self, AuditCommand.self, PublishCommand.self, DemandCommand.self, RecommendPartners.self, Bench.self, Generate.self, Import.self, Review.self, Normalize.self, Resolve.self, SimplifyGeometry.self, Fuzz.self])
}

/// Options every command that reads the store shares.
struct StoreOptions: ParsableArguments {
    @Option(name: [.customLong("database"), .customLong("db")],
            help: "SQLite database file, or a PostgreSQL address postgres://user[:password]@host[:port]/database[?sslmode=disable].")
    var db: String = "brain.sqlite"
}
