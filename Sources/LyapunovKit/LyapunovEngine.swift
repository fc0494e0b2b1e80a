/// The in-process `lyap_r`: a series in memory and parameters in, the rows of
/// the output file out — no files, no processes.
///
/// Mirrors TISEAN 3.0.0 `lyap_r` from rescaling to the printed rows; the rows
/// are exactly what the executable prints (format them with
/// `DivergenceFormat`). Thread-safe: concurrent calls need distinct workspaces.
public enum LyapunovEngine {
    /// Computes the divergence curve of `series`.
    ///
    /// - Parameters:
    ///   - series: the raw values, in data units (the engine rescales them to [0, 1]).
    ///   - parameters: embedding, Theiler window, iterations and initial epsilon.
    ///   - arithmetic: which TISEAN build's rounding to reproduce.
    ///   - workspace: scratch memory to reuse across calls on one thread.
    ///   - threads: threads for the neighbour searches of a long series (the
    ///     result is the same bits for any count; short series use one).
    ///   - onPass: called after every epsilon pass with the epsilon (rescaled
    ///     units) and how many of the reference points are done.
    /// - Throws: `LyapunovError` for no data, a constant series, a non-finite value,
    ///   a series shorter than the span plus the iterations, a point with no
    ///   neighbour at any epsilon, a dimension below 1, or `x87` on a machine without `Float80`.
    ///
    /// Edge cases: no reference points (Theiler window too large, or N = D + S)
    /// gives no rows, as the reference's empty output file.
    public static func divergence(
        of series: UnsafeBufferPointer<Double>,
        parameters: LyapunovParameters,
        arithmetic: ArithmeticMode = .ieee64,
        workspace: LyapunovWorkspace = LyapunovWorkspace(),
        threads: Int = 1,
        onPass: ((_ epsilon: Double, _ done: Int, _ total: Int) -> Void)? = nil
    ) throws(LyapunovError) -> [DivergenceRow] {
        switch arithmetic {
        case .ieee64:
            return try RosensteinDivergence<IEEE64Arithmetic>(parameters: parameters, threads: threads)
                .run(series: series, workspace: workspace, onPass: onPass)
        case .x87:
            #if arch(x86_64) || arch(i386)
            return try RosensteinDivergence<X87Arithmetic>(parameters: parameters, threads: threads)
                .run(series: series, workspace: workspace, onPass: onPass)
            #else
            throw .arithmeticUnavailable(arithmetic)
            #endif
        }
    }

    /// Computes the divergence curve of `series`; see the buffer-taking overload.
    public static func divergence(
        of series: [Double],
        parameters: LyapunovParameters,
        arithmetic: ArithmeticMode = .ieee64,
        workspace: LyapunovWorkspace = LyapunovWorkspace(),
        threads: Int = 1,
        onPass: ((_ epsilon: Double, _ done: Int, _ total: Int) -> Void)? = nil
    ) throws(LyapunovError) -> [DivergenceRow] {
        try series.withUnsafeBufferPointer { buffer throws(LyapunovError) in
            try divergence(of: buffer, parameters: parameters, arithmetic: arithmetic,
                           workspace: workspace, threads: threads, onPass: onPass)
        }
    }
}
