/// Every EAS contact element Almanac converts, with the vCard property it stands for
/// (STYLE.md 8: the mapping is data). Rows are in the order elements are sent.
///
/// Protocol versions: every element here exists from 2.5 through 16.1 (MS-ASCNTC 2.2.2, each
/// element's Protocol Versions table), so all of them are sent to every version Almanac speaks
/// (12.1 and later). The notes travel as `AirSyncBase:Body` from 12.0 on (MS-ASCNTC 2.2.2.7.1);
/// the 2.5-only `Contacts:Body`, `BodySize` and `BodyTruncated` are never sent or read. `Alias` and
/// `WeightedRank` occur only in Search results and are not item fields.
///
/// Choices where vCard has no standard property (also in ``ContactPropertyRules``):
/// - Yomi names ⇄ X-PHONETIC-FIRST-NAME, X-PHONETIC-LAST-NAME, X-PHONETIC-ORG, as Apple, Google,
///   DAVx5 and Nextcloud write them in both versions (4.0's SORT-AS orders, it does not say
///   how a name is read);
/// - OfficeLocation ⇄ X-OFFICE-LOCATION (not ROLE, which is a function: RFC 6350 §6.6.2);
/// - CustomerId, GovernmentId, AccountName ⇄ X-CUSTOMER-ID, X-GOVERNMENT-ID, X-ACCOUNT-NAME.
enum ContactFieldTable {
    struct Row: Sendable {
        let element: EASElement
        let mapping: ContactMapping

        init(_ element: EASElement, _ mapping: ContactMapping) {
            self.element = element
            self.mapping = mapping
        }
    }

    static let rows: [Row] = [
        Row(.contacts("FileAs"), .fileAs),  // MS-ASCNTC 2.2.2.30
        Row(.contacts("Title"), .name(3)),  // 2.2.2.62
        Row(.contacts("FirstName"), .name(1)),  // 2.2.2.31
        Row(.contacts("MiddleName"), .name(2)),  // 2.2.2.47
        Row(.contacts("LastName"), .name(0)),  // 2.2.2.45
        Row(.contacts("Suffix"), .name(4)),  // 2.2.2.61
        Row(.contacts("YomiFirstName"), .text(property: "X-PHONETIC-FIRST-NAME")),  // 2.2.2.66
        Row(.contacts("YomiLastName"), .text(property: "X-PHONETIC-LAST-NAME")),  // 2.2.2.67
        Row(.contacts("CompanyName"), .organization(0)),  // 2.2.2.24
        Row(.contacts("Department"), .organization(1)),  // 2.2.2.26
        Row(.contacts("YomiCompanyName"), .text(property: "X-PHONETIC-ORG")),  // 2.2.2.65
        Row(.contacts("JobTitle"), .text(property: "TITLE")),  // 2.2.2.44
        Row(.contacts("OfficeLocation"), .text(property: "X-OFFICE-LOCATION")),  // 2.2.2.51
        Row(.contacts("Email1Address"), .email(0)),  // 2.2.2.27
        Row(.contacts("Email2Address"), .email(1)),  // 2.2.2.28
        Row(.contacts("Email3Address"), .email(2)),  // 2.2.2.29
        Row(.contacts("MobilePhoneNumber"), .phone(.mobile, 0)),  // 2.2.2.49
        Row(.contacts("BusinessPhoneNumber"), .phone(.business, 0)),  // 2.2.2.17
        Row(.contacts("Business2PhoneNumber"), .phone(.business, 1)),  // 2.2.2.10
        Row(.contacts("HomePhoneNumber"), .phone(.home, 0)),  // 2.2.2.40
        Row(.contacts("Home2PhoneNumber"), .phone(.home, 1)),  // 2.2.2.33
        Row(.contacts("BusinessFaxNumber"), .phone(.businessFax, 0)),  // 2.2.2.16
        Row(.contacts("HomeFaxNumber"), .phone(.homeFax, 0)),  // 2.2.2.39
        Row(.contacts("CarPhoneNumber"), .phone(.car, 0)),  // 2.2.2.18
        Row(.contacts("PagerNumber"), .phone(.pager, 0)),  // 2.2.2.57
        Row(.contacts("RadioPhoneNumber"), .phone(.radio, 0)),  // 2.2.2.59
        Row(.contacts("AssistantPhoneNumber"), .phone(.assistant, 0)),  // 2.2.2.5
        Row(.contacts2("CompanyMainPhone"), .phone(.companyMain, 0)),  // 2.2.2.23
        Row(.contacts2("MMS"), .phone(.mms, 0)),  // 2.2.2.48
        Row(.contacts("BusinessAddressStreet"), .address(.business, component: 2)),  // 2.2.2.15
        Row(.contacts("BusinessAddressCity"), .address(.business, component: 3)),  // 2.2.2.11
        Row(.contacts("BusinessAddressState"), .address(.business, component: 4)),  // 2.2.2.14
        Row(.contacts("BusinessAddressPostalCode"), .address(.business, component: 5)),  // 2.2.2.13
        Row(.contacts("BusinessAddressCountry"), .address(.business, component: 6)),  // 2.2.2.12
        Row(.contacts("HomeAddressStreet"), .address(.home, component: 2)),  // 2.2.2.38
        Row(.contacts("HomeAddressCity"), .address(.home, component: 3)),  // 2.2.2.34
        Row(.contacts("HomeAddressState"), .address(.home, component: 4)),  // 2.2.2.37
        Row(.contacts("HomeAddressPostalCode"), .address(.home, component: 5)),  // 2.2.2.36
        Row(.contacts("HomeAddressCountry"), .address(.home, component: 6)),  // 2.2.2.35
        Row(.contacts("OtherAddressStreet"), .address(.other, component: 2)),  // 2.2.2.56
        Row(.contacts("OtherAddressCity"), .address(.other, component: 3)),  // 2.2.2.52
        Row(.contacts("OtherAddressState"), .address(.other, component: 4)),  // 2.2.2.55
        Row(.contacts("OtherAddressPostalCode"), .address(.other, component: 5)),  // 2.2.2.54
        Row(.contacts("OtherAddressCountry"), .address(.other, component: 6)),  // 2.2.2.53
        Row(.contacts("WebPage"), .webPage),  // 2.2.2.63
        Row(.contacts("Birthday"), .date(.birthday)),  // 2.2.2.6
        Row(.contacts("Anniversary"), .date(.anniversary)),  // 2.2.2.3
        Row(.contacts("Spouse"), .related(.spouse)),  // 2.2.2.60
        Row(.contacts("AssistantName"), .related(.assistant)),  // 2.2.2.4
        Row(.contacts2("ManagerName"), .related(.manager)),  // 2.2.2.46
        Row(.contacts("Children"), .children),  // 2.2.2.21, items: Child 2.2.2.22
        Row(.contacts("Categories"), .categories),  // 2.2.2.19, items: Category 2.2.2.20
        Row(.contacts2("IMAddress"), .instantMessaging(0)),  // 2.2.2.41
        Row(.contacts2("IMAddress2"), .instantMessaging(1)),  // 2.2.2.42
        Row(.contacts2("IMAddress3"), .instantMessaging(2)),  // 2.2.2.43
        Row(.contacts2("NickName"), .nickname),  // 2.2.2.50
        Row(.contacts2("CustomerId"), .text(property: "X-CUSTOMER-ID")),  // 2.2.2.25
        Row(.contacts2("GovernmentId"), .text(property: "X-GOVERNMENT-ID")),  // 2.2.2.32
        Row(.contacts2("AccountName"), .text(property: "X-ACCOUNT-NAME")),  // 2.2.2.1
        Row(.contacts("Picture"), .picture),  // 2.2.2.58
        Row(.body, .body),  // 2.2.2.7.1, MS-ASAIRS 2.2.2.9
    ]

    /// The list containers and the tag of their items.
    static let listItems: [EASElement: String] = [
        .contacts("Categories"): "Category", .contacts("Children"): "Child",
    ]

    static let picture = EASElement.contacts("Picture")
    static let fileAs = EASElement.contacts("FileAs")

    /// The element of a mapping (every mapping has exactly one row).
    static func element(of mapping: ContactMapping) -> EASElement? {
        rows.first { $0.mapping == mapping }?.element
    }
}
