/// The accuracy files between the stages, written by stage 1 and 4 and read
/// by stage 3 and the report:
///
/// - a Helper recipe's `acc_K.csv`: one line per recorded state, the test
///   accuracy then the train accuracy as Python's `repr`, `\r\n` (Python's
///   `csv` writer);
/// - the framework's `train_accuracyK.csv` and `test_accuracyK.csv`: one
///   accuracy per line after each update, `repr`, `\n` (pandas);
/// - per-window accuracies in percent, one per line (`granger --acc-layout
///   per-window`);
/// - stage 4's `epochs_K.csv`: `epoch,train_acc,test_acc` after every epoch, `\n`.
///
/// Every layout reads as a ``NumericTable``: the stage that reads it says
/// which column and row it takes.
public enum AccuracyFile {
    /// A Helper recipe's `acc_K.csv` line.
    public static func helperLine(test: Double, train: Double) -> String {
        "\(PythonFloatText.repr(test)),\(PythonFloatText.repr(train))\r\n"
    }

    /// A line of the framework's `train_accuracyK.csv` or `test_accuracyK.csv`.
    public static func frameworkLine(_ accuracy: Double) -> String {
        PythonFloatText.repr(accuracy) + "\n"
    }

    /// The first line of `epochs_K.csv`.
    public static let epochsHeader = "epoch,train_acc,test_acc\n"

    /// The line of `epochs_K.csv` for epoch `index`.
    public static func epochLine(_ index: Int, train: Double, test: Double) -> String {
        "\(index),\(PythonFloatText.repr(train)),\(PythonFloatText.repr(test))\n"
    }

    /// The accuracy file `path`, any layout, every number read as `csvread` reads it.
    public static func read(_ path: String, threads: Int = 1) throws(InputError) -> NumericTable {
        try NumericTable.read(path, threads: threads)
    }
}
