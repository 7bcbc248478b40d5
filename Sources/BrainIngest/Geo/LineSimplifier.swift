/// Douglas–Peucker line simplification (Douglas & Peucker 1973): keeps the points that lie farther than
/// `tolerance` (in coordinate units, here degrees) from the chord between kept neighbours.
public enum LineSimplifier {
    public typealias Point = (x: Double, y: Double)

    public static func simplify(_ points: [Point], tolerance: Double) -> [Point] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        // An explicit stack: rings with tens of thousands of points would overflow recursion.
        var stack = [(0, points.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            var farthest = first, maxDistance = -1.0
            for i in (first + 1)..<last {
                let d = distance(points[i], points[first], points[last])
                if d > maxDistance { maxDistance = d; farthest = i }
            }
            if maxDistance > tolerance {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    /// Simplifies a closed ring (first point == last point). A ring that would collapse below a triangle keeps
    /// its extreme points instead, so small islands and enclaves stay on the map.
    public static func simplifyRing(_ ring: [Point], tolerance: Double) -> [Point] {
        guard ring.count > 4 else { return ring }
        // Split at the point farthest from the start so that the closing chord is not degenerate.
        let start = ring[0]
        var split = 1, best = -1.0
        for i in 1..<(ring.count - 1) {
            let d = (ring[i].x - start.x) * (ring[i].x - start.x) + (ring[i].y - start.y) * (ring[i].y - start.y)
            if d > best { best = d; split = i }
        }
        let firstHalf = simplify(Array(ring[0...split]), tolerance: tolerance)
        let secondHalf = simplify(Array(ring[split...]), tolerance: tolerance)
        let result = firstHalf + secondHalf.dropFirst()
        if result.count >= 4 { return result }
        let third = ring.count / 3
        return [ring[0], ring[third], ring[2 * third], ring[0]]
    }

    /// Perpendicular distance of `p` from the segment `a`–`b`.
    static func distance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        if lengthSquared == 0 { return ((p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)).squareRoot() }
        let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared))
        let px = a.x + t * dx - p.x, py = a.y + t * dy - p.y
        return (px * px + py * py).squareRoot()
    }
}
