import BrainModel
import Foundation

/// A pull parser for the XML that workbook parts are made of, fed in chunks as the zip entry inflates.
///
/// Why not Foundation's XMLParser: it cannot be pulled one row at a time (it calls back until the document ends), on
/// Linux it refused sheets over ~10 MB as "malformed", and it lost text after an entity reference. Why this is safe:
/// ECMA-376 parts never carry a DTD, so `<!DOCTYPE` is refused outright and only the five predefined entities and
/// character references are known — no external entity is fetched and no entity expands (XXE, billion laughs).
/// It checks what makes XML well-formed for a reader: tags nest and match, one root, nothing after it, attributes
/// quoted, references valid, and the input does not end inside an element. Memory is one token (≤ `maxTokenBytes`).
struct XLSXPullParser {
    enum Token: Equatable { case start(selfClosing: Bool), end, text, endOfDocument }

    struct SyntaxError: Error, Equatable {
        let reason: Reason
        init(_ code: String, _ values: [String: String] = [:]) { reason = Reason(code, values) }
    }

    /// Longest tag, text run or comment held whole. SpreadsheetML's are a few kilobytes (a cell holds at most 32,767
    /// characters, ≤ 160 KiB even as references); the bound also caps rescanning an unfinished token per chunk at 16×.
    let maxTokenBytes: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var inputEnded = false
    private var atDocumentStart = true
    private var documentEnded = false
    private var seenRoot = false
    /// Qualified names of the open elements, end to end, with their lengths: no allocation per tag.
    private var openNames: [UInt8] = []
    private var openLengths: [Int] = []
    // The last token, valid until the next `feed`.
    private var name: Range<Int> = 0..<0
    private var attributes: [(name: Range<Int>, value: Range<Int>)] = []
    private var textRange: Range<Int> = 0..<0
    private var decodedText: [UInt8] = []
    private var textIsDecoded = false

    init(maxTokenBytes: Int = 1 << 20) { self.maxTokenBytes = maxTokenBytes }

    var depth: Int { openLengths.count }

    /// Bytes of the document consumed so far, whatever the chunks were.
    var offset: Int { dropped + position }
    private var dropped = 0

    mutating func feed(_ chunk: Data) {
        // The last token's ranges point into the bytes about to move: forget them rather than let them dangle.
        forgetToken()
        if position > 0 { buffer.removeFirst(position); dropped += position; position = 0 }
        buffer.append(contentsOf: chunk)
    }

    private mutating func forgetToken() {
        name = 0..<0
        attributes.removeAll(keepingCapacity: true)
        (textRange, textIsDecoded) = (0..<0, false)
    }

    /// No more input: what is unfinished is now an error rather than a wait.
    mutating func finish() { inputEnded = true }

    /// The next token; nil when more input is needed.
    mutating func next() throws(SyntaxError) -> Token? {
        while true {
            if documentEnded { return .endOfDocument }
            if atDocumentStart {
                guard buffer.count - position >= 4 || inputEnded else { return nil }
                try skipByteOrderMark()
            }
            guard position < buffer.count else {
                guard inputEnded else { return nil }
                if let open = openElementName { throw SyntaxError("read.xml-cut-off-inside", ["element": open]) }
                guard seenRoot else { throw SyntaxError("read.xml-no-element") }
                documentEnded = true
                forgetToken()
                return .endOfDocument
            }
            let step = buffer[position] == UInt8(ascii: "<") ? try markup() : try text()
            switch step {
            case .needInput:
                guard !inputEnded else { throw SyntaxError("read.xml-cut-off-in-tag") }
                guard buffer.count - position <= maxTokenBytes else {
                    throw SyntaxError("read.xml-token-too-long", ["kib": String(maxTokenBytes >> 10)])
                }
                return nil
            case .skipped: continue
            case .token(let token): return token
            }
        }
    }

    /// Local name (without prefix) of the last start or end tag; empty after text.
    var localName: String {
        let bytes = buffer[name]
        let local = bytes.lastIndex(of: UInt8(ascii: ":")).map { bytes[($0 + 1)...] } ?? bytes
        return String(decoding: local, as: UTF8.self)
    }

    /// The value of the last start tag's attribute with this qualified name, references resolved.
    func attribute(_ qualified: String) -> String? {
        guard let found = attributes.first(where: { buffer[$0.name].elementsEqual(qualified.utf8) }) else { return nil }
        return decodedString(found.value)
    }

    /// All attributes of the last start tag as (qualified name, value).
    var attributeList: [(String, String)] {
        attributes.map { (String(decoding: buffer[$0.name], as: UTF8.self), decodedString($0.value)) }
    }

    /// Appends the last text token, references resolved, as UTF-8 bytes (not yet checked to be valid UTF-8).
    func appendText(to bytes: inout [UInt8]) {
        if textIsDecoded { bytes.append(contentsOf: decodedText) } else { bytes.append(contentsOf: buffer[textRange]) }
    }

    var textByteCount: Int { textIsDecoded ? decodedText.count : textRange.count }

    // MARK: - Tokens

    private enum Step { case needInput, skipped, token(Token) }

    private var openElementName: String? {
        guard let length = openLengths.last else { return nil }
        return String(decoding: openNames.suffix(length), as: UTF8.self)
    }

    private mutating func skipByteOrderMark() throws(SyntaxError) {
        atDocumentStart = false
        let head = Array(buffer[position..<min(buffer.count, position + 4)])
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { position += 3; return }
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0, 0x3C]) || head.starts(with: [0x3C, 0]) {
            throw SyntaxError("read.xml-utf16")
        }
    }

    private mutating func markup() throws(SyntaxError) -> Step {
        guard position + 1 < buffer.count else { return .needInput }
        switch buffer[position + 1] {
        case UInt8(ascii: "?"):
            guard let close = find("?>", from: position + 2) else { return .needInput }
            try checkDeclaration(position + 2..<close)
            position = close + 2
            return .skipped
        case UInt8(ascii: "!"):
            if hasPrefix("<!--") {
                guard let close = find("-->", from: position + 4) else { return .needInput }
                position = close + 3
                return .skipped
            }
            if hasPrefix("<![CDATA[") {
                guard let close = find("]]>", from: position + 9) else { return .needInput }
                guard depth > 0 else { throw SyntaxError("read.xml-data-outside-root") }
                forgetToken()
                textRange = position + 9..<close
                position = close + 3
                return .token(.text)
            }
            guard buffer.count - position >= 9 || inputEnded else { return .needInput }
            throw SyntaxError("read.xml-dtd")
        case UInt8(ascii: "/"):
            guard let close = find(">", from: position + 2) else { return .needInput }
            var end = close
            while end > position + 2, isSpace(buffer[end - 1]) { end -= 1 }
            forgetToken()
            name = position + 2..<end
            try closeElement()
            position = close + 1
            return .token(.end)
        default:
            return try startTag()
        }
    }

    private mutating func closeElement() throws(SyntaxError) {
        let closing = String(decoding: buffer[name], as: UTF8.self)
        guard let length = openLengths.last else { throw SyntaxError("read.xml-closes-nothing", ["closing": closing]) }
        guard openNames.suffix(length).elementsEqual(buffer[name]) else {
            throw SyntaxError("read.xml-mismatched", ["closing": closing, "open": openElementName ?? ""])
        }
        openNames.removeLast(length)
        openLengths.removeLast()
        if openLengths.isEmpty { rootClosed = true }
    }

    private var rootClosed = false

    private mutating func startTag() throws(SyntaxError) -> Step {
        // The tag ends at the first '>' outside a quoted attribute value.
        var quote: UInt8? = nil, index = position + 1, close: Int? = nil
        buffer.withUnsafeBufferPointer { bytes in
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote { if byte == open { quote = nil } }
                else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte }
                else if byte == UInt8(ascii: ">") { close = index; break }
                index += 1
            }
        }
        guard let close else { return .needInput }
        var cursor = position + 1
        while cursor < close, !isSpace(buffer[cursor]), buffer[cursor] != UInt8(ascii: "/") { cursor += 1 }
        guard cursor > position + 1 else { throw SyntaxError("read.xml-stray-less-than") }
        guard !rootClosed else { throw SyntaxError("read.xml-after-root") }
        name = position + 1..<cursor
        attributes.removeAll(keepingCapacity: true)
        var selfClosing = false
        while cursor < close {
            let byte = buffer[cursor]
            if isSpace(byte) { cursor += 1; continue }
            if byte == UInt8(ascii: "/") {
                guard cursor + 1 == close else { throw SyntaxError("read.xml-stray-slash", ["element": localName]) }
                selfClosing = true
                break
            }
            let nameStart = cursor
            while cursor < close, !isSpace(buffer[cursor]), buffer[cursor] != UInt8(ascii: "=") { cursor += 1 }
            let attributeName = nameStart..<cursor
            while cursor < close, isSpace(buffer[cursor]) { cursor += 1 }
            guard cursor < close, buffer[cursor] == UInt8(ascii: "=") else {
                throw SyntaxError("read.xml-attribute-no-value", ["attribute": String(decoding: buffer[attributeName], as: UTF8.self), "element": localName])
            }
            cursor += 1
            while cursor < close, isSpace(buffer[cursor]) { cursor += 1 }
            guard cursor < close, buffer[cursor] == UInt8(ascii: "\"") || buffer[cursor] == UInt8(ascii: "'") else {
                throw SyntaxError("read.xml-attribute-unquoted", ["attribute": String(decoding: buffer[attributeName], as: UTF8.self), "element": localName])
            }
            let quoteByte = buffer[cursor]
            let valueStart = cursor + 1
            cursor = valueStart
            while cursor < close, buffer[cursor] != quoteByte { cursor += 1 }
            let value = valueStart..<cursor
            if buffer[value].contains(UInt8(ascii: "<")) { throw SyntaxError("read.xml-less-than-in-attribute", ["element": localName]) }
            if buffer[value].contains(UInt8(ascii: "&")) { var scratch: [UInt8] = []; try Self.resolve(buffer[value], into: &scratch) }
            attributes.append((attributeName, value))
            cursor += 1
        }
        seenRoot = true
        if selfClosing {
            if openLengths.isEmpty { rootClosed = true }
        } else {
            // SpreadsheetML nests a handful of levels; deep nesting is an attack on memory, not a workbook.
            guard openLengths.count < 64 else { throw SyntaxError("read.xml-too-deep") }
            openNames.append(contentsOf: buffer[name])
            openLengths.append(name.count)
        }
        position = close + 1
        return .token(.start(selfClosing: selfClosing))
    }

    private mutating func text() throws(SyntaxError) -> Step {
        var end = buffer.count
        if let lt = buffer[position...].firstIndex(of: UInt8(ascii: "<")) { end = lt } else if !inputEnded { return .needInput }
        let run = position..<end
        position = end
        if depth == 0 {
            guard buffer[run].allSatisfy(isSpace) else { throw SyntaxError("read.xml-text-outside-root") }
            return .skipped
        }
        forgetToken()
        textRange = run
        textIsDecoded = buffer[run].contains(UInt8(ascii: "&"))
        if textIsDecoded {
            decodedText.removeAll(keepingCapacity: true)
            try Self.resolve(buffer[run], into: &decodedText)
        }
        return .token(.text)
    }

    /// The XML declaration may name an encoding: only UTF-8 (and its ASCII subset) is read.
    private func checkDeclaration(_ range: Range<Int>) throws(SyntaxError) {
        let text = String(decoding: buffer[range], as: UTF8.self)
        guard text.hasPrefix("xml"), let at = text.range(of: "encoding") else { return }
        let rest = text[at.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        let encoding = rest.prefix { $0 != "\"" && $0 != "'" && $0 != " " }.lowercased()
        guard ["utf-8", "utf8", "us-ascii", "ascii"].contains(encoding) else {
            throw SyntaxError("read.xml-encoding", ["encoding": String(encoding)])
        }
    }

    // MARK: - References and bytes

    /// Resolves the five predefined entities and character references; anything else is an error, never a lookup.
    static func resolve(_ raw: ArraySlice<UInt8>, into out: inout [UInt8]) throws(SyntaxError) {
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            guard byte == UInt8(ascii: "&") else { out.append(byte); index += 1; continue }
            guard let semicolon = raw[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                throw SyntaxError("read.xml-bare-ampersand")
            }
            let reference = String(decoding: raw[(index + 1)..<semicolon], as: UTF8.self)
            switch reference {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                guard reference.hasPrefix("#"), let scalar = characterReference(reference.dropFirst()) else {
                    throw SyntaxError("read.xml-unknown-entity", ["reference": String(reference)])
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            index = semicolon + 1
        }
    }

    /// `#20013` or `#x4E2D` → 中, if it names a character XML allows.
    private static func characterReference(_ digits: Substring) -> Unicode.Scalar? {
        let value = digits.first == "x" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let value, value == 0x9 || value == 0xA || value == 0xD || value >= 0x20 else { return nil }
        guard value <= 0xFFFD || value >= 0x10000 else { return nil }
        return Unicode.Scalar(value)
    }

    private func decodedString(_ range: Range<Int>) -> String {
        guard buffer[range].contains(UInt8(ascii: "&")) else { return String(decoding: buffer[range], as: UTF8.self) }
        var out: [UInt8] = []
        guard (try? Self.resolve(buffer[range], into: &out)) != nil else { return "" }
        return String(decoding: out, as: UTF8.self)
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private func hasPrefix(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard buffer.count - position >= count else { return false }
        return text.withUTF8Buffer { buffer[position..<(position + count)].elementsEqual($0) }
    }

    private func find(_ text: StaticString, from start: Int) -> Int? {
        text.withUTF8Buffer { needle -> Int? in
            guard let first = needle.first, buffer.count >= needle.count else { return nil }
            var index = start
            while index <= buffer.count - needle.count {
                guard let hit = buffer[index...].firstIndex(of: first) else { return nil }
                guard hit <= buffer.count - needle.count else { return nil }
                if buffer[hit..<(hit + needle.count)].elementsEqual(needle) { return hit }
                index = hit + 1
            }
            return nil
        }
    }
}
