import ChaosPruneFormats
import ChaosPruneKit

/// The pickle reader (the authors' `.pkl` weight recordings).
enum PickleTarget {
    static func run(_ bytes: [UInt8]) {
        _ = try? PickledArrayReader.read(bytes, name: "fuzz.pkl")
    }
}
