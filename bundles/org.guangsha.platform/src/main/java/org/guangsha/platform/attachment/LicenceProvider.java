package org.guangsha.platform.attachment;

import java.util.Optional;
import org.guangsha.platform.i18n.LocalizedText;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The government electronic-licence service (电子证照, A-3). The platform asks it for a person's
 * licence by name and resident ID number; it answers with the licence file, or empty when the
 * service holds none for that person. A city installs one real provider; the sandbox installs a
 * simulator that returns marked samples. When several are installed the highest service ranking
 * wins.
 */
@ConsumerType
public interface LicenceProvider {

    /** Stable id, recorded as the source of every licence it returned. */
    String id();

    /** The service's name, shown next to fetched licences. */
    LocalizedText name();

    /**
     * Fetches a licence. Thrown exceptions mean the service failed (the citizen may retry); empty
     * means it has no such licence for the person.
     */
    Optional<Licence> fetch(LicenceType type, String name, String idNumber);
}
