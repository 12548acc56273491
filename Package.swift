// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Almanac",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "almanac", targets: ["almanac"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        // The SQL of every migration, embedded in code (DESIGN.md: Schemas/).
        .target(
            name: "Schemas",
            path: "Schemas",
            // wbxml/: the code page table, generated into Sources/WBXML by a script, not embedded.
            exclude: ["README.md", "wbxml"],
            sources: ["Schemas.swift"],
            resources: [
                .embedInCode("store/v0001_store.sql"),
                .embedInCode("store/v0002_folder_properties.sql"),
                .embedInCode("store/v0003_item_search_text.sql"),
                .embedInCode("store/v0004_item_search.sql"),
                .embedInCode("store/v0005_sync_state.sql"),
                .embedInCode("store/v0006_client_add.sql"),
                .embedInCode("directory/v0001_directory.sql"),
                .embedInCode("directory/v0002_activesync.sql"),
            ],
            swiftSettings: swiftSettings
        ),
        // System-library shims (DESIGN.md): libxml2 and libical through pkg-config.
        .systemLibrary(
            name: "CLibxml2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
        // WBXML 1.3 codec and the MS-ASWBXML code pages (DESIGN.md: pure Swift, no dependency).
        .target(
            name: "WBXML",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DAVXML",
            dependencies: ["CLibxml2"],
            swiftSettings: swiftSettings
        ),
        // Outlook and phone Autodiscover, Thunderbird autoconfig, Apple profiles (DESIGN.md); swift-crypto
        // only for the SHA-1 of name-based profile UUIDs (RFC 9562 §5.5).
        .target(
            name: "Autodiscover",
            dependencies: ["DAVXML", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ICalendar",
            dependencies: ["CLibical"],
            swiftSettings: swiftSettings
        ),
        // vCard 3.0/4.0 parse, serialise, convert and validate (DESIGN.md: own code, no dependency).
        .target(
            name: "VCard",
            path: "Sources/VCard",
            swiftSettings: swiftSettings
        ),
        // What the store indexes of iCalendar and vCard bodies, for writes over DAV and over EAS alike.
        .target(
            name: "ItemIndexing",
            dependencies: ["ICalendar", "VCard", "Store"],
            swiftSettings: swiftSettings
        ),
        // EAS item fields ⇄ iCalendar and vCard, keeping what the other side cannot express (DESIGN.md).
        .target(
            name: "Conversions",
            dependencies: ["WBXML", "ICalendar", "VCard"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DAV",
            dependencies: [
                "DAVXML",
                "ICalendar",
                "VCard",
                "Store",
                "ItemIndexing",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Store",
            dependencies: [
                "Schemas",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Directory",
            dependencies: [
                "Schemas",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Exchange ActiveSync commands over the store and the directory (DESIGN.md).
        .target(
            name: "ActiveSync",
            dependencies: [
                "WBXML", "Conversions", "ICalendar", "VCard", "ItemIndexing", "Store", "Directory",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AlmanacServer",
            dependencies: [
                "ActiveSync",
                "Autodiscover",
                "DAV",
                "Store",
                "Directory",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "almanac",
            dependencies: [
                "AlmanacServer",
                "Directory",
                "Store",
                "WBXML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "AlmanacBench",
            dependencies: [
                "AlmanacServer",
                "Store",
                "Directory",
                "WBXML",
                "ICalendar",
                "VCard",
                "ItemIndexing",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Benchmarks/AlmanacBench",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DAVTests",
            dependencies: ["DAV", "DAVXML", "Store"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ActiveSyncTests",
            dependencies: ["ActiveSync", "Conversions", "WBXML", "Store", "Directory"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ConversionsTests",
            dependencies: ["Conversions", "WBXML", "ICalendar", "VCard"],
            resources: [.copy("Golden")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ICalendarTests",
            dependencies: ["ICalendar"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VCardTests",
            dependencies: ["VCard"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AutodiscoverTests",
            dependencies: ["Autodiscover", "DAVXML"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WBXMLTests",
            dependencies: ["WBXML"],
            exclude: ["Corpus"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DAVXMLTests",
            dependencies: ["DAVXML"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Schemas", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DirectoryTests",
            dependencies: [
                "Directory", "Schemas", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AlmanacServerTests",
            dependencies: [
                "AlmanacServer",
                "ActiveSync",
                "WBXML",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AlmanacCLITests",
            dependencies: [
                "Directory",
                "WBXML",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
