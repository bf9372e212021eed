package org.guangsha.shenzhen.rental.data;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Imports a city's homes, leases, residents and waiting-list ranks from CSV files (the files of
 * {@code POST /api/shenzhen/rental/admin/imports}). Registered by the Shenzhen rental line.
 */
@ProviderType
public interface RentalDataImport {

    /** The files an import may hold, in the order they are read. */
    String HOMES = "homes.csv";

    /** Leases; a lease names its home by home code. */
    String LEASES = "leases.csv";

    /** Co-residents and occupants; each names its lease by lease number. */
    String RESIDENTS = "residents.csv";

    /** Waiting-list ranks (安居房, 公租房) on a day. */
    String WAITING = "waiting.csv";

    /**
     * Checks every row of every file, and the rows against each other and what is stored, then
     * stores all of it in one transaction.
     *
     * @param files file name ({@link #HOMES}, {@link #LEASES}, {@link #RESIDENTS}, {@link
     *     #WAITING}) to its bytes (UTF-8, with or without a byte-order mark); any subset, not empty
     * @param importedBy the operator's account id, or null (the system)
     * @return what was stored
     * @throws ImportRejectedException naming every problem; nothing is stored then
     */
    ImportSummary importFiles(Map<String, byte[]> files, String importedBy);

    /** Whether a home with this code is stored (what a seeder checks before importing again). */
    boolean homeExists(String homeCode);
}
