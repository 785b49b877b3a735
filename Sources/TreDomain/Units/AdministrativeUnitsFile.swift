import Foundation

/// One row of the shipped administrative-units file (`Resources/Data/administrative-units-2025.csv`).
public struct AdministrativeUnitRow: Equatable, Sendable {
    public var provinceCode: Int
    public var provinceName: String
    public var provinceType: String
    public var communeCode: Int
    public var communeName: String
    /// xã, phường or đặc khu.
    public var communeType: String
}

public enum AdministrativeUnitsFile {
    public static let header = "province_code,province_name,province_type,commune_code,commune_name,commune_type"
    public static let communeTypes: Set<String> = ["xã", "phường", "đặc khu"]

    public struct FormatError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "administrative units file, line \(line): \(reason)" }
    }

    /// Parses the file; names hold no commas or quotes, so a plain split is exact (checked per line).
    public static func parse(_ text: String) throws(FormatError) -> [AdministrativeUnitRow] {
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == header else {
            throw FormatError(line: 1, reason: "expected the header \(header)")
        }
        lines.removeFirst()
        var rows: [AdministrativeUnitRow] = []
        rows.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                VietnameseText.normalized(String($0))
            }
            guard fields.count == 6, let province = Int(fields[0]), let commune = Int(fields[3]) else {
                throw FormatError(line: index + 2, reason: "expected 6 fields with numeric codes")
            }
            guard communeTypes.contains(fields[5]) else {
                throw FormatError(line: index + 2, reason: "unknown commune type \(fields[5])")
            }
            rows.append(
                AdministrativeUnitRow(
                    provinceCode: province, provinceName: fields[1], provinceType: fields[2],
                    communeCode: commune, communeName: fields[4], communeType: fields[5]))
        }
        return rows
    }
}
