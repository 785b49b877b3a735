import Foundation
import TreDomain
import Vapor

/// The list sent to the commune police to check children's personal IDs against the population database
/// (Đề án 06): the records of the register's current filters whose ID they have not yet confirmed, one row each
/// with Tre's record code. The police fill in the ID and "Kết quả xác minh"; the file comes back through the
/// import, which matches each row by its code and shows every change before it is written
/// (`ChildImportMatches`). The columns are in Vietnamese whatever the page's language: the police read them.
enum ChildPoliceList {
    static let fileName = "danh-sach-xac-minh-so-dinh-danh.xlsx"
    /// One file is for one commune's visit; a wider list is asked to be narrowed.
    static let maximumRows = 20_000

    static let header = [
        "STT", "Mã hồ sơ Tre", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Số định danh cá nhân",
        "Người chăm sóc", "Quan hệ", "Điện thoại", "Địa chỉ", "Mã xã", "Kết quả xác minh", "Ghi chú của công an",
    ]

    static func row(_ number: Int, _ child: Child, caregivers: [ChildCaregiver]) -> [XLSXWorkbook.Cell] {
        let first = caregivers.first
        let birth = child.birthDate.map(VietnamTime.date) ?? String(child.birthYear)
        let relation = first.flatMap { CaregiverRelation(rawValue: $0.relation)?.label.vi } ?? ""
        let texts = [
            child.id?.uuidString ?? "", child.fullName, birth, child.sex == "male" ? "Nam" : "Nữ",
            child.ethnicityCode.flatMap(EthnicGroup.name(of:)) ?? "", child.personalID ?? "", first?.fullName ?? "",
            relation, first?.phone ?? "", child.address, String(child.communeCode), "", "",
        ]
        return [.number(Double(number))] + texts.map { $0.isEmpty ? .empty : .text($0) }
    }

    /// Whether the record still needs the police's answer.
    static func awaitsAnswer(_ child: Child) -> Bool {
        child.idVerification != PoliceVerification.confirmed.rawValue
    }

    @Sendable static func download(_ request: Request) async throws -> Response {
        let principal = try request.requirePrincipal()
        let today = ChildAge.todayInVietnam()
        let filters = ChildFilters(request)
        var children: [Child] = []
        var page = 1
        while true {
            let batch = try await ChildQueries.page(
                in: principal.jurisdiction, filters: filters, page: page, per: CSVDownload.pageSize, today: today,
                on: request.db)
            children += batch.items.filter(awaitsAnswer)
            guard children.count <= maximumRows else { throw tooMany }
            guard batch.items.count == CSVDownload.pageSize else { break }
            page += 1
        }
        if let askForPurpose = try await ExportPurposeGate.check(
            request, rowCount: children.count, action: SiteURL.children(.policeList).path)
        {
            return askForPurpose
        }
        let caregivers = try await ChildCaregivers.load(for: children, on: request.db)
        let rows = children.enumerated().map {
            row($0.offset + 1, $0.element, caregivers: caregivers[$0.element.id ?? UUID()] ?? [])
        }
        let data = try XLSXWorkbook.data(sheetName: "Xác minh số định danh", header: header, rows: rows)
        let purpose = ExportPurposeGate.purpose(request) ?? ""
        try await AuditLog.record(
            AuditEvent(
                action: "children.exported", recordType: "child", jurisdiction: principal.jurisdiction,
                details: "police-list rows=\(children.count)" + (purpose.isEmpty ? "" : " purpose=\(purpose)")),
            by: request.auditActor(), on: request.db)
        return XLSXWorkbook.respond(request, fileName: fileName, data: data)
    }

    static let tooMany = TreError(
        status: .unprocessableEntity, code: "too_many_rows",
        message: LocalizedText(
            vi: "Danh sách quá dài cho một lần xác minh (tối đa \(maximumRows) trẻ). Hãy lọc theo xã rồi tải lại.",
            en:
                "The list is too long for one check (at most \(maximumRows) children). Filter by commune and download again."
        ))
}
