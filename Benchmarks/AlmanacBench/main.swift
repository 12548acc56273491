import Foundation

// AlmanacBench: throughput and latency benchmarks (DESIGN.md: Benchmarks/), one subcommand each.
// Local only: temporary files, and for foldersync and sync a server on 127.0.0.1.

let usage = """
    usage: AlmanacBench <benchmark> [options]

    benchmarks:
      store [--items N] [--dir PATH]   store writes per second and change-bus wake-up latency
      wbxml [--items N] [--seconds S]  WBXML decode and encode throughput of a Sync response
      foldersync [--requests N] [--seconds S] [--clients C]
                                       FolderSync requests per second through a server on loopback
      sync [--items N | --quick] [--version 14.1|16.1]
                                       initial Sync (windows of 512) and incremental Sync of N events
                                       and N contacts through a server on loopback
      ping [--users U] [--devices D] [--changes N] [--quick] [--almanac PATH]
                                       U × D phones waiting in Ping on an almanac serve process:
                                       memory per Ping, push latency, CalDAV GET beside them
    """

let arguments = CommandLine.arguments.dropFirst()
do {
    switch arguments.first {
    case "store":
        try await StoreBenchmark(arguments: arguments.dropFirst()).run()
    case "wbxml":
        try WBXMLBenchmark(arguments: arguments.dropFirst()).run()
    case "foldersync":
        try await FolderSyncBenchmark(arguments: arguments.dropFirst()).run()
    case "sync":
        try await SyncBenchmark(arguments: arguments.dropFirst()).run()
    case "ping":
        try await PingBenchmark(arguments: arguments.dropFirst()).run()
    case "-h", "--help", "help":
        print(usage)
    default:
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
} catch let error as UsageError {
    FileHandle.standardError.write(Data("AlmanacBench: \(error)\n\n\(usage)\n".utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("AlmanacBench: \(error)\n".utf8))
    exit(1)
}
