// swift-tools-version: 6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "onedoor",
    // macOS 15 for Synchronization's Mutex and String(validating:); on Linux any Swift 6 toolchain.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "onedoor", targets: ["onedoor"]),
        .library(name: "OneDoorKit", targets: ["OneDoorKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .target(
            name: "OneDoorKit",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            exclude: ["Templates/README.md"],
            resources: [.embedInCode("Templates")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "onedoor",
            dependencies: [
                "OneDoorKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "onedoor-fuzz",
            dependencies: ["OneDoorKit"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OneDoorKitTests",
            dependencies: ["OneDoorKit"],
            exclude: ["Golden"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "onedoorTests",
            dependencies: ["onedoor"],
            swiftSettings: swiftSettings
        ),
    ]
)
