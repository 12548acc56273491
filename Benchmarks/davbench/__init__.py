"""Shared parts of the DAV benchmarks (Benchmarks/caldav, Benchmarks/carddav):
the timed HTTP client, the servers started on loopback, the steps every
collection is put through, and the table of figures."""
