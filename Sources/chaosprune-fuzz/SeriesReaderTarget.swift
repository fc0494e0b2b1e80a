import LyapunovKit

/// The `lyap_r` series reader, then — for one input in four (bits 5–6 of the
/// first byte clear), as the engine's box grid costs far more than the read —
/// the engine on what it read (short series only, small parameters taken from
/// the input, so a run stays fast).
enum SeriesReaderTarget {
    static func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let control = input.byte()
        let column = Int(control % 4) + 1
        let skip = Int(input.byte() % 3)
        let settings = input.byte()
        let series = SeriesReader(column: column, skipLines: skip, limit: 400).read(Array(input.bytes))
        guard control & 0x60 == 0 else { return }
        let parameters = LyapunovParameters(dimension: Int(settings & 3) + 1, delay: Int(settings >> 2 & 1) + 1,
                                            theilerWindow: Int(settings >> 3 & 3), steps: Int(settings >> 5) + 1)
        _ = try? LyapunovEngine.divergence(of: series.values, parameters: parameters)
    }
}
