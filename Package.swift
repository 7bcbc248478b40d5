// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "IndustryBrain",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "brain", targets: ["brain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Posts organisations' alert webhooks (issue 19 item 4); Hummingbird has no HTTP client of its own.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Named because our code imports NIOCore/NIOPosix itself (byte buffers, the webhook tests' raw listener).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        .target(name: "BrainModel"),
        .target(name: "BrainIngest", dependencies: ["BrainModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "BrainStore", dependencies: [
            "BrainModel",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
            // PBKDF2 for passwords (issue 19); named _CryptoExtras so both swift-crypto 3.x and 4.x provide it.
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
        .target(name: "BrainAnalytics", dependencies: ["BrainModel"]),
        // The use cases both front ends call (import kinds and the one import service, the analytics workbench).
        .target(name: "BrainUseCases", dependencies: [
            "BrainModel", "BrainIngest", "BrainStore", "BrainAnalytics",
            .product(name: "Logging", package: "swift-log"),
        ], exclude: ["README.md"]),
        .target(name: "BrainServer", dependencies: [
            "BrainModel", "BrainIngest", "BrainStore", "BrainAnalytics", "BrainUseCases",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
        ], resources: [.copy("Templates"), .copy("Assets")]),
        .executableTarget(name: "brain", dependencies: [
            "BrainModel", "BrainIngest", "BrainStore", "BrainAnalytics", "BrainUseCases", "BrainServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "BrainIngestTests", dependencies: [
            "BrainIngest", "BrainModel", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Fixtures"]),
        .testTarget(name: "BrainAnalyticsTests", dependencies: ["BrainAnalytics", "BrainIngest", "BrainModel"], exclude: ["Fixtures"]),
        .testTarget(name: "BrainStoreTests", dependencies: [
            "BrainStore", "BrainIngest", "BrainModel", .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "BrainUseCasesTests", dependencies: ["BrainUseCases", "BrainStore", "BrainIngest", "BrainModel"]),
        .testTarget(name: "BrainServerTests", dependencies: [
            "BrainServer", "BrainStore", "BrainIngest", "BrainUseCases",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            // Webhook tests check the signature with their own HMAC, as a receiver would.
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ], exclude: ["Snapshots"]),
    ]
)
