package org.guangsha.sandbox.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form data of the sandbox's demo cases, one JSON file per case in the bundle's data area, so
 * they outlive a restart as the cases do. Only the sandbox keeps them; a real line keeps its forms
 * in its own tables.
 */
final class SandboxCaseForms {

    /**
     * What the citizen filled in.
     *
     * @param applicantName the applicant's name as written on the form
     * @param idNumber the applicant's ID number, or null when left out
     * @param householdSize people in the household
     * @param reason why the household applies
     */
    record DemoForm(String applicantName, String idNumber, int householdSize, String reason) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Path directory;

    SandboxCaseForms(Path directory) {
        this.directory = directory;
    }

    /** Keeps the form of {@code caseId} (written whole, then moved into place). */
    void save(String caseId, DemoForm form) {
        Path file = file(caseId);
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, "form", ".tmp");
            Files.write(temp, JSON.writeValueAsBytes(form));
            Files.move(
                    temp,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The form of {@code caseId}, if one was kept and not erased. */
    Optional<DemoForm> find(String caseId) {
        if (caseId == null || !CASE_ID.matcher(caseId).matches()) {
            return Optional.empty();
        }
        Path file = file(caseId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), DemoForm.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Erases the form of {@code caseId} (withdrawal, C-3). */
    void delete(String caseId) {
        if (caseId == null || !CASE_ID.matcher(caseId).matches()) {
            return;
        }
        try {
            Files.deleteIfExists(file(caseId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String caseId) {
        if (!CASE_ID.matcher(caseId).matches()) {
            throw new IllegalArgumentException("bad case id");
        }
        return directory.resolve(caseId + ".json");
    }
}
