package dev.weft.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An append-only file where every activity execution writes a line when it starts: {@code START
 * workflowId seq nonce}. Appends survive SIGKILL (they are in the OS page cache once written), so
 * after the crashes the test can tell which executions happened, in order.
 */
final class StepJournal implements AutoCloseable {
  private final FileChannel channel;
  private final ReentrantLock lock = new ReentrantLock();

  StepJournal(Path file) {
    try {
      this.channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void started(String workflowId, int seq, String nonce) {
    byte[] line =
        ("START " + workflowId + " " + seq + " " + nonce + "\n").getBytes(StandardCharsets.UTF_8);
    lock.lock();
    try {
      channel.write(ByteBuffer.wrap(line));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.unlock();
    }
  }

  static List<String> read(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  static long lines(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) / 20 : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
