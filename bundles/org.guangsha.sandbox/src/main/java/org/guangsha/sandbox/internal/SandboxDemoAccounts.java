package org.guangsha.sandbox.internal;

import java.util.concurrent.CompletableFuture;
import org.guangsha.platform.identity.AccountAdministration;
import org.guangsha.platform.identity.TrustLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo citizens for the sandbox, created once (an existing account is left alone). Their passwords
 * are published in the sandbox README: they exist only where the sandbox runs.
 */
@Component(immediate = true)
public class SandboxDemoAccounts {

    /** Password of every demo account. */
    static final String PASSWORD = "Demo#2026guangsha";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxDemoAccounts.class);

    /**
     * Creates the demo accounts in the background: password hashing is slow on purpose and must not
     * hold up the start of the platform.
     */
    @Activate
    public SandboxDemoAccounts(@Reference AccountAdministration accounts) {
        CompletableFuture.runAsync(
                        () -> {
                            // Made-up people; the ID numbers carry valid check digits.
                            accounts.ensureCitizen(
                                    "张三",
                                    "440304199001011233",
                                    "13800000001",
                                    PASSWORD,
                                    TrustLevel.L1);
                            accounts.ensureCitizen(
                                    "李四",
                                    "440305198505054327",
                                    "13800000002",
                                    PASSWORD,
                                    TrustLevel.L2);
                        })
                .whenComplete(
                        (done, failure) -> {
                            if (failure == null) {
                                LOG.warn(
                                        "SANDBOX demo citizens present: 13800000001 (L1),"
                                                + " 13800000002 (L2)");
                            } else {
                                LOG.error("SANDBOX demo citizens could not be created", failure);
                            }
                        });
    }
}
