package io.pocketdock.it;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Unix-socket proxy in front of a real engine socket that can be broken on demand: {@link
 * #breakAll()} stops listening and cuts every open connection, as an engine that dies mid-stream
 * would. Lets tests break the engine connection without touching the shared engines.
 */
final class BreakableProxy implements AutoCloseable {
  private final Path dir;
  private final Path socket;
  private final Path target;
  private final ServerSocketChannel server;
  private final List<SocketChannel> open = new CopyOnWriteArrayList<>();

  BreakableProxy(Path target) throws IOException {
    this.target = target;
    this.dir = Files.createTempDirectory("pd-proxy");
    this.socket = dir.resolve("engine.sock");
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Thread acceptor = new Thread(this::accept, "pd-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  Path socket() {
    return socket;
  }

  private void accept() {
    try {
      while (true) {
        SocketChannel client = server.accept();
        SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(target));
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      }
    } catch (IOException closed) {
      // breakAll() or close() closed the listener.
    }
  }

  private static void pump(SocketChannel from, SocketChannel to) {
    Thread t =
        new Thread(
            () -> {
              ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
              try {
                while (from.read(buffer) >= 0) {
                  buffer.flip();
                  while (buffer.hasRemaining()) {
                    to.write(buffer);
                  }
                  buffer.clear();
                }
                to.shutdownOutput();
              } catch (IOException broken) {
                // One side is gone; breakAll() closes the rest.
              }
            },
            "pd-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  /** Stops accepting and cuts every connection. */
  void breakAll() throws IOException {
    server.close();
    for (SocketChannel c : open) {
      c.close();
    }
  }

  @Override
  public void close() throws IOException {
    breakAll();
    Files.deleteIfExists(socket);
    Files.deleteIfExists(dir);
  }
}
