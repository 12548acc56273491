import Autodiscover
import Testing

struct HostNameMappingTests {
    private let mapping = HostNameMapping(baseDomain: "almanac.example.net")!

    @Test(arguments: [
        ("example--com.w.almanac.example.net", "example.com"),
        ("EXAMPLE--COM.W.Almanac.Example.NET", "example.com"),
        ("example--com.w.almanac.example.net:8443", "example.com"),
        ("example--com.w.almanac.example.net.", "example.com"),
        ("example--com.w.almanac.example.net.:443", "example.com"),
        // One dash is a dash, two are a dot.
        ("my-firm--com.w.almanac.example.net", "my-firm.com"),
        ("mail--my-firm--co--uk.w.almanac.example.net", "mail.my-firm.co.uk"),
        ("a-b-c--d-e.w.almanac.example.net", "a-b-c.d-e"),
        // `xn--` opens an IDNA A-label and stays two dashes.
        ("xn--mller-kva--de.w.almanac.example.net", "xn--mller-kva.de"),
        ("shop--xn--mller-kva--de.w.almanac.example.net", "shop.xn--mller-kva.de"),
        ("123--example--com.w.almanac.example.net", "123.example.com"),
    ])
    func hostNamesMapToDomains(host: String, domain: String) {
        #expect(mapping.domain(forHost: host) == domain)
    }

    @Test(arguments: [
        // Three dashes would make a label that starts or ends with a dash.
        "example---com.w.almanac.example.net",
        "my----firm--com.w.almanac.example.net",
        "-example--com.w.almanac.example.net",
        "example--com-.w.almanac.example.net",
        "--example--com.w.almanac.example.net",
        "example----com.w.almanac.example.net",
        // A domain has at least two labels, and its last is not all digits.
        "example.w.almanac.example.net",
        "example--123.w.almanac.example.net",
        // Not exactly one label before `.w.BASE`.
        "w.almanac.example.net",
        ".w.almanac.example.net",
        "mail.example--com.w.almanac.example.net",
        // Not under the base, or not at a label boundary.
        "example--com.almanac.example.net",
        "example--com.w.other.example.net",
        "example--com.w.evilalmanac.example.net",
        "example--com.w.almanac.example.net.evil.com",
        "almanac.example.net",
        "example.com",
        // Characters a DNS name does not have, ports that are not ports, IP literals.
        "exa_mple--com.w.almanac.example.net",
        "exämple--com.w.almanac.example.net",
        "example--com.w.almanac.example.net:http",
        "example--com.w.almanac.example.net:",
        "[::1]:8080",
        "::1",
        "",
    ])
    func otherHostsMapToNothing(host: String) {
        #expect(mapping.domain(forHost: host) == nil)
    }

    @Test func labelOfSixtyFourCharactersIsNotAName() {
        let domain = String(repeating: "a", count: 58) + ".com"
        let label = String(repeating: "a", count: 58) + "--com"
        #expect(label.count == 63)
        #expect(mapping.domain(forHost: label + ".w.almanac.example.net") == domain)
        #expect(mapping.hostName(forDomain: domain) == label + ".w.almanac.example.net")
        let longer = String(repeating: "a", count: 59) + ".com"
        #expect(mapping.hostName(forDomain: longer) == nil)
        let longLabel = String(repeating: "a", count: 64) + "--com"
        #expect(mapping.domain(forHost: longLabel + ".w.almanac.example.net") == nil)
    }

    @Test(arguments: [
        ("example.com", "example--com.w.almanac.example.net"),
        ("Example.COM", "example--com.w.almanac.example.net"),
        ("my-firm.com", "my-firm--com.w.almanac.example.net"),
        ("mail.my-firm.co.uk", "mail--my-firm--co--uk.w.almanac.example.net"),
        ("xn--mller-kva.de", "xn--mller-kva--de.w.almanac.example.net"),
    ])
    func domainsMapToHostNamesAndBack(domain: String, host: String) {
        #expect(mapping.hostName(forDomain: domain) == host)
        #expect(mapping.domain(forHost: host) == domain.lowercased())
    }

    /// Domains the rule cannot write back unchanged have no host name rather than a wrong one.
    @Test(arguments: ["a--b.com", "xn--a--b.de", "xn.example.com", "example", "-bad.com", "example.123", ""])
    func ambiguousOrInvalidDomainsHaveNoHostName(domain: String) {
        #expect(mapping.hostName(forDomain: domain) == nil)
    }

    @Test func baseDomainIsCheckedAndNormalised() {
        #expect(HostNameMapping(baseDomain: "Almanac.Example.NET.")?.baseDomain == "almanac.example.net")
        #expect(
            HostNameMapping(baseDomain: "almanac.example.net")?.domain(forHost: "a--b.w.ALMANAC.example.net") == "a.b")
        for invalid in ["", "net", "exa mple.net", ".example.net", "example..net", "-a.example.net", "[::1]"] {
            #expect(HostNameMapping(baseDomain: invalid) == nil, "\(invalid)")
        }
    }

    @Test func normalisedHostDropsPortCaseAndFinalDot() {
        #expect(HostNameMapping.normalized(host: "Mail.Example.COM.:8443") == "mail.example.com")
        #expect(HostNameMapping.normalized(host: "mail.example.com") == "mail.example.com")
        #expect(HostNameMapping.normalized(host: "[2001:db8::1]:443") == nil)
        #expect(HostNameMapping.normalized(host: ":443") == nil)
    }
}
