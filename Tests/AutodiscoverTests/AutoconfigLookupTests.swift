import Autodiscover
import Testing

struct AutoconfigLookupTests {
    private let mapping = HostNameMapping(baseDomain: "almanac.example.net")

    @Test func addressNamesTheDomain() {
        #expect(
            AutoconfigLookup.domain(emailAddress: "Alice@Example.COM", host: "mail.other.org", mapping: mapping)
                == "example.com")
        #expect(AutoconfigLookup.domain(emailAddress: "a@b@example.com", host: nil, mapping: nil) == "example.com")
    }

    @Test(arguments: ["alice", "alice@", "alice@localhost", "alice@exa mple.com", "alice@[10.0.0.1]"])
    func addressWithoutAValidDomainNamesNothing(address: String) {
        #expect(AutoconfigLookup.domain(emailAddress: address, host: "example.com", mapping: mapping) == nil)
    }

    @Test(arguments: [
        ("example--com.w.almanac.example.net", "example.com"),
        ("My-Firm--Com.W.almanac.example.net:443", "my-firm.com"),
        ("autoconfig.example.com", "example.com"),
        ("AUTOCONFIG.example.com:8443", "example.com"),
        ("example.com", "example.com"),
    ])
    func withoutAnAddressTheHostNamesTheDomain(host: String, domain: String) {
        #expect(AutoconfigLookup.domain(emailAddress: nil, host: host, mapping: mapping) == domain)
        #expect(AutoconfigLookup.domain(emailAddress: "", host: host, mapping: mapping) == domain)
    }

    @Test func mappedNamesNeedTheMapping() {
        #expect(
            AutoconfigLookup.domain(emailAddress: nil, host: "example--com.w.almanac.example.net", mapping: nil)
                == "example--com.w.almanac.example.net")
        #expect(AutoconfigLookup.domain(emailAddress: nil, host: nil, mapping: mapping) == nil)
        #expect(AutoconfigLookup.domain(emailAddress: nil, host: "localhost", mapping: mapping) == nil)
        #expect(AutoconfigLookup.domain(emailAddress: nil, host: "autoconfig.com", mapping: mapping) == nil)
    }
}
