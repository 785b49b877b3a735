/// A Vietnamese full name and its parts: họ (family name), tên đệm (middle names) and tên (given name).
///
/// The parts are guessed from the written name (first word family, last word given) and can be
/// confirmed or corrected by the person entering it, since some names do not follow the pattern.
public struct PersonName: Equatable, Sendable {
    public var fullName: String
    public var familyName: String
    public var middleName: String
    public var givenName: String

    public init(fullName: String) {
        let normalized = VietnameseText.normalized(fullName)
        let words = normalized.split(separator: " ").map(String.init)
        self.fullName = normalized
        switch words.count {
        case 0:
            (familyName, middleName, givenName) = ("", "", "")
        case 1:
            (familyName, middleName, givenName) = ("", "", words[0])
        default:
            familyName = words[0]
            givenName = words[words.count - 1]
            middleName = words[1..<(words.count - 1)].joined(separator: " ")
        }
    }

    /// Parts confirmed by a person; they must spell the full name, in order.
    public init(familyName: String, middleName: String, givenName: String) {
        self.familyName = VietnameseText.normalized(familyName)
        self.middleName = VietnameseText.normalized(middleName)
        self.givenName = VietnameseText.normalized(givenName)
        fullName = [self.familyName, self.middleName, self.givenName].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Vietnamese lists are ordered by given name, then family name, then middle name.
    public var sortKey: String {
        VietnameseCollation.sortKey(parts: [givenName, familyName, middleName])
    }

    /// Hoàng and Huỳnh, Vũ and Võ are the same family name written in the North and the South.
    public var comparableFamilyName: String {
        Self.comparableFamilyName(familyName)
    }

    public static func comparableFamilyName(_ familyName: String) -> String {
        let folded = VietnameseText.folded(familyName)
        return familyNameEquivalents[folded] ?? folded
    }

    static let familyNameEquivalents = ["huynh": "hoang", "vo": "vu"]
}
