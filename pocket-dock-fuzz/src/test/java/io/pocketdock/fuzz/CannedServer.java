package io.pocketdock.fuzz;

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server on a temporary Unix socket that reads each request's head and answers with whatever
 * bytes it was last given, then closes the connection. One connection at a time.
 */
final class CannedServer implements Closeable {
  private final Path dir;
  private final Path socket;
  private final ServerSocketChannel server;
  private final Thread thread;
  private volatile byte[] answer = new byte[0];

  private CannedServer(Path dir) throws IOException {
    this.dir = dir;
    this.socket = dir.resolve("s.sock");
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    this.thread = new Thread(this::serve, "canned-http-server");
    thread.setDaemon(true);
    thread.start();
  }

  static CannedServer start() throws IOException {
    return new CannedServer(Files.createTempDirectory("pd-fuzz-http"));
  }

  Path socket() {
    return socket;
  }

  void answer(byte[] bytes) {
    answer = bytes;
  }

  private void serve() {
    while (server.isOpen()) {
      try (SocketChannel c = server.accept()) {
        readHead(c);
        ByteBuffer out = ByteBuffer.wrap(answer);
        while (out.hasRemaining()) {
          c.write(out);
        }
      } catch (IOException e) {
        // The client gave up early or the server is closing: next connection.
      }
    }
  }

  private static void readHead(SocketChannel c) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    int state = 0; // counts the bytes of "\r\n\r\n" seen in a row
    while (state < 4) {
      one.clear();
      if (c.read(one) < 0) {
        return;
      }
      byte b = one.get(0);
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : (b == '\r' ? 1 : 0);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(socket);
    Files.deleteIfExists(dir);
  }
}
