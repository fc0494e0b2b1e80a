public enum ChaosPruneKitPlaceholder {}
