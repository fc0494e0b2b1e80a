import ChaosPruneSystem

/// Number text through the C library's own `snprintf`, so that `%e`, `%f`
/// and `%g` texts are the ones TISEAN and MATLAB print, digit for digit.
///
/// Mirrors: C `printf` conversions with exact (correctly rounded)
/// binary-to-decimal conversion, as glibc implements them.
public enum CFormat {
    /// Formats `value` with one C conversion such as `"%e"`, `"%.5g"` or `"%f"`.
    ///
    /// Edge cases: NaN and infinities print as the C library prints them (`nan`, `-inf`).
    public static func format(_ spec: String, _ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer in
            let length = spec.withCString { Platform.format($0, value, into: buffer.baseAddress!, capacity: 512) }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: length), as: UTF8.self)
        }
    }

    /// Appends the C text of `value` under `spec` to `output` without building a `String`.
    public static func append(_ spec: StaticString, _ value: Double, to output: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer in
            let specText = UnsafeRawPointer(spec.utf8Start).assumingMemoryBound(to: CChar.self)
            let length = Platform.format(specText, value, into: buffer.baseAddress!, capacity: 512)
            output.append(contentsOf: UnsafeRawBufferPointer(start: buffer.baseAddress, count: length))
        }
    }

    /// C `strtod` of the whole text: the value when the text is exactly one C
    /// `%lf` number (decimal, exponent, `nan`, `inf`, hex), else nil.
    public static func parseWhole(_ text: String) -> Double? {
        text.withCString { start in
            let (value, end) = Platform.parseDouble(start)
            guard end != start, end.pointee == 0 else { return nil }
            return value
        }
    }

    /// The value `strtod` reads from the start of `text` (0 when there is no number).
    public static func parsePrefix(_ text: String) -> Double {
        text.withCString { Platform.parseDouble($0).value }
    }
}
