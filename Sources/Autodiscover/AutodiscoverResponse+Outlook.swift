extension AutodiscoverResponse {
    /// The outlook schema (MS-OXDSCLI 2.2.4): `User`, then an `Account` of `AccountType` email whose `Action`
    /// is settings, with one `Protocol` entry per way in.
    ///
    /// Which `Protocol` types: MS-OXDSCLI and Exchange's POX reference define EXCH, EXPR and EXHTTP (MAPI
    /// over RPC, RPC over HTTP, MAPI over HTTP), WEB (Outlook on the web), and POP3, IMAP, SMTP and DAV for
    /// other mail servers. Almanac speaks none of them: no MAPI, no EWS, no IMAP, no webmail. Offering an
    /// EXCH/EXPR/EXHTTP entry would send Outlook to endpoints that do not exist, so there is none. The one way
    /// in is Exchange ActiveSync, for which the outlook schema has no type; Exchange's own name for it in
    /// Autodiscover is "MobileSync" (MS-ASCMD 2.2.3.186.1), so the entry is `<Type>MobileSync</Type>` with
    /// the endpoint URL in `Server` ("for protocols such as DAV or WEB, this will be a URL"), the login name,
    /// and SSL and AuthRequired as for the other types. An EAS-capable client finds the URL there; an Outlook
    /// that only does MAPI finds no protocol it can use and falls back to manual setup, which is the truth.
    /// The answer stays in the schema the client asked for (MS-ASCMD 2.2.3.1: the server MUST answer in it).
    static func outlookSettings(account: OnboardingAccount, endpoints: OnboardingEndpoints) -> AutodiscoverResponse {
        var writer = startOutlook()
        writer.start("User")
        writer.element("DisplayName", account.displayName)
        writer.element("AutoDiscoverSMTPAddress", account.emailAddress)
        writer.end()
        writer.start("Account")
        writer.element("AccountType", "email")
        writer.element("Action", "settings")
        writer.start("Protocol")
        writer.element("Type", "MobileSync")
        writer.element("Server", endpoints.activeSync)
        writer.element("LoginName", account.emailAddress)
        writer.element("DomainRequired", "off")
        writer.element("SPA", "off")
        writer.element("SSL", OnboardingEndpoints.server(of: endpoints.activeSync).usesTLS ? "on" : "off")
        writer.element("AuthRequired", "on")
        return AutodiscoverResponse(body: writer.bytes, errorCode: nil)
    }

    /// An error in the outlook schema: `Response/Error` (MS-OXDSCLI 2.2.4.1.1.3).
    static func outlookError(_ code: AutodiscoverErrorCode, message: String, debugData: String) -> AutodiscoverResponse
    {
        var writer = startOutlook()
        writeError(code, message: message, debugData: debugData, to: &writer)
        return AutodiscoverResponse(body: writer.bytes, errorCode: code)
    }

    private static func startOutlook() -> MarkupWriter {
        var writer = MarkupWriter()
        writer.start("Autodiscover", [("xmlns", AutodiscoverSchema.responseNamespace)])
        writer.start("Response", [("xmlns", AutodiscoverSchema.outlook.rawValue)])
        return writer
    }
}
