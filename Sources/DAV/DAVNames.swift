import DAVXML

extension Namespaces {
    /// Almanac's own elements (the human-readable message in `DAV:error` bodies).
    public static let almanac = "urn:x-almanac:ns"
}

/// Element names of WebDAV, CalDAV and the widely used extensions, as the
/// specifications spell them.
enum DAVNames {
    // RFC 4918 §14, §15
    static let multistatus = XMLName.dav("multistatus")
    static let response = XMLName.dav("response")
    static let href = XMLName.dav("href")
    static let propstat = XMLName.dav("propstat")
    static let prop = XMLName.dav("prop")
    static let status = XMLName.dav("status")
    static let propfind = XMLName.dav("propfind")
    static let allprop = XMLName.dav("allprop")
    static let propname = XMLName.dav("propname")
    static let include = XMLName.dav("include")
    static let propertyupdate = XMLName.dav("propertyupdate")
    static let set = XMLName.dav("set")
    static let remove = XMLName.dav("remove")
    static let collection = XMLName.dav("collection")
    static let resourcetype = XMLName.dav("resourcetype")
    static let displayname = XMLName.dav("displayname")
    static let getetag = XMLName.dav("getetag")
    static let getcontenttype = XMLName.dav("getcontenttype")
    static let getcontentlength = XMLName.dav("getcontentlength")
    static let getlastmodified = XMLName.dav("getlastmodified")
    static let creationdate = XMLName.dav("creationdate")
    static let responsedescription = XMLName.dav("responsedescription")
    // RFC 3744 (ACL)
    static let owner = XMLName.dav("owner")
    static let principal = XMLName.dav("principal")
    static let principalURL = XMLName.dav("principal-URL")
    static let principalCollectionSet = XMLName.dav("principal-collection-set")
    static let currentUserPrivilegeSet = XMLName.dav("current-user-privilege-set")
    static let privilege = XMLName.dav("privilege")
    // RFC 5397
    static let currentUserPrincipal = XMLName.dav("current-user-principal")
    // RFC 3253 §3.1.5
    static let supportedReportSet = XMLName.dav("supported-report-set")
    static let supportedReport = XMLName.dav("supported-report")
    static let report = XMLName.dav("report")
    // RFC 6578
    static let syncToken = XMLName.dav("sync-token")
    static let syncCollection = XMLName.dav("sync-collection")
    static let syncLevel = XMLName.dav("sync-level")
    static let limit = XMLName.dav("limit")
    static let nresults = XMLName.dav("nresults")
    // RFC 4331
    static let quotaUsedBytes = XMLName.dav("quota-used-bytes")
    static let quotaAvailableBytes = XMLName.dav("quota-available-bytes")
    // RFC 5689
    static let mkcol = XMLName.dav("mkcol")
    static let mkcolResponse = XMLName.dav("mkcol-response")

    // RFC 4791
    static let calendar = XMLName(Namespaces.calDAV, "calendar")
    static let mkcalendar = XMLName(Namespaces.calDAV, "mkcalendar")
    static let mkcalendarResponse = XMLName(Namespaces.calDAV, "mkcalendar-response")
    static let calendarHomeSet = XMLName(Namespaces.calDAV, "calendar-home-set")
    static let calendarUserAddressSet = XMLName(Namespaces.calDAV, "calendar-user-address-set")
    static let calendarDescription = XMLName(Namespaces.calDAV, "calendar-description")
    static let calendarTimezone = XMLName(Namespaces.calDAV, "calendar-timezone")
    static let supportedCalendarComponentSet = XMLName(Namespaces.calDAV, "supported-calendar-component-set")
    static let comp = XMLName(Namespaces.calDAV, "comp")
    static let supportedCalendarData = XMLName(Namespaces.calDAV, "supported-calendar-data")
    static let calendarDataType = XMLName(Namespaces.calDAV, "calendar-data")
    static let maxResourceSize = XMLName(Namespaces.calDAV, "max-resource-size")
    static let minDateTime = XMLName(Namespaces.calDAV, "min-date-time")
    static let maxDateTime = XMLName(Namespaces.calDAV, "max-date-time")
    static let calendarMultiget = XMLName(Namespaces.calDAV, "calendar-multiget")
    static let calendarQuery = XMLName(Namespaces.calDAV, "calendar-query")
    static let freeBusyQuery = XMLName(Namespaces.calDAV, "free-busy-query")
    static let scheduleCalendarTransp = XMLName(Namespaces.calDAV, "schedule-calendar-transp")
    // CalendarServer and Apple extensions
    static let getctag = XMLName(Namespaces.calendarServer, "getctag")
    static let meCard = XMLName(Namespaces.calendarServer, "me-card")

    // CardDAV (RFC 6352).
    static let addressbook = XMLName(Namespaces.cardDAV, "addressbook")
    static let addressbookHomeSet = XMLName(Namespaces.cardDAV, "addressbook-home-set")
    static let addressbookDescription = XMLName(Namespaces.cardDAV, "addressbook-description")
    static let supportedAddressData = XMLName(Namespaces.cardDAV, "supported-address-data")
    static let addressDataType = XMLName(Namespaces.cardDAV, "address-data-type")
    static let addressData = XMLName(Namespaces.cardDAV, "address-data")
    static let cardMaxResourceSize = XMLName(Namespaces.cardDAV, "max-resource-size")
    static let addressbookMultiget = XMLName(Namespaces.cardDAV, "addressbook-multiget")
    static let addressbookQuery = XMLName(Namespaces.cardDAV, "addressbook-query")
    static let calendarColor = XMLName(Namespaces.appleICal, "calendar-color")
    static let calendarOrder = XMLName(Namespaces.appleICal, "calendar-order")
}
