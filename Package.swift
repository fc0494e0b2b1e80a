// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "chaosprune",
    products: [
        .library(name: "LyapunovKit", targets: ["LyapunovKit"]),
        .library(name: "ChaosPruneKit", targets: ["ChaosPruneKit"]),
        .executable(name: "lyap_r", targets: ["lyap_r"]),
        .executable(name: "chaosprune", targets: ["chaosprune"]),
        .executable(name: "chaosprune-bench", targets: ["chaosprune-bench"]),
    ],
    targets: [
        .target(name: "LyapunovKit"),
        .target(name: "ChaosPruneKit", dependencies: ["LyapunovKit"]),
        .executableTarget(name: "lyap_r", dependencies: ["LyapunovKit"]),
        .executableTarget(name: "chaosprune", dependencies: ["ChaosPruneKit", "LyapunovKit"], resources: [.copy("Resources/demo")]),
        .executableTarget(name: "chaosprune-bench", dependencies: ["ChaosPruneKit", "LyapunovKit"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LyapunovKitTests", dependencies: ["LyapunovKit", "ChaosPruneKit", "TestSupport", "lyap_r", "chaosprune"]),
        .testTarget(name: "ChaosPruneKitTests", dependencies: ["ChaosPruneKit", "LyapunovKit", "TestSupport", "chaosprune"]),
    ]
)
