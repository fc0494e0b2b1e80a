/// One test's numbers at one lag, as statsmodels reports them.
public struct GrangerStatistic: Sendable, Equatable {
    /// The test statistic (F, χ² or LR).
    public var statistic: Double
    /// Its p-value.
    public var pValue: Double

    /// A statistic and its p-value.
    package init(statistic: Double, pValue: Double) {
        self.statistic = statistic
        self.pValue = pValue
    }
}

/// The four tests of `grangercausalitytests` at one lag.
public struct GrangerLagResult: Sendable, Equatable {
    /// The lag L.
    public var lag: Int
    /// `ssr_ftest`: F = (RSS_r − RSS_u)/RSS_u/L·df_u, F(L, df_u).
    public var ssrF: GrangerStatistic
    /// `ssr_chi2test`: n·(RSS_r − RSS_u)/RSS_u, χ²(L).
    public var ssrChiSquare: GrangerStatistic
    /// `lrtest`: −2·(llf_r − llf_u), χ²(L).
    public var likelihoodRatio: GrangerStatistic
    /// `params_ftest`: the Wald F test that the L lag coefficients are zero.
    public var parameterF: GrangerStatistic

    /// The four tests at lag `lag`.
    package init(lag: Int, ssrF: GrangerStatistic, ssrChiSquare: GrangerStatistic, likelihoodRatio: GrangerStatistic,
                 parameterF: GrangerStatistic) {
        self.lag = lag
        self.ssrF = ssrF
        self.ssrChiSquare = ssrChiSquare
        self.likelihoodRatio = likelihoodRatio
        self.parameterF = parameterF
    }

    /// The tests in the notebook's (and statsmodels') order, with their names.
    public var named: [(name: String, value: GrangerStatistic)] {
        [("ssr_ftest", ssrF), ("ssr_chi2test", ssrChiSquare), ("lrtest", likelihoodRatio), ("params_ftest", parameterF)]
    }
}

/// What `grangercausalitytests` gave for one weight: the tests for every lag,
/// or the exception it raised (which the notebook turns into p = 0).
public enum GrangerOutcome: Sendable, Equatable {
    /// Results for lags 1 … maxlag.
    case tested([GrangerLagResult])
    /// The exception, as the notebook records it: `Name: message`.
    case raised(String)

    /// Messages of the exceptions statsmodels 0.14.4 raises here.
    public enum Message {
        /// NaN or infinity in either series.
        public static let nonFinite = "ValueError: x contains NaN or inf values."
        /// A lag column is constant over the rows kept.
        public static let constantColumn = "InfeasibleTestError: The x values include a column with constant values and so the test statistic cannot be computed."
        /// The unrestricted fit is perfect.
        public static let perfectFit = "InfeasibleTestError: The Granger causality test statistic cannot be computed because the VAR has a perfect fit of the data."
        /// numpy's error when the notebook stacks a differenced and an undifferenced series.
        public static let inhomogeneous = "ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part."
        /// T ≤ 3·maxlag + 1.
        public static func insufficient(maximumLag: Int) -> String {
            "ValueError: Insufficient observations. Maximum allowable lag is \(maximumLag)"
        }
    }
}
