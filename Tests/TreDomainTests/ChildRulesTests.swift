import Testing

@testable import TreDomain

@Suite struct NameSearchTests {
    @Test(arguments: [
        "nguyen thi thuy", "NGUYỄN THỊ THỦY", "Nguyễn Thị Thuỷ", "  nguyễn   thị thủy ",
        "Nguye\u{0302}\u{0303}n Thi\u{0323} Thu\u{0309}y",
    ])
    func everySpellingOfTheNameFindsIt(query: String) {
        #expect(NameSearch(query).rank(of: "Nguyễn Thị Thủy") == .exact)
    }

    @Test func wordsMatchByPrefixInAnyOrder() {
        #expect(NameSearch("dang").rank(of: "Đặng Văn Lâm") == .wordsInOrder)
        #expect(NameSearch("dan").rank(of: "Đặng Văn Lâm") == .prefixInOrder)
        #expect(NameSearch("nguy th").rank(of: "Nguyễn Thị Thủy") == .prefixInOrder)
        #expect(NameSearch("an nguyen").rank(of: "Nguyễn Văn An") == .prefixAnyOrder)
        #expect(NameSearch("an an").rank(of: "Nguyễn Văn An") == nil)
        #expect(NameSearch("lan").rank(of: "Nguyễn Thị Hương") == nil)
        #expect(NameSearch("   ").rank(of: "Nguyễn Thị Hương") == nil)
    }

    @Test func ranksOrderExactBeforePrefix() {
        #expect(NameSearch.Rank.exact < .wordsInOrder)
        #expect(NameSearch.Rank.wordsInOrder < .prefixInOrder)
        #expect(NameSearch.Rank.prefixInOrder < .prefixAnyOrder)
    }
}

@Suite struct VietnameseOrderTests {
    @Test func listsAreOrderedByGivenNameThenFamilyName() {
        let names = [
            "Trần Văn Bình", "Nguyễn Thị Ánh", "Lê Văn An", "Đỗ Thị Anh", "Nguyễn Văn An", "Phạm Đức Đạt",
            "Hoàng Văn Dũng",
        ]
        let sorted = names.sorted { PersonName(fullName: $0).sortKey < PersonName(fullName: $1).sortKey }
        #expect(
            sorted == [
                "Lê Văn An", "Nguyễn Văn An", "Đỗ Thị Anh", "Nguyễn Thị Ánh", "Trần Văn Bình", "Hoàng Văn Dũng",
                "Phạm Đức Đạt",
            ])
    }

    @Test func aGivenNameWithAnotherToneIsAnotherName() {
        let names = ["Nguyễn Thị Ánh", "Trần Thị Anh", "Bùi Thị Ánh"]
        let sorted = names.sorted { PersonName(fullName: $0).sortKey < PersonName(fullName: $1).sortKey }
        #expect(sorted == ["Trần Thị Anh", "Bùi Thị Ánh", "Nguyễn Thị Ánh"])
    }

    @Test func lettersWithMarksComeAfterTheirBaseLetter() {
        let words = ["ơ", "o", "ô", "d", "đ", "e", "ă", "â", "a", "ư", "u"]
        #expect(
            words.sorted { VietnameseCollation.sortKey($0) < VietnameseCollation.sortKey($1) }
                == ["a", "ă", "â", "d", "đ", "e", "o", "ô", "ơ", "u", "ư"])
    }

    @Test func tonesBreakTiesInDictionaryOrder() {
        let words = ["má", "mạ", "mà", "ma", "mã", "mả"]
        #expect(
            words.sorted { VietnameseCollation.sortKey($0) < VietnameseCollation.sortKey($1) }
                == ["ma", "mà", "mả", "mã", "má", "mạ"])
        #expect(VietnameseCollation.sortKey("Ngọc Hà").allSatisfy { $0.isASCII && $0.isLowercase })
    }
}

@Suite struct PersonNameTests {
    @Test func partsAreGuessedFromTheWrittenName() {
        let name = PersonName(fullName: "  Tôn Nữ  Thị Ngọc   Hân ")
        #expect(name.fullName == "Tôn Nữ Thị Ngọc Hân")
        #expect(name.familyName == "Tôn")
        #expect(name.middleName == "Nữ Thị Ngọc")
        #expect(name.givenName == "Hân")
        let corrected = PersonName(familyName: "Tôn Nữ", middleName: "Thị Ngọc", givenName: "Hân")
        #expect(corrected.fullName == name.fullName)
    }

    @Test func northernAndSouthernSpellingsOfAFamilyNameCompareEqual() {
        #expect(
            PersonName(fullName: "Huỳnh Văn A").comparableFamilyName
                == PersonName(fullName: "Hoàng Văn A").comparableFamilyName)
        #expect(
            PersonName(fullName: "Võ Thị B").comparableFamilyName
                == PersonName(fullName: "Vũ Thị B").comparableFamilyName)
        #expect(
            PersonName(fullName: "Lê Văn C").comparableFamilyName
                != PersonName(fullName: "Lý Văn C").comparableFamilyName)
    }

    @Test func aNameNeedsLettersAndASensibleLength() throws {
        #expect(throws: ChildRecordError.nameWithoutLetters) { try ChildNameRules.validate(" 123 -- ") }
        #expect(throws: ChildRecordError.nameTooLong(maximum: 150)) {
            try ChildNameRules.validate(String(repeating: "a", count: 10_000_000))
        }
        #expect(try ChildNameRules.validate("Lò Thị Mai").givenName == "Mai")
    }
}

@Suite struct PersonalIdentificationNumberTests {
    @Test func aWellFormedNumberAgreesWithSexAndYear() throws {
        let id = try PersonalIdentificationNumber("001 315 012345", sex: .female, birthYear: 2015)
        #expect(id.value == "001315012345")
        #expect(id.birthYear == 2015)
    }

    @Test func badNumbersAreRefusedWithTheReason() {
        #expect(throws: ChildRecordError.personalIDMalformed) { try PersonalIdentificationNumber("00131501234") }
        #expect(throws: ChildRecordError.personalIDMalformed) { try PersonalIdentificationNumber("00131501234a") }
        #expect(throws: ChildRecordError.personalIDUnknownProvince) { try PersonalIdentificationNumber("003315012345") }
        #expect(throws: ChildRecordError.personalIDDisagreesWithSex) {
            try PersonalIdentificationNumber("001315012345", sex: .male)
        }
        #expect(throws: ChildRecordError.personalIDDisagreesWithBirthYear(encoded: 2015)) {
            try PersonalIdentificationNumber("001315012345", birthYear: 2016)
        }
    }
}

@Suite struct ChildAgeTests {
    @Test func ageCountsFromTheBirthday() {
        let birth = ChildAge.Birth.date(year: 2010, month: 11, day: 24)
        #expect(ChildAge(birth: birth, on: (2026, 11, 23)).years == 15)
        #expect(ChildAge(birth: birth, on: (2026, 11, 23)).isChild)
        #expect(ChildAge(birth: birth, on: (2026, 11, 24)).years == 16)
        #expect(!ChildAge(birth: birth, on: (2026, 11, 24)).isChild)
        #expect(ChildAge(birth: .estimatedYear(2020), on: (2026, 1, 1)).isEstimated)
        #expect(ChildAge(birth: .date(year: 2021, month: 2, day: 1), on: (2026, 11, 23)).band == .under6)
        #expect(ChildAge(birth: .date(year: 2014, month: 2, day: 1), on: (2026, 11, 23)).band == .from11to15)
    }

    @Test func impossibleAndFutureDatesAreRefused() throws {
        let today = (year: 2026, month: 11, day: 23)
        #expect(throws: ChildRecordError.impossibleBirthDate) {
            try ChildAge.validateBirthDate(year: 2023, month: 2, day: 29, today: today)
        }
        #expect(throws: ChildRecordError.impossibleBirthDate) {
            try ChildAge.validateBirthDate(year: 2020, month: 13, day: 1, today: today)
        }
        #expect(throws: ChildRecordError.birthDateInFuture) {
            try ChildAge.validateBirthDate(year: 2026, month: 11, day: 24, today: today)
        }
        try ChildAge.validateBirthDate(year: 2024, month: 2, day: 29, today: today)
    }
}
