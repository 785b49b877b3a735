/// What makes a password too easy to guess, beyond its length: being common, being built from the
/// person's own username or name.
public enum PasswordRules {
    /// The password's letters and digits without the punctuation people wrap around them, folded.
    static func core(_ password: String) -> String {
        String(VietnameseText.folded(password).filter { $0.isLetter || $0.isNumber })
    }

    public static func check(
        _ password: String, username: String, fullName: String, commonPasswords: Set<String>
    ) throws(AccountError) {
        let lowered = password.lowercased()
        let trimmed = String(lowered.drop(while: { !$0.isLetter }).reversed().drop(while: { !$0.isLetter }).reversed())
        if commonPasswords.contains(lowered) || commonPasswords.contains(core(password))
            || (trimmed.count >= 4 && commonPasswords.contains(trimmed))
        {
            throw .passwordTooCommon
        }
        // "nguyenvanan2026" for Nguyễn Văn An, "tinh4tinh4tinh4" for tinh4: nothing but the words of
        // the name and username, in any order and repeated, and digits.
        var words = VietnameseText.folded(fullName).split(whereSeparator: { !$0.isLetter }).map(String.init)
        words += VietnameseText.folded(username).split(whereSeparator: { !$0.isLetter }).map(String.init)
        let letters = String(core(password).filter { !$0.isNumber })
        if !letters.isEmpty, isMadeOf(letters, words: words.filter { $0.count >= 2 }) {
            throw .passwordContainsName
        }
    }

    /// Whether `text` is a run of the given words (each may repeat).
    static func isMadeOf(_ text: String, words: [String]) -> Bool {
        let characters = Array(text)
        var reachable = [Bool](repeating: false, count: characters.count + 1)
        reachable[0] = true
        for start in 0..<characters.count where reachable[start] {
            for word in words {
                let end = start + word.count
                if end <= characters.count, String(characters[start..<end]) == word { reachable[end] = true }
            }
        }
        return reachable[characters.count]
    }
}
