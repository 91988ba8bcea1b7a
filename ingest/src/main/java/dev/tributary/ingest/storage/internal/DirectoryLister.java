package dev.tributary.ingest.storage.internal;

import dev.tributary.ingest.storage.StoragePollException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Lists the regular files below a directory, keyed by their path relative to it with {@code /} separators. A file's
 * ETag is the hex MD5 of its content, as S3 gives for a single-part upload. Symbolic links are not followed.
 *
 * <p><b>Scanning rather than a {@code WatchService}:</b> a scan sees the whole tree, subdirectories created later
 * included, behaves the same on every operating system (the JDK's watch service polls on macOS anyway), and cannot
 * lose events to an overflow; for a development directory, a scan per second costs little.
 *
 * <p>A file is hashed again only when its size or modification time changed since it was last hashed, or when its
 * modification time was so close to that hash that a write within the same timestamp tick could have followed it
 * (the "racily clean" case git knows): a rewrite of the same length within one tick is still noticed.
 * Not thread-safe: its poller serializes the scans.
 */
public final class DirectoryLister implements ObjectLister {

    /** Covers file systems with coarse timestamps and the skew between the clock and the file system's time. */
    private static final Duration RACY_MARGIN = Duration.ofSeconds(2);

    /** A file's version and the start of the scan that hashed it. */
    private record Hashed(ObjectVersion version, Instant scanStart) {
    }

    private final Path root;
    private final Clock clock;
    private Map<String, Hashed> hashed = new HashMap<>();

    public DirectoryLister(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public SortedMap<String, ObjectVersion> list() {
        Instant started = clock.instant();
        Map<String, Hashed> scanned = new HashMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile()) {
                        String key = key(file);
                        Hashed version = version(file, attributes, hashed.get(key), started);
                        if (version != null) {
                            scanned.put(key, version);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException && !file.equals(root)) {
                        return FileVisitResult.CONTINUE; // deleted while the scan ran: gone
                    }
                    throw e;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new StoragePollException("cannot scan " + describe() + ": " + e
                    + "; check that the directory exists and is readable", e);
        }
        hashed = scanned;
        SortedMap<String, ObjectVersion> files = new TreeMap<>();
        scanned.forEach((key, version) -> files.put(key, version.version()));
        return files;
    }

    @Override
    public String describe() {
        return "directory " + root;
    }

    /** What the events name as the bucket: the directory's absolute path. */
    public String bucket() {
        return root.toString();
    }

    private String key(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** The file's version, hashed again unless that is known to be unnecessary; null when it vanished meanwhile. */
    private static Hashed version(Path file, BasicFileAttributes attributes, Hashed before, Instant scanStart)
            throws IOException {
        Instant modified = attributes.lastModifiedTime().toInstant();
        long size = attributes.size();
        if (before != null && before.version().size() == size && before.version().lastModified().equals(modified)
                && modified.isBefore(before.scanStart().minus(RACY_MARGIN))) {
            return before;
        }
        try {
            return new Hashed(new ObjectVersion(md5(file), size, modified), scanStart);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String md5(Path file) throws IOException {
        MessageDigest md5 = md5();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md5)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5, this one failed", e);
        }
    }
}
