import NIOCore

/// Remembers every open connection so `shutdown()` can close them; the first handler of each child channel.
final class ConnectionTracker: ChannelInboundHandler, Sendable {
    typealias InboundIn = NIOAny

    private let core: StandInCore

    init(core: StandInCore) {
        self.core = core
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        let accepted = core.withState { state in
            guard !state.isShutDown else { return false }
            state.connections[ObjectIdentifier(channel)] = channel
            return true
        }
        if !accepted { context.close(promise: nil) }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        let channel = context.channel
        core.withState { state in state.connections[ObjectIdentifier(channel)] = nil }
        context.fireChannelInactive()
    }
}
