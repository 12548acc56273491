/// An Autodiscover answer: the XML body, and the error code it carries when it is an error answer.
///
/// Every answer, error or not, goes out as `200 OK` with `text/xml`, as Exchange sends them: a client reads
/// the error from the document (MS-ASCMD 2.2.3.153.1, MS-OXDSCLI 2.2.4.1.1.3).
public struct AutodiscoverResponse: Sendable, Equatable {
    /// The content type of every answer.
    public static let contentType = "text/xml; charset=utf-8"

    /// The UTF-8 XML document.
    public var body: [UInt8]
    /// Nil for settings; the code of an error answer.
    public var errorCode: AutodiscoverErrorCode?

    /// The answer to `body` from the signed-in `account`, whose sync protocols live at `endpoints`.
    ///
    /// A body that is not an Autodiscover request gets error 600 (601 for a schema Almanac does not speak);
    /// a request for another mailbox than the signed-in one gets 500; a mailbox whose plan has no sync
    /// protocols gets 501 with a sentence saying so, never the URL.
    public static func answer(
        to body: some Collection<UInt8>, account: OnboardingAccount, endpoints: OnboardingEndpoints
    ) -> AutodiscoverResponse {
        let request: AutodiscoverRequest
        do throws(AutodiscoverRequestError) {
            request = try AutodiscoverRequest.parse(body)
        } catch {
            return requestError(error.errorCode, schema: error.schema, debugData: error.description)
        }
        guard request.emailAddress.lowercased() == account.emailAddress.lowercased() else {
            return userError(
                .addressNotFound, schema: request.schema, emailAddress: request.emailAddress,
                message: """
                    Autodiscover answers only for the mailbox you signed in as, \(account.emailAddress). \
                    Sign in as the mailbox you are setting up.
                    """,
                debugData: "requested address differs from the signed-in mailbox")
        }
        guard account.allowsSyncProtocols else {
            return userError(
                .noConfiguration, schema: request.schema, emailAddress: account.emailAddress,
                message: OnboardingRefusal.planHasNoSyncProtocols(address: account.emailAddress).description,
                debugData: "plan=basic")
        }
        return settings(schema: request.schema, account: account, endpoints: endpoints)
    }

    /// The settings of `account` in `schema`.
    public static func settings(
        schema: AutodiscoverSchema, account: OnboardingAccount, endpoints: OnboardingEndpoints
    ) -> AutodiscoverResponse {
        switch schema {
        case .mobileSync: mobileSyncSettings(account: account, endpoints: endpoints)
        case .outlook: outlookSettings(account: account, endpoints: endpoints)
        }
    }

    /// An error about the requested mailbox, in the requested schema.
    public static func userError(
        _ code: AutodiscoverErrorCode, schema: AutodiscoverSchema, emailAddress: String, message: String,
        debugData: String
    ) -> AutodiscoverResponse {
        switch schema {
        case .mobileSync:
            mobileSyncUserError(code, emailAddress: emailAddress, message: message, debugData: debugData)
        case .outlook:
            outlookError(code, message: message, debugData: debugData)
        }
    }

    /// An error about the request itself. In the requested schema when the request named one Almanac knows
    /// (MS-ASCMD 4.2.3 shows it in the mobilesync `Response`), otherwise in the `Response` of the
    /// responseschema/2006 namespace that AutodiscoverResponse.xsd gives every provider (MS-ASCMD 6.4).
    public static func requestError(
        _ code: AutodiscoverErrorCode, schema: AutodiscoverSchema? = nil, debugData: String = ""
    ) -> AutodiscoverResponse {
        var writer = MarkupWriter()
        writer.start("Autodiscover", [("xmlns", AutodiscoverSchema.responseNamespace)])
        writer.start("Response", schema.map { [("xmlns", $0.rawValue)] } ?? [])
        writeError(code, message: code.message, debugData: debugData, to: &writer)
        return AutodiscoverResponse(body: writer.bytes, errorCode: code)
    }

    /// `<Error>` with `ErrorCode`, `Message` and `DebugData`, the order of AutodiscoverResponse.xsd
    /// (MS-ASCMD 6.4) and MS-OXDSCLI 2.2.4.1.1.3. The optional `Time` and `Id` attributes are left out.
    static func writeError(
        _ code: AutodiscoverErrorCode, message: String, debugData: String, to writer: inout MarkupWriter
    ) {
        writer.start("Error")
        writer.element("ErrorCode", String(code.rawValue))
        writer.element("Message", message)
        writer.element("DebugData", debugData)
        writer.end()
    }
}
