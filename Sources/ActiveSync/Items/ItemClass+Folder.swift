import Conversions
import Store

extension ItemClass {
    /// The EAS class of a store folder's items; nil for mail, which the item converters do not
    /// serve.
    init?(_ folderClass: FolderClass) {
        switch folderClass {
        case .calendar: self = .calendar
        case .contacts: self = .contacts
        case .tasks: self = .tasks
        case .notes: self = .notes
        case .mail: return nil
        }
    }
}
