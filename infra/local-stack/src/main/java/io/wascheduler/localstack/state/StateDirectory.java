package io.wascheduler.localstack.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder that holds one stack's data. A marker file proves a folder is one of ours, so a reset never
 * deletes a folder the stack did not create.
 */
public final class StateDirectory {

    static final String MARKER = ".wa-local-stack";

    private StateDirectory() {
    }

    /** Creates the folder (emptied first when {@code fresh}) and marks it as a stack's state folder. */
    public static void prepare(Path directory, boolean fresh) {
        try {
            if (fresh && Files.exists(directory)) {
                if (!isEmpty(directory) && !Files.exists(directory.resolve(MARKER))) {
                    throw new IllegalStateException("Refusing to wipe " + directory + ": it is not a local-stack state folder");
                }
                deleteRecursively(directory);
            }
            Files.createDirectories(directory);
            if (!Files.exists(directory.resolve(MARKER))) {
                Files.writeString(directory.resolve(MARKER),
                    "State of the wa-scheduler local stack; delete the folder to reset it.\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + directory, e);
        }
    }

    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
