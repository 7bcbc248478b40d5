/// A duration as seconds, for the APIs that take `TimeInterval`s (dates, deadlines).
extension Duration {
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
