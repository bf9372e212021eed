package org.guangsha.platform.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {

    @TempDir Path dir;

    @Test
    void storesOnceUnderTheHashAndLeavesNoTemporaryFiles() throws Exception {
        FileStore store = new FileStore(dir);
        byte[] bytes = "身份证".getBytes(StandardCharsets.UTF_8);
        String hash = store.put(bytes);
        assertEquals(hash, store.put(bytes));
        assertTrue(Files.isRegularFile(dir.resolve(hash.substring(0, 2)).resolve(hash)));
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(1, files.filter(Files::isRegularFile).count());
        }
        assertArrayEquals(bytes, store.get(hash));
    }

    @Test
    void aFileAlteredOnDiskIsRefusedNotServed() throws Exception {
        FileStore store = new FileStore(dir);
        String hash = store.put(new byte[] {1, 2, 3});
        Files.write(store.path(hash), new byte[] {1, 2, 4});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.get(hash));
        assertTrue(e.getMessage().contains("altered"));
    }

    @Test
    void deleteRemovesAndMissingFilesAreReported() {
        FileStore store = new FileStore(dir);
        String hash = store.put(new byte[] {9});
        store.delete(hash);
        assertFalse(store.contains(hash));
        assertThrows(IllegalStateException.class, () -> store.get(hash));
    }

    @Test
    void onlyHashesNameFiles() {
        FileStore store = new FileStore(dir);
        assertThrows(IllegalArgumentException.class, () -> store.get("../../etc/passwd"));
    }
}
