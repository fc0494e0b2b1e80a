/// A sequential, colour-blind-safe colour scale (viridis, sampled at nine
/// stops and interpolated), and the categorical palette of Okabe and Ito for lines.
public enum ColourScale {
    static let stops: [(Double, Double, Double)] = [
        (68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
        (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37),
    ]

    /// The colour of t ∈ [0, 1] as `#rrggbb` (values outside are clamped; NaN is grey).
    public static func viridis(_ t: Double) -> String {
        guard t.isFinite else { return "#bbbbbb" }
        let position = min(max(t, 0), 1) * Double(stops.count - 1)
        let index = min(Int(position), stops.count - 2)
        let fraction = position - Double(index)
        let (a, b) = (stops[index], stops[index + 1])
        func channel(_ x: Double, _ y: Double) -> String {
            let value = Int((x + (y - x) * fraction).rounded())
            let hex = String(value, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(a.0, b.0) + channel(a.1, b.1) + channel(a.2, b.2)
    }

    /// Okabe–Ito's eight colours, distinguishable with every common colour-vision deficiency.
    public static let categorical = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
}
