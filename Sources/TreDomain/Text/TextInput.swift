/// Text typed or sent by a person or a partner system. Control characters have no place in a name, a note or
/// a code: a NUL cut a child's name short in storage, and others hide text from a reader. Tabs and line breaks
/// are text; everything else below U+0020, DEL and the C1 controls are refused with the field named.
public enum TextInput {
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    public static func controlCharacterProblem(_ value: String, field: String) -> LocalizedText? {
        guard value.unicodeScalars.contains(where: isControl) else { return nil }
        let name = field.isEmpty ? "" : " (\(field))"
        return LocalizedText(
            vi: "Nội dung\(name) chứa ký tự điều khiển không hợp lệ; hãy gõ lại hoặc dán dạng văn bản thuần.",
            en: "The text\(name) holds a control character; type it again or paste it as plain text.")
    }
}
