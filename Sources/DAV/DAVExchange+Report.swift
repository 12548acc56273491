import DAVXML
import Foundation
import ICalendar
import Store

extension DAVExchange {
    /// REPORT (RFC 3253 §3.6): calendar-multiget, calendar-query and free-busy-query
    /// (RFC 4791 §7), addressbook-multiget and addressbook-query (RFC 6352 §8),
    /// sync-collection (RFC 6578).
    func report() async throws -> DAVResponse {
        guard let body = try xmlBody() else { throw DAVError.badRequest("A REPORT needs a body.") }
        guard let resource = try await resolve(path) else { throw DAVError.notFound(request.path) }
        switch body.name {
        case DAVNames.calendarMultiget: return try await calendarMultiget(body, on: resource)
        case DAVNames.calendarQuery: return try await calendarQuery(body, on: resource)
        case DAVNames.freeBusyQuery: return try await freeBusyQuery(body, on: resource)
        case DAVNames.addressbookMultiget: return try await addressbookMultiget(body, on: resource)
        case DAVNames.addressbookQuery: return try await addressbookQuery(body, on: resource)
        case DAVNames.syncCollection: return try await syncCollection(body, on: resource)
        case .dav("principal-property-search"): return try await principalPropertySearch(body, on: resource)
        case .dav("principal-search-property-set"): return principalSearchPropertySet()
        default:
            throw DAVError(403, .dav("supported-report"), "The report \(body.name) is not supported here.")
        }
    }

    /// The properties a report asks for, with `calendar-data` and `address-data` taken apart.
    struct ReportProperties {
        var names: [XMLName] = []
        var calendarData: CalendarDataRequest?
        var addressData: AddressDataRequest?

        init(_ report: XMLElement) throws(DAVError) {
            for property in report.child(DAVNames.prop)?.children ?? [] {
                if property.name == DAVNames.calendarDataType {
                    calendarData = try CalendarDataRequest(property)
                } else if property.name == DAVNames.addressData {
                    addressData = try AddressDataRequest(property)
                }
                names.append(property.name)
            }
            if report.child(DAVNames.prop) == nil && report.child(DAVNames.allprop) != nil {
                names = LiveProperty.allpropNames
            }
        }

        /// Whether an object's body is needed: only `calendar-data` and `address-data` read it;
        /// the live properties come from the item's columns.
        var needsBodies: Bool {
            names.contains { $0 == DAVNames.calendarDataType || $0 == DAVNames.addressData }
        }
    }

    /// Writes one object's response with the asked properties; `calendar-data` only on
    /// calendar objects and `address-data` only on cards.
    func writeObject(
        _ folder: Folder, _ item: Item, _ properties: ReportProperties, context: PropertyContext,
        to multistatus: inout Multistatus
    ) {
        let kind = DAVPath.HomeKind.of(folder) ?? .calendars
        let resource = DAVResource.object(kind, folder, item)
        var found: [(XMLName, PropertyValue)] = []
        var missing: [(XMLName, Int)] = []
        for name in properties.names {
            if name == DAVNames.calendarDataType, kind == .calendars, let calendarData = properties.calendarData {
                found.append((name, .text(calendarData.text(of: item.body))))
            } else if name == DAVNames.addressData, kind == .addressbooks {
                let data = properties.addressData ?? AddressDataRequest(version: nil)
                found.append((name, .text(String(decoding: data.bytes(of: item.body), as: UTF8.self))))
            } else if let value = value(of: name, on: resource, context: context) {
                found.append((name, value))
            } else {
                missing.append((name, 404))
            }
        }
        multistatus.response(href: href(of: resource), found: found, failed: missing)
    }

    /// The calendar a report runs on: the collection itself, or the one of an object.
    func reportCalendar(_ resource: DAVResource) throws(DAVError) -> Folder {
        try reportCollection(resource, .calendars)
    }

    /// The collection of a home a report runs on: the collection itself, or the one of an object.
    func reportCollection(_ resource: DAVResource, _ kind: DAVPath.HomeKind) throws(DAVError) -> Folder {
        switch resource {
        case .collection(kind, let folder), .object(kind, let folder, _): return folder
        default: throw DAVError(403, .dav("supported-report"), "This report runs on a \(kind.collectionNoun).")
        }
    }

    // MARK: calendar-multiget (RFC 4791 §7.9)

    func calendarMultiget(_ body: XMLElement, on resource: DAVResource) async throws -> DAVResponse {
        try await multiget(body, of: .calendars)
    }

    // MARK: addressbook-multiget (RFC 6352 §8.7)

    func addressbookMultiget(_ body: XMLElement, on resource: DAVResource) async throws -> DAVResponse {
        try await multiget(body, of: .addressbooks)
    }

    /// The objects of the hrefs (in any collection of the home, RFC 4791 §7.9, RFC 6352 §8.7),
    /// in request order; an href naming nothing gets a 404 response.
    private func multiget(_ body: XMLElement, of kind: DAVPath.HomeKind) async throws -> DAVResponse {
        let properties = try ReportProperties(body)
        let context = try await propertyContext(needsQuota: false)
        // Resolve every href first, one store read per calendar, then answer in request order.
        var wanted: [(href: String, collection: String, name: String)?] = []
        var namesByCollection: [String: [String]] = [:]
        for hrefElement in body.children(DAVNames.href) {
            let href = hrefElement.text
            guard
                case .member(kind, let owner, let collection, let name)? = try? DAVPath(
                    Self.path(of: href) ?? href),
                owner == principal.address
            else {
                wanted.append(nil)
                continue
            }
            wanted.append((href, collection, name))
            namesByCollection[collection, default: []].append(name)
        }
        var found: [String: (Folder, [String: Item])] = [:]
        for (collection, names) in namesByCollection {
            guard let folder = try await self.collection(kind, named: collection) else { continue }
            let items = try await store.items(folderID: folder.id, resourceNames: names)
            found[collection] = (
                folder, Dictionary(items.map { ($0.resourceName, $0) }, uniquingKeysWith: { first, _ in first })
            )
        }
        var multistatus = Multistatus()
        for (index, hrefElement) in body.children(DAVNames.href).enumerated() {
            if let entry = wanted[index], let (folder, items) = found[entry.collection], let item = items[entry.name] {
                writeObject(folder, item, properties, context: context, to: &multistatus)
            } else {
                multistatus.response(href: hrefElement.text, status: 404)
            }
        }
        return .multistatus(multistatus.bytes)
    }

    // MARK: calendar-query (RFC 4791 §7.8)

    func calendarQuery(_ body: XMLElement, on resource: DAVResource) async throws -> DAVResponse {
        let folder = try reportCalendar(resource)
        let properties = try ReportProperties(body)
        guard let filterElement = body.child(XMLName(Namespaces.calDAV, "filter")) else {
            throw DAVError(403, XMLName(Namespaces.calDAV, "valid-filter"), "A calendar-query needs a filter.")
        }
        let filter = try CalendarFilter(filterElement)
        let context = try await propertyContext(for: folder)
        let floatingZone = calendarTimeZone(of: folder, context: context)
        // The index narrows by the widest time range of the filter; the filter decides.
        let range = filter.outerTimeRange
        let candidates: [Item]
        if let range {
            candidates = try await store.items(
                folderID: folder.id, overlapping: range.start.map { $0 - Self.floatingSlack },
                range.end.map { $0 + Self.floatingSlack })
        } else {
            candidates = try await store.items(folderID: folder.id)
        }
        var multistatus = Multistatus()
        for item in candidates {
            if case .object(_, _, let only) = resource, only.id != item.id { continue }
            guard let object = try? ICalendarObject.parse(String(decoding: item.body, as: UTF8.self)),
                filter.matches(object, floatingTimeZone: floatingZone)
            else { continue }
            writeObject(folder, item, properties, context: context, to: &multistatus)
        }
        return .multistatus(multistatus.bytes)
    }

    /// Floating times may sit up to 14 hours either side of UTC.
    static let floatingSlack: Int64 = 14 * 3600

    // MARK: free-busy-query (RFC 4791 §7.10)

    func freeBusyQuery(_ body: XMLElement, on resource: DAVResource) async throws -> DAVResponse {
        let folder = try reportCalendar(resource)
        guard let range = try CalendarFilter.timeRange(body), let start = range.start, let end = range.end else {
            throw DAVError(400, nil, "A free-busy-query needs a time-range with start and end.")
        }
        var periods: [BusyPeriod] = []
        for item in try await store.items(
            folderID: folder.id, overlapping: start - Self.floatingSlack, end + Self.floatingSlack)
        {
            guard let object = try? ICalendarObject.parse(String(decoding: item.body, as: UTF8.self)) else { continue }
            periods += object.busyPeriods(from: start, to: end)
        }
        periods.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac//CalDAV//EN", "BEGIN:VFREEBUSY",
            "DTSTAMP:" + ICalendarDate.formatUTC(Int64(Date().timeIntervalSince1970)),
            "DTSTART:" + ICalendarDate.formatUTC(start), "DTEND:" + ICalendarDate.formatUTC(end),
        ]
        for period in periods {
            let value =
                ICalendarDate.formatUTC(max(period.start, start)) + "/" + ICalendarDate.formatUTC(min(period.end, end))
            lines.append(period.type == "BUSY" ? "FREEBUSY:" + value : "FREEBUSY;FBTYPE=\(period.type):" + value)
        }
        lines += ["END:VFREEBUSY", "END:VCALENDAR"]
        return DAVResponse(
            status: 200, headers: [("Content-Type", "text/calendar; charset=utf-8")],
            body: Array((lines.joined(separator: "\r\n") + "\r\n").utf8))
    }
}

extension CalendarFilter {
    /// The time range of the first component filter below VCALENDAR, for the index.
    var outerTimeRange: TimeRange? {
        guard case .component(_, _, _, _, let components) = self else { return nil }
        for component in components {
            if case .component(_, false, let range?, _, _) = component { return range }
        }
        return nil
    }
}
