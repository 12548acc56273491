import NIOCore

/// Makes an accepted connection read into small buffers at first, then leaves its pipeline.
///
/// NIO keeps each connection's receive buffer between reads, sized by its adaptive allocator
/// (2,048 bytes to start). Most ActiveSync and DAV requests are far smaller, and a phone's
/// connection mostly waits in Ping, so here it starts at 512 bytes. A read that fills the buffer
/// doubles the next one, up to 64 KiB, so large bodies still come in few reads.
final class SmallReceiveBuffer: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    static var allocator: AdaptiveRecvByteBufferAllocator {
        AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 512, maximum: 65_536)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        // Set before the first read: the handler is added while the channel is set up.
        try? context.channel.syncOptions?.setOption(ChannelOptions.recvAllocator, value: Self.allocator)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }
}
