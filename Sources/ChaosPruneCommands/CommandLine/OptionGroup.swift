/// The options of a command, declared together as the stored properties of
/// one value — each an ``Option``, a ``Flag`` or a nested group — which the
/// command's body reads them through. The command's option list (for the
/// parser and the help) is derived from those properties, in declaration
/// order, so an option is declared where it is read and there is no second
/// list to drift from the first.
public protocol OptionGroup: Sendable {}

/// One option of a group.
protocol DeclaredOption {
    /// Its spelling and help.
    var spec: OptionSpec { get }
}

extension Flag: DeclaredOption {}
extension Option: DeclaredOption {}

extension OptionGroup {
    /// The group's options in declaration order, nested groups in place.
    var specs: [OptionSpec] {
        Mirror(reflecting: self).children.flatMap { child -> [OptionSpec] in
            switch child.value {
            case let option as any DeclaredOption: return [option.spec]
            case let group as any OptionGroup: return group.specs
            default: return []
            }
        }
    }
}
