extension String {
    /// The same text as `trimmingCharacters(in: .whitespacesAndNewlines)` — Unicode White_Space (Zs, Zl, Zp, U+0009–
    /// U+000D, U+0085) and, as Foundation's set still has it, U+200B ZERO WIDTH SPACE, cut from both ends — without the
    /// trip through NSString that made trimming a fifth of the file check. A field that starts and ends with a visible
    /// ASCII character, the common case, is returned as is. (`ImportPipelineTests` checks every BMP character.)
    var trimmedField: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        let scalars = unicodeScalars
        let isSpace = { (scalar: Unicode.Scalar) in scalar.properties.isWhitespace || scalar.value == 0x200B }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = scalars.lastIndex { !isSpace($0) } ?? start
        if start == scalars.startIndex, scalars.index(after: end) == scalars.endIndex { return self }
        return String(scalars[start...end])
    }
}
