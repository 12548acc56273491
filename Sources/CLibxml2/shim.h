// The parts of libxml2 that DAVXML uses: the SAX2 push parser and its
// structured errors. Include paths come from pkg-config (libxml-2.0).
#ifndef ALMANAC_CLIBXML2_SHIM_H
#define ALMANAC_CLIBXML2_SHIM_H

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

// libxml2 reports errors that have no parser context through the calling
// thread's generic and structured handlers, which print to stderr by
// default. The generic handler is variadic, which Swift cannot implement,
// so the no-op handlers live here.
static inline void almanac_xml_ignore_generic(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void almanac_xml_ignore_structured(void *context, xmlErrorPtr error) {
    (void)context;
    (void)error;
}

// Silences the calling thread's default error handlers (they are
// thread-local when libxml2 is built with threads, as Debian's is).
static inline void almanac_xml_silence_thread(void) {
    xmlSetGenericErrorFunc(NULL, almanac_xml_ignore_generic);
    xmlSetStructuredErrorFunc(NULL, almanac_xml_ignore_structured);
}

#endif
