import TreDomain

/// An API field whose contract lists its codes must hold one of them. A web form sends "" for "not
/// chosen" and the domain reads it so; over the API, leaving the field out or sending null says that,
/// and "" is refused as the contract says rather than quietly read as "not chosen".
enum APIChoices {
    static func refuseBlank(_ fields: KeyValuePairs<String, String?>) throws {
        let blank = fields.filter { $0.value?.isEmpty == true }.map(\.key)
        guard blank.isEmpty else {
            let names = blank.joined(separator: ", ")
            throw TreError.invalidInput(
                LocalizedText(vi: "Chọn một giá trị trong danh sách: \(names).", en: "Choose a listed value: \(names).")
            )
        }
    }
}
