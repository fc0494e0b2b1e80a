import LyapunovKit

/// The exit statuses of the `lyap_r` program: TISEAN 3.0.0's own, and ours
/// where TISEAN crashes or never ends.
extension ExitStatus {
    /// TISEAN: all values equal ("It makes no sense to continue").
    public static let constantSeries: ExitStatus = 11
    /// TISEAN (64-bit): reading reached a last line without newline ("check_alloc: Couldn't allocate enough memory").
    public static let unterminatedLastLine: ExitStatus = 12
    /// TISEAN: an option value that is not an unsigned integer.
    public static let notAnUnsignedInteger: ExitStatus = 13
    /// TISEAN: an `-r` value that is not a float.
    public static let notAFloat: ExitStatus = 15
    /// TISEAN: an option given last without its value.
    public static let missingValue: ExitStatus = 17
    /// TISEAN: the output file cannot be opened.
    public static let cannotOpenOutput: ExitStatus = 18
    /// TISEAN: no value could be read.
    public static let noData: ExitStatus = 20
    /// Ours: NaN or an infinity in the data (TISEAN loops or prints garbage).
    public static let nonFiniteValue: ExitStatus = 21
    /// Ours: N < (m−1)·d + s (TISEAN: undefined behaviour, a segmentation fault).
    public static let seriesTooShort: ExitStatus = 22
    /// Ours: a point has no neighbour at any radius (TISEAN loops forever).
    public static let noNeighbour: ExitStatus = 23
    /// Ours: an unknown `LYAP_R_ARITHMETIC`, or x87 on a machine without it.
    public static let invalidParameter: ExitStatus = 24
    /// Ours: the input file cannot be read.
    public static let unreadableInput: ExitStatus = 25
    /// Ours, x87 mode: a last line without newline (the 32-bit build never ends there).
    public static let unterminatedLastLineHangs: ExitStatus = 26

    /// Whether the reference has emptied the output file when it fails this
    /// way: it truncates it after reading and rescaling, so where it then
    /// crashes or never ends (our 21, 22, 23) the file is empty; on 11, 12 and
    /// 20 it still holds what it held.
    public static func emptiesOutput(_ status: ExitStatus) -> Bool {
        status == nonFiniteValue || status == seriesTooShort || status == noNeighbour
    }

    /// The exit status for an engine failure.
    public static func of(_ error: LyapunovError) -> ExitStatus {
        switch error {
        case .constantSeries: return constantSeries
        case .noData: return noData
        case .nonFiniteValue: return nonFiniteValue
        case .seriesTooShort: return seriesTooShort
        case .noNeighbour: return noNeighbour
        case .invalidDimension, .arithmeticUnavailable: return invalidParameter
        }
    }
}
