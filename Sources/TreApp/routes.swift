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

    let api = app.grouped("api", "v1")
    AccountsAPIController().register(api)
    UnitsAPIController().register(api)
    ChildrenAPIController().register(api)
    CasesAPIController().register(api)
    ContactsAPIController().register(api)
    HotlineStatisticsController().register(app, api: api)
    IndicatorsAPIController().register(api)
    InjuriesController().register(app)
    CriteriaSetsController().register(app)
    ChildFriendlyController().register(app)
    CommuneWorkController().register(app)
    ForumsController().register(app)
    InspectionsController().register(app)
    CampaignsController().register(app)
    SafetyController().register(app)
    SecondFactorController().register(app)

    app.get("api", "openapi.json", access: .everyone) { _ in OpenAPIDocument.response() }
}
