// swift-tools-version:6.0
import PackageDescription

/// Settings every Swift target shares: a target's public API cannot leak a dependency,
/// and a member is visible only where its module is imported.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "playbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "playbook", targets: ["playbook"]),
        .library(name: "PlaybookBuild", targets: ["PlaybookBuild"]),
        .library(name: "PlaybookLint", targets: ["PlaybookLint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // GNU source-highlight (apt libsource-highlight-dev) behind a C interface; C++ inside.
        .target(
            name: "CSourceHighlight",
            linkerSettings: [.linkedLibrary("source-highlight"), .linkedLibrary("boost_regex")]
        ),
        .target(
            name: "PlaybookHighlight", dependencies: ["CSourceHighlight", "PlaybookDiagnostics", "PlaybookMarkdown"],
            swiftSettings: strictSettings
        ),
        .target(name: "PlaybookDiagnostics", swiftSettings: strictSettings),
        .target(
            name: "PlaybookMarkdown",
            dependencies: ["CMark", "PlaybookDiagnostics"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "PlaybookModel",
            dependencies: ["PlaybookDiagnostics", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "PlaybookLint",
            dependencies: ["PlaybookModel", "PlaybookDiagnostics"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "PlaybookMigrate",
            dependencies: ["PlaybookModel", "PlaybookDiagnostics"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "PlaybookDiagrams",
            dependencies: ["PlaybookModel", "PlaybookDiagnostics"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "PlaybookRender",
            dependencies: [
                "PlaybookModel", "PlaybookMarkdown", "PlaybookDiagnostics", "PlaybookDiagrams",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictSettings
        ),
        // Snowball's stemmers (apt libstemmer-dev), for the search index.
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),

        .target(
            name: "PlaybookBuild",
            dependencies: [
                "PlaybookModel", "PlaybookMarkdown", "PlaybookRender", "PlaybookDiagnostics", "PlaybookLint",
            ],
            swiftSettings: strictSettings
        ),
        // The search index's stems, by Snowball (libstemmer); the command line hands it to the build.
        .target(name: "PlaybookStemmer", dependencies: ["CStemmer", "PlaybookBuild"], swiftSettings: strictSettings),
        .target(
            name: "PlaybookServer",
            dependencies: [
                "PlaybookBuild", "PlaybookModel", "PlaybookDiagnostics",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "PlaybookTesting",
            dependencies: ["PlaybookBuild", "PlaybookDiagnostics", "PlaybookHighlight", "PlaybookStemmer"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "playbook",
            dependencies: [
                "PlaybookBuild", "PlaybookModel", "PlaybookDiagnostics", "PlaybookLint", "PlaybookServer",
                "PlaybookHighlight", "PlaybookStemmer", "PlaybookMigrate", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings,
            // mimalloc (apt libmimalloc-dev) takes malloc's place in the program: a 10k-page build
            // spends ~12% of its CPU in glibc's malloc and free, and runs ~9% faster with it.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        // Fuzz targets (make fuzz builds them with libFuzzer); a plain build replays inputs.
        .executableTarget(
            name: "playbook-fuzz",
            dependencies: ["PlaybookModel", "PlaybookLint", "PlaybookDiagrams", "PlaybookMarkdown", "PlaybookDiagnostics"],
            path: "Sources/PlaybookFuzz",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlaybookMarkdownTests",
            dependencies: ["PlaybookMarkdown", "PlaybookTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlaybookHighlightTests",
            dependencies: ["PlaybookHighlight"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlaybookModelTests",
            dependencies: ["PlaybookModel", "PlaybookTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlaybookBuildTests",
            dependencies: [
                "PlaybookBuild", "PlaybookModel", "PlaybookTesting", "PlaybookDiagnostics", "PlaybookRender", "PlaybookMarkdown",
                "PlaybookStemmer",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlaybookStemmerTests",
            dependencies: ["PlaybookStemmer", "PlaybookBuild"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlaybookLintTests",
            dependencies: ["PlaybookLint", "PlaybookModel", "PlaybookDiagnostics", "PlaybookTesting"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlaybookDiagramsTests",
            dependencies: ["PlaybookDiagrams", "PlaybookModel", "PlaybookDiagnostics"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlaybookServerTests",
            dependencies: ["PlaybookServer", "PlaybookBuild", "PlaybookTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlaybookCLITests",
            dependencies: ["PlaybookTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlaybookMigrateTests",
            dependencies: ["PlaybookMigrate", "PlaybookModel", "PlaybookDiagnostics", "PlaybookBuild", "PlaybookTesting"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ArchitectureTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ContentTests",
            dependencies: ["PlaybookBuild", "PlaybookDiagnostics", "PlaybookModel", "PlaybookTesting"],
            swiftSettings: strictSettings
        ),
    ]
)
