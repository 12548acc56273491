import CLibxml2

/// libxml2's process and thread state.
enum LibXML2 {
    /// `XML_PARSE_NONET` forbids network access; no `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDATTR`
    /// or `XML_PARSE_DTDVALID`, so entities are never substituted and no DTD is loaded.
    static let parseOptions = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// `xmlInitParser` once per process (thread-safe since libxml2 2.9); Swift runs a global's initialiser once.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Initialises libxml2 once and silences the calling thread's default error handlers, which would otherwise
    /// print errors that have no parser context to stderr.
    static func prepareThread() {
        _ = initialized
        almanac_xml_silence_thread()
    }
}
