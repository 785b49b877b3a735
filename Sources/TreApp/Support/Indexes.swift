import SQLKit

extension SQLDatabase {
    /// Creates a plain index through SQLKit, so both databases get the same one.
    func createIndex(_ name: String, on table: String, columns: [String]) async throws {
        let builder = create(index: name).on(table)
        for column in columns { builder.column(column) }
        try await builder.run()
    }
}
