import Foundation

/// Where Tre finds what it ships (views, reference data, CSS): the `Resources` and `Public` folders
/// of the working directory when it has them (`swift run` from a checkout), else those beside this
/// source file, so tests and a binary started from another folder still find them.
enum ResourceDirectories {
    static let packageRoot: String = {
        let workingDirectory = FileManager.default.currentDirectoryPath
        if FileManager.default.fileExists(atPath: workingDirectory + "/Resources/Views") {
            return workingDirectory
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // TreApp
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()
            .path
    }()

    static var views: String { packageRoot + "/Resources/Views/" }
    static var data: String { packageRoot + "/Resources/Data/" }
    static var publicFiles: String { packageRoot + "/Public/" }
}
