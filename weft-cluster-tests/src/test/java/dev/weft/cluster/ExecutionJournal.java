package dev.weft.cluster;

import dev.weft.activity.ActivityInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A node's append-only file of activity executions ({@code executions-<node>.log}), one {@link
 * Execution} a line. It lives outside the database, so it records executions whether or not their
 * results reach PostgreSQL, and each line is in the OS page cache once written, so it survives a
 * SIGKILL. A line cut short by a kill is ignored when read.
 */
final class ExecutionJournal implements AutoCloseable {
  private static final String PREFIX = "executions-";
  private final FileChannel channel;
  private final ReentrantLock lock = new ReentrantLock();

  ExecutionJournal(Path directory, String node) {
    try {
      this.channel =
          FileChannel.open(
              file(directory, node),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path file(Path directory, String node) {
    return directory.resolve(PREFIX + node + ".log");
  }

  void append(Execution.Phase phase, ActivityInfo info, String node) {
    String line = new Execution(phase, info.runId(), info.seq(), info.attempt(), node).toLine();
    lock.lock();
    try {
      channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.unlock();
    }
  }

  /** Reads one node's journal (empty if it has none yet). */
  static List<Execution> read(Path directory, String node) {
    return readFile(file(directory, node));
  }

  /** Reads the journals of every node in {@code directory}. */
  static List<Execution> readAll(Path directory) {
    List<Execution> all = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*.log")) {
      for (Path file : files) {
        all.addAll(readFile(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  private static List<Execution> readFile(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      String text = Files.readString(file);
      List<Execution> executions = new ArrayList<>();
      int end = text.lastIndexOf('\n');
      if (end < 0) {
        return executions;
      }
      for (String line : text.substring(0, end).split("\n")) {
        executions.add(Execution.parse(line));
      }
      return executions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
