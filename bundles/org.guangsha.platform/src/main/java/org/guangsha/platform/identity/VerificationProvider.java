package org.guangsha.platform.identity;

import java.util.Map;
import org.guangsha.platform.i18n.LocalizedText;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One real-name verification method (实名认证, DOMAIN.md I-2, I-4): face recognition, bank card,
 * electronic social-security card, ... Each is a service; the platform lists those installed and
 * raises an account to L2 when one of them passes. A method that needs a round trip (a face check
 * on the phone) answers {@link VerificationOutcome.Status#PENDING} until it is done.
 */
@ConsumerType
public interface VerificationProvider {

    /** Stable id of the method, e.g. {@code face}, {@code bank-card}. */
    String id();

    /** The name citizens see. */
    LocalizedText name();

    /** What the citizen must supply, by input field name, e.g. {@code cardNumber}: 银行卡号. */
    Map<String, LocalizedText> inputs();

    /** Checks {@code subject} with the citizen's {@code input}. */
    VerificationOutcome verify(VerificationSubject subject, Map<String, String> input);
}
