import Foundation
import Testing
import TreDomain

@Suite struct ContactTests {
    static let shippedTopics: [ContactTopic] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Resources/Data/contact-topics.csv")
        return (try? ContactTopicsFile.parse(String(contentsOf: file, encoding: .utf8))) ?? []
    }()

    var known: Set<String> { Set(Self.shippedTopics.map(\.code)) }

    @Test func theTaxonomyHasTheTenHelplineCategoriesAndMapsViolenceToTheLaw() {
        let categories = Set(Self.shippedTopics.map(\.categoryCode))
        #expect(
            categories == [
                "missing", "violence", "mental_health", "physical_health", "access_to_services", "discrimination",
                "family", "peers", "education", "sexuality",
            ])
        let violence = Self.shippedTopics.filter { $0.categoryCode == "violence" }
        #expect(violence.allSatisfy { $0.abuseForm != nil }, "every violence topic counts under a form of abuse")
        #expect(
            Set(violence.compactMap(\.abuseForm)).isSuperset(of: [.violence, .sexualAbuse, .neglect, .exploitation]))
    }

    @Test func aBrokenTaxonomyFileIsRefusedWithItsLine() {
        let misplaced = "header\n1,violence,Bạo lực,Violence,family.divorce,Ly hôn,Divorce,\n"
        #expect(throws: ContactTopicsFile.FormatError(line: 2, reason: "topic family.divorce is not under violence")) {
            try ContactTopicsFile.parse(misplaced)
        }
        let twice = "header\n1,family,a,b,family.x,c,d,\n1,family,a,b,family.x,c,d,\n"
        #expect(throws: ContactTopicsFile.FormatError.self) { try ContactTopicsFile.parse(twice) }
    }

    @Test func aContactIsCheckedAndItsCallerNormalised() throws {
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        let contact = try ContactDraft(
            channel: "phone_111", startedAt: start, endedAt: start.addingTimeInterval(420),
            callerType: "adult_about_child", callerIdentifier: "+84 912-345-678",
            topicCodes: ["violence.physical", "violence.physical", "family.parent_child"], outcome: "counselled"
        ).validated(knownTopics: known)
        #expect(contact.callerIdentifier == "0912345678")
        #expect(contact.durationSeconds == 420)
        #expect(contact.topicCodes == ["violence.physical", "family.parent_child"])
        #expect(contact.outcome?.isCounselling == true)
    }

    @Test func badContactsAreRefusedNamingTheField() {
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        func field(_ draft: ContactDraft) -> String? {
            do {
                _ = try draft.validated(knownTopics: known)
                return nil
            } catch {
                return error.field
            }
        }
        #expect(
            field(ContactDraft(channel: "phone_111", startedAt: start, endedAt: start.addingTimeInterval(-5)))
                == "endedAt")
        #expect(
            field(ContactDraft(channel: "phone_111", startedAt: start, topicCodes: ["violence.unknown"]))
                == "topicCodes")
        #expect(
            field(ContactDraft(channel: "phone_111", startedAt: start, callerIdentifier: "09123abc45"))
                == "callerIdentifier")
        #expect(field(ContactDraft(channel: "zalo", startedAt: start, callerIdentifier: "zalo:hoa.nguyen")) == nil)
        #expect(field(ContactDraft(channel: "fax", startedAt: start)) == "channel")
        #expect(field(ContactDraft(channel: "web", startedAt: Date().addingTimeInterval(3600))) == "startedAt")
    }
}
