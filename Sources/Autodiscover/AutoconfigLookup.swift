/// Which mail domain a Thunderbird autoconfig request asks about.
///
/// Thunderbird fetches `https://autoconfig.DOMAIN/mail/config-v1.1.xml?emailaddress=ADDRESS` and
/// `https://DOMAIN/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=ADDRESS`. The address, when there
/// is one, names the domain; without it the host does: a `DOMAIN--with-dashes.w.BASE` name
/// (`HostNameMapping`), `autoconfig.DOMAIN`, or the domain itself.
public enum AutoconfigLookup {
    /// The host name prefix Thunderbird puts before the mail domain.
    public static let hostPrefix = "autoconfig."

    /// The lower-cased domain asked about; nil when neither the address nor the host names a valid one.
    /// Whether the domain exists is the caller's question, and whether the address does is nobody's: the
    /// answer is the same for every address of a domain.
    public static func domain(emailAddress: String?, host: String?, mapping: HostNameMapping?) -> String? {
        if let emailAddress, !emailAddress.isEmpty {
            guard let at = emailAddress.lastIndex(of: "@") else { return nil }
            let domain = emailAddress[emailAddress.index(after: at)...].lowercased()
            return HostNameMapping.isValidDomain(domain) ? domain : nil
        }
        guard let host, let name = HostNameMapping.normalized(host: host) else { return nil }
        if let domain = mapping?.domain(forHost: name) { return domain }
        let domain = name.hasPrefix(hostPrefix) ? String(name.dropFirst(hostPrefix.count)) : name
        return HostNameMapping.isValidDomain(domain) ? domain : nil
    }
}
