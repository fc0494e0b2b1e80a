#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Number formatting through the C library's own `vsnprintf`, so that `%e`,
/// `%f` and `%g` texts are the ones TISEAN and MATLAB print, digit for digit.
///
/// Mirrors: C `printf` conversions with exact (correctly rounded) binary-to-decimal
/// conversion, as glibc implements them.
public enum CFormat {
    /// Formats `value` with one C conversion such as `"%e"`, `"%.5g"` or `"%f"`.
    ///
    /// Edge cases: NaN and infinities print as the C library prints them (`nan`, `-inf`).
    public static func format(_ spec: String, _ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer in
            let count = withVaList([value]) { vsnprintf(buffer.baseAddress, 512, spec, $0) }
            let length = Int(min(max(count, 0), 511))
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: length), as: UTF8.self)
        }
    }

    /// Appends the C text of `value` under `spec` to `output` without building a `String`.
    public static func append(_ spec: StaticString, _ value: Double, to output: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer in
            let specText = UnsafeRawPointer(spec.utf8Start).assumingMemoryBound(to: CChar.self)
            let count = withVaList([value]) { vsnprintf(buffer.baseAddress, 512, specText, $0) }
            let length = Int(min(max(count, 0), 511))
            output.append(contentsOf: UnsafeRawBufferPointer(start: buffer.baseAddress, count: length))
        }
    }
}
