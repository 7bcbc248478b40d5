/// Text folding shared by the importers: full-width ASCII to half-width, ideographic space to space.
public enum TextNormalizer {
    public static func halfWidth(_ text: String) -> String {
        // Most cells have nothing to fold: return them without building a new string.
        guard text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) || $0.value == 0x3000 }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
