import TreDomain
import Vapor

/// Every route, by capability. Each declares its `Access` (see AccessRouting.swift).
func routes(_ app: Application) throws {
    HomeController().register(app)
    SignInController().register(app)
    AccountsAdminController().register(app)
    AuditTrailController().register(app)
    ChildrenPagesController().register(app)
    ChildFormPagesController().register(app)
    ChildImportController().register(app)
    ChildrenAPIController().register(app)
    CircumstancePagesController().register(app)
    ReportPagesController().register(app)
    CaseInboxController().register(app)
    CasePagesController().register(app)
    NotificationsController().register(app)
    DaysOffController().register(app)
    HotlineConsoleController().register(app)
    HotlineTodayController().register(app)
    TopicsAdminController().register(app)
    PeriodicReportsController().register(app)
    IndicatorPagesController().register(app)

    AccountsAPIController().register(app)
    UnitsAPIController().register(app)
    CommuneSearchController().register(app)
    CasesAPIController().register(app)
    ContactsAPIController().register(app)
    HotlineStatisticsController().register(app)
    IndicatorsAPIController().register(app)
    InjuriesController().register(app)
    CriteriaSetsController().register(app)
    ChildFriendlyController().register(app)
    CommuneWorkController().register(app)
    ForumsController().register(app)
    InspectionsController().register(app)
    CampaignsController().register(app)
    SafetyController().register(app)
    SecondFactorController().register(app)
    HouseholdEntryController().register(app)
    DataQualityController().register(app)
    RecheckController().register(app)

    app.get(.openAPI, access: .everyone) { _ in OpenAPIDocument.response() }
}
