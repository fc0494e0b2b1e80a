/// Processor facts.
public enum ProcessorCount {
    /// Cores online (at least 1): the default number of worker threads.
    public static var online: Int { Platform.processorsOnline }
}
