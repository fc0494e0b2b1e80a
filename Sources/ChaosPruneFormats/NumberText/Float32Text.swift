/// A float32 value as the double its shortest text reads to: the number a
/// CSV written from a float32 recording (numpy's and chaosprune's shortest
/// float32 digits) holds once read back as a double.
///
/// `Double(value)` is the float's exact value; the double of its shortest
/// text differs from it in the last bits (0.1f is 0.100000001490116…, its
/// text `0.1`). The window stage writes values with `%f` and gates them by
/// their range, so a recording must give the same doubles in either format
/// for the same window_LE bytes: this is the one conversion both use.
///
/// Edge cases: ±0 and non-finite values are returned as `Double(value)`.
public enum Float32Text {
    /// The double that `value`'s shortest decimal text reads to.
    @inline(__always)
    public static func shortestDouble(_ value: Float) -> Double {
        guard value.isFinite, value != 0 else { return Double(value) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: DigitSink.capacity + 1) { buffer in
            var sink = DigitSink(base: buffer.baseAddress!)
            value.write(to: &sink)
            let start = UnsafePointer(buffer.baseAddress!)
            buffer[sink.count] = 0
            return FastDecimal.strtod(start, start + sink.count).value
        }
    }

    /// Swift's shortest digits of a float, written as ASCII into a fixed buffer (no `String` made).
    private struct DigitSink: TextOutputStream {
        /// More than the longest float32 text (`-1.1754942e-38`).
        static let capacity = 32
        let base: UnsafeMutablePointer<UInt8>
        var count = 0

        mutating func write(_ string: String) {
            for byte in string.utf8 { append(byte) }
        }

        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
            for byte in buffer { append(byte) }
        }

        private mutating func append(_ byte: UInt8) {
            guard count < Self.capacity else { return }
            base[count] = byte
            count += 1
        }
    }
}
