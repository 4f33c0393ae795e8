// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "MetaStudioPreflight",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "MediaProbe", targets: ["MediaProbe"]),
        .library(name: "Preflight", targets: ["Preflight"]),
        .library(name: "MetaStudio", targets: ["MetaStudio"]),
        .library(name: "MetaStudioUpload", targets: ["MetaStudioUpload"]),
        .library(name: "MetaStudioEmulator", targets: ["MetaStudioEmulator"]),
        .executable(name: "preflight", targets: ["PreflightCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.25.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .systemLibrary(
            name: "CFFmpeg",
            pkgConfig: "libavformat libavcodec libavfilter libavutil",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libavfilter-dev"])]
        ),
        .target(name: "MediaProbe", dependencies: ["CFFmpeg"]),
        .target(name: "CAllocatorTuning"),
        .target(
            name: "Preflight",
            dependencies: [
                "MediaProbe",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "MetaStudio",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MetaStudioUpload",
            dependencies: [
                "MetaStudio",
                "Preflight",
                "MediaProbe",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MetaStudioEmulator",
            dependencies: [
                "MetaStudio",
                "MetaStudioUpload",
                "Preflight",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "PreflightCLI",
            dependencies: [
                "Preflight", "MediaProbe", "MetaStudio", "MetaStudioUpload", "MetaStudioEmulator", "CAllocatorTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "MediaProbeTests", dependencies: ["MediaProbe", "TestSupport"]),
        .testTarget(name: "PreflightTests", dependencies: ["Preflight", "TestSupport"], resources: [.copy("Golden")]),
        .testTarget(name: "MetaStudioTests", dependencies: ["MetaStudio", "MetaStudioEmulator", "TestSupport"]),
        .testTarget(name: "MetaStudioUploadTests", dependencies: ["MetaStudioUpload", "MetaStudio", "MetaStudioEmulator", "Preflight", "TestSupport"]),
        .testTarget(name: "MetaStudioEmulatorTests", dependencies: ["MetaStudioEmulator", "MetaStudio", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// As Hummingbird does: imports are internal unless marked `public import`, existentials are spelled `any`, and a
// member is visible only where its module is imported. The compiler then keeps CFFmpeg from leaking past MediaProbe.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("InternalImportsByDefault"),
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
