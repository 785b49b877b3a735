import Foundation

/// The most memory this process has held (Linux's VmHWM), printed by long commands so that a file's cost in
/// memory is a figure, not a guess.
enum PeakMemory {
    static var megabytes: Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return line.split(separator: " ").compactMap { Int($0) }.first.map { $0 / 1024 }
    }

    /// " Peak memory N MB." or nothing where the system does not say.
    static var sentence: String { megabytes.map { " Peak memory \($0) MB." } ?? "" }
}
