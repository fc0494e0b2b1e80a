import ChaosPruneFormats
import ChaosPruneSystem

/// The report's figures as inline SVG: axes with labelled ticks, a heat map,
/// line charts, a histogram and mask matrices. Every mark carries a `<title>`
/// so hovering shows its value without any script.
public enum SVGFigures {
    /// Text safe inside XML.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    static func f(_ value: Double) -> String { CFormat.format("%.1f", value) }

    static let width = 760.0, height = 300.0
    static let left = 64.0, right = 24.0, top = 16.0, bottom = 48.0

    /// The frame, axes, ticks and labels of a chart.
    static func axes(x: LinearScale, y: LinearScale, xLabel: String, yLabel: String) -> String {
        var svg = "<g class=\"axes\" font-size=\"11\" fill=\"#333\">"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(height - bottom))\" x2=\"\(f(width - right))\" y2=\"\(f(height - bottom))\" stroke=\"#333\"/>"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(height - bottom))\" stroke=\"#333\"/>"
        for tick in x.ticks(6) {
            svg += "<line x1=\"\(f(x(tick)))\" y1=\"\(f(height - bottom))\" x2=\"\(f(x(tick)))\" y2=\"\(f(height - bottom + 4))\" stroke=\"#333\"/>"
            svg += "<text x=\"\(f(x(tick)))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\">\(LinearScale.label(tick))</text>"
        }
        for tick in y.ticks(5) {
            svg += "<line x1=\"\(f(left - 4))\" y1=\"\(f(y(tick)))\" x2=\"\(f(left))\" y2=\"\(f(y(tick)))\" stroke=\"#333\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(LinearScale.label(tick))</text>"
        }
        svg += "<text x=\"\(f((left + width - right) / 2))\" y=\"\(f(height - 8))\" text-anchor=\"middle\">\(escape(xLabel))</text>"
        svg += "<text transform=\"translate(14 \(f((top + height - bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(yLabel))</text>"
        return svg + "</g>"
    }

    static func open(_ id: String, height: Double = height) -> String {
        "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\">"
    }

    /// A line chart of named series over x = 0, 1, …, each in its own colour, with a legend.
    public static func lines(id: String, series: [(name: String, values: [Double])], xLabel: String, yLabel: String,
                             yDomain: ClosedRange<Double>? = nil) -> String {
        let longest = series.map(\.values.count).max() ?? 1
        let finite = series.flatMap(\.values).filter(\.isFinite)
        let x = LinearScale(domain: 0...Double(max(longest - 1, 1)), range: (left, width - right))
        let y = LinearScale(domain: yDomain ?? ((finite.min() ?? 0)...(finite.max() ?? 1)), range: (height - bottom, top))
        var svg = open(id) + axes(x: x, y: y, xLabel: xLabel, yLabel: yLabel)
        for (index, line) in series.enumerated() {
            let colour = ColourScale.categorical[index % ColourScale.categorical.count]
            let step = max(1, line.values.count / 1500)
            let points = stride(from: 0, to: line.values.count, by: step).filter { line.values[$0].isFinite }
                .map { "\(f(x(Double($0)))),\(f(y(line.values[$0])))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(points)\"><title>\(escape(line.name))</title></polyline>"
            svg += "<rect x=\"\(f(left + 12 + Double(index % 4) * 170))\" y=\"\(f(top + 4 + Double(index / 4) * 16))\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(f(left + 26 + Double(index % 4) * 170))\" y=\"\(f(top + 13 + Double(index / 4) * 16))\" font-size=\"11\">\(escape(line.name))</text>"
        }
        return svg + "</svg>"
    }

    /// A histogram of `values` in [0, 1] with a vertical line at `alpha` and the counts on each side.
    public static func histogram(id: String, values: [Double], alpha: Double, xLabel: String) -> String {
        let bins = 20
        var counts = [Int](repeating: 0, count: bins)
        for value in values where value.isFinite { counts[Int(min(max(value * Double(bins), 0), Double(bins - 1)))] += 1 }
        let x = LinearScale(domain: 0...1, range: (left, width - right))
        let y = LinearScale(domain: 0...Double(max(counts.max() ?? 1, 1)), range: (height - bottom, top))
        var svg = open(id) + axes(x: x, y: y, xLabel: xLabel, yLabel: "weights")
        for (index, count) in counts.enumerated() {
            let x0 = x(Double(index) / Double(bins)), x1 = x(Double(index + 1) / Double(bins))
            svg += "<rect x=\"\(f(x0 + 1))\" y=\"\(f(y(Double(count))))\" width=\"\(f(x1 - x0 - 2))\" height=\"\(f(y(0) - y(Double(count))))\" fill=\"\(ColourScale.categorical[0])\"><title>\(LinearScale.label(Double(index) / Double(bins)))–\(LinearScale.label(Double(index + 1) / Double(bins))): \(count) weights</title></rect>"
        }
        let below = values.filter { $0 < alpha }.count, above = values.count - below
        svg += "<line x1=\"\(f(x(alpha)))\" y1=\"\(f(top))\" x2=\"\(f(x(alpha)))\" y2=\"\(f(height - bottom))\" stroke=\"\(ColourScale.categorical[5])\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
        svg += "<text x=\"\(f(x(alpha) + 6))\" y=\"\(f(top + 12))\" font-size=\"12\" fill=\"\(ColourScale.categorical[5])\">\(escape("alpha \(LinearScale.label(alpha)): \(below) causal (p < alpha) | \(above) non-causal"))</text>"
        return svg + "</svg>"
    }

    /// A heat map of `matrix` (rows = windows along x, columns = weights along y), binned, with a colour legend;
    /// cells whose every value is exactly 0 (static windows) are drawn grey.
    public static func heatMap(id: String, matrix: [[Double]], layerBoundaries: [Int]) -> (svg: String, binning: Binning) {
        let transposed = (0..<(matrix.first?.count ?? 0)).map { column in matrix.map { $0[column] } }
        let binned = Binning(transposed, maxRows: 120, maxColumns: 200)
        let staticBins = Binning(transposed.map { $0.map { $0 == 0 ? 1.0 : 0.0 } }, maxRows: 120, maxColumns: 200)
        let finite = binned.values.flatMap { $0 }.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let rows = binned.values.count, columns = binned.values.first?.count ?? 0
        let plotHeight = 320.0
        let x = LinearScale(domain: 0...Double(max(matrix.count, 1)), range: (left, width - right - 60))
        let y = LinearScale(domain: 0...Double(max(transposed.count, 1)), range: (top, top + plotHeight))
        let cellWidth = (width - right - 60 - left) / Double(max(columns, 1)), cellHeight = plotHeight / Double(max(rows, 1))
        var svg = open(id, height: plotHeight + top + bottom) + "<g shape-rendering=\"crispEdges\">"
        for (r, row) in binned.values.enumerated() {
            for (c, value) in row.enumerated() {
                let isStatic = staticBins.values[r][c] == 1
                let colour = isStatic ? "#c8c8c8" : ColourScale.viridis((value - low) / max(high - low, 1e-12))
                svg += "<rect x=\"\(f(left + Double(c) * cellWidth))\" y=\"\(f(top + Double(r) * cellHeight))\" width=\"\(f(cellWidth + 0.5))\" height=\"\(f(cellHeight + 0.5))\" fill=\"\(colour)\"><title>\(span("w", r, binned.rowsPerBin, transposed.count)), \(span("window", c, binned.columnsPerBin, matrix.count)): \(isStatic ? "static" : LinearScale.label(value))</title></rect>"
            }
        }
        svg += "</g>"
        for boundary in layerBoundaries where boundary > 0 && boundary < transposed.count {
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(Double(boundary))))\" x2=\"\(f(width - right - 60))\" y2=\"\(f(y(Double(boundary))))\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
        }
        svg += "<g font-size=\"11\" fill=\"#333\">"
        for tick in x.ticks(6) {
            svg += "<text x=\"\(f(x(tick)))\" y=\"\(f(top + plotHeight + 16))\" text-anchor=\"middle\">\(LinearScale.label(tick))</text>"
        }
        for tick in y.ticks(5) {
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(LinearScale.label(tick))</text>"
        }
        svg += "<text x=\"\(f((left + width - right - 60) / 2))\" y=\"\(f(top + plotHeight + 40))\" text-anchor=\"middle\">window (45 SGD steps each by default)</text>"
        svg += "<text transform=\"translate(14 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">weight (W1 then W2)</text>"
        for step in 0..<10 {
            let t = 1 - Double(step) / 9
            svg += "<rect x=\"\(f(width - right - 40))\" y=\"\(f(top + Double(step) * 24))\" width=\"16\" height=\"24\" fill=\"\(ColourScale.viridis(t))\"/>"
        }
        svg += "<text x=\"\(f(width - right - 20))\" y=\"\(f(top + 10))\">\(LinearScale.label(high))</text>"
        svg += "<text x=\"\(f(width - right - 20))\" y=\"\(f(top + 236))\">\(LinearScale.label(low))</text>"
        svg += "<rect x=\"\(f(width - right - 40))\" y=\"\(f(top + 256))\" width=\"16\" height=\"16\" fill=\"#c8c8c8\"/>"
        svg += "<text x=\"\(f(width - right - 20))\" y=\"\(f(top + 268))\">static</text>"
        return (svg + "</g></svg>", binned)
    }

    /// "w 10" or "w 10–19": the original indices a bin holds.
    static func span(_ name: String, _ bin: Int, _ size: Int, _ count: Int) -> String {
        let first = bin * size, last = min(count, first + size) - 1
        return first == last ? "\(name) \(first)" : "\(name) \(first)–\(last)"
    }

    /// One matrix picture per layer (rows × columns), pruned weights marked.
    public static func masks(id: String, layers: [(name: String, rows: Int, columns: Int)], pruned: Set<Int>) -> String {
        let cell = 14.0
        var x = left
        var svg = ""
        var offset = 0
        var parts: [String] = []
        var tallest = 0.0
        for layer in layers {
            var part = "<g font-size=\"11\"><text x=\"\(f(x))\" y=\"\(f(top + 10))\">\(escape(layer.name)) (\(layer.rows)×\(layer.columns))</text>"
            let drawRows = min(layer.rows, 60), drawColumns = min(layer.columns, 60)
            for r in 0..<drawRows {
                for c in 0..<drawColumns {
                    let index = offset + r * layer.columns + c
                    let isPruned = pruned.contains(index)
                    part += "<rect x=\"\(f(x + Double(c) * cell))\" y=\"\(f(top + 18 + Double(r) * cell))\" width=\"\(f(cell - 1))\" height=\"\(f(cell - 1))\" fill=\"\(isPruned ? ColourScale.categorical[1] : ColourScale.categorical[0])\"><title>weight \(index) (\(layer.name)[\(r)][\(c)]): \(isPruned ? "pruned" : "kept")</title></rect>"
                }
            }
            part += "</g>"
            parts.append(part)
            tallest = max(tallest, Double(drawRows) * cell)
            x += Double(drawColumns) * cell + 40
            offset += layer.rows * layer.columns
        }
        let total = max(width, x)
        svg = "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(f(total)) \(f(tallest + top + 50))\" role=\"img\">" + parts.joined()
        svg += "<g font-size=\"11\"><rect x=\"\(f(left))\" y=\"\(f(tallest + top + 28))\" width=\"10\" height=\"10\" fill=\"\(ColourScale.categorical[0])\"/><text x=\"\(f(left + 14))\" y=\"\(f(tallest + top + 37))\">kept</text>"
        svg += "<rect x=\"\(f(left + 60))\" y=\"\(f(tallest + top + 28))\" width=\"10\" height=\"10\" fill=\"\(ColourScale.categorical[1])\"/><text x=\"\(f(left + 74))\" y=\"\(f(tallest + top + 37))\">pruned (\(pruned.count))</text></g>"
        return svg + "</svg>"
    }
}
