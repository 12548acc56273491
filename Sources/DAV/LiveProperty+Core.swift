import DAVXML
import Foundation
import Store

extension LiveProperty {
    /// WebDAV, ACL, current-user-principal, sync and quota properties.
    static let core: [LiveProperty] = [
        LiveProperty(DAVNames.resourcetype, allprop: true) { resource, _ in
            switch resource {
            case .object: .empty
            case .principal:
                .xml {
                    $0.empty(DAVNames.collection)
                    $0.empty(DAVNames.principal)
                }
            case .collection(.calendars, _):
                .xml {
                    $0.empty(DAVNames.collection)
                    $0.empty(DAVNames.calendar)
                }
            case .collection(.addressbooks, _):
                .xml {
                    $0.empty(DAVNames.collection)
                    $0.empty(DAVNames.addressbook)
                }
            default: .xml { $0.empty(DAVNames.collection) }
            }
        },
        LiveProperty(DAVNames.displayname, allprop: true, settable: true) { resource, context in
            switch resource {
            case .collection(_, let folder): .text(folder.displayName)
            case .principal: .text(context.principal.displayName)
            case .home(let kind): .text(kind.displayName)
            default: nil
            }
        },
        LiveProperty(DAVNames.getetag, allprop: true) { resource, _ in
            switch resource {
            case .object(_, _, let item): .text("\"\(item.etag)\"")
            default: nil
            }
        },
        LiveProperty(DAVNames.getcontenttype, allprop: true) { resource, _ in
            switch resource {
            case .object(_, _, let item): .text(item.contentType)
            default: nil
            }
        },
        LiveProperty(DAVNames.getcontentlength, allprop: true) { resource, _ in
            switch resource {
            case .object(_, _, let item): .text(String(item.size))
            default: nil
            }
        },
        LiveProperty(DAVNames.getlastmodified, allprop: true) { resource, _ in
            switch resource {
            case .object(_, _, let item): .text(HTTPDate.format(item.updatedAt))
            case .collection(_, let folder): .text(HTTPDate.format(folder.updatedAt))
            default: nil
            }
        },
        LiveProperty(DAVNames.creationdate, allprop: true) { resource, _ in
            switch resource {
            case .object(_, _, let item): .text(HTTPDate.iso8601(item.createdAt))
            case .collection(_, let folder): .text(HTTPDate.iso8601(folder.createdAt))
            default: nil
            }
        },
        LiveProperty(DAVNames.owner) { resource, context in
            switch resource {
            case .entry, .principals: nil
            default: .href(Href.principal(context.principal.address))
            }
        },
        LiveProperty(DAVNames.currentUserPrincipal) { _, context in
            .href(Href.principal(context.principal.address))
        },
        LiveProperty(DAVNames.principalURL) { resource, context in
            guard case .principal = resource else { return nil }
            return .href(Href.principal(context.principal.address))
        },
        LiveProperty(DAVNames.principalCollectionSet) { _, _ in
            .href(DAVPath.principals.href)
        },
        LiveProperty(DAVNames.currentUserPrivilegeSet) { resource, _ in
            // RFC 3744 §5.4: the owner may do everything on their own resources.
            let privileges: [String] =
                switch resource {
                case .entry, .principals, .principal: ["read"]
                default:
                    [
                        "read", "write", "write-properties", "write-content", "bind", "unbind",
                        "read-current-user-privilege-set",
                    ]
                }
            return .xml { writer in
                for privilege in privileges {
                    writer.start(DAVNames.privilege)
                    writer.empty(.dav(privilege))
                    writer.end()
                }
            }
        },
        LiveProperty(DAVNames.supportedReportSet) { resource, _ in
            let reports: [XMLName] =
                switch resource {
                case .collection(.calendars, _):
                    [
                        DAVNames.calendarMultiget, DAVNames.calendarQuery, DAVNames.freeBusyQuery,
                        DAVNames.syncCollection,
                    ]
                case .collection(.addressbooks, _):
                    [DAVNames.addressbookMultiget, DAVNames.addressbookQuery, DAVNames.syncCollection]
                case .entry, .principals, .principal:
                    [.dav("principal-property-search"), .dav("principal-search-property-set")]
                default: []
                }
            guard !reports.isEmpty else { return nil }
            return .xml { writer in
                for report in reports {
                    writer.start(DAVNames.supportedReport)
                    writer.start(DAVNames.report)
                    writer.empty(report)
                    writer.end()
                    writer.end()
                }
            }
        },
        LiveProperty(DAVNames.syncToken) { resource, context in
            guard case .collection(_, let folder) = resource else { return nil }
            return .text(SyncToken(storeID: context.storeID, folderID: folder.id, modseq: folder.modseq).description)
        },
        LiveProperty(DAVNames.getctag) { resource, context in
            guard case .collection(_, let folder) = resource else { return nil }
            return .text(SyncToken(storeID: context.storeID, folderID: folder.id, modseq: folder.modseq).description)
        },
        LiveProperty(DAVNames.quotaUsedBytes) { resource, context in
            guard resource.isCollection, let used = context.usedBytes, resource.hasQuota else { return nil }
            return .text(String(used))
        },
        LiveProperty(DAVNames.quotaAvailableBytes) { resource, context in
            guard resource.isCollection, let used = context.usedBytes, resource.hasQuota else { return nil }
            return .text(String(max(0, context.principal.quotaBytes - used)))
        },
    ]
}

extension DAVResource {
    /// Quota properties apply to the user's collections (RFC 4331 §3).
    var hasQuota: Bool {
        switch self {
        case .home, .collection: true
        default: false
        }
    }
}
