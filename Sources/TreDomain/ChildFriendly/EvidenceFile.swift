import Foundation

/// A file attached to a self-assessment as evidence (minutes, photos, decisions). Only kinds a commune
/// office produces and a province can open are taken, recognised by their first bytes as well as their
/// name, so a renamed program is refused.
public enum EvidenceKind: String, CaseIterable, Sendable {
    case pdf, jpeg, png, docx, xlsx

    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    var extensions: [String] {
        switch self {
        case .pdf: ["pdf"]
        case .jpeg: ["jpg", "jpeg"]
        case .png: ["png"]
        case .docx: ["docx"]
        case .xlsx: ["xlsx"]
        }
    }

    func matches(_ head: [UInt8]) -> Bool {
        switch self {
        case .pdf: head.starts(with: Array("%PDF".utf8))
        case .jpeg: head.starts(with: [0xFF, 0xD8, 0xFF])
        case .png: head.starts(with: [0x89, 0x50, 0x4E, 0x47])
        // Office files are ZIP archives.
        case .docx, .xlsx: head.starts(with: [0x50, 0x4B, 0x03, 0x04])
        }
    }
}

public enum EvidenceRule {
    /// 5 MB: a scanned page or a phone photo, small enough to send over a weak connection.
    public static let maximumBytes = 5 * 1024 * 1024
    /// Files per assessment.
    public static let maximumFiles = 60
    public static let allowedNames = "PDF, JPG, PNG, DOCX, XLSX"

    public struct Problem: Error, Equatable, Sendable, LocalizedFailure {
        public var code: String
        public var message: LocalizedText
    }

    /// The kind of an acceptable file, or the problem naming the limit it broke.
    public static func check(fileName: String, size: Int, head: [UInt8], filesAlready: Int) -> Result<
        EvidenceKind, Problem
    > {
        if size == 0 {
            return .failure(
                Problem(
                    code: "evidence_empty",
                    message: LocalizedText(vi: "Tệp trống, không có nội dung.", en: "The file is empty.")))
        }
        if size > maximumBytes {
            return .failure(
                Problem(
                    code: "evidence_too_large",
                    message: LocalizedText(
                        vi: "Tệp \(fileName) quá lớn: tối đa 5 MB mỗi tệp.",
                        en: "\(fileName) is too large: at most 5 MB per file.")))
        }
        if filesAlready >= maximumFiles {
            return .failure(
                Problem(
                    code: "evidence_too_many",
                    message: LocalizedText(
                        vi: "Mỗi bản tự đánh giá đính kèm tối đa \(maximumFiles) tệp.",
                        en: "A self-assessment takes at most \(maximumFiles) files.")))
        }
        let ext = (fileName as NSString).pathExtension.lowercased()
        guard let kind = EvidenceKind.allCases.first(where: { $0.extensions.contains(ext) }), kind.matches(head)
        else {
            return .failure(
                Problem(
                    code: "evidence_type",
                    message: LocalizedText(
                        vi: "Không nhận loại tệp của \(fileName): chỉ nhận \(allowedNames).",
                        en: "\(fileName) is not an accepted kind of file: only \(allowedNames).")))
        }
        return .success(kind)
    }
}
