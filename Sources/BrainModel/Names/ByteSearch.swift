/// Substring search on UTF-8 bytes. For well-formed UTF-8 a byte match is a character match (the encoding is
/// self-synchronising), and comparing bytes is many times faster than Unicode-aware `String.contains` — which matters
/// when one needle is tried against tens of thousands of names or keywords.
public enum ByteSearch {
    /// Whether `needle` occurs in `haystack`; an empty needle occurs everywhere.
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
