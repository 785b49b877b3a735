import Foundation
import Testing
import TreDomain

@Suite struct SpecialCircumstancesFileTests {
    static let shipped: [CircumstanceSubgroup] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Resources/Data/special-circumstances.csv")
        return (try? SpecialCircumstancesFile.parse(String(contentsOf: file, encoding: .utf8))) ?? []
    }()

    @Test func everyShippedSubgroupHasTheStatutesSentenceAndItsEnglish() {
        let subgroups = Self.shipped
        #expect(subgroups.count == 48)
        #expect(Set(subgroups.map(\.groupCode)).count == 14)
        let first = subgroups.first
        #expect(first?.name(.vi) == "Trẻ em mồ côi cả cha và mẹ không có người chăm sóc.")
        #expect(first?.name(.en) == "A child orphaned of both parents who has no carer.")
        let quoted = subgroups.first { $0.groupCode == "a" && $0.number == 4 }
        #expect(
            quoted?.name.vi.hasSuffix("không phải người thân thích, trừ trường hợp được nhận làm con nuôi.") == true)
        #expect(quoted?.source == "Nghị định 56/2017/NĐ-CP, Điều 3")
        for subgroup in subgroups {
            let english = subgroup.name.en
            #expect(english.hasPrefix("A ") || english.hasPrefix("An "), "\(subgroup.groupCode).\(subgroup.number)")
            #expect(english.hasSuffix("."), "\(subgroup.groupCode).\(subgroup.number)")
            #expect(
                english.unicodeScalars.allSatisfy { $0.isASCII },
                "no Vietnamese letters in the English of \(subgroup.groupCode).\(subgroup.number)")
            #expect(subgroup.name.vi.hasPrefix("Trẻ em"), "\(subgroup.groupCode).\(subgroup.number)")
        }
        #expect(Set(subgroups.map(\.name.en)).count == 48, "each sub-group reads differently in English")
    }

    @Test func columnsAreFoundByNameAndQuotedCellsKeepTheirCommas() throws {
        let text = #"""
            source,subgroup_en,subgroup_vi,subgroup_number,group_name_en,group_name_vi,group_code
            "Nghị định 56/2017/NĐ-CP, Điều 4",An abandoned child who is in alternative care.,"Trẻ em bị bỏ rơi, ""ví dụ""",2,Abandoned,Trẻ em bị bỏ rơi,b

            """#
        let parsed = try SpecialCircumstancesFile.parse(text)
        #expect(parsed.count == 1)
        #expect(parsed.first?.source == "Nghị định 56/2017/NĐ-CP, Điều 4")
        #expect(
            parsed.first?.name
                == LocalizedText(
                    vi: "Trẻ em bị bỏ rơi, \"ví dụ\"", en: "An abandoned child who is in alternative care."))
        #expect(parsed.first?.groupName(.en) == "Abandoned")
        #expect(parsed.first?.number == 2)
    }

    @Test func aFileWithoutTheEnglishOfASubgroupIsRefusedWithItsLine() {
        let header = SpecialCircumstancesFile.columns.joined(separator: ",")
        #expect(throws: SpecialCircumstancesFile.FormatError(line: 1, reason: "missing columns subgroup_en")) {
            try SpecialCircumstancesFile.parse(
                "group_code,group_name_vi,group_name_en,subgroup_number,subgroup_vi,source\nb,x,y,1,z,s\n")
        }
        #expect(throws: SpecialCircumstancesFile.FormatError(line: 3, reason: "empty subgroup_en")) {
            try SpecialCircumstancesFile.parse(header + "\nb,x,y,1,z,A child.,s\nb,x,y,2,z, ,s\n")
        }
        #expect(throws: SpecialCircumstancesFile.FormatError(line: 2, reason: "expected 7 cells, found 6")) {
            try SpecialCircumstancesFile.parse(header + "\nb,x,y,1,z,s\n")
        }
        #expect(throws: SpecialCircumstancesFile.FormatError(line: 3, reason: "sub-group b.1 twice")) {
            try SpecialCircumstancesFile.parse(header + "\nb,x,y,1,z,A child.,s\nb,x,y,1,z,A child.,s\n")
        }
    }
}
