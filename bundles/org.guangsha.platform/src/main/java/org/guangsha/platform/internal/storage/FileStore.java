package org.guangsha.platform.internal.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.guangsha.platform.internal.util.Digests;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content-addressed files: each is stored once under its SHA-256 ({@code ab/abcdef…}), written to a
 * temporary file in the same directory, forced to disk and then renamed, so a file is either whole
 * or absent, even when the machine stops half-way. Reading checks the hash again: a file altered on
 * disk is refused rather than served.
 */
@Component(service = FileStore.class, configurationPid = StorageConfiguration.PID)
@Designate(ocd = StorageConfiguration.class)
public class FileStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    /** Built by DS. */
    @Activate
    public FileStore(StorageConfiguration config) {
        this(directory(config.directory()));
    }

    /** A store in {@code root} (tests). */
    public FileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the file store " + this.root, e);
        }
        LOG.info("Files are stored in {}", this.root);
    }

    private static Path directory(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.trim());
        }
        return Paths.get(System.getProperty("karaf.data", "data"), "guangsha", "files");
    }

    /** Stores {@code bytes} unless they are stored already; returns their SHA-256. */
    public String put(byte[] bytes) {
        String hash = Digests.sha256Hex(bytes);
        Path target = path(hash);
        if (Files.isRegularFile(target)) {
            return hash;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            try {
                try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    out.force(true);
                }
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store a file", e);
        }
        return hash;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException sameBytesStoredMeanwhile) {
            // another request stored the same content first: it is the same file
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file store needs a file system with atomic renames", e);
        }
    }

    /** The bytes stored under {@code hash}; fails when missing or no longer matching its hash. */
    public byte[] get(String hash) {
        try {
            byte[] bytes = Files.readAllBytes(path(hash));
            if (!Digests.sameHash(hash, Digests.sha256Hex(bytes))) {
                throw new IllegalStateException("Stored file " + hash + " was altered on disk");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("Stored file " + hash + " is missing", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read stored file " + hash, e);
        }
    }

    /** Whether a file is stored under {@code hash}. */
    public boolean contains(String hash) {
        return Files.isRegularFile(path(hash));
    }

    /** Removes the file stored under {@code hash}, if any. */
    public void delete(String hash) {
        try {
            Files.deleteIfExists(path(hash));
        } catch (IOException e) {
            LOG.warn("Could not remove stored file {}", hash, e);
        }
    }

    /** The store's directory. */
    public Path root() {
        return root;
    }

    Path path(String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("Not a SHA-256: " + hash);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }
}
