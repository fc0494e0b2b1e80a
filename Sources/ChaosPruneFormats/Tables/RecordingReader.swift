import ChaosPruneSystem

/// A weights recording (one row per step, one column per weight) read a
/// block of rows at a time: the CSV text the pipeline writes
/// (``NumericCSVReader``) or a `.npy` array (``NumpyRecordingReader``).
///
/// Both give every value as the same double: a float64 `.npy` value as it is,
/// a float32 one as the double its shortest text reads to — the number a CSV
/// of the same recording holds — so the window stage writes the same bytes
/// from either.
public protocol RecordingReader: AnyObject {
    /// The file name used in messages (`-` for standard input).
    var path: String { get }
    /// The number of weights of every row, known after the first row.
    var columnCount: Int? { get }
    /// Rows read so far.
    var rowsRead: Int { get }
    /// Bytes consumed so far (for progress).
    var bytesConsumed: Int { get }
    /// The file's size in bytes, where known.
    var totalBytes: Int? { get }
    /// The recording's fingerprint, once its last row has been read or skipped.
    var fingerprint: RecordingFingerprint? { get }
    /// Whether NaN and infinities are accepted (weights must be finite; other tables may hold them).
    var allowNonFinite: Bool { get set }

    /// Reads up to `maximum` rows, the weights in `selected` (0-based; nil =
    /// all), with `threads` threads, passing each value to
    /// `store(row, selectedIndex, value)` (row relative to the block).
    /// Returns the rows read: 0 at the end.
    @discardableResult
    func readRows(_ maximum: Int, selected: Range<Int>?, threads: Int, store: (Int, Int, Double) -> Void) throws(InputError) -> Int

    /// Reads up to `maximum` rows, the weights in `selected`, into
    /// `destination[row · rowStride + selectedIndex]`. Returns the rows read: 0 at the end.
    @discardableResult
    func readRows(_ maximum: Int, selected: Range<Int>?, threads: Int, into destination: UnsafeMutablePointer<Double>,
                  rowStride: Int) throws(InputError) -> Int

    /// Passes over every remaining row, checking what the format needs checked.
    func skipRemainingRows(threads: Int) throws(InputError)
}

extension RecordingReader {
    /// Reads rows into `destination` through ``readRows(_:selected:threads:store:)``.
    @discardableResult
    public func readRows(_ maximum: Int, selected: Range<Int>?, threads: Int, into destination: UnsafeMutablePointer<Double>,
                         rowStride: Int) throws(InputError) -> Int {
        try readRows(maximum, selected: selected, threads: threads) { row, field, value in destination[row * rowStride + field] = value }
    }
}

/// Opens a weights recording by its content.
public enum Recording {
    /// A reader for `path`: a `.npy` array when the file starts with numpy's
    /// magic (`\x93NUMPY`), CSV text otherwise (and always for `-`, standard input).
    public static func open(_ path: String) throws(InputError) -> any RecordingReader {
        if path != "-", NumpyRecordingReader.isNumpyFile(path) { return try NumpyRecordingReader(path: path) }
        return try NumericCSVReader(path: path)
    }
}
