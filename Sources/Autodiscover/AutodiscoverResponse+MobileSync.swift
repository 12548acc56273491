extension AutodiscoverResponse {
    /// The culture of every answer (MS-ASCMD 2.2.3.38: `language:country`, as in the examples of MS-ASCMD 4.2).
    static let culture = "en:us"

    /// MS-ASCMD 4.2.4 "Response - Case Server Settings" without the optional CertEnroll server:
    ///
    /// ```xml
    /// <Autodiscover xmlns="…/autodiscover/responseschema/2006">
    ///   <Response xmlns="…/autodiscover/mobilesync/responseschema/2006">
    ///     <Culture/> <User>DisplayName, EMailAddress</User>
    ///     <Action><Settings><Server>Type MobileSync, Url, Name</Server></Settings></Action>
    ///   </Response>
    /// </Autodiscover>
    /// ```
    ///
    /// `Url` and `Name` both carry the endpoint: for `Type` MobileSync, `Name` is the URL too
    /// (MS-ASCMD 2.2.3.120.1, 2.2.3.188).
    static func mobileSyncSettings(account: OnboardingAccount, endpoints: OnboardingEndpoints) -> AutodiscoverResponse {
        var writer = startMobileSync()
        writer.start("User")
        writer.element("DisplayName", account.displayName)
        writer.element("EMailAddress", account.emailAddress)
        writer.end()
        writer.start("Action")
        writer.start("Settings")
        writer.start("Server")
        writer.element("Type", "MobileSync")
        writer.element("Url", endpoints.activeSync)
        writer.element("Name", endpoints.activeSync)
        return AutodiscoverResponse(body: writer.bytes, errorCode: nil)
    }

    /// An error about one mailbox: `Action/Error` (MS-ASCMD 2.2.3.63 in the `Action` context, whose children
    /// are Status, Message, DebugData and ErrorCode in that order; 4.2.2 shows one). `Status` is left out:
    /// its only error value, 2, means a protocol error, which this is not.
    static func mobileSyncUserError(
        _ code: AutodiscoverErrorCode, emailAddress: String, message: String, debugData: String
    ) -> AutodiscoverResponse {
        var writer = startMobileSync()
        writer.start("User")
        writer.element("EMailAddress", emailAddress)
        writer.end()
        writer.start("Action")
        writer.start("Error")
        writer.element("Message", message)
        writer.element("DebugData", debugData)
        writer.element("ErrorCode", String(code.rawValue))
        return AutodiscoverResponse(body: writer.bytes, errorCode: code)
    }

    private static func startMobileSync() -> MarkupWriter {
        var writer = MarkupWriter()
        writer.start("Autodiscover", [("xmlns", AutodiscoverSchema.responseNamespace)])
        writer.start("Response", [("xmlns", AutodiscoverSchema.mobileSync.rawValue)])
        writer.element("Culture", culture)
        return writer
    }
}
