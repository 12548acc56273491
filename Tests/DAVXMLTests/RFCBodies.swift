/// Request bodies from the RFCs, as printed there.
enum RFCBodies {
    /// RFC 4918 §9.1.3: retrieving named properties, with a second namespace declared on `prop`.
    static let propfindNamed = """
        <?xml version="1.0" encoding="utf-8" ?>
        <D:propfind xmlns:D="DAV:">
          <D:prop xmlns:R="http://ns.example.com/boxschema/">
            <R:bigbox/>
            <R:author/>
            <R:DingALing/>
            <R:Random/>
          </D:prop>
        </D:propfind>
        """

    /// RFC 4918 §9.1.4: `propname`, with DAV: as the default namespace.
    static let propfindPropname = """
        <?xml version="1.0" encoding="utf-8" ?>
        <propfind xmlns="DAV:">
          <propname/>
        </propfind>
        """

    /// RFC 4918 §9.1.6: `allprop` with `include`.
    static let propfindAllprop = """
        <?xml version="1.0" encoding="utf-8" ?>
        <D:propfind xmlns:D="DAV:">
          <D:allprop/>
          <D:include>
            <D:supported-live-property-set/>
            <D:supported-report-set/>
          </D:include>
        </D:propfind>
        """

    /// RFC 4791 §7.8.1: calendar-query with a partial calendar-data and a time-range filter.
    static let calendarQuery = """
        <?xml version="1.0" encoding="utf-8" ?>
        <C:calendar-query xmlns:D="DAV:"
                      xmlns:C="urn:ietf:params:xml:ns:caldav">
          <D:prop>
            <C:calendar-data>
              <C:comp name="VCALENDAR">
                <C:prop name="VERSION"/>
                <C:comp name="VEVENT">
                  <C:prop name="SUMMARY"/>
                  <C:prop name="UID"/>
                  <C:prop name="DTSTART"/>
                  <C:prop name="DTEND"/>
                  <C:prop name="DURATION"/>
                  <C:prop name="RRULE"/>
                  <C:prop name="RDATE"/>
                  <C:prop name="EXRULE"/>
                  <C:prop name="EXDATE"/>
                  <C:prop name="RECURRENCE-ID"/>
                </C:comp>
                <C:comp name="VTIMEZONE"/>
              </C:comp>
            </C:calendar-data>
          </D:prop>
          <C:filter>
            <C:comp-filter name="VCALENDAR">
              <C:comp-filter name="VEVENT">
                <C:time-range start="20060104T000000Z"
                              end="20060105T000000Z"/>
              </C:comp-filter>
            </C:comp-filter>
          </C:filter>
        </C:calendar-query>
        """

    /// RFC 6578 §3.8: the initial sync-collection REPORT.
    static let syncCollection = """
        <?xml version="1.0" encoding="utf-8" ?>
        <D:sync-collection xmlns:D="DAV:">
          <D:sync-token/>
          <D:sync-level>1</D:sync-level>
          <D:prop xmlns:R="urn:ns.example.com:boxschema">
            <D:getetag/>
            <R:bigbox/>
          </D:prop>
        </D:sync-collection>
        """
}
