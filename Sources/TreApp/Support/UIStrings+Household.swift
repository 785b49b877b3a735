import TreDomain

/// Words of the household form: a household book's page entered at once.
extension UIStrings {
    static let household: [String: LocalizedText] = [
        "householdEntry": .init(vi: "Nhập theo hộ gia đình", en: "Enter a household"),
        "householdHelp": .init(
            vi:
                "Ghi như sổ theo dõi trẻ em: nơi ở và cha mẹ, người chăm sóc một lần, rồi mỗi trẻ một dòng. Dòng để trống được bỏ qua. Ngày sinh viết ngày/tháng/năm, hoặc chỉ năm sinh nếu sổ chỉ ghi năm. Các trẻ được lưu cùng lúc: nếu một dòng có lỗi thì chưa trẻ nào được lưu.",
            en:
                "Write it as the household book has it: where the household lives and its parents or caregivers once, then one line per child. Empty lines are left out. Write the date of birth as day/month/year, or only the year when the book has no more. The children are saved together: if one line is wrong, none is saved."
        ),
        "householdPlace": .init(vi: "Hộ gia đình", en: "Household"),
        "householdAddress": .init(
            vi: "Địa chỉ (thôn, xóm, tổ dân phố, số nhà)", en: "Address (village, hamlet, residential group, house)"),
        "householdCaregivers": .init(vi: "Cha mẹ, người chăm sóc", en: "Parents or caregivers"),
        "householdChildren": .init(vi: "Các trẻ trong hộ", en: "The household's children"),
        "householdChild": .init(vi: "Trẻ", en: "Child"),
        "householdBorn": .init(vi: "Ngày sinh (hoặc năm sinh)", en: "Date of birth (or year)"),
        "householdSave": .init(vi: "Lưu cả hộ", en: "Save the household"),
        "householdAddLines": .init(vi: "Thêm dòng", en: "Add lines"),
        "householdFull": .init(vi: "Số dòng tối đa mỗi lần nhập:", en: "Most lines in one entry:"),
        "householdSaved": .init(vi: "Số trẻ của hộ đã lưu:", en: "Children of the household saved:"),
        "householdJustSaved": .init(vi: "Vừa lưu", en: "Just saved"),
        "householdNext": .init(
            vi: "Nhập hộ tiếp theo ở mẫu dưới đây.", en: "Enter the next household in the form below."),
        "householdNothingSaved": .init(
            vi: "Chưa lưu trẻ nào: hãy sửa các ô được đánh dấu rồi lưu lại cả hộ.",
            en: "Nothing was saved: correct the marked fields, then save the household again."),
        "householdDuplicatesHelp": .init(
            vi:
                "Một số trẻ có thể đã có hồ sơ (xem dưới từng dòng). Nếu là cùng một trẻ, hãy xóa dòng đó; nếu là trẻ khác, đánh dấu xác nhận ở dòng đó rồi lưu lại. Chưa lưu trẻ nào.",
            en:
                "Some children may already be registered (see under each line). If it is the same child, clear that line; if it is another child, tick the confirmation on that line and save again. Nothing was saved yet."
        ),
    ]
}
