package io.pocketdock.internal.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process server on a temporary Unix socket that plays scripted HTTP, byte for byte, so the
 * transport can be tested against exact (and broken) wire formats without an engine.
 */
final class FakeEngine implements AutoCloseable {

  /** Handles one accepted connection. */
  @FunctionalInterface
  interface Script {
    void run(Peer peer) throws Exception;
  }

  /** The server side of one connection. */
  static final class Peer {
    final SocketChannel channel;
    final InputStream in;
    final OutputStream out;
    String head = "";

    Peer(SocketChannel channel) {
      this.channel = channel;
      this.in = new BufferedInputStream(Channels.newInputStream(channel));
      this.out = Channels.newOutputStream(channel);
    }

    /** Reads the request head up to the empty line. */
    String readHead() throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int c = in.read();
        if (c < 0) {
          break;
        }
        bytes.write(c);
        matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
      }
      head = bytes.toString(StandardCharsets.ISO_8859_1);
      return head;
    }

    /** Reads the request body announced by Content-Length, if any. */
    byte[] readBody() throws IOException {
      java.util.regex.Matcher length =
          java.util.regex.Pattern.compile("(?i)\r\nContent-Length: (\\d+)\r\n").matcher(head);
      return length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
    }

    /** Blocks until the client closes (or half-closes) its side, discarding what it sends. */
    void awaitClientClose() throws IOException {
      in.transferTo(OutputStream.nullOutputStream());
    }

    void send(String text) throws IOException {
      send(text.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }
  }

  private final Path socket;
  private final ServerSocketChannel server;
  private final Thread acceptor;
  private final List<Thread> handlers = new CopyOnWriteArrayList<>();
  private final List<SocketChannel> accepted = new CopyOnWriteArrayList<>();
  final ConcurrentLinkedQueue<String> requestHeads = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
  private volatile boolean closing;

  FakeEngine(Path dir, Script script) throws IOException {
    this.socket = dir.resolve("engine.sock");
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    this.acceptor = new Thread(() -> acceptLoop(script), "fake-engine-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A script that reads the request head and sends a fixed response. */
  static Script replying(String response) {
    return peer -> {
      peer.readHead();
      peer.send(response);
    };
  }

  Path socket() {
    return socket;
  }

  private void acceptLoop(Script script) {
    while (server.isOpen()) {
      SocketChannel channel;
      try {
        channel = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      accepted.add(channel);
      Thread handler =
          new Thread(
              () -> {
                Peer peer = new Peer(channel);
                try (channel) {
                  script.run(peer);
                } catch (Exception | AssertionError e) {
                  if (!closing) {
                    failures.add(e);
                  }
                } finally {
                  requestHeads.add(peer.head);
                }
              },
              "fake-engine-connection");
      handler.setDaemon(true);
      handlers.add(handler);
      handler.start();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      shutDown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the fake engine", e);
    }
  }

  private void shutDown() throws IOException, InterruptedException {
    server.close();
    acceptor.join(5000);
    // Let scripts finish on their own first; failures after the forced close are not theirs.
    for (Thread handler : handlers) {
      handler.join(2000);
    }
    closing = true;
    for (SocketChannel channel : accepted) {
      channel.close();
    }
    for (Thread handler : handlers) {
      handler.join(5000);
    }
  }
}
