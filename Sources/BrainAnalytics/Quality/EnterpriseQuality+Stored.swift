/// The quality scores as kept on disk between starts (issue 14): every firm's score with its rank, as computed.
extension EnterpriseQuality {
    public var storedScores: [String: QualityScore] { scores }

    /// The scores `storedScores` gave, for the snapshot they were computed from.
    public init(storedScores: [String: QualityScore]) { scores = storedScores }
}
