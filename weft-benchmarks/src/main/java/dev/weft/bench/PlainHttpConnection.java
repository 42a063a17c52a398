package dev.weft.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection with blocking reads and writes, one request at a time: what a
 * remote worker in another language holds per poller (the Python example's {@code http.client},
 * Node's {@code http} agent), and much lighter than the JDK's asynchronous {@code HttpClient},
 * whose selector and future chains took about a fifth of the CPU when the pollers shared the
 * server's JVM and cores. Reconnects when the server closes the connection. Not thread-safe: one
 * per poller.
 */
final class PlainHttpConnection implements AutoCloseable {
  /** A response: its status and body (empty for none). */
  record Response(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  PlainHttpConnection(URI server) {
    this.host = server.getHost();
    this.port = server.getPort();
  }

  /** POSTs {@code body} as JSON to {@code path} (with its query) and reads the whole response. */
  Response postJson(String path, byte[] body) throws IOException {
    byte[] head =
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: "
                + host
                + ":"
                + port
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    for (int attempt = 0; ; attempt++) {
      boolean fresh = socket == null;
      try {
        connectIfNeeded();
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        out.write(request); // one write, one segment
        out.flush();
        return readResponse();
      } catch (EOFException | java.net.SocketException e) {
        close();
        if (fresh || attempt > 0) {
          throw e; // a new connection that fails is a real failure; a kept one may just be stale
        }
      }
    }
  }

  private void connectIfNeeded() throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), 5_000);
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      out = socket.getOutputStream();
    }
  }

  private Response readResponse() throws IOException {
    String status = line();
    if (!status.startsWith("HTTP/1.1 ") && !status.startsWith("HTTP/1.0 ")) {
      throw new IOException("not an HTTP/1.x response: '" + status + "'");
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = status.startsWith("HTTP/1.0 ");
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> close = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    byte[] body;
    if (chunked) {
      body = chunkedBody();
    } else if (length >= 0) {
      body = in.readNBytes((int) length);
      if (body.length != length) {
        throw new EOFException("the response ended after " + body.length + " of " + length);
      }
    } else if (code == 204 || code == 304) {
      body = new byte[0];
    } else {
      body = in.readAllBytes();
      close = true;
    }
    if (close) {
      close();
    }
    return new Response(code, body);
  }

  private byte[] chunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line();
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        while (!line().isEmpty()) {
          // trailers: none expected, skipped
        }
        return body.toByteArray();
      }
      byte[] chunk = in.readNBytes(n);
      if (chunk.length != n) {
        throw new EOFException("a chunk ended after " + chunk.length + " of " + n + " bytes");
      }
      body.writeBytes(chunk);
      line();
    }
  }

  /** One header line without its CRLF. */
  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the connection closed mid-response");
      }
      if (b == '\n') {
        int last = line.length() - 1;
        if (last >= 0 && line.charAt(last) == '\r') {
          line.setLength(last);
        }
        return line.toString();
      }
      line.append((char) b);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a connection we give up on: nothing to recover
      }
      socket = null;
      in = null;
      out = null;
    }
  }
}
