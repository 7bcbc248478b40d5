/// Text written "中文 English" in data files (policy actions, some labels): the two parts, so a page can show one.
public enum BilingualText {
    /// Splits at the first space that follows Chinese and precedes a Latin letter; text without such a space is
    /// the same in both languages.
    public static func split(_ text: String) -> (zh: String, en: String) {
        let characters = Array(text)
        var sawChinese = false
        for (index, character) in characters.enumerated() {
            if isChinese(character) { sawChinese = true }
            guard sawChinese, character == " ", index + 1 < characters.count,
                  characters[index + 1].isASCII, characters[index + 1].isLetter else { continue }
            let zh = String(characters[..<index]).trimmingWhitespace
            let en = String(characters[(index + 1)...]).trimmingWhitespace
            return (zh, en)
        }
        return (text, text)
    }

    static func isChinese(_ character: Character) -> Bool {
        character.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }
}

private extension String {
    var trimmingWhitespace: String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view.removeFirst() }
        while view.last?.isWhitespace == true { view.removeLast() }
        return String(view)
    }
}
