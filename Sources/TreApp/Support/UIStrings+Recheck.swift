import TreDomain

/// Words of the re-check (phúc tra) pages: the rounds, one round, a sampled record's form, the printed sheet.
extension UIStrings {
    static let recheck: [String: LocalizedText] = [
        "rechecks": .init(vi: "Phúc tra dữ liệu", en: "Data re-checks"),
        "recheckIntro": .init(
            vi:
                "Cán bộ cấp tỉnh chọn ngẫu nhiên một mẫu hồ sơ trẻ em của một xã, đến hộ gia đình đối chiếu từng thông tin và ghi kết quả. Tỷ lệ sai sót là số thông tin sai khác trên số thông tin đã kiểm tra.",
            en:
                "A provincial officer draws a random sample of one commune's children's records, compares each field with what is found at the household and records the result. The error rate is the fields that differ over the fields checked."
        ),
        "recheckDraw": .init(vi: "Chọn mẫu phúc tra mới", en: "Draw a new re-check sample"),
        "recheckDefaultSize": .init(vi: "mặc định", en: "default"),
        "recheckSize": .init(vi: "Cỡ mẫu", en: "Sample size"),
        "recheckRound": .init(vi: "Đợt phúc tra", en: "Re-check round"),
        "recheckDrawnOn": .init(vi: "Ngày chọn mẫu", en: "Drawn on"),
        "recheckDrawnBy": .init(vi: "Người chọn mẫu", en: "Drawn by"),
        "recheckSeed": .init(vi: "Mã chọn mẫu ngẫu nhiên", en: "Random seed"),
        "recheckSampled": .init(vi: "Số hồ sơ trong mẫu", en: "Records sampled"),
        "recheckErrorRate": .init(vi: "Tỷ lệ sai sót", en: "Error rate"),
        "recheckRecordShare": .init(vi: "Hồ sơ có sai khác", en: "Records with a difference"),
        "recheckFieldsDiffer": .init(vi: "thông tin sai khác", en: "fields differ"),
        "recheckByField": .init(vi: "Theo từng thông tin", en: "By field"),
        "recheckField": .init(vi: "Thông tin", en: "Field"),
        "recheckChecked": .init(vi: "Đã kiểm tra", en: "Checked"),
        "recheckDiffering": .init(vi: "Sai khác", en: "Differ"),
        "recheckSample": .init(vi: "Hồ sơ trong mẫu", en: "The sample"),
        "recheckNumber": .init(vi: "Số thứ tự", en: "No."),
        "recheckCheckedOn": .init(vi: "Ngày ghi kết quả", en: "Recorded on"),
        "recheckClose": .init(vi: "Kết thúc đợt phúc tra", en: "Close the round"),
        "recheckCloseHelp": .init(
            vi: "Sau khi kết thúc, kết quả và tỷ lệ sai sót của đợt không thay đổi nữa.",
            en: "Once closed, the round's findings and error rate no longer change."),
        "recheckRecord": .init(vi: "Phiếu phúc tra hồ sơ", en: "Re-check of a record"),
        "recheckRecordGone": .init(vi: "(hồ sơ không còn trong phạm vi)", en: "(record no longer within reach)"),
        "recheckChildRecord": .init(vi: "Hồ sơ của trẻ", en: "The child's record"),
        "recheckRegistered": .init(vi: "Trong hồ sơ", en: "Registered"),
        "recheckFound": .init(vi: "Thực tế tại hộ gia đình", en: "Found at the household"),
        "recheckNext": .init(vi: "Hồ sơ tiếp theo →", en: "Next record →"),
        "recheckSheet": .init(vi: "Phiếu phúc tra tại hộ gia đình", en: "Household re-check sheet"),
        "recheckSheetHelp": .init(
            vi:
                "Với mỗi thông tin, đánh dấu Khớp hoặc Sai khác; nếu sai khác, ghi thông tin thực tế. Thông tin chưa kiểm tra được thì để trống.",
            en:
                "For each field tick Agrees or Differs; when it differs, write what was found. Leave a field that could not be checked blank."
        ),
        "recheckPrint": .init(vi: "In phiếu", en: "Print the sheet"),
        "recheckAgreesShort": .init(vi: "Khớp", en: "Agrees"),
        "recheckDiffersShort": .init(vi: "Sai khác", en: "Differs"),
        "recheckVisitedOn": .init(vi: "Ngày đến hộ", en: "Visited on"),
        "recheckSignature": .init(vi: "Người phúc tra ký", en: "Re-checked by (signature)"),
    ]
}
