/// Moments inside `AtomicFile.write` where tests can inject a failure, standing in for a full disk or a crash.
package enum FaultPoint: Sendable, Equatable {
    /// The temp file holds every byte but is not yet synced or closed.
    case afterTempWrite
    /// The temp file is synced and closed; the rename over the target comes next.
    case beforeRename
}
