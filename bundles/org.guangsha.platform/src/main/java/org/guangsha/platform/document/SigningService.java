package org.guangsha.platform.document;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The signing ceremony (P-3), one for every line: confirm details → read the commitment letter
 * (countdown) → type it → face check on the phone → read the contract (countdown) → handwritten
 * signature → the PDF with the signature in its field, digitally signed with the city's key → 签订成功.
 * The citizen walks the steps through {@code /api/signing/{id}}; the server refuses any step out of
 * order with 409. Lines learn of the result through {@link SigningListener} services.
 */
@ProviderType
public interface SigningService {

    /** Starts a ceremony; refuses an unknown document type or missing values with 400. */
    SigningFlow start(SigningRequest request);

    /** The flow if it belongs to {@code accountId}. */
    Optional<SigningFlow> find(String flowId, String accountId);
}
