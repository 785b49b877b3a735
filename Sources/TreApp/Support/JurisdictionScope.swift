import Fluent
import SQLKit
import TreDomain

/// The one scoped-query helper: every list, search, export and lookup of records that belong to a place is
/// narrowed here to the reader's jurisdiction, inside the query, so nothing is fetched and filtered later.
/// A hand-written `switch` over a jurisdiction in a query is the mistake this replaces.
extension QueryBuilder {
    @discardableResult
    func within(
        _ jurisdiction: Jurisdiction, province: KeyPath<Model, FieldProperty<Model, Int>>,
        commune: KeyPath<Model, FieldProperty<Model, Int>>
    ) -> Self {
        switch jurisdiction {
        case .nation: self
        case .province(let code): filter(province == code)
        case .commune(_, let code): filter(commune == code)
        }
    }

    /// Records whose place may be empty (accounts of the nation, audit entries of sign-ins).
    @discardableResult
    func within(
        _ jurisdiction: Jurisdiction, province: KeyPath<Model, OptionalFieldProperty<Model, Int>>,
        commune: KeyPath<Model, OptionalFieldProperty<Model, Int>>
    ) -> Self {
        switch jurisdiction {
        case .nation: self
        case .province(let code): filter(province == code)
        case .commune(_, let code): filter(commune == code)
        }
    }
}

extension Jurisdiction {
    /// The one column and code that narrow a row to this jurisdiction, for SQL that places the condition
    /// itself (the registry's search steers which index it uses): nil for the nation.
    var narrowingColumn: (name: String, code: Int)? {
        switch self {
        case .nation: nil
        case .province(let code): ("province_code", code)
        case .commune(_, let code): ("commune_code", code)
        }
    }

    /// The same narrowing for SQL written by hand (search ranges, tallies): nil for the nation.
    func sqlCondition(province: any SQLExpression, commune: any SQLExpression) -> (any SQLExpression)? {
        switch self {
        case .nation: nil
        case .province(let code): SQLBinaryExpression(province, .equal, SQLBind(code))
        case .commune(_, let code): SQLBinaryExpression(commune, .equal, SQLBind(code))
        }
    }
}
