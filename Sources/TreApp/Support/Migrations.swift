import Fluent
import FluentSQL
import Vapor

/// Every migration, in the order they run: the one list. Each lives in its capability's `Migrations/` folder,
/// in a file numbered by its place here. A shipped migration keeps its type name (Fluent records it by name)
/// and its effect; a change to the schema is a new migration appended at the end, never an edit.
enum Migrations {
    static var all: [any Migration] {
        [
            CreateProvinces(),  // 001
            CreateCommunes(),  // 002
            SeedAdministrativeUnits2025(),  // 003
            IndexUnitCodes(),  // 004
            CreateUsers(),  // 005
            CreateAPITokens(),  // 006
            CreateAuditTrail(),  // 007
            SessionRecord.migration,  // 008
            CreateChildren(),  // 009
            IndexChildren(),  // 010
            CreateChildImportBatches(),  // 011
            CreateChildCircumstances(),  // 012
            AddFoldedNameToNameTokens(),  // 013
            CreateCases(),  // 014
            CreateCaseNotifications(),  // 015
            CreateDaysOff(),  // 016
            CreateCaseReferrals(),  // 017
            CreateHotlineContacts(),  // 018
            CreateCallerFlags(),  // 019
            CreateIndicators(),  // 020
            CreateChildInjuries(),  // 021
            CoverChildListsWithSortIndexes(),  // 022
            CreateChildFriendlyAssessments(),  // 023
            CreateChildrenForums(),  // 024
            CreateInspections(),  // 025
            CreateCampaigns(),  // 026
            CreateSafetyCounts(),  // 027
            CreateAssessmentEvidence(),  // 028
            AddReporterConsent(),  // 029
            ChildImportWritten(),  // 030
            AddAuditEntryIntegrity(),  // 031
            AddSignInSecurity(),  // 032
            NumberCases(),  // 033
            AddStepCorrections(),  // 034
            AddSubgroupNamesInEnglish(),  // 035
            AddImportPlans(),  // 036
            CreateRecheckRounds(),  // 037
            SeedDataQualityTargets(),  // 039
            AddPersonalIDVerification(),  // 040
        ]
    }

    static func register(on app: Application) {
        app.migrations.add(all)
    }
}
