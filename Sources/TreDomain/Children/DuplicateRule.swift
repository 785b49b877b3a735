/// When two records probably describe the same child: the same given name (folded), the same family
/// name (Hoàng = Huỳnh, Vũ = Võ), birth dates at most a year apart, and the same commune or a shared
/// caregiver phone. The person registering decides; Tre only warns.
public enum DuplicateRule {
    /// How far apart two birth dates (or estimated years) may be and still suggest the same child.
    public static let maximumBirthYearGap = 1

    public struct Facts: Sendable {
        public var givenFolded: String
        public var familyComparable: String
        public var birthYear: Int
        public var communeCode: Int
        public var caregiverPhones: Set<String>

        public init(
            givenFolded: String, familyComparable: String, birthYear: Int, communeCode: Int,
            caregiverPhones: Set<String>
        ) {
            self.givenFolded = givenFolded
            self.familyComparable = familyComparable
            self.birthYear = birthYear
            self.communeCode = communeCode
            self.caregiverPhones = caregiverPhones
        }
    }

    public static func isProbableDuplicate(_ a: Facts, _ b: Facts) -> Bool {
        a.givenFolded == b.givenFolded && a.familyComparable == b.familyComparable
            && abs(a.birthYear - b.birthYear) <= maximumBirthYearGap
            && (a.communeCode == b.communeCode || !a.caregiverPhones.isDisjoint(with: b.caregiverPhones))
    }
}
