import WBXML

/// The elements of a GetItemEstimate response (MS-ASCMD 2.2.1.9): one `Response` per
/// collection, with its Status and, on success, the estimate.
enum GetItemEstimateResponse {
    static func response(collectionID: String, status: GetItemEstimateStatus, estimate: Int? = nil) -> WBXMLElement {
        var collection = [WBXMLElement("GetItemEstimate", "CollectionId", text: collectionID)]
        if let estimate { collection.append(WBXMLElement("GetItemEstimate", "Estimate", text: String(estimate))) }
        return WBXMLElement(
            "GetItemEstimate", "Response",
            children: [
                WBXMLElement("GetItemEstimate", "Status", text: String(status.rawValue)),
                WBXMLElement("GetItemEstimate", "Collection", children: collection),
            ])
    }

    static func estimate(_ responses: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement("GetItemEstimate", "GetItemEstimate", children: responses)
    }

    /// A request that is not a GetItemEstimate: one Response with status 2 (MS-ASCMD 2.2.3.177.6).
    static func malformed() -> WBXMLElement {
        estimate([
            WBXMLElement(
                "GetItemEstimate", "Response",
                children: [
                    WBXMLElement(
                        "GetItemEstimate", "Status", text: String(GetItemEstimateStatus.invalidCollection.rawValue))
                ])
        ])
    }
}
