/// What ``ActiveSyncService/start(_:)`` gives back: the answer, or a request that waits for a
/// change and answers later.
public enum ActiveSyncStart: Sendable {
    case answered(ActiveSyncResponse)
    /// Ping, or Sync with Wait or HeartbeatInterval, with nothing to say yet.
    case waiting(PendingResponse)
}
