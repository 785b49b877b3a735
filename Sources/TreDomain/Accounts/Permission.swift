/// What a request asks to do. Every route declares one `Access`, and `AccessPolicy` is the single
/// place that says which roles may do what; *where* they may do it is their `Jurisdiction`.
public enum Permission: String, CaseIterable, Sendable {
    /// Read the administrative map (reference data, no personal information).
    case viewUnits
    /// See the accounts of one's own jurisdiction (who is the officer of which commune).
    case viewAccounts
    /// Create, disable and re-scope accounts.
    case manageAccounts
    /// Read the audit trail of one's own jurisdiction.
    case viewAudit
    /// Find and read the records of children in one's own jurisdiction (every detail view is audited).
    case viewChildren
    /// Register and correct children's records in one's own jurisdiction.
    case editChildren
    /// Record a report of a child at risk or abused (Mẫu 01), which opens a case: every receiving point.
    case reportAbuse
    /// See the cases of one's own jurisdiction.
    case viewCases
    /// Log hotline contacts and see callers' identifiers and history (hotline roles only).
    case logContacts
    /// See the hotline's aggregate figures (no identifiers): a province sees its own.
    case viewHotlineStatistics
    /// Edit reference data such as the days off that legal deadlines skip.
    case manageReferenceData
    /// See the indicators of one's own jurisdiction (figures only; small sensitive counts hidden outside
    /// the owning commune).
    case viewIndicators
    /// Enter a commune's child population, submit its periodic report, or (at the province) approve,
    /// return or reopen the reports of its communes.
    case reportIndicators
    /// Set targets for the indicators of one's own jurisdiction.
    case setTargets
    /// See the accidents and injuries of children in one's own jurisdiction.
    case viewInjuries
    /// Record a child's accident or injury in one's own jurisdiction.
    case recordInjuries
    /// See the child-friendly commune assessments of one's own jurisdiction and the share recognised.
    case viewChildFriendly
    /// Fill in one's commune's child-friendly self-assessment (the chairperson alone submits it).
    case assessChildFriendly
    /// Submit one's commune's self-assessment to the province.
    case submitChildFriendly
    /// Appraise the self-assessments of one's province's communes: return, recognise or refuse.
    case appraiseChildFriendly
    /// See the commune's year of work in one's own jurisdiction: children's forums and the questions
    /// raised there, campaigns, child-labour inspections, safe homes, schools and communities.
    case viewCommuneWork
    /// Record that work in one's own jurisdiction.
    case recordCommuneWork
    /// Take the steps of the case procedure (who may take which step is `CaseWorkflow`'s rule).
    case actOnCases
    /// Downloading the registry's personal data as a file: the commune's and province's own work, never the
    /// hotline's (it looks children up one at a time) nor the analysts' (they work with figures).
    case exportChildren
    /// See how complete the register of one's own jurisdiction is for the population database (figures
    /// only; the worklist of records to fix needs `editChildren`).
    case viewDataQuality
    /// See the re-checks (phúc tra) of one's own jurisdiction: a commune sees its own rounds, read only.
    case viewRechecks
    /// Draw a re-check sample of a commune of one's province and record what the households showed.
    case recheck
}

/// How a route may be reached. Routes without a declared access are refused (fail closed).
public enum Access: Sendable, Equatable {
    /// Anyone, signed in or not: the login page, health check, static reference documents.
    case everyone
    /// Any signed-in account, including one that still has to change its temporary password.
    case signedInMayChangePassword
    /// Any signed-in account whose password is no longer temporary.
    case signedIn
    /// A signed-in account whose role grants the permission.
    case permission(Permission)
}

public enum AccessPolicy {
    public static func allows(_ role: Role, _ permission: Permission) -> Bool {
        switch permission {
        case .viewUnits, .viewAccounts:
            true
        case .manageAccounts, .manageReferenceData:
            role == .admin
        case .logContacts:
            role == .hotlineCounsellor
        case .viewHotlineStatistics:
            [.hotlineCounsellor, .nationalAnalyst, .provincialOfficer].contains(role)
        case .viewAudit:
            role == .admin || role == .provincialOfficer || role == .nationalAnalyst
        case .viewChildren:
            // Administrators and analysts work with accounts and figures, not with individual children.
            [.communeOfficer, .communeChair, .provincialOfficer, .hotlineCounsellor].contains(role)
        case .exportChildren:
            [.communeOfficer, .communeChair, .provincialOfficer].contains(role)
        case .editChildren:
            role == .communeOfficer || role == .provincialOfficer
        case .reportAbuse, .viewCases:
            [.communeOfficer, .communeChair, .provincialOfficer, .hotlineCounsellor].contains(role)
        case .actOnCases:
            [.communeOfficer, .communeChair, .provincialOfficer].contains(role)
        case .viewIndicators:
            [.communeOfficer, .communeChair, .provincialOfficer, .nationalAnalyst, .admin].contains(role)
        case .reportIndicators:
            [.communeOfficer, .communeChair, .provincialOfficer].contains(role)
        case .setTargets:
            role == .provincialOfficer || role == .nationalAnalyst
        case .viewInjuries:
            [.communeOfficer, .communeChair, .provincialOfficer].contains(role)
        case .recordInjuries:
            role == .communeOfficer || role == .provincialOfficer
        case .viewChildFriendly:
            [.communeOfficer, .communeChair, .provincialOfficer, .nationalAnalyst, .admin].contains(role)
        case .assessChildFriendly:
            role == .communeOfficer || role == .communeChair
        case .submitChildFriendly:
            role == .communeChair
        case .appraiseChildFriendly:
            role == .provincialOfficer
        case .viewCommuneWork:
            [.communeOfficer, .communeChair, .provincialOfficer, .nationalAnalyst].contains(role)
        case .recordCommuneWork:
            [.communeOfficer, .communeChair, .provincialOfficer].contains(role)
        case .viewDataQuality:
            [.communeOfficer, .communeChair, .provincialOfficer, .nationalAnalyst].contains(role)
        case .viewRechecks:
            [.communeOfficer, .communeChair, .provincialOfficer, .admin].contains(role)
        case .recheck:
            role == .provincialOfficer || role == .admin
        }
    }

    public enum Decision: Equatable, Sendable {
        case allowed
        /// Not signed in: a page sends the person to log in, the API answers 401.
        case needsSignIn
        /// Signed in with a temporary password: everything but changing it is closed.
        case needsPasswordChange
        /// Signed in, but the role does not grant this.
        case forbidden
        /// Signed in with a role that must have a second factor, not yet enrolled: only enrolment opens.
        case needsSecondFactor
    }

    /// The one decision every route goes through.
    public static func decide(
        _ access: Access, role: Role?, mustChangePassword: Bool, needsSecondFactor: Bool = false
    ) -> Decision {
        if access == .everyone { return .allowed }
        guard let role else { return .needsSignIn }
        if access == .signedInMayChangePassword { return .allowed }
        if mustChangePassword { return .needsPasswordChange }
        if needsSecondFactor { return .needsSecondFactor }
        switch access {
        case .everyone, .signedIn, .signedInMayChangePassword: return .allowed
        case .permission(let permission): return allows(role, permission) ? .allowed : .forbidden
        }
    }
}
