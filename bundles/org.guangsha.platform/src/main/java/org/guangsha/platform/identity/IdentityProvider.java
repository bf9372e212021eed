package org.guangsha.platform.identity;

import java.util.Map;
import java.util.Optional;
import org.guangsha.platform.i18n.LocalizedText;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Another way to log in (I-3): WeChat scan, online-banking certificate, CA certificate, electronic
 * social-security card, iAM Smart. The provider checks the credentials with its service and says
 * whose resident ID number they prove; the platform logs that citizen in.
 */
@ConsumerType
public interface IdentityProvider {

    /** Stable id, used in {@code POST /api/identity/login/{id}}. */
    String id();

    /** The name on the login page. */
    LocalizedText name();

    /** What the login page must send, by field name. */
    Map<String, LocalizedText> inputs();

    /** The resident ID number the credentials prove, or empty when they prove nothing. */
    Optional<String> authenticate(Map<String, String> credentials);
}
