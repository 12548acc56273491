import Conversions
import Foundation
import Store
import WBXML

extension ItemFolder {
    /// The converter, or a conversion failure for a class without one.
    func requireConverter() throws(ItemFailure) -> any ItemConverter {
        guard let converter else { throw .conversion("no converter for \(folder.folderClass.rawValue) items") }
        return converter
    }

    /// The `ApplicationData` children of a stored item.
    func applicationData(of item: Item, context: ConversionContext) throws(ItemFailure) -> [WBXMLElement] {
        do {
            return try requireConverter().applicationData(from: item.body, context: context)
        } catch let error as ConversionError {
            throw ItemFailure(error)
        } catch {
            throw error as? ItemFailure ?? .conversion("\(error)")
        }
    }

    /// A client Add, converted, indexed and written as `<UID>.ics` / `<UID>.vcf` (DESIGN.md).
    /// An item of the same UID already in the folder (a 16.x client resending its ClientUid)
    /// is returned instead of written twice. `clientAdd` is recorded with the item, in its write.
    ///
    /// - Throws: ``ItemFailure`` for this item; other errors are the store's.
    func create(
        _ applicationData: [WBXMLElement], context: ConversionContext, clientAdd: ClientAdd? = nil
    ) async throws -> Item {
        let converted: ConvertedItem
        do {
            converted = try requireConverter().merge(applicationData, into: nil, context: context)
        } catch let error as ConversionError {
            throw ItemFailure(error)
        }
        let itemClass = try requireClass()
        let index = try ItemIndexer.index(converted.body, itemClass: itemClass, floatingTimeZone: floatingTimeZone)
        if let existing = try await store.items(folderID: folder.id, uid: converted.uid).first {
            return existing
        }
        var name = Self.resourceName(uid: converted.uid, itemClass: itemClass)
        if try await store.item(folderID: folder.id, resourceName: name) != nil {
            name = Self.resourceName(uid: UUID().uuidString, itemClass: itemClass)
        }
        return try await put(
            name, converted, index: index, itemClass: itemClass, condition: .ifNoneMatchAny, clientAdd: clientAdd)
    }

    /// The text a client Change makes of a stored item, merged by the converter so that what
    /// EAS does not carry stays.
    func merge(_ applicationData: [WBXMLElement], into item: Item, context: ConversionContext)
        throws(ItemFailure) -> ConvertedItem
    {
        do {
            return try requireConverter().merge(applicationData, into: item.body, context: context)
        } catch let error as ConversionError {
            throw ItemFailure(error)
        } catch {
            throw error as? ItemFailure ?? .conversion("\(error)")
        }
    }

    /// Writes a merged text over the item, on the condition that it is still the version read.
    func write(_ converted: ConvertedItem, over item: Item) async throws -> Item {
        let itemClass = try requireClass()
        let index = try ItemIndexer.index(converted.body, itemClass: itemClass, floatingTimeZone: floatingTimeZone)
        return try await put(
            item.resourceName, converted, index: index, itemClass: itemClass, condition: .ifMatch(item.etag))
    }

    private func put(
        _ name: String, _ converted: ConvertedItem, index: ItemIndex, itemClass: ItemClass, condition: WriteCondition,
        clientAdd: ClientAdd? = nil
    ) async throws -> Item {
        do {
            return try await store.putItem(
                folderID: folder.id, resourceName: name, contentType: itemClass.contentType, body: converted.body,
                index: index, condition: condition, quotaLimit: quotaLimit, clientAdd: clientAdd
            ).item
        } catch let error as StoreError {
            if let failure = ItemFailure(error) { throw failure }
            throw error
        }
    }

    private func requireClass() throws(ItemFailure) -> ItemClass {
        guard let itemClass else { throw .conversion("\(folder.folderClass.rawValue) items are not converted") }
        return itemClass
    }

    /// `<UID>.<ext>` when the UID makes a plain URL segment (letters, digits, `.`, `-`, `_`,
    /// `@`, `+`, at most 200 bytes); else a fresh UUID takes its place in the name.
    static func resourceName(uid: String, itemClass: ItemClass) -> String {
        let plain =
            !uid.isEmpty && uid.utf8.count <= 200 && uid != "." && uid != ".."
            && uid.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || "0123456789.-_@+".unicodeScalars.contains($0))
            }
        return (plain ? uid : UUID().uuidString.lowercased()) + "." + itemClass.resourceExtension
    }
}
