// libical 3.x (Debian libical-dev), through pkg-config "libical".
// Every call into libical goes through ICalendar's `Libical.run`, which holds one global lock:
// libical keeps global state (builtin time zone cache, icalerrno).
#ifndef ALMANAC_CLIBICAL_SHIM_H
#define ALMANAC_CLIBICAL_SHIM_H

#include <libical/ical.h>

/// `icalerrno` is a macro over a function; Swift cannot import it.
static inline icalerrorenum almanac_icalerrno(void) { return icalerrno; }

#endif
