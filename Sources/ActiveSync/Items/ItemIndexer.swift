import Conversions
import ICalendar
import ItemIndexing
import Store
import VCard

/// What the store indexes of a converted item, exactly as a DAV PUT of the same text would
/// index it (DAVExchange+Put, +PutCard): iCalendar through ``CalendarIndex`` with the
/// calendar's floating time zone, vCards through ``CardIndex``.
enum ItemIndexer {
    /// The index of `body`; throws ``ItemFailure/conversion`` when the text does not parse, so
    /// a converter's bad output is refused like a bad client item.
    static func index(_ body: [UInt8], itemClass: ItemClass, floatingTimeZone: String?) throws(ItemFailure)
        -> ItemIndex
    {
        switch itemClass {
        case .contacts:
            guard let card = try? VCard.parseSingle(body) else { throw .conversion("the vCard does not parse") }
            return CardIndex.index(card)
        case .calendar, .tasks, .notes:
            guard let object = try? ICalendarObject.parse(bytes: body) else {
                throw .conversion("the iCalendar text does not parse")
            }
            return CalendarIndex.index(object, floatingTimeZone: floatingTimeZone)
        }
    }
}
