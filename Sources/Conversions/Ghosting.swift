/// Which fields a Change that omits them clears (MS-ASCMD 2.2.3.179 `Supported`).
///
/// A field the client manages is "not ghosted": a Change without it deletes the stored value. A
/// ghosted field keeps its value. Without a `Supported` element in the collection's first Sync
/// every field that can be ghosted counts as not ghosted (rule 1); with one, only the elements it
/// lists do (rule 2; an empty `Supported` ghosts them all, rule 3). An Add never clears anything.
struct Ghosting {
    let supported: Set<String>?
    let isChange: Bool

    init(context: ConversionContext, isChange: Bool) {
        supported = context.supported
        self.isChange = isChange
    }

    /// Whether an absent `namespace:name` field clears the stored value.
    func clearsWhenAbsent(_ name: String, _ namespace: String) -> Bool {
        guard isChange else { return false }
        guard let supported else { return true }
        return supported.contains(namespace + ":" + name) || supported.contains(name)
    }
}
