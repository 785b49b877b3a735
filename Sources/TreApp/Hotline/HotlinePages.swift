import Foundation
import TreDomain

/// A label and its value, as the hotline's pages list facts and counts.
struct HotlineFact: Encodable, Equatable {
    var label: String
    var value: String
}

/// What the console's form posts, and what it shows again when a contact is refused.
struct ContactForm: Codable, Sendable {
    var startedAt: String?
    var channel: String?
    var callerType: String?
    var callerIdentifier: String?
    var childSex: String?
    var childAgeBand: String?
    var provinceCode: String?
    var topicCodes: [String]?
    var outcome: String?
    var notes: String?
    var followUpOn: String?

    /// A blank form for a call that starts now.
    static func starting(at now: Date) -> ContactForm {
        ContactForm(startedAt: String(Int(now.timeIntervalSince1970)), channel: ContactChannel.phone111.rawValue)
    }

    /// The contact as the domain validates it; the call ends when the form is saved.
    func draft(now: Date) -> ContactDraft {
        let started = startedAt.flatMap(Double.init).map(Date.init(timeIntervalSince1970:)) ?? now
        return ContactDraft(
            channel: channel ?? "", startedAt: started, endedAt: max(now, started),
            callerType: callerType ?? "anonymous", callerIdentifier: callerIdentifier ?? "",
            childSex: childSex ?? "", childAgeBand: childAgeBand ?? "",
            provinceCode: provinceCode.flatMap { Int($0) }, topicCodes: topicCodes ?? [],
            outcome: outcome ?? "", notes: notes ?? "", followUpOn: followUpOn ?? "")
    }
}

/// The counsellor's console: one form to log a contact while talking, keyboard first.
struct ConsolePage: Encodable {
    struct TopicGroup: Encodable {
        var label: String
        var topics: [Choice]
    }

    var form: ContactForm
    var error: String?
    var channels: [Choice]
    var callerTypes: [Choice]
    var sexes: [Choice]
    var ageBands: [Choice]
    var outcomes: [Choice]
    var provinces: [Choice]
    var topicGroups: [TopicGroup]
    var savedHref: String?
    /// Where the browser keeps this counsellor's draft: one key per account, since desks are shared.
    var draftKey: String
    var action = SiteURL.hotline(.console).path
    var todayHref = SiteURL.hotline(.today).path
    var callersHref = SiteURL.hotline(.callers).path
    var script = SiteURL.script(.contactConsole).path

    init(
        form: ContactForm, choices: HotlineQueries.ConsoleChoices, counsellor: UUID?, saved: UUID? = nil,
        error: String? = nil, language: Language
    ) {
        self.form = form
        self.error = error
        channels = Choice.list(ContactChannel.self, selected: form.channel, language: language) { $0.label }
        callerTypes = Choice.list(CallerType.self, selected: form.callerType, language: language) { $0.label }
        sexes = Choice.sexes(selected: form.childSex, language: language)
        ageBands = ContactDraft.ageBands.map { Choice(value: $0, label: $0, selected: $0 == form.childAgeBand) }
        outcomes = Choice.list(ContactOutcome.self, selected: form.outcome, language: language) { $0.label }
        provinces = choices.provinces.map {
            Choice(value: String($0.code), label: $0.name, selected: String($0.code) == form.provinceCode)
        }
        var groups: [TopicGroup] = []
        for topic in choices.topics {
            let label = language == .vi ? topic.categoryVI : topic.categoryEN
            let choice = Choice(
                value: topic.code, label: language == .vi ? topic.nameVI : topic.nameEN,
                selected: form.topicCodes?.contains(topic.code) ?? false)
            if groups.last?.label == label {
                groups[groups.count - 1].topics.append(choice)
            } else {
                groups.append(TopicGroup(label: label, topics: [choice]))
            }
        }
        topicGroups = groups
        savedHref = saved.map { SiteURL.hotline(.contact(.value($0))).path }
        draftKey = "tre.contact-draft." + (counsellor?.uuidString.lowercased() ?? "anonymous")
    }
}

/// An earlier contact of the same caller, as the console's script and the contact page list it.
struct PreviousContact: Codable, Equatable, Sendable {
    var href: String
    var when: String
    var outcome: String
    var notes: String

    init(_ contact: HotlineContact, language: Language) {
        href = SiteURL.hotline(.contact(.value(contact.id ?? UUID()))).path
        when = VietnamTime.format(contact.startedAt)
        outcome = contact.outcome.flatMap(ContactOutcome.init(rawValue:))?.label(language) ?? ""
        notes = contact.notes
    }
}

/// The flags and earlier contacts of an identifier, for the console's script (JSON).
struct CallerHistory: Codable, Sendable {
    var flags: [String]
    var contacts: [PreviousContact]

    init(_ file: HotlineQueries.CallerFile, language: Language) {
        flags = file.flags.map { CallerHistory.describe($0, language: language) }
        contacts = file.contacts.map { PreviousContact($0, language: language) }
    }

    /// "Kind · note · until 31/12/2026".
    static func describe(_ flag: CallerFlag, language: Language) -> String {
        let kind = CallerFlagKind(rawValue: flag.kind)?.label(language) ?? flag.kind
        let until = "\(UIStrings.text("until", language)) \(VietnamTime.date(flag.expiresOn))"
        return [kind, flag.note, until].filter { !$0.isEmpty }.joined(separator: " · ")
    }
}

/// One contact: what was recorded, the caller's flags and earlier contacts, and either the case it became
/// or the way to turn it into a report (the report form, filled from the call).
struct ContactPage: Encodable {
    var flags: [String]
    var flagKinds: [Choice]
    var flagAction: String
    var facts: [HotlineFact]
    var previous: [PreviousContact]
    var caseHref: String?
    /// Nil once the contact became a case: a contact opens one report only.
    var reportHref: String?
    var error: String?
    var consoleHref = SiteURL.hotline(.console).path
    var todayHref = SiteURL.hotline(.today).path

    init(_ file: HotlineQueries.ContactFile, error: String? = nil, language: Language) {
        let contact = file.contact
        let id = contact.id ?? UUID()
        facts = Self.facts(of: contact, topics: file.topics, language: language)
        flags = file.flags.map { CallerHistory.describe($0, language: language) }
        flagKinds = Choice.list(CallerFlagKind.self, selected: nil, language: language) { $0.label }
        flagAction = SiteURL.hotline(.contactFlags(.value(id))).path
        previous = file.previous.map { PreviousContact($0, language: language) }
        caseHref = contact.caseID.map { SiteURL.cases(.show(.value($0))).path }
        reportHref = contact.caseID == nil ? SiteURL.cases(.newReport).link(["contact": id.uuidString]) : nil
        self.error = error
    }

    /// What was recorded of a call, as the contact page and the report made from it show it.
    static func facts(of contact: HotlineContact, topics: [ContactTopicRecord], language: Language) -> [HotlineFact] {
        let names = Dictionary(
            topics.map { ($0.code, language == .vi ? $0.nameVI : $0.nameEN) }, uniquingKeysWith: { a, _ in a })
        let text = { (key: String) in UIStrings.text(key, language) }
        return [
            HotlineFact(label: text("receivedAt"), value: VietnamTime.format(contact.startedAt)),
            HotlineFact(
                label: text("channel"),
                value: ContactChannel(rawValue: contact.channel)?.label(language) ?? contact.channel),
            HotlineFact(
                label: text("callerType"),
                value: CallerType(rawValue: contact.callerType)?.label(language) ?? contact.callerType),
            HotlineFact(label: text("callerIdentifier"), value: contact.callerIdentifier),
            HotlineFact(
                label: text("topics"),
                value: contact.topicCodes.split(separator: ",").map { names[String($0)] ?? String($0) }
                    .joined(separator: ", ")),
            HotlineFact(
                label: text("outcome"),
                value: contact.outcome.flatMap(ContactOutcome.init(rawValue:))?.label(language) ?? ""),
            HotlineFact(label: text("notes"), value: contact.notes),
            HotlineFact(label: text("followUpOn"), value: contact.followUpOn.map(VietnamTime.date) ?? ""),
        ].filter { !$0.value.isEmpty }
    }
}

/// The supervisor's view: today's contacts by outcome, the follow-ups that are due, flagged callers.
struct TodayPage: Encodable {
    struct FollowUp: Encodable {
        var href: String
        var due: String
        var late: Bool
        var notes: String
        var doneAction: String
    }

    var incoming: Int
    var counselled: Int
    var intervention: Int
    var outcomes: [HotlineFact]
    var followUps: [FollowUp]
    var flags: [HotlineFact]
    var consoleHref = SiteURL.hotline(.console).path

    init(_ loaded: HotlineQueries.Day, language: Language) {
        let figures = loaded.figures
        incoming = figures.incoming.total
        counselled = figures.counselled.total
        intervention = figures.intervention.total
        outcomes = figures.byOutcome.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
            HotlineFact(
                label: ContactOutcome(rawValue: $0.key)?.label(language) ?? UIStrings.text("notKnown", language),
                value: String($0.value))
        }
        let today = loaded.day.description
        followUps = loaded.due.map { contact in
            let id = contact.id ?? UUID()
            return FollowUp(
                href: SiteURL.hotline(.contact(.value(id))).path, due: VietnamTime.date(contact.followUpOn ?? ""),
                late: (contact.followUpOn ?? "") < today, notes: contact.notes,
                doneAction: SiteURL.hotline(.contactFollowedUp(.value(id))).path)
        }
        flags = loaded.flags.map {
            HotlineFact(
                label: "\(CallerFlagKind(rawValue: $0.kind)?.label(language) ?? $0.kind) · \($0.callerIdentifier)",
                value: "\($0.note) (\(UIStrings.text("until", language)) \(VietnamTime.date($0.expiresOn)))")
        }
    }
}

/// `/admin/topics`: the taxonomy by version, the form that adds a topic, and each topic's retire button.
struct TopicsPage: Encodable {
    struct Row: Encodable {
        var category: String
        var code: String
        var name: String
        var abuseForm: String
        var version: Int
        var retiredIn: Int?
        var retireAction: String?
    }

    var version: Int
    var rows: [Row]
    var categories: [Choice]
    var abuseForms: [Choice]
    var error: String?
    var action = SiteURL.hotline(.topics).path

    init(_ topics: [ContactTopicRecord], error: String? = nil, language: Language) {
        var categories: [Choice] = []
        for topic in topics where !categories.contains(where: { $0.value == topic.categoryCode }) {
            categories.append(
                Choice(
                    value: topic.categoryCode, label: language == .vi ? topic.categoryVI : topic.categoryEN,
                    selected: false))
        }
        version = TopicService.currentVersion(topics)
        rows = topics.map {
            Row(
                category: language == .vi ? $0.categoryVI : $0.categoryEN, code: $0.code,
                name: language == .vi ? $0.nameVI : $0.nameEN,
                abuseForm: $0.abuseForm.flatMap(AbuseForm.init(rawValue:))?.label(language) ?? "",
                version: $0.version, retiredIn: $0.retiredIn,
                retireAction: $0.retiredIn == nil ? SiteURL.hotline(.retireTopic(.value($0.code))).path : nil)
        }
        self.categories = categories
        abuseForms = Choice.list(AbuseForm.self, selected: nil, language: language) { $0.label }
        self.error = error
    }
}
