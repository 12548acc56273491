import Conversions
import Store
import WBXML

/// EAS 16.x commands on one instance of a recurring series: `Change` and `Delete` with
/// `AirSyncBase:InstanceId` beside ServerId (MS-ASCMD 2.2.3.24, 2.2.3.42.2; MS-ASAIRS
/// 2.2.2.25). Both rewrite the series item (same resource, new ETag), so the server's next
/// `Change` of it carries the instance in `Exceptions`. A failure is answered with the item's
/// status and the instance id (2.2.3.154 Responses): 8 for an instance the series does not
/// have, 6 for an id that is no date or an item whose class has no instances, 4 for an
/// InstanceId below 16.0.
extension SyncRound {
    mutating func deleteInstance(serverID: String, instanceID: String) async throws {
        let conversion = conversion
        try await applyInstance("Delete", serverID: serverID, instanceID: instanceID) {
            converter, body throws(ConversionError) in
            try converter.deleteInstance(instanceID, from: body, context: conversion)
        }
    }

    mutating func changeInstance(serverID: String, instanceID: String, _ data: WBXMLElement) async throws {
        let conversion = conversion
        try await applyInstance("Change", serverID: serverID, instanceID: instanceID) {
            converter, body throws(ConversionError) in
            try converter.changeInstance(instanceID, data.children, in: body, context: conversion)
        }
    }

    private mutating func applyInstance(
        _ kind: String, serverID: String, instanceID: String,
        _ convert: (any InstanceConverter, [UInt8]) throws(ConversionError) -> ConvertedItem
    ) async throws {
        // MS-ASAIRS 2.2.2.25: InstanceId exists from 16.0. Below, a Change or Delete that
        // carries one does not follow the protocol (MS-ASCMD 2.2.3.177.17, status 4) and is
        // refused, not read as a command on the whole series.
        guard conversion.version >= .v160 else {
            responses.append(SyncResponse.response(kind, serverID: serverID, instanceID: nil, status: .protocolError))
            return
        }
        do {
            guard let item = try await folder.item(serverID: serverID) else { throw ItemFailure.notFound }
            guard let converter = folder.converter as? any InstanceConverter else {
                throw ItemFailure.conversion("\(folder.folder.folderClass.rawValue) items have no instances")
            }
            let converted: ConvertedItem
            do {
                converted = try convert(converter, item.body)
            } catch {
                throw ItemFailure(error)
            }
            try await store(converted, over: item)
        } catch let failure as ItemFailure {
            let shown = instanceID.utf8.count <= 64 ? instanceID : nil
            responses.append(
                SyncResponse.response(kind, serverID: serverID, instanceID: shown, status: failure.syncStatus))
        }
    }
}
