import ChaosPruneSystem

/// Reads a weights recording stored as `.npy`: a 2-D array steps × weights
/// (a 1-D array is one weight) of little-endian float64 or float32 in C
/// order, as `numpy.save` and `train --format npy` write it.
///
/// Reads only the bytes asked for: a block of whole rows at once, or, for a
/// range of weights (a shard), that range of each row — never the file.
/// float32 values are given as the double their shortest text reads to
/// (``Float32Text``), float64 values as they are.
///
/// Edge cases (errors naming the file): no `\x93NUMPY` magic or a malformed
/// header, a header over 1 MiB, another dtype (integers, big-endian, object
/// arrays), Fortran order, more than two dimensions, a data size other than
/// the shape's; a NaN or infinity, with its row and weight.
public final class NumpyRecordingReader: RecordingReader {
    /// The file name used in messages.
    public let path: String
    /// Weights per row.
    public var columnCount: Int? { columns }
    /// Rows read so far.
    public private(set) var rowsRead = 0
    /// Bytes before the next row.
    public var bytesConsumed: Int { dataOffset + rowsRead * rowBytes }
    /// The file's size in bytes.
    public var totalBytes: Int? { fileSize }
    /// The checksums of the first and last rows' bytes (nil for no rows).
    public let fingerprint: RecordingFingerprint?
    /// Rows in the file.
    public let rowCount: Int
    /// Whether NaN and infinities are accepted.
    public var allowNonFinite = false

    private let columns: Int
    private let width: Int
    private let rowBytes: Int
    private let dataOffset: Int
    private let fileSize: Int
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var decoded: [Double] = []

    /// The largest header read: numpy writes a few hundred bytes.
    public static let longestHeader = 1 << 20

    /// Whether `path` is a regular file that starts with numpy's magic.
    public static func isNumpyFile(_ path: String) -> Bool {
        guard case .regular = Platform.kind(of: path), let descriptor = try? Platform.openForReading(path) else { return false }
        defer { Platform.close(descriptor) }
        var magic = [UInt8](repeating: 0, count: 6)
        let read = (try? magic.withUnsafeMutableBytes { bytes throws(SystemError) in
            try Platform.read(descriptor, into: bytes, atFileOffset: 0, path: path)
        }) ?? 0
        return read == 6 && magic == NumpyHeader.magic
    }

    /// Opens `path` and checks its header and size.
    public init(path: String) throws(InputError) {
        self.path = path
        do {
            descriptor = try Platform.openForReading(path)
        } catch {
            throw InputError(file: path, message: "cannot read: \(error.reason)")
        }
        guard case let .regular(size) = Platform.kind(of: descriptor) else {
            Platform.close(descriptor)
            throw InputError(file: path, message: "a .npy recording must be a regular file (it is read in slices)")
        }
        fileSize = size
        let header: NumpyHeader
        do {
            header = try Self.header(descriptor, path: path, fileSize: size)
            (rowCount, columns, width) = try Self.layout(header, path: path, fileSize: size)
        } catch {
            Platform.close(descriptor)
            throw error
        }
        rowBytes = columns * width
        dataOffset = header.dataOffset
        if rowCount > 0 {
            var first = [UInt8](repeating: 0, count: rowBytes)
            var last = [UInt8](repeating: 0, count: rowBytes)
            do {
                try Self.read(descriptor, into: &first, at: dataOffset, path: path)
                try Self.read(descriptor, into: &last, at: dataOffset + (rowCount - 1) * rowBytes, path: path)
            } catch {
                Platform.close(descriptor)
                throw error
            }
            fingerprint = RecordingFingerprint(first: RecordingFingerprint.checksum(first), last: RecordingFingerprint.checksum(last))
        } else {
            fingerprint = nil
        }
    }

    deinit { Platform.close(descriptor) }

    /// Reads up to `maximum` rows of the weights in `selected`, passing each value to `store` (see ``RecordingReader``).
    @discardableResult
    public func readRows(_ maximum: Int, selected: Range<Int>?, threads: Int, store: (Int, Int, Double) -> Void) throws(InputError) -> Int {
        let range = selected ?? 0..<columns
        let fields = range.lowerBound >= 0 && range.upperBound <= columns ? range.count : 0
        let rows = max(0, min(maximum, rowCount - rowsRead))
        if decoded.count < rows * fields { decoded = [Double](repeating: 0, count: rows * fields) }
        var values = decoded
        decoded = []
        defer { decoded = values }
        let count = try values.withUnsafeMutableBufferPointer { buffer throws(InputError) in
            try readRows(maximum, selected: selected, threads: threads, into: buffer.baseAddress!, rowStride: fields)
        }
        for row in 0..<count {
            for field in 0..<fields { store(row, field, values[row * fields + field]) }
        }
        return count
    }

    /// Reads up to `maximum` rows of the weights in `selected` into
    /// `destination[row · rowStride + field]` (see ``RecordingReader``): the
    /// selected bytes by `pread`, decoded on `threads` threads.
    @discardableResult
    public func readRows(_ maximum: Int, selected: Range<Int>?, threads: Int, into destination: UnsafeMutablePointer<Double>,
                         rowStride: Int) throws(InputError) -> Int {
        let count = min(maximum, rowCount - rowsRead)
        guard count > 0 else { return 0 }
        let fields = selected ?? 0..<columns
        guard fields.lowerBound >= 0, fields.upperBound <= columns else {
            throw InputError(file: path, message: "the recording has \(columns) weights; weights \(fields.lowerBound + 1)…\(fields.upperBound) were asked for")
        }
        let spanBytes = fields.count * width
        let (needed, overflow) = count.multipliedReportingOverflow(by: spanBytes)
        guard !overflow else { throw InputError(file: path, message: "a block of \(count) rows is too large to read") }
        if buffer.count < needed { buffer = [UInt8](repeating: 0, count: needed) }
        if fields.count == columns {
            try Self.read(descriptor, into: &buffer, count: needed, at: dataOffset + rowsRead * rowBytes, path: path)
        } else {
            for row in 0..<count {
                try Self.read(descriptor, into: &buffer, offset: row * spanBytes, count: spanBytes,
                              at: dataOffset + (rowsRead + row) * rowBytes + fields.lowerBound * width, path: path)
            }
        }
        let (width, firstRow, firstField, allowNonFinite, fieldCount) = (self.width, rowsRead, fields.lowerBound, self.allowNonFinite, fields.count)
        let workers = max(1, min(threads, count / 8 + 1))
        let failure = Locked<(row: Int, field: Int, value: Double)?>(nil)
        buffer.withUnsafeBytes { bytes in
            ParallelLoop.run(workers) { worker in
                for row in (count * worker / workers)..<(count * (worker + 1) / workers) {
                    let target = destination + row * rowStride
                    var finite = true
                    if width == 8 {
                        for field in 0..<fieldCount {
                            let value = Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: (row * fieldCount + field) * 8, as: UInt64.self)))
                            finite = finite && value.isFinite
                            target[field] = value
                        }
                    } else {
                        for field in 0..<fieldCount {
                            let bits = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: (row * fieldCount + field) * 4, as: UInt32.self))
                            let value = Float32Text.shortestDouble(Float(bitPattern: bits))
                            finite = finite && value.isFinite
                            target[field] = value
                        }
                    }
                    guard !finite, !allowNonFinite, let field = (0..<fieldCount).first(where: { !target[$0].isFinite }) else { continue }
                    failure.withLock { if $0 == nil || $0!.row > row { $0 = (row, field, target[field]) } }
                    return
                }
            }
        }
        if let (row, field, value) = failure.withLock({ $0 }) {
            throw InputError(file: path, message: "row \(firstRow + row + 1), weight \(firstField + field + 1): \(value) is not a finite number; weights must be finite")
        }
        rowsRead += count
        return count
    }

    /// Nothing to check in the remaining rows' bytes: the header fixed their size.
    public func skipRemainingRows(threads: Int) throws(InputError) {
        rowsRead = rowCount
    }

    /// Reads and parses the header.
    private static func header(_ descriptor: Int32, path: String, fileSize: Int) throws(InputError) -> NumpyHeader {
        var start = [UInt8](repeating: 0, count: min(12, fileSize))
        try read(descriptor, into: &start, at: 0, path: path)
        let headerEnd = try NumpyHeader.end(ofPrefix: start, name: path)
        guard headerEnd <= longestHeader else {
            throw InputError(file: path, message: "a .npy header of \(headerEnd) bytes: more than the \(longestHeader >> 20) MiB read")
        }
        var bytes = [UInt8](repeating: 0, count: min(headerEnd, fileSize))
        try read(descriptor, into: &bytes, at: 0, path: path)
        return try NumpyHeader(bytes, name: path, fileSize: fileSize)
    }

    /// Rows, weights and bytes per value of a recording's header, after checking it against the file's size.
    private static func layout(_ header: NumpyHeader, path: String, fileSize: Int) throws(InputError) -> (rows: Int, columns: Int, width: Int) {
        let widths = ["<f8": 8, "<f4": 4]
        guard let width = widths[header.descr] else {
            throw InputError(file: path, message: "dtype \(ArgumentText.printable(header.descr)): a recording is float64 or float32 (little-endian); save it with array.astype(numpy.float32)")
        }
        guard !header.fortranOrder else {
            throw InputError(file: path, message: "Fortran order: a recording is read row by row; save it with numpy.save(path, numpy.ascontiguousarray(array))")
        }
        guard header.shape.count == 1 || header.shape.count == 2 else {
            throw InputError(file: path, message: "shape \(header.shapeText): a recording is 2-D, steps × weights")
        }
        let rows = header.shape[0]
        let columns = header.shape.count == 2 ? header.shape[1] : 1
        let (count, countOverflow) = rows.multipliedReportingOverflow(by: columns)
        let (needed, sizeOverflow) = count.multipliedReportingOverflow(by: width)
        guard !countOverflow, !sizeOverflow, fileSize - header.dataOffset == needed else {
            throw InputError(file: path, message: "the data holds \(fileSize - header.dataOffset) bytes, but shape \(header.shapeText) of \(header.descr) needs \(countOverflow || sizeOverflow ? "more than a file can hold" : "\(needed)")")
        }
        guard columns > 0 || rows == 0 else {
            throw InputError(file: path, message: "shape \(header.shapeText): rows without weights")
        }
        return (rows, columns, width)
    }

    /// Reads `count` bytes (all of `bytes` when nil) at file offset `at` into `bytes` from `offset`; a short read is a truncated file.
    private static func read(_ descriptor: Int32, into bytes: inout [UInt8], offset: Int = 0, count: Int? = nil, at fileOffset: Int,
                             path: String) throws(InputError) {
        let wanted = count ?? bytes.count
        var outcome: Result<Int, SystemError> = .success(0)
        bytes.withUnsafeMutableBytes { buffer in
            outcome = Result { () throws(SystemError) in
                try Platform.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + wanted)]),
                                  atFileOffset: fileOffset, path: path)
            }
        }
        let read: Int
        switch outcome {
        case let .success(count): read = count
        case let .failure(error): throw InputError(file: path, message: "cannot read: \(error.reason)")
        }
        guard read == wanted else {
            throw InputError(file: path, message: "byte \(fileOffset + read): the file ends early (was it changed while being read?)")
        }
    }
}
