// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "chaosprune",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ChaosPruneFormats", targets: ["ChaosPruneFormats"]),
        .library(name: "LyapunovKit", targets: ["LyapunovKit"]),
        .library(name: "ChaosPruneKit", targets: ["ChaosPruneKit"]),
        .executable(name: "lyap_r", targets: ["lyap_r"]),
        .executable(name: "chaosprune", targets: ["chaosprune"]),
        .executable(name: "chaosprune-bench", targets: ["chaosprune-bench"]),
    ],
    targets: [
        // The system layer: the only target that imports the C library (and the one C kernel below).
        .target(name: "ChaosPruneSystem", dependencies: ["CFloatKernels", "CSystemCalls"]),
        // The one system call the C library's Swift module does not show: renameat2's exchange of two paths.
        .target(name: "CSystemCalls"),
        // The float32 blocked product with the processor's fused multiply-add, chosen when the program loads.
        .target(name: "CFloatKernels"),
        // The window stage's lane kernel: many columns' windows in the lanes of one vector, chosen when the program loads.
        .target(name: "CWindowKernels"),
        // Every file and number text that crosses a stage boundary: one type and one reader/writer per format.
        .target(name: "ChaosPruneFormats", dependencies: ["ChaosPruneSystem"]),
        // The engine: series in memory → divergence rows.
        .target(name: "LyapunovKit", dependencies: ["ChaosPruneFormats", "ChaosPruneSystem", "CWindowKernels"]),
        // The stages: typed inputs → typed results, domain errors, warnings as data.
        .target(name: "ChaosPruneKit", dependencies: ["LyapunovKit", "ChaosPruneFormats", "ChaosPruneSystem"]),
        // The command layer: declared options, help, errors, one file per subcommand, the lyap_r program.
        // The demo's inputs (the authors' Iris.csv and init/iris.npy) are embedded in the code as resources.
        .target(name: "ChaosPruneCommands", dependencies: ["ChaosPruneKit", "LyapunovKit", "ChaosPruneFormats", "ChaosPruneSystem"],
                resources: [.embedInCode("DemoInputs/Iris.csv"), .embedInCode("DemoInputs/iris.npy")]),
        // Thin executables.
        .executableTarget(name: "lyap_r", dependencies: ["ChaosPruneCommands", "ChaosPruneSystem"]),
        .executableTarget(name: "chaosprune", dependencies: ["ChaosPruneCommands", "ChaosPruneSystem"]),
        // Reproducible random data for the benchmarks and the tests of every layer.
        .target(name: "SyntheticData"),
        // Benchmarks, apart: no library depends on them.
        .executableTarget(name: "chaosprune-bench", dependencies: ["ChaosPruneKit", "LyapunovKit", "ChaosPruneFormats", "ChaosPruneSystem", "SyntheticData"]),
        // Fuzz targets, apart: `.ci/fuzz` builds them with libFuzzer; an ordinary build replays inputs.
        .executableTarget(name: "chaosprune-fuzz", dependencies: ["ChaosPruneCommands", "ChaosPruneKit", "LyapunovKit", "ChaosPruneFormats", "ChaosPruneSystem"]),
        .target(name: "TestSupport", dependencies: ["ChaosPruneSystem", "SyntheticData"], path: "Tests/TestSupport"),
        .testTarget(name: "ChaosPruneSystemTests", dependencies: ["ChaosPruneSystem", "SyntheticData", "TestSupport"]),
        .testTarget(name: "ChaosPruneFormatsTests", dependencies: ["ChaosPruneFormats", "ChaosPruneSystem", "SyntheticData", "TestSupport"]),
        .testTarget(name: "LyapunovKitTests", dependencies: ["LyapunovKit", "ChaosPruneKit", "ChaosPruneFormats", "ChaosPruneSystem", "SyntheticData", "TestSupport"]),
        .testTarget(name: "ChaosPruneKitTests", dependencies: ["ChaosPruneKit", "LyapunovKit", "ChaosPruneFormats", "ChaosPruneSystem", "SyntheticData", "TestSupport"]),
        .testTarget(name: "ChaosPruneCommandsTests", dependencies: ["ChaosPruneCommands", "ChaosPruneKit", "LyapunovKit", "ChaosPruneFormats", "ChaosPruneSystem", "SyntheticData",
                                                                    "TestSupport", "lyap_r", "chaosprune"]),
    ]
)
