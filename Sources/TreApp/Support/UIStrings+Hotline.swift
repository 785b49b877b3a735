import TreDomain

/// Words of the hotline's pages that the shared table did not hold yet: keyboard shortcuts, the date's form.
extension UIStrings {
    static let hotline: [String: LocalizedText] = [
        "keyCaller": .init(vi: "(Alt+Shift+S)", en: "(Alt+Shift+S)"),
        "keyTopics": .init(vi: "(Alt+Shift+T)", en: "(Alt+Shift+T)"),
        "keyOutcome": .init(vi: "(Alt+Shift+K)", en: "(Alt+Shift+K)"),
        "keyNotes": .init(vi: "(Alt+Shift+N)", en: "(Alt+Shift+N)"),
        "keySave": .init(vi: "(Ctrl+Enter)", en: "(Ctrl+Enter)"),
        "dateHint": .init(vi: "dd/mm/yyyy", en: "dd/mm/yyyy"),
    ]
}
