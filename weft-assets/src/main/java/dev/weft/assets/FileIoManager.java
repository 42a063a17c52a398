package dev.weft.assets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.assets.internal.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps each asset in a file under a directory: {@code <dir>/chain/raw_blocks.json} (JSON through
 * Jackson) or {@code <dir>/chain/raw_blocks.bin} (raw bytes: the value is a {@code byte[]}); a
 * partition {@code p} of an asset in {@code <dir>/chain/raw_blocks.partitions/p.json}. A store
 * writes a temporary file in the same directory, forces it to disk and renames it over the old one
 * atomically, so readers never see half a file. Thread-safe.
 *
 * <pre>{@code
 * IoManager files = FileIoManager.json(Path.of("/var/lib/weft/assets"));
 * }</pre>
 */
public final class FileIoManager implements IoManager {
  private final Path dir;
  private final ObjectMapper json;

  private FileIoManager(Path dir, ObjectMapper json) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.json = json;
  }

  /** Returns a manager writing JSON files under {@code dir} with the default mapper. */
  public static FileIoManager json(Path dir) {
    return new FileIoManager(dir, Json.mapper());
  }

  /** Returns a manager writing JSON files under {@code dir} with this mapper. */
  public static FileIoManager json(Path dir, ObjectMapper mapper) {
    return new FileIoManager(dir, Objects.requireNonNull(mapper, "mapper"));
  }

  /** Returns a manager writing values that are {@code byte[]} as they are under {@code dir}. */
  public static FileIoManager bytes(Path dir) {
    return new FileIoManager(dir, null);
  }

  /** Returns the file that holds this asset's value for this partition. */
  public Path fileOf(AssetKey key, String partition) {
    String ext = json == null ? ".bin" : ".json";
    Path base = dir;
    for (String segment : key.segments().subList(0, key.segments().size() - 1)) {
      base = base.resolve(segment);
    }
    if (partition.isEmpty()) {
      return base.resolve(key.name() + ext);
    }
    return base.resolve(key.name() + ".partitions")
        .resolve(URLEncoder.encode(partition, StandardCharsets.UTF_8) + ext);
  }

  @Override
  public StoredOutput store(OutputContext output, Object value) throws IOException {
    byte[] bytes;
    if (json == null) {
      if (!(value instanceof byte[] b)) {
        throw new IllegalArgumentException(
            "asset "
                + output.key()
                + ": a raw-bytes FileIoManager stores byte[], got "
                + (value == null ? "null" : value.getClass().getName()));
      }
      bytes = b;
    } else {
      bytes = json.writeValueAsBytes(value);
    }
    Path file = fileOf(output.key(), output.partition());
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    return new StoredOutput(
        DataVersion.ofBytes(bytes), Map.of("path", file.toString(), "bytes", bytes.length));
  }

  @Override
  public Object load(InputContext input) throws IOException {
    Path file = fileOf(input.key(), input.partition());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(
          file.toString(), null, "no stored value of asset " + input.key());
    }
    if (json == null) {
      return bytes;
    }
    return json.readValue(bytes, json.getTypeFactory().constructType(input.genericType()));
  }
}
