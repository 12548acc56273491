import Testing

@testable import Directory

struct PlanTests {
    @Test func rangesAndDefaults() {
        #expect(Plan.basic.quotaRange == 100_000_000...50_000_000_000)
        #expect(Plan.enhanced.quotaRange == 100_000_000...200_000_000_000)
        #expect(Plan.basic.defaultQuota == 5_000_000_000)
        #expect(Plan.enhanced.defaultQuota == 25_000_000_000)
        for plan in Plan.allCases { #expect(plan.quotaRange.contains(plan.defaultQuota)) }
    }

    @Test func syncProtocolsAreEnhancedOnly() {
        #expect(!Plan.basic.allowsSyncProtocols)
        #expect(Plan.enhanced.allowsSyncProtocols)
    }

    @Test func rawValuesMatchTheSchema() {
        #expect(Plan(rawValue: "basic") == .basic)
        #expect(Plan(rawValue: "enhanced") == .enhanced)
        #expect(Plan(rawValue: "Basic") == nil)
    }
}
