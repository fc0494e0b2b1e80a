/// One row of a `lyap_r` output file: an iteration and the mean logarithmic
/// distance between neighbours that many steps after they were paired.
///
/// Mirrors one `"%d %e\n"` line of TISEAN `lyap_r`'s output.
public struct DivergenceRow: Sendable, Hashable {
    /// The iteration `i`, 0 … steps.
    public var iteration: Int
    /// sum[i] / found[i] / 2, where sum[i] adds ln(squared distance) over the pairs found[i] counts.
    public var value: Double

    /// Creates a row.
    public init(iteration: Int, value: Double) {
        self.iteration = iteration
        self.value = value
    }
}
