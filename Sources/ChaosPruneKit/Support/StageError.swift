/// A stage that cannot run on its inputs for a reason that is not a located
/// parse error (those are `InputError`): settings that do not fit the data, an
/// accuracy file that ends before a window does, a series that makes the
/// reference stop. The message says what went wrong and, where it applies,
/// which file and which weight.
public struct StageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line for the user.
    public var message: String

    /// Creates an error with its one-line message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
