import ChaosPruneFormats
import ChaosPruneSystem

/// The conversions of `chaosprune convert`, each writing its outputs whole or
/// not at all (temporary file, then rename).
///
/// Memory: `csvwrite` and `roundtrip` hold one row; the mask conversions hold
/// the mask's indices (never a flag per weight); `npy` holds the file's data
/// bytes; `transpose` and `layers-to-mask` hold their input.
public enum FormatConversion {
    /// The conversions.
    public enum Kind: String, Sendable {
        case transpose, csvwrite, roundtrip
        case maskToVector = "mask-to-vector", vectorToMask = "vector-to-mask"
        case maskToLayers = "mask-to-layers", layersToMask = "layers-to-mask"
        case npy, pth
        case toNpy = "to-npy"
    }

    /// What to convert.
    public struct Request: Sendable {
        /// Input files (several for layers-to-mask).
        public var inputs: [String]
        /// Output file (a name stem for mask-to-layers).
        public var output: String
        /// Number of weights, where needed.
        public var weights: Int?
        /// Layer shapes, where needed.
        public var layers: [MaskFlags.Layer]?
        /// Added to indices written, subtracted from indices read.
        public var offset: Int
        /// Write `.npy` values as `%.5g`.
        public var csvwrite: Bool
        /// `\n` or `\r\n`.
        public var lineEnding: String
        /// to-npy: write float32 (each value rounded to the nearest float) instead of float64.
        public var float32 = false

        /// Creates a request.
        public init(inputs: [String], output: String, weights: Int?, layers: [MaskFlags.Layer]?, offset: Int,
                    csvwrite: Bool, lineEnding: String) {
            self.inputs = inputs
            self.output = output
            self.weights = weights
            self.layers = layers
            self.offset = offset
            self.csvwrite = csvwrite
            self.lineEnding = lineEnding
        }

        /// Why this request does not fit `kind` (inputs, settings), or nil: one
        /// input file, or one matrix file per `--layers` shape for layers-to-mask;
        /// `--weights` for mask-to-vector; `--layers` for mask-to-layers.
        public func problem(for kind: Kind) -> String? {
            switch kind {
            case .layersToMask:
                guard let layers, layers.count != inputs.count else { return inputs.isEmpty ? "layers-to-mask needs a matrix file per layer" : nil }
                return "--layers names \(layers.count) layer(s), but \(inputs.count) matrix file(s) were given (one per layer, W1 first)"
            case .maskToVector where weights == nil: return "mask-to-vector needs --weights N"
            case .maskToLayers where layers == nil: return "mask-to-layers needs --layers RxC,…"
            case .maskToLayers where namesAStream, .pth where namesAStream && !output.hasSuffix(".pth"): return streamStem(kind)
            case .toNpy where inputs == ["-"]:
                return "to-npy reads its input twice (the rows, then the values): give a file, not -"
            default:
                return inputs.count == 1 ? nil : "\(kind.rawValue) converts one input file, not \(inputs.count)"
            }
        }

        /// The files `kind` writes, as far as they are known before reading
        /// (an object array's files are named by its shape).
        public func outputs(for kind: Kind) -> [String] {
            kind == .maskToLayers ? (layers ?? []).indices.map(layerFile) : [output]
        }

        /// Whether `output` is standard output, a descriptor or a device: no stem for several files.
        var namesAStream: Bool { output == "-" || AtomicFileWriter.namesAStream(output) || Platform.kind(of: output) == .special }

        /// The refusal of a stream as the stem of `kind`'s several files.
        func streamStem(_ kind: Kind) -> String {
            "-o \(output) is a stream, but \(kind.rawValue) writes several files named from -o (STEM_….csv): give a file name"
        }

        /// `output` without a `.csv` ending: the stem of multi-file outputs.
        var stem: String { output.hasSuffix(".csv") ? String(output.dropLast(4)) : output }

        /// The matrix file of layer `index` (0-based) for mask-to-layers.
        func layerFile(_ index: Int) -> String { "\(stem)_W\(index + 1).csv" }

        /// The file of one checkpoint tensor: `STEM_<name>.npy` when the output
        /// ends in `.npy`, else `STEM_<name>.csv`; characters other than letters,
        /// digits, `.`, `_` and `-` in the name become `_` (a name cannot leave the folder).
        func tensorFile(_ name: String) -> String {
            let npy = output.hasSuffix(".npy")
            let safe = String(name.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar)) ? Character(scalar) : "_"
            })
            return "\(npy ? String(output.dropLast(4)) : stem)_\(safe).\(npy ? "npy" : "csv")"
        }
    }

    /// Runs one conversion. `approve` is shown every file the conversion
    /// writes before the first is written (and throws to stop it): at once,
    /// or for `pth` once the checkpoint that names them (one file per tensor,
    /// or the one `.pth`) has been read — read once, for naming and writing.
    ///
    /// - Throws: `InputError` for an input that does not fit the conversion,
    ///   `StageError` for a missing setting, `SystemError` when an output
    ///   cannot be written, and what `approve` throws.
    public static func run(_ kind: Kind, _ request: Request, approve: ([String]) throws -> Void) throws {
        if let problem = request.problem(for: kind) { throw StageError(problem) }
        if kind != .pth { try approve(request.outputs(for: kind)) }
        let input = request.inputs[0]
        let ending = request.lineEnding
        func write(_ text: String, to path: String) throws(SystemError) {
            try AtomicFileWriter.write(Array(text.utf8), to: path)
        }
        func lines(_ values: [Int]) -> String { values.map { "\($0)\(ending)" }.joined() }
        func grid(_ rows: [[String]]) -> String { rows.map { $0.joined(separator: ",") + ending }.joined() }
        func masked(_ indices: [Int]) throws(StageError) -> [Int] {
            var shifted: [Int] = []
            for index in indices {
                let (value, overflow) = index.addingReportingOverflow(request.offset)
                if overflow { throw StageError("--offset \(request.offset) takes index \(index) beyond the integers") }
                shifted.append(value)
            }
            return shifted
        }

        switch kind {
        case .transpose:
            let source = try CellTable.read(input)
            if let ragged = source.texts.firstIndex(where: { $0.count != source.texts[0].count }) {
                throw InputError(file: input, line: ragged + 1, message: "ragged row: \(source.texts[ragged].count) fields, expected \(source.texts[0].count)")
            }
            try write(grid(source.transposed.texts), to: request.output)
        case .csvwrite, .roundtrip:
            let reader = try CellRowReader(path: input)
            try stream(to: request.output) { writer in
                var line = 0
                var text: [UInt8] = []
                while let cells = try reader.nextCells() {
                    line += 1
                    text.removeAll(keepingCapacity: true)
                    for (column, cell) in cells.enumerated() {
                        guard case let .number(value) = cell else {
                            throw InputError(file: input, line: line, column: column + 1, message: "expected a number")
                        }
                        if column > 0 { text.append(44) }
                        if kind == .csvwrite { MatlabNumberFormat.append(value, to: &text) } else { PythonFloatText.append(value, to: &text) }
                    }
                    text.append(contentsOf: ending.utf8)
                    try writer.write(text)
                }
            }
        case .npy:
            if let objects = try PickledArrayReader.objectArray(input) {
                guard !request.namesAStream else { throw StageError(request.streamStem(kind)) }
                let names = objects.items.indices.map { index in
                    var position: [Int] = []
                    var rest = index
                    for size in objects.shape.reversed() {
                        position.insert(rest % max(size, 1), at: 0)
                        rest /= max(size, 1)
                    }
                    return "\(request.stem)_\(position.map(String.init).joined(separator: "_")).csv"
                }
                try approve(names)
                try writeAll(names) { index, writer in
                    try writer.write(grid(objects.items[index].rows.map { $0.map { text($0, csvwrite: request.csvwrite) } }))
                }
            } else {
                let array = try NumpyArrayReader.read(input)
                let lineEnding = Array(ending.utf8)
                try stream(to: request.output) { writer throws(SystemError) in
                    var text: [UInt8] = []
                    for row in 0..<array.rowCount {
                        array.appendRow(row, csvwrite: request.csvwrite, lineEnding: lineEnding, to: &text)
                        if text.count >= 1 << 20 {
                            try writer.write(text)
                            text.removeAll(keepingCapacity: true)
                        }
                    }
                    try writer.write(text)
                }
            }
        case .toNpy:
            try numpyArray(from: input, to: request.output, float32: request.float32)
        case .pth:
            let checkpoint = try TorchCheckpoint.read(input)
            if request.output.hasSuffix(".pth") {
                try approve([request.output])
                try checkpoint.write(to: request.output)
                return
            }
            try approve(checkpoint.tensors.map { request.tensorFile($0.name) })
            try writeAll(checkpoint.tensors.map { request.tensorFile($0.name) }) { number, writer in
                let tensor = checkpoint.tensors[number]
                if request.output.hasSuffix(".npy") { return try writer.write(NumpyArrayWriter.float32(tensor.values, shape: tensor.shape)) }
                let columns = tensor.shape.count >= 2 ? max(tensor.shape.last ?? 1, 1) : 1
                var text: [UInt8] = []
                for (index, value) in tensor.values.enumerated() {
                    if index % columns > 0 { text.append(44) }
                    if request.csvwrite { MatlabNumberFormat.append(Double(value), to: &text) } else { text += Array(PythonFloatText.general(value).utf8) }
                    if index % columns == columns - 1 { text += Array(ending.utf8) }
                }
                try writer.write(text)
            }
        case .maskToVector:
            let weights = request.weights ?? 0 // set: problem(for:) checked it
            var marked = try MaskFile.readSet(input, offset: request.offset, weights: weights)[...]
            try stream(to: request.output) { writer throws(SystemError) in try MaskFlags.writeFlags(&marked, from: 0, lines: weights, width: 1, lineEnding: ending, to: writer) }
        case .vectorToMask:
            let indices = try MaskFlags.indices(ofFlags: try CellTable.read(input), file: input)
            try write(lines(try masked(indices)), to: request.output)
        case .maskToLayers:
            let layers = request.layers ?? [] // set: problem(for:) checked it
            let total = layers.reduce(0) { $0 + $1.count }
            var marked = try MaskFile.readSet(input, offset: request.offset, weights: total)[...]
            var first = 0
            try writeAll(layers.indices.map(request.layerFile)) { number, writer in
                let layer = layers[number]
                try MaskFlags.writeFlags(&marked, from: first, lines: layer.rows, width: layer.columns, lineEnding: ending, to: writer)
                first += layer.count
            }
        case .layersToMask:
            var indices: [Int] = []
            var start = 0
            for (number, path) in request.inputs.enumerated() {
                let table = try CellTable.read(path)
                if let layers = request.layers {
                    guard table.rows.count == layers[number].rows, table.rows.allSatisfy({ $0.count == layers[number].columns }) else {
                        throw InputError(file: path, message: "expected a \(layers[number].rows)x\(layers[number].columns) matrix for layer W\(number + 1) (--layers)")
                    }
                }
                let set = try MaskFlags.indices(ofFlags: table, file: path)
                indices += set.map { $0 + start }
                start += table.rows.reduce(0) { $0 + $1.count }
            }
            try write(lines(try masked(indices)), to: request.output)
        }
    }

    /// A numeric CSV (a weights recording) as a 2-D `.npy`, streamed: one pass
    /// counts and checks the rows, a second writes them a block at a time.
    static func numpyArray(from input: String, to output: String, float32: Bool) throws {
        let counter = try NumericCSVReader(path: input)
        var rows = 0
        while true {
            let read = try counter.readRows(4096, selected: 0..<1, threads: 1) { _, _, _ in }
            guard read > 0 else { break }
            rows += read
        }
        guard let columns = counter.columnCount, rows > 0 else { throw InputError(file: input, message: "no rows: expected comma-separated numbers") }
        let reader = try NumericCSVReader(path: input)
        let block = max(1, (8 << 20) / (8 * columns))
        var values = [Double](repeating: 0, count: block * columns)
        try stream(to: output) { writer in
            try writer.write(NumpyArrayWriter.header(shape: [rows, columns], float64: !float32))
            var bytes: [UInt8] = []
            while true {
                let read = try values.withUnsafeMutableBufferPointer { cells throws(InputError) in
                    try reader.readRows(block, threads: 1) { row, column, value in cells[row * columns + column] = value }
                }
                guard read > 0 else { break }
                bytes.removeAll(keepingCapacity: true)
                if float32 {
                    NumpyArrayWriter.append(values[..<(read * columns)].lazy.map { Float($0) }, to: &bytes)
                } else {
                    NumpyArrayWriter.append(values[..<(read * columns)], to: &bytes)
                }
                try writer.write(bytes)
            }
            guard reader.rowsRead == rows else {
                throw InputError(file: input, message: "changed while being converted: \(rows) rows, then \(reader.rowsRead)")
            }
        }
    }

    /// Opens a writer for `path`, lets `body` write, and commits (abandoned on an error).
    /// Writes the files `paths` all or none: `body(index, writer)` fills each
    /// file's temporary, which is closed before the next is opened (one open
    /// file at a time, however many), and the temporaries are renamed over
    /// their targets only once every one is written.
    static func writeAll(_ paths: [String], _ body: (Int, AtomicFileWriter) throws -> Void) throws {
        var writers: [AtomicFileWriter] = []
        for (index, path) in paths.enumerated() {
            let writer = try AtomicFileWriter(path: path)
            writers.append(writer)
            try body(index, writer)
            try writer.closeTemporaryFile()
        }
        try AtomicFileWriter.commitAll(writers)
    }

    static func stream<E: Error>(to path: String, _ body: (AtomicFileWriter) throws(E) -> Void) throws {
        let writer = try AtomicFileWriter(path: path)
        try body(writer)
        try writer.commit()
    }

    /// `%.5g` (csvwrite) or shortest round-trip text.
    static func text(_ value: Double, csvwrite: Bool) -> String {
        if csvwrite {
            var bytes: [UInt8] = []
            MatlabNumberFormat.append(value, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        return PythonFloatText.repr(value)
    }
}
